// After recognition: overlapping candidates settled longest-first, and neighbours joined into ranges.
import { compareDays, parseIsoDay, rangeSpan, type Span, yearSpan } from '../calendar.ts';
import type { Candidate } from './types.ts';

/** The candidates in text order, none overlapping: of two that overlap, the one that starts first, then the longer. */
export function settleOverlaps(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (const c of found) {
    const last = chosen[chosen.length - 1];
    if (last && c.start < last.end) continue;
    chosen.push(c);
  }
  return chosen;
}

/** True when a span lies inside another, and is not the same. */
function within(inner: Span | null, outer: Span): boolean {
  if (!inner || (inner.start === outer.start && inner.end === outer.end)) return false;
  return compareDays(outer.start, inner.start) <= 0 && compareDays(inner.end, outer.end) <= 0;
}

/** "from 1996 to 1998", "between 1992 and 1994", "1992-1994": two neighbours become one range. */
export function joinRanges(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!,
      b = list[i + 1];
    if (b) {
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 10), a.start);
      const dashed = /^\s?[-\u2013\u2014]\s?$/.test(between) && !a.quiet && !b.quiet;
      const worded =
        (/^\s+(?:to|until|till|through)\s+$/i.test(between) && /\bfrom\s+$/i.test(before)) ||
        (/^\s+and\s+$/i.test(between) && /\bbetween\s+$/i.test(before));
      if ((dashed || worded) && !a.quiet && !b.quiet) {
        // "between now and Feb. 10" is no range of dates
        out.push({
          family: a.family === b.family ? a.family : `${a.family} to ${b.family}`,
          start: worded ? a.start - /\b(from|between)\s+$/i.exec(before)![0].length : a.start,
          end: b.end,
          parts: [...(a.parts ?? [[a.start, a.end]]), ...(b.parts ?? [[b.start, b.end]])],
          pieces: [a, b],
          resolve: (ctx, at) => {
            // The end usually carries the year the start leaves out: "from March to May 1997".
            const last = b.resolve(ctx, b.start);
            const fromEnd = last?.explicit ? { ...ctx, anchor: last, news: false } : ctx;
            const first = a.resolve(fromEnd, at);
            if (!first || !last) return null;
            if (dashed && within(a.resolve({ ...ctx, news: false, tenseAt: undefined, anchor: last }, at), last))
              return null; // "on Waitangi Day - February 6 - this year": an aside that says when, not a range
            let start = first;
            // A start after its end ("is to run from January 23 through March 9", told on January 28) lies in the
            // end's year, or the year before ("from December to February 1998").
            if (compareDays(start.start, last.start) > 0 && !first.explicit) {
              const inYear = (year: number) =>
                a.resolve({ ...ctx, news: false, tenseAt: undefined, anchor: yearSpan(year) }, at);
              const year = parseIsoDay(last.start).year;
              const same = inYear(year);
              const shifted = same && compareDays(same.start, last.start) <= 0 ? same : inYear(year - 1);
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
