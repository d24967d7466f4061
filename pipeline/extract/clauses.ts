// The clauses of a sentence that carry its dates: "Tonga ratified on October 22, and Fiji on November 7" tells two
// events; "In 1994, after the collapse of 1991, the treaty was signed" tells one (its first date stands alone).
import type { Token } from './language.ts';
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

/**
 * Split the sentence [from, to) of a paragraph at the clause breaks that fall between its dates (";", ",", "and",
 * "but") wherever both sides have words of their own beyond the date, unless what follows a comma is a phrase that
 * qualifies what came before ("after ...", "when ..."); dates with no break between them share a clause.
 */
export function datedClauses<M extends Span>(tokens: Token[], from: number, to: number, dated: M[]): Clause<M>[] {
  const words = tokens.filter((t) => t.start >= from && t.end <= to);
  const inDate = (t: Token | undefined) => !!t && dated.some((m) => t.start >= m.at[0] && t.end <= m.at[1]);
  // Breaks inside a quotation belong to the quotation.
  let quoted = false;
  const inQuote = new Set<Token>();
  for (const t of words) {
    if (t.text === '"' || t.text === '``' || t.text === "''") quoted = !quoted;
    else if (t.text === '\u201c') quoted = true;
    else if (t.text === '\u201d') quoted = false;
    else if (quoted) inQuote.add(t);
  }
  const cuts = words.filter((t, i) => {
    if (inQuote.has(t)) return false;
    if (t.text === ';' || t.text === ':') return true;
    const next = words[i + 1];
    // ", was vetoed" continues the subject before the comma; "North Macedonia and Albania" is one phrase.
    if (t.text === ',') return next?.pos !== 'VERB' && next?.pos !== 'AUX';
    return (
      t.pos === 'CCONJ' &&
      (inDate(words[i - 1]) || words[i - 1]?.text === ',' || next?.pos === 'VERB' || next?.pos === 'AUX')
    );
  });
  const outside = (t: Token, ms: M[]) => ms.every((m) => t.end <= m.at[0] || t.start >= m.at[1]);
  const hasContent = (a: number, b: number, ms: M[]) =>
    words.some((t) => t.start >= a && t.end <= b && CONTENT.has(t.pos) && outside(t, ms));
  /** ", after the revolution of 1974" qualifies the clause before it; ", and in 1997 ..." or "; in 1997 ..." does not. */
  const qualifies = (cut: Token) => {
    const opener = words.find((t) => t.start > cut.start);
    return cut.text === ',' && !!opener && (opener.pos === 'ADP' || opener.pos === 'SCONJ');
  };
  const sorted = [...dated].sort((a, b) => a.at[0] - b.at[0]);
  const clauses: Clause<M>[] = [];
  const open = (at: number, mention: M) => {
    const first = words.find((t) => t.start >= at && t.text !== ',');
    clauses.push({ from: at, to, mentions: [mention], contrast: first?.lemma === 'but' });
  };
  for (const mention of sorted) {
    const current = clauses.at(-1);
    if (!current) {
      clauses.push({ from, to, mentions: [mention], contrast: false });
      continue;
    }
    const previous = current.mentions.at(-1)!;
    // The first break after the last date that leaves words of their own on both sides; "and", "but" or ";" before
    // a bare comma, which may only open an aside ("in June 1975, a year after the coup, and joined in 1981").
    const between = cuts.filter(
      (c) =>
        c.start >= previous.at[1] &&
        c.end <= mention.at[0] &&
        !qualifies(c) &&
        hasContent(current.from, c.start, current.mentions) &&
        hasContent(c.start, to, [mention]),
    );
    const cut = between.find((c) => c.text !== ',') ?? between[0];
    if (cut) {
      current.to = cut.start;
      open(cut.start, mention);
    } else current.mentions.push(mention);
  }
  // A clause ends where the sentence moves on to something undated: "...; the Council decided in June 2018 ..."
  // keeps only its own part. Only breaks that open a clause of its own count (";", ":", ", and", ", but").
  for (const clause of clauses) {
    const first = clause.mentions[0]!.at[0],
      last = clause.mentions.at(-1)!.at[1];
    const strong = (t: Token, i: number) =>
      t.text === ';' ||
      t.text === ':' ||
      (t.text === ',' && words[i + 1]?.pos === 'CCONJ' && words[i + 2]?.pos !== 'VERB' && words[i + 2]?.pos !== 'AUX');
    words.forEach((t, i) => {
      if (!strong(t, i) || t.start < clause.from || t.end > clause.to) return;
      // Only where a clause of its own begins, with its verb: "Dar es Salaam, Tanzania, and Nairobi" is one phrase.
      const verbIn = (a: number, b: number) => verbGroups(words.filter((w) => w.start >= a && w.end <= b)).length > 0;
      if (t.end <= first && hasContent(clause.from, t.start, []) && verbIn(t.end, first)) clause.from = t.end;
      else if (t.start >= last && hasContent(last, t.start, []) && clause.to > t.start && verbIn(t.end, clause.to))
        clause.to = t.start;
    });
  }
  return clauses;
}
