// The fact sheet's view model: everything essential, in order of priority, so the page can drop from the end.
import type { Chronology, Essay, EventKind } from '../model.ts';
import type { Settings } from '../settings.ts';
import { eventNumbers, eventRows, keyPoints, notableQuotation, sectionsOf, spanCovered } from './common.ts';
import { formatValue, titleSize, typeset, yearOf } from './format.ts';
import { timelineSvg } from './timeline.ts';

/** Which events make the milestones first: the kinds that change a relationship, then the rest. */
const MILESTONE_ORDER: EventKind[] = ['agreement', 'membership', 'summit', 'operation', 'decision', 'visit', 'programme', 'meeting', 'other'];

export interface FactsheetLimits {
  milestones: number;
  people: number;
  keyPoints: number;
  quotation: boolean;
  /** Paragraphs of the essay itself, shown when there is room (a short essay's page is not left half empty). */
  excerpt: number;
}

/**
 * The most the page shows. When that does not fit, the build steps down FACTSHEET_STEPS (products/factsheet.ts): first the
 * "in brief" points and the quotation go, then people and milestones shrink, down to three milestones.
 */
export const fullFactsheet: FactsheetLimits = { milestones: 10, people: 6, keyPoints: 4, quotation: true, excerpt: 4 };

export function factsheetView(essay: Essay, chronology: Chronology, settings: Settings, limits: FactsheetLimits = fullFactsheet) {
  const rows = eventRows(chronology, settings.dateStyle);
  const count = (kinds: EventKind[]) => chronology.events.filter((e) => kinds.includes(e.kind)).length;
  const events = chronology.events;
  const years = events.length ? Math.max(...events.map((e) => yearOf(e.date.end))) - yearOf(events[0]!.date.start) + 1 : 0;
  const figures = [
    { value: years, label: years === 1 ? 'year covered' : 'years covered' },
    { value: events.length, label: events.length === 1 ? 'dated event' : 'dated events' },
    { value: count(['visit', 'summit']), label: 'visits and summits' },
    { value: count(['agreement', 'membership']), label: 'agreements and memberships' },
    { value: count(['operation']), label: 'operations' },
  ].filter((f, i) => i < 2 || f.value > 0);
  // `keep`: the milestone's place in the order of priority, so the page can measure a shorter list by hiding the rest.
  const milestones = rows
    .map((row, i) => ({ row, rank: MILESTONE_ORDER.indexOf(events[i]!.kind) }))
    .sort((a, b) => a.rank - b.rank || a.row.number - b.row.number)
    .slice(0, limits.milestones)
    .map((m, keep) => ({ ...m.row, keep }))
    .sort((a, b) => a.number - b.number);
  const people = chronology.people
    .map((name) => ({ name, events: rows.filter((r) => events[r.number - 1]!.actors.people.includes(name)) }))
    .filter((p) => p.events.length > 0)
    .sort((a, b) => b.events.length - a.events.length)
    .slice(0, limits.people)
    .map((p) => ({
      name: p.name,
      role: chronology.roles?.[p.name] ?? null,
      note: `${p.events.length} event${p.events.length === 1 ? '' : 's'}, from ${p.events[0]!.date}`,
    }));
  const quotation = limits.quotation ? notableQuotation(essay, chronology, 220) : null;
  const brief = keyPoints(essay, chronology, settings.dateStyle).slice(0, limits.keyPoints);
  const used = new Set([...milestones.map((m) => m.summary), ...milestones.map((m) => m.actors), ...brief.map((b) => b.text)].join(' ').match(/\b\p{Lu}{2,}\b/gu) ?? []);
  const acronyms = Object.entries(chronology.acronyms).filter(([a]) => used.has(a)).map(([acronym, expansion]) => ({ acronym, expansion }));
  return {
    lang: essay.lang,
    title: typeset(essay.title),
    titleSize: titleSize(essay.title),
    span: spanCovered(chronology),
    marking: settings.marking,
    organisation: settings.organisation,
    paper: settings.paper,
    /** Few events: larger type and figure, so a short essay's page is composed, not half empty. */
    roomy: events.length <= 6,
    figures,
    timeline: timelineSvg(events, { width: events.length <= 6 ? 420 : 560, radius: 7, numbers: eventNumbers(chronology), legend: true }),
    milestones,
    people,
    acronyms,
    quotation,
    brief,
    excerpt: sectionsOf(essay, chronology).flatMap((s) => s.paragraphs).filter((p) => p.kind === 'text').slice(0, limits.excerpt),
    source: {
      title: typeset(essay.title),
      compiled: essay.compiled ? formatValue(essay.compiled, settings.dateStyle) : null,
      paragraphs: essay.paragraphs.length,
    },
  };
}
