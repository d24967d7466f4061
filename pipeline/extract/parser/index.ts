// Which word each word depends on: a greedy arc-eager dependency parser (Nivre 2003) whose choices come from an
// averaged perceptron learned from GUM's dependency trees (scripts/train-parser.ts, model.json), reading the words
// and their parts of speech from the tagger. Unlabelled: the clause questions ask which verb a date hangs from and
// where that verb's words begin and end, not what the link is called. Projective, so every subtree is one run of
// words.
import type { Token } from '../language.ts';
import { Perceptron, type PerceptronModel } from '../perceptron.ts';
import model from './model.json' with { type: 'json' };

/** The parser's moves: take the next word; link the stack's top to it; link it to the top; drop the linked top. */
export const MOVES = ['shift', 'left', 'right', 'reduce'] as const;
const [SHIFT, LEFT, RIGHT, REDUCE] = [0, 1, 2, 3];

/** What the parser reads of a word. */
export type Word = Pick<Token, 'text' | 'pos'>;

let shipped: Perceptron | null = null;

/** The model the build uses, read once. */
export function parserModel(): Perceptron {
  shipped ??= new Perceptron([...MOVES], model as PerceptronModel);
  return shipped;
}

/** The state of a parse: the stack, the next word, and the links made so far (heads, children counts, edges). */
class Configuration {
  readonly stack: number[] = [];
  next = 0;
  readonly heads: Int32Array;
  readonly leftmost: Int32Array;
  readonly rightmost: Int32Array;
  readonly lefts: Int32Array;
  readonly rights: Int32Array;
  /** Whether a word has a wh-word among its dependents ("who were invited"): a relative clause, not a main verb. */
  readonly relative: Uint8Array;

  constructor(readonly words: readonly Word[]) {
    const n = words.length;
    this.heads = new Int32Array(n).fill(-1);
    this.leftmost = new Int32Array(n).fill(-1);
    this.rightmost = new Int32Array(n).fill(-1);
    this.lefts = new Int32Array(n);
    this.rights = new Int32Array(n);
    this.relative = new Uint8Array(n);
  }

  get done(): boolean {
    return this.next >= this.words.length;
  }

  allowed(move: number): boolean {
    const top = this.stack.at(-1);
    if (move === SHIFT) return !this.done;
    if (top === undefined) return false;
    if (move === LEFT) return !this.done && this.heads[top] === -1;
    if (move === RIGHT) return !this.done;
    return this.heads[top] !== -1;
  }

  apply(move: number): void {
    if (move === SHIFT) this.stack.push(this.next++);
    else if (move === REDUCE) this.stack.pop();
    else if (move === LEFT) this.link(this.next, this.stack.pop()!);
    else {
      this.link(this.stack.at(-1)!, this.next);
      this.stack.push(this.next++);
    }
  }

  private link(head: number, child: number): void {
    this.heads[child] = head;
    if (WH.test(this.words[child]!.text)) this.relative[head] = 1;
    if (child < head) {
      this.lefts[head]!++;
      if (this.leftmost[head] === -1 || child < this.leftmost[head]!) this.leftmost[head] = child;
    } else {
      this.rights[head]!++;
      if (child > this.rightmost[head]!) this.rightmost[head] = child;
    }
  }
}

const WH = /^(?:which|who|whom|whose|where|when|that)$/i;

const word = (w: Word | undefined) => (w ? w.text.toLowerCase() : '<none>');
const pos = (w: Word | undefined) => (w ? w.pos : '<none>');

/** Distance in words between the stack's top and the next word, in bands. */
const band = (d: number) => (d < 5 ? String(d) : d < 7 ? '5-6' : '7+');

