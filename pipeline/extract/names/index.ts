// Names of people, organisations and places, found by a sequence tagger learned from GUM (scripts/train-names.ts,
// model.json): each token gets B-, I- or O for a type, from its own form and part of speech, its neighbours, the
// capitalised run it sits in and the tags before it. The rules around it (actors.ts) only trim titles and settle
// one name against another.
import type { Token } from '../language.ts';
import { Perceptron, type PerceptronModel } from '../perceptron.ts';
import { capitalRuns, type NameType, textContext, tokenFeatures } from './features.ts';
import { isFormOfAddress, isTitleWord, PARTICLES } from './lexicon.ts';
import model from './model.json' with { type: 'json' };

export interface RecognisedName {
  name: string;
  type: NameType;
  start: number;
  end: number;
  /** How sure the model is, summed over the name's mentions: the first token's score for its type above "O". */
  confidence: number;
}

/** Features of the tags already given: what came just before shapes what comes next ("I-" only after "B-"). */
const historyFeatures = (previous: string, beforeThat: string, word: string) => [
  `t-1=${previous}`,
  `t-2,t-1=${beforeThat},${previous}`,
  `t-1,w=${previous},${word}`,
];

export const NAME_LABELS = ['O', ...['person', 'organization', 'place'].flatMap((t) => [`B-${t}`, `I-${t}`])];

let shipped: Perceptron | null = null;

/** The model the build uses, read once (~30 ms). */
export function namesModel(): Perceptron {
  shipped ??= new Perceptron(NAME_LABELS, model as PerceptronModel);
  return shipped;
}

/**
 * Tag each token with a label index, left to right. Given the true labels, it learns from each token as it goes
 * (the training pass); the tags it sees before each token are its own guesses, as they will be in use.
 */
export function tagSequence(
  perceptron: Perceptron,
  text: string,
  tokens: Token[],
  truth?: number[],
  scores?: Float64Array[],
): number[] {
  const context = textContext(text, tokens);
  const runs = capitalRuns(tokens);
  const labels = perceptron.labels;
  const out: number[] = [];
  let previous = 'O';
  let beforeThat = 'O';
  for (let i = 0; i < tokens.length; i++) {
    const features = [
      ...tokenFeatures(tokens, i, context, runs),
      ...historyFeatures(previous, beforeThat, tokens[i]!.text.toLowerCase()),
    ];
    const guess = perceptron.predict(features, previous);
    scores?.push(perceptron.lastScores);
    if (truth) perceptron.update(features, truth[i]!, guess);
    out.push(guess);
    beforeThat = previous;
    previous = labels[guess]!;
  }
  return out;
}

/** Every name in `text` (already tagged by the language library), with its type and offsets. */
export function recogniseNames(text: string, tokens: Token[], perceptron = namesModel()): RecognisedName[] {
  const scores: Float64Array[] = [];
  const labels = tagSequence(perceptron, text, tokens, undefined, scores).map((k) => perceptron.labels[k]!);
  const out: (Omit<RecognisedName, 'confidence'> & { votes: Float64Array })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!labels[i]!.startsWith('B-')) continue;
    const type = labels[i]!.slice(2) as NameType;
    let j = i;
    while (labels[j + 1] === `I-${type}`) j++;
    let first = i;
    // Titles before a person's name are a role, not the name: "Vice President Bush" is Bush.
    if (type === 'person') while (first < j && isTitleWord(tokens[first]!.text)) first++;
    // A name begins with a capital (or a particle: "de Gaulle") and ends with a capital, a digit or a full stop.
    while (first < j && /^\p{Ll}/u.test(tokens[first]!.text) && !PARTICLES.has(tokens[first]!.text)) first++;
    let last = j;
    while (last > first && !/^[\p{Lu}\d]|^\p{L}.*\.$/u.test(tokens[last]!.text)) last--;
    if (!/^[\p{Lu}\d]/u.test(tokens[first]!.text) && !PARTICLES.has(tokens[first]!.text)) {
      i = j;
      continue;
    }
    // A name is made of whole words: "Nagorno-Karabakh", never "Karabakh" of it.
    let start = tokens[first]!.start;
    let end = tokens[last]!.end;
    while (start > 0 && /[\p{L}\p{M}-]/u.test(text[start - 1]!)) start--;
    while (end < text.length && /[\p{L}\p{M}]|-(?=\p{L})/u.test(text[end]!)) end++;
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    if (isFormOfAddress(name) || !/\p{L}/u.test(name)) continue;
    out.push({ name, type, start, end, votes: scores[i]! });
    i = j;
  }
  return byVote(out, perceptron.labels);
}

/**
 * One name, one type: the mentions of a name vote with the scores of their first token, so that "York" is a place
 * throughout a guide to York even where one sentence alone would make it a person.
 */
function byVote(
  found: (Omit<RecognisedName, 'confidence'> & { votes: Float64Array })[],
  labels: string[],
): RecognisedName[] {
  const TYPES: NameType[] = ['person', 'organization', 'place'];
  const totals = new Map<string, number[]>();
  const outside = labels.indexOf('O');
  for (const f of found) {
    const sum = totals.get(f.name) ?? [0, 0, 0];
    for (let k = 0; k < TYPES.length; k++) sum[k]! += f.votes[labels.indexOf(`B-${TYPES[k]}`)]! - f.votes[outside]!;
    totals.set(f.name, sum);
  }
  return found.map(({ votes: _, ...f }) => {
    const sum = totals.get(f.name)!;
    const best = Math.max(...sum);
    return { ...f, type: TYPES[sum.indexOf(best)]!, confidence: best };
  });
}

/** The true labels of `tokens`, from character spans of names: B- on a name's first token, I- on the rest. */
export function labelsOf(tokens: Token[], spans: { start: number; end: number; type: NameType }[]): number[] {
  const labels = tokens.map(() => 0);
  for (const span of spans) {
    let first = true;
    tokens.forEach((t, i) => {
      if (t.end <= span.start || t.start >= span.end) return;
      labels[i] = NAME_LABELS.indexOf(`${first ? 'B' : 'I'}-${span.type}`);
      first = false;
    });
  }
  return labels;
}
