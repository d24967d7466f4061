// Giving a recognised expression its calendar span: the year a date without one is in, the day "on Friday" or
// "two years later" means, read from the anchor (the date the reader last saw) or the document's own date.
import {
  compareDays,
  daySpan,
  fromDayNumber,
  isoDay,
  isValidDay,
  monthSpan,
  parseIsoDay,
  partOf,
  rangeSpan,
  type Span,
  seasonSpan,
  toDayNumber,
  weekday,
  weekSpan,
  yearSpan,
} from '../calendar.ts';
import type { Context, Resolver } from './types.ts';
import { monthOf, partOfWords, seasonOf, yearOf } from './vocabulary.ts';

export const withPart = (span: Span, words: string | undefined): Span => {
  const part = partOfWords(words);
  return part ? partOf(span, part) : span;
};

export const explicit = (span: Span | null) => (span ? { ...span, explicit: true } : null);
export const implicit = (span: Span | null) => (span ? { ...span, explicit: false } : null);

export function anchorYear(ctx: Context): number | null {
  const anchor = ctx.anchor ?? ctx.fallback ?? (ctx.reference ? yearSpan(parseIsoDay(ctx.reference).year) : null);
  return anchor ? parseIsoDay(anchor.start).year : null;
}

/** Which way from the document's date a date told in this clause lies: forward in the future tense, else back. */
export function towards(ctx: Context, at: number): 1 | -1 {
  const tense = ctx.tenseAt?.(at);
  return tense === 'future' || tense === 'prospective' ? 1 : -1;
}

/**
 * The year of a month (and day) written without one. In a text told from its own date it is the nearest such day in
 * the direction of the tense ("met in December" in a January story: last December; "will meet in March": this March);
 * in a narrative, the year the reader is in.
 */
export function yearOfUnstated(ctx: Context, at: number, month: number, day = 0): number | null {
  // "will join on March 12" is told from the document's date even in a narrative of the past.
  const told = ctx.news || ctx.tenseAt?.(at) === 'future';
  if (!told || !ctx.reference) return anchorYear(ctx);
  const today = parseIsoDay(ctx.reference);
  const later = month > today.month || (month === today.month && day > today.day);
  const earlier = month < today.month || (month === today.month && day > 0 && day < today.day);
  // A day in the present tense ("comments are due Jan. 18", "a hearing is set for April 19") is the nearer of the two.
  if (day > 0 && ctx.tenseAt?.(at) === 'present') {
    const distance = (year: number) => Math.abs(toDayNumber(isoDay(year, month, day)) - toDayNumber(ctx.reference!));
    return distance(today.year - 1) < distance(today.year)
      ? today.year - 1
      : distance(today.year + 1) < distance(today.year)
        ? today.year + 1
        : today.year;
  }
  if (towards(ctx, at) < 0) return later ? today.year - 1 : today.year;
  return earlier ? today.year + 1 : today.year;
}

/** "Monday, Oct. 26" without a year: the year near the one the text gives in which Oct. 26 is a Monday. */
export function yearOfWeekday(ctx: Context, at: number, month: number, day: number, target: number): number | null {
  const y = yearOfUnstated(ctx, at, month, day);
  if (y === null) return null;
  return (
    [y, y - 1, y + 1].find((year) => isValidDay(year, month, day) && weekday(isoDay(year, month, day)) === target) ?? y
  );
}

export const referenceDay = (ctx: Context): Span | null => (ctx.reference ? daySpan(...ymd(ctx.reference)) : null);

/** The weekday nearest the document's date: "last"/"next" step over it, else the tense says which way (same day counts). */
export function nearWeekday(ctx: Context, at: number, target: number, which: string | undefined): Span | null {
  if (!ctx.reference) return null;
  const today = weekday(ctx.reference);
  const w = which?.toLowerCase();
  const forward = w === 'next' || w === 'coming' || (w !== 'last' && w !== 'past' && towards(ctx, at) > 0);
  let delta = forward ? (target - today + 7) % 7 : -((today - target + 7) % 7);
  if (delta === 0 && (w === 'next' || w === 'last')) delta = forward ? 7 : -7;
  return daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + delta)));
}

/** "last May", "this summer", "next year", "last week": counted from the document's date, not the narrative's. */
export function deicticSpan(ctx: Context, which: string, unit: string, at?: number): Span | null {
  const today = referenceDay(ctx);
  if (!today) return null;
  const { year, month } = parseIsoDay(today.start);
  const step = /last|past|previous/i.test(which) ? -1 : /next|coming/i.test(which) ? 1 : 0;
  const u = unit.toLowerCase().replace(/\s+/g, ' ');
  if (u === 'week') return weekSpan(fromDayNumber(toDayNumber(today.start) + 7 * step));
  if (u === 'weekend') {
    // "was a guest at the fair this weekend", told on a Tuesday: the weekend just gone.
    const gone =
      step === 0 && at !== undefined && ctx.tenseAt?.(at) === 'past' && ![0, 6].includes(weekday(today.start));
    const week = weekSpan(fromDayNumber(toDayNumber(today.start) + 7 * (gone ? -1 : step)));
    return { ...week, value: `${week.value}-WE`, start: fromDayNumber(toDayNumber(week.end) - 1) };
  }
  if (u === 'month') return shiftSpan(monthSpan(year, month), 'month', step);
  if (/year$/.test(u)) return yearSpan(year + step);
  const named = monthOf(u);
  if (named) {
    // "last May" is the latest May before this month; "next May" the first after it; "this May" this year's.
    const y = step < 0 ? (named < month ? year : year - 1) : step > 0 ? (named > month ? year : year + 1) : year;
    return monthSpan(y, named);
  }
  const season = seasonOf(u);
  const thisOne = seasonSpan(year, season);
  if (step < 0) return compareDays(thisOne.end, today.start) < 0 ? thisOne : seasonSpan(year - 1, season);
  if (step > 0) return compareDays(thisOne.start, today.start) > 0 ? thisOne : seasonSpan(year + 1, season);
  return thisOne;
}

export function dayOrNull(year: number, month: number, day: number): Span | null {
  return isValidDay(year, month, day) ? daySpan(year, month, day) : null;
}

export function shiftSpan(anchor: Span, unit: string, count: number): Span | null {
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
export const withParts = (resolve: Resolver, parts: [number, number][]) => Object.assign(resolve, { parts });

/** Two days, of one year given or taken from the anchor; a range that runs over New Year starts the year before. */
export function dayRange(
  yearToken: string | undefined,
  month1: number,
  day1: number,
  month2: number,
  day2: number,
): Resolver {
  return (ctx, at) => {
    const y = yearToken ? yearOf(yearToken) : yearOfUnstated(ctx, at, month2, day2);
    if (y === null) return null;
    const wraps = month1 > month2;
    const a = dayOrNull(wraps ? y - 1 : y, month1, day1),
      b = dayOrNull(y, month2, day2);
    if (!a || !b || compareDays(a.start, b.start) > 0) return null;
    const span = rangeSpan(a, b);
    return yearToken ? explicit(span) : implicit(span);
  };
}

export function ymd(iso: string): [number, number, number] {
  const { year, month, day } = parseIsoDay(iso);
  return [year, month, day];
}
