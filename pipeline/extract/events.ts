// Dated sentences become chronology events: one per real-world event, sorted by date.
import type { ChronologyEvent, Essay, EventKind, Precision } from '../model.ts';
import { compareDays } from './calendar.ts';
import type { Found } from './actors.ts';
import { classify } from './kind.ts';
import type { LocatedMention } from './mentions.ts';
import { summarise } from './summary.ts';

const COARSENESS: Precision[] = ['day', 'month', 'season', 'year', 'decade', 'century'];
const coarseness = (p: Precision) => COARSENESS.indexOf(p);

interface Candidate {
  mention: LocatedMention;
  paragraph: number;
  sentence: number;
  text: string;
  kind: EventKind;
  /** The role phrase that stands for the person in this sentence, if one does. */
  role: string | null;
  people: string[];
  organizations: string[];
  places: string[];
}

const unique = (list: string[]) => [...new Set(list)];
const contains = (outer: LocatedMention, inner: LocatedMention) => compareDays(outer.start, inner.start) <= 0 && compareDays(inner.end, outer.end) <= 0;

/**
 * @param names every name found in each paragraph, in source offsets, keyed by paragraph number
 */
/** A later telling of an event already told: where, and where it was first told. */
export interface Restatement {
  again: LocatedMention;
  first: LocatedMention;
}

export function buildEvents(essay: Essay, mentions: LocatedMention[], names: Map<number, Found[]>, roles: Map<string, string> = new Map(),
  onRestated?: (restatement: Restatement) => void): ChronologyEvent[] {
  const people = unique([...names.values()].flat().filter((f) => f.type === 'person').map((f) => f.name));
  const bySurname = surnameIndex(people);
  const candidates: Candidate[] = [];
  const lastSeen = new Map<string, number>(); // where each person was last named, for roles that stand for them

  const mentionsOf = new Map<number, LocatedMention[]>();
  for (const m of mentions) mentionsOf.set(m.paragraph, [...(mentionsOf.get(m.paragraph) ?? []), m]);
  for (const paragraph of essay.paragraphs) {
    const found = names.get(paragraph.n) ?? [];
    let lastPerson: string | null = null;
    for (const sentence of paragraph.sentences) {
      const [from, to] = sentence.offset;
      const inSentence = found.filter((f) => f.start >= from && f.start < to);
      const named = unique([...inSentence.filter((f) => f.type === 'person').map((f) => f.name), ...surnames(sentence.text, bySurname)]);
      const pronoun = /\b(?:he|his|him|she|her|the latter)\b/i.test(sentence.text);
      // "The President of the Republic of Azerbaijan issued a decree": the person last named with that role.
      const byRole = named.length ? null : holderOfRole(sentence.text, roles, lastSeen);
      const actorsPeople = named.length ? named : byRole ? [byRole.person] : pronoun && lastPerson ? [lastPerson] : [];
      if (named.length) lastPerson = named[named.length - 1]!;
      named.forEach((person) => lastSeen.set(person, sentence.offset[0]));
      const dated = (mentionsOf.get(paragraph.n) ?? []).filter((m) => m.offset[0] >= from && m.offset[1] <= to);
      if (!dated.length) continue;
      // The most precise date of the sentence is the event's; the first on a tie.
      const mention = dated.reduce((best, m) => (coarseness(m.precision) < coarseness(best.precision) ? m : best));
      candidates.push({
        mention, paragraph: paragraph.n, sentence: sentence.n, text: sentence.text, kind: classify(sentence.text), role: byRole?.role ?? null,
        people: actorsPeople,
        organizations: unique(inSentence.filter((f) => f.type === 'organization').map((f) => f.name)),
        places: unique(inSentence.filter((f) => f.type === 'place').map((f) => f.name)),
      });
    }
  }

  const kept = dropTopicSentences(candidates);
  const merged = mergeRestatements(kept, onRestated);
  merged.sort((a, b) => compareDays(a.mention.start, b.mention.start) || compareDays(b.mention.end, a.mention.end)
    || a.paragraph - b.paragraph || a.sentence - b.sentence);
  return merged.map((c, i) => ({
    id: `e${i + 1}`,
    date: { text: c.mention.text, value: c.mention.value, start: c.mention.start, end: c.mention.end, precision: c.mention.precision },
    text: c.text,
    summary: summarise(c.text, c.mention.text, c.people[0] ?? null, people, c.role),
    kind: c.kind,
    actors: { people: c.people, organizations: c.organizations, places: c.places },
    source: { paragraph: c.paragraph, sentence: c.sentence },
  }));
}

/** "A cooperation was founded in 1994. On May 4, 1994, ... signed": a sentence that announces the next one's event. */
function dropTopicSentences(list: Candidate[]): Candidate[] {
  const announces = (c: Candidate, next: Candidate | undefined) => !!next && next.paragraph === c.paragraph
    && next.sentence === c.sentence + 1 && coarseness(c.mention.precision) >= coarseness('year')
    && (c.kind === 'other' || c.kind === 'decision') && !c.mention.value.includes('/')
    && contains(c.mention, next.mention);
  return list.filter((c, i) => !announces(c, list[i + 1]));
}

/** A later sentence that restates an event (same date, same kind or same actors) joins the first telling. */
function mergeRestatements(list: Candidate[], onRestated?: (restatement: Restatement) => void): Candidate[] {
  const out: Candidate[] = [];
  for (const c of list) {
    const same = out.find((o) => o.mention.value === c.mention.value && (
      (c.mention.precision === 'day' && (o.kind === c.kind || shares(o.people, c.people) || shares(o.organizations, c.organizations)))
      || (o.kind === c.kind && o.kind !== 'other' && (shares(o.people, c.people) || shares(o.places, c.places)))));
    if (!same) { out.push({ ...c }); continue; }
    onRestated?.({ again: c.mention, first: same.mention });
    same.people = unique([...same.people, ...c.people]);
    same.organizations = unique([...same.organizations, ...c.organizations]);
    same.places = unique([...same.places, ...c.places]);
  }
  return out;
}

const shares = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/** Surnames that belong to one known person only, so "Solana" can stand for "Javier Solana". */
function surnameIndex(people: string[]): Map<string, string> {
  const counts = new Map<string, string[]>();
  for (const p of people) {
    const last = p.split(' ').at(-1)!;
    counts.set(last, [...(counts.get(last) ?? []), p]);
  }
  return new Map([...counts].filter(([, ps]) => ps.length === 1).map(([s, ps]) => [s, ps[0]!]));
}

function surnames(sentence: string, index: Map<string, string>): string[] {
  return [...index].filter(([surname, full]) => new RegExp(`\\b${surname}\\b`, 'u').test(sentence) && !sentence.includes(full)).map(([, full]) => full);
}

function holderOfRole(sentence: string, roles: Map<string, string>, lastSeen: Map<string, number>): { person: string; role: string } | null {
  const holders = [...roles].filter(([, role]) => role.includes(' ') && sentence.toLowerCase().includes(role.toLowerCase()));
  if (holders.length === 0) return null;
  holders.sort(([a], [b]) => (lastSeen.get(b) ?? -1) - (lastSeen.get(a) ?? -1));
  const [person, role] = holders[0]!;
  return { person, role };
}
