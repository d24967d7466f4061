// A headline of what happened, for a place that holds a few words (a label on a slide's timeline): the row's summary
// cut after its core, who did what to what ("Azerbaijan joined the Partnership for Peace programme"), leaving out the
// phrases that say when, where, how and why. Never "Kind: actor", and never a cut that changes the meaning: a
// summary whose rest holds a negation or a quotation is kept whole.
import { type Token, tag } from './language.ts';
import { BINDING, COMPLEMENTISER } from './lexicon.ts';
import { verbGroups } from './tense.ts';

/** A headline fits a label's three lines. */
export const HEADLINE_CHARS = 64;
const NOMINAL = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART']);
/** What a cut may not leave behind: the words that turn a clause into its opposite, and quoted words. */
const MEANING = /\b(?:not|n't|no|never|nor|neither|none|without|except|only|unless)\b|["\u201c\u201d]/i;
const isParticiple = (t: Token) => t.pos === 'VERB' && /(?:ed|en|wn|rn|ung|ought|ade|ld|ent)$/i.test(t.text);

/**
 * Where the noun phrase that starts at `at` may end: before the first phrase that qualifies its head ("the meeting |
 * of the heads of states"), and at its end; none when no noun phrase starts there. A preposition inside a name
 * ("the Partnership for Peace", "the Council of Europe") is part of the name.
 */
function nounPhraseEnds(tokens: Token[], at: number): number[] {
  let head = -1;
  let end = -1;
  for (let i = at; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Words the tagger misreads inside a noun phrase: an ordinal ("the 50th anniversary"), a hyphenated compound
    // ("peace-keeping activities").
    const hyphened =
      (t.text === '-' && tokens[i - 1]?.end === t.start && tokens[i + 1]?.start === t.end) ||
      (tokens[i - 1]?.text === '-' && tokens[i - 1]!.end === t.start);
    const possessive = t.pos === 'PRON' && /^(?:his|her|its|their|our|my|your)$/i.test(t.text);
    if (/^\d+(?:st|nd|rd|th)$/i.test(t.text) || hyphened || possessive) continue;
    const inName = tokens[i - 1]?.pos === 'PROPN' && tokens[i + 1]?.pos === 'PROPN';
    const binds = BINDING.has(t.lemma) && i > at && NOMINAL.has(tokens[i + 1]?.pos ?? 'X');
    const joins = (t.lemma === 'and' || t.text === ',') && inName;
    if (!NOMINAL.has(t.pos) && !binds && !joins) break;
    if (binds && !inName && head < 0) head = end;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') end = i + 1;
  }
  return [...new Set([head, end].filter((e) => e > at))];
}

/**
 * The summary's core: its words up to the end of what its first verb acts on (or, for a verb that takes none, the
 * first phrase after it: "was transferred to the FBI"). The whole summary when no shorter core reads as a clause.
 */
export function headline(summary: string): string {
  const tokens = tag(summary).filter((t) => t.pos !== 'SPACE');
  // The clause's own verb: not a participle that opens a phrase set in commas inside its subject (", made by ...,
  // was vetoed"); "His successor, Georges Pompidou, agreed" has its verb after a comma too, and no other after it.
  const groups = verbGroups(tokens);
  const group = groups.find((g, i) => {
    const first = tokens.findIndex((t) => t.start === g.start);
    const next = groups[i + 1];
    const inCommas =
      first > 0 &&
      tokens[first - 1]!.text === ',' &&
      g.end === tokens[first]!.end &&
      isParticiple(tokens[first]!) &&
      !!next &&
      tokens.some((t) => t.text === ',' && t.start > g.end && t.end <= next.start);
    return !inCommas;
  });
  if (!group) return summary;
  const at = tokens.findIndex((t) => t.start >= group.end);
  if (at <= 0 || COMPLEMENTISER.has(tokens[at]!.lemma)) return summary;
  // What the verb acts on, or the phrase its preposition opens ("participated in the seminar"); a verb that opens an
  // infinitive after that ("agreed at the summit to open negotiations") keeps its whole clause.
  let ends = nounPhraseEnds(tokens, at);
  // A verb's particle comes first ("took part in", "set up"): the phrase follows it.
  const particle = ['ADV', 'PART', 'NOUN'].includes(tokens[at]!.pos) && tokens[at + 1]?.pos === 'ADP' ? 1 : 0;
  if (!ends.length && tokens[at + particle]!.pos === 'ADP') ends = nounPhraseEnds(tokens, at + particle + 1);
  ends = ends.filter((end) => end < tokens.length && !MEANING.test(summary.slice(tokens[end - 1]!.end)));
  if (!ends.length) return summary;
  // An infinitive in the same stretch after the cut is what the verb is about ("voted by 51.9 per cent to leave",
  // "agreed at the summit to open negotiations"): the whole clause, then. One after a comma is a purpose: it may go.
  const infinitiveAfter = (end: number) => {
    for (let i = end; i < tokens.length && !/^[,;:]$/.test(tokens[i]!.text); i++)
      if (tokens[i]!.lemma === 'to' && tokens[i + 1]?.pos === 'VERB') return true;
    return false;
  };
  ends = ends.filter((end) => !infinitiveAfter(end));
  if (!ends.length) return summary;
  // The longest core that fits a label, else the shortest there is.
  const cuts = ends.map((end) => summary.slice(0, tokens[end - 1]!.end).replace(/[\s,;:]+$/, ''));
  return cuts.filter((cut) => cut.length <= HEADLINE_CHARS).at(-1) ?? cuts[0]!;
}
