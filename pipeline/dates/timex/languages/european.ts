// Dates in French, German and Spanish: one set of families, made from each language's words (languages/fr.ts, de.ts,
// es.ts), resolved with the same anchors and calendar as the English ones. The forms are HeidelTime's for these
// languages, learned from its rules and written here in our shape: "le 4 mai 1994", "am 4. Mai 1994", "el 4 de mayo
// de 1994", "mai 1994", "en mai", "fin juin", "19.11.2001", "du 2 au 4 juillet", "les années 1990", "die neunziger
// Jahre", "im 19. Jahrhundert", "hier", "la semaine prochaine", "am Dienstag", "el año pasado", "octobre dernier",
// "vor zwei Jahren", "dos años después".
import {
  centurySpan,
  daySpan,
  decadeSpan,
  fromDayNumber,
  halfSpan,
  monthSpan,
  quarterSpan,
  rangeSpan,
  type Season,
  type Span,
  seasonSpan,
  toDayNumber,
  weekSpan,
  yearSpan,
} from '../../calendar.ts';
import { nearestQuarter } from '../families/quarters.ts';
import {
  dayOrNull,
  deicticSpan,
  explicit,
  implicit,
  nearWeekday,
  referenceDay,
  shiftSpan,
  withParts,
  yearOfUnstated,
  ymd,
} from '../resolve.ts';
import type { Pattern } from '../types.ts';
import { monthNames, YEAR4 } from '../vocabulary.ts';

/** A language's words for dates, as regular-expression fragments and tables (lower case). */
export interface DateWords {
  /** Month names and abbreviations, each with its number. */
  months: Record<string, number>;
  seasons: Record<string, Season>;
  /** Sunday first, as Date#getDay counts. */
  weekdays: string[];
  /** A day of the month as written before its month: "1er", "4", "4." */
  day: string;
  /** Between the day and the month ("4 mai", "4. Mai", "4 de mayo"), and between the month and the year. */
  dayToMonth: string;
  monthToYear: string;
  /** Before a season with its year: "au printemps 1998", "im Frühjahr 1998", "en la primavera de 1998". */
  seasonToYear: string;
  /** Words before a season named alone, with the space after them, left out of the date ("au printemps"). */
  seasonBefore: string;
  /** A decade: group `decade` holds its first year ("les années 1990", "den 1990er Jahren"). */
  decade: string;
  /** A century: group `century` holds its number, in digits or Roman ("XIXe siècle", "19. Jahrhundert"). */
  century: string;
  /** The words of the eras after a year or a century: before Christ ("av. J.-C.", "v. Chr.", "a. C.") and after. */
  eraBefore: string;
  eraAfter: string;
  /** A range of days in one month: groups d1, d2 around the language's words ("du 2 au 4", "vom 2. bis 4."). */
  dayRange: string;
  /** A range of years: groups y1, y2 ("de 1996 à 1998", "zwischen 1992 und 1994"). */
  yearRange: string;
  /** Yesterday, today, tomorrow: each word and its shift in days. */
  days: Record<string, number>;
  /** Words before which a day word is a part of a day, not a day ("am Morgen", "por la mañana"): a lookbehind. */
  dayNot?: string;
  /** "l'an dernier", "im vergangenen Jahr", "el año pasado": groups `unit` and `which` in either order. */
  relative: string[];
  /** Unit words, singular and plural, to English units, and direction words to last/next/this. */
  units: Record<string, 'year' | 'month' | 'week' | 'weekend' | 'day'>;
  directions: Record<string, 'last' | 'next' | 'this'>;
  /** A weekday with its optional direction: groups `weekday` and `which`. */
  weekday: string;
  /** Words before a month named alone, with the space after them, left out of the date ("en mai", "im Mai"). */
  monthBefore: string;
  /** Words of a part of a month, kept in the date ("fin mai", "Ende Mai", "a finales de mayo"). */
  monthPart: string;
  /** A month with a direction: MONTH where the month stands, group `which` ("octobre dernier", "im vergangenen Oktober"). */
  monthWhich: string[];
  /** A season with a direction: SEASON where it stands, group `which` ("l'été dernier", "im kommenden Frühjahr"). */
  seasonWhich: string[];
  /** A month or season of last or next year: PERIOD where it stands, group `which` ("März vergangenen Jahres", "marzo
   * del año pasado", "l'été de l'année dernière"). */
  ofYear: string[];
  /** So many units ago, from the document's date: groups `count` and `unit` ("il y a deux ans", "vor zwei Jahren"). */
  ago: string;
  /** So many units from now, from the document's date: groups `count` and `unit` ("dans deux semaines", "in zwei
   * Wochen", "dentro de dos semanas"). */
  ahead: string;
  /** So many units after or before the date just told: groups `count`, `unit`, `direction` ("trois jours plus tard"). */
  later: string;
  /** Direction words of `later` that count back ("plus tôt", "zuvor", "antes"). */
  earlier: string[];
  /** Numbers in words, for `ago` and `later`. */
  numbers: Record<string, number>;
  /** Times the narrative is at, from the date just told: each phrase with its unit and how many of them on (0: the
   * same; "le lendemain", "am folgenden Tag", "ese mismo día", "l'année suivante", "im selben Jahr"); a day of the
   * days just told, counted from their first or last ("le premier jour", "am zweiten Tag", "el último día"). */
  anaphora: Record<string, ['year' | 'month' | 'week' | 'day' | 'first day' | 'last day', number]>;
  /** A year after the word for year, group `year` ("l'année 2004", "im Jahr 2004", "el año 2004"). */
  yearWord: string;
  /** A decade in words, group `word` ("les années quatre-vingt-dix", "die neunziger Jahre", "los años noventa"),
   * and the first year of each (of the twentieth century, as they are read). */
  decadeWords: string;
  decades: Record<string, number>;
  /** A quarter or half of a year: groups `nth`, `unit` and an optional `year` ("au premier trimestre 2024", "im
   * zweiten Halbjahr", "el primer semestre de 2024"), with the ordinals and the unit words. */
  quarter: string;
  ordinals: Record<string, number>;
  quarterUnits: Record<string, 'quarter' | 'half'>;
  /** Words that tell the future ("sera", "wird", "cerrará", "va signer"): a date without its year in such a clause
   * lies ahead of the text's date, as in English "will meet on May 12". */
  future: string;
  /** Words that tell the past ("a signé", "hatte", "aprobó"); with neither, a clause is in the present, and a day
   * without its year is the nearest one, as in English "comments are due Jan. 18". */
  past: string;
}

