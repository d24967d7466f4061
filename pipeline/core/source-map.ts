// Where a character of a paragraph's plain text sits in the source file. Plain-text paragraphs map one to one;
// Markdown paragraphs map piece by piece (escapes and entities make a piece's text shorter than its source).

import type { Segment } from './model.ts';

/** The last piece that starts at or before `index`, or undefined if none does. */
function segmentAt(segments: Segment[], index: number): Segment | undefined {
  let lo = 0,
    hi = segments.length - 1,
    found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.text <= index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return segments[found];
}

export function toSource(segments: Segment[], index: number): number {
  const segment = segmentAt(segments, index) ?? segments[0];
  if (!segment) return index;
  const within = Math.max(0, index - segment.text);
  return segment.source + (segment.exact ? Math.min(within, segment.length) : within === 0 ? 0 : segment.length);
}

/**
 * Where the character before `index` ends in the source: the end of a stretch of text. At the edge of two pieces it
 * is the end of the first (a date just before a citation or a closing "*" ends where its words do).
 */
export function toSourceEnd(segments: Segment[], index: number): number {
  const segment = index > 0 ? segmentAt(segments, index - 1) : undefined;
  if (!segment) return toSource(segments, index);
  return segment.exact
    ? segment.source + Math.min(index - segment.text, segment.length)
    : segment.source + segment.length;
}
