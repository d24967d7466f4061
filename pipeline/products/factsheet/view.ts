// The fact sheet's view model: everything essential, in order of priority, so the page can drop from the end.

import { type Chronology, type Essay, type EventKind, isProse } from '../../core/model.ts';
import type { Settings } from '../../core/settings.ts';
import { toDayNumber } from '../../dates/calendar.ts';
import {
  type EventRow,
  eventNumbers,
  eventRows,
  keyPeople,
  keyPoints,
  notableQuotation,
  sectionsOf,
  spanCovered,
} from '../../views/common.ts';
import { formatValue, plural, titleSize, typeset, yearOf } from '../../views/format.ts';
import { hyphenator } from '../../views/hyphenate.ts';
import { directionOf, fill, type Labels, labelsFor } from '../../views/labels.ts';
import { shapeOf } from '../../views/shape.ts';
import { timelineSvg } from '../../views/timeline.ts';

/** Which events make the milestones first: the kinds that change a relationship, then the rest. */
const MILESTONE_ORDER: EventKind[] = [
  'agreement',
  'membership',
  'summit',
  'operation',
  'decision',
  'visit',
  'programme',
  'meeting',
  'other',
];

/** Indexes 0..n-1 in an order whose every beginning is spread evenly: first, last, middle, then the quarters, ... */
function spreadOrder(n: number): number[] {
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const order = [0, n - 1];
  for (let parts = 2; order.length < n; parts *= 2) {
    for (let k = 1; k < parts; k += 2) {
      const i = Math.round((k * (n - 1)) / parts);
      if (!order.includes(i)) order.push(i);
    }
    if (parts > n * 2) order.push(...Array.from({ length: n }, (_, i) => i).filter((i) => !order.includes(i)));
  }
  return order;
}

/** The kinds of event a headline figure counts together, and what it calls them. */
const KIND_GROUPS: { kinds: EventKind[]; label: keyof Labels }[] = [
  { kinds: ['visit', 'summit', 'meeting'], label: 'visitsAndMeetings' },
  { kinds: ['agreement', 'membership'], label: 'agreementsAndAccessions' },
  { kinds: ['operation', 'incident'], label: 'operationsAndIncidents' },
  { kinds: ['decision', 'programme'], label: 'decisionsAndProgrammes' },
  { kinds: ['leadership'], label: 'changesOfLeadership' },
  { kinds: ['statement'], label: 'statements' },
];

/**
 * Event indexes in the order milestones are chosen: the span cut into five stretches of time, the most telling event
 * (by kind, then the earliest) of each stretch first, then the most telling of the rest.
 */
function milestoneOrder(chronology: Chronology): number[] {
  const events = chronology.events;
  if (!events.length) return [];
  const rank = (i: number) => MILESTONE_ORDER.indexOf(events[i]!.kind) >>> 0; // a kind not listed ranks last
  const ranked = events.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  const day = (i: number) => toDayNumber(events[i]!.date.start);
  const first = Math.min(...ranked.map(day)),
    last = Math.max(...ranked.map(day));
  const stretches = 5;
  const stretch = (i: number) =>
    Math.min(stretches - 1, Math.floor(((day(i) - first) / Math.max(1, last - first + 1)) * stretches));
  const order: number[] = [];
  for (let s = 0; s < stretches; s++) {
    const best = ranked.find((i) => stretch(i) === s);
    if (best !== undefined) order.push(best);
  }
  return [...order, ...ranked.filter((i) => !order.includes(i))];
}

export interface FactsheetLimits {
  milestones: number;
  people: number;
  keyPoints: number;
  quotation: boolean;
  /** Paragraphs of the essay itself, shown when there is room (a short essay's page is not left half empty). */
  excerpt: number;
  /** How much larger than its base the type is set, to fill the page that all of the above leaves room on. */
  fill?: number;
}

/** What a fact sheet shows when it can: fewer is a shortened sheet, and the build says so. */
export const fullFactsheet: FactsheetLimits = { milestones: 10, people: 6, keyPoints: 4, quotation: true, excerpt: 4 };

/** Everything the page could show: what the fitting (products/factsheet.ts) measures, hiding what does not fit. */
export const mostFactsheet: FactsheetLimits = { milestones: 14, people: 6, keyPoints: 4, quotation: true, excerpt: 10 };

