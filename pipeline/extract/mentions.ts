// Every temporal expression of an essay, in reading order, dated and pointing back into the source text.
import type { Essay, Mention, Paragraph, Segment } from '../model.ts';
import { toSource } from '../parse/source-map.ts';
import { type Context, tagTimexes } from './timex.ts';

export interface LocatedMention extends Mention {
  /** 1-based sentence of the paragraph the mention sits in. */
  sentence: number;
  /** True when the text states the year itself. */
  explicit: boolean;
  /** For a range, the source offsets of its two ends. */
  parts?: [number, number][];
}

/** A news story's dateline: "Washington, 29 July 1997 (Agency) -" at the start of the first paragraph. */
const DATELINE = /^[\p{Lu}][\p{L} .'-]{1,40},\s*([^()\n]{4,30}?)\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]\s/u;

/** The date "today" means in this essay: its dateline, compile date or front matter, else the one given. */
export function referenceDate(essay: Essay, fallback: string | null): string | null {
  const lead = essay.paragraphs[0]?.text ?? '';
  const dateline = DATELINE.exec(lead);
  if (dateline) {
    const [timex] = tagTimexes(dateline[1]!, { anchor: null, reference: null });
    if (timex?.precision === 'day') return timex.start;
  }
  return essay.compiled ?? fallback;
}

/** @param onUnplaced told of each date expression that cannot be placed in time (a bare "May" before any year) */
export function findMentions(essay: Essay, reference: string | null, onUnplaced?: (offset: [number, number]) => void): LocatedMention[] {
  const ctx: Context = { anchor: null, reference, fallback: firstStatedDate(essay) };
  const mentions: LocatedMention[] = [];
  const tag = (text: string, segments: Segment[], paragraph: Paragraph) => {
    const unplaced = (offset: [number, number]) => onUnplaced?.([toSource(segments, offset[0]), toSource(segments, offset[1])]);
    for (const timex of tagTimexes(text, ctx, unplaced)) {
      const start = toSource(segments, timex.offset[0]);
      const end = toSource(segments, timex.offset[1]);
      const sentence = paragraph.sentences.find((s) => s.offset[1] > start) ?? paragraph.sentences.at(-1);
      mentions.push({
        text: essay.source.slice(start, end), value: timex.value, start: timex.start, end: timex.end, precision: timex.precision,
        paragraph: paragraph.n, offset: [start, end], sentence: sentence?.n ?? 1, explicit: timex.explicit,
        ...(timex.parts ? { parts: timex.parts.map(([a, b]) => [toSource(segments, a), toSource(segments, b)] as [number, number]) } : {}),
      });
    }
  };
  let section = -1;
  for (const paragraph of essay.paragraphs) {
    // A section heading is read when its first paragraph is: "Eastern Theater 1861-1863" sets the years that follow.
    // Its mentions cite that paragraph; they are not sentences of it, so they never make events of their own.
    for (; section < paragraph.section; section++) {
      const heading = essay.sections[section + 1]?.heading;
      if (heading) tag(heading.text, heading.segments, { ...paragraph, sentences: [] });
    }
    tag(paragraph.text, paragraph.segments, paragraph);
  }
  return mentions;
}

function firstStatedDate(essay: Essay) {
  for (const paragraph of essay.paragraphs) {
    const stated = tagTimexes(paragraph.text, { anchor: null, reference: null }).find((t) => t.explicit);
    if (stated) return stated;
  }
  return null;
}
