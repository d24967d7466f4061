// Months: "March 1992", "July-August 1997", "early October 1939", "September of the same year", and a bare "in May"
// (the anchor's year; "May" and "March" only after a word that makes them months).
import { monthSpan, rangeSpan } from '../../calendar.ts';
import { anchorYear, explicit, implicit, withPart, withParts, yearOfUnstated } from '../resolve.ts';
import type { Pattern, Resolver } from '../types.ts';
import {
  capitalised,
  DASH,
  EDGE,
  g,
  MOD,
  MONTH,
  MONTH_CUE,
  MONTH_FULL,
  monthOf,
  PART,
  YEAR,
  yearOf,
} from '../vocabulary.ts';

export const months: Pattern[] = [
  // March 1992, July-August 1997, May of 1997, June in 1981, the June of 1993, early October 1939, December of 384
  {
    re: g(
      `(?:\\b|(?<=\\s))(?<part>${MOD})(?:the\\s+)?(?<month>${MONTH})(?:${DASH}(?<until>${MONTH}))?,?\\s+(?:of\\s+(?<early>\\d{3})(?=\\s*[,.;:)]|\\s*$)|(?:of\\s+|in\\s+)?(?<year>${YEAR})\\b)`,
    ),
    build: (m) => {
      const { part, month, until, early } = m.groups;
      const year = m.groups.year ?? early;
      if (!capitalised(month) || (until && !capitalised(until))) return null;
      const resolve: Resolver = () => {
        const y = yearOf(year!);
        const first = withPart(monthSpan(y, monthOf(month!)), part);
        return explicit(until ? rangeSpan(first, monthSpan(y, monthOf(until))) : first);
      };
      const at = m.indices.groups;
      return until
        ? withParts(resolve, [
            [m.index, at.month![1]],
            [at.until![0], m.index + m[0].length],
          ])
        : resolve;
    },
  },
  // September of the same year, May of that year, June of the following year
  {
    re: g(
      `\\b(?<part>${MOD})(?<month>${MONTH_FULL})\\s+of\\s+(?:the\\s+)?(?<which>same|that|this|following|next|previous|preceding)\\s+year\\b`,
    ),
    build: (m) => {
      const { part, month, which } = m.groups;
      if (!capitalised(month)) return null;
      return (ctx) => {
        const y = anchorYear(ctx);
        if (y === null) return null;
        const shift = /following|next/i.test(which!) ? 1 : /previous|preceding/i.test(which!) ? -1 : 0;
        return implicit(withPart(monthSpan(y + shift, monthOf(month!)), part));
      };
    },
  },
  // in May, by early October, until late September (year from the anchor)
  {
    re: g(`\\b(?<part>${PART}|${EDGE})?(?<month>${MONTH_FULL})\\b(?!\\s*\\d)`),
    build: (m, text) => {
      const { part, month } = m.groups;
      if (!capitalised(month)) return null;
      const ambiguous = /^(?:may|march)$/i.test(month!);
      if (!part && ambiguous && !MONTH_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      return (ctx, at) => {
        const y = yearOfUnstated(ctx, at, monthOf(month!));
        return y === null ? null : implicit(withPart(monthSpan(y, monthOf(month!)), part));
      };
    },
  },
];
