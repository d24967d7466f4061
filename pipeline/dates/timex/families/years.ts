// Years and longer: "the late 1990s", "the 18th century", "2002-2003", "1939-45", "479-478 BC", "mid-1995", "490 BC".
// A bare number is a year only where the words around it do not make it a count or a label ("1500 soldiers",
// "Resolution 1244").
import { centurySpan, decadeSpan, parseIsoDay, rangeSpan, yearSpan } from '../../calendar.ts';
import { explicit, implicit, withPart, withParts } from '../resolve.ts';
import type { Context, Pattern } from '../types.ts';
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
/** The words that make a year an approximate one ("about 1200", "roughly 2000 BCE"). */
const ROUGHLY = '(?:about|around|roughly|approximately|c\\.|ca\\.|circa)\\s+';
/** The decades of a century in words, from the twenties. */
const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
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

/**
 * A year of antiquity stated beyond doubt: with its era ("347 AD", "400 BC"), after "circa" ("c. 347") or as a
 * century of the first millennium ("the 4th century"). A text that has one reads "In 348" as a year too.
 */
const ANTIQUITY =
  /\b(?:[1-9]\d{0,2}\s?(?:BCE|BC|B\.C\.|AD|A\.D\.|CE|C\.E\.)(?![a-z])|(?:AD|A\.D\.)\s?[1-9]\d{0,2}\b|(?:c\.|ca\.|circa)\s?[1-9]\d{2}\b|(?:[1-9]|10)(?:st|nd|rd|th)[-\s]century|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[-\s]century)/;
let antiquity = { text: '', is: false };
function ofAntiquity(text: string): boolean {
  if (antiquity.text !== text) antiquity = { text, is: ANTIQUITY.test(text) };
  return antiquity.is;
}
/** The narrative is in the first millennium: the date the reader last saw is before the year 1000. */
const inAntiquity = (ctx: Context) => !!ctx.anchor && parseIsoDay(ctx.anchor.start).year < 1000;
/** After a short number that is a year: the clause goes on ("In 348 Pachomius died", "about 373, he set out"). */
const CLAUSE_AFTER = /^(?:\s*(?:[,.;:)!?]|$)|\s+(?:\p{Lu}|(?:he|she|they|it|the|his|her|their|when|where)\b))/u;
/** Before "about" or "around": a count ("grew to about 200", "a population of about 300"). */
const COUNT_BEFORE =
  /\b(?:of|to|was|were|is|are|be|been|numbered|numbering|than|some|only|just|over|under|nearly|almost|with)\s+$/i;

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
  // the sixties, the late seventies, the end of the Nineties: of the century nearest the narrative's date
  {
    re: g(
      `\\b(?<edge>(?:the\\s+)?(?:beginning|start|end|middle|close)\\s+of\\s+)?the\\s+(?<part>(?:early|late|mid|middle)(?:-|\\s+))?(?<decade>${DECADE_WORDS.join('|')})\\b(?!\\s+of\\b)`,
    ),
    build: (m, text) => {
      // "highs in the sixties", "temperatures in the low seventies": degrees, not years.
      const around = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 40);
      if (/\b(?:degrees?|temperatures?|highs?|lows?|fahrenheit|celsius|percent)\b|°|%/i.test(around)) return null;
      const { edge, part, decade } = m.groups;
      const tens = 10 * (DECADE_WORDS.indexOf(decade!.toLowerCase()) + 2);
      return (ctx) => {
        const told = ctx.anchor ?? (ctx.reference ? yearSpan(parseIsoDay(ctx.reference).year) : null);
        const near = told ? parseIsoDay(told.start).year : 1950;
        const latest = ctx.reference ? parseIsoDay(ctx.reference).year : Number.POSITIVE_INFINITY;
        const century = Math.floor(near / 100) * 100;
        const first = [century - 100, century, century + 100]
          .map((c) => c + tens)
          .filter((y) => y <= latest)
          .sort((a, b) => Math.abs(a + 5 - near) - Math.abs(b + 5 - near))[0];
        return first === undefined ? null : implicit(withPart(decadeSpan(first), edge ?? part));
      };
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
  // from about 1200 to about 400 BCE, from roughly 2000 BCE to 900 CE, between 500 and 400 BC: the era said at the end
  // is the start's too
  {
    re: g(
      `(?<=\\b(?:from|between)\\s+(?:${ROUGHLY})?)(?<from>\\d{1,4})(?:\\s?(?<eraFrom>${ERA}))?\\s+(?:to|until|till|and)\\s+(?<approx>${ROUGHLY})?(?<to>\\d{1,4})\\s?(?<era>${ERA})(?![a-z])`,
    ),
    build: (m) => {
      const { from, eraFrom, to, era } = m.groups;
      const [a, b] = [yearOf(`${from} ${eraFrom ?? era}`), yearOf(`${to} ${era}`)];
      if (b <= a || b - a > 3000) return null;
      const at = m.indices.groups;
      return withParts(
        () => explicit(rangeSpan(yearSpan(a), yearSpan(b))),
        [
          [at.from![0], (at.eraFrom ?? at.from)![1]],
          [(at.approx ?? at.to)![0], at.era![1]],
        ],
      );
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
  // the year 71; in a paragraph of antiquity, or a narrative that is there, also "In 348", "around 328", "about 360 -
  // 366", "after 211" (not "by": "the legion was reduced by 300.")
  {
    re: g(
      `(?<=\\b(?<cue>(?:in\\s+)?the\\s+year|in|around|about|after|before|until|till|since|from|during)\\s+)(?<year>[1-9]\\d{0,2})(?:${DASH}(?<to>[1-9]\\d{0,2}))?(?![\\d.,]\\d|\\s?%|\\w)`,
    ),
    build: (m, text) => {
      const { cue, year, to } = m.groups;
      const end = m.index + m[0].length;
      const after = text.slice(end, end + 20);
      if (!CLAUSE_AFTER.test(after) || /^\s?(?:B\.?C|A\.?D|C\.?E)/.test(after)) return null;
      if (to && (Number(to) <= Number(year) || Number(to) - Number(year) > 100)) return null;
      const opens = m.indices.groups.cue![0];
      if (/^a/i.test(cue!) && COUNT_BEFORE.test(text.slice(Math.max(0, opens - 16), opens))) return null;
      const said = /year/i.test(cue!) || ofAntiquity(text);
      const at = m.indices.groups;
      const span = (ctx: Context) =>
        said || inAntiquity(ctx)
          ? explicit(to ? rangeSpan(yearSpan(Number(year)), yearSpan(Number(to))) : yearSpan(Number(year)))
          : null;
      return Object.assign(to ? withParts(span, [at.year!, at.to!]) : span, { quiet: true });
    },
  },
  // (837–908) after a name, in antiquity as above: a lifespan
  {
    re: g(`(?<=\\()(?<from>[1-9]\\d{2})${DASH}(?<to>[1-9]\\d{2})(?=\\))`),
    build: (m, text) => {
      const { from, to } = m.groups;
      if (Number(to) <= Number(from) || Number(to) - Number(from) > 110) return null;
      const said = ofAntiquity(text);
      const at = m.indices.groups;
      const span = (ctx: Context) =>
        said || inAntiquity(ctx) ? explicit(rangeSpan(yearSpan(Number(from)), yearSpan(Number(to)))) : null;
      return Object.assign(withParts(span, [at.from!, at.to!]), { quiet: true });
    },
  },
];