export function factsheetView(
  essay: Essay,
  chronology: Chronology,
  settings: Settings,
  limits: FactsheetLimits = fullFactsheet,
) {
  const rows = eventRows(chronology, settings.dateStyle, essay.lang);
  const events = chronology.events;
  const shape = shapeOf(essay, chronology);
  const labels = labelsFor(essay.lang, settings.labels);
  const figures = shape.dated ? headlineFigures(chronology, labels, essay.lang) : [];
  // A note's own text is its summary: no points beside it.
  const brief = briefPoints(shape.short ? [] : keyPoints(essay, chronology, settings.dateStyle), limits.keyPoints);
  const milestones = shape.dated ? milestonesOf(chronology, rows, brief, limits.milestones) : [];
  const people = peopleOf(essay, chronology, rows, labels, limits.people);
  const quotation = limits.quotation ? notableQuotation(essay, chronology, 220) : null;
  const briefed = new Set(brief.flatMap((b) => b.paragraphs.map((p) => p.n)));
  const acronyms = acronymsUsed(chronology, [
    ...milestones.map((m) => m.summary),
    ...milestones.map((m) => m.actors),
    ...brief.map((b) => b.text),
  ]);
  return {
    lang: essay.lang,
    /** "rtl" for a language written right to left (Arabic, Hebrew, ...): the page mirrors. */
    dir: directionOf(essay.lang),
    /** Every fixed word of the fact sheet, in the essay's language (views/labels.ts; configuration `labels:`). */
    labels,
    title: typeset(essay.title),
    titleSize: titleSize(essay.title),
    span: shape.dated ? spanCovered(chronology) : null,
    marking: settings.marking,
    organisation: settings.organisation,
    paper: settings.paper,
    /** Few events: larger type and figure, so a short essay's page is composed, not half empty. */
    roomy: events.length <= 6,
    fill: limits.fill ?? 1,
    figures,
    timeline: !shape.dated
      ? null
      : timelineSvg(events, {
          width: events.length <= 6 ? 420 : 560,
          radius: 7,
          numbers: eventNumbers(chronology),
          legend: true,
          lang: essay.lang,
        }),
    milestones,
    people,
    acronyms,
    quotation,
    /** Whether the two columns (milestones; people, quotation and acronyms) have anything to show. */
    columns: milestones.length > 0 || people.length > 0 || acronyms.length > 0 || quotation !== null,
    brief,
    // The essay's own words fill what room is left, but no paragraph whose point is already in brief.
    excerpt: sectionsOf(essay, chronology, { notes: null, hyphenate: hyphenator(essay.lang) ?? undefined })
      .flatMap((s) => s.paragraphs)
      .filter((p) => isProse(essay.paragraphs[p.n - 1]!) && !briefed.has(p.n))
      .slice(0, limits.excerpt),
    source: {
      title: typeset(essay.title),
      compiled: essay.compiled ? formatValue(essay.compiled, settings.dateStyle, essay.lang) : null,
      generatedFrom: fill(labels.generatedFrom, { paragraphs: essay.paragraphs.length }),
      paragraphs: essay.paragraphs.length,
    },
  };
}

/**
 * Headline figures of a dated essay: its span, its events, the two kinds of event it has most of (a kind with one
 * event is no figure) and the people it names; each in the singular or plural its number needs.
 */
function headlineFigures(chronology: Chronology, labels: Labels, lang: string): { value: number; label: string }[] {
  const events = chronology.events;
  const count = (kinds: EventKind[]) => events.filter((e) => kinds.includes(e.kind)).length;
  const years = events.length
    ? Math.max(...events.map((e) => yearOf(e.date.end))) - yearOf(events[0]!.date.start) + 1
    : 0;
  const leading = KIND_GROUPS.map((group) => ({ group, value: count(group.kinds) }))
    .filter((k) => k.value >= 2)
    .sort((a, b) => b.value - a.value)
    .slice(0, 2);
  return [
    ...(years >= 2 ? [{ value: years, label: labels.yearsCovered }] : []),
    { value: events.length, label: plural(events.length, lang, labels.datedEvent, labels.datedEvents) },
    ...leading.map(({ group, value }) => ({ value, label: labels[group.label] })),
    ...(chronology.people.length >= 2 ? [{ value: chronology.people.length, label: labels.peopleNamed }] : []),
  ];
}

/**
 * Fewer points than the briefing has, picked across its whole span (first, last, middle, ...) and told in order;
 * `keep` is a point's place in that order of picking.
 */
function briefPoints<P>(points: P[], limit: number) {
  return spreadOrder(points.length)
    .slice(0, limit)
    .map((i, keep) => ({ ...points[i]!, keep, at: i }))
    .sort((a, b) => a.at - b.at);
}

/**
 * Milestones cover the essay's whole span: the most telling event of each stretch of time first, then the most
 * telling of the rest, leaving out what is told in brief. `keep` is a milestone's place in that order, so the page
 * can measure a shorter list by hiding the rest; `number` is its event's number on the timeline.
 */
function milestonesOf(chronology: Chronology, rows: EventRow[], brief: { events: string[] }[], limit: number) {
  const told = new Set(brief.flatMap((b) => b.events));
  return milestoneOrder(chronology)
    .filter((i) => !told.has(chronology.events[i]!.id))
    .slice(0, limit)
    .map((i, keep) => ({ ...rows[i]!, keep }))
    .sort((a, b) => a.number - b.number);
}

/** The people the text is about, most salient first (keyPeople), among those who act in its events. */
function peopleOf(essay: Essay, chronology: Chronology, rows: EventRow[], labels: Labels, limit: number) {
  return keyPeople(essay, chronology)
    .map((name) => ({
      name,
      events: rows.filter((r) => chronology.events[r.number - 1]!.actors.people.includes(name)),
    }))
    .filter((p) => p.events.length > 0)
    .slice(0, limit)
    .map((p) => ({
      name: p.name,
      role: chronology.roles?.[p.name] ?? null,
      note: fill(plural(p.events.length, essay.lang, labels.eventFrom, labels.eventsFrom), {
        count: p.events.length,
        date: p.events[0]!.date,
      }),
    }));
}

/** The acronyms the sheet's own words use, with what they stand for. */
function acronymsUsed(chronology: Chronology, words: string[]) {
  const used = new Set(words.join(' ').match(/\b\p{Lu}{2,}\b/gu) ?? []);
  return Object.entries(chronology.acronyms)
    .filter(([a]) => used.has(a))
    .map(([acronym, expansion]) => ({ acronym, expansion }));
}

/** What factsheet.hbs is given (besides css, fonts, theme and logo): schema/views/factsheet.schema.json is made from this type. */
export type TemplateData = ReturnType<typeof factsheetView>;
