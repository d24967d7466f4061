// The fact sheet's view model: everything essential, in order of priority, so the page can drop from the end.
import type { Chronology, Essay, EventKind } from '../model.ts';
import type { Settings } from '../settings.ts';
import { eventNumbers, eventRows, spanCovered } from './common.ts';
import { formatValue, typeset, yearOf } from './format.ts';
import { timelineSvg } from './timeline.ts';

/** Which events make the milestones first: the kinds that change a relationship, then the rest. */
const MILESTONE_ORDER: EventKind[] = ['agreement', 'membership', 'summit', 'operation', 'decision', 'visit', 'programme', 'meeting', 'other'];

export interface FactsheetLimits {
  milestones: number;
  people: number;
}

export const fullFactsheet: FactsheetLimits = { milestones: 8, people: 6 };

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
  const milestones = rows
    .map((row, i) => ({ row, rank: MILESTONE_ORDER.indexOf(events[i]!.kind) }))
    .sort((a, b) => a.rank - b.rank || a.row.number - b.row.number)
    .slice(0, limits.milestones)
    .map((m) => m.row)
    .sort((a, b) => a.number - b.number);
  const people = chronology.people
    .map((name) => ({ name, events: rows.filter((r) => events[r.number - 1]!.actors.people.includes(name)) }))
    .filter((p) => p.events.length > 0)
    .sort((a, b) => b.events.length - a.events.length)
    .slice(0, limits.people)
    .map((p) => ({ name: p.name, note: `${p.events.length} event${p.events.length === 1 ? '' : 's'}, first ${p.events[0]!.date}` }));
  const used = new Set([...milestones.map((m) => m.summary), ...milestones.map((m) => m.actors)].join(' ').match(/\b\p{Lu}{2,}\b/gu) ?? []);
  const acronyms = Object.entries(chronology.acronyms).filter(([a]) => used.has(a)).map(([acronym, expansion]) => ({ acronym, expansion }));
  return {
    title: typeset(essay.title),
    span: spanCovered(chronology),
    marking: settings.marking,
    organisation: settings.organisation,
    paper: settings.paper,
    figures,
    timeline: timelineSvg(events, { width: 700, radius: 6, numbers: eventNumbers(chronology), legend: true }),
    milestones,
    people,
    acronyms,
    source: {
      title: typeset(essay.title),
      compiled: essay.compiled ? formatValue(essay.compiled, settings.dateStyle) : null,
      paragraphs: essay.paragraphs.length,
    },
  };
}
