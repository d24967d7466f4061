// Temporal expressions: find them in a text (recognise) and give each a calendar span (resolve).
//
// Recognition is a set of small regular expressions, none with nested quantifiers, so a match costs time linear in
// the text. Candidates that overlap are settled longest-first; neighbours joined by "-", "to" or "and" become ranges.
// Resolution walks the mentions in reading order with an anchor (the last date the reader has seen) so that "the same
// year", "September" or "two years later" are read as a reader would read them.
import {
  centurySpan, compareDays, daySpan, decadeSpan, fromDayNumber, isValidDay, monthSpan, parseIsoDay, partOf, rangeSpan,
  seasonSpan, toDayNumber, weekday, yearSpan,
  type Part, type Season, type Span,
} from './calendar.ts';

export interface Context {
  /** The date the reader last saw: what "the same year" or a bare "July 3" refer to. */
  anchor: Span | null;
  /** The document's own date (dateline, compile date, front matter, --reference-date): "yesterday", "on Friday". */
  reference: string | null;
  /** The first date the text states: the anchor for a bare "July 3" read before any year (not today's year). */
  fallback?: Span | null;
}

export interface Timex extends Span {
  text: string;
  /** [start, end) into the text that was searched. */
  offset: [number, number];
  /** For a range, the offsets of its two ends (TimeML corpora tag them separately). */
  parts?: [number, number][];
  /** True when the text states the year itself; false when it was taken from the anchor or the reference date. */
  explicit: boolean;
}

type Resolver = (ctx: Context) => (Span & { explicit: boolean }) | null;

interface Candidate {
  start: number;
  end: number;
  resolve: Resolver;
  parts?: [number, number][];
}

