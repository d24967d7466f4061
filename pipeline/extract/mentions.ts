// Every temporal expression of an essay, in reading order, dated and pointing back into the source text.
import { type Essay, isRead, type Mention, type Paragraph, type Segment } from '../core/model.ts';
import { toSource, toSourceEnd } from '../core/source-map.ts';
import { parseIsoDay, type Span } from '../dates/calendar.ts';
import { type Context, countDeictic, tagTimexes, tenseReaderAbroad } from '../dates/timex/index.ts';
import { tag as tagWords } from './language.ts';
import { tenseReader } from './tense.ts';

export interface LocatedMention extends Mention {
  /** 1-based sentence of the paragraph the mention sits in. */
  sentence: number;
  /** True when the text states the year itself. */
  explicit: boolean;
  /** For a range, the source offsets of its two ends. */
  parts?: [number, number][];
  /** Where it sits in its paragraph's plain text; absent for a date in a section heading. */
  at?: [number, number];
  /** The family of date patterns that read it ("months"). */
  family: string;
  /** "Today textile mills take their place", "Ferries run daily in summer": no time of the story (see isTimeless). */
  timeless?: true;
}

/** @param onUnplaced told of each date expression that cannot be placed in time (a bare "May" before any year) */
export function findMentions(
  essay: Essay,
  reference: string | null,
  onUnplaced?: (offset: [number, number], deictic: boolean) => void,
): LocatedMention[] {
  const stated = statedDates(essay);
  const deictic = essay.paragraphs.reduce((n, p) => n + countDeictic(p.text, essay.lang), 0);
  const english = isEnglish(essay.lang);
  const ctx: Context = {
    anchor: null,
    lang: essay.lang,
    reference,
    fallback: stated[0] ?? null,
    news: toldFromItsDate(stated, deictic, reference) || datedLikeNews(essay),
  };
  const mentions: LocatedMention[] = [];
  const tag = (text: string, segments: Segment[], paragraph: Paragraph) => {
    const unplaced = (offset: [number, number], deictic: boolean) =>
      onUnplaced?.([toSource(segments, offset[0]), toSourceEnd(segments, offset[1])], deictic);
    // Tense is read from English parts of speech; in French, German and Spanish from the future's words.
    ctx.tenseAt = english ? tenseReader(tagWords(text)) : tenseReaderAbroad(essay.lang)?.(text);
    for (const timex of tagTimexes(text, ctx, unplaced)) {
      const start = toSource(segments, timex.offset[0]);
      const end = toSourceEnd(segments, timex.offset[1]);
      const sentence = paragraph.sentences.find((s) => s.offset[1] > start) ?? paragraph.sentences.at(-1);
      mentions.push({
        text: essay.source.slice(start, end),
        value: timex.value,
        start: timex.start,
        end: timex.end,
        precision: timex.precision,
        paragraph: paragraph.n,
        offset: [start, end],
        sentence: sentence?.n ?? 1,
        explicit: timex.explicit,
        family: timex.family,
        ...(isTimeless(text, timex.offset, ctx) ? { timeless: true as const } : {}),
        ...(paragraph.sentences.length ? { at: timex.offset } : {}),
        ...(timex.parts
          ? { parts: timex.parts.map(([a, b]) => [toSource(segments, a), toSource(segments, b)] as [number, number]) }
          : {}),
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
    if (isRead(paragraph)) tag(paragraph.text, paragraph.segments, paragraph);
  }
  return mentions;
}

/**
 * No time of the story: a "today" of the present tense in a text not told from its own date ("Today textile mills take
 * their place"), or a season in the present tense, which comes round every year ("Ferries run daily in summer"). Not
 * in the present progressive ("is visiting today").
 */
function isTimeless(text: string, [start, end]: [number, number], ctx: Context): boolean {
  const words = text.slice(start, end);
  // (and a season alone in French or Spanish, in a text not told from its date: "En verano, conviene visitar"; told
  // from it, the present is the future's there. Not in German, whose simple past has no word of its own to tell it
  // from the present: "Im Sommer reiste er nach Paris".)
  const season =
    /^(?:the\s+)?(?:spring|summer|autumn|fall|winter)s?$/i.test(words) ||
    (!ctx.news && /^(?:printemps|été|automne|hiver|primavera|verano|otoño|invierno)$/iu.test(words));
  if (!ctx.tenseAt || !(season || (!ctx.news && /^today$/i.test(words)))) return false;
  const stop = text.indexOf('. ', end);
  const sentence = text.slice(text.lastIndexOf('. ', start) + 1, stop < 0 ? undefined : stop);
  const state = ctx.tenseAt(start) === 'present' || /\b(?:can|may)\s+(?:not\s+)?\p{Ll}/u.test(sentence);
  return state && !/\b(?:is|are|am)\s+\w+ing\b/i.test(sentence);
}

/** English, or a variety of it ("en-GB"): the language the word tools (parts of speech, tense, summaries) read. */
export const isEnglish = (lang: string | undefined) => !lang || /^en(?:-|$)/i.test(lang);

/**
 * A dateline, a date line of its own or a dated title: the marks of a text told from its own date; and a speech, a
 * press release and an interview are told from theirs by what they are ("my posting ends next summer" is next summer
 * from the interview, not from the last year it names).
 */
const datedLikeNews = (essay: Essay) =>
  essay.dateSource === 'dateline' ||
  essay.dateSource === 'date line' ||
  essay.dateSource === 'title' ||
  essay.genre === 'speech' ||
  essay.genre === 'press release' ||
  essay.genre === 'interview';

/** The dates each paragraph states outright (with their year), in reading order. */
function statedDates(essay: Essay): Span[] {
  return essay.paragraphs.flatMap((p) =>
    tagTimexes(p.text, { anchor: null, reference: null, lang: essay.lang }).filter((t) => t.explicit),
  );
}

/**
 * A story told from its own date (news, a report, a speech) rather than a narrative of the past: it has a date, and
 * it counts from it ("yesterday", "on Friday", "last year") or most of the years it states lie within a year of it.
 * Its dates without a year are then read from that date.
 */
function toldFromItsDate(stated: Span[], deictic: number, reference: string | null): boolean {
  if (!reference) return false;
  const year = parseIsoDay(reference).year;
  const near = stated.filter((t) => Math.abs(parseIsoDay(t.start).year - year) <= 1).length;
  return near * 2 >= stated.length || deictic * 3 >= stated.length;
}