const g = (source: string) => new RegExp(source, 'gidu');
const alternatives = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.]/g, '\\.'))
    .join('|');

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
/** A century's number, from digits or Roman numerals. */
function centuryNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  const digits = text.toLowerCase().split('');
  digits.forEach((c, i) => {
    const value = ROMAN[c] ?? 0;
    total += value < (ROMAN[digits[i + 1] ?? ''] ?? 0) ? -value : value;
  });
  return total;
}

const YEAR = `(?<year>${YEAR4})`;
const END = '(?![\\p{L}\\d])';
const monthGroup = (w: DateWords) => `(?<month>${alternatives(Object.keys(w.months))})`;
/** A month's number from its name or abbreviation, with or without its full stop. */
const monthOf = (w: DateWords, word: string) =>
  w.months[word.toLowerCase().replace(/\.$/, '')] ?? w.months[word.toLowerCase()]!;
/** A day's number from "1er", "4.", "4". */
const dayOf = (word: string) => Number(word.replace(/\D/g, ''));

/** The families of patterns of one language. */
export function europeanFamilies(w: DateWords): Pattern[] {
  return [
    ...calendarDates(w),
    ...monthsAlone(w),
    ...periods(w),
    quartersOf(w),
    ...deicticDates(w),
    ...counted(w),
    narrative(w),
  ];
}

/** "au premier trimestre 2024", "im zweiten Halbjahr": its year, or the year a date without one would be in. */
function quartersOf(w: DateWords): Pattern {
  return {
    re: g(w.quarter),
    build: (m) => {
      const nth = w.ordinals[m.groups.nth!.toLowerCase()];
      const unit = w.quarterUnits[m.groups.unit!.toLowerCase()];
      if (!nth || !unit || (unit === 'half' && nth > 2)) return null;
      const stated = m.groups.year ? Number(m.groups.year) : null;
      const span = (year: number) => (unit === 'half' ? halfSpan(year, nth as 1 | 2) : quarterSpan(year, nth));
      if (stated) return () => explicit(span(stated));
      return (ctx, at) => {
        if (unit === 'quarter' && ctx.news) return implicit(nearestQuarter(ctx, at, nth));
        const year = yearOfUnstated(ctx, at, unit === 'half' ? 6 * nth - 5 : 3 * nth - 2);
        return implicit(year === null ? null : span(year));
      };
    },
  };
}