/** The features of a configuration (after Zhang and Nivre 2011, without labels). */
export function features(c: Configuration): string[] {
  const w = c.words;
  const s0 = c.stack.at(-1) ?? -1;
  const s1 = c.stack.at(-2) ?? -1;
  const n0 = c.next;
  const at = (i: number) => (i >= 0 ? w[i] : undefined);
  const [S0, S1, N0, N1, N2] = [at(s0), at(s1), at(n0), at(n0 + 1), at(n0 + 2)];
  const [s0w, s0p, n0w, n0p, n1w, n1p, n2p] = [word(S0), pos(S0), word(N0), pos(N0), word(N1), pos(N1), pos(N2)];
  const s0h = s0 >= 0 ? c.heads[s0]! : -1;
  const s0hp = pos(at(s0h));
  const s0lp = pos(at(s0 >= 0 ? c.leftmost[s0]! : -1));
  const s0rp = pos(at(s0 >= 0 ? c.rightmost[s0]! : -1));
  const n0lp = pos(at(n0 < w.length ? c.leftmost[n0]! : -1));
  const dist = s0 >= 0 && N0 ? band(n0 - s0) : '-';
  const linked = s0 >= 0 && s0h !== -1 ? 'h' : 'n';
  return [
    'bias',
    `s0w=${s0w}`,
    `s0p=${s0p}`,
    `s0wp=${s0w}/${s0p}`,
    `n0w=${n0w}`,
    `n0p=${n0p}`,
    `n0wp=${n0w}/${n0p}`,
    `n1w=${n1w}`,
    `n1p=${n1p}`,
    `n1wp=${n1w}/${n1p}`,
    `n2p=${n2p}`,
    `s0w,n0w=${s0w}/${n0w}`,
    `s0p,n0p=${s0p}/${n0p}`,
    `s0wp,n0p=${s0w}/${s0p}/${n0p}`,
    `s0p,n0wp=${s0p}/${n0w}/${n0p}`,
    `s0wp,n0wp=${s0w}/${s0p}/${n0w}/${n0p}`,
    `n0p,n1p=${n0p}/${n1p}`,
    `n0p,n1p,n2p=${n0p}/${n1p}/${n2p}`,
    `s0p,n0p,n1p=${s0p}/${n0p}/${n1p}`,
    `s0hp,s0p,n0p=${s0hp}/${s0p}/${n0p}`,
    `s0p,s0lp,n0p=${s0p}/${s0lp}/${n0p}`,
    `s0p,s0rp,n0p=${s0p}/${s0rp}/${n0p}`,
    `s0p,n0p,n0lp=${s0p}/${n0p}/${n0lp}`,
    `s1p,s0p,n0p=${pos(S1)}/${s0p}/${n0p}`,
    `s0w,d=${s0w}/${dist}`,
    `s0p,n0p,d=${s0p}/${n0p}/${dist}`,
    `n0w,d=${n0w}/${dist}`,
    `s0p,vr=${s0p}/${s0 >= 0 ? c.rights[s0] : 0}`,
    `s0p,vl=${s0p}/${s0 >= 0 ? c.lefts[s0] : 0}`,
    `n0p,vl=${n0p}/${n0 < w.length ? c.lefts[n0] : 0}`,
    `h,s0p,n0p=${linked}/${s0p}/${n0p}`,
    `h,s0w,n0p=${linked}/${s0w}/${n0p}`,
    `s1w,s0p,n0p=${word(S1)}/${s0p}/${n0p}`,
    `s0hw,s0p,n0p=${word(at(s0h))}/${s0p}/${n0p}`,
    `s0p,s0lp,s0rp,n0p=${s0p}/${s0lp}/${s0rp}/${n0p}`,
    `s0p,n0p,n1w=${s0p}/${n0p}/${n1w}`,
    `s0w,n0p,n1p=${s0w}/${n0p}/${n1p}`,
    `n0lw,s0p,n0p=${word(at(n0 < w.length ? c.leftmost[n0]! : -1))}/${s0p}/${n0p}`,
    `s0lw,s0p,n0p=${word(at(s0 >= 0 ? c.leftmost[s0]! : -1))}/${s0p}/${n0p}`,
    `rel,s0p,n0p=${s0 >= 0 ? c.relative[s0] : 0}/${n0 < w.length ? c.relative[n0] : 0}/${s0p}/${n0p}`,
  ];
}

/**
 * How many links of the tree `gold` (head indices, -1 for the root) a move would make impossible to build: the
 * dynamic oracle of arc-eager parsing (Goldberg and Nivre 2012). A move that costs nothing is a right move, and from
 * a configuration the parser reached by its own mistakes there is still a best way on: it learns to recover.
 */
