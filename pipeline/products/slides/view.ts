// The deck's view model. Slides are budgeted, not shrunk, and words are never cut: at most five bullets and a bounded
// number of characters a slide; what does not fit goes to a continuation slide.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Chronology, type Essay, isProse } from '../../core/model.ts';
import { defaultTemplatesDir } from '../../core/paths.ts';
import type { Settings } from '../../core/settings.ts';
import { escapeRegExp } from '../../core/text.ts';
import {
  type EventRow,
  eventRows,
  keyPeople,
  keyPoints,
  notableQuotations,
  sectionsOf,
  spanCovered,
} from '../../views/common.ts';
import { formatValue, runningTitle, titleSize, typeset, yearRange } from '../../views/format.ts';
import { directionOf, fill, labelsFor } from '../../views/labels.ts';
import { shapeOf } from '../../views/shape.ts';
import type { TimelineLayout } from '../../views/timeline.ts';
import { type SlideTimeline, slideTimelines } from './timeline.ts';

const BULLETS_PER_SLIDE = 5;
/** Characters of bullet text a slide holds at its type size: long summaries take a slide of fewer bullets. */
const SLIDE_CHARS = 560;

export interface Bullet {
  date: string;
  text: string;
}
interface Slide {
  kind: 'title' | 'agenda' | 'timeline' | 'bullets' | 'people' | 'quote' | 'summary' | 'source' | 'table';
  /** A table of the essay small enough for a slide: its header, its rows, and which columns are numbers. */
  table?: { head: string[]; rows: string[][]; right: boolean[] } | null;
  title: string;
  bullets?: Bullet[];
  timeline?: string;
  /** The same timeline as positions, for the PowerPoint's native shapes. */
  layout?: TimelineLayout | null;
  /** The labelled timeline of a slide (positions in the slide body's pixels), for the HTML deck and the PowerPoint. */
  labelled?: SlideTimeline | null;
  /** An agenda set in two columns. */
  columns?: boolean;
  quote?: { text: string; speaker: string | null };
  notes: string[];
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Bullets to slides: up to five a slide, fewer when their words are long, shared out evenly (no slide of one). */
function slidesOf(bullets: Bullet[]): Bullet[][] {
  const size = (b: Bullet) => b.date.length + b.text.length;
  const fits = (part: Bullet[]) =>
    part.length <= BULLETS_PER_SLIDE && part.reduce((n, b) => n + size(b), 0) <= SLIDE_CHARS;
  for (let slides = Math.ceil(bullets.length / BULLETS_PER_SLIDE); slides < bullets.length; slides++) {
    const even = Array.from({ length: slides }, (_, i) =>
      bullets.slice(Math.round((i * bullets.length) / slides), Math.round(((i + 1) * bullets.length) / slides)),
    );
    if (even.every((part) => part.length === 1 || fits(part))) return even.filter((part) => part.length > 0);
  }
  return bullets.map((b) => [b]);
}

const bullet = (row: EventRow): Bullet => ({ date: row.date, text: row.summary });
const note = (row: EventRow) => `${row.date}: ${row.text} (\u00b6 ${row.paragraph})`;

/** What every builder of the deck's slides reads. */
interface DeckContext {
  essay: Essay;
  chronology: Chronology;
  settings: Settings;
  labels: ReturnType<typeof labelsFor>;
  rows: EventRow[];
  shape: ReturnType<typeof shapeOf>;
  sections: ReturnType<typeof sectionsOf>;
  english: boolean;
}

export function slidesView(essay: Essay, chronology: Chronology, settings: Settings) {
  const labels = labelsFor(essay.lang, settings.labels);
  const deck: DeckContext = {
    essay,
    chronology,
    settings,
    labels,
    rows: eventRows(chronology, settings.dateStyle, essay.lang),
    shape: shapeOf(essay, chronology),
    sections: sectionsOf(essay, chronology),
    english: /^en(?:-|$)/i.test(essay.lang),
  };
  const span = spanCovered(chronology);
  const title: Slide = {
    kind: 'title',
    title: typeset(essay.title),
    notes: [
      `${deck.english ? 'Briefing on' : `${labels.briefing}:`} ${typeset(essay.title)}${span ? `, ${span}` : ''}.`,
    ],
  };
  const body = [
    ...timelineSlides(deck),
    ...sectionSlides(deck),
    ...tableSlides(deck),
    ...peopleSlides(deck),
    ...quoteSlides(deck),
    ...summarySlides(deck),
    sourceSlide(deck),
  ];
  const slides = [title, ...agendaSlides(deck, body), ...body];
  return {
    lang: essay.lang,
    /** "rtl" for a language written right to left (Arabic, Hebrew, ...): the page mirrors. */
    dir: directionOf(essay.lang),
    /** Every fixed word of the deck, in the essay's language (views/labels.ts; configuration `labels:`). */
    labels,
    title: typeset(essay.title),
    titleSize: titleSize(essay.title),
    runningTitle: typeset(runningTitle(essay.title)),
    span: deck.shape.dated ? span : null,
    kindLine: deck.shape.label,
    marking: settings.marking,
    organisation: settings.organisation,
    slides: slides.map((slide, i) => ({
      bullets: [],
      timeline: null,
      layout: null,
      labelled: null,
      quote: null,
      table: null,
      columns: false,
      ...slide,
      number: i + 1,
      total: slides.length,
    })),
    /** The deck's keys and speaker view: the text of templates/scripts/deck-navigation.js. */
    navigation: deckNavigation(),
  };
}

/** The timeline, labelled, on as many slides as its labels need (only for three dated events or more). */
function timelineSlides({ chronology, rows, shape, labels, english }: DeckContext): Slide[] {
  const timelines = shape.dated ? slideTimelines(chronology.events, rows, english) : [];
  return timelines.map(({ layout, rows: told }, i, all) => ({
    kind: 'timeline',
    title: all.length > 1 ? `${labels.timeline} (${i + 1} ${labels.of} ${all.length})` : labels.timeline,
    labelled: layout,
    notes: [...told].sort((a, b) => a.number - b.number).map((r) => `${r.number}. ${note(r)}`),
  }));
}

/**
 * A chronicle: each section's events. An analysis: each section's argument, its paragraphs' points. No slide of one
 * bullet: a section with one joins the next (or, the last, the one before); a long one goes on several slides.
 */
function sectionSlides({ essay, rows, shape, sections }: DeckContext): Slide[] {
  const told: { title: string; bullets: Bullet[]; notes: string[] }[] = [];
  for (const section of sections) {
    if (shape.kind === 'analysis' || shape.kind === 'note') {
      // An argument's slide: the sentences of substance its paragraphs make, up to four, each whole.
      const points = section.paragraphs
        .map((p) => essay.paragraphs[p.n - 1]!)
        .filter(isProse)
        .flatMap((p) => argumentSentences(p).map((text) => ({ p, text })))
        .slice(0, 4);
      if (points.length)
        told.push({
          title: section.title,
          bullets: points.map((x) => ({ date: '', text: typeset(x.text) })),
          notes: points.map((x) => `\u00b6 ${x.p.n}: ${typeset(x.text)}`),
        });
    } else {
      const own = rows.filter((r) => section.paragraphs.some((p) => p.n === r.paragraph));
      if (own.length) told.push({ title: section.title, bullets: own.map(bullet), notes: own.map(note) });
    }
  }
  for (let i = 0; i < told.length; i++) {
    const one = told[i]!;
    if (one.bullets.length !== 1 || told.length === 1) continue;
    const other = told[i + 1] ?? told[i - 1]!;
    const first = other === told[i + 1] ? one : other,
      second = first === one ? other : one;
    const merged = {
      title: joinTitles(first.title, second.title),
      bullets: [...first.bullets, ...second.bullets],
      notes: [...first.notes, ...second.notes],
    };
    told.splice(Math.min(i, told.indexOf(other)), 2, merged);
    i = -1;
  }
  return told.flatMap((section) => {
    const parts = slidesOf(section.bullets);
    let done = 0;
    return parts.map((part, i) => ({
      kind: 'bullets' as const,
      title: `${section.title}${parts.length > 1 ? ` (${i + 1}/${parts.length})` : ''}`,
      bullets: part,
      notes: section.notes.slice(done, (done += part.length)),
    }));
  });
}

/** A table of the essay goes on a slide of its own when it can be read from the room: a few short rows and columns. */
function tableSlides({ essay, sections, labels }: DeckContext): Slide[] {
  const slides: Slide[] = [];
  for (const p of essay.paragraphs) {
    const block = p.block;
    if (block?.type !== 'table') continue;
    const text = (runs: { text: string }[]) =>
      runs
        .map((r) => r.text)
        .join('')
        .trim();
    const cells = [block.head, ...block.rows].flat().map(text);
    if (
      block.rows.length > TABLE_ROWS ||
      block.head.length > TABLE_COLUMNS ||
      cells.some((c) => c.length > TABLE_CELL_CHARS)
    )
      continue;
    const section = sections.find((s) => s.paragraphs.some((q) => q.n === p.n));
    slides.push({
      kind: 'table',
      title: section ? `${section.title} (${labels.table.toLowerCase()})` : labels.table,
      table: {
        head: block.head.map((c) => typeset(text(c))),
        rows: block.rows.map((row) => block.head.map((_, i) => typeset(text(row[i] ?? [])))),
        right: block.head.map(
          (_, i) =>
            block.align[i] === 'right' ||
            (block.align[i] == null && block.rows.every((row) => /^[\s\d.,%()+\u2212-]*$/.test(text(row[i] ?? [])))),
        ),
      },
      notes: [`${labels.table}, \u00b6 ${p.n}.`],
    });
  }
  return slides;
}

/** The key people, each with what they did first and how much more; one person is no slide of their own. */
function peopleSlides({ essay, chronology, rows, labels, english }: DeckContext): Slide[] {
  const people = keyPeople(essay, chronology)
    .map((name) => ({ name, acts: rows.filter((r) => chronology.events[r.number - 1]!.actors.people.includes(name)) }))
    .filter((p) => p.acts.length > 0);
  if (people.length < 2) return [];
  return slidesOf(people.map((p) => ({ date: p.name, text: p.acts[0]!.summary }))).map((part, i, all) => {
    const those = people.filter((p) => part.some((b) => b.date === p.name));
    return {
      kind: 'people' as const,
      title: `${labels.keyPeople}${all.length > 1 ? ` (${i + 1}/${all.length})` : ''}`,
      bullets: those.map((p) => {
        const role = chronology.roles?.[p.name];
        const more = english ? `and ${p.acts.length - 1} more` : `+${p.acts.length - 1}`;
        const did = `${p.acts[0]!.date}: ${p.acts[0]!.summary}${p.acts.length > 1 ? ` (${more})` : ''}`;
        return { date: role ? `${p.name} \u2014 ${role}` : p.name, text: did };
      }),
      notes: those.flatMap((p) => p.acts.map(note)),
    };
  });
}

/** Each notable quotation on a slide of its own (up to three). */
function quoteSlides({ essay, chronology, labels }: DeckContext): Slide[] {
  return notableQuotations(essay, chronology, 260)
    .slice(0, 3)
    .map((quotation) => ({
      kind: 'quote' as const,
      title: labels.inTheirWords,
      quote: { text: quotation.text, speaker: quotation.speaker },
      notes: [`\u00b6 ${quotation.paragraph}.`],
    }));
}

/** The key points, as the briefing gives them. */
function summarySlides({ essay, chronology, settings, labels }: DeckContext): Slide[] {
  const points = keyPoints(essay, chronology, settings.dateStyle);
  const summary = slidesOf(points.map((p) => ({ date: '', text: p.text })));
  return summary.map((part, i) => ({
    kind: 'summary' as const,
    title: `${labels.summary}${summary.length > 1 ? ` (${i + 1}/${summary.length})` : ''}`,
    bullets: part,
    notes: part.map((b) => b.text),
  }));
}

/** Where the deck comes from: the essay, its date, how much of it was read. */
function sourceSlide({ essay, chronology, settings, labels, english }: DeckContext): Slide {
  return {
    kind: 'source',
    title: labels.source,
    bullets: [
      { date: '', text: typeset(essay.title) },
      ...(essay.compiled
        ? [{ date: '', text: `${labels.compiled} ${formatValue(essay.compiled, settings.dateStyle, essay.lang)}` }]
        : essay.dated
          ? [{ date: '', text: `${labels.dated} ${formatValue(essay.dated, settings.dateStyle, essay.lang)}` }]
          : []),
      {
        date: '',
        text:
          chronology.events.length === 1 && english
            ? `Generated from ${essay.paragraphs.length} paragraphs; 1 dated event`
            : fill(labels.generatedFromEvents, {
                paragraphs: essay.paragraphs.length,
                events: chronology.events.length,
              }),
      },
    ],
    notes: [english ? 'Every bullet cites its paragraph in these notes.' : '\u00b6'],
  };
}

/** The agenda lists what the deck then shows, once each and all of it: in two columns, on more slides if need be. */
function agendaSlides({ labels, english }: DeckContext, body: Slide[]): Slide[] {
  const shown = [
    ...new Set(
      body
        .filter((s) => s.kind !== 'source')
        .map((s) => s.title.replace(new RegExp(` \\(\\d+(?:\\/| ${escapeRegExp(labels.of)} )\\d+\\)$`), '')),
    ),
  ];
  const pages = chunk(shown, AGENDA_PER_SLIDE);
  return pages.map((page, i) => ({
    kind: 'agenda' as const,
    title: pages.length > 1 ? `${labels.agenda} (${i + 1} ${labels.of} ${pages.length})` : labels.agenda,
    bullets: page.map((text) => ({ date: '', text })),
    columns: page.length > AGENDA_ONE_COLUMN,
    notes: [english ? 'What this briefing covers.' : labels.agenda],
  }));
}

/** The most a table on a slide may have: more is read in the briefing. */
const TABLE_ROWS = 6;
const TABLE_COLUMNS = 5;
const TABLE_CELL_CHARS = 40;

/** An agenda slide holds seven items in one column, fourteen in two. */
const AGENDA_ONE_COLUMN = 7;
const AGENDA_PER_SLIDE = 14;

/** "1992–1996" and "1997" make "1992–1997"; other titles are listed: "Withdrawal · Turkey". */
function joinTitles(a: string, b: string): string {
  const years = (t: string) => /^(\d{4})(?:\u2013(\d{4}))?$/.exec(t);
  const x = years(a),
    y = years(b);
  if (x && y) return yearRange(Number(x[1]), Number(y[2] ?? y[1]));
  return `${a} \u00b7 ${b}`;
}

/** The sentences of substance of a paragraph: not a lead-in ending in a colon, not a short announcement. */
function argumentSentences(p: Essay['paragraphs'][number]): string[] {
  // A sentence whose subject is a bare pronoun ("They are cheap ...") needs the one before it: not a bullet alone.
  const alone = (s: { text: string }) => !/^(?:He|She|It|They|This|These|Those|The latter|The former)\b/.test(s.text);
  const substantial = p.sentences.filter(
    (s) => !/:\s*$/.test(s.text) && alone(s) && s.text.split(/\s+/).length >= 8 && s.text.length <= 260,
  );
  return (substantial.length ? substantial : p.sentences.slice(0, 1)).slice(0, 3).map((s) => s.text);
}

/** The deck's script, read once: a file of its own, so the deck's bytes do not depend on how the tool was loaded. */
const deckNavigation = (() => {
  let text: string | null = null;
  return () => (text ??= readFileSync(path.join(defaultTemplatesDir, 'scripts', 'deck-navigation.js'), 'utf8'));
})();

/** What slides.hbs is given (besides css, fonts, theme and logo): schema/views/slides.schema.json is made from this type. */
export type TemplateData = ReturnType<typeof slidesView>;
