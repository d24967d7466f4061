// Quarters of a year, as business news counts them: "the third quarter of 1989", "Q3 1989", and told from the
// story's own date: "the third quarter", "third-quarter profit", "the quarter", "the latest quarter", "the year-ago
// quarter". A quarter needs its ordinal or "the": "a quarter of the vote", "the Latin Quarter", "quarter-final" and
// "the quarter of the city" are no dates.
import {
  fromDayNumber,
  halfSpan,
  monthSpan,
  parseIsoDay,
  quarterSpan,
  rangeSpan,
  type Span,
  toDayNumber,
} from '../../calendar.ts';
import { explicit, implicit, towards } from '../resolve.ts';
import type { Context, Pattern } from '../types.ts';
import { g, NUMBER_WORDS, YEAR, yearOf } from '../vocabulary.ts';

const ORDINAL = `(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)`;
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};
const quarterOf = (iso: string) => {
  const { year, month } = parseIsoDay(iso);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
};
/** The quarter a day falls in, and the last one that ended before it. */
const current = (iso: string) => quarterOf(iso);
const lastEnded = (iso: string) => {
  const { year, quarter } = quarterOf(iso);
  const first = `${year}-${String(3 * (quarter - 1) + 1).padStart(2, '0')}-01`;
  return quarterOf(fromDayNumber(toDayNumber(first) - 1));
};

/**
 * "the third quarter" told from the story's date: the one that holds that date, else the nearest one, but never one
 * still to come in the past tense ("reported third-quarter profit") nor one gone by in the future tense.
 */
export function nearestQuarter(ctx: Context, at: number, quarter: number): Span | null {
  if (!ctx.reference) return null;
  const today = toDayNumber(ctx.reference);
  const { year } = parseIsoDay(ctx.reference);
  const spans = [year - 1, year, year + 1].map((y) => quarterSpan(y, quarter));
  const holding = spans.find((q) => toDayNumber(q.start) <= today && today <= toDayNumber(q.end));
  if (holding) return holding;
  const forward = towards(ctx, at) > 0;
  const allowed = spans.filter((q) => (forward ? toDayNumber(q.start) > today : toDayNumber(q.end) < today));
  const distance = (q: Span) => Math.min(Math.abs(toDayNumber(q.start) - today), Math.abs(toDayNumber(q.end) - today));
  return allowed.sort((x, y) => distance(x) - distance(y))[0] ?? null;
}

/** The quarter the reader last saw, a year back ("the year-ago quarter"); else the last ended, a year back. */
function yearAgo(ctx: Context): Span | null {
  const anchor = ctx.anchor?.precision === 'quarter' ? quarterOf(ctx.anchor.start) : null;
  const base = anchor ?? (ctx.reference ? lastEnded(ctx.reference) : null);
  return base && quarterSpan(base.year - 1, base.quarter);
}

