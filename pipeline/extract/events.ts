// Dated sentences become chronology events: one per real-world event, sorted by date.
import type { ChronologyEvent, Essay, EventKind, Paragraph, Precision } from '../core/model.ts';
import { toSource } from '../core/source-map.ts';
import { escapeRegExp } from '../core/text.ts';
import { compareDays, daySpan, monthSpan, type Span, yearSpan } from '../dates/calendar.ts';
import { isReference } from '../dates/timex/index.ts';
import type { Found } from './actors.ts';
import { datedClauses } from './clauses.ts';
import { explainKind } from './kind.ts';
import { kindAbroad } from './kind-abroad.ts';
import { type Token, tag } from './language.ts';
import { ASKING, SINCE_ABROAD } from './lexicon.ts';
import { isEnglish, type LocatedMention } from './mentions.ts';
import { isTitleWord, TITLES_ABROAD } from './names/lexicon.ts';
import { REPORTING_LEMMAS } from './reporting.ts';
import { isRolePhrase } from './roles.ts';
import { objectPhrase, subjectPhrase, summarise } from './summary.ts';
import { tenseReader, verbGroups } from './tense.ts';

const COARSENESS: Precision[] = ['day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'century'];
const coarseness = (p: Precision) => COARSENESS.indexOf(p);

interface Candidate {
  mention: LocatedMention;
  paragraph: number;
  sentence: number;
  text: string;
  /** The clause of the sentence that tells this event (the whole sentence when it tells one). */
  clause: string;
  /** Lemmas of the clause's nouns and verbs: what it is about, to tell a restatement from another event. */
  words: Set<string>;
  kind: EventKind;
  /** What decided the kind ('the verb "sign"'), for the row's reasons. */
  kindBy: string;
  /** The role phrase that stands for the person in this sentence, if one does. */
  role: string | null;
  /** The row's words, made while the paragraph's tokens are at hand. */
  summary: string;
  people: string[];
  organizations: string[];
  places: string[];
}

const unique = (list: string[]) => [...new Set(list)];
const contains = (outer: LocatedMention, inner: LocatedMention) =>
  compareDays(outer.start, inner.start) <= 0 && compareDays(inner.end, outer.end) <= 0;

/**
 * @param names every name found in each paragraph, in source offsets, keyed by paragraph number
 */
/** A later telling of an event already told: where, and where it was first told. */
export interface Restatement {
  again: LocatedMention;
  first: LocatedMention;
}

export function buildEvents(
  essay: Essay,
  mentions: LocatedMention[],
  names: Map<number, Found[]>,
  roles: Map<string, string> = new Map(),
  onRestated?: (restatement: Restatement) => void,
  onDropped?: (mention: LocatedMention, rule: string) => void,
): ChronologyEvent[] {
  const reading = new Reading(essay, mentions, names, roles, onDropped);
  const candidates: Candidate[] = [];
  for (const paragraph of essay.paragraphs) candidates.push(...reading.paragraph(paragraph));
  const lives = lifespans(candidates, essay.source);
  // The kinds a topic sentence is told by are English words: elsewhere every row stays.
  const kept = isEnglish(essay.lang) ? dropTopicSentences(lives) : lives;
  const merged = mergeRestatements(kept, onRestated);
  merged.sort(
    (a, b) =>
      compareDays(a.mention.start, b.mention.start) ||
      compareDays(b.mention.end, a.mention.end) ||
      a.paragraph - b.paragraph ||
      a.sentence - b.sentence,
  );
  return merged.map((c, i) => ({
    id: `e${i + 1}`,
    date: {
      text: c.mention.text,
      value: c.mention.value,
      start: c.mention.start,
      end: c.mention.end,
      precision: c.mention.precision,
    },
    text: c.text,
    summary: c.summary,
    kind: c.kind,
    actors: { people: c.people, organizations: c.organizations, places: c.places },
    source: { paragraph: c.paragraph, sentence: c.sentence },
    why: { date: c.mention.family, kind: c.kindBy, clause: c.clause },
  }));
}

/** Where a sentence sits in its paragraph's text, and what the paragraph gives every sentence of it. */
interface SentenceAt {
  paragraph: Paragraph;
  sentence: Paragraph['sentences'][number];
  tokens: Token[];
  found: Found[];
  from: number;
  to: number;
  /** Characters of a dateline at the paragraph's start: its date is the story's, not an event's. */
  prose: number;
}

/**
 * The essay read sentence by sentence, as a reader keeps in mind who "he" is, what "it" stands for and what was just
 * acted on; each sentence's dated clauses become candidate events.
 */
class Reading {
  private readonly people: string[];
  private readonly bySurname: ReturnType<typeof surnameIndex>;
  private readonly english: boolean;
  private readonly lastSeen = new Map<string, number>(); // where each person was last named, for roles that stand for them
  private antecedent: string | null = null; // what "it" or "they" stands for: the last sentence's subject
  private thing: string | null = null; // what the last sentence's verb acted on, for a passive "it"
  private lastPerson: string | null = null; // who "he" or "she" is: the last person named, in this paragraph or before
  private lastSubject: string | null = null; // ... or better, the last person a sentence was about (its subject)
  private lastRole: string | null = null; // ... or a role named without a name, when the last subject was one
  /** A speech's speaker, as its author or title names them ("Remarks by President Lula at the summit"). */
  private readonly speaker: string | null;
  /** A biography's subject: the first person its opening names. */
  private readonly biographee: string | null;
  private readonly biographeePronoun: 'he' | 'she';
  private readonly headingDates: Map<number, LocatedMention>;
  private readonly mentionsOf = new Map<number, LocatedMention[]>();

  constructor(
    private readonly essay: Essay,
    mentions: LocatedMention[],
    private readonly names: Map<number, Found[]>,
    private readonly roles: Map<string, string>,
    private readonly onDropped?: (mention: LocatedMention, rule: string) => void,
  ) {
    this.people = unique(
      [...names.values()]
        .flat()
        .filter((f) => f.type === 'person')
        .map((f) => f.name),
    );
    this.english = isEnglish(essay.lang);
    // Who says "I": a speech's speaker, or the one an interview is with (its questions make no rows).
    this.speaker = essay.genre === 'speech' || essay.genre === 'interview' ? speakerOf(essay) : null;
    this.biographee = essay.genre === 'biography' ? biographeeOf(essay, names) : null;
    this.bySurname = surnameIndex(this.people, this.biographee);
    // The pronoun a biography gives its subject, by the one it uses most: "he" in a woman's life is someone else.
    const count = (re: RegExp) => essay.source.match(re)?.length ?? 0;
    // (abroad by the subject pronouns alone: French "son", "sa" agree with the thing, not the person)
    const [she, he] = this.english
      ? [/\b(?:she|her|hers|herself)\b/gi, /\b(?:he|his|him|himself)\b/gi]
      : [/(?<!\p{L})(?:elle|sie|ella)(?!\p{L})/giu, /(?<!\p{L})(?:il|er|él)(?!\p{L})/giu];
    this.biographeePronoun = count(she) > count(he) ? 'she' : 'he';
    this.headingDates = datedHeadings(essay, mentions);
    for (const m of mentions) this.mentionsOf.set(m.paragraph, [...(this.mentionsOf.get(m.paragraph) ?? []), m]);
  }

  /** Whether a rule keeps a date from making a row; the date and the rule are told to whoever asked. */
  private dropped(mention: LocatedMention, rule: string | null): boolean {
    if (rule) this.onDropped?.(mention, rule);
    return rule !== null;
  }

  /** The candidate events of a paragraph, sentence by sentence. */
  paragraph(paragraph: Paragraph): Candidate[] {
    const found = this.names.get(paragraph.n) ?? [];
    const tokens = tag(paragraph.text);
    const tenseAt = tenseReader(tokens);
    const prose = paragraph.dateline ?? 0;
    const quoted = quotations(paragraph.text);
    const candidates: Candidate[] = [];
    let cursor = 0;
    for (const sentence of paragraph.sentences) {
      const from = Math.max(cursor, paragraph.text.indexOf(sentence.text, cursor));
      const to = (cursor = from + sentence.text.length);
      const at: SentenceAt = { paragraph, sentence, tokens, found, from, to, prose };
      candidates.push(...this.sentence(at, quoted, tenseAt));
    }
    return candidates;
  }

  private sentence(at: SentenceAt, quoted: [number, number][], tenseAt: ReturnType<typeof tenseReader>): Candidate[] {
    const { paragraph, tokens, from, to, prose } = at;
    const who = this.actors(at);
    const dated = this.datesOf(at, quoted);
    const before = this.antecedent,
      acted = this.thing;
    this.thing =
      objectPhrase(
        paragraph.text,
        tokens,
        Math.max(from, prose),
        to,
        dated.map((m) => m.at),
      ) ?? this.thing;
    this.antecedent =
      subjectPhrase(
        paragraph.text,
        tokens,
        Math.max(from, prose),
        to,
        dated.map((m) => m.at),
      ) ?? this.antecedent;
    if (!dated.length || !TOLD.has(paragraph.kind)) return [];
    // "What changed after the attack in 2013?": a question asks, and tells no event ("The Pentagon said it will
    // re-examine the question are the remains ... known?" tells one: an English question opens with its asking word).
    // (A label and a name called are not the question: "THE COURT: Ms. Alvarez, where were you ...?")
    const asked = at.sentence.text
      .trim()
      .replace(/^(?:\p{Lu}[\p{L}.]*\s*){1,3}:\s*/u, '')
      .replace(/^(?:\p{Lu}[\p{L}.]*\s*){1,3},\s*/u, '');
    if (/\?["'\u201d\u2019)]*$/.test(asked) && (!this.english || ASKING.test(asked))) {
      for (const m of dated) this.dropped(m, 'in a question');
      return [];
    }
    // "Good news for AT&T today.", "Until this week": a fragment with no verb tells no happening. Short ones only: the
    // tagger misreads a verb now and then ("Assets as of Sept. 30 fell to $2.46 billion": "fell" a noun).
    const words = tokens.filter((t) => t.start >= from && t.end <= to && t.pos !== 'PUNCT');
    if (this.english && words.length <= 8 && !words.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return [];
    const clauses = datedClauses(tokens, from, to, dated, this.english);
    // "It was to end on May 5, but on May 4 it was extended": what was expected gives way to what happened.
    // "Three states ratified it in 1971: Norway on 6 February, ...": the clause before the colon announces the rest.
    const announces = (i: number) =>
      paragraph.text[clauses[i]!.to] === ':' &&
      clauses
        .slice(i + 1)
        .every((later) => later.mentions.every((m) => clauses[i]!.mentions.some((own) => contains(own, m))));
    const told = clauses.filter(
      (c, i) =>
        !this.english ||
        (!announces(i) &&
          !describes(tokens, c) &&
          !(clauses.length > 1 && onlyAttributes(tokens, c)) &&
          !(clauses[i + 1]?.contrast && /future|prospective/.test(tenseAt(c.mentions[0]!.at[0]) ?? ''))),
    );
    return (
      told
        .flatMap((clause) => withoutBracketedSpan(clause, paragraph.text))
        // (A clause the tree left without a date of its own tells nothing here.)
        .filter((clause) => clause.mentions.length > 0)
        .map((clause) => this.candidate(at, clause, clauses.length, dated, who, before, acted))
        // "Teddie Eleanor Rose Goode (b. September 2013)", "Braverman and Sunak": names alone tell nothing that happened.
        .filter((c) => !ONLY_NAMES.test(c.summary) || !this.dropped(c.mention, 'a list of names'))
    );
  }

  /** Who the sentence is about and names: its people, the person "he" or a role stands for. */
  private actors({ paragraph, sentence, tokens, found, from, to, prose }: SentenceAt) {
    const [start, end] = sentence.offset;
    // A dateline's place is where the story was filed, not a place of its events.
    const inSentence = found.filter(
      (f) => f.start >= Math.max(start, toSource(paragraph.segments, paragraph.dateline ?? 0)) && f.start < end,
    );
    // The sentence's subject first: in "Bremer stated that Allawi ... and he left", "he" is Bremer.
    const subject = subjectPhrase(paragraph.text, tokens, Math.max(from, prose), to, []) ?? '';
    const named = subjectFirst(
      unique([
        ...inSentence.filter((f) => f.type === 'person').map((f) => f.name),
        ...surnames(sentence.text, this.bySurname, this.people),
      ]),
      subject,
    );
    const pronoun = /\b(?:he|his|him|she|her|the latter)\b/i.test(sentence.text);
    // "The President of the Republic of Azerbaijan issued a decree": the person last named with that role.
    const byRole = named.length ? null : holderOfRole(sentence.text, this.roles, this.lastSeen);
    // "In 1936 he became ...": a pronoun subject is the person the text was about, not a name later in the sentence
    // ("He was born ..., the son of Hjalmar Hammarskjöld" is not about Hjalmar).
    // In a biography "he" or "she" is the life it tells, unless the sentence itself names someone else first.
    const said = pronounSubject(tokens, Math.max(from, prose), to);
    const biographee = said === this.biographeePronoun ? this.biographee : null;
    const inLife = this.essay.genre === 'biography' ? biographee : null;
    // ("The Minister met President Zourabichvili ... On 15 March she opened the embassy": she is the Minister.)
    const role = !inLife && said ? this.lastRole : null;
    const referent = role ? null : (inLife ?? this.lastSubject ?? this.lastPerson);
    const people =
      referent && said
        ? [referent, ...named.filter((n) => n !== referent)]
        : named.length
          ? named
          : byRole
            ? [byRole.person]
            : pronoun && this.lastPerson
              ? [this.lastPerson]
              : [];
    if (named.length) this.lastPerson = named[named.length - 1]!;
    const about = named.find((n) => inSubject(subject, n));
    if (about) [this.lastSubject, this.lastRole] = [about, null];
    else if (!byRole && !said) {
      // (The subject as read back from its verb may open on the date before it: "14 March 2024 the Minister".)
      const head = /\bthe\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu.exec(subject)?.[0];
      if (head && isRolePhrase(head)) this.lastRole = head;
    }
    for (const person of named) this.lastSeen.set(person, sentence.offset[0]);
    return { inSentence, subject, people: role ? [] : people, byRole, role };
  }

  /**
   * The sentence's dates that tell a happening (not in direct speech, which is what someone said); under a heading
   * that is a date ("## 12 March 2024"), a sentence without a date of its own tells that day's events: every sentence
   * under a day, the first of each paragraph under a longer span.
   */
  private datesOf({ paragraph, sentence, from, to, prose }: SentenceAt, quoted: [number, number][]) {
    const own = (this.mentionsOf.get(paragraph.n) ?? []).filter(
      (m): m is LocatedMention & { at: [number, number] } =>
        !!m.at &&
        m.at[0] >= Math.max(from, prose) &&
        m.at[1] <= to &&
        !isReference(m.value) &&
        !quoted.some(([a, b]) => m.at![0] >= a && m.at![1] <= b) &&
        !this.dropped(m, m.timeless ? TIMELESS : noHappening(paragraph.text, m.at, this.english)),
    );
    const heading = this.headingDates.get(paragraph.section);
    return own.length ||
      !heading ||
      !TOLD.has(paragraph.kind) ||
      (heading.precision !== 'day' && sentence.n > 1) ||
      paragraph.sentences.length === 0
      ? own
      : [{ ...heading, sentence: sentence.n, at: [from, from] as [number, number] }];
  }

  /**
   * The summaries' grammar is English: another language's row is its whole sentence, which says what it says, but for
   * its part between semicolons, which is a sentence of its own ("Le 4 mai 1994, le président a signé ; le 10 juin
   * 1994, le parlement l'a ratifié" is two), and with the life it tells named for its pronoun.
   */
  private sentenceAbroad(text: string, from: number, to: number, date: [number, number]): string {
    const [a, b] = semicolonPart(text, from, to, date);
    return lifeNamed(
      wholeSentence(text, a, b, this.essay.genre === 'interview'),
      this.biographee,
      this.biographeePronoun,
    );
  }

  /** One dated clause as a candidate event: its most precise date, its summary, its kind and actors. */
  private candidate(
    { paragraph, sentence, tokens, found, from, to, prose }: SentenceAt,
    clause: ReturnType<typeof datedClauses<LocatedMention & { at: [number, number] }>>[number],
    clauseCount: number,
    dated: (LocatedMention & { at: [number, number] })[],
    who: ReturnType<Reading['actors']>,
    before: string | null,
    acted: string | null,
  ): Candidate {
    // The most precise date of the clause is the event's; the first on a tie.
    const mention = clause.mentions.reduce((best, m) =>
      coarseness(m.precision) < coarseness(best.precision) ? m : best,
    );
    // The clause's words, without the clauses inside it that other dates tell.
    const own = clause.without.length
      ? tokens.filter((t) => !clause.without.some(([a, b]) => t.start >= a && t.end <= b))
      : tokens;
    const summary = !this.english
      ? this.sentenceAbroad(paragraph.text, Math.max(from, prose), to, mention.at)
      : summarise({
          text: paragraph.text,
          tokens: own,
          sentence: [from, to],
          clause: [clause.from, clause.to],
          date: mention.at,
          dates: dated.map((m) => m.at),
          dateline: prose,
          person: who.people[0] ?? who.role ?? null,
          role: who.byRole?.role ?? null,
          antecedent: before,
          thing: acted,
          people: this.people,
          speaker: this.speaker,
          listed: listBefore(this.essay, paragraph.n),
          relative: clause.relative,
        });
    const actors = actorsOf(
      clauseCount > 1 ? inClause(found, paragraph, clause) : who.inSentence,
      who.people,
      clauseCount > 1,
      subjectPhrase(
        paragraph.text,
        own,
        clause.from,
        clause.to,
        dated.map((m) => m.at),
      ) ?? who.subject,
    );
    // The speaker the row's "I" became is one of its people ("President Maria Silva signed the accord").
    const speaker = this.speaker && summary.startsWith(this.speaker) ? bareName(this.speaker) : null;
    if (speaker && !actors.people.includes(speaker)) actors.people = [speaker, ...actors.people];
    // (abroad, the life a row names for its pronoun is one of its people: "En 1942, Albert Camus publia")
    const life = !this.english && this.biographee && summary.includes(this.biographee) ? this.biographee : null;
    if (life && !actors.people.includes(life)) actors.people = [life, ...actors.people];
    return {
      summary,
      mention,
      paragraph: paragraph.n,
      sentence: sentence.n,
      text: sentence.text,
      clause: withoutParts(paragraph.text, clause),
      // (Without the words of its dates: "tonight" makes "She's here tonight" and "Tonight I propose a fund" no one.)
      words: contentWords(
        own.filter((t) => !dated.some((m) => t.start >= m.at[0] && t.end <= m.at[1])),
        clause.from,
        clause.to,
      ),
      ...(this.english
        ? kindOf(own, clause.from, clause.to, from)
        : kindAbroadOf(paragraph.text, clause, this.essay.lang)),
      role: who.byRole?.role ?? null,
      ...actors,
    };
  }
}

/**
 * The sections whose heading is a date, or opens with one ("## 12 March 2024", "## 1994: Partnership for Peace"),
 * with that date; by section index.
 */
function datedHeadings(essay: Essay, mentions: LocatedMention[]): Map<number, LocatedMention> {
  const dated = new Map<number, LocatedMention>();
  essay.sections.forEach((section, index) => {
    const heading = section.heading?.text.trim();
    const first = section.paragraphs[0];
    if (!heading || first === undefined) return;
    const paragraph = essay.paragraphs[first - 1]!;
    // A heading's mentions are filed under its first paragraph, without a place in that paragraph's text.
    const mention = mentions.find(
      (m) => m.paragraph === first && !m.at && m.offset[0] < paragraph.offset[0] && heading.startsWith(m.text),
    );
    if (mention && /^\s*(?:$|[:.\u2013\u2014-]\s)/.test(heading.slice(mention.text.length))) dated.set(index, mention);
  });
  return dated;
}

/** Who gives a speech: its author, or the one its title names ("Remarks by X", "Address of X to ..."). */
/** A name without the titles before it: "President Maria Silva" -> "Maria Silva". */
export function bareName(name: string): string {
  const words = name.split(/\s+/);
  // (titles abroad, and their articles: "la alcaldesa Lucía Pérez", "le ministre", "der Botschafter")
  const title = (w: string) =>
    isTitleWord(w) || TITLES_ABROAD.has(w.toLowerCase()) || /^(?:la|le|les|el|der|die|den|dem|l['\u2019])$/.test(w);
  const first = words.findIndex((w) => !title(w));
  return first < 0 ? name : words.slice(first).join(' ');
}

export function speakerOf(essay: Essay): string | null {
  if (essay.author) return essay.author;
  const named =
    /(?<![\p{L}])(?:(?:remarks|address|speech|statement|keynote|lecture)\s+(?:by|of)|interview\s+with|(?:entretien|interview|entrevista)\s+(?:avec|mit|con)|(?:discours|allocution)\s+(?:de\s+la|du|de)|(?:Rede|Ansprache)\s+(?:von|des|der)|(?:discurso|intervención)\s+(?:de\s+la|del|de))\s+(.+?)(?:\s+(?:at|on|to|before|in|for|à|au|lors|devant|bei|vor|zum|zur|ante|en|durante)\s|[,:;(\u2013\u2014-]|$)/iu.exec(
      essay.title,
    );
  if (named?.[1]?.trim()) return named[1].trim();
  // "Wikinews interviews Australian wheelchair basketball player Tina McKenzie": the name that ends the title.
  const interviewed = /\binterviews?\b.*?((?:\p{Lu}[\p{L}.'\u2019-]+\s?){2,4})$/u.exec(essay.title.trim());
  return interviewed?.[1]?.trim() || null;
}

/**
 * "John Kennedy (1917-1963) was elected president in 1960": a span of dates in brackets beside the clause's other
 * dates is a clause of its own (a life, read by lifespans below), and the other dates tell the clause without it.
 */
function withoutBracketedSpan<
  C extends { mentions: { at: [number, number]; parts?: [number, number][] }[]; without: [number, number][] },
>(clause: C, text: string): C[] {
  const bracketed = clause.mentions.find(
    (m) =>
      m.parts?.length === 2 &&
      /\(\s*$/.test(text.slice(Math.max(0, m.at[0] - 4), m.at[0])) &&
      /^\s*\)/.test(text.slice(m.at[1], m.at[1] + 4)),
  );
  const others = clause.mentions.filter((m) => m !== bracketed);
  if (!bracketed || !others.length) return [clause];
  const open = text.lastIndexOf('(', bracketed.at[0]);
  const close = text.indexOf(')', bracketed.at[1]) + 1;
  return [
    { ...clause, mentions: [bracketed] },
    { ...clause, mentions: others, without: [...clause.without, [open, close] as [number, number]] },
  ];
}

/**
 * Whose life a biography tells: of the people its opening names (an infobox may name a spouse first), the one the
 * whole text names most ("Moreau", not her husband "Jean-Louis Richard"); of two with one surname, the one a paragraph
 * opens with ("Zaha Mohammad Hadid DBE RA (31 October 1950 - ...)", not her father Husayn Hadid).
 */
function biographeeOf(essay: Essay, names: Map<number, { name: string; type: string }[]>): string | null {
  const opening = essay.paragraphs.slice(0, 5);
  const people = opening.flatMap((p) => (names.get(p.n) ?? []).filter((f) => f.type === 'person'));
  // How often the text names them by their surname (the last word of the name that is no honour: "DBE", "RA").
  const times = (name: string) => {
    const surname = name
      .split(' ')
      .filter((w) => /^\p{Lu}['\u2019]?\p{L}*\p{Ll}/u.test(w))
      .at(-1);
    return surname
      ? essay.source.split(new RegExp(`(?<!\\p{L})${escapeRegExp(surname)}(?!\\p{L})`, 'u')).length - 1
      : 0;
  };
  const score = (name: string) => times(name) * 2 + (opening.some((p) => p.text.startsWith(name)) ? 1 : 0);
  let best: string | null = null;
  for (const { name } of people) if (best === null || score(name) > score(best)) best = name;
  return best;
}

/** A summary of names and nothing else: capitalised words joined by commas, "and" or "&". */
const ONLY_NAMES = /^\p{Lu}[\p{L}.'\u2019-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}.'\u2019-]*)*$/u;

/** One end of a span of dates, as a date of its own at the span's precision. */
function endOf(iso: string, precision: LocatedMention['precision']): Span | null {
  const [year, month, day] = [Number(iso.slice(0, -6)), Number(iso.slice(-5, -3)), Number(iso.slice(-2))];
  if (precision === 'day') return daySpan(year, month, day);
  if (precision === 'month') return monthSpan(year, month);
  if (precision === 'year') return yearSpan(year);
  return null;
}

/**
 * "Leonard Woodcock (February 15, 1911 – January 16, 2001) was an American labor leader": a span of dates in brackets
 * right after a person's name is their life, and tells two events, a birth and a death, not one that lasted 90 years.
 */
function lifespans(candidates: Candidate[], source: string): Candidate[] {
  const lives: Candidate[] = [];
  const split = candidates.flatMap((c) => {
    const person = c.people[0];
    // "Maria Keller (born 14 May 1958) is a German diplomat": her birth, not what the sentence says of her; with the
    // place where it gives one ("(born 3 April 1961 in Uppsala)", "(born in Uppsala on 3 April 1961)"), and the
    // footnote marks it may carry ("(born September 15, 1986 [1] [2])").
    const inBrackets =
      person && c.mention.precision !== 'year'
        ? new RegExp(
            `${escapeRegExp(person)}\\s*\\(\\s*(?:born|b\\.)\\s+(?:in\\s+(?<before>[^(),;]{1,60}?)(?:,\\s*|\\s+on\\s+))?${escapeRegExp(c.mention.text)}(?:,?\\s+in\\s+(?<after>[^()]{1,60}?))?(?:\\s*\\[\\d+\\])*\\s*\\)`,
          ).exec(c.text)
        : null;
    if (inBrackets) {
      const place = inBrackets.groups?.before ?? inBrackets.groups?.after;
      const born = {
        ...c,
        summary: `${person} was born${place ? ` in ${place}` : ''}`,
        kind: 'other' as const,
        kindBy: 'a birth in brackets after a name',
      };
      lives.push(born);
      return [born];
    }
    // A birth or a death in brackets after someone this row does not name ("a dancer who performed at the Folies
    // Bergère (d. 1990)", "Matilda Eve Goode [3] (b. March 2009)") is none of the sentence's events: no row.
    if (/\(\s*(?:b|d|born|died)\.?\s*$/i.test(source.slice(Math.max(0, c.mention.offset[0] - 10), c.mention.offset[0])))
      return [];
    const parts = c.mention.parts;
    if (!person || parts?.length !== 2 || c.mention.start.slice(0, -6) === c.mention.end.slice(0, -6)) return [c];
    // "(French: [pjɛʁ ʃɑʁl lɑ̃fɑ̃]; August 2, 1754 – June 14, 1825)": a name in another tongue may come first.
    if (
      !new RegExp(`${escapeRegExp(person)}\\s*\\((?:[^();]{1,120};\\s*)?${escapeRegExp(c.mention.text)}\\s*\\)`).test(
        c.text,
      )
    )
      return [c];
    const born = endOf(c.mention.start, c.mention.precision);
    const died = endOf(c.mention.end, c.mention.precision);
    if (!born || !died) return [c];
    const row = (span: Span, part: [number, number], summary: string, kind: EventKind): Candidate => ({
      ...c,
      mention: { ...c.mention, ...span, text: source.slice(part[0], part[1]), offset: part, parts: undefined },
      summary,
      kind,
      kindBy: 'a life in brackets after a name',
    });
    // What the sentence says besides ("was an American labor leader") is a description, not a third event.
    const ends = [
      row(born, parts[0]!, `${person} was born`, 'other'),
      row(died, parts[1]!, `${person} died`, 'incident'),
    ];
    lives.push(...ends);
    return ends;
  });
  // "He died in Ann Arbor in 2001", told later, is the same death, less precisely dated: the life's row stands for it.
  const verb = (c: Candidate) => (/\bwas born\b/.test(c.summary) ? 'born' : /\bdied\b/.test(c.summary) ? 'died' : null);
  return split.filter(
    (c) =>
      lives.includes(c) ||
      !lives.some(
        (life) =>
          verb(life) === verb(c) &&
          c.people[0] === life.people[0] &&
          compareDays(c.mention.start, life.mention.start) <= 0 &&
          compareDays(life.mention.end, c.mention.end) <= 0,
      ),
  );
}

/**
 * "Iraq in the 1990s is the classic case", "Cyprus, a member state since 2004, is not recognised": a clause whose
 * only verb is "is" or "are" describes how things stand; its date qualifies a name, and no event happened.
 */
function describes(tokens: Token[], clause: { from: number; to: number }): boolean {
  const words = tokens.filter((t) => t.start >= clause.from && t.end <= clause.to);
  const groups = verbGroups(words);
  if (groups.length !== 1) return false;
  const group = words.filter((t) => t.start >= groups[0]!.start && t.end <= groups[0]!.end);
  return (
    groups[0]!.tense === 'present' &&
    group.every((t) => t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV') &&
    group.some((t) => ['is', 'are'].includes(t.text.toLowerCase()))
  );
}

/** "..., a newspaper reported Friday": a clause that only says who said the rest tells no event of its own. */
function onlyAttributes(tokens: Token[], clause: { from: number; to: number }): boolean {
  const words = tokens.filter(
    (t) => t.start >= clause.from && t.end <= clause.to && t.pos !== 'PUNCT' && t.pos !== 'CCONJ',
  );
  const verbs = words.filter((t) => t.pos === 'VERB');
  return verbs.length === 1 && REPORTING_LEMMAS.has(verbs[0]!.lemma) && words.indexOf(verbs[0]!) >= words.length - 4;
}

/** The stretches of a paragraph inside quotation marks ("...", \u201c...\u201d, ``...''). */
function quotations(text: string): [number, number][] {
  return [...text.matchAll(/["\u201c]([^"\u201c\u201d]*)["\u201d]|``([\s\S]*?)''/g)].map(
    (m) => [m.index, m.index + m[0].length] as [number, number],
  );
}

/** Paragraphs that tell; tables, code, figures and math are data. */
const TOLD = new Set<Paragraph['kind']>(['text', 'quote', 'list']);

/** The items of the list that stands right before a paragraph ("Belgium", "France", ...), as written. */
function listBefore(essay: Essay, n: number): string[] {
  const block = essay.paragraphs[n - 2]?.block;
  if (block?.type !== 'list') return [];
  return block.items.map((item) =>
    item.runs
      .map((r) => r.text)
      .join('')
      .trim()
      .replace(/[.;,]$/, ''),
  );
}

// A date that is a yardstick, not a time something happened: "sales dropped 23% compared to March of 2008", "higher
// than in 2005", "a decrease from the year before", "the strongest quarter since 2001", "the first visit by a
// Minister since 2019", "the lowest level in a decade", "down $2.5 billion from 1996", "has tripled its population of
// 1958"; and the present of a common noun ("today's Drug Enforcement Administration"), which is no day at all.
const YARDSTICK =
  /(?:\bcompared\s+(?:to|with)|\b(?:up|down)\s+[^\s,;]+(?:\s+[^\s,;]+){0,3}\s+from|\b(?:increase|decrease|rise|fall|drop|decline|gain|loss|jump)s?\s+(?:of\s+[^\s,;]+\s+)?from|\bversus|\bvs\.?|\bthan(?:\s+(?:in|on|at|during))?|\b(?:\w+est|most|least|first|only)\b(?:\s+[\w-]+){0,5}\s+since|\bsince\s+at\s+least|\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:doubled|tripled|quadrupled|halved|grown|shrunk|outgrown|exceeded|surpassed|overtaken)\s+(?:its|their|the|his|her)\s+(?:[\w-]+\s+){0,2}of)\s+(?:(?:the\s+)?(?:same\s+)?(?:period|time|month|quarter|year)\s+(?:of|in)\s+)?$/i;

/** A picture's credit closing its caption, or the words that open one ("Photo attributed to ..."). */
const CAPTION =
  /(?:^|[.!?)]\s+)(?:Image|Photo|Photograph|Picture|Credit|Photo\s+credit)s?:\s*[^.!?]{1,80}\.?\s*$|^\s*(?:Photo|Image|Picture|Photograph)\s+(?:attributed\s+to|taken\s+by|courtesy\s+of|by)\b/i;
const STRETCH =
  /^(?:the|this)\s+(?:past|last|previous|next|coming)\s+(?:[\w/-]+\s+){0,4}(?:days?|weeks?|months?|years?|decades?|century|centuries)$/i;

const TIMELESS =
  'no time of the story: our time, or a season that comes round ("Today textile mills take their place", "Ferries run daily in summer")';

/**
 * The rules by which a date tells no happening, asked in this order; the first that holds is the reason given (in
 * `--verbose`: "Date "2001" makes no row: it is a yardstick").
 */
const NO_HAPPENING: { rule: string; holds: (text: string, at: [number, number]) => boolean }[] = [
  {
    rule: 'a yardstick ("compared to March of 2008", "the strongest since 2001")',
    holds: (text, [start]) => YARDSTICK.test(text.slice(Math.max(0, start - 60), start)),
  },
  {
    // "fighting that had displaced thousands since January", "has lived there since 1990", "since that time the
    // growth of Phoenix has been explosive": a state since then.
    rule: 'how long a state has lasted ("has lived there since 1990")',
    holds: (text, [start, end]) =>
      /\bsince\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 12), start)) &&
      (PERFECT_BEFORE.test(clauseBefore(text, start)) ||
        PERFECT_BEFORE.test(text.slice(end).split(/[.;:!?]\s|,\s(?:and|but)\s/)[0] ?? '')),
  },
  { rule: 'a year beside a name in a list', holds: (text, [start, end]) => inListOfNames(text, start, end) },
  {
    // "Braverman with Gérald Darmanin in Paris on November 14, 2022. Image: Home Office.": a picture's caption.
    rule: 'a caption ("... in Paris on November 14, 2022. Image: Home Office.")',
    holds: (text) => text.length < 400 && (text.match(/[.!?](?:\s|$)/g)?.length ?? 0) <= 2 && CAPTION.test(text),
  },
  {
    // "Duckworth, A. L.; Peterson, C. (June 2007). "Grit: Perseverance ...". Journal of ...": a work's date.
    rule: 'a reference to a work ("Duckworth, A. L.; Peterson, C. (June 2007)")',
    holds: (text, [start]) =>
      /\(\s*$/.test(text.slice(Math.max(0, start - 3), start)) &&
      /\p{Lu}[\p{L}'\u2019-]+,\s(?:\p{Lu}\.\s?){1,3}(?:[;,&]|\s*\(|and\b|\s*$)/u.test(
        text.slice(Math.max(0, start - 150), start),
      ),
  },
  {
    // The date opens its sentence, or follows only a phrase of place or circumstance ("In Saudi Arabia, today is ...").
    rule: 'what its sentence is about ("2007 was the year of the iPhone")',
    holds: (text, [start, end]) => {
      const opens =
        /(?:^|[.!?]\s+|\n)(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 6), start)) ||
        start === 0 ||
        /^\s*(?:In|At|On|For|Across|Throughout|Within|Inside|Outside|Elsewhere)\b[^,]{0,60},\s*(?:the\s+)?$/.test(
          clauseBefore(text, start),
        );
      return (
        opens && /^\s+(?:was|is|were|are|will\s+be|has\s+been|had\s+been|would\s+be)\b/i.test(text.slice(end, end + 16))
      );
    },
  },
  {
    // Abroad: "Le 14 juillet est la fête nationale", "El 12 de octubre es fiesta", and German with its verb second,
    // "Seit 1990 ist der 3. Oktober ein Feiertag".
    rule: 'what its sentence is about ("Le 14 juillet est la fête nationale")',
    holds: (text, [start, end]) => {
      const before = text.slice(Math.max(0, start - 12), start);
      const after = text.slice(end, end + 12);
      // (with its article: "Vor drei Jahren war ..." puts the verb second, as German always does)
      const opens = /(?:^|[.!?]\s+|\n)(?:le\s+|la\s+|l['\u2019]|el\s+|der\s+|die\s+|das\s+)$/iu.test(before);
      return (
        (opens && /^\s+(?:est|était|es|era|ist|war)\s/u.test(after)) ||
        (/(?:ist|war)\s+der\s+$/u.test(before) && /^\s+(?:ein|eine|kein|keine)\s/u.test(after))
      );
    },
  },
  {
    // "GDP per head about $6,600 (2023)", "population 2.5 million (2024 est.)": the year a figure is given for.
    rule: 'the year a figure is given for ("GDP per head about $6,600 (2023)")',
    holds: (text, [start, end]) =>
      /\d(?:\s*(?:%|per\s*cent|percent|million|billion|bn|m|km2?|sq\s*km))?\s*\(\s*$/iu.test(
        text.slice(Math.max(0, start - 24), start),
      ) && /^\s*(?:est\.?|estimate)?\s*\)/i.test(text.slice(end, end + 12)),
  },
  {
    // "a 17th-century writer", "an 1850s house": a date that says what kind a thing is.
    rule: 'what kind a thing is ("a 17th-century writer", "my 9/11-related poems")',
    holds: (text, [start, end]) =>
      (/\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, start - 4), start)) &&
        /(?:century|\d0['\u2019]?s)$/i.test(text.slice(start, end))) ||
      // a date joined by a hyphen to the word it qualifies: "9/11-related", "2008-era", "1990s-style"
      /^-\p{Ll}/u.test(text.slice(end, end + 2)),
  },
  {
    // "Every year on 14 July the French celebrate", "chaque année, le 14 juillet", "jedes Jahr am 3. Oktober": a day
    // that comes round, not one that happened.
    rule: 'a day that comes round ("every year on 14 July")',
    holds: (text, [start, end]) =>
      RECURRING_BEFORE.test(clauseBefore(text, start).slice(-40)) || RECURRING_AFTER.test(text.slice(end, end + 24)),
  },
  {
    // "has held jobs over the past 20 years", "sales will rise 8.5% in the next three years": how long, not when.
    rule: 'a stretch up to now or from now ("over the past 20 years", "the next three years")',
    holds: (text, [start, end]) => STRETCH.test(text.slice(start, end)),
  },
  {
    rule: 'the present of a common noun ("today\'s Drug Enforcement Administration")',
    holds: (text, [start, end]) =>
      /^(?:today|tonight|now)$/i.test(text.slice(start, end)) && /^['\u2019]s\b/.test(text.slice(end, end + 3)),
  },
];

/** Why a date tells no happening, by the first rule of NO_HAPPENING that holds (and abroad, "seit 2008"); else null. */
function noHappening(text: string, at: [number, number], english: boolean): string | null {
  const found = NO_HAPPENING.find((r) => r.holds(text, at));
  if (found) return found.rule;
  if (!english && SINCE_ABROAD.test(text.slice(Math.max(0, at[0] - 10), at[0])))
    return 'how long a state has lasted ("seit 2008", "depuis 1994")';
  return null;
}

/** Words that make a day come round every year, in English, French, German and Spanish: before the date in its
 * clause, or just after it. */
const RECURRING =
  '(?<![\\p{L}])(?:(?:every|each)\\s+(?:year|spring|summer|autumn|fall|winter)|annually|yearly|chaque\\s+(?:année|printemps|été|automne|hiver)|tous\\s+les\\s+ans|jedes\\s+(?:Jahr|Frühjahr)|jeden\\s+(?:Sommer|Winter|Frühling|Herbst)|alljährlich|jährlich|cada\\s+(?:año|primavera|verano|otoño|invierno)|todos\\s+los\\s+años)(?![\\p{L}])';
const RECURRING_BEFORE = new RegExp(RECURRING, 'iu');
const RECURRING_AFTER = new RegExp(`^\\s*,?\\s*${RECURRING}`, 'iu');

const PERFECT_BEFORE =
  /\b(?:has|have|had|'s|'ve|'d)\s+(?:(?:not|never|long|already|also|only|been)\s+)*\p{L}+(?:ed|en|wn|ung|ought|ade)\b/iu;
/** The words of the clause before a place in the text: back to the last full stop, semicolon or colon. */
const clauseBefore = (text: string, at: number) =>
  text
    .slice(0, at)
    .split(/[.;:!?]\s/)
    .at(-1) ?? '';

/**
 * "Name (year)" or "Name, year", three times or more in a row: a list of names with their dates ("Guangzhou (1979),
 * Shanghai (1980), ..."; "Town, 1901, Town, 1902, ..."), which tells no happening itself.
 */
const NAME_AND_DATE = /\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*)*\s*\([^()]{1,40}\)[\s,;]*/u;
const NAME_COMMA_YEAR =
  /\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*)*,\s*\d{4}(?:[,;]\s*|\s+and\s+|(?=\.|$))/u;
const LIST_RUN = new RegExp(`(?:${NAME_AND_DATE.source}){3,}|(?:${NAME_COMMA_YEAR.source}){3,}`, 'gu');
/** The lists of a paragraph, found once for all its dates (a list of thousands is read in one pass). */
let listsOf: { text: string; runs: [number, number][] } = { text: '', runs: [] };
function inListOfNames(text: string, start: number, _end: number): boolean {
  if (listsOf.text !== text)
    listsOf = { text, runs: [...text.matchAll(LIST_RUN)].map((run) => [run.index, run.index + run[0].length]) };
  return listsOf.runs.some(([a, b]) => a <= start && start < b);
}

/**
 * In a life told in French, German or Spanish, a row that opens on the life's pronoun names the life instead ("Elle
 * épouse Pierre Curie" -> "Marie Curie épouse Pierre Curie", "En 1891, elle s'installe" -> "En 1891, Marie Curie
 * s'installe", "Sie starb" -> "Hannah Weber starb", "1939 begann sie" -> "1939 begann Hannah Weber"): no row's
 * subject is a bare pronoun.
 */
function lifeNamed(summary: string, life: string | null, pronoun: 'he' | 'she'): string {
  if (!life) return summary;
  const words = pronoun === 'she' ? 'Elle|Sie|Ella' : 'Il|Er|Él';
  const opening = new RegExp(`^(?:${words})(?=\\s)`, 'u');
  if (opening.test(summary)) return summary.replace(opening, life);
  // after a phrase or two set off by commas, in French and Spanish ("En 1891, elle s'installe à Paris")
  const after = new RegExp(`^((?:[^,]{1,60},\\s){1,2})(?:${pronoun === 'she' ? 'elle|ella' : 'il|él'})(?=\\s)`, 'u');
  if (after.test(summary)) return summary.replace(after, `$1${life}`);
  // after a German opening phrase and the verb, second as German puts it ("1939 begann sie ein Studium")
  const second = new RegExp(`^(\\S+(?:\\s\\S+){0,5}?\\s\\p{Ll}+)\\s${pronoun === 'she' ? 'sie' : 'er'}(?=\\s)`, 'u');
  return summary.replace(second, `$1 ${life}`);
}

/** The part of a sentence between semicolons that holds a date, when it has words enough to stand alone. */
function semicolonPart(text: string, from: number, to: number, [start, end]: [number, number]): [number, number] {
  const before = text.lastIndexOf(';', start);
  const after = text.indexOf(';', end);
  const [a, b] = [before >= from ? before + 1 : from, after >= 0 && after < to ? after : to];
  const words = text.slice(a, b).trim().split(/\s+/).length;
  return words >= 4 ? [a, b] : [from, to];
}

/** A sentence as a row of the chronology, whole: from after the dateline (and an interview's speaker label), without
 * its final full stop. */
function wholeSentence(text: string, from: number, to: number, interview = false): string {
  const whole = text.slice(from, to).trim();
  const sentence = (interview ? whole.replace(SPEAKER_LABEL, '') : whole)
    .replace(/^[\s,;:\u2013\u2014-]+/, '')
    .replace(/[.\s]+$/, '');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** An interview's speaker label opening a sentence: "Frage:", "Lange:", "Q:". */
const SPEAKER_LABEL = /^\p{Lu}[\p{L}.'\u2019-]*(?:\s\p{Lu}[\p{L}.'\u2019-]*){0,2}:\s+/u;

/** The names of one clause of a paragraph, when a sentence tells more than one event. */
/** The clause's text without the clauses inside it that other dates tell: one space where each was. */
function withoutParts(text: string, { from, to, without }: { from: number; to: number; without: [number, number][] }) {
  let out = '';
  let at = from;
  for (const [a, b] of [...without].sort((x, y) => x[0] - y[0])) {
    out += `${text.slice(at, a).trimEnd()} `;
    at = b;
  }
  return out + text.slice(at, to).trimStart();
}

function inClause(
  found: Found[],
  paragraph: Essay['paragraphs'][number],
  clause: { from: number; to: number },
): Found[] {
  const from = toSource(paragraph.segments, clause.from),
    to = toSource(paragraph.segments, clause.to);
  return found.filter((f) => f.start >= from && f.start < to);
}

/** Who and what an event involves: the people, bodies and places its own words name (or the person "he" is). */
function actorsOf(
  names: Found[],
  sentencePeople: string[],
  ownClause: boolean,
  subject: string,
): Pick<Candidate, 'people' | 'organizations' | 'places'> {
  const of = (type: Found['type']) =>
    subjectFirst(unique(names.filter((f) => f.type === type).map((f) => f.name)), subject);
  const people = of('person');
  return {
    people: ownClause && people.length ? people : sentencePeople,
    organizations: of('organization'),
    places: of('place'),
  };
}

/** The names the clause's subject holds come first: the one who acts, then the others it names. */
function subjectFirst(names: string[], subject: string): string[] {
  return [...names.filter((n) => inSubject(subject, n)), ...names.filter((n) => !inSubject(subject, n))];
}

const inSubject = (subject: string, name: string) =>
  subject.includes(name) || subject.includes(name.split(' ').at(-1)!);

/** Whether the sentence's subject is "he" or "she": the pronoun stands before its first verb ("In 1936 he became"). */
function pronounSubject(tokens: Token[], from: number, to: number): 'he' | 'she' | null {
  for (const t of tokens) {
    if (t.start < from) continue;
    if (t.end > to || t.pos === 'VERB' || t.pos === 'AUX') return null;
    if (t.pos === 'PRON' && (t.lemma === 'he' || t.lemma === 'she')) return t.lemma;
  }
  return null;
}

/** The clause's kind; a clause that leaves its verb to the one before ("Chile on 22 October") takes the sentence's. */
function kindOf(tokens: Token[], from: number, to: number, sentenceFrom: number): { kind: EventKind; kindBy: string } {
  const own = explainKind(tokens, from, to);
  if (own.kind !== 'other' || from <= sentenceFrom) return { kind: own.kind, kindBy: own.by };
  const sentence = explainKind(tokens, sentenceFrom, to);
  return {
    kind: sentence.kind,
    kindBy: sentence.kind === 'other' ? own.by : `${sentence.by}, earlier in the sentence`,
  };
}

/** The kind of a clause in another language, from that language's words for kinds. */
function kindAbroadOf(text: string, clause: { from: number; to: number }, lang: string) {
  const { kind, by } = kindAbroad(text.slice(clause.from, clause.to), lang);
  return { kind, kindBy: by };
}

/** "A cooperation was founded in 1994. On May 4, 1994, ... signed": a sentence that announces the next one's event. */
function dropTopicSentences(list: Candidate[]): Candidate[] {
  const announces = (c: Candidate, next: Candidate | undefined) =>
    !!next &&
    next.paragraph === c.paragraph &&
    next.sentence === c.sentence + 1 &&
    coarseness(c.mention.precision) >= coarseness('year') &&
    (c.kind === 'other' || c.kind === 'decision') &&
    !c.mention.value.includes('/') &&
    contains(c.mention, next.mention);
  return list.filter((c, i) => !announces(c, list[i + 1]));
}

/**
 * A later clause that restates an event joins the first telling: the same date, the same kind of event, and the same
 * thing told (most of its nouns and verbs, or the same people in the same place). Other things that happened that
 * day stay rows of their own: a resignation and the swearing-in that followed it are two events.
 */
function mergeRestatements(list: Candidate[], onRestated?: (restatement: Restatement) => void): Candidate[] {
  const out: Candidate[] = [];
  // Only events of one date and kind can restate each other: each is looked for among those alone.
  const byDate = new Map<string, Candidate[]>();
  for (const c of list) {
    const key = `${c.mention.value}\u0000${c.kind}`;
    const same = byDate
      .get(key)
      ?.find(
        (o) =>
          o.mention.value === c.mention.value &&
          o.kind === c.kind &&
          (overlap(o.words, c.words) >= 0.5 ||
            (shares(o.people, c.people) && (shares(o.places, c.places) || shares(o.organizations, c.organizations)))),
      );
    if (!same) {
      const copy = { ...c };
      out.push(copy);
      const bucket = byDate.get(key);
      if (bucket) bucket.push(copy);
      else byDate.set(key, [copy]);
      continue;
    }
    onRestated?.({ again: c.mention, first: same.mention });
    same.people = unique([...same.people, ...c.people]);
    same.organizations = unique([...same.organizations, ...c.organizations]);
    same.places = unique([...same.places, ...c.places]);
  }
  return out;
}

const shares = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/** The share of the smaller set found in the other. */
function overlap(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b,
    large = small === a ? b : a;
  if (small.size === 0) return 0;
  let common = 0;
  for (const w of small) if (large.has(w)) common++;
  return common / small.size;
}

/** Lemmas of the nouns, names and verbs in [from, to) of a paragraph, without the commonest verbs. */
function contentWords(tokens: Token[], from: number, to: number): Set<string> {
  return new Set(
    tokens
      .filter(
        (t) =>
          t.start >= from &&
          t.end <= to &&
          (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB') &&
          !['be', 'have', 'do', 'say', 'make', 'take'].includes(t.lemma) &&
          !/\d/.test(t.text),
      )
      .map((t) => t.lemma),
  );
}

/** Surnames that belong to one known person only, so "Solana" can stand for "Javier Solana". */
/**
 * Each surname the text's people do not share, to its person ("Hadid" alone is Zaha Hadid in her biography, where
 * her father shares it: a biography's own subject owns a surname she shares). An honour is no surname ("DBE RA").
 */
function surnameIndex(people: string[], biographee: string | null = null): Map<string, string> {
  const surnameOf = (p: string) =>
    p
      .split(' ')
      .filter((w) => /^\p{Lu}['\u2019]?\p{L}*\p{Ll}/u.test(w))
      .at(-1) ?? p.split(' ').at(-1)!;
  const counts = new Map<string, string[]>();
  for (const p of people) counts.set(surnameOf(p), [...(counts.get(surnameOf(p)) ?? []), p]);
  return new Map(
    [...counts]
      .map(([s, ps]): [string, string | undefined] => [s, ps.length === 1 ? ps[0] : ps.find((p) => p === biographee)])
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** The people a sentence names by surname alone; not when it names someone of that surname in full ("Her father
 * Husayn Hadid" is no mention of Zaha Hadid). */
function surnames(sentence: string, index: Map<string, string>, people: string[]): string[] {
  return [...index]
    .filter(
      ([surname, full]) =>
        new RegExp(`\\b${surname}\\b`, 'u').test(sentence) &&
        !sentence.includes(full) &&
        !people.some((p) => p !== surname && p.split(' ').includes(surname) && sentence.includes(p)),
    )
    .map(([, full]) => full);
}

function holderOfRole(
  sentence: string,
  roles: Map<string, string>,
  lastSeen: Map<string, number>,
): { person: string; role: string } | null {
  const holders = [...roles].filter(
    ([, role]) => role.includes(' ') && sentence.toLowerCase().includes(role.toLowerCase()),
  );
  if (holders.length === 0) return null;
  holders.sort(([a], [b]) => (lastSeen.get(b) ?? -1) - (lastSeen.get(a) ?? -1));
  const [person, role] = holders[0]!;
  return { person, role };
}
