// Dates told from the document's own date, whatever the narrative's: "last year", "this May", "yesterday", "on
// Friday", "next Tuesday", "Monday, Oct. 26"; and TIMEX3's references to the present, past and future ("now").
import { daySpan, fromDayNumber, toDayNumber } from '../../calendar.ts';
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
  capitalised,
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
