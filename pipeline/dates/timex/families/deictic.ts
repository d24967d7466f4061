// Dates told from the document's own date, whatever the narrative's: "last year", "this May", "yesterday", "on
// Friday", "next Tuesday", "Monday, Oct. 26"; and TIMEX3's references to the present, past and future ("now").
import {
  daySpan,
  daysInMonth,
  fromDayNumber,
  parseIsoDay,
  rangeSpan,
  type Span,
  toDayNumber,
  yearSpan,
} from '../../calendar.ts';
import {
  dayOrNull,
  deicticSpan,
  explicit,
  implicit,
  nearWeekday,
  referenceDay,
  withPart,
  yearOfWeekday,
  ymd,
} from '../resolve.ts';
import type { Context, Match, Pattern, Resolver } from '../types.ts';
import {
  COUNT,
  capitalised,
  countOf,
  DAY,
  dayOf,
  EDGE,
  g,
  MONTH,
  MONTH_FULL,
  monthOf,
  SEASON,
  WEEKDAYS,
  YEAR,
  yearOf,
} from '../vocabulary.ts';

export const deictic: Pattern[] = [
  // last January 15, next March 3: the day in the month "last January" means
  {
    deictic: true,
    re: g(
      `(?<!\\bthe\\s)\\b(?<which>last|this|next|coming)\\s+(?<month>${MONTH_FULL})\\s+(?<day>${DAY})\\b(?!,?\\s*\\d{4})`,
    ),
    build: (m) => {
      const { which, month, day } = m.groups;
      if (!capitalised(month)) return null;
      return (ctx) => {
        const span = deicticSpan(ctx, which!, month!);
        return span && implicit(dayOrNull(ymd(span.start)[0], monthOf(month!), dayOf(day!)));
      };
    },
  },
  // last year, this month, next week, last May, this summer, early this year, the middle of next year
  {
    deictic: true,
    re: g(
      `(?<!\\bthe\\s)\\b(?:(?<part>early|late|mid)[-\\s]+|(?<edge>${EDGE}))?(?<which>last|this|next|coming)\\s+(?<unit>week(?:end)?|month|(?:fiscal\\s+)?year|${MONTH_FULL}|${SEASON})\\b`,
    ),
    build: (m) => {
      const { part, edge, which, unit } = m.groups;
      if (monthOf(unit!) && !capitalised(unit)) return null;
      return (ctx, at) => {
        const span = deicticSpan(ctx, which!, unit!, at);
        return span && implicit(withPart(span, part ?? edge));
      };
    },
  },
  // yesterday, today, tonight, yesterday morning, this afternoon, last night (the part of the day stays in the text;
  // the value is the day, as a chronology dates by days)
  {
    deictic: true,
    re: g(
      `\\b(?:(?<day>yesterday|today|tomorrow|tonight)|(?<which>this|last)(?=\\s+(?:morning|afternoon|evening|night)\\b))(?:\\s+(?<time>morning|afternoon|evening|night))?\\b`,
    ),
    build: (m) => (ctx) => {
      if (!ctx.reference) return null;
      const { day, which, time } = m.groups;
      const word = (day ?? which!).toLowerCase();
      const shift =
        word === 'yesterday' || (word === 'last' && /night|evening/i.test(time!)) ? -1 : word === 'tomorrow' ? 1 : 0;
      if (word === 'last' && !/night|evening/i.test(time!)) return null;
      return implicit(daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + shift))));
    },
  },
  // Friday, on Friday, last Monday, next Tuesday, Thursday morning, Monday, Oct. 26: the nearest such day to the
  // document's date, before it in the past tense and after it in the future
  {
    deictic: true,
    re: g(
      `\\b(?:(?<which>last|next|this|coming)\\s+)?(?<weekday>${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')})(?:\\s+(?:morning|afternoon|evening|night))?(?:,?\\s+(?<month>${MONTH})\\s+(?<day>${DAY})(?:,?\\s+(?<year>${YEAR}))?\\b)?(?![\\w-])`,
    ),
    build: (m, text) => {
      // "each Thursday", "every Monday", "on Monday and Tuesday nights": a day that comes round, no date (a set).
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      // "on a Monday", "every Wednesday/Thursday", "two flights per week on Thursday morning and Saturday morning".
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      if (/\b(?:each|every)\s+$|\bon\s+(?:a|any)\s+$|\b(?:each|every)\s+\w+day\s*(?:\/|,|or|and)\s*$/i.test(before))
        return null;
      if (/\b(?:per\s+week|weekly|(?:every|each)\s+week|(?:once|twice)\s+a\s+week)\b[^.;!?]*$/i.test(before))
        return null;
      if (!m.groups.month && /^(?:\s+(?:and|or)\s+\w+day)?\s+(?:mornings|afternoons|evenings|nights)\b/i.test(after))
        return null;
      return weekdayDate(m);
    },
  },
  // by year end, at year-end: the end of the document's year
  {
    deictic: true,
    re: g(`(?<=\\b(?:by|at|before|until|till|through)\\s+)(?:the\\s+)?year[-\\s]end\\b`),
    build: () => (ctx) => {
      const today = referenceDay(ctx);
      return today && implicit(withPart(yearSpan(parseIsoDay(today.start).year), 'end'));
    },
  },
  // the past 30 days, the last five years, the next 2 1/2 years, the past decade, this past week: the stretch that
  // ends (or starts) on the document's date, or the narrative's in a history. A vague one ("the past few days") is
  // the past or the future, no stretch.
  {
    re: g(
      `\\b(?:the|this)\\s+(?<which>past|last|previous|next|coming)\\s+(?:(?<count>${COUNT}|few|several|couple\\s+of)(?<half>\\s+and\\s+a\\s+half|\\s+1/2)?\\s+)?(?<unit>days?|weeks?|months?|years?|decades?|century|centuries)\\b(?!\\s+(?:of|in|at|before|after|since)\\b|-)`,
    ),
    build: (m, text) => {
      const { which, count, half, unit } = m.groups;
      const word = which!.toLowerCase();
      const plural = /s$/i.test(unit!) && !/^century$/i.test(unit!);
      // "the next year", "the last year of the war": the narrative's year; "the past year" and "for the last year"
      // are a stretch.
      const over = /\b(?:for|over|during|throughout|in)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index));
      if (!count && (plural || (word !== 'past' && !(word === 'last' && over)))) return null;
      if (count && !plural && countOf(count) !== 1) return null;
      const forward = word === 'next' || word === 'coming';
      if (count && Number.isNaN(countOf(count.split(/\s/)[0]!))) {
        const value = forward ? 'FUTURE_REF' : 'PAST_REF';
        return Object.assign((ctx: Context) => implicit(referenceDay(ctx) && { ...referenceDay(ctx)!, value }), {
          quiet: true,
        });
      }
      const n = (count ? countOf(count) : 1) + (half ? 0.5 : 0);
      return (ctx) => {
        const base = ctx.news ? referenceDay(ctx) : (ctx.anchor ?? referenceDay(ctx));
        // "In 1655 ... In the course of the next five years": years from a year.
        if (base?.precision === 'year' && /^(?:year|decade|centur)/i.test(unit!)) {
          const years = Math.round(n * (/^decade/i.test(unit!) ? 10 : /^centur/i.test(unit!) ? 100 : 1));
          const year = parseIsoDay(base.start).year;
          return implicit(rangeSpan(yearSpan(forward ? year : year - years), yearSpan(forward ? year + years : year)));
        }
        if (base?.precision !== 'day') return null;
        const other = stepDays(base.start, unit!.toLowerCase(), forward ? n : -n);
        const [a, b] = forward ? [base, other] : [other, base];
        return implicit(rangeSpan(a, b));
      };
    },
  },
  // now, currently, the future, the past, recently: dates a tagger reports, never an event's date
  {
    re: g(
      `\\b(?:(?<present>right\\s+now|now|currently|nowadays|these\\s+days|present-day|the\\s+present\\s+day)|(?<future>(?:the\\s+)?(?:near\\s+|distant\\s+)?future)|(?<past>the\\s+past|recently))\\b(?!-)`,
    ),
    build: (m) => {
      const { present, future } = m.groups;
      if (future && /^F/.test(future)) return null; // "Future" as a name
      const value = present ? 'PRESENT_REF' : future ? 'FUTURE_REF' : 'PAST_REF';
      return Object.assign(
        (ctx: Context) => {
          const today = referenceDay(ctx);
          return today && implicit({ ...today, value });
        },
        { quiet: true },
      );
    },
  },
];

