// The clauses of a sentence that carry its dates: "Tonga ratified on October 22, and Fiji on November 7" tells two
// events; "In 1994, after the collapse of 1991, the treaty was signed" tells one (its first date stands alone).
import { firstTokenAt, type Token } from './language.ts';
import { AND_ABROAD, RELATIVES } from './lexicon.ts';
import { parseSentence } from './parser/index.ts';
import { verbGroups } from './tense.ts';

export interface Span {
  /** [start, end) in the paragraph's plain text. */
  at: [number, number];
}

export interface Clause<M extends Span> {
  from: number;
  to: number;
  /** The dates the clause holds, in text order. */
  mentions: M[];
  /** The clause opens with "but": what it says overrides the one before ("was to end on May 5, but on May 4 ..."). */
  contrast: boolean;
  /** [start, end) of clauses inside this one that another date tells ("The treaty, which was signed in 1994,
   * expired in 2004": the 2004 row leaves out "which was signed in 1994"). */
  without: [number, number][];
  /** The clause is a relative clause the tree found: its "which", "who" or "that" stands for the noun before it. */
  relative?: boolean;
}

/** Parts of speech that carry what a clause is about: a clause of a date and prepositions alone tells nothing. */
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'PRON']);

/** A sentence's words with what the clause questions need: which date each lies in, and counts of content words. */
interface SentenceIndex<M extends Span> {
  words: Token[];
  /** The dates in text order. */
  sorted: M[];
  /** Which date each word lies in (-1: none). */
  dateOf: Int32Array;
  /** The first word that starts at or after `at`. */
  firstAt(at: number): number;
  /** Content words in [a, b), leaving out those inside the dates numbered [m0, m1) (all of which lie in [a, b)). */
  hasContent(a: number, b: number, m0?: number, m1?: number): boolean;
}

/**
 * Split the sentence [from, to) of a paragraph at the clause breaks that fall between its dates (";", ",", "and",
 * "but") wherever both sides have words of their own beyond the date, unless what follows a comma is a phrase that
 * qualifies what came before ("after ...", "when ..."); dates with no break between them share a clause, unless the
 * sentence's dependency tree puts one inside a clause of its own.
 */
export function datedClauses<M extends Span>(
  tokens: Token[],
  from: number,
  to: number,
  dated: M[],
  /** Whether the parser (learned from English) may read the sentence's tree. */
  english = true,
): Clause<M>[] {
  // Linear in the sentence (a sentence of 4,000 dates once took 40 s): tokens and dates are in text order, and every
  // question below is answered from an index or a running count, never by a scan of the whole sentence.
  const index = indexSentence(tokens, from, to, dated);
  const clauses = splitAtBreaks(index, clauseBreaks(index, english), from, to);
  for (const clause of clauses) keepOwnPart(index, clause);
  const out = clauses.map(({ first: _, ...clause }) => clause);
  return english ? byTree(index, out) : out;
}

function indexSentence<M extends Span>(tokens: Token[], from: number, to: number, dated: M[]): SentenceIndex<M> {
  const words = tokens.filter((t) => t.start >= from && t.end <= to);
  const sorted = [...dated].sort((a, b) => a.at[0] - b.at[0]);
  const firstAt = (at: number) => firstTokenAt(words, at);
  // Which date each word lies in, by one sweep over both.
  const dateOf = new Int32Array(words.length).fill(-1);
  for (let i = 0, m = 0; i < words.length; i++) {
    while (m < sorted.length && sorted[m]!.at[1] < words[i]!.end) m++;
    const mention = sorted[m];
    if (mention && words[i]!.start >= mention.at[0] && words[i]!.end <= mention.at[1]) dateOf[i] = m;
  }
  // Running counts of content words: all of them, and those inside dates (per date, by its index).
  const content = new Int32Array(words.length + 1);
  const insideDates = new Int32Array(sorted.length + 1);
  words.forEach((t, i) => {
    const counts = CONTENT.has(t.pos) ? 1 : 0;
    content[i + 1] = content[i]! + counts;
    if (counts && dateOf[i]! >= 0) insideDates[dateOf[i]! + 1]! += 1;
  });
  for (let m = 0; m < sorted.length; m++) insideDates[m + 1]! += insideDates[m]!;
  const hasContent = (a: number, b: number, m0 = 0, m1 = 0) =>
    content[firstAt(b)]! - content[firstAt(a)]! - (insideDates[m1]! - insideDates[m0]!) > 0;
  return { words, sorted, dateOf, firstAt, hasContent };
}

