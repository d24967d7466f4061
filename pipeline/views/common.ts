// What every product shows in the same way: event rows, the span covered, the essay's sections or periods.

import { type Chronology, type ChronologyEvent, type Essay, type EventKind, isProse } from '../core/model.ts';
import { escapeRegExp } from '../core/text.ts';
import { compareDays, toDayNumber } from '../dates/calendar.ts';
import { REPORTING_FORMS } from '../extract/reporting.ts';
import { type ParagraphView, paragraphView, type ViewOptions } from './blocks.ts';
import { type DateStyle, formatDate, typeset, yearOf, yearRange } from './format.ts';
import { fill, labelsFor } from './labels.ts';
import { isArgument } from './shape.ts';
import { KIND_COLOURS } from './timeline.ts';

export interface EventRow {
  number: number;
  id: string;
  date: string;
  summary: string;
  kind: string;
  kindLabel: string;
  colour: string;
  actors: string;
  paragraph: number;
  href: string;
  text: string;
}

export function eventRows(chronology: Chronology, style: DateStyle, lang = 'en'): EventRow[] {
  const labels = labelsFor(lang);
  return chronology.events.map((event, i) => ({
    number: i + 1,
    id: event.id,
    date: formatDate(event.date, style, lang),
    summary: typeset(event.summary),
    kind: event.kind,
    kindLabel: labels[event.kind],
    colour: KIND_COLOURS[event.kind],
    actors: [...event.actors.people, ...event.actors.organizations, ...event.actors.places].join(', '),
    paragraph: event.source.paragraph,
    href: `#p${event.source.paragraph}`,
    text: typeset(event.text),
  }));
}

export const eventNumbers = (chronology: Chronology) => new Map(chronology.events.map((e, i) => [e.id, i + 1]));

/** "1992–2006", or null when nothing is dated. */
export function spanCovered(chronology: Chronology): string | null {
  const events = chronology.events;
  if (events.length === 0) return null;
  return yearRange(yearOf(events[0]!.date.start), Math.max(...events.map((e) => yearOf(e.date.end))));
}

export interface SectionView {
  id: string;
  title: string;
  /** 1 for the essay's top headings, 2 and 3 below them. */
  level: number;
  /** "2.1" when the essay numbers its sections, else null. */
  number: string | null;
  /** A new page before it (the writer's `\newpage`). */
  breakBefore: boolean;
  paragraphs: ParagraphView[];
}

/**
 * The essay's own sections; an essay without headings is cut into periods of a few paragraphs each, at paragraph
 * boundaries, and each period is headed by the span of years its events cover.
 */
export function sectionsOf(
  essay: Essay,
  chronology: Chronology,
  options: ViewOptions = { notes: null },
): SectionView[] {
  const view = (n: number) => paragraphView(essay.paragraphs[n - 1]!, options);
  const titled = essay.sections.filter((s) => s.title !== null);
  if (titled.length > 0) {
    // Heading levels count from the essay's highest: an essay that starts at "##" has "##" as its top level.
    const top = Math.min(...titled.map((s) => s.depth));
    return essay.sections
      .filter((s) => s.paragraphs.length > 0 || s.title)
      .map((s) => ({
        id: s.id,
        title: typeset(s.title ?? labelsFor(essay.lang).introduction),
        level: s.title === null ? 1 : Math.min(3, s.depth - top + 1),
        number: s.number ?? null,
        breakBefore: !!s.breakBefore,
        paragraphs: s.paragraphs.map(view),
      }));
  }
  // A paragraph is about the first date it tells; later dates in it look back or ahead.
  const yearOfParagraph = essay.paragraphs.map((p) => {
    const first = chronology.events.find((e) => e.source.paragraph === p.n);
    return first ? yearOf(first.date.start) : null;
  });
  const groups = periodsOf(yearOfParagraph);
  const spans = groups.map((numbers) => {
    const years = numbers.map((n) => yearOfParagraph[n - 1]).filter((y): y is number => y !== null);
    return years.length ? ([Math.min(...years), Math.max(...years)] as const) : null;
  });
  // Periods are named by their years only when each has its own, in order: told out of order they would overlap
  // ("1992-1998" before "1996-1997"), and "2007 / 2007 / Part 3" names nothing. A speech, a release, an interview or
  // a short text is then one section under its own title; a long one is numbered.
  const named = spans.every(
    (span, i) => span && spans.slice(i + 1).every((later) => later && later[0] >= span[1] && later[0] !== span[0]),
  );
  if (!named && groups.length > 1 && (essay.genre || essay.paragraphs.length <= 8))
    return [
      {
        id: 's1',
        title: typeset(essay.title),
        level: 1,
        number: null,
        breakBefore: false,
        paragraphs: groups.flat().map(view),
      },
    ];
  return groups.map((numbers, i) => ({
    id: `s${i + 1}`,
    title: named ? yearRange(spans[i]![0], spans[i]![1]) : fill(labelsFor(essay.lang).part, { n: i + 1 }),
    level: 1,
    number: null,
    breakBefore: false,
    paragraphs: numbers.map(view),
  }));
}

