// The deck's view model. Slides are budgeted, not shrunk, and words are never cut: at most five bullets and a bounded
// number of characters a slide; what does not fit goes to a continuation slide.
import type { Chronology, Essay } from '../model.ts';
import type { Settings } from '../settings.ts';
import { type EventRow, eventNumbers, eventRows, keyPoints, notableQuotation, sectionsOf, spanCovered } from './common.ts';
import { formatValue, runningTitle, titleSize, typeset } from './format.ts';
import { type TimelineLayout, timelineLayout, timelineSvg } from './timeline.ts';

const BULLETS_PER_SLIDE = 5;
/** Characters of bullet text a slide holds at its type size: long summaries take a slide of fewer bullets. */
const SLIDE_CHARS = 560;
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

/** Bullets to slides: up to five a slide, fewer when their words are long, shared out evenly (no slide of one). */
function slidesOf(bullets: Bullet[]): Bullet[][] {
  const size = (b: Bullet) => b.date.length + b.text.length;
  const fits = (part: Bullet[]) => part.length <= BULLETS_PER_SLIDE && part.reduce((n, b) => n + size(b), 0) <= SLIDE_CHARS;
  for (let slides = Math.ceil(bullets.length / BULLETS_PER_SLIDE); slides < bullets.length; slides++) {
    const even = Array.from({ length: slides }, (_, i) => bullets.slice(Math.round((i * bullets.length) / slides), Math.round(((i + 1) * bullets.length) / slides)));
    if (even.every((part) => part.length === 1 || fits(part))) return even.filter((part) => part.length > 0);
  }
  return bullets.map((b) => [b]);
}

const bullet = (row: EventRow): Bullet => ({ date: row.date, text: row.summary });
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
    const parts = slidesOf(own.map(bullet));
    let done = 0;
    parts.forEach((part, i) => {
      const told = own.slice(done, (done += part.length));
      slides.push({ kind: 'bullets', title: `${section.title}${parts.length > 1 ? ` (${i + 1}/${parts.length})` : ''}`, bullets: part, notes: told.map(note) });
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
        return { date: role ? `${p.name} \u2014 ${role}` : p.name, text: did };
      }),
      notes: part.flatMap((p) => p.acts.map(note)),
    });
  });

  const quotation = notableQuotation(essay, chronology, 260);
  if (quotation) {
    slides.push({ kind: 'quote', title: 'In their words', quote: { text: quotation.text, speaker: quotation.speaker }, notes: [`Quoted in \u00b6 ${quotation.paragraph}.`] });
  }

  const points = keyPoints(essay, chronology, settings.dateStyle);
  const summary = slidesOf(points.map((p) => ({ date: '', text: p.text })));
  summary.forEach((part, i) => {
    slides.push({ kind: 'summary', title: `Summary${summary.length > 1 ? ` (${i + 1}/${summary.length})` : ''}`, bullets: part, notes: part.map((b) => b.text) });
  });
  slides.push({
    kind: 'source', title: 'Source',
    bullets: [
      { date: '', text: typeset(essay.title) },
      ...(essay.compiled ? [{ date: '', text: `Compiled ${formatValue(essay.compiled, settings.dateStyle)}` }]
        : essay.dated ? [{ date: '', text: `Dated ${formatValue(essay.dated, settings.dateStyle)}` }] : []),
      { date: '', text: `Generated from ${essay.paragraphs.length} paragraphs; ${chronology.events.length} dated events` },
    ],
    notes: ['Every bullet cites its paragraph in these notes.'],
  });

  // The agenda lists what the deck then shows, once each.
  const shown = [...new Set(slides.slice(agenda + 1).filter((s) => s.kind !== 'source').map((s) => s.title.replace(/ \(\d+(?:\/| of )\d+\)$/, '')))];
  slides[agenda]!.bullets = chunk(shown, 8)[0]!.map((text) => ({ date: '', text }));

  return {
    lang: essay.lang,
    title: typeset(essay.title), titleSize: titleSize(essay.title), runningTitle: typeset(runningTitle(essay.title)),
    span, marking: settings.marking, organisation: settings.organisation,
    slides: slides.map((slide, i) => ({ bullets: [], timeline: null, layout: null, quote: null, ...slide, number: i + 1, total: slides.length })),
  };
}