/** Which words are inside a quotation: breaks there belong to the quotation. */
function quotedWords(words: Token[]): Uint8Array {
  let quoted = false;
  const inQuote = new Uint8Array(words.length);
  words.forEach((t, i) => {
    if (t.text === '"' || t.text === '``' || t.text === "''") quoted = !quoted;
    else if (t.text === '\u201c') quoted = true;
    else if (t.text === '\u201d') quoted = false;
    else if (quoted) inQuote[i] = 1;
  });
  return inQuote;
}

/** The words where a clause may break (";", ":", ",", "and", "but"), as word indices in text order. */
function clauseBreaks({ words, dateOf }: SentenceIndex<Span>, english: boolean): number[] {
  const inQuote = quotedWords(words);
  const cuts: number[] = [];
  let auxiliary = false; // an auxiliary has opened a verb group before this word ("he was promoted ...")
  let relative = false; // ... or inside a relative clause ("Hungary, who were invited in 1997, will join")
  let participle = false; // ... or a participle set off by a comma ("The treaty, signed in 1994, expired in 2004")
  words.forEach((t, i) => {
    if (t.pos === 'AUX') auxiliary = true;
    // (after an adverb too: ", first elected in 2020,")
    const afterComma = words[i - 1]?.text === ',' || (words[i - 1]?.pos === 'ADV' && words[i - 2]?.text === ',');
    if (t.pos === 'VERB' && afterComma && /(?:ed|en|wn|un|lt|ld)$/.test(t.text) && !auxiliary) participle = true;
    if (RELATIVES.has(t.text.toLowerCase())) relative = true;
    if (inQuote[i]) return;
    const next = words[i + 1];
    const isCut =
      t.text === ';' ||
      t.text === ':' ||
      // ", was vetoed" continues the subject before the comma; "North Macedonia and Albania" is one phrase.
      (t.text === ',' && next?.pos !== 'VERB' && next?.pos !== 'AUX') ||
      // "he was promoted in 1678, was appointed in 1679": a dated predicate, then another of the same subject.
      (t.text === ',' && next?.pos === 'AUX' && auxiliary && !relative && i > 0 && dateOf[i - 1]! >= 0) ||
      // "The treaty, signed in 1994, expired in 2004": the participle's date, then the sentence's own verb and date.
      (t.text === ',' && next?.pos === 'VERB' && participle && !relative && i > 0 && dateOf[i - 1]! >= 0) ||
      // (Abroad the tagger knows neither the conjunction nor the verb after it: any "und" between dates may part them.)
      (!english && AND_ABROAD.has(t.text.toLowerCase())) ||
      (t.pos === 'CCONJ' &&
        ((i > 0 && dateOf[i - 1]! >= 0) || words[i - 1]?.text === ',' || next?.pos === 'VERB' || next?.pos === 'AUX'));
    if (isCut) cuts.push(i);
  });
  return cuts;
}

type OpenClause<M extends Span> = Clause<M> & { first: number };

/** One clause per run of dates with no usable break between them. */
function splitAtBreaks<M extends Span>(
  index: SentenceIndex<M>,
  cuts: number[],
  from: number,
  to: number,
): OpenClause<M>[] {
  const { words, hasContent } = index;
  /** ", after the revolution of 1974" qualifies the clause before it; ", and in 1997 ..." or "; in 1997 ..." does not. */
  const qualifies = (cut: number) => {
    const opener = words[cut + 1];
    if (words[cut]!.text !== ',' || !opener || (opener.pos !== 'ADP' && opener.pos !== 'SCONJ')) return false;
    // ", with the third departing each Thursday from August 6": a clause with a subject and a verb of its own.
    if (opener.lemma !== 'with') return true;
    for (let i = cut + 2; i < words.length && words[i]!.text !== ',' && index.dateOf[i]! < 0; i++)
      if (words[i]!.pos === 'VERB' && /ing$/.test(words[i]!.text) && i > cut + 2) return false;
    return true;
  };
  const clauses: OpenClause<M>[] = [];
  const open = (cut: number, mention: M, first: number) => {
    let w = cut;
    while (w < words.length && words[w]!.text === ',') w++;
    clauses.push({
      from: words[cut]!.start,
      to,
      mentions: [mention],
      contrast: words[w]?.lemma === 'but',
      without: [],
      first,
    });
  };
  let c = 0; // the first cut not yet behind the last date
  index.sorted.forEach((mention, m) => {
    const current = clauses.at(-1);
    if (!current) {
      clauses.push({ from, to, mentions: [mention], contrast: false, without: [], first: m });
      return;
    }
    const previous = current.mentions.at(-1)!;
    while (c < cuts.length && words[cuts[c]!]!.start < previous.at[1]) c++;
    // The first break after the last date that leaves words of their own on both sides; "and", "but" or ";" before
    // a bare comma, which may only open an aside ("in June 1975, a year after the coup, and joined in 1981").
    let comma: number | null = null;
    let cut: number | null = null;
    for (let k = c; k < cuts.length && words[cuts[k]!]!.end <= mention.at[0]; k++) {
      const at = cuts[k]!;
      const start = words[at]!.start;
      if (qualifies(at) || !hasContent(current.from, start, current.first, m) || !hasContent(start, to, m, m + 1))
        continue;
      if (words[at]!.text !== ',') {
        cut = at;
        break;
      }
      comma ??= at;
    }
    cut ??= comma;
    if (cut !== null) {
      current.to = words[cut]!.start;
      open(cut, mention, m);
    } else current.mentions.push(mention);
  });
  return clauses;
}