/** The tense of the clause a date stands in, from the words for the future and the past in it; case counts
 * ("Alexandra" is no future of "-dra"). */
export function tenseReader(w: DateWords): (text: string) => (offset: number) => 'future' | 'past' | 'present' {
  const [future, past] = [new RegExp(w.future, 'u'), new RegExp(w.past, 'u')];
  return (text) => {
    // (the sentences' ends, found once for all the text's dates)
    const ends = [...text.matchAll(/(?<!\d)[.!?;](?=\s|$)/gu)].map((m) => m.index);
    return (offset) => {
      const clause = clauseAround(text, ends, offset);
      return future.test(clause) ? 'future' : past.test(clause) ? 'past' : 'present';
    };
  };
}

/** The clause around an offset: between commas inside its sentence, with the next clause when the date opens the
 * sentence ("Le 12 mai, le parlement votera") or stands in a short phrase. A full stop after a digit ends no sentence
 * ("am 12. Mai"). */
function clauseAround(text: string, ends: number[], offset: number): string {
  const start = Math.max(0, ...ends.filter((i) => i < offset).map((i) => i + 1));
  const end = ends.find((i) => i >= offset) ?? text.length;
  const sentence = text.slice(start, end);
  const clauses = sentence.split(/,\s/u);
  let at = 0,
    i = 0;
  while (i < clauses.length - 1 && start + at + clauses[i]!.length < offset) at += clauses[i++]!.length + 2;
  // (a short phrase holding the date, first or between commas, has its verb in the clause after: "Antes, en otoño,
  // licitaremos la segunda fase")
  return i === 0 || clauses[i]!.split(/\s+/).length <= 5 ? clauses.slice(i, i + 2).join(', ') : clauses[i]!;
}

/** "le lendemain", "im selben Jahr", "al año siguiente": the narrative's date, or the one so many units on. */
function narrative(w: DateWords): Pattern {
  const phrases = new Map(Object.entries(w.anaphora).map(([phrase, shift]) => [phrase.toLowerCase(), shift]));
  const source = [...phrases.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/['’]/g, "['’]")
        .replace(/\s+/g, '\\s+'),
    )
    .join('|');
  return {
    // (not a day that comes round: "le premier jour de chaque mois")
    re: g(`(?<![\\p{L}'’])(?:${source})(?![\\p{L}])(?!\\s+(?:de\\s+chaque|jedes|de\\s+cada)(?![\\p{L}]))`),
    build: (m) => {
      const said = m[0].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
      const [unit, count] = phrases.get(said) ?? [];
      if (!unit || count === undefined) return null;
      return (ctx) => {
        const anchor = ctx.anchor;
        if (unit === 'first day' || unit === 'last day') {
          // a day of the days last told as a span: "du 10 au 12 juin ... le premier jour", "le dernier jour"
          const days = ctx.days;
          if (!days) return null;
          const day = unit === 'first day' ? toDayNumber(days.start) + count : toDayNumber(days.end) - count;
          if (day > toDayNumber(days.end) || day < toDayNumber(days.start)) return null;
          return implicit(daySpan(...ymd(fromDayNumber(day))));
        }
        if (!anchor || (unit === 'month' && anchor.precision !== 'day' && anchor.precision !== 'month')) return null;
        if (unit === 'week' && anchor.precision === 'day')
          return implicit(weekSpan(fromDayNumber(toDayNumber(anchor.start) + 7 * count)));
        return implicit(shiftFrom(anchor, unit, count));
      };
    },
  };
}

