// What the name recogniser sees of each token: its form (shape, affixes, case), the tagger's part of speech, its
// neighbours, the run of capitalised words it sits in, whether the text also writes it in lower case, and what the
// word lists know of it. The same function serves training (scripts/train-names.ts) and the build, so the two agree.
import { isKnownPlace } from '../gazetteer.ts';
import type { Token } from '../language.ts';
import { isCommonWord, isListedName } from '../words.ts';
import cityNames from './cities.json' with { type: 'json' };
import { isTitleWord, NAME_LINKS } from './lexicon.ts';

let cities: Set<string> | null = null;
/** A town or city of 15,000 people or more (GeoNames, scripts/names-gazetteer.ts). */
export const isCity = (name: string) => (cities ??= new Set(cityNames)).has(name);

export type NameType = 'person' | 'organization' | 'place';

/** What the text as a whole says of its words, computed once per text. */
export interface TextContext {
  /** Words the text also writes in lower case: "Forces that ..." opens a sentence, "Forces" of "Armed Forces" not. */
  lower: Set<string>;
  /** Token indices that open a sentence or a line. */
  opens: Set<number>;
  /** For each capitalised word, the cues the whole text gives it: "Bolden" after a title in one sentence is a
   * person in the next. */
  cues: Map<string, Set<string>>;
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'through', 'outside']);
const SAYING = new Set(['say', 'tell', 'add', 'state', 'write', 'note', 'explain', 'announce', 'argue', 'ask']);

