// The timeline as a slide shows it to a room: each event a numbered marker on a time axis with its date and a short
// title beside it, labels above and below the axis on two levels, leader lines that never cross a label, ticks on
// round years. Events go to as many slides as keep every label legible, and no more.

import type { ChronologyEvent } from '../../core/model.ts';
import { toDayNumber } from '../../dates/calendar.ts';
import { headline } from '../../extract/headline.ts';
import type { EventRow } from '../../views/common.ts';
import { KIND_COLOURS } from '../../views/timeline.ts';

/** In CSS pixels of the slide's body (the slide is 1920 x 1080). */
export const AREA = { width: 1640, height: 736 };
const AXIS = 368;
const LABEL = { width: 320, height: 146, gap: 46, levelGap: 20 };
const MARKER = 17;
/**
 * Markers closer than this are moved apart along the axis, in order: events days apart on a span of years would
 * otherwise share one spot, and their labels (above, below, and a level further out) need this much between them.
 */
const MIN_SPACING = 90;
/** The longest title a label holds on three lines at its type size, whole. */
export const TITLE_CHARS = 64;
/** Where a label may go, in order: above the axis, below, then a level further out on each side. */
const SLOTS = [
  [true, 0],
  [false, 0],
  [true, 1],
  [false, 1],
] as const;

/** Past this many characters a label is wider as well as taller: fewer lines. */
const WIDE_FROM = 120;
/** A label's lines: its date and padding (50 px, measured), and title lines of 32 px of at most so many characters. */
const LINE = { height: 32, chars: 21, wideChars: 28, wideWidth: 420, frame: 50 };

/**
 * The box a title needs, whole at the deck's type size: the standard box for a short one; taller (and, past
 * WIDE_FROM characters, wider) for a longer one, so the layout gives way and never the words.
 */
export function labelBox(title: string): { w: number; h: number } {
  if (title.length <= TITLE_CHARS) return { w: LABEL.width, h: LABEL.height };
  const wide = title.length > WIDE_FROM;
  // Words wrap short of the full measure: a tenth more lines than the characters alone need.
  const lines = Math.ceil((title.length / (wide ? LINE.wideChars : LINE.chars)) * 1.1);
  return { w: wide ? LINE.wideWidth : LABEL.width, h: LINE.frame + lines * LINE.height };
}

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

/** A label's title, in whole words: the summary when it is short, else its headline (who did what to what). The
 * headline's grammar is English: another language's label is its whole summary, and the slides make room. */
export function shortTitle(row: EventRow, english = true): string {
  return row.summary.length <= TITLE_CHARS || !english ? row.summary : headline(row.summary);
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
  const axis = timeAxis(days);
  const xs = markerPositions(days.map(axis.scale));
  if (!xs) return null;
  // Each label in the first slot where its box meets no other box and crosses no leader line.
  const labels: SlideLabel[] = [];
  const leaders: SlideTimeline['leaders'] = [];
  const placed: Placed[] = [];
  for (const [i, item] of items.entries()) {
    const x = xs[i]!;
    const { w, h } = labelBox(item.title);
    const chosen = placeLabel(placed, x, w, h);
    if (!chosen) return null;
    placed.push(chosen);
    const colour = KIND_COLOURS[item.event.kind];
    labels.push({
      x: chosen.left,
      y: chosen.top,
      w,
      h,
      date: item.row.date,
      title: item.title,
      colour,
      number: item.row.number,
      above: chosen.above,
    });
    leaders.push({ x, y1: AXIS, y2: chosen.above ? chosen.bottom : chosen.top, colour });
  }
  return {
    width: AREA.width,
    height: AREA.height,
    axisY: AXIS,
    ticks: axis.ticks,
    marks: items.map((item, i) => ({ x: xs[i]!, number: item.row.number, colour: KIND_COLOURS[item.event.kind] })),
    leaders,
    labels,
  };
}

/** The axis from the first day to the last: where a day falls on it, and its ticks on round years. */
function timeAxis(days: number[]): { scale: (day: number) => number; ticks: SlideTimeline['ticks'] } {
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
  const ticks = years
    .map((y) => ({ x: scale(jan1(y)), label: String(y) }))
    .filter((t) => t.x >= 0 && t.x <= AREA.width);
  return { scale, ticks };
}

