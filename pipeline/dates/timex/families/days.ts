// Days: "4 May 1994", "May 4, 1994", "the 4th of May", "May 4", and ranges of days ("July 27 - August 6, 1997",
// "2-4 July 1997"). Without a year, the year is the anchor's (or, in a text told from its own date, the nearest).

import { dayOrNull, dayRange, explicit, implicit, withParts, yearOfUnstated } from '../resolve.ts';
import type { Pattern } from '../types.ts';
import { capitalised, DASH, DAY, dayOf, g, MONTH, monthOf, YEAR, yearOf } from '../vocabulary.ts';

const JOINT = `${DASH}|\\s+to\\s+|\\s+and\\s+`;
/** A year of three digits after a day and a month, where nothing follows it that could make it a count. */
const SHORT_YEAR = `[1-9]\\d{2}(?=\\s*[);,.]|\\s*$)`;

export const days: Pattern[] = [
  // July 27 - August 6, 1997; July 2 - 4, 1997; April 6-7 (year from the anchor)
  {
    re: g(
      `\\b(?<month1>${MONTH})\\s+(?<day1>${DAY})(?<joint>${JOINT})(?:(?<month2>${MONTH})\\s+)?(?<day2>${DAY})\\b(?:,?\\s+(?:of\\s+)?(?<year>${YEAR})\\b)?(?!\\s*[-\u2013:.,]?\\d)`,
    ),
    build: (m) => {
      const { month1, day1, joint, month2, day2, year } = m.groups;
      if (!capitalised(month1) || (month2 && !capitalised(month2)) || (month2 && /and/.test(joint!))) return null;
      const at = m.indices.groups;
      return withParts(dayRange(year, monthOf(month1!), dayOf(day1!), monthOf(month2 ?? month1!), dayOf(day2!)), [
        [at.month1![0], at.day1![1]],
        [(at.month2 ?? at.day2)![0], m.index + m[0].length],
      ]);
    },
  },
  // 27 July - 6 August 1997; 2-4 July 1997; 26-30 November (year from the anchor)
  {
    re: g(
      `\\b(?<day1>${DAY})(?:\\s+(?<month1>${MONTH}))?(?<joint>${JOINT})(?<day2>${DAY})\\s+(?<month2>${MONTH})(?:,?\\s+(?<year>${YEAR})\\b)?`,
    ),
    build: (m) => {
      const { day1, month1, joint, day2, month2, year } = m.groups;
      if ((month1 && !capitalised(month1)) || !capitalised(month2) || (month1 && /and/.test(joint!))) return null;
      const at = m.indices.groups;
      return withParts(dayRange(year, monthOf(month1 ?? month2!), dayOf(day1!), monthOf(month2!), dayOf(day2!)), [
        [at.day1![0], (at.month1 ?? at.day1)![1]],
        [at.day2![0], m.index + m[0].length],
      ]);
    },
  },
  // 4 May 1994, the 4th of May, 1994, 30 September 420)
  {
    re: g(`\\b(?:the\\s+)?(?<day>${DAY})\\s+(?:of\\s+)?(?<month>${MONTH}),?\\s+(?<year>${YEAR}|${SHORT_YEAR})\\b`),
    build: (m) => {
      const { day, month, year } = m.groups;
      return capitalised(month) ? () => explicit(dayOrNull(yearOf(year!), monthOf(month!), dayOf(day!))) : null;
    },
  },
  // May 4, 1994
  {
    re: g(`\\b(?<month>${MONTH})\\s+(?<day>${DAY}),?\\s+(?:of\\s+)?(?<year>${YEAR}|${SHORT_YEAR})\\b`),
    build: (m) => {
      const { day, month, year } = m.groups;
      return capitalised(month) ? () => explicit(dayOrNull(yearOf(year!), monthOf(month!), dayOf(day!))) : null;
    },
  },
  // May 4 (year from the anchor)
  {
    re: g(`\\b(?<month>${MONTH})\\s+(?<day>${DAY})\\b(?!\\s*[,.]?\\s*\\d|\\s*(?:${DASH})\\s*(?:\\d|${MONTH})|:)`),
    build: (m) => {
      const { day, month } = m.groups;
      if (!capitalised(month)) return null;
      return (ctx, at) => {
        const y = yearOfUnstated(ctx, at, monthOf(month!), dayOf(day!));
        return y === null ? null : implicit(dayOrNull(y, monthOf(month!), dayOf(day!)));
      };
    },
  },
  // the 4th of May, 4 May (year from the anchor); "4 of May" is a count
  {
    re: g(`\\b(?:the\\s+)?(?<day>${DAY})\\s+(?:of\\s+)?(?<month>${MONTH})\\b(?!,?\\s*\\d)`),
    build: (m) => {
      const { day, month } = m.groups;
      if (!capitalised(month) || (!/\D/.test(day!) && /of/i.test(m[0]))) return null;
      return (ctx, at) => {
        const y = yearOfUnstated(ctx, at, monthOf(month!), dayOf(day!));
        return y === null ? null : implicit(dayOrNull(y, monthOf(month!), dayOf(day!)));
      };
    },
  },
];
