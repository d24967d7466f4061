// Calendar arithmetic for TIMEX3-style values: every span is a value plus inclusive first and last days.
import type { Precision } from '../core/model.ts';

export interface Span {
  value: string;
  start: string;
  end: string;
  precision: Precision;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type Part = 'early' | 'mid' | 'late' | 'first half' | 'second half';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 astronomical year: 1 BC is 0000, 2 BC is -0001. */
export const isoYear = (year: number) => (year < 0 ? '-' : '') + pad(year, 4);

/** TIMEX3 year: BC years are written BC0490, as TimeML corpora do. */
export const timexYear = (year: number) => (year <= 0 ? `BC${pad(1 - year, 4)}` : pad(year, 4));

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isoDay = (year: number, month: number, day: number) => `${isoYear(year)}-${pad(month)}-${pad(day)}`;

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daySpan(year: number, month: number, day: number): Span {
  const iso = isoDay(year, month, day);
  return { value: `${timexYear(year)}-${pad(month)}-${pad(day)}`, start: iso, end: iso, precision: 'day' };
}

export function monthSpan(year: number, month: number): Span {
  return {
    value: `${timexYear(year)}-${pad(month)}`,
    start: isoDay(year, month, 1),
    end: isoDay(year, month, daysInMonth(year, month)),
    precision: 'month',
  };
}

export function yearSpan(year: number): Span {
  return { value: timexYear(year), start: isoDay(year, 1, 1), end: isoDay(year, 12, 31), precision: 'year' };
}

/** The ISO week (Monday to Sunday) that holds a day: value "1998-W32". */
export function weekSpan(iso: string): Span {
  const days = toDayNumber(iso);
  const monday = days - ((weekday(iso) + 6) % 7);
  const thursday = parseIsoDay(fromDayNumber(monday + 3)); // a week belongs to the year of its Thursday
  const week = Math.floor((monday + 3 - toDayNumber(isoDay(thursday.year, 1, 1))) / 7) + 1;
  return {
    value: `${timexYear(thursday.year)}-W${pad(week)}`,
    start: fromDayNumber(monday),
    end: fromDayNumber(monday + 6),
    precision: 'week',
  };
}

/** Meteorological seasons of the northern hemisphere; winter runs into the next year. */
export function seasonSpan(year: number, season: Season): Span {
  const first = { SP: 3, SU: 6, FA: 9, WI: 12 }[season];
  const last = first === 12 ? { year: year + 1, month: 2 } : { year, month: first + 2 };
  return {
    value: `${timexYear(year)}-${season}`,
    start: isoDay(year, first, 1),
    end: isoDay(last.year, last.month, daysInMonth(last.year, last.month)),
    precision: 'season',
  };
}

/** A quarter of a (fiscal or calendar) year, read as the calendar's: Q3 is July to September. */
export function quarterSpan(year: number, quarter: number): Span {
  const first = 3 * (quarter - 1) + 1;
  return {
    value: `${timexYear(year)}-Q${quarter}`,
    start: isoDay(year, first, 1),
    end: isoDay(year, first + 2, daysInMonth(year, first + 2)),
    precision: 'quarter',
  };
}

/** The first or second half of a year: value "2008-H2" (TIMEX3's), two quarters, counted as quarters are. */
export function halfSpan(year: number, half: 1 | 2): Span {
  const first = half === 1 ? 1 : 7;
  return {
    value: `${timexYear(year)}-H${half}`,
    start: isoDay(year, first, 1),
    end: isoDay(year, first + 5, daysInMonth(year, first + 5)),
    precision: 'quarter',
  };
}

/** The 1990s: value "199X" (the year's last digit unknown). */
export function decadeSpan(firstYear: number): Span {
  return {
    value: `${timexYear(firstYear).slice(0, -1)}X`,
    start: isoDay(firstYear, 1, 1),
    end: isoDay(firstYear + 9, 12, 31),
    precision: 'decade',
  };
}

/** The 18th century (1700-1799, as historians write it): value "17". */
export function centurySpan(ordinal: number): Span {
  const first = (ordinal - 1) * 100;
  return {
    value: pad(ordinal - 1),
    start: isoDay(first, 1, 1),
    end: isoDay(first + 99, 12, 31),
    precision: 'century',
  };
}

/** Narrow a span to its early, middle or late part; the value keeps the whole (TIMEX3 puts the part in `mod`). */
export function partOf(span: Span, part: Part): Span {
  if (part === 'first half' || part === 'second half') return halfOf(span, part === 'first half' ? 0 : 1);
  const { year, month } = parseIsoDay(span.start);
  const pick = <T>(early: T, mid: T, late: T) => (part === 'early' ? early : part === 'mid' ? mid : late);
  switch (span.precision) {
    case 'month': {
      const [from, to] = pick([1, 10], [11, 20], [21, daysInMonth(year, month)]);
      return { ...span, start: isoDay(year, month, from), end: isoDay(year, month, to) };
    }
    case 'year': {
      const [from, to] = pick([1, 4], [5, 8], [9, 12]);
      return { ...span, start: isoDay(year, from, 1), end: isoDay(year, to, daysInMonth(year, to)) };
    }
    case 'decade':
    case 'century': {
      const tenth = span.precision === 'decade' ? 1 : 10; // years in a tenth of the span
      const [from, to] = pick([0, 3], [4, 6], [7, 9]);
      return { ...span, start: isoDay(year + from * tenth, 1, 1), end: isoDay(year + to * tenth + tenth - 1, 12, 31) };
    }
    default: {
      const first = toDayNumber(span.start);
      const third = Math.floor((toDayNumber(span.end) - first + 1) / 3);
      const [from, to] = pick([0, third - 1], [third, 2 * third - 1], [2 * third, toDayNumber(span.end) - first]);
      return { ...span, start: fromDayNumber(first + from), end: fromDayNumber(first + to) };
    }
  }
}

/** The first (0) or second (1) half of a span: "the second half of the 20th century" is 1950-1999. */
function halfOf(span: Span, half: 0 | 1): Span {
  const { year } = parseIsoDay(span.start);
  if (span.precision === 'decade' || span.precision === 'century') {
    const length = span.precision === 'decade' ? 10 : 100;
    const first = year + (half * length) / 2;
    return { ...span, start: isoDay(first, 1, 1), end: isoDay(first + length / 2 - 1, 12, 31) };
  }
  if (span.precision === 'year')
    return { ...span, ...(half ? { start: isoDay(year, 7, 1) } : { end: isoDay(year, 6, 30) }) };
  const first = toDayNumber(span.start);
  const middle = first + Math.floor((toDayNumber(span.end) - first + 1) / 2);
  return half ? { ...span, start: fromDayNumber(middle) } : { ...span, end: fromDayNumber(middle - 1) };
}

/** One span from the start of `a` to the end of `b`, at the coarser of their precisions. */
export function rangeSpan(a: Span, b: Span): Span {
  const order: Precision[] = ['day', 'week', 'month', 'season', 'year', 'decade', 'century'];
  const precision = order[Math.max(order.indexOf(a.precision), order.indexOf(b.precision))]!;
  return { value: `${a.value}/${b.value}`, start: a.start, end: b.end, precision };
}

// Day numbers (days since 1970-01-01, proleptic Gregorian) for comparisons and shifts.
export function toDayNumber(iso: string): number {
  const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO day: ${iso}`);
  const date = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  date.setUTCFullYear(Number(m[1]));
  return Math.round(date.getTime() / 86_400_000);
}

export function fromDayNumber(days: number): string {
  const date = new Date(days * 86_400_000);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function parseIsoDay(iso: string): { year: number; month: number; day: number } {
  const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO day: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export const weekday = (iso: string) => (((toDayNumber(iso) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)

/** Compare two ISO days in time (strings do not compare right for BC years: "-0002" sorts after "-0001"). */
export const compareDays = (a: string, b: string) => toDayNumber(a) - toDayNumber(b);