/** Markers in date order, moved apart where they would touch, and back inside the axis if that pushed them out. */
function markerPositions(xs: number[]): number[] | null {
  for (let i = 1; i < xs.length; i++) xs[i] = Math.max(xs[i]!, xs[i - 1]! + MIN_SPACING);
  const overflow = xs.at(-1)! - (AREA.width - MARKER);
  if (overflow > 0)
    for (let i = xs.length - 1; i >= 0; i--)
      xs[i] = Math.min(xs[i]!, i === xs.length - 1 ? AREA.width - MARKER : xs[i + 1]! - MIN_SPACING);
  return xs[0]! < MARKER ? null : xs;
}

/** A label's box where it was placed, with its marker's x. */
interface Placed {
  above: boolean;
  level: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: number;
}

/**
 * The first slot for a label of w x h at marker x where its box meets no placed box and no leader line crosses it:
 * above the axis, below, then a level further out (beyond the boxes of the level before); null when none is clear.
 */
function placeLabel(placed: Placed[], x: number, w: number, h: number): Placed | null {
  const left = Math.min(Math.max(0, x - w / 2), AREA.width - w);
  const right = left + w;
  // A label of the outer level stands beyond the boxes of the inner level it would otherwise meet.
  const levelEdge = (above: boolean, level: number) => {
    if (level === 0) return above ? AXIS - LABEL.gap : AXIS + LABEL.gap;
    const inner = placed.filter(
      (p) => p.above === above && p.level === level - 1 && left < p.right + 12 && right > p.left - 12,
    );
    return above
      ? Math.min(AXIS - LABEL.gap - LABEL.height, ...inner.map((p) => p.top)) - LABEL.levelGap
      : Math.max(AXIS + LABEL.gap + LABEL.height, ...inner.map((p) => p.bottom)) + LABEL.levelGap;
  };
  for (const [above, level] of SLOTS) {
    const edge = levelEdge(above, level);
    const top = above ? edge - h : edge;
    const bottom = top + h;
    if (top < 0 || bottom > AREA.height) continue;
    const clear = placed.every((p) => {
      if (p.above !== above) return true;
      const boxesMeet = left < p.right + 12 && right > p.left - 12 && top < p.bottom + 6 && bottom > p.top - 6;
      // A leader runs from the axis to its box: through any box between them.
      const myLeaderCrosses = x > p.left - 6 && x < p.right + 6 && (above ? p.bottom > bottom : p.top < top);
      const crossesItsLeader = p.x > left - 6 && p.x < right + 6 && (above ? bottom > p.bottom : top < p.top);
      return !boxesMeet && !myLeaderCrosses && !crossesItsLeader;
    });
    if (clear) return { above, level, left, right, top, bottom, x };
  }
  return null;
}

/**
 * The events in date order on as few slides as keep every label legible, shared out as evenly as that allows: each
 * slide takes as many as it can up to a cap, and the cap is the smallest that needs no more slides than none would.
 */
export function slideTimelines(
  events: ChronologyEvent[],
  rows: EventRow[],
  english = true,
): { layout: SlideTimeline; rows: EventRow[] }[] {
  const items = events
    .map((event, i) => ({ event, row: rows[i]!, title: shortTitle(rows[i]!, english) }))
    .sort((a, b) => dayOf(a.event.date.start) - dayOf(b.event.date.start) || a.row.number - b.row.number);
  const pack = (cap: number) => {
    const slides: { layout: SlideTimeline; rows: EventRow[] }[] = [];
    for (let start = 0; start < items.length; ) {
      let best = layout([items[start]!])!;
      let count = 1;
      for (let n = 2; n <= cap && start + n <= items.length; n++) {
        const tried = layout(items.slice(start, start + n));
        if (!tried) break;
        [best, count] = [tried, n];
      }
      slides.push({ layout: best, rows: items.slice(start, start + count).map((i) => i.row) });
      start += count;
    }
    return slides;
  };
  const fewest = pack(items.length);
  for (let cap = Math.ceil(items.length / fewest.length); cap < items.length; cap++) {
    const even = pack(cap);
    if (even.length <= fewest.length) return even;
  }
  return fewest;
}