export function textContext(text: string, tokens: Token[]): TextContext {
  const lower = new Set<string>();
  const opens = new Set<number>();
  const cues = new Map<string, Set<string>>();
  const cue = (word: string, what: string) => {
    const set = cues.get(word) ?? new Set<string>();
    set.add(what);
    cues.set(word, set);
  };
  tokens.forEach((t, i) => {
    if (/^\p{Ll}/u.test(t.text)) lower.add(t.text);
    if (isCapital(t.text)) {
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (before && isCapital(before.text) && isTitleWord(before.text)) cue(t.text, 'after-title');
      if (before && PLACE_PREPOSITIONS.has(before.text)) cue(t.text, `after-${before.text}`);
      if (before?.text === 'the') cue(t.text, 'after-the');
      if (before && isCapital(before.text) && isListedName(before.text)) cue(t.text, 'after-given-name');
      if (after && SAYING.has(after.lemma)) cue(t.text, 'before-saying');
      if (after && /^['\u2019]s?$/.test(after.text)) cue(t.text, 'possessive');
      if (after?.text === ',' && tokens[i + 2]?.text === 'who') cue(t.text, 'before-who');
      if (after && isCapital(after.text)) cue(t.text, 'before-capital');
      if (!before || !isCapital(before.text)) {
        if (!after || !isCapital(after.text)) cue(t.text, 'alone');
      }
    }
    const previous = tokens[i - 1];
    if (
      !previous ||
      /^[.!?:;"\u201c\u201d\u2014-]$|^\s+$/.test(previous.text) ||
      text.slice(previous.end, t.start).includes('\n')
    )
      opens.add(i);
  });
  return { lower, opens, cues };
}

const isCapital = (word: string) => /^\p{Lu}/u.test(word);

/** "Xxxx", "XX", "X.", "dd", "Xx-Xx": the word's shape, with runs of one kind of letter shortened. */
function shape(word: string): string {
  if (/^\s+$/.test(word)) return '<br>';
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\d/g, 'd')
    .replace(/([xXd])\1{2,}/g, '$1$1');
}

/** The run of capitalised words (and the links between them) around each token, as [first, last] indices. */
export function capitalRuns(tokens: Token[]): Map<number, [number, number]> {
  const runs = new Map<number, [number, number]>();
  let i = 0;
  while (i < tokens.length) {
    if (!isCapital(tokens[i]!.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (next.start - tokens[j]!.end > 1) break;
      if (isCapital(next.text) || /^[.'\u2019-]$/.test(next.text)) j++;
      else if (NAME_LINKS.has(next.text) && tokens[j + 2] && isCapital(tokens[j + 2]!.text)) j += 2;
      else break;
    }
    for (let k = i; k <= j; k++) runs.set(k, [i, j]);
    i = j + 1;
  }
  return runs;
}

const listed = new Map<string, string[]>();

/** What the word lists know of a capitalised word, once per word: the same names come back all through a text. */
function whatListsSay(word: string): string[] {
  let known = listed.get(word);
  if (!known) {
    known = [];
    if (isCommonWord(word)) known.push('common-word');
    if (isListedName(word)) known.push('given-name');
    if (isKnownPlace(word)) known.push('known-place');
    if (isCity(word)) known.push('city');
    if (isTitleWord(word)) known.push('title');
    if (listed.size > 50_000) listed.clear();
    listed.set(word, known);
  }
  return known;
}

/** A token as a feature's value: lower case, and a line break as one mark (the model file keeps a feature a line). */
const lowered = (t: Token) => (/^\s+$/.test(t.text) ? '<br>' : t.text.toLowerCase());

export function tokenFeatures(tokens: Token[], i: number, context: TextContext, runs: Map<number, [number, number]>) {
  const t = tokens[i]!;
  const word = t.text;
  const lower = word.toLowerCase();
  const at = (k: number) => tokens[i + k];
  const w = (k: number) => (at(k) ? lowered(at(k)!) : k < 0 ? '<s>' : '</s>');
  const p = (k: number) => at(k)?.pos ?? (k < 0 ? '<s>' : '</s>');
  const capital = isCapital(word);
  const features = [
    'bias',
    `w=${lower}`,
    `shape=${shape(word)}`,
    `pos=${t.pos}`,
    `pre3=${lower.slice(0, 3)}`,
    `suf3=${lower.slice(-3)}`,
    `suf2=${lower.slice(-2)}`,
    `w-1=${w(-1)}`,
    `w+1=${w(1)}`,
    `w-2=${w(-2)}`,
    `w+2=${w(2)}`,
    `pos-1=${p(-1)}`,
    `pos+1=${p(1)}`,
    `pos-1,0=${p(-1)},${t.pos}`,
    `pos0,+1=${t.pos},${p(1)}`,
    `shape-1=${at(-1) ? shape(at(-1)!.text) : '<s>'}`,
    `shape+1=${at(1) ? shape(at(1)!.text) : '</s>'}`,
    `w-1,w=${w(-1)},${lower}`,
    `w,w+1=${lower},${w(1)}`,
    `lemma+1=${at(1)?.lemma ?? '</s>'}`,
    `lemma-1=${at(-1)?.lemma ?? '<s>'}`,
  ];
  if (context.opens.has(i)) features.push('opens', `opens,shape=${shape(word)}`);
  if (capital) {
    const known = whatListsSay(word);
    features.push(...known);
    if (context.lower.has(lower)) features.push('also-lower');
    if (context.opens.has(i) && known.includes('common-word')) features.push('opens,common');
    for (const what of context.cues.get(word) ?? []) features.push(`text:${what}`);
  }
  if (at(-1) && isTitleWord(at(-1)!.text) && isCapital(at(-1)!.text)) features.push('after-title');
  const run = runs.get(i);
  if (run) {
    const [first, last] = run;
    const runWords = tokens.slice(first, last + 1).map((x) => x.text);
    const whole = runWords.join(' ');
    features.push(
      `run-last=${tokens[last]!.text.toLowerCase()}`,
      `run-first=${tokens[first]!.text.toLowerCase()}`,
      `run-len=${Math.min(last - first + 1, 4)}`,
      `run-place=${i - first},${last - i}`.replace(/\d{2,}/g, '9'),
      `run-before=${tokens[first - 1] ? lowered(tokens[first - 1]!) : '<s>'}`,
      `run-after=${tokens[last + 1] ? lowered(tokens[last + 1]!) : '</s>'}`,
    );
    if (isKnownPlace(whole)) features.push('run-known-place');
    if (last > first && isCity(whole)) features.push('run-city');
    if (runWords.includes('of')) features.push('run-of');
  }
  return features;
}