export const quarters: Pattern[] = [
  // the first half of 2006, the second half of 1997, the first six months of 2006, the last three months of 1999:
  // the months they count (the first three months are its first quarter)
  {
    re: g(
      `\\b(?:the\\s+)?(?<which>first|second|last|latter|final)\\s+(?:(?<half>half)|(?<count>two|three|four|five|six|seven|eight|nine|ten|eleven|\\d{1,2})\\s+months)\\s+of\\s+(?<year>${YEAR})\\b`,
    ),
    build: (m) => {
      const { which, half, count, year } = m.groups;
      const months = half ? 6 : (NUMBER_WORDS[count!.toLowerCase()] ?? Number(count));
      if (!(months >= 1 && months <= 11)) return null;
      const fromEnd = /last|latter|final|second/i.test(which!);
      if (/second/i.test(which!) && !half) return null; // "the second six months" is rare and ambiguous
      return () => {
        const y = yearOf(year!);
        const first = fromEnd ? 13 - months : 1;
        const last = fromEnd ? 12 : months;
        if (months === 3) return explicit(quarterSpan(y, fromEnd ? 4 : 1));
        if (months === 6) return explicit(halfSpan(y, fromEnd ? 2 : 1));
        return explicit(rangeSpan(monthSpan(y, first), monthSpan(y, last)));
      };
    },
  },
  // the third quarter of 1989, the fourth quarter of fiscal 1990, third-quarter 1989, Q3 1989
  {
    re: g(
      `\\b(?:(?:the\\s+)?${ORDINAL}[-\\s]+(?:fiscal\\s+)?quarter(?:\\s+of)?|Q(?<q>[1-4])),?\\s+(?:fiscal\\s+(?:year\\s+)?)?(?<year>${YEAR})\\b`,
    ),
    build: (m) => {
      const quarter = m.groups.q ? Number(m.groups.q) : ORDINALS[m.groups.ord!.toLowerCase()]!;
      return () => explicit(quarterSpan(yearOf(m.groups.year!), quarter));
    },
  },
  // this year's third quarter, next year's first quarter, last year's quarter, the 1988 second quarter, the 1988
  // quarter: the year the words give, the quarter the ordinal gives (else the quarter the story is about)
  {
    deictic: true,
    re: g(
      `\\b(?:(?<which>this|last|next)\\s+year['\u2019]s|the\\s+(?<year>${YEAR}))\\s+(?:${ORDINAL}[-\\s]+)?(?:fiscal\\s+)?quarter\\b`,
    ),
    build: (m) => (ctx) => {
      const { which, year, ord } = m.groups;
      const reference = ctx.reference ? parseIsoDay(ctx.reference).year : null;
      const y = year
        ? yearOf(year)
        : reference === null
          ? null
          : reference + ({ last: -1, next: 1 }[which!.toLowerCase()] ?? 0);
      const about =
        ctx.anchor?.precision === 'quarter'
          ? quarterOf(ctx.anchor.start).quarter
          : ctx.reference
            ? lastEnded(ctx.reference).quarter
            : null;
      const quarter = ord ? ORDINALS[ord.toLowerCase()]! : about;
      if (y === null || quarter === null) return null;
      return year ? explicit(quarterSpan(y, quarter)) : implicit(quarterSpan(y, quarter));
    },
  },
  // the third quarter, third-quarter (profit), the fiscal first quarter
  {
    deictic: true,
    re: g(
      `\\b(?:the\\s+(?:fiscal[-\\s]+)?)?${ORDINAL}[-\\s](?:fiscal[-\\s]+)?quarter\\b(?![-\\s]+(?:of\\s+(?!fiscal|\\d)|final|mile|century))`,
    ),
    build: (m) => {
      const quarter = ORDINALS[m.groups.ord!.toLowerCase()]!;
      return (ctx, at) => implicit(nearestQuarter(ctx, at, quarter));
    },
  },
  // the quarter, the latest quarter, the current quarter, this quarter, last quarter
  {
    deictic: true,
    re: g(
      `\\b(?:(?<the>the)\\s+(?<which>latest\\s+|current\\s+|most\\s+recent\\s+|past\\s+|same\\s+)?|(?<deixis>this|last|next)\\s+)(?:fiscal\\s+)?quarter\\b(?![-\\s]+(?:of\\s+(?!fiscal|\\d)|final|mile|century|horse|note|back))`,
    ),
    build: (m) => {
      const which = (m.groups.which ?? m.groups.deixis ?? '').trim().toLowerCase();
      return (ctx, at) => {
        if (!ctx.reference) return null;
        if (which === 'same') return ctx.anchor?.precision === 'quarter' ? implicit(ctx.anchor) : null;
        const now = current(ctx.reference);
        if (which === 'next')
          return implicit(quarterSpan(now.quarter === 4 ? now.year + 1 : now.year, (now.quarter % 4) + 1));
        // The quarter a story reports on is the last that ended; "the current quarter" and the future, this one.
        const ended =
          which === 'current' || which === 'this' || (!which && towards(ctx, at) > 0) ? now : lastEnded(ctx.reference);
        return implicit(quarterSpan(ended.year, ended.quarter));
      };
    },
  },
  // the year-earlier quarter, the year-ago quarter, the year-earlier period
  {
    deictic: true,
    re: g(`\\b(?:the\\s+)?year[-\\s](?:earlier|ago)(?:\\s+(?:third|fourth|first|second))?\\s+(?:quarter|period)\\b`),
    build: () => (ctx) => implicit(yearAgo(ctx)),
  },
];
