// Where a character of a paragraph's plain text sits in the source file. Plain-text paragraphs map one to one;
// Markdown paragraphs map piece by piece (escapes and entities make a piece's text shorter than its source).

import type { Segment } from './model.ts';

export function toSource(segments: Segment[], index: number): number {
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
  const segment = segments[Math.max(found, 0)];
  if (!segment) return index;
  const within = Math.max(0, index - segment.text);
  return segment.source + (segment.exact ? Math.min(within, segment.length) : within === 0 ? 0 : segment.length);
}