/** The day a weekday names: with its month and day the one of that date, else the nearest to the document's date. */
function weekdayDate(m: Match): Resolver {
  return (ctx, at) => {
    const { which, weekday, month: monthWord, day: dayWord, year: yearWord } = m.groups;
    const target = WEEKDAYS.indexOf(weekday!.toLowerCase());
    if (monthWord) {
      const month = monthOf(monthWord);
      const day = dayOf(dayWord!);
      const y = yearWord ? yearOf(yearWord) : yearOfWeekday(ctx, at, month, day, target);
      const span = y === null ? null : dayOrNull(y, month, day);
      return span && (yearWord ? explicit(span) : implicit(span));
    }
    return implicit(nearWeekday(ctx, at, target, which));
  };
}

/** The day so many units from a day: "five years" before 2018-03-05 is 2013-03-05 (the 31st kept within its month). */
function stepDays(iso: string, unit: string, count: number): Span {
  const { year, month, day } = parseIsoDay(iso);
  const months = { month: 1, year: 12, decade: 120, centur: 1200 };
  const per = Object.entries(months).find(([name]) => unit.startsWith(name))?.[1];
  if (!per) {
    const days = Math.round((unit.startsWith('week') ? 7 : 1) * count);
    return daySpan(...ymd(fromDayNumber(toDayNumber(iso) + days)));
  }
  const index = year * 12 + month - 1 + Math.round(per * count);
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return daySpan(y, m, Math.min(day, daysInMonth(y, m)));
}
