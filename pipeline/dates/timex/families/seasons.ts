// Seasons: "the spring of 1998", "early spring 1943", and "that summer", "the following winter" (the anchor's year,
// or the nearest in a text told from its own date). "Fall" only after "the", where it is neither the verb nor "the
// fall of Paris".
import { seasonSpan } from '../../calendar.ts';
import { anchorYear, deicticSpan, explicit, implicit, withPart, yearOfUnstated } from '../resolve.ts';
import type { Pattern } from '../types.ts';
import { g, MOD, SEASON, seasonOf, YEAR, yearOf } from '../vocabulary.ts';

export const seasons: Pattern[] = [
  // the spring of 1998, summer 1942, early spring 1943
  {
    re: g(
      `\\b(?<part>${MOD})(?:the\\s+)?(?:(?<early>early|late|mid)[-\\s]+)?(?<season>${SEASON})(?:\\s+of)?,?\\s+(?<year>${YEAR})\\b`,
    ),
    build: (m) => {
      const { part, early, season, year } = m.groups;
      return () => explicit(withPart(seasonSpan(yearOf(year!), seasonOf(season!)), part || early));
    },
  },
  // in the spring, that summer, the following winter, summer offensive (year from the anchor)
  {
    re: g(
      `\\b(?<det>(?:the|that|this)\\s+)?(?<which>(?:following|next|same|previous|preceding)\\s+)?(?<part>(?:early|late|mid)[-\\s]+)?(?<season>spring|summer|autumn|winter|fall)\\b(?!\\s+of\\s)`,
    ),
    build: (m, text) => {
      const { det, which, part, season: word } = m.groups;
      if (/fall/i.test(word!) && !(det && /the/i.test(det) && /^fall$/.test(word!))) return null;
      // "the 2012 Summer Paralympics", "the 2014 Winter Olympics": the year dates it, the season is part of its name.
      if (!det && /^\p{Lu}/u.test(word!) && /\b\d{4}\s+$/.test(text.slice(Math.max(0, m.index - 6), m.index)))
        return null;
      return (ctx, at) => {
        const season = seasonOf(word!);
        // "next winter" in a story told from its date is the winter after that date; in a history, after the anchor.
        if (!det && /next/i.test(which ?? '') && ctx.news) {
          const span = deicticSpan(ctx, 'next', word!);
          return span && implicit(withPart(span, part));
        }
        // "before the summer recess" in a speech of October: next summer; in a narrative, the year it is in.
        const y = which ? anchorYear(ctx) : yearOfUnstated(ctx, at, { SP: 4, SU: 7, FA: 10, WI: 1 }[season]);
        if (y === null) return null;
        const shift = /following|next/i.test(which ?? '') ? 1 : /previous|preceding/i.test(which ?? '') ? -1 : 0;
        return implicit(withPart(seasonSpan(y + shift, season), part));
      };
    },
  },
];