/** A month named without its year: in the year the reader is in, or the nearest, as in English ("in May"). */
function monthsAlone(w: DateWords): Pattern[] {
  const MONTH = monthGroup(w);
  const noYear = `(?!${w.monthToYear}${YEAR4})${END}`;
  return [
    // fin mai, Ende Mai, a finales de mayo; en mai, im Mai, en mayo
    {
      re: g(`(?:(?<part>${w.monthPart})|(?<=(?:^|[\\s(])(?:${w.monthBefore})))${MONTH}${noYear}`),
      build: (m) => {
        const mo = monthOf(w, m.groups.month!);
        return mo ? (ctx, at) => implicit(monthOrNull(yearOfUnstated(ctx, at, mo), mo)) : null;
      },
    },
    // au printemps, im Frühjahr, en primavera: in the year the reader is in, or the nearest
    {
      re: g(
        `(?<=(?:^|[\\s(])(?:${w.seasonBefore}))(?<season>${alternatives(Object.keys(w.seasons))})(?!${w.seasonToYear}${YEAR4})${END}`,
      ),
      build: (m) => {
        const season = w.seasons[m.groups.season!.toLowerCase()]!;
        const first = { SP: 3, SU: 6, FA: 9, WI: 12 }[season];
        return (ctx, at) => {
          const year = yearOfUnstated(ctx, at, first);
          return implicit(year === null ? null : seasonSpan(year, season));
        };
      },
    },
    ...seasonsAndMonthsOfYears(w),
    // octobre dernier, im vergangenen Oktober, el pasado octubre
    ...w.monthWhich.map(
      (source): Pattern => ({
        deictic: true,
        re: g(source.replace('MONTH', MONTH)),
        build: (m) => {
          const mo = monthOf(w, m.groups.month!);
          const which = w.directions[m.groups.which!.toLowerCase()];
          return mo && which ? (ctx) => implicit(deicticSpan(ctx, which, monthNames[mo - 1]!)) : null;
        },
      }),
    ),
  ];
}

const SEASON_NAMES: Record<Season, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

/** "l'été dernier", "diesen Sommer", "el próximo verano"; "März vergangenen Jahres", "el verano del año pasado". */
function seasonsAndMonthsOfYears(w: DateWords): Pattern[] {
  const SEASON = `(?<season>${alternatives(Object.keys(w.seasons))})`;
  const PERIOD = `(?<period>${alternatives([...Object.keys(w.months), ...Object.keys(w.seasons)])})`;
  const which = (m: { groups: Record<string, string | undefined> }) => w.directions[m.groups.which!.toLowerCase()];
  return [
    ...w.seasonWhich.map(
      (source): Pattern => ({
        deictic: true,
        re: g(source.replace('SEASON', SEASON)),
        build: (m) => {
          const season = w.seasons[m.groups.season!.toLowerCase()];
          const step = which(m);
          return season && step ? (ctx) => implicit(deicticSpan(ctx, step, SEASON_NAMES[season])) : null;
        },
      }),
    ),
    ...w.ofYear.map(
      (source): Pattern => ({
        deictic: true,
        re: g(source.replace('PERIOD', PERIOD)),
        build: (m) => {
          const said = m.groups.period!.toLowerCase();
          const [season, month] = [w.seasons[said], w.months[said.replace(/\.$/, '')] ?? w.months[said]];
          const step = { last: -1, next: 1, this: 0 }[which(m) ?? 'this'];
          return (ctx) => {
            const today = referenceDay(ctx);
            if (!today || (!season && !month)) return null;
            const year = Number(today.start.slice(0, 4)) + step;
            return implicit(season ? seasonSpan(year, season) : monthSpan(year, month!));
          };
        },
      }),
    ),
  ];
}

const monthOrNull = (year: number | null, month: number) => (year === null ? null : monthSpan(year, month));

/** So many years, months, weeks or days ago (from the document's date) or later (from the date just told). */
function counted(w: DateWords): Pattern[] {
  const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : w.numbers[word.toLowerCase()]);
  const unitOf = (word: string) => w.units[word.toLowerCase()];
  return [
    // il y a deux ans, vor zwei Jahren, hace dos años
    {
      deictic: true,
      re: g(w.ago),
      build: (m) => {
        const [n, unit] = [count(m.groups.count!), unitOf(m.groups.unit!)];
        return n && unit ? (ctx) => implicit(shiftFrom(referenceDay(ctx), unit, -n)) : null;
      },
    },
    // dans deux semaines, in zwei Wochen, dentro de dos semanas
    {
      deictic: true,
      re: g(w.ahead),
      build: (m) => {
        const [n, unit] = [count(m.groups.count!), unitOf(m.groups.unit!)];
        return n && unit ? (ctx) => implicit(shiftFrom(referenceDay(ctx), unit, n)) : null;
      },
    },
    // trois jours plus tard, zwei Jahre später, tres días después; un an plus tôt, ein Jahr zuvor, un año antes
    {
      re: g(w.later),
      build: (m) => {
        const [n, unit] = [count(m.groups.count!), unitOf(m.groups.unit!)];
        const back = w.earlier.includes(m.groups.direction!.toLowerCase().replace(/\s+/g, ' '));
        return n && unit ? (ctx) => implicit(shiftFrom(ctx.anchor, unit, back ? -n : n)) : null;
      },
    },
  ];
}

