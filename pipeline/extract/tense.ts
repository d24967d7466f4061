// The tense a date is told in, from the verb its clause depends on: "met on Friday" points back from the story's
// date, "will meet on Friday" and "is scheduled to meet on Friday" forward. Verbs and auxiliaries come from the tagger.
import { firstTokenAt, type Token } from './language.ts';

/** "prospective": a modal or an intention ("would meet", "could leave", "plans to sign"): forward from the time of
 * the telling in news, but in a narrative of the past it may be the past's own future ("he would later resign"). */
export type { Tense } from '../dates/timex/index.ts';

import type { Tense } from '../dates/timex/index.ts';
import { FUTURE_AUX, INTENT, MODALS, PAST_AUX, PERFECT, PLANNED, PRESENT_BE } from './lexicon.ts';

export interface VerbGroup {
  start: number;
  end: number;
  tense: Tense;
}

/** Tokens that end a clause: a date in one clause is not told in the tense of the next. */
const CLAUSE_BREAK = /^(?:[,;:()\u2013\u2014"\u201c\u201d`']|``|''|--)$/;

const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
const ing = (t: Token) => /ing$/i.test(t.text) && t.lemma !== t.text.toLowerCase();

/** A verb form that is not its dictionary form, an "-s" form or an "-ing" form: a past form ("met", "begun"). */
function pastForm(t: Token): boolean {
  const word = t.text.toLowerCase(),
    lemma = t.lemma;
  if (PAST_AUX.has(word)) return true;
  if (PRESENT_BE.has(word) || word === lemma || ing(t)) return false;
  const thirdPerson =
    word === `${lemma}s` || word === `${lemma}es` || word === `${lemma.slice(0, -1)}ies` || word === 'has';
  return !thirdPerson;
}

/** What one run of auxiliaries and verbs says about time; null when it has no finite verb ("killing", "to meet"). */
function tenseOf(group: Token[]): Tense | null {
  const words = group.map((t) => t.text.toLowerCase());
  if (words.some((w) => FUTURE_AUX.has(w))) return 'future';
  if (words.some((w) => MODALS.has(w))) return words.includes('have') ? 'past' : 'prospective';
  // "is to meet", "was to remain", "are expected to arrive", "is going to sign"; "agreed to meet", "plans to sign"
  const to = words.indexOf('to');
  if (to > 0 && group.slice(0, to).some((t) => t.lemma === 'be') && (to === 1 || PLANNED.has(words[to - 1]!)))
    return 'future';
  if (to > 0 && INTENT.has(group[to - 1]!.lemma)) return 'prospective';
  // "is planned for October", "are due in May": a plan, told forward.
  if (
    to < 0 &&
    group.some((t) => t.lemma === 'be') &&
    words.some((w) => ['planned', 'scheduled', 'expected', 'due', 'slated'].includes(w))
  )
    return 'future';
  const first = group.find((t) => t.pos !== 'PART' && t.pos !== 'ADV');
  if (!first) return null;
  if (PERFECT.has(first.text.toLowerCase()) && group.length > 1) return 'past';
  if (pastForm(first)) return 'past';
  if (ing(first) && group.length === 1) return null;
  if (to === 0) return 'prospective'; // "ordered them to withdraw by Friday": forward from the order
  return 'present';
}

/** Runs of auxiliaries and verbs that carry a tense ("has not yet signed", "will meet", "said"), in text order. */
export function verbGroups(tokens: Token[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let run: Token[] = [];
  const close = () => {
    const tense = run.length && run.some(isVerb) ? tenseOf(run) : null;
    if (tense) groups.push({ start: run[0]!.start, end: run.at(-1)!.end, tense });
    run = [];
  };
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    // Adverbs and "not" sit inside a group ("has not yet signed"); "to" joins a group to its infinitive, or opens one.
    const inner =
      !!next &&
      isVerb(next) &&
      ((run.length > 0 && (t.pos === 'ADV' || t.pos === 'PART')) || (t.pos === 'PART' && t.lemma === 'to'));
    if (isVerb(t) || inner) run.push(t);
    else close();
  });
  close();
  return groups;
}

/**
 * A reader of tenses for one text: given an offset, the tense of the verb the clause around it depends on (the
 * nearest verb before it in its clause, else after it; else the nearest in its sentence). Null when there is none.
 */
export function tenseReader(tokens: Token[]): (offset: number) => Tense | null {
  const groups = verbGroups(tokens);
  const breaks = tokens.filter((t) => t.pos === 'PUNCT' && CLAUSE_BREAK.test(t.text)).map((t) => t.start);
  const stops = tokens.filter((t) => t.pos === 'PUNCT' && /^[.!?]+$/.test(t.text)).map((t) => t.start);
  const boundsOf = (offset: number, cuts: number[]) => {
    let from = 0,
      to = Number.POSITIVE_INFINITY;
    for (const c of cuts) {
      if (c < offset) from = c;
      else {
        to = c;
        break;
      }
    }
    return [from, to] as const;
  };
  const nearest = (offset: number, from: number, to: number): Tense | null => {
    let before: VerbGroup | undefined, after: VerbGroup | undefined;
    for (const g of groups) {
      if (g.end <= offset && g.start >= from) before = g;
      if (g.start >= offset && g.end <= to && !after) after = g;
    }
    return (before ?? after)?.tense ?? null;
  };
  // "appointed Kadri Tamm, effective April 1", "with effect from 1 May": when something takes effect lies ahead of
  // the text's date, whatever the tense of the verb before it.
  const takesEffect = (offset: number) => {
    const at = firstTokenAt(tokens, offset); // the tokens before the date, found by halving
    const before = tokens.slice(Math.max(0, at - 3), at).map((t) => t.lemma.toLowerCase());
    return (
      before.at(-1) === 'effective' ||
      (before.at(-2) === 'effective' && ['from', 'on', 'as'].includes(before.at(-1)!)) ||
      before.slice(-3).join(' ') === 'with effect from'
    );
  };
  return (offset) => {
    if (takesEffect(offset)) return 'prospective';
    const [sentenceFrom, sentenceTo] = boundsOf(offset, stops);
    const [clauseFrom, clauseTo] = boundsOf(offset, breaks);
    return (
      nearest(offset, Math.max(clauseFrom, sentenceFrom), Math.min(clauseTo, sentenceTo)) ??
      nearest(offset, sentenceFrom, sentenceTo)
    );
  };
}