/**
 * An essay without headings in periods of about five paragraphs (at most six periods), each boundary moved by a
 * paragraph or two to where the years told before it end before those after it begin.
 */
function periodsOf(years: (number | null)[]): number[][] {
  const count = years.length;
  const periods = Math.max(1, Math.min(6, Math.round(count / 5)));
  const known = (from: number, to: number) => years.slice(from, to).filter((y): y is number => y !== null);
  const cuts = [0];
  for (let j = 1; j < periods; j++) {
    const ideal = Math.round((j * count) / periods);
    const next = Math.round(((j + 1) * count) / periods);
    const clean = (cut: number, strict: boolean) => {
      const before = known(cuts.at(-1)!, cut),
        after = known(cut, next);
      return (
        !before.length ||
        !after.length ||
        (strict ? Math.max(...before) < Math.min(...after) : Math.max(...before) <= Math.min(...after))
      );
    };
    const candidates = [0, 1, -1, 2, -2].map((d) => ideal + d).filter((c) => c > cuts.at(-1)! + 1 && c < count);
    cuts.push(candidates.find((c) => clean(c, true)) ?? candidates.find((c) => clean(c, false)) ?? ideal);
  }
  cuts.push(count);
  return cuts
    .slice(0, -1)
    .map((from, i) => Array.from({ length: cuts[i + 1]! - from }, (_, k) => from + k + 1))
    .filter((g) => g.length);
}

export interface KeyPoint {
  text: string;
  paragraphs: { n: number; href: string }[];
  /** The events the point tells (none for a point from the argument). */
  events: string[];
}

/** What a kind of event weighs in a brief: what changed the state of affairs before who met whom. */
const WEIGHT: Record<EventKind, number> = {
  agreement: 5,
  membership: 5,
  operation: 5,
  decision: 4,
  leadership: 4,
  incident: 4,
  summit: 3,
  programme: 3,
  meeting: 2,
  visit: 1,
  statement: 1,
  other: 1,
};
const MAX_POINTS = 7;
const MILESTONE = /\b(?:first|largest|biggest|only|last|historic|landmark|unprecedented)\b/i;

/**
 * Four to six points a busy reader can stop after, each a whole sentence citing its paragraph. From the events
 * when the essay is a chronicle: ranked by what they are, by how much of the essay is about them and by where they
 * are told (a paragraph's first sentence, the first and last paragraphs), picked across the whole span so that no
 * period is left out, then told in date order. From the argument when it is not: each section's topic sentence.
 */
/**
 * A press release's news is its lead's first sentence: its first point, whatever its date (the lead's "who led the
 * unit from 2018 to 2023" is background to "today appointed").
 */
function newsOf(essay: Essay, events: ChronologyEvent[]): ChronologyEvent | undefined {
  if (essay.genre !== 'press release') return undefined;
  const lead = essay.paragraphs.find(isProse)?.n;
  return events
    .filter((e) => e.source.paragraph === lead)
    .reduce<ChronologyEvent | undefined>((a, e) => (!a || e.source.sentence < a.source.sentence ? e : a), undefined);
}