/** A span shifted by so many units; none from a date too coarse to count days or weeks from. */
const shiftFrom = (anchor: Span | null, unit: string, count: number) =>
  !anchor || ((unit === 'day' || unit === 'week') && anchor.precision !== 'day')
    ? null
    : shiftSpan(anchor, unit, count);

/** Days, ranges of days, months and seasons of the calendar. */
function calendarDates(w: DateWords): Pattern[] {
  const MONTH = monthGroup(w);
  const month = (word: string) => monthOf(w, word);
  const day = dayOf;
  return [
    // 4 mai 1994, 4. Mai 1994, 4 de mayo de 1994, 1er mai 1994 (and without the year: the anchor's, or the nearest),
    // with its weekday: lundi 4 mai 1994, Montag, den 4. Mai 1994, lunes 4 de mayo de 1994
    {
      re: g(
        `(?<![\\p{L}\\d])(?:(?:${alternatives(w.weekdays)}),?\\s+(?:(?:dem|den)\\s+)?)?(?<day>${w.day})${w.dayToMonth}${MONTH}(?:${w.monthToYear}${YEAR})?${END}`,
      ),
      build: (m) => {
        const { day: d, month: name, year } = m.groups;
        const mo = month(name!);
        const n = day(d!);
        if (!mo || n < 1 || n > 31) return null;
        return (ctx, at) => {
          const y = year ? Number(year) : yearOfUnstated(ctx, at, mo, n);
          const span = y === null ? null : dayOrNull(y, mo, n);
          return year ? explicit(span) : implicit(span);
        };
      },
    },
    // du 2 au 4 juillet 1997, vom 2. bis 4. Juli 1997, del 2 al 4 de julio de 1997
    {
      re: g(`${w.dayRange}${w.dayToMonth}${MONTH}(?:${w.monthToYear}${YEAR})?${END}`),
      build: (m) => {
        const { d1, d2, month: name, year } = m.groups;
        const mo = month(name!);
        const [a, b] = [day(d1!), day(d2!)];
        if (!mo || a >= b || b > 31) return null;
        const at = m.indices.groups;
        return withParts(
          (ctx, offset) => {
            const y = year ? Number(year) : yearOfUnstated(ctx, offset, mo, a);
            const [first, last] = y === null ? [null, null] : [dayOrNull(y, mo, a), dayOrNull(y, mo, b)];
            const span = first && last ? rangeSpan(first, last) : null;
            return year ? explicit(span) : implicit(span);
          },
          [at.d1!, [at.d2![0], m.index + m[0].length]],
        );
      },
    },
    // mai 1994, Mai 1994, mayo de 1994
    {
      re: g(`(?<![\\p{L}\\d.])${MONTH}${w.monthToYear}${YEAR}${END}`),
      build: (m) => {
        const mo = month(m.groups.month!);
        return mo ? () => explicit(monthSpan(Number(m.groups.year), mo)) : null;
      },
    },
    // 19.11.2001, 19/11/2001 (day first, as these languages write it)
    {
      re: g(`(?<![\\d./])(?<day>[0-3]?\\d)[./](?<month>[01]?\\d)[./]${YEAR}(?![\\d./]\\d)`),
      build: (m) => () => explicit(dayOrNull(Number(m.groups.year), Number(m.groups.month), Number(m.groups.day))),
    },
    // au printemps 1998, im Frühjahr 1998, en la primavera de 1998
    {
      re: g(`(?<![\\p{L}])(?<season>${alternatives(Object.keys(w.seasons))})${w.seasonToYear}${YEAR}${END}`),
      build: (m) => () => explicit(seasonSpan(Number(m.groups.year), w.seasons[m.groups.season!.toLowerCase()]!)),
    },
  ];
}

/** The nth century before Christ: the 5th is 500 to 401 BC, years -499 to -400 as astronomers count (1 BC is 0). */
function centuryBeforeChrist(n: number): Span {
  const [first, last] = [1 - n * 100, 1 - ((n - 1) * 100 + 1)];
  return {
    value: `BC${String(n - 1).padStart(2, '0')}`,
    start: yearSpan(first).start,
    end: yearSpan(last).end,
    precision: 'century',
  };
}

