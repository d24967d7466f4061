// The English word list of the Hunspell dictionary (dictionary-en): to tell a doubtful spelling from a word, and a
// given name ("Harold") from a common word that starts a phrase ("Cold War", "White House").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let words: Set<string> | null = null;

/** The English word list of the Hunspell dictionary (dictionary-en), read once: ~50,000 stems, in ~30 ms. Names
 * keep their capital ("Ian"), so that "ian" is not a word but "Ian" is. */
function wordList(): Set<string> {
  if (!words) {
    const dir = path.dirname(createRequire(import.meta.url).resolve('dictionary-en')); // its index.js sits beside the files
    const dic = readFileSync(path.join(dir, 'index.dic'), 'utf8');
    // Prefix rules ("PFX A 0 re ." makes "reply" of "ply/A"); suffixes are left to ENDINGS below.
    const prefixes = new Map<string, string>();
    for (const [, flag, add] of readFileSync(path.join(dir, 'index.aff'), 'utf8').matchAll(
      /^PFX (\S) +0 +(\S+) +\.\s*$/gm,
    ))
      prefixes.set(flag!, add!);
    words = new Set();
    for (const line of dic.split('\n').slice(1)) {
      const [stem, flags = ''] = line.split('/');
      if (!stem) continue;
      words.add(stem);
      for (const flag of flags) {
        const prefix = prefixes.get(flag);
        if (prefix) words.add(prefix + stem);
      }
    }
  }
  return words;
}

/** Inflections the stem list leaves to its affix rules: enough to know a word, not to generate one. */
const ENDINGS: [RegExp, string][] = [
  [/'s$|\u2019s$/, ''],
  [/ies$/, 'y'],
  [/ied$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/ly$/, ''],
  [/ily$/, 'y'],
  [/er$/, ''],
  [/est$/, ''],
  [/ness$/, ''],
  [/ment$/, ''],
  [/ation$/, 'e'],
  [/ation$/, ''],
  [/ers$/, ''],
  [/ings$/, ''],
  [/(.)\1ed$/, '$1'],
  [/(.)\1ing$/, '$1'],
  [/(?<=e)r$/, ''],
  [/(?<=e)st$/, ''],
];

export function isWord(word: string): boolean {
  const list = wordList();
  const known = (w: string) => list.has(w) || list.has(w.toLowerCase());
  return (
    known(word) ||
    ENDINGS.some(([ending, replacement]) => ending.test(word) && known(word.replace(ending, replacement)))
  );
}

/** A word of everyday English in lower case ("cold", "white", "recovery"), not only a name ("Harold", "Ian"). */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  const list = wordList();
  return (
    list.has(lower) ||
    ENDINGS.some(([ending, replacement]) => ending.test(lower) && list.has(lower.replace(ending, replacement)))
  );
}

/** A name the word list knows with its capital ("Maria", "Harold", "Mark"): a given name, even where the same
 * letters are also a common word ("maria", "mark"). */
export const isListedName = (word: string) => /^\p{Lu}\p{Ll}/u.test(word) && wordList().has(word);