export function keyPoints(essay: Essay, chronology: Chronology, style: DateStyle): KeyPoint[] {
  const events = chronology.events;
  if (isArgument(events.length, essay.paragraphs.length)) return argumentPoints(essay);
  const cite = (e: ChronologyEvent) => [{ n: e.source.paragraph, href: `#p${e.source.paragraph}` }];
  // A milestone is dated to the day more often than not; the text marks it ("the first member state to do so", "the
  // largest enlargement"); a topic sentence or the first or last paragraph tells what the essay is about.
  const score = (e: ChronologyEvent) =>
    WEIGHT[e.kind] +
    prominence(e, essay) +
    (e.date.precision === 'day' ? 1 : 0) +
    (MILESTONE.test(e.summary) ? 1 : 0) +
    (e.source.sentence === 1 ? 1 : 0) +
    (e.source.paragraph === 1 || e.source.paragraph === essay.paragraphs.length ? 0.5 : 0);
  const ranked = [...events].sort((a, b) => score(b) - score(a) || compareDays(a.date.start, b.date.start));
  // One pick from each stretch of the span first, the best of the rest after.
  const count = Math.min(MAX_POINTS, Math.max(4, Math.ceil(events.length / 5)), events.length);
  const stretches = Math.max(2, count - 2);
  const first = toDayNumber(events[0]!.date.start);
  const last = Math.max(...events.map((e) => toDayNumber(e.date.start)));
  const stretch = (e: ChronologyEvent) =>
    Math.min(
      stretches - 1,
      Math.floor(((toDayNumber(e.date.start) - first) / Math.max(1, last - first + 1)) * stretches),
    );
  const picked = new Set<ChronologyEvent>();
  const news = newsOf(essay, events);
  if (news) picked.add(news);
  for (let i = 0; i < stretches; i++) {
    const best = ranked.find((e) => stretch(e) === i && !picked.has(e));
    if (best) picked.add(best);
  }
  // Events of one kind in one year make one point ("1997: joined PARP; in May 1997, joined the EAPC").
  const companions = new Map<ChronologyEvent, ChronologyEvent[]>();
  const sameYear = (a: ChronologyEvent, b: ChronologyEvent) =>
    yearOf(a.date.start) === yearOf(b.date.start) && yearOf(a.date.end) === yearOf(b.date.end);
  const subject = (e: ChronologyEvent) => e.summary.split(' ')[0];
  const related = (a: ChronologyEvent, b: ChronologyEvent) =>
    subject(a) === subject(b) || a.actors.organizations.some((o) => b.actors.organizations.includes(o));
  const companionOf = (e: ChronologyEvent) =>
    [...picked].find((p) => p !== e && p.kind === e.kind && WEIGHT[e.kind] >= 4 && sameYear(p, e) && related(p, e));
  for (const e of ranked) {
    if (picked.size >= count && !companionOf(e)) continue;
    const host = companionOf(e);
    if (host && !picked.has(e)) companions.set(host, [...(companions.get(host) ?? []), e]);
    else picked.add(e);
  }
  return [...picked]
    .sort(
      (a, b) =>
        Number(b === news) - Number(a === news) ||
        compareDays(a.date.start, b.date.start) ||
        a.source.paragraph - b.source.paragraph,
    )
    .map((e) => {
      const told = [e, ...(companions.get(e) ?? [])].sort((a, b) => compareDays(a.date.start, b.date.start));
      const [head, ...rest] = told;
      // Companions join with English's "on"/"in"; in another language each keeps its own date before it.
      const english = /^en(?:-|$)/i.test(essay.lang);
      const text = [
        `${formatDate(head!.date, style, essay.lang)}: ${typeset(head!.summary)}`,
        ...rest.map((r) =>
          english
            ? `${r.date.precision === 'day' ? 'on' : 'in'} ${formatDate(r.date, style)}, ${startOfClause(typeset(r.summary))}`
            : `${formatDate(r.date, style, essay.lang)}: ${typeset(r.summary)}`,
        ),
      ].join('; ');
      return {
        text: sentence(text),
        paragraphs: told.flatMap(cite).filter((c, i, all) => all.findIndex((o) => o.n === c.n) === i),
        events: told.map((t) => t.id),
      };
    });
}