// ---- vocabulary -------------------------------------------------------------------------------------------------

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const monthAbbreviations: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
// "Oct." anywhere, "Oct" only before a number ("Oct 10, 1945").
const MONTH = `(?:${monthNames.join('|')}|(?:${Object.keys(monthAbbreviations).join('|')})(?:\\.|(?=\\s\\d)))`;
const MONTH_FULL = `(?:${monthNames.join('|')})`;
const DAY = `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR4 = `(?:1\\d{3}|20\\d{2})`;
const ERA = `(?:BCE|BC|B\\.C\\.(?:E\\.)?|AD|A\\.D\\.|CE|C\\.E\\.)`;
const YEAR = `(?:${YEAR4}(?:\\s?${ERA}(?![a-z]))?|\\d{1,4}\\s?${ERA}(?![a-z])|A\\.?D\\.?\\s?\\d{1,4})`;
const SEASON = `(?:spring|summer|autumn|fall|winter)`;
const DASH = `\\s?[-\u2010\u2011\u2012\u2013\u2014]\\s?`;
const PART = `(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|middle)(?:-|\\s+))`;
const EDGE = `(?:(?:the\\s+)?(?:beginning|start|end|middle|close|turn|first\\s+half|second\\s+half|latter\\s+half|latter\\s+part|early\\s+part|first\\s+part)\\s+of\\s+(?:the\\s+)?)`;
const MOD = `(?:${PART}|${EDGE})?`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: NaN, few: NaN, some: NaN,
};
const COUNT = `(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})`;
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth',
  'nineteenth', 'twentieth', 'twenty-first'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Words that make a following bare month a date ("in May", "by early October"), not a verb or a modal. */
const MONTH_CUE = /\b(?:in|on|by|until|till|since|from|of|during|before|after|through|throughout|to|and|or|between|around|about|until|late|early|mid|that|this|last|next|following|previous|same|each|every)\s+(?:the\s+)?$/i;
/** Words before a number that make it a count or a label, not a year. */
const NOT_YEAR_BEFORE = /(?:\b(?:article|articles|art|page|pages|p|pp|no|nos|number|numbers|law|laws|act|resolution|decree|chapter|section|paragraph|item|vol|volume|flight|route|highway|room|code|model|type|division|regiment|brigade|corps|battalion|squadron|army|unit|platoon|company|fleet|group|point|points|hill|height|km|mile|miles|at|some|nearly|approximately|over|under|about|almost|than|exactly|total|totalling|totaling|of)\.?|[-$\u20ac\u00a3#\u2116\u00a7+=\d.,:/])\s*$/i;
/** Temporal prepositions: after these a four-digit number is a year even before a noun ("in 1994 troops ..."). */
const YEAR_CUE = /\b(?:in|since|until|till|by|from|during|before|after|between|through|early|late|mid|circa|c\.|year|years|spring|summer|autumn|fall|winter|to|and|of)\s+$/i;
/** After a number: units and plural nouns make it a count ("1500 soldiers"), not a year. */
const NOT_YEAR_AFTER = /^(?:\s*(?:%|percent|per\s+cent|[-\u2013]?(?:km|kg|mm|cm|m|kilomet|met|mile|ton|men|man|strong)\b)|[.,]\d|\s+[a-z]+s\b(?!\s+(?:of|in|at|on|and|the|a|was|were|after|before|when)\b))/;

// ---- reading numbers ------------------------------------------------------------------------------------------------

function monthOf(token: string): number {
  const word = token.toLowerCase().replace(/\.$/, '');
  const full = monthNames.indexOf(word);
  return full >= 0 ? full + 1 : (monthAbbreviations[word] ?? 0);
}

/** "1994" -> 1994; "490 BC" -> -489 (astronomical numbering, 1 BC = 0). */
function yearOf(token: string): number {
  const digits = Number(/\d+/.exec(token)![0]);
  return /B\.?C/i.test(token) ? 1 - digits : digits;
}

const dayOf = (token: string) => Number.parseInt(token, 10);

function seasonOf(word: string): Season {
  const w = word.toLowerCase();
  return w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : w === 'winter' ? 'WI' : 'FA';
}

function partOfWords(words: string | undefined): Part | null {
  if (!words) return null;
  const w = words.toLowerCase();
  if (/\b(?:early|beginning|start|first\s+half|first\s+part|early\s+part)\b/.test(w)) return 'early';
  if (/\b(?:late|end|close|turn|second\s+half|latter)\b/.test(w)) return 'late';
  if (/\b(?:mid|middle)\b/.test(w)) return 'mid';
  return null;
}

const withPart = (span: Span, words: string | undefined): Span => {
  const part = partOfWords(words);
  return part ? partOf(span, part) : span;
};

const explicit = (span: Span | null) => (span ? { ...span, explicit: true } : null);
const implicit = (span: Span | null) => (span ? { ...span, explicit: false } : null);

function anchorYear(ctx: Context): number | null {
  const anchor = ctx.anchor ?? ctx.fallback ?? (ctx.reference ? yearSpan(parseIsoDay(ctx.reference).year) : null);
  return anchor ? parseIsoDay(anchor.start).year : null;
}

function dayOrNull(year: number, month: number, day: number): Span | null {
  return isValidDay(year, month, day) ? daySpan(year, month, day) : null;
}

function shiftSpan(anchor: Span, unit: string, count: number): Span | null {
  const { year, month } = parseIsoDay(anchor.start);
  if (unit.startsWith('year')) return yearSpan(year + count);
  if (unit.startsWith('decade')) return yearSpan(year + 10 * count);
  if (unit.startsWith('month')) {
    const index = year * 12 + (month - 1) + count;
    return monthSpan(Math.floor(index / 12), (index % 12) + 1);
  }
  if (anchor.precision !== 'day') return null; // "two days later" after "in May" has no day to count from
  const days = unit.startsWith('week') ? 7 * count : count;
  const { year: y, month: m, day: d } = parseIsoDay(fromDayNumber(toDayNumber(anchor.start) + days));
  return unit.startsWith('week') ? { ...daySpan(y, m, d), precision: 'day' } : daySpan(y, m, d);
}

/** A resolver that also says where the two ends of its range are (TimeML tags them separately). */
const withParts = (resolve: Resolver, parts: [number, number][]) => Object.assign(resolve, { parts });

/** Two days, of one year given or taken from the anchor; a range that runs over New Year starts the year before. */
function dayRange(yearToken: string | undefined, month1: number, day1: number, month2: number, day2: number): Resolver {
  return (ctx) => {
    const y = yearToken ? yearOf(yearToken) : anchorYear(ctx);
    if (y === null) return null;
    const wraps = month1 > month2;
    const a = dayOrNull(wraps ? y - 1 : y, month1, day1), b = dayOrNull(y, month2, day2);
    if (!a || !b || compareDays(a.start, b.start) > 0) return null;
    const span = rangeSpan(a, b);
    return yearToken ? explicit(span) : implicit(span);
  };
}

// ---- patterns ----------------------------------------------------------------------------------------------------

interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray, text: string) => Resolver | null;
}

const g = (source: string) => new RegExp(source, 'gid');
const capitalised = (token: string | undefined) => !!token && /^[A-Z]/.test(token);

const patterns: Pattern[] = [
  // July 27 - August 6, 1997; July 2 - 4, 1997; April 6-7 (year from the anchor)
  {
    re: g(`\\b(${MONTH})\\s+(${DAY})(${DASH}|\\s+to\\s+|\\s+and\\s+)(?:(${MONTH})\\s+)?(${DAY})\\b(?:,?\\s+(?:of\\s+)?(${YEAR})\\b)?(?!\\s*[-\u2013:.,]?\\d)`),
    build: (m) => {
      if (!capitalised(m[1]) || (m[4] && !capitalised(m[4])) || (m[4] && /and/.test(m[3]!))) return null;
      const at = m.indices!;
      return withParts(dayRange(m[6], monthOf(m[1]!), dayOf(m[2]!), monthOf(m[4] ?? m[1]!), dayOf(m[5]!)),
        [[at[1]![0], at[2]![1]], [(at[4] ?? at[5])![0], m.index + m[0].length]]);
    },
  },
  // 27 July - 6 August 1997; 2-4 July 1997; 26-30 November (year from the anchor)
  {
    re: g(`\\b(${DAY})(?:\\s+(${MONTH}))?(${DASH}|\\s+to\\s+|\\s+and\\s+)(${DAY})\\s+(${MONTH})(?:,?\\s+(${YEAR})\\b)?`),
    build: (m) => {
      if ((m[2] && !capitalised(m[2])) || !capitalised(m[5]) || (m[2] && /and/.test(m[3]!))) return null;
      const at = m.indices!;
      return withParts(dayRange(m[6], monthOf(m[2] ?? m[5]!), dayOf(m[1]!), monthOf(m[5]!), dayOf(m[4]!)),
        [[at[1]![0], (at[2] ?? at[1])![1]], [at[4]![0], m.index + m[0].length]]);
    },
  },
  // 4 May 1994, the 4th of May, 1994
  {
    re: g(`\\b(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})\\b`),
    build: (m) => capitalised(m[2]) ? () => explicit(dayOrNull(yearOf(m[3]!), monthOf(m[2]!), dayOf(m[1]!))) : null,
  },
  // May 4, 1994
  {
    re: g(`\\b(${MONTH})\\s+(${DAY}),?\\s+(?:of\\s+)?(${YEAR})\\b`),
    build: (m) => capitalised(m[1]) ? () => explicit(dayOrNull(yearOf(m[3]!), monthOf(m[1]!), dayOf(m[2]!))) : null,
  },
  // May 4 / the 4th of May (year from the anchor)
  {
    re: g(`\\b(${MONTH})\\s+(${DAY})\\b(?!\\s*[,.]?\\s*\\d|\\s*(?:${DASH})|:)`),
    build: (m) => capitalised(m[1]) ? (ctx) => {
      const y = anchorYear(ctx);
      return y === null ? null : implicit(dayOrNull(y, monthOf(m[1]!), dayOf(m[2]!)));
    } : null,
  },
  {
    re: g(`\\b(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH})\\b(?!,?\\s*\\d)`),
    build: (m) => capitalised(m[2]) && (/\D/.test(m[1]!) || !/of/i.test(m[0])) ? (ctx) => {
      const y = anchorYear(ctx);
      return y === null ? null : implicit(dayOrNull(y, monthOf(m[2]!), dayOf(m[1]!)));
    } : null,
  },
  // March 1992, July-August 1997, May of 1997, the June of 1993, early October 1939
  {
    re: g(`(?:\\b|(?<=\\s))(${MOD})(?:the\\s+)?(${MONTH})(?:${DASH}(${MONTH}))?,?\\s+(?:of\\s+)?(${YEAR})\\b`),
    build: (m) => {
      if (!capitalised(m[2]) || (m[3] && !capitalised(m[3]))) return null;
      const resolve: Resolver = () => {
        const y = yearOf(m[4]!);
        const first = withPart(monthSpan(y, monthOf(m[2]!)), m[1]);
        return explicit(m[3] ? rangeSpan(first, monthSpan(y, monthOf(m[3]))) : first);
      };
      const at = m.indices!;
      return m[3] ? withParts(resolve, [[m.index, at[2]![1]], [at[3]![0], m.index + m[0].length]]) : resolve;
    },
  },
  // September of the same year, May of that year, June of the following year
  {
    re: g(`\\b(${MOD})(${MONTH_FULL})\\s+of\\s+(?:the\\s+)?(same|that|this|following|next|previous|preceding)\\s+year\\b`),
    build: (m) => capitalised(m[2]) ? (ctx) => {
      const y = anchorYear(ctx);
      if (y === null) return null;
      const shift = /following|next/i.test(m[3]!) ? 1 : /previous|preceding/i.test(m[3]!) ? -1 : 0;
      return implicit(withPart(monthSpan(y + shift, monthOf(m[2]!)), m[1]));
    } : null,
  },
  // the spring of 1998, summer 1942, early spring 1943
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(?:(early|late|mid)[-\\s]+)?(${SEASON})(?:\\s+of)?,?\\s+(${YEAR})\\b`),
    build: (m) => () => explicit(withPart(seasonSpan(yearOf(m[4]!), seasonOf(m[3]!)), m[1] || m[2])),
  },
  // the 1990s, the late 1990s, 1930s
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(\\d{3}0)'?s\\b`),
    build: (m) => () => explicit(withPart(decadeSpan(Number(m[2])), m[1])),
  },
  // the 18th century, the eighteenth-century, the 5th century BC
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS.join('|')})[-\\s]century(?:\\s+(${ERA}))?`),
    build: (m) => () => {
      const word = m[2]!.toLowerCase();
      const ordinal = /\d/.test(word) ? Number.parseInt(word, 10) : ORDINAL_WORDS.indexOf(word) + 1;
      if (m[3] && /B/i.test(m[3])) return null; // BC centuries count backwards; not worth a wrong span
      return explicit(withPart(centurySpan(ordinal), m[1]));
    },
  },
  // 2002-2003, 1939-45, 479-478 BC
  {
    re: g(`(?<![\\d.,/-])(${YEAR4}|\\d{1,4}(?=${DASH}\\d{1,4}\\s?B\\.?C))${DASH}(\\d{4}|\\d{1,3})(?:\\s?(${ERA}))?(?![\\d/-]|[.,]\\d|\\s?%)`),
    build: (m) => {
      const bc = !!m[3] && /B/i.test(m[3]);
      if (!bc && !/^(?:1\d{3}|20\d{2})$/.test(m[1]!)) return null;
      const first = Number(m[1]);
      const second = !bc && m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
      const [a, b] = bc ? [1 - first, 1 - second] : [first, second];
      if (b <= a || b - a > 100) return null;
      const at = m.indices!;
      return withParts(() => explicit(rangeSpan(yearSpan(a), yearSpan(b))), [at[1]!, [at[2]![0], m.index + m[0].length]]);
    },
  },
  // early 1997, mid-1995, the end of 1943, 1994, 490 BC
  {
    re: g(`(?:\\b|(?<=\\s))(${MOD})(${YEAR})(?!\\w|[\u2019'](?!s\\b))`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const hasEra = /[A-Z]\.?$|^A/i.test(m[2]!.trim()) && /[a-z]/i.test(m[2]!);
      if (!m[1] && !hasEra) {
        if (NOT_YEAR_BEFORE.test(before) && !YEAR_CUE.test(before)) return null;
        if (NOT_YEAR_AFTER.test(after) && !YEAR_CUE.test(before)) return null;
        if (/^\s*[-\u2013]\s*\d/.test(after) || /^[.,]\d/.test(after)) return null;
      }
      return () => explicit(withPart(yearSpan(yearOf(m[2]!)), m[1]));
    },
  },
  // in May, by early October, until late September (year from the anchor)
  {
    re: g(`\\b(${PART}|${EDGE})?(${MONTH_FULL})\\b(?!\\s*\\d)`),
    build: (m, text) => {
      if (!capitalised(m[2])) return null;
      const ambiguous = /^(?:may|march)$/i.test(m[2]!);
      if (!m[1] && ambiguous && !MONTH_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      return (ctx) => {
        const y = anchorYear(ctx);
        return y === null ? null : implicit(withPart(monthSpan(y, monthOf(m[2]!)), m[1]));
      };
    },
  },
  // in the spring, that summer, the following winter, summer offensive (year from the anchor). "Fall" only after
  // "the", where it cannot be the verb or "the fall of Paris".
  {
    re: g(`\\b((?:the|that|this)\\s+)?((?:following|next|same|previous|preceding)\\s+)?((?:early|late|mid)[-\\s]+)?(spring|summer|autumn|winter|fall)\\b(?!\\s+of\\s)`),
    build: (m) => {
      if (/fall/i.test(m[4]!) && !(m[1] && /the/i.test(m[1]) && /^fall$/.test(m[4]!))) return null;
      return (ctx) => {
        const y = anchorYear(ctx);
        if (y === null) return null;
        const shift = /following|next/i.test(m[2] ?? '') ? 1 : /previous|preceding/i.test(m[2] ?? '') ? -1 : 0;
        return implicit(withPart(seasonSpan(y + shift, seasonOf(m[4]!)), m[3]));
      };
    },
  },
  // Christmas, New Year's Day: fixed days, in the anchor's year
  {
    re: g(`\\b(Christmas(?:\\s+(?:Eve|Day))?|New\\s+Year[\u2019']s\\s+(?:Day|Eve)|Boxing\\s+Day|All\\s+Saints[\u2019']?\\s+Day|Bastille\\s+Day|Armistice\\s+Day)(?:\\s+(?:of\\s+)?(${YEAR4}))?\\b`),
    build: (m) => capitalised(m[1]) ? (ctx) => {
      const name = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const [month, day] = /christmas eve/.test(name) ? [12, 24] : /christmas/.test(name) ? [12, 25] : /new year.s eve/.test(name) ? [12, 31]
        : /new year/.test(name) ? [1, 1] : /boxing/.test(name) ? [12, 26] : /saints/.test(name) ? [11, 1] : /bastille/.test(name) ? [7, 14] : [11, 11];
      const y = m[2] ? Number(m[2]) : anchorYear(ctx);
      return y === null ? null : { ...daySpan(y, month, day), explicit: !!m[2] };
    } : null,
  },
  // at the time, at the same time, by this time, during that period: the time the narrative is at
  {
    re: g(`(?<=\\b(?:at|by|during|until|till|since|from|in|around|about|before|after)\\s+)(the\\s+same\\s+(?:time|period)|the\\s+time|that\\s+time|this\\s+time|that\\s+period|this\\s+period)\\b(?!\\s+(?:being|of|when|that|it|he|she|they|we)\\b)`),
    build: () => (ctx) => (ctx.anchor ? implicit(ctx.anchor) : null),
  },
  // the end of the year, the beginning of the month, late in the year, early in 1941
  {
    re: g(`\\b(?:(?:the\\s+)?(beginning|start|end|middle|close|turn)\\s+of\\s+the\\s+(year|month)|(early|late|mid|middle)\\s+in\\s+(?:the\\s+(year|month)|(${YEAR4})))\\b`),
    build: (m) => (ctx) => {
      const part = m[1] ?? m[3];
      if (m[5]) return explicit(withPart(yearSpan(Number(m[5])), part));
      if (!ctx.anchor) return null;
      const { year, month } = parseIsoDay(ctx.anchor.start);
      const unit = m[2] ?? m[4];
      if (unit === 'month' && ctx.anchor.precision !== 'day' && ctx.anchor.precision !== 'month') return null;
      return implicit(withPart(unit === 'month' ? monthSpan(year, month) : yearSpan(year), part));
    },
  },
  // the same year, in same year, the same day, that year, the following month
  {
    re: g(`\\b(?:(?:the|that|this)\\s+)?(same|following|next|previous|preceding|subsequent|that|this)\\s+(day|month|year)\\b`),
    build: (m, text) => {
      const which = m[1]!.toLowerCase();
      // "this year" with no "the" before it is only a date: "in this year" / "this year's"; keep "that year" too.
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if ((which === 'that' || which === 'this') && /\b(?:of|from)\s+$/i.test(before)) return null;
      return (ctx) => {
        const unit = m[2]!.toLowerCase();
        const anchor = ctx.anchor ?? (ctx.reference ? daySpan(...ymd(ctx.reference)) : null);
        if (!anchor) return null;
        const shift = /following|next|subsequent/.test(which) ? 1 : /previous|preceding/.test(which) ? -1 : 0;
        if (unit === 'day' && anchor.precision !== 'day') return null;
        if (unit === 'month' && anchor.precision !== 'day' && anchor.precision !== 'month') return null;
        return implicit(shiftSpan(anchor, unit, shift));
      };
    },
  },
  // two years later, a month earlier, three days after
  {
    re: g(`\\b(${COUNT})\\s+(days?|weeks?|months?|years?|decades?)\\s+(later|earlier|afterwards?|before|ago)\\b`),
    build: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/before|after/i.test(m[3]!) && /^\s+\w/.test(after)) return null; // "two years before the war": not ours
      return (ctx) => {
        const word = m[1]!.toLowerCase();
        const count = /\d/.test(word) ? Number(word) : NUMBER_WORDS[word]!;
        const back = /earlier|before|ago/i.test(m[3]!);
        const base = /ago/i.test(m[3]!) ? (ctx.reference ? daySpan(...ymd(ctx.reference)) : null) : ctx.anchor;
        if (!base || Number.isNaN(count)) return null;
        return implicit(shiftSpan(base, m[2]!.toLowerCase(), back ? -count : count));
      };
    },
  },
  // yesterday, today, tomorrow: the document's date
  {
    re: g(`\\b(yesterday|today|tomorrow)\\b`),
    build: (m) => (ctx) => {
      if (!ctx.reference) return null;
      const shift = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase()]!;
      return implicit(daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + shift))));
    },
  },
  // on Friday, last Monday, next Tuesday: the nearest such day before (or after, with "next") the document's date
  {
    re: g(`\\b(?:(on|last|next|this)\\s+)(${WEEKDAYS.join('|')})\\b`),
    build: (m) => capitalised(m[2]) ? (ctx) => {
      if (!ctx.reference) return null;
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = weekday(ctx.reference);
      const next = /next/i.test(m[1]!);
      const delta = next ? ((target - today + 7) % 7 || 7) : -((today - target + 7) % 7 || 7);
      return implicit(daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + delta))));
    } : null,
  },
];