/**
 * A clause ends where the sentence moves on to something undated: "...; the Council decided in June 2018 ..." keeps
 * only its own part. Only breaks that open a clause of its own count (";", ":", ", and", ", but").
 */
function keepOwnPart<M extends Span>({ words, firstAt, hasContent }: SentenceIndex<M>, clause: Clause<M>): void {
  const strong = (t: Token, i: number) =>
    t.text === ';' ||
    t.text === ':' ||
    (t.text === ',' && words[i + 1]?.pos === 'CCONJ' && words[i + 2]?.pos !== 'VERB' && words[i + 2]?.pos !== 'AUX');
  // Only where a clause of its own begins, with its verb: "Dar es Salaam, Tanzania, and Nairobi" is one phrase.
  const verbIn = (a: number, b: number) => verbGroups(words.slice(firstAt(a), firstAt(b))).length > 0;
  const first = clause.mentions[0]!.at[0];
  const last = clause.mentions.at(-1)!.at[1];
  for (let i = firstAt(clause.from); i < words.length && words[i]!.end <= clause.to; i++) {
    const t = words[i]!;
    if (!strong(t, i)) continue;
    if (t.end <= first && hasContent(clause.from, t.start) && verbIn(t.end, first)) clause.from = t.end;
    else if (t.start >= last && hasContent(last, t.start) && clause.to > t.start && verbIn(t.end, clause.to))
      clause.to = t.start;
  }
}

/** Sentences longer than this are lists or tables run together: their clauses are left to the breaks. */
const MAX_PARSED = 120;

/** A sentence's dependency tree: each word's head, and the first and last word of the subtree each word heads. */
interface Tree {
  heads: Int32Array;
  first: Int32Array;
  last: Int32Array;
}

function treeOf(words: Token[]): Tree {
  const heads = parseSentence(words);
  const first = Int32Array.from(words, (_, i) => i);
  const last = Int32Array.from(words, (_, i) => i);
  // Each word widens the span of every word above it (the parser's trees are projective: a subtree is one run).
  words.forEach((_, i) => {
    for (let h = heads[i]!, steps = 0; h >= 0 && steps < words.length; h = heads[h]!, steps++) {
      if (i < first[h]!) first[h] = i;
      if (i > last[h]!) last[h] = i;
    }
  });
  return { heads, first, last };
}

/**
 * Where the breaks leave two dates in one clause, the tree tells them apart when one of them is in a relative clause
 * ("The treaty, which was signed in 1994, expired in 2004": two rows, each with its own verb). Each clause then leaves
 * out the relative clauses inside it that hold another date and none of its own ("Imports of the watches that now
 * will be eligible for duty-free treatment totaled $37.3 million in 1988": the 1988 row without "that now ...").
 */