/** A summary continuing a sentence: "The treaty ..." -> "the treaty ..."; names keep their capitals. */
const startOfClause = (text: string) =>
  text.replace(/^(?:The|A|An|Its|Their|This|These|Those)\b/, (w) => w.toLowerCase());

const sentence = (text: string) => (/[.!?]["\u201d\u2019]?$/.test(text) ? text : `${text}.`);

/**
 * How much of the essay is about an event: how many other paragraphs name the things its row names, leaving out
 * what the whole essay is about (names in most paragraphs say nothing about one event).
 */
function prominence(event: ChronologyEvent, essay: Essay): number {
  const names = [...event.actors.organizations, ...event.actors.places];
  // The footnotes are the essay's words too.
  const texts = [
    ...essay.paragraphs.map((p) => p.text),
    ...essay.notes.map((note) => note.runs.map((r) => r.text).join('')),
  ];
  const naming = (name: string) => texts.filter((text) => text.includes(name)).length;
  const distinctive = names.filter((name) => naming(name) <= texts.length / 3);
  if (distinctive.length === 0) return 0;
  return Math.min(1, (Math.max(...distinctive.map(naming)) - 1) / 2);
}

/** An essay of arguments rather than events: the topic sentence of each section (or of each paragraph). */
function argumentPoints(essay: Essay): KeyPoint[] {
  const titled = essay.sections.filter((s) => s.title !== null && s.paragraphs.length > 0);
  const leads = titled.length >= 2 ? titled.map((s) => s.paragraphs[0]!) : essay.paragraphs.map((p) => p.n);
  // A topic sentence states. One that ends in a colon leads into a list; a short one only announces what follows
  // ("Three lessons follow.", "Credibility is harder."): the paragraph's first sentence of substance is its point.
  const states = (s: { text: string }) => !/:\s*$/.test(s.text);
  const topic = (p: Essay['paragraphs'][number]) =>
    p.sentences.find((s) => states(s) && s.text.split(/\s+/).length >= 10) ?? p.sentences.find(states);
  const points = leads
    .map((n) => essay.paragraphs[n - 1]!)
    .filter((p) => isProse(p) && topic(p))
    .map((p) => ({
      text: sentence(typeset(topic(p)!.text)),
      paragraphs: [{ n: p.n, href: `#p${p.n}` }],
      events: [] as string[],
    }));
  if (points.length <= MAX_POINTS) return points;
  // More paragraphs than points: the first and the last, and evenly between.
  return Array.from(
    { length: MAX_POINTS },
    (_, i) => points[Math.round((i * (points.length - 1)) / (MAX_POINTS - 1))]!,
  );
}

export interface Quotation {
  text: string;
  speaker: string | null;
  paragraph: number;
}

const QUOTED = /["\u201c]([^"\u201c\u201d]{100,2000})["\u201d]/g;

/** Verbs that report speech or writing (extract/reporting.ts): "according to" is read apart. */
const REPORTING = REPORTING_FORMS;

/**
 * Who says a quotation, by the reporting clause around it: "Apple said in a statement: “...”", "According to the
 * minister, “...”", "“...,” said NASA Administrator Charles Bolden", "“...,” Bolden said". A person or an organisation
 * can speak; a pronoun ("he said") or a clause with no reporting verb gives no one, and no name is printed.
 */
export function speakerOf(before: string, after: string, names: string[]): string | null {
  const alternatives = [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  if (!alternatives) return null;
  const name = `(${alternatives})(?![\\p{L}])`;
  // After the quotation: "..." said [role] X / "..." X said / "...", according to X.
  const following = after.slice(0, 160);
  const afterPatterns = [
    new RegExp(`^[\\s,.!?\u2019']*(?:${REPORTING})\\s+(?:[^.!?"\u201c]{0,60}?\\s)?${name}`, 'u'),
    new RegExp(`^[\\s,.!?\u2019']*${name}[^.!?"\u201c]{0,40}?\\b(?:${REPORTING})\\b`, 'u'),
    new RegExp(`^[\\s,.!?\u2019']*according\\s+to\\s+(?:[^.!?"\u201c]{0,40}?\\s)?${name}`, 'u'),
  ];
  for (const pattern of afterPatterns) {
    const m = pattern.exec(following);
    if (m) return m[1]!;
  }
  // Before it, in the same sentence: X [...] said[ that|:|,] "..." / According to X, "..."
  const clause = before.slice(Math.max(0, before.search(/[^.!?]*$/))).slice(-200);
  const beforePatterns = [
    new RegExp(`${name}[^.!?"\u201d]{0,80}?\\b(?:${REPORTING})\\b[^.!?"\u201d]{0,80}$`, 'u'),
    new RegExp(`according\\s+to\\s+(?:[^.!?"\u201d]{0,40}?\\s)?${name}[^.!?"\u201d]{0,20}$`, 'iu'),
  ];
  for (const pattern of beforePatterns) {
    const m = pattern.exec(clause);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * The essay's notable quotations, longest first: passages in quotation marks long enough to be speech (not a title)
 * whose speaker the reporting clause names (see speakerOf). Shortened to whole sentences for display, never cut
 * mid-way.
 */
export function notableQuotations(essay: Essay, chronology: Chronology, maxChars = 320): Quotation[] {
  const found: (Quotation & { length: number })[] = [];
  const speakers = [...chronology.people, ...chronology.organizations];
  for (const p of essay.paragraphs) {
    for (const m of p.text.matchAll(QUOTED)) {
      const speaker = speakerOf(p.text.slice(0, m.index), p.text.slice(m.index + m[0].length), speakers);
      const text = speaker ? wholeSentences(m[1]!, maxChars) : null;
      if (text) found.push({ text: typeset(text), speaker, paragraph: p.n, length: m[1]!.length });
    }
  }
  return found.sort((a, b) => b.length - a.length || a.paragraph - b.paragraph).map(({ length: _, ...q }) => q);
}

/** The essay's most notable quotation: the longest (see notableQuotations). */
export const notableQuotation = (essay: Essay, chronology: Chronology, maxChars = 320): Quotation | null =>
  notableQuotations(essay, chronology, maxChars)[0] ?? null;

/** The quotation, or as many of its first sentences as fit; null when not even its first sentence does. */
function wholeSentences(quote: string, max: number): string | null {
  const text = quote.replace(/^[.\u2026\s]+/, '').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 0 ? cut.slice(0, end + 1) : null;
}

/**
 * The people a text is about, most salient first: how often it names them (in full, or by a surname no one else
 * shares), and how prominently (in the title, in the first paragraph, as the one who acts in an event). Ties go to
 * the one named first.
 */
export function keyPeople(essay: Essay, chronology: Chronology): string[] {
  const people = chronology.people;
  const surname = (name: string) => name.split(' ').at(-1)!;
  const shared = new Map<string, number>();
  for (const p of people) shared.set(surname(p), (shared.get(surname(p)) ?? 0) + 1);
  const forms = (name: string) =>
    new RegExp(
      `(?<![\\p{L}])(?:${[name, ...(name.includes(' ') && shared.get(surname(name)) === 1 ? [surname(name)] : [])]
        .map(escapeRegExp)
        .join('|')})(?![\\p{L}])`,
      'gu',
    );
  const lead = essay.paragraphs.find(isProse)?.n;
  const scored = people.map((name, order) => {
    const pattern = forms(name);
    let score = 0;
    for (const p of essay.paragraphs) score += (p.text.match(pattern)?.length ?? 0) * (p.n === lead ? 2 : 1);
    if (new RegExp(pattern.source, 'u').test(essay.title)) score += 5;
    score += chronology.events.filter((e) => e.actors.people.includes(name)).length;
    return { name, score, order };
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.name);
}
