// The timeline figure: events on a true time axis, numbered as in the chronology table, coloured by kind. Markers
// that would touch are stacked, so none hides another. Pure SVG text; every string from the essay is escaped.

import type { ChronologyEvent, EventKind } from '../core/model.ts';
import { escapeHtml } from '../core/text.ts';
import { toDayNumber } from '../dates/calendar.ts';
import { yearOf } from './format.ts';
import { fill, type Labels, labelsFor } from './labels.ts';

export const KIND_COLOURS: Record<EventKind, string> = {
  agreement: '#1f5fa8',
  membership: '#2f8f5b',
  visit: '#c2762b',
  meeting: '#7a5ba6',
  summit: '#b03a48',
  operation: '#5a6b2f',
  decision: '#3a8c99',
  programme: '#8c6d1f',
  leadership: '#a3477f',
  incident: '#c23b22',
  statement: '#4d6f8f',
  other: '#6b6b6b',
};

export interface TimelineOptions {
  width: number;
  /** Marker radius; the font follows it. */
  radius: number;
  /** Numbers shown in the markers, by event id (the chronology table's numbering). */
  numbers?: Map<string, number>;
  legend?: boolean;
  /** The essay's language: the legend's kinds and the caption in it. */
  lang?: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  radius: number;
  font: number;
  axis: { x1: number; x2: number; y: number };
  ticks: { x: number; y1: number; y2: number; label: string | null; labelX: number; labelY: number }[];
  marks: {
    cx: number;
    cy: number;
    colour: string;
    label: string;
    summary: string;
    stemTo: number;
    bar: { x: number; width: number } | null;
  }[];
  legend: { x: number; y: number; colour: string; label: string }[];
  caption: string;
}

/**
 * Where everything on the timeline goes, in the units of `width`: one layout, drawn as SVG for the PDFs and the HTML
 * deck and as native shapes in the PowerPoint.
 */
export function timelineLayout(events: ChronologyEvent[], options: TimelineOptions): TimelineLayout | null {
  const labels = labelsFor(options.lang);
  if (events.length === 0) return null;
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
  const font = radius * 1.05;

  const ticks = yearTicks(first, last, x, axisY, radius);
  const marks = placed.map(({ event, cx, barEnd, level }) => {
    const cy = axisY - radius * 1.2 - level * step;
    return {
      cx,
      cy,
      colour: KIND_COLOURS[event.kind],
      label: String(options.numbers?.get(event.id) ?? ''),
      summary: event.summary,
      stemTo: axisY,
      bar: barEnd - cx > 1 ? { x: cx, width: barEnd - cx } : null,
    };
  });

  const { legend, rows } = options.legend
    ? legendRows([...new Set(events.map((e) => e.kind))], labels, { width, radius, font, top: axisY + radius * 5.6 })
    : { legend: [], rows: 0 };
  const height = axisY + radius * 3.2 + (rows ? radius * 3.6 + (rows - 1) * radius * 2.4 : 0);
  return {
    width,
    height,
    radius,
    font,
    axis: { x1: pad / 2, x2: width - pad / 2, y: axisY },
    ticks,
    marks,
    legend,
    caption: fill(labels.timelineAlt, { count: events.length, first, last }),
  };
}

/** Ticks on years along the axis: every year on a short span (labelled mid-year), else every 5, 10 or 50. */
function yearTicks(
  first: number,
  last: number,
  x: (iso: string) => number,
  axisY: number,
  radius: number,
): TimelineLayout['ticks'] {
  const ticks: TimelineLayout['ticks'] = [];
  const years = last + 1 - first;
  const every = years <= 16 ? 1 : years <= 40 ? 5 : years <= 120 ? 10 : 50;
  for (let year = first; year <= last + 1; year++) {
    if ((year - first) % every !== 0 && year !== last + 1) continue;
    const tx = x(`${String(year).padStart(4, '0')}-01-01`);
    ticks.push({
      x: tx,
      y1: axisY,
      y2: axisY + radius * 0.6,
      label: year <= last ? String(year) : null,
      labelX: every === 1 ? x(`${String(year).padStart(4, '0')}-07-01`) : tx,
      labelY: axisY + radius * 2,
    });
  }
  return ticks;
}

/** The legend of the kinds shown, on as many rows as the width needs. */
function legendRows(
  kinds: EventKind[],
  labels: Labels,
  { width, radius, font, top }: { width: number; radius: number; font: number; top: number },
): { legend: TimelineLayout['legend']; rows: number } {
  const pad = radius * 2;
  const legend: TimelineLayout['legend'] = [];
  let lx = pad;
  let rows = 1;
  for (const kind of kinds) {
    const w = radius * 1.6 + labels[kind].length * font * 0.55 + radius * 1.5;
    if (lx + w > width - pad && lx > pad) {
      lx = pad;
      rows++;
    }
    legend.push({ x: lx, y: top + (rows - 1) * radius * 2.4, colour: KIND_COLOURS[kind], label: labels[kind] });
    lx += w;
  }
  return { legend, rows };
}

const n = (value: number) => value.toFixed(1);

export function timelineSvg(events: ChronologyEvent[], options: TimelineOptions): string {
  const t = timelineLayout(events, options);
  if (!t) return '';
  const { radius: r, font } = t;
  const ticks = t.ticks.map(
    (tick) =>
      `<line x1="${n(tick.x)}" y1="${n(tick.y1)}" x2="${n(tick.x)}" y2="${n(tick.y2)}" class="tick"/>` +
      (tick.label
        ? `<text x="${n(tick.labelX)}" y="${n(tick.labelY)}" class="year" font-size="${n(font)}">${tick.label}</text>`
        : ''),
  );
  const marks = t.marks.map(
    (m) =>
      `<g class="event"><title>${escapeHtml(m.summary)}</title>` +
      (m.bar
        ? `<rect x="${n(m.bar.x)}" y="${n(m.cy - r * 0.35)}" width="${n(m.bar.width)}" height="${n(r * 0.7)}" rx="${n(r * 0.35)}" fill="${m.colour}" opacity="0.35"/>`
        : '') +
      `<line x1="${n(m.cx)}" y1="${n(m.cy + r)}" x2="${n(m.cx)}" y2="${n(m.stemTo)}" stroke="${m.colour}" class="stem"/>` +
      `<circle cx="${n(m.cx)}" cy="${n(m.cy)}" r="${r}" fill="${m.colour}"/>` +
      `<text x="${n(m.cx)}" y="${n(m.cy + font * 0.36)}" class="num" font-size="${n(font * 0.95)}">${m.label}</text></g>`,
  );
  const legend = t.legend.map(
    (l) =>
      `<circle cx="${n(l.x + r * 0.5)}" cy="${n(l.y - font * 0.35)}" r="${r * 0.5}" fill="${l.colour}"/>` +
      `<text x="${n(l.x + r * 1.3)}" y="${n(l.y)}" class="legend" font-size="${n(font)}">${l.label}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${t.width} ${t.height.toFixed(0)}" role="img" aria-label="${t.caption}">` +
    `<line x1="${n(t.axis.x1)}" y1="${n(t.axis.y)}" x2="${n(t.axis.x2)}" y2="${n(t.axis.y)}" class="axis"/>` +
    ticks.join('') +
    marks.join('') +
    legend.join('') +
    '</svg>'
  );
}
