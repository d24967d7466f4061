// The clauses of a sentence that carry its dates: "Tonga ratified on October 22, and Fiji on November 7" tells two
// events; "In 1994, after the collapse of 1991, the treaty was signed" tells one (its first date stands alone).
import { firstTokenAt, type Token } from './language.ts';
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
 * qualifies what came before ("after ...", "when ..."); dates with no break between them share a clause.
 */
export function datedClauses<M extends Span>(tokens: Token[], from: number, to: number, dated: M[]): Clause<M>[] {
  // Linear in the sentence (a sentence of 4,000 dates once took 40 s): tokens and dates are in text order, and every
  // question below is answered from an index or a running count, never by a scan of the whole sentence.
  const index = indexSentence(tokens, from, to, dated);
  const clauses = splitAtBreaks(index, clauseBreaks(index), from, to);
  for (const clause of clauses) keepOwnPart(index, clause);
  return clauses.map(({ first: _, ...clause }) => clause);
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
function clauseBreaks({ words, dateOf }: SentenceIndex<Span>): number[] {
  const inQuote = quotedWords(words);
  const cuts: number[] = [];
  words.forEach((t, i) => {
    if (inQuote[i]) return;
    const next = words[i + 1];
    const isCut =
      t.text === ';' ||
      t.text === ':' ||
      // ", was vetoed" continues the subject before the comma; "North Macedonia and Albania" is one phrase.
      (t.text === ',' && next?.pos !== 'VERB' && next?.pos !== 'AUX') ||
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
    return words[cut]!.text === ',' && !!opener && (opener.pos === 'ADP' || opener.pos === 'SCONJ');
  };
  const clauses: OpenClause<M>[] = [];
  const open = (cut: number, mention: M, first: number) => {
    let w = cut;
    while (w < words.length && words[w]!.text === ',') w++;
    clauses.push({ from: words[cut]!.start, to, mentions: [mention], contrast: words[w]?.lemma === 'but', first });
  };
  let c = 0; // the first cut not yet behind the last date
  index.sorted.forEach((mention, m) => {
    const current = clauses.at(-1);
    if (!current) {
      clauses.push({ from, to, mentions: [mention], contrast: false, first: m });
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
