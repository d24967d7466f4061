// The timeline as a slide shows it to a room: each event a numbered marker on a time axis with its date and a short
// title beside it, labels above and below the axis on two levels, leader lines that never cross a label, ticks on
// round years. Events go to as many slides as keep every label legible, and no more.

import type { ChronologyEvent } from '../../core/model.ts';
import { toDayNumber } from '../../dates/calendar.ts';
import type { EventRow } from '../../views/common.ts';
import { KIND_COLOURS } from '../../views/timeline.ts';

/** In CSS pixels of the slide's body (the slide is 1920 x 1080). */
export const AREA = { width: 1640, height: 736 };
const AXIS = 368;
const LABEL = { width: 320, height: 140, gap: 46, levelGap: 20 };
const MARKER = 17;
/**
 * Markers closer than this are moved apart along the axis, in order: events days apart on a span of years would
 * otherwise share one spot, and their labels (above, below, and a level further out) need this much between them.
 */
const MIN_SPACING = 90;
/** The longest title a label holds on three lines at its type size, whole. */
export const TITLE_CHARS = 64;

export interface SlideLabel {
  x: number;
  y: number;
  w: number;
  h: number;
  date: string;
  title: string;
  colour: string;
  number: number;
  above: boolean;
}
export interface SlideTimeline {
  width: number;
  height: number;
  axisY: number;
  ticks: { x: number; label: string }[];
  marks: { x: number; number: number; colour: string }[];
  leaders: { x: number; y1: number; y2: number; colour: string }[];
  labels: SlideLabel[];
}

/** A title short enough for a label, in whole words: the summary when it is short, else what kind of event and who. */
export function shortTitle(row: EventRow, event: ChronologyEvent): string {
  if (row.summary.length <= TITLE_CHARS) return row.summary;
  const kind = row.kindLabel;
  const who = [...event.actors.people, ...event.actors.organizations, ...event.actors.places].find(
    (name) => kind.length + 2 + name.length <= TITLE_CHARS,
  );
  return who ? `${kind}: ${who}` : kind;
}

interface Input {
  row: EventRow;
  event: ChronologyEvent;
  title: string;
}

/** Round ticks for a span of years: at most about nine labelled ticks, every 1, 2, 5, 10, 20, 25, 50 or 100 years. */
function yearTicks(firstDay: number, lastDay: number): number[] {
  const first = new Date(firstDay * 86_400_000).getUTCFullYear();
  const last = new Date(lastDay * 86_400_000).getUTCFullYear() + 1;
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => (last - first) / s <= 9) ?? 1000;
  const years: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) years.push(y);
  return years;
}

const dayOf = (iso: string) => toDayNumber(iso);

