// Times the narrative is at: "at the time", "the end of the year", "the same year", "the following month", "two years
// later". Each is read from the anchor, the date the reader last saw ("ago" from the document's own date).
import { fromDayNumber, monthSpan, parseIsoDay, quarterSpan, toDayNumber, weekSpan, yearSpan } from '../../calendar.ts';
import { explicit, implicit, referenceDay, shiftSpan, withPart } from '../resolve.ts';
import type { Pattern } from '../types.ts';
import { COUNT, countOf, g, YEAR4 } from '../vocabulary.ts';

export const narrative: Pattern[] = [
  // at the time, at the same time, by this time, during that period: the time the narrative is at
  {
    re: g(
      `(?<=\\b(?:at|by|during|until|till|since|from|in|around|about|before|after)\\s+)(?:the\\s+same\\s+(?:time|period)|the\\s+time|that\\s+time|this\\s+time|that\\s+period|this\\s+period)\\b(?!\\s+(?:being|of|when|that|it|he|she|they|we)\\b)`,
    ),
    build: (m, text) => {
      // "and at the same time continually remove us", "which at the same time offers": a connective, "also".
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      if (
        /same/i.test(m[0]) &&
        /\b(?:and|but|which|while|yet|who|that)\s+at\s+$/i.test(before) &&
        /^\s\p{Ll}/u.test(after)
      )
        return null;
      return (ctx) => (ctx.anchor ? implicit(ctx.anchor) : null);
    },
  },
  // the end of the year, the beginning of the month, late in the year, early in 1941, earlier in the year
  {
    re: g(
      `\\b(?:(?:the\\s+)?(?<edge>beginning|start|end|middle|close|turn)\\s+of\\s+the\\s+(?<unit>year|month)|(?<part>early|late|mid|middle|earlier|later)\\s+in\\s+(?:the\\s+(?<inUnit>year|month)|(?<year>${YEAR4})))\\b`,
    ),
    build: (m) => (ctx) => {
      const { edge, unit: ofUnit, part: inPart, inUnit, year: stated } = m.groups;
      // "earlier in the year", "later in the month": some time in it; in a news story, in the story's own year.
      const loose = /^(?:earlier|later)$/i.test(inPart ?? '');
      const part = edge ?? (loose ? undefined : inPart);
      if (stated) return explicit(withPart(yearSpan(Number(stated)), part));
      const at = loose && ctx.news ? referenceDay(ctx) : ctx.anchor;
      if (!at) return null;
      const { year, month } = parseIsoDay(at.start);
      const unit = ofUnit ?? inUnit;
      if (unit === 'month' && at.precision !== 'day' && at.precision !== 'month') return null;
      return implicit(withPart(unit === 'month' ? monthSpan(year, month) : yearSpan(year), part));
    },
  },
  // the same year, in same year, the same day, that year, the following month, later that year, on this day: the
  // narrative's time (in a speech with none yet, its own day)
  {
    re: g(
      `\\b(?:(?:earlier|later)\\s+)?(?:(?<det>the|that)\\s+)?(?<which>same|following|next|previous|preceding|subsequent|that|this)\\s+(?<unit>day|week|month|year)\\b`,
    ),
    build: (m, text) => {
      const which = m.groups.which!.toLowerCase();
      if (!m.groups.det && which === 'next') return null; // "next year" is counted from the document's date
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "On this day" only ("this year", "this week" are the document's own; "to this day" is until now).
      if (which === 'this' && !(m.groups.unit === 'day' && /\bon\s+$/i.test(before))) return null;
      if (which === 'that' && /\b(?:of|from)\s+$/i.test(before)) return null;
      return (ctx) => {
        const unit = m.groups.unit!.toLowerCase();
        const anchor = ctx.anchor ?? referenceDay(ctx);
        if (!anchor) return null;
        const shift = /following|next|subsequent/.test(which) ? 1 : /previous|preceding/.test(which) ? -1 : 0;
        if ((unit === 'day' || unit === 'week') && anchor.precision !== 'day') return null;
        if (unit === 'month' && anchor.precision !== 'day' && anchor.precision !== 'month') return null;
        if (unit === 'week') return implicit(weekSpan(fromDayNumber(toDayNumber(anchor.start) + 7 * shift)));
        return implicit(shiftSpan(anchor, unit, shift));
      };
    },
  },
  // two years later, a month earlier, three days after, five years ago, six and a half months ago, a hundred years ago
  {
    re: g(
      `\\b(?:(?:nearly|almost|about|around|roughly|approximately|some|over|just\\s+over|more\\s+than|less\\s+than)\\s+)?(?<count>${COUNT})(?<times>\\s+(?:hundred|thousand))?(?<half>\\s+and\\s+a\\s+half)?\\s+(?<unit>hours?|days?|weeks?|months?|years?|decades?|century|centuries)\\s+(?<direction>later|earlier|afterwards?|before|ago)\\b`,
    ),
    build: (m, text) => {
      const { count: word, times, half, unit, direction } = m.groups;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/before|after/i.test(direction!) && /^\s+\w/.test(after)) return null; // "two years before the war": not ours
      if (/^hour/i.test(unit!) && !/ago/i.test(direction!)) return null; // "an hour later" is a time of the same day
      return (ctx) => {
        const count = countOf(word!) * (times ? (/thousand/i.test(times) ? 1000 : 100) : 1) + (half ? 0.5 : 0);
        const back = /earlier|before|ago/i.test(direction!);
        // "Profit rose from a year earlier" after "the third quarter": the same quarter, a year back.
        if (ctx.anchor?.precision === 'quarter' && /^years?$/i.test(unit!) && !Number.isNaN(count)) {
          const { year, month } = parseIsoDay(ctx.anchor.start);
          return implicit(quarterSpan(year + (back ? -count : count), Math.floor((month - 1) / 3) + 1));
        }
        const base = /ago/i.test(direction!) ? referenceDay(ctx) : ctx.anchor;
        if (!base || Number.isNaN(count)) return null;
        const [whole, n] = inWholeUnits(unit!.toLowerCase(), count);
        return implicit(shiftSpan(base, whole, back ? -n : n));
      };
    },
  },
  // the year before, the day after: the narrative's neighbour, where no event follows that it is before or after
  {
    re: g(`\\bthe\\s+(?<unit>day|week|month|year)\\s+(?<direction>before|after)(?=\\s*[,.;:)]|\\s*$|\\s+when\\b)`),
    build: (m) => (ctx) => {
      const unit = m.groups.unit!.toLowerCase();
      if (!ctx.anchor) return null;
      const step = /before/i.test(m.groups.direction!) ? -1 : 1;
      if ((unit === 'day' || unit === 'week') && ctx.anchor.precision !== 'day') return null;
      if (unit === 'month' && ctx.anchor.precision !== 'day' && ctx.anchor.precision !== 'month') return null;
      if (unit === 'week') return implicit(weekSpan(fromDayNumber(toDayNumber(ctx.anchor.start) + 7 * step)));
      return implicit(shiftSpan(ctx.anchor, unit, step));
    },
  },
];

/** A count of a unit in the whole units a calendar shifts by: "six and a half months" are 198 days, "48 hours" 2 days. */
function inWholeUnits(unit: string, count: number): [string, number] {
  const whole = Number.isInteger(count);
  if (unit.startsWith('hour')) return ['day', Math.round(count / 24)];
  if (unit.startsWith('centur')) return ['year', Math.round(100 * count)];
  if (unit.startsWith('decade')) return whole ? ['decade', count] : ['year', Math.round(10 * count)];
  if (whole) return [unit, count];
  if (unit.startsWith('year')) return ['month', Math.round(12 * count)];
  if (unit.startsWith('month')) return ['day', Math.round(30.44 * count)];
  if (unit.startsWith('week')) return ['day', Math.round(7 * count)];
  return [unit, Math.floor(count)];
}
