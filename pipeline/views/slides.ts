// The deck's view model. Slides are budgeted, not shrunk: at most five bullets a slide and a bounded length a bullet;
// what does not fit goes to a continuation slide.
import type { Chronology, Essay } from '../model.ts';
import type { Settings } from '../settings.ts';
import { type EventRow, eventNumbers, eventRows, keyPoints, notableQuotation, sectionsOf, spanCovered } from './common.ts';
import { formatValue, typeset } from './format.ts';
import { type TimelineLayout, timelineLayout, timelineSvg } from './timeline.ts';
import { shorten } from '../extract/summary.ts';

const BULLETS_PER_SLIDE = 5;
const BULLET_CHARS = 90;
const EVENTS_PER_TIMELINE = 16;

interface Bullet { date: string; text: string }
interface Slide {
  kind: 'title' | 'agenda' | 'timeline' | 'bullets' | 'people' | 'quote' | 'summary' | 'source';
  title: string;
  bullets?: Bullet[];
  timeline?: string;
  /** The same timeline as positions, for the PowerPoint's native shapes. */
  layout?: TimelineLayout | null;
  quote?: { text: string; speaker: string | null };
  notes: string[];
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const bullet = (row: EventRow): Bullet => ({ date: row.date, text: shorten(row.summary, BULLET_CHARS) });
const note = (row: EventRow) => `${row.date}: ${row.text} (\u00b6 ${row.paragraph})`;

export function slidesView(essay: Essay, chronology: Chronology, settings: Settings) {
  const rows = eventRows(chronology, settings.dateStyle);
  const numbers = eventNumbers(chronology);
  const sections = sectionsOf(essay, chronology);
  const slides: Slide[] = [];

  const span = spanCovered(chronology);
  slides.push({ kind: 'title', title: typeset(essay.title), notes: [`Briefing on ${typeset(essay.title)}${span ? `, ${span}` : ''}.`] });
  const agenda = slides.push({ kind: 'agenda', title: 'Agenda', bullets: [], notes: ['What this briefing covers.'] }) - 1;

  chunk(chronology.events, EVENTS_PER_TIMELINE).forEach((events, i, all) => {
    const part = rows.filter((r) => events.some((e) => e.id === r.id));
    slides.push({
      kind: 'timeline',
      title: all.length > 1 ? `Timeline (${i + 1} of ${all.length})` : 'Timeline',
      timeline: timelineSvg(events, { width: 1600, radius: 22, numbers, legend: true }),
      layout: timelineLayout(events, { width: 1600, radius: 22, numbers, legend: true }),
      notes: part.map((r) => `${r.number}. ${note(r)}`),
    });
  });

  for (const section of sections) {
    const own = rows.filter((r) => section.paragraphs.some((p) => p.n === r.paragraph));
    if (own.length === 0) continue;
    chunk(own, BULLETS_PER_SLIDE).forEach((part, i, all) => {
      slides.push({ kind: 'bullets', title: `${section.title}${all.length > 1 ? ` (${i + 1}/${all.length})` : ''}`, bullets: part.map(bullet), notes: part.map(note) });
    });
  }

  const people = chronology.people.map((name) => {
    const acts = rows.filter((r) => chronology.events[r.number - 1]!.actors.people.includes(name));
    return { name, acts };
  }).filter((p) => p.acts.length > 0);
  chunk(people, BULLETS_PER_SLIDE).forEach((part, i, all) => {
    slides.push({
      kind: 'people',
      title: `Key people${all.length > 1 ? ` (${i + 1}/${all.length})` : ''}`,
      bullets: part.map((p) => {
        const role = chronology.roles?.[p.name];
        const did = `${p.acts[0]!.date}: ${p.acts[0]!.summary}${p.acts.length > 1 ? ` (and ${p.acts.length - 1} more)` : ''}`;
        return { date: role ? `${p.name} \u2014 ${shorten(role, 60)}` : p.name, text: shorten(did, BULLET_CHARS) };
      }),
      notes: part.flatMap((p) => p.acts.map(note)),
    });
  });

  const quotation = notableQuotation(essay, chronology, 260);
  if (quotation) {
    slides.push({ kind: 'quote', title: 'In their words', quote: { text: quotation.text, speaker: quotation.speaker }, notes: [`Quoted in \u00b6 ${quotation.paragraph}.`] });
  }

  const points = keyPoints(essay, chronology, settings.dateStyle);
  slides.push({ kind: 'summary', title: 'Summary', bullets: points.slice(0, BULLETS_PER_SLIDE).map((p) => ({ date: '', text: shorten(p.text, BULLET_CHARS + 30) })), notes: points.map((p) => p.text) });
  slides.push({
    kind: 'source', title: 'Source',
    bullets: [
      { date: '', text: typeset(essay.title) },
      ...(essay.compiled ? [{ date: '', text: `Compiled ${formatValue(essay.compiled, settings.dateStyle)}` }] : []),
      { date: '', text: `Generated from ${essay.paragraphs.length} paragraphs; ${chronology.events.length} dated events` },
    ],
    notes: ['Every bullet cites its paragraph in these notes.'],
  });

  // The agenda lists what the deck then shows, once each.
  const shown = [...new Set(slides.slice(agenda + 1).filter((s) => s.kind !== 'source').map((s) => s.title.replace(/ \(\d+(?:\/| of )\d+\)$/, '')))];
  slides[agenda]!.bullets = chunk(shown, 8)[0]!.map((text) => ({ date: '', text }));

  return {
    title: typeset(essay.title), span, marking: settings.marking, organisation: settings.organisation,
    slides: slides.map((slide, i) => ({ bullets: [], timeline: null, layout: null, quote: null, ...slide, number: i + 1, total: slides.length })),
  };
}