/** Decades, centuries and ranges of years. */
function periods(w: DateWords): Pattern[] {
  return [
    // les années 1990, in den 1990er Jahren, la década de 1990
    {
      re: g(w.decade),
      build: (m) => () => explicit(decadeSpan(Number(m.groups.decade))),
    },
    // l'année 2004, im Jahr 2004, en el año 2004
    {
      re: g(w.yearWord),
      build: (m) => () => explicit(yearSpan(Number(m.groups.year))),
    },
    // les années quatre-vingt-dix, die neunziger Jahre, los años noventa
    {
      re: g(w.decadeWords),
      build: (m) => {
        // "60er", "60": the decades of the twentieth century, as they are read when written short
        const word = m.groups.word!.toLowerCase().replace(/^(\d0)er$/, '$1');
        const first = w.decades[word] ?? (/^[2-9]0$/.test(word) ? 1900 + Number(word) : undefined);
        return first ? () => explicit(decadeSpan(first)) : null;
      },
    },
    // au XIXe siècle, im 19. Jahrhundert, en el siglo XIX; au Ve siècle av. J.-C., im 5. Jahrhundert v. Chr.
    {
      re: g(`${w.century}(?:\\s*(?<bc>${w.eraBefore})|\\s*(?:${w.eraAfter}))?`),
      build: (m) => {
        const n = centuryNumber(m.groups.century!);
        if (n < 1 || n > 21) return null;
        return () => explicit(m.groups.bc ? centuryBeforeChrist(n) : centurySpan(n));
      },
    },
    // en 52 av. J.-C., 9 n. Chr., el año 218 a. C.: a year of its era
    {
      re: g(`(?<![\\p{L}\\d.,])(?<year>\\d{1,4})\\s*(?:(?<bc>${w.eraBefore})|(?:${w.eraAfter}))`),
      build: (m) => {
        const n = Number(m.groups.year);
        return n >= 1 ? () => explicit(yearSpan(m.groups.bc ? 1 - n : n)) : null;
      },
    },
    // de 1996 à 1998, zwischen 1992 und 1994, entre 1992 y 1994
    {
      re: g(w.yearRange),
      build: (m) => {
        const [a, b] = [Number(m.groups.y1), Number(m.groups.y2)];
        if (b <= a || b - a > 100) return null;
        const at = m.indices.groups;
        return withParts(() => explicit(rangeSpan(yearSpan(a), yearSpan(b))), [at.y1!, at.y2!]);
      },
    },
  ];
}

/** Yesterday and tomorrow, last year and next week, weekdays: read from the document's date and the tense. */
function deicticDates(w: DateWords): Pattern[] {
  return [
    // hier, aujourd'hui, demain; gestern, heute, morgen; ayer, hoy, mañana
    {
      deictic: true,
      re: g(`(?<![\\p{L}'])${w.dayNot ? `(?<!${w.dayNot})` : ''}(?<word>${alternatives(Object.keys(w.days))})${END}`),
      build: (m) => {
        const shift = w.days[m.groups.word!.toLowerCase()]!;
        return (ctx) =>
          ctx.reference ? implicit(daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + shift)))) : null;
      },
    },
    // l'an dernier, la semaine prochaine, im vergangenen Jahr, nächste Woche, el año pasado, este mes
    ...w.relative.map(
      (source): Pattern => ({
        deictic: true,
        re: g(source),
        build: (m) => {
          const unit = w.units[m.groups.unit!.toLowerCase()];
          const which = w.directions[m.groups.which!.toLowerCase()];
          return unit && which ? (ctx) => implicit(deicticSpan(ctx, which, unit)) : null;
        },
      }),
    ),
    // mardi, le mardi suivant, am Dienstag, letzten Montag, el martes, el lunes pasado
    {
      deictic: true,
      // (not a weekday that a day of the month follows: "Mittwoch, dem 4. Mai 1994" is read whole)
      re: g(`${w.weekday}(?!,?\\s+(?:(?:dem|den)\\s+)?\\d)`),
      build: (m) => {
        const target = w.weekdays.indexOf(m.groups.weekday!.toLowerCase());
        if (target < 0) return null;
        const which = m.groups.which ? w.directions[m.groups.which.toLowerCase()] : undefined;
        return (ctx, at) => implicit(nearWeekday(ctx, at, target, which));
      },
    },
  ];
}
