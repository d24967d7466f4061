// The timeline figure: events on a true time axis, numbered as in the chronology table, coloured by kind. Markers
// that would touch are stacked, so none hides another. Pure SVG text; every string from the essay is escaped.
import type { ChronologyEvent, EventKind } from '../model.ts';
import { toDayNumber } from '../extract/calendar.ts';
import { yearOf } from './format.ts';

export const KIND_COLOURS: Record<EventKind, string> = {
  agreement: '#1f5fa8', membership: '#2f8f5b', visit: '#c2762b', meeting: '#7a5ba6', summit: '#b03a48',
  operation: '#5a6b2f', decision: '#3a8c99', programme: '#8c6d1f', other: '#6b6b6b',
};

export const KIND_LABELS: Record<EventKind, string> = {
  agreement: 'Agreement', membership: 'Membership', visit: 'Visit', meeting: 'Meeting', summit: 'Summit',
  operation: 'Operation', decision: 'Decision', programme: 'Programme', other: 'Other',
};

export interface TimelineOptions {
  width: number;
  /** Marker radius; the font follows it. */
  radius: number;
  /** Numbers shown in the markers, by event id (the chronology table's numbering). */
  numbers?: Map<string, number>;
  legend?: boolean;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function timelineSvg(events: ChronologyEvent[], options: TimelineOptions): string {
  if (events.length === 0) return '';
  const { width, radius } = options;
  const pad = radius * 2;
  const first = yearOf(events[0]!.date.start);
  const last = Math.max(...events.map((e) => yearOf(e.date.end)));
  const from = toDayNumber(`${String(first).padStart(4, '0')}-01-01`);
  const to = toDayNumber(`${String(last + 1).padStart(4, '0')}-01-01`);
  const x = (iso: string) => pad + ((toDayNumber(iso) - from) / (to - from)) * (width - 2 * pad);

  // Stack markers upwards from the axis: each goes to the lowest level where it touches no earlier marker.
  const levels: number[][] = [];
  const placed = events.map((event) => {
    const cx = x(event.date.start);
    const barEnd = event.date.start === event.date.end ? cx : Math.max(cx, x(event.date.end));
    let level = 0;
    while ((levels[level] ?? []).some((right) => cx - right < radius * 2.3)) level++;
    (levels[level] ??= []).push(Math.max(cx, barEnd));
    return { event, cx, barEnd, level };
  });
  const step = radius * 2.4;
  const axisY = pad + levels.length * step;
  const legendRows = options.legend ? 1 : 0;
  const height = axisY + radius * 3.2 + legendRows * radius * 3.6;
  const font = radius * 1.05;

  const ticks: string[] = [];
  const years = last + 1 - first;
  const every = years <= 16 ? 1 : years <= 40 ? 5 : years <= 120 ? 10 : 50;
  for (let year = first; year <= last + 1; year++) {
    if ((year - first) % every !== 0 && year !== last + 1) continue;
    const tx = x(`${String(year).padStart(4, '0')}-01-01`);
    ticks.push(`<line x1="${tx.toFixed(1)}" y1="${axisY}" x2="${tx.toFixed(1)}" y2="${axisY + radius * 0.6}" class="tick"/>`);
    if (year <= last) {
      const mid = x(`${String(year).padStart(4, '0')}-07-01`);
      ticks.push(`<text x="${(every === 1 ? mid : tx).toFixed(1)}" y="${(axisY + radius * 2).toFixed(1)}" class="year" font-size="${font.toFixed(1)}">${year}</text>`);
    }
  }

  const marks = placed.map(({ event, cx, barEnd, level }) => {
    const cy = axisY - radius * 1.2 - level * step;
    const colour = KIND_COLOURS[event.kind];
    const label = options.numbers?.get(event.id) ?? '';
    const bar = barEnd - cx > 1
      ? `<rect x="${cx.toFixed(1)}" y="${(cy - radius * 0.35).toFixed(1)}" width="${(barEnd - cx).toFixed(1)}" height="${(radius * 0.7).toFixed(1)}" rx="${(radius * 0.35).toFixed(1)}" fill="${colour}" opacity="0.35"/>`
      : '';
    return `<g class="event"><title>${escape(event.summary)}</title>${bar}`
      + `<line x1="${cx.toFixed(1)}" y1="${(cy + radius).toFixed(1)}" x2="${cx.toFixed(1)}" y2="${axisY}" stroke="${colour}" class="stem"/>`
      + `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${radius}" fill="${colour}"/>`
      + `<text x="${cx.toFixed(1)}" y="${(cy + font * 0.36).toFixed(1)}" class="num" font-size="${(font * 0.95).toFixed(1)}">${label}</text></g>`;
  });

  const legend: string[] = [];
  if (options.legend) {
    const kinds = [...new Set(events.map((e) => e.kind))];
    let lx = pad;
    const ly = axisY + radius * 5.6;
    for (const kind of kinds) {
      legend.push(`<circle cx="${lx + radius * 0.5}" cy="${ly - font * 0.35}" r="${radius * 0.5}" fill="${KIND_COLOURS[kind]}"/>`
        + `<text x="${lx + radius * 1.3}" y="${ly}" class="legend" font-size="${font.toFixed(1)}">${KIND_LABELS[kind]}</text>`);
      lx += radius * 1.6 + KIND_LABELS[kind].length * font * 0.55 + radius * 1.5;
    }
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height.toFixed(0)}" role="img" aria-label="Timeline of ${events.length} events, ${first} to ${last}">`
    + `<line x1="${pad / 2}" y1="${axisY}" x2="${width - pad / 2}" y2="${axisY}" class="axis"/>`
    + ticks.join('') + marks.join('') + legend.join('') + '</svg>';
}