function cost(c: Configuration, gold: ArrayLike<number>, move: number): number {
  const top = c.stack.at(-1) ?? -1;
  const n0 = c.next;
  const n = c.words.length;
  let lost = 0;
  if (move === LEFT) {
    // The top takes the next word as its head: its dependents further on, and a head further on, are lost.
    if (gold[top] !== n0 && (gold[top] === -1 || gold[top]! > n0)) lost++;
    for (let k = n0 + 1; k < n; k++) if (gold[k] === top) lost++;
  } else if (move === RIGHT) {
    // The next word takes the top as its head: a head of its own below it or further on, and its dependents on the
    // stack, are lost.
    if (gold[n0] !== top && (gold[n0] === -1 || gold[n0]! > n0 || c.stack.includes(gold[n0]!))) lost++;
    for (const k of c.stack) if (gold[k] === n0 && c.heads[k] === -1) lost++;
  } else if (move === REDUCE) {
    for (let k = n0; k < n; k++) if (gold[k] === top) lost++;
  } else {
    // Shift: the next word's links with words on the stack are lost.
    for (const k of c.stack) {
      if (gold[k] === n0 && c.heads[k] === -1) lost++;
      if (gold[n0] === k) lost++;
    }
  }
  return lost;
}

/**
 * Each word's head (an index into `words`, or -1 for the sentence's root). Given the gold heads, it learns from each
 * move as it goes: where its guess costs links, it learns the best move that costs none, and then (as in use) goes
 * on with its own guess (when it explores), so that it learns to recover from its mistakes.
 */
export function parse(
  perceptron: Perceptron,
  words: readonly Word[],
  gold?: ArrayLike<number>,
  explore = true,
): Int32Array {
  const c = new Configuration(words);
  while (!c.done) {
    const feats = features(c);
    const scores = perceptron.scores(feats);
    let guess = -1;
    for (let m = 0; m < MOVES.length; m++) if (c.allowed(m) && (guess < 0 || scores[m]! > scores[guess]!)) guess = m;
    if (gold) {
      const costs = MOVES.map((_, m) => (c.allowed(m) ? cost(c, gold, m) : Infinity));
      const least = Math.min(...costs);
      let best = guess;
      if (costs[guess] !== least)
        for (let m = 0, first = true; m < MOVES.length; m++)
          if (costs[m] === least && (first || scores[m]! > scores[best]!)) [best, first] = [m, false];
      perceptron.update(feats, best, guess);
      if (!explore) guess = best;
    }
    c.apply(guess);
  }
  return c.heads;
}

/** Heads of the words of a sentence, by the shipped model, its commonest garden path mended. */
export function parseSentence(words: readonly Word[]): Int32Array {
  return mendRelatives(words, parse(parserModel(), words));
}

const RELATIVE = /^(?:which|who|whom|whose)$/i;

/**
 * "Northgate Bank, which has 45 branches, announced ...": read word by word, the relative clause's verb looks like
 * the main one, and the verb after the second comma is taken for its dependent. Where a relative clause set off by
 * commas after the sentence's opening noun phrase has, among its dependents, a verb after a comma, that verb is the
 * sentence's, and the noun phrase its subject.
 */
export function mendRelatives(words: readonly Word[], heads: Int32Array): Int32Array {
  for (let v = 0; v < words.length; v++) {
    if (!/^(?:VERB|AUX)$/.test(words[v]!.pos)) continue;
    const pronoun = heads.findIndex((h, i) => h === v && i < v && RELATIVE.test(words[i]!.text));
    if (pronoun < 1 || words[pronoun - 1]!.text !== ',') continue;
    const noun = pronoun - 2;
    if (noun < 0 || !/^(?:NOUN|PROPN|PRON)$/.test(words[noun]!.pos)) continue;
    // Only the sentence's opening noun phrase: no verb before the relative clause.
    if (words.slice(0, pronoun).some((w) => w.pos === 'VERB' || w.pos === 'AUX')) continue;
    // The main verb: a dependent of the relative verb, after a comma that closes the clause.
    const main = heads.findIndex(
      (h, i) => h === v && i > v && words[i]!.pos === 'VERB' && words.slice(v + 1, i).some((w) => w.text === ','),
    );
    if (main < 0 || words.slice(pronoun + 1, main).some((w) => RELATIVE.test(w.text))) continue;
    // The noun's phrase hangs from its head noun; climb to the word of that phrase that hangs outside it.
    let subject = noun;
    while (heads[subject]! >= 0 && heads[subject]! < pronoun && heads[subject] !== v) subject = heads[subject]!;
    // Only where the relative verb or its noun was taken for the root.
    if (!((heads[v] === -1 && heads[subject] === v) || (heads[subject] === -1 && heads[v] === subject))) continue;
    heads[main] = -1;
    heads[subject] = main;
    heads[v] = noun;
    // What the relative verb held after the main verb, and the comma that closes the clause, are the main verb's.
    heads.forEach((h, d) => {
      if (h === v && (d > main || (d === main - 1 && words[d]!.text === ','))) heads[d] = main;
    });
  }
  return heads;
}