/** Lay out some events on one slide, or null when a label cannot be placed legibly. */
function layout(items: Input[]): SlideTimeline | null {
  const days = items.map((i) => dayOf(i.event.date.start));
  let from = Math.min(...days),
    to = Math.max(...days);
  const years = yearTicks(from, to);
  const jan1 = (y: number) => dayOf(`${String(y).padStart(4, '0')}-01-01`);
  // The axis spans whole years when they are few, so the ticks frame the events; a shorter span, the events alone.
  if (years.length >= 2) {
    from = Math.min(from, jan1(years[0]!));
    to = Math.max(to, jan1(years.at(-1)!));
  }
  const pad = LABEL.width / 2;
  const scale = (day: number) =>
    to === from ? AREA.width / 2 : pad + ((day - from) / (to - from)) * (AREA.width - 2 * pad);
  // Markers in date order, moved apart where they would touch, and back inside the axis if that pushed them out.
  const xs = days.map(scale);
  for (let i = 1; i < xs.length; i++) xs[i] = Math.max(xs[i]!, xs[i - 1]! + MIN_SPACING);
  const overflow = xs.at(-1)! - (AREA.width - MARKER);
  if (overflow > 0)
    for (let i = xs.length - 1; i >= 0; i--)
      xs[i] = Math.min(xs[i]!, i === xs.length - 1 ? AREA.width - MARKER : xs[i + 1]! - MIN_SPACING);
  if (xs[0]! < MARKER) return null;

  const slots = [
    { above: true, level: 0 },
    { above: false, level: 0 },
    { above: true, level: 1 },
    { above: false, level: 1 },
  ];
  const top = (above: boolean, level: number) =>
    above
      ? AXIS - LABEL.gap - LABEL.height - level * (LABEL.height + LABEL.levelGap)
      : AXIS + LABEL.gap + level * (LABEL.height + LABEL.levelGap);
  const labels: SlideLabel[] = [];
  const leaders: SlideTimeline['leaders'] = [];
  const placed: { above: boolean; level: number; left: number; right: number; x: number }[] = [];
  for (const [i, item] of items.entries()) {
    const x = xs[i]!;
    const left = Math.min(Math.max(0, x - LABEL.width / 2), AREA.width - LABEL.width);
    const right = left + LABEL.width;
    const slot = slots.find(({ above, level }) =>
      placed.every((p) => {
        if (p.above !== above) return true;
        const boxesMeet = p.level === level && left < p.right + 12 && right > p.left - 12;
        const myLeaderCrosses = p.level < level && x > p.left - 6 && x < p.right + 6;
        const crossesItsLeader = p.level > level && p.x > left - 6 && p.x < right + 6;
        return !boxesMeet && !myLeaderCrosses && !crossesItsLeader;
      }),
    );
    if (!slot) return null;
    placed.push({ ...slot, left, right, x });
    const y = top(slot.above, slot.level);
    labels.push({
      x: left,
      y,
      w: LABEL.width,
      h: LABEL.height,
      date: item.row.date,
      title: item.title,
      colour: KIND_COLOURS[item.event.kind],
      number: item.row.number,
      above: slot.above,
    });
    leaders.push({ x, y1: AXIS, y2: slot.above ? y + LABEL.height : y, colour: KIND_COLOURS[item.event.kind] });
  }
  return {
    width: AREA.width,
    height: AREA.height,
    axisY: AXIS,
    ticks: years.map((y) => ({ x: scale(jan1(y)), label: String(y) })).filter((t) => t.x >= 0 && t.x <= AREA.width),
    marks: items.map((item, i) => ({ x: xs[i]!, number: item.row.number, colour: KIND_COLOURS[item.event.kind] })),
    leaders,
    labels,
  };
}

/** The events in date order on as few slides as keep every label legible: each slide takes as many as it can. */
export function slideTimelines(
  events: ChronologyEvent[],
  rows: EventRow[],
): { layout: SlideTimeline; rows: EventRow[] }[] {
  const items = events
    .map((event, i) => ({ event, row: rows[i]!, title: shortTitle(rows[i]!, event) }))
    .sort((a, b) => dayOf(a.event.date.start) - dayOf(b.event.date.start) || a.row.number - b.row.number);
  const slides: { layout: SlideTimeline; rows: EventRow[] }[] = [];
  for (let start = 0; start < items.length; ) {
    let best: SlideTimeline | null = null;
    let count = 0;
    for (let n = 1; start + n <= items.length; n++) {
      const tried = layout(items.slice(start, start + n));
      if (!tried) break;
      best = tried;
      count = n;
    }
    if (!best) {
      best = layout([items[start]!])!;
      count = 1;
    }
    slides.push({ layout: best, rows: items.slice(start, start + count).map((i) => i.row) });
    start += count;
  }
  // Share the events out evenly over that many slides, so the last is not a slide of one or two.
  if (slides.length > 1) {
    const per = Math.ceil(items.length / slides.length);
    const even = Array.from({ length: slides.length }, (_, k) => items.slice(k * per, (k + 1) * per)).filter(
      (part) => part.length,
    );
    const laid = even.map((part) => layout(part));
    if (laid.every(Boolean)) return laid.map((l, k) => ({ layout: l!, rows: even[k]!.map((i) => i.row) }));
  }
  return slides;
}
