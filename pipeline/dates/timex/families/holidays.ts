// Fixed holidays: "Christmas", "New Year's Day", "Bastille Day", in the year given or the anchor's; days known by
// their names ("9/11").
import { daySpan } from '../../calendar.ts';
import { anchorYear } from '../resolve.ts';
import type { Pattern } from '../types.ts';
import { capitalised, g, YEAR4 } from '../vocabulary.ts';

/** Each holiday's name (as a pattern) and its month and day. */
const HOLIDAYS: [RegExp, number, number][] = [
  [/christmas eve/, 12, 24],
  [/christmas/, 12, 25],
  [/new year.s eve/, 12, 31],
  [/new year/, 1, 1],
  [/boxing/, 12, 26],
  [/saints/, 11, 1],
  [/bastille/, 7, 14],
  [/armistice/, 11, 11],
];

/** A capitalised word before a holiday that is not a name: a sentence's first preposition ("After Christmas"). */
const PREPOSITION = /\b(?:After|Before|At|By|On|Until|Since|During|Over|For|From|Till)\s+$/;

export const holidays: Pattern[] = [
  // 9/11: the day of the attacks on New York and Washington, by its name (a day of this year is written "9/11/2025")
  {
    re: g('(?<![\\d/.])9/11(?![\\d/]|\\.\\d)'),
    build: () => () => ({ ...daySpan(2001, 9, 11), explicit: true }),
  },
  {
    re: g(
      `\\b(?<name>Christmas(?:\\s+(?:Eve|Day))?|New\\s+Year[\u2019']s\\s+(?:Day|Eve)|Boxing\\s+Day|All\\s+Saints[\u2019']?\\s+Day|Bastille\\s+Day|Armistice\\s+Day)(?:\\s+(?:of\\s+)?(?<year>${YEAR4}))?\\b`,
    ),
    build: (m, text) => {
      const { name, year } = m.groups;
      if (!capitalised(name)) return null;
      // Part of a name: after a capitalised word inside a sentence ("Johnnie Christmas").
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (!year && /[\p{L}\d,]\s+\p{Lu}[\p{L}'\u2019.-]*\s+$/u.test(before) && !PREPOSITION.test(before)) return null;
      return (ctx) => {
        const words = name!.toLowerCase().replace(/\s+/g, ' ');
        const [, month, day] = HOLIDAYS.find(([pattern]) => pattern.test(words))!;
        const y = year ? Number(year) : anchorYear(ctx);
        return y === null ? null : { ...daySpan(y, month, day), explicit: !!year };
      };
    },
  },
];
