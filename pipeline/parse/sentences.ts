// Sentence boundaries in prose, with offsets, without a model: a full stop ends a sentence unless the word before it
// is an initial ("C. Mackenzie") or a common abbreviation ("Mr.", "e.g.", "U.S.").
import type { Offset, Sentence } from '../core/model.ts';
import { germanWords } from '../dates/timex/languages/de.ts';

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'col',
  'lt',
  'capt',
  'sgt',
  'adm',
  'maj',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'pres',
  'rev',
  'hon',
  'amb',
  'no',
  'nos',
  'vol',
  'art',
  'p',
  'pp',
  'ch',
  'fig',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'approx',
  'ca',
  'c',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'u.s',
  'u.k',
  'u.n',
  'a.d',
  'b.c',
  // French, German and Spanish: "av. J.-C.", "apr. J.-C.", "env.", "Mme", "bzw.", "vgl.", "Chr.", "Sra.", "Ud."
  'av',
  'apr',
  'env',
  'mme',
  'mlle',
  'chr',
  'bzw',
  'vgl',
  'hr',
  'sra',
  'srta',
  'dra',
  'ud',
  'uds',
]);

// A terminator, any closing quotes or brackets, then space and what can open a sentence. Quotes as French, German
// and Spanish write them count too: « » (with its space inside), „ “, and ¿ ¡ opening a question or an exclamation.
const BOUNDARY =
  /[.!?\u2026]+(?:\s?\u00bb|["'\u201d\u2019\u201c)\]])*(?=\s+(?:["'\u201c\u2018\u201e([\u00bf\u00a1]|\u00ab\s?)?[\p{Lu}\p{N}])/gu;

/** Split `text` (which starts at `base` in the source) into sentences. */
export function splitSentences(text: string, base = 0): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) {
      const offset: Offset = [base + start + lead, base + start + lead + body.length];
      sentences.push({ n: sentences.length + 1, text: body, offset });
    }
  };
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && !endsSentence(text.slice(start, m.index))) continue;
    if (m[0] === '.' && ordinalBeforeDate(text.slice(start, m.index), text.slice(end))) continue;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}

function endsSentence(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "C. Mackenzie"
  // a letter of an abbreviation, standing alone: "44 v. Chr.", "218 a. C." (not the "s" of "the 1970s.")
  if (/^\p{Ll}$/u.test(word) && !/[\p{L}\p{N}]$/u.test(before.slice(0, -1))) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

// German writes a day or a century as an ordinal with a full stop: "am 4. Mai 1994", "im 19. Jahrhundert".
// The month names are the date recogniser's German words (full names, not the abbreviations with their stops).
const DATE_WORD = new RegExp(
  `^\\s+(?:${Object.keys(germanWords.months)
    .filter((name) => !name.endsWith('.'))
    .map((name) => name[0]!.toUpperCase() + name.slice(1))
    .join('|')}|Jahrhunderts?|Jh\\.)(?![\\p{L}])`,
  'u',
);

function ordinalBeforeDate(before: string, after: string): boolean {
  return /(?:^|[^\p{L}\p{N}])\d{1,2}$/u.test(before) && DATE_WORD.test(after);
}
