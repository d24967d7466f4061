// Doubtful spellings, reported and never corrected: a word the dictionary does not know that is one edit away from
// a word the essay itself uses elsewhere ("Allaince" beside "Alliance", "iand" beside "and"). Names the dictionary
// cannot know ("Nedimoglu") are left alone, because nothing in the text resembles them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nspell from 'nspell';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Essay } from '../model.ts';
import { toSource } from '../parse/source-map.ts';

let checker: ReturnType<typeof nspell> | null = null;
/** The Hunspell dictionary, read when first needed (~0.25 s, once per process), not when the tool starts. */
function spell() {
  if (!checker) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-en')); // its index.js sits beside the files
    checker = nspell({ aff: readFileSync(path.join(dir, 'index.aff')), dic: readFileSync(path.join(dir, 'index.dic')) });
  }
  return checker;
}

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
  const known = (word: string) => word.split(/[-\u2019']/).every((part) => part.length < 2 || spell().correct(part));
  const doubts: Doubt[] = [];
  const verdicts = new Map<string, string | null>();
  for (const p of essay.paragraphs) {
    for (const m of p.text.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 3 || /^\p{Lu}+$/u.test(word)) continue; // acronyms are not words
      if (!verdicts.has(word)) {
        verdicts.set(word, (counts.get(word) ?? 0) > 1 || known(word) ? null
          : [...counts.keys()].find((other) => oneEdit(word, other) && known(other)) ?? null);
      }
      const suggestion = verdicts.get(word);
      if (!suggestion) continue;
      doubts.push({ word, suggestion, paragraph: p.n, offset: [toSource(p.segments, m.index), toSource(p.segments, m.index + word.length)] });
    }
  }
  return doubts;
}

/** Report each doubt on the file, with its line and column. */
export function reportSpellings(essay: Essay, file: VFile): void {
  const place = location(file);
  for (const d of doubtfulSpellings(essay)) {
    const start = place.toPoint(d.offset[0]), end = place.toPoint(d.offset[1]);
    file.message(`Doubtful spelling \u201c${d.word}\u201d: did you mean \u201c${d.suggestion}\u201d?`, {
      place: start && end ? { start, end } : undefined, ruleId: 'spelling', source: 'briefing',
    });
  }
}

/** One insertion, deletion, substitution or swap of neighbours. */
function oneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
