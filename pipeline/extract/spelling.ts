// Doubtful spellings, reported and never corrected: a word the word list does not know that is one edit away from
// a word the essay itself uses elsewhere ("Allaince" beside "Alliance", "iand" beside "and"). Names the list cannot
// know ("Nedimoglu") are left alone, because nothing in the text resembles them.
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Essay } from '../core/model.ts';
import { toSource } from '../core/source-map.ts';
import { isWord } from './words.ts';

const WORD = /\p{L}[\p{L}\p{M}]*(?:[\u2019'-]\p{L}[\p{L}\p{M}]*)*/gu;

export interface Doubt {
  word: string;
  suggestion: string;
  paragraph: number;
  offset: [number, number];
}

export function doubtfulSpellings(essay: Essay): Doubt[] {
  const counts = new Map<string, number>();
  for (const p of essay.paragraphs) for (const [w] of p.text.matchAll(WORD)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const known = (word: string) => word.split(/[-\u2019']/).every((part) => part.length < 2 || isWord(part));
  const doubts: Doubt[] = [];
  const verdicts = new Map<string, string | null>();
  for (const p of essay.paragraphs) {
    for (const m of p.text.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 3 || /^\p{Lu}+$/u.test(word)) continue; // acronyms are not words
      if (!verdicts.has(word)) {
        verdicts.set(
          word,
          (counts.get(word) ?? 0) > 1 || known(word)
            ? null
            : ([...counts.keys()].find((other) => isTypo(word, other) && known(other)) ?? null),
        );
      }
      const suggestion = verdicts.get(word);
      if (!suggestion) continue;
      doubts.push({
        word,
        suggestion,
        paragraph: p.n,
        offset: [toSource(p.segments, m.index), toSource(p.segments, m.index + word.length)],
      });
    }
  }
  return doubts;
}

/** Report each doubt on the file, with its line and column. */
export function reportSpellings(essay: Essay, file: VFile): void {
  const place = location(file);
  for (const d of doubtfulSpellings(essay)) {
    const start = place.toPoint(d.offset[0]),
      end = place.toPoint(d.offset[1]);
    file.message(`Doubtful spelling \u201c${d.word}\u201d: did you mean \u201c${d.suggestion}\u201d?`, {
      place: start && end ? { start, end } : undefined,
      ruleId: 'spelling',
      source: 'briefing',
    });
  }
}

/**
 * The slips of a typing hand, not the differences between two real names: two neighbours swapped ("Allaince"), or,
 * in a lower-case word, one letter too many or too few ("iand", "ancedote"). A different letter ("Menin" and
 * "Lenin", "intend" and "intent") is more often another word than a typo, and is left alone.
 */
function isTypo(word: string, other: string): boolean {
  if (word.length < 4 || word === other) return false;
  let i = 0;
  while (i < word.length && i < other.length && word[i] === other[i]) i++;
  if (word.length === other.length) {
    return word[i] === other[i + 1] && word[i + 1] === other[i] && word.slice(i + 2) === other.slice(i + 2);
  }
  if (/^\p{Lu}/u.test(word) || Math.abs(word.length - other.length) !== 1) return false;
  return word.length > other.length ? word.slice(i + 1) === other.slice(i) : word.slice(i) === other.slice(i + 1);
}