function byTree<M extends Span>(index: SentenceIndex<M>, clauses: Clause<M>[]): Clause<M>[] {
  const { words, sorted, firstAt } = index;
  // Only a relative clause changes anything here: a sentence without a word that opens one is not parsed.
  const opens = (t: Token) => RELATIVES.has(t.text.toLowerCase()) || t.text.toLowerCase() === 'that';
  if (words.length > MAX_PARSED || !words.some(opens)) return clauses;
  const tree = treeOf(words);
  // Words inside a quotation are the speaker's: none is left out of them.
  const inQuote = quotedWords(words);
  const span = (v: number) => (inQuote[v] ? null : relativeSpan(tree, words, v, index.dateOf));
  /** The relative clauses a date lies in, innermost first (by their verbs). */
  const relativesOf = (m: M): number[] => {
    const [from, to] = [firstAt(m.at[0]), firstAt(m.at[1]) - 1];
    // The date's own head word: the one whose head lies outside the date.
    let at = from;
    while (at < to && tree.heads[at]! >= from && tree.heads[at]! <= to) at++;
    const out: number[] = [];
    for (let h = tree.heads[at]!, steps = 0; h >= 0 && steps < words.length; h = tree.heads[h]!, steps++)
      if (span(h)) out.push(h);
    return out;
  };
  const relatives = new Map(sorted.map((m) => [m, relativesOf(m)]));
  const inside = (m: M, [from, to]: [number, number]) => m.at[0] >= from && m.at[1] <= to;
  const out: Clause<M>[] = [];
  for (const clause of clauses) {
    // A date in a relative clause that leaves out another date of the clause is a row of its own.
    const own = new Map<number, M[]>();
    for (const m of clause.mentions) {
      const verb = relatives.get(m)![0];
      if (verb === undefined) continue;
      const [from, to] = span(verb)!;
      if (from >= clause.from && to <= clause.to && clause.mentions.some((o) => !inside(o, [from, to])))
        own.set(verb, [...(own.get(verb) ?? []), m]);
    }
    for (const [verb, mentions] of own) {
      const [from, to] = span(verb)!;
      out.push({ from, to, mentions, contrast: false, without: [], relative: true });
    }
    const rest = clause.mentions.filter((m) => ![...own.values()].some((group) => group.includes(m)));
    out.push({ ...clause, mentions: rest });
  }
  // An aside between a subject and its verb says nothing of the clause's date: "First of America, which has 45
  // banks, announced in January ..." announced; the row leaves it out.
  words.forEach((_, verb) => {
    const aside = span(verb);
    if (!aside || words[firstAt(aside[0])]?.text !== ',' || words[firstAt(aside[1]) - 1]?.text !== ',') return;
    for (const clause of out)
      if (aside[0] > clause.from && aside[1] < clause.to && !clause.mentions.some((m) => inside(m, aside)))
        clause.without.push(aside);
  });
  // Each clause leaves out the widest relative clause inside it around each other date, holding none of its own.
  for (const clause of out) {
    for (const m of sorted) {
      if (clause.mentions.includes(m)) continue;
      let hole: [number, number] | null = null;
      for (const verb of relatives.get(m)!) {
        const [from, to] = span(verb)!;
        if (from < clause.from || to > clause.to || (from === clause.from && to === clause.to)) break;
        if (clause.mentions.some((own) => inside(own, [from, to]))) break;
        hole = [from, to];
      }
      if (hole) clause.without.push(hole);
    }
    // A hole inside a wider one goes with it.
    clause.without = clause.without.filter(
      ([a, b], i) => !clause.without.some(([c, d], k) => k !== i && c <= a && b <= d && (d - c > b - a || k < i)),
    );
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * [start, end) of the relative clause a verb heads ("which was signed in 1994", with the commas that set it off;
 * "that now will be eligible"). Null for any other clause: a complement or an infinitive ("said that ...", "plans to
 * redeem ...") is part of what its sentence says, and a participle's noun ("the dispute ..., settled by the Prespa
 * Agreement") is not told by the tree reliably enough.
 */
function relativeSpan(tree: Tree, words: Token[], verb: number, dateOf: Int32Array): [number, number] | null {
  // A relative clause hangs from its noun: one that hangs from a verb is what that verb says ("ruled that ...").
  const noun = words[tree.heads[verb]!];
  if (!/^(?:VERB|AUX)$/.test(words[verb]!.pos) || !noun || !/^(?:NOUN|PROPN|PRON)$/.test(noun.pos)) return null;
  let a = tree.first[verb]!;
  let b = tree.last[verb]!;
  while (a < b && words[a]!.text === ',') a++;
  while (b > a && words[b]!.text === ',') b--;
  const before = words[a - 1];
  // "said Tuesday that ...": a date is no noun a clause can say something of.
  if (dateOf[a - 1]! >= 0) return null;
  const opener = words[a]!.text.toLowerCase();
  if (before?.text === ',' && RELATIVES.has(opener)) {
    // Set off by commas: both go with it, or the one before it when it ends the sentence.
    if (words[b + 1]?.text === ',') [a, b] = [a - 1, b + 1];
    else if (!words[b + 1] || /^[.;:!?]$/.test(words[b + 1]!.text)) a--;
    else return null;
  } else if (!(before && /^(?:NOUN|PROPN)$/.test(before.pos) && (RELATIVES.has(opener) || opener === 'that')))
    return null;
  return [words[a]!.start, words[b]!.end];
}