function ymd(iso: string): [number, number, number] {
  const { year, month, day } = parseIsoDay(iso);
  return [year, month, day];
}

// ---- recognise, then resolve -----------------------------------------------------------------------------------------

/** Every temporal expression in `text`, not overlapping, in text order, not yet given a date. */
export function recognise(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { re, build } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const resolve = build(m, text);
      if (!resolve) continue;
      // Leading "the" belongs to the expression ("the spring of 1998"); leading spaces from optional groups do not.
      const lead = m[0].length - m[0].trimStart().length;
      const trail = m[0].length - m[0].trimEnd().length;
      const parts = (resolve as { parts?: [number, number][] }).parts;
      found.push({ start: m.index + lead, end: m.index + m[0].length - trail, resolve, parts });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (const c of found) {
    const last = chosen[chosen.length - 1];
    if (last && c.start < last.end) continue;
    chosen.push(c);
  }
  return joinRanges(text, chosen);
}

/** "from 1996 to 1998", "between 1992 and 1994", "1992-1994": two neighbours become one range. */
function joinRanges(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!, b = list[i + 1];
    if (b) {
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 10), a.start);
      const dashed = /^\s?[-\u2013\u2014]\s?$/.test(between);
      const worded = (/^\s+(?:to|until|till|through)\s+$/i.test(between) && /\bfrom\s+$/i.test(before))
        || (/^\s+and\s+$/i.test(between) && /\bbetween\s+$/i.test(before));
      if (dashed || worded) {
        out.push({
          start: worded ? a.start - (/\b(from|between)\s+$/i.exec(before)![0].length) : a.start,
          end: b.end,
          parts: [...(a.parts ?? [[a.start, a.end]]), ...(b.parts ?? [[b.start, b.end]])],
          resolve: (ctx) => {
            // The end usually carries the year the start leaves out: "from March to May 1997".
            const last = b.resolve(ctx);
            const first = a.resolve({ ...ctx, anchor: last && !last.explicit ? ctx.anchor : last ?? ctx.anchor });
            if (!first || !last) return null;
            let start = first;
            if (compareDays(start.start, last.start) > 0 && !first.explicit) {
              const shifted = a.resolve({ ...ctx, anchor: yearSpan(parseIsoDay(last.start).year - 1) });
              if (shifted) start = shifted;
            }
            if (compareDays(start.start, last.end) > 0) return null;
            return { ...rangeSpan(start, last), explicit: start.explicit && last.explicit };
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * Find and date every temporal expression in `text`, reading in order from `ctx` (which is updated as a reader's
 * sense of "now" moves on). Expressions that cannot be placed (a bare "May" before any year) are left out.
 */
export function tagTimexes(text: string, ctx: Context, onUnplaced?: (offset: [number, number]) => void): Timex[] {
  const out: Timex[] = [];
  for (const c of recognise(text)) {
    const span = c.resolve(ctx);
    if (!span) {
      onUnplaced?.([c.start, c.end]);
      continue;
    }
    const { explicit: isExplicit, ...rest } = span;
    out.push({ ...rest, text: text.slice(c.start, c.end), offset: [c.start, c.end], parts: c.parts, explicit: isExplicit });
    ctx.anchor = { value: rest.value, start: rest.start, end: rest.end, precision: rest.precision };
  }
  return out;
}

/** The first date in a short text, for colophons and front matter ("compiled on May 25, 2006"). */
export function firstDate(text: string, reference: string | null = null): Timex | null {
  return tagTimexes(text, { anchor: null, reference })[0] ?? null;
}
