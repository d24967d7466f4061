// What every product shows in the same way: event rows, the span covered, the essay's sections or periods.
import type { Chronology, ChronologyEvent, Essay, Paragraph, Run } from '../model.ts';
import { compareDays } from '../extract/calendar.ts';
import { type DateStyle, formatDate, typeset, yearOf, yearRange } from './format.ts';
import { KIND_COLOURS, KIND_LABELS } from './timeline.ts';

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

export function eventRows(chronology: Chronology, style: DateStyle): EventRow[] {
  return chronology.events.map((event, i) => ({
    number: i + 1,
    id: event.id,
    date: formatDate(event.date, style),
    summary: typeset(event.summary),
    kind: event.kind,
    kindLabel: KIND_LABELS[event.kind],
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
  paragraphs: { n: number; id: string; kind: Paragraph['kind']; runs: Run[] }[];
}

/**
 * The essay's own sections; an essay without headings is cut into periods of a few paragraphs each, at paragraph
 * boundaries, and each period is headed by the span of years its events cover.
 */
export function sectionsOf(essay: Essay, chronology: Chronology): SectionView[] {
  const view = (n: number) => {
    const p = essay.paragraphs[n - 1]!;
    return { n: p.n, id: p.id, kind: p.kind, runs: p.runs.map((r) => ({ ...r, text: r.code ? r.text : typeset(r.text) })) };
  };
  const titled = essay.sections.filter((s) => s.title !== null);
  if (titled.length > 0) {
    return essay.sections.filter((s) => s.paragraphs.length > 0 || s.title).map((s) => ({
      id: s.id, title: s.title ?? 'Introduction', paragraphs: s.paragraphs.map(view),
    }));
  }
  const count = essay.paragraphs.length;
  const periods = Math.max(1, Math.min(6, Math.round(count / 5)));
  const size = Math.ceil(count / periods);
  const sections: SectionView[] = [];
  for (let start = 1; start <= count; start += size) {
    const numbers = Array.from({ length: Math.min(size, count - start + 1) }, (_, i) => start + i);
    sections.push({ id: `s${sections.length + 1}`, title: periodTitle(numbers, chronology.events) ?? `Part ${sections.length + 1}`, paragraphs: numbers.map(view) });
  }
  return sections;
}

function periodTitle(paragraphs: number[], events: ChronologyEvent[]): string | null {
  const dated = events.filter((e) => paragraphs.includes(e.source.paragraph));
  if (dated.length === 0) return null;
  return yearRange(Math.min(...dated.map((e) => yearOf(e.date.start))), Math.max(...dated.map((e) => yearOf(e.date.end))));
}

export interface KeyPoint {
  text: string;
  paragraphs: { n: number; href: string }[];
}

/**
 * Four to six points a busy reader can stop after: the span covered, the defining agreements and memberships,
 * the operations, and the latest state of affairs, each citing its paragraphs.
 */
export function keyPoints(essay: Essay, chronology: Chronology, style: DateStyle): KeyPoint[] {
  const events = chronology.events;
  const cite = (list: ChronologyEvent[]) => [...new Set(list.map((e) => e.source.paragraph))].sort((a, b) => a - b).map((n) => ({ n, href: `#p${n}` }));
  const line = (e: ChronologyEvent) => `${formatDate(e.date, style)}: ${typeset(e.summary)}`;
  const sentence = (text: string) => (/[.!?\u2026]$/.test(text) ? text : `${text}.`);
  const points: KeyPoint[] = [];
  const span = spanCovered(chronology);
  if (!span) return [{ text: `No dated events were found in the essay's ${essay.paragraphs.length} paragraphs.`, paragraphs: [] }];
  points.push({ text: `The essay covers ${span} in ${events.length} dated event${events.length === 1 ? '' : 's'}, beginning ${line(events[0]!)}.`, paragraphs: cite([events[0]!]) });
  const defining = events.slice(1).filter((e) => e.kind === 'agreement' || e.kind === 'membership').slice(0, 2);
  for (const e of defining) points.push({ text: sentence(line(e)), paragraphs: cite([e]) });
  const operations = events.filter((e) => e.kind === 'operation');
  if (operations.length) {
    points.push({ text: `Operations: ${operations.slice(0, 2).map(line).join('; ')}${operations.length > 2 ? `; and ${operations.length - 2} more` : ''}.`, paragraphs: cite(operations) });
  }
  const latest = events.reduce((a, b) => (compareDays(b.date.start, a.date.start) >= 0 ? b : a));
  if (!points.some((p) => p.text.includes(typeset(latest.summary)))) points.push({ text: sentence(`Latest: ${line(latest)}`), paragraphs: cite([latest]) });
  return points.slice(0, 6);
}

export interface Quotation {
  text: string;
  speaker: string | null;
  paragraph: number;
}

const QUOTED = /["\u201c]([^"\u201c\u201d]{100,2000})["\u201d]/g;

/**
 * The essay's most notable quotation: the longest passage in quotation marks (long enough to be speech, not a
 * title) whose speaker the paragraph names before it. Shortened at a sentence boundary for display.
 */
export function notableQuotation(essay: Essay, chronology: Chronology, maxChars = 320): Quotation | null {
  let best: Quotation | null = null;
  let bestLength = 0;
  for (const p of essay.paragraphs) {
    for (const m of p.text.matchAll(QUOTED)) {
      const before = p.text.slice(0, m.index);
      const speaker = chronology.people
        .map((person) => ({ person, at: before.lastIndexOf(person) }))
        .filter((s) => s.at >= 0)
        .sort((a, b) => b.at - a.at)[0]?.person ?? null;
      if (!speaker || m[1]!.length <= bestLength) continue;
      bestLength = m[1]!.length;
      best = { text: typeset(trimQuote(m[1]!, maxChars)), speaker, paragraph: p.n };
    }
  }
  return best;
}

function trimQuote(quote: string, max: number): string {
  const text = quote.replace(/^[.\u2026\s]+/, '').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > max * 0.4 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}\u2026`;
}
