// Parts of speech and lemmas from a real tagger (wink-nlp with its light English model), with each token's place in
// the text, for the parts of extraction that need grammar: the tense a date is told in, the clause an event sits in,
// the subject and verb a summary keeps. The model loads once, on first use (about 0.2 s), and tags about 100,000
// tokens a second, so a whole essay costs little and the cost grows with its length only.

import winkNLP from 'wink-nlp';
import { englishModel } from './language-model.ts';

/** Universal POS tags, as the model gives them. */
export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

export interface Token {
  text: string;
  /** Lower-case dictionary form: "met" -> "meet", "was" -> "be". */
  lemma: string;
  pos: Pos;
  /** [start, end) into the text that was tagged. */
  start: number;
  end: number;
}

let tagger: ReturnType<typeof winkNLP> | null = null;

// Dates, events and summaries all read the same paragraphs: tag each once.
const cache = new Map<string, Token[]>();

/** Forget the tags of the essay just read: the next essay shares none of its texts, and a batch would hold them all. */
export function forgetTags(): void {
  cache.clear();
}

/** Every token of `text` with its tag, lemma and offsets, in order. */
export function tag(text: string): Token[] {
  let tokens = cache.get(text);
  if (!tokens) {
    if (cache.size > 500) cache.clear();
    cache.set(text, (tokens = tagUncached(text)));
  }
  return tokens;
}

const LONG_RUN = /\S{64,}/g;

function tagUncached(text: string): Token[] {
  tagger ??= winkNLP(englishModel, ['pos']);
  const its = tagger.its;
  // The tokenizer's e-mail and URL patterns backtrack over a long run without spaces (base64, "a_a_a_..."): its time
  // grows with the square of the run. Such a run is no word; cut into pieces (a space in place of every 49th
  // character, so every offset stays), it is read in linear time.
  const tokens = tagger.readDoc(text.replace(LONG_RUN, (run) => run.replace(/(.{48})./g, '$1 '))).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as Pos[];
  // The types ask the lemma reader for add-ons the light model builds in.
  const lemmas = tokens.out(its.lemma as typeof its.value) as string[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    // The tokenizer keeps the text as it is, so the offsets add up; should a token ever differ, find it ahead.
    if (text.startsWith(values[i]!, at) === false) {
      const found = text.indexOf(values[i]!, at);
      if (found >= 0) at = found;
    }
    out.push({
      text: values[i]!,
      lemma: (lemmas[i] ?? values[i]!).toLowerCase(),
      pos: tags[i]!,
      start: at,
      end: at + values[i]!.length,
    });
    at += values[i]!.length;
  }
  return out;
}

/** The index of the first token that starts at or after `at` (tokens in text order): found by halving. */
export function firstTokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0,
    hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
