// Years and longer: "the late 1990s", "the 18th century", "2002-2003", "1939-45", "479-478 BC", "mid-1995", "490 BC".
// A bare number is a year only where the words around it do not make it a count or a label ("1500 soldiers",
// "Resolution 1244").
import { centurySpan, decadeSpan, rangeSpan, yearSpan } from '../../calendar.ts';
import { explicit, withPart, withParts } from '../resolve.ts';
import type { Pattern } from '../types.ts';
import {
  DASH,
  ERA,
  g,
  MOD,
  NEVER_YEAR_AFTER,
  NOT_YEAR_AFTER,
  NOT_YEAR_BEFORE,
  ORDINAL_WORDS,
  YEAR,
  YEAR_CUE,
  YEAR4,
  yearOf,
} from '../vocabulary.ts';

/** A year of a citation: inside brackets, after an author ("(Porte, 2012)", "(Makel et al., 2012; ...)"). */
const CITED_BEFORE = /(?:\p{Lu}[\p{L}'\u2019-]+|et\s+al\.),?\s+$/u;
/** Where the bracket that is open at each character of a text opened (-1: none), found in one pass for all its years. */
let brackets: { text: string; open: Int32Array } = { text: '', open: new Int32Array(0) };
function openBracket(text: string, at: number): number {
  if (brackets.text !== text) {
    const open = new Int32Array(text.length + 1);
    const stack: number[] = [];
    for (let i = 0; i <= text.length; i++) {
      open[i] = stack.at(-1) ?? -1;
      if (text[i] === '(') stack.push(i);
      else if (text[i] === ')') stack.pop();
    }
    brackets = { text, open };
  }
  return brackets.open[at] ?? -1;
}
/** Before a range of numbers: pages ("pp. 1087-1101", "92 (6): 1087-1101"). */
const PAGES_BEFORE = /(?:\b(?:p|pp|pages?|vol|volume)\.?|\)\s*:|\d\s*:)\s*$/i;

export const years: Pattern[] = [
  // the 1990s, the late 1990s, 1930s, the 1700s
  {
    re: g(`\\b(?<part>${MOD})(?:the\\s+)?(?<decade>\\d{3}0)['\u2019]?s\\b`),
    build: (m) => () => {
      const first = Number(m.groups.decade);
      // "the 1700s" is the century 1700-1799, as "the 1990s" is a decade; "the 2000s" is read as a decade too.
      const span = first % 100 === 0 && first < 2000 ? centurySpan(first / 100 + 1) : decadeSpan(first);
      return explicit(withPart(span, m.groups.part));
    },
  },
  // the 18th century, the eighteenth-century, the 5th century BC
  {
    re: g(
      `\\b(?<part>${MOD})(?:the\\s+)?(?<ordinal>\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS.join('|')})[-\\s]century(?:\\s+(?<era>${ERA}))?`,
    ),
    build: (m) => () => {
      const { part, ordinal, era } = m.groups;
      const word = ordinal!.toLowerCase();
      const n = /\d/.test(word) ? Number.parseInt(word, 10) : ORDINAL_WORDS.indexOf(word) + 1;
      if (era && /B/i.test(era)) return null; // BC centuries count backwards; not worth a wrong span
      return explicit(withPart(centurySpan(n), part));
    },
  },
  // 2002-2003, 1939-45, 479-478 BC
  {
    re: g(
      `(?<![\\d.,/-])(?<from>${YEAR4}|\\d{1,4}(?=${DASH}\\d{1,4}\\s?B\\.?C))${DASH}(?<to>\\d{4}|\\d{1,3})(?:\\s?(?<era>${ERA}))?(?![\\d/-]|[.,]\\d|\\s?%)`,
    ),
    build: (m, text) => {
      const { from, to, era } = m.groups;
      const bc = !!era && /B/i.test(era);
      // "pp. 1087-1101", "92 (6): 1087-1101": pages of a book or a journal's volume.
      if (!era && PAGES_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
      if (!bc && !/^(?:1\d{3}|20\d{2})$/.test(from!)) return null;
      const first = Number(from);
      const second = !bc && to!.length === 2 ? Math.floor(first / 100) * 100 + Number(to) : Number(to);
      const [a, b] = bc ? [1 - first, 1 - second] : [first, second];
      if (b <= a || b - a > 100) return null;
      const at = m.indices.groups;
      return withParts(
        () => explicit(rangeSpan(yearSpan(a), yearSpan(b))),
        [at.from!, [at.to![0], m.index + m[0].length]],
      );
    },
  },
  // early 1997, mid-1995, the end of 1943, 1994, 490 BC
  {
    re: g(`(?:\\b|(?<=\\s))(?<part>${MOD})(?<year>${YEAR})(?!\\w|[\u2019'](?!s\\b))`),
    build: (m, text) => {
      const { part, year } = m.groups;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const hasEra = /[A-Z]\.?$|^A/i.test(year!.trim()) && /[a-z]/i.test(year!);
      if (!part && !hasEra) {
        if (NOT_YEAR_BEFORE.test(before) && !YEAR_CUE.test(before)) return null;
        if (NOT_YEAR_AFTER.test(after) && !YEAR_CUE.test(before)) return null;
        if (NEVER_YEAR_AFTER.test(after)) return null;
        const cited = openBracket(text, m.index) >= 0 && CITED_BEFORE.test(before);
        if (cited && /^[a-z]?\s*[);:,]/.test(after)) return null;
        if (/^\s*[-\u2013]\s*\d/.test(after) || /^[.,]\d/.test(after)) return null;
      }
      return () => explicit(withPart(yearSpan(yearOf(year!)), part));
    },
  },
  // c. 347, circa 850, c. 314 - 368: a year of three digits, which only "circa" says is one
  {
    re: g(`\\b(?:c\\.|ca\\.|circa)\\s?(?<year>[1-9]\\d{2})(?:${DASH}(?<to>[1-9]\\d{2}))?(?![\\d.,]\\d|\\s?%)\\b`),
    build: (m, text) => {
      const { year, to } = m.groups;
      if (to && Number(to) <= Number(year!)) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (
        NOT_YEAR_AFTER.test(after) ||
        NEVER_YEAR_AFTER.test(after) ||
        /^\s+(?:million|billion|thousand)\b|^\s?(?:B\.?C|A\.?D|C\.?E)/i.test(after)
      )
        return null;
      const at = m.indices.groups;
      const span = () =>
        explicit(to ? rangeSpan(yearSpan(Number(year)), yearSpan(Number(to))) : yearSpan(Number(year)));
      return to ? withParts(span, [[m.index, at.year![1]], at.to!]) : span;
    },
  },
];
