// Temporal expressions: find them in a text (recognise) and give each a calendar span (resolve).
//
// Recognition runs the families of patterns (families/: days, months, seasons, years, holidays, the narrative's
// times, the document's own), each a small regular expression with named groups and none with nested quantifiers, so
// a match costs time linear in the text. Then refine.ts settles overlaps longest-first and joins neighbours ("-",
// "to", "and") into ranges. Resolution walks the mentions in reading order with an anchor (the last date the reader
// has seen) so that "the same year", "September" or "two years later" are read as a reader would read them.
import { days } from './families/days.ts';
import { deictic } from './families/deictic.ts';
import { holidays } from './families/holidays.ts';
import { months } from './families/months.ts';
import { narrative } from './families/narrative.ts';
import { quarters } from './families/quarters.ts';
import { seasons } from './families/seasons.ts';
import { years } from './families/years.ts';
import { german, germanTense } from './languages/de.ts';
import { spanish, spanishTense } from './languages/es.ts';
import { french, frenchTense } from './languages/fr.ts';
import { joinRanges, settleOverlaps } from './refine.ts';
import type { Candidate, Context, Match, Pattern, Tense, Timex } from './types.ts';

export type { Context, Tense, Timex } from './types.ts';

/**
 * In the order they are tried: of two candidates with the same extent, the earlier family's wins ("this summer" is a
 * season of the narrative before it is the document's).
 */
const ENGLISH = { days, months, quarters, seasons, years, holidays, narrative, deictic };
// Other languages: their own families first, then the years and year ranges written the same way in all of them.
const FAMILIES: Record<string, Record<string, Pattern[]>> = {
  en: ENGLISH,
  fr: { french, years },
  de: { german, years },
  es: { spanish, years },
};

/** The languages whose dates are read (the primary subtag of `lang`). */
export const DATE_LANGUAGES = Object.keys(FAMILIES);

/** How a language other than English tells a date's tense: from its words for the future (English reads it from
 * parts of speech, in extract/tense.ts). */
const TENSE_ABROAD: Record<string, (text: string) => (offset: number) => Tense> = {
  fr: frenchTense,
  de: germanTense,
  es: spanishTense,
};
export const tenseReaderAbroad = (lang: string | undefined) => TENSE_ABROAD[(lang ?? '').toLowerCase().split('-')[0]!];

/** The families for a language tag ("fr-CA" reads as French); English for any other. */
const familiesFor = (lang: string | undefined) => FAMILIES[(lang ?? 'en').toLowerCase().split('-')[0]!] ?? ENGLISH;

/** Every temporal expression in `text`, not overlapping, in text order, not yet given a date. */
/** What a transcript writes of a speaker's pauses. */
const FILLERS = /\b(?:uh|um|uhm|erm)\b/gi;

export function recognise(given: string, lang?: string): Candidate[] {
  // A speaker's "uh" is read as a pause ("last uh August" is last August): each becomes spaces, so offsets stay.
  const text = /^en\b/i.test(lang ?? 'en') ? given.replace(FILLERS, (word) => ' '.repeat(word.length)) : given;
  const found: Candidate[] = [];
  const families = Object.entries(familiesFor(lang)).flatMap(([family, patterns]) =>
    patterns.map((pattern) => ({ family, ...pattern })),
  );
  for (const { family, re, build, deictic: fromToday } of families) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const resolve = build(m as Match, text);
      if (!resolve) continue;
      // Leading "the" belongs to the expression ("the spring of 1998"); leading spaces from optional groups do not.
      const lead = m[0].length - m[0].trimStart().length;
      const trail = m[0].length - m[0].trimEnd().length;
      const { parts, quiet } = resolve as { parts?: [number, number][]; quiet?: boolean };
      found.push({
        family,
        start: m.index + lead,
        end: m.index + m[0].length - trail,
        resolve,
        parts,
        quiet,
        deictic: fromToday,
      });
    }
  }
  // "https://www.nytimes.com/2017/04/16/...": the digits of an address are no date.
  const links = [...text.matchAll(/\b(?:https?:\/\/|www\.)\S+/gi)].map((l) => [l.index, l.index + l[0].length]);
  const inLink = (c: Candidate) => links.some(([a, b]) => c.start < b! && c.end > a!);
  return joinRanges(text, settleOverlaps(links.length ? found.filter((c) => !inLink(c)) : found));
}

/**
 * Find and date every temporal expression in `text`, reading in order from `ctx` (which is updated as a reader's
 * sense of "now" moves on). Expressions that cannot be placed (a bare "May" before any year) are left out.
 */
/** @param onUnplaced told of each expression that cannot be placed, and whether it counts from the text's own date */
export function tagTimexes(
  text: string,
  ctx: Context,
  onUnplaced?: (offset: [number, number], deictic: boolean) => void,
): Timex[] {
  const out: Timex[] = [];
  // A range whose ends are no range ("January 10, 2024 - last week": a dateline, then the story) is its two dates.
  const read = recognise(text, ctx.lang).flatMap((c) => (c.pieces && !c.resolve({ ...ctx }, c.start) ? c.pieces : [c]));
  for (const c of read) {
    const span = c.resolve(ctx, c.start);
    if (!span) {
      if (!c.quiet) onUnplaced?.([c.start, c.end], !!c.deictic);
      continue;
    }
    const { explicit: isExplicit, ...rest } = span;
    out.push({
      ...rest,
      text: text.slice(c.start, c.end),
      offset: [c.start, c.end],
      parts: c.parts,
      explicit: isExplicit,
      family: c.family,
    });
    // "now" and "the future" say where the teller stands, not where the story is; nor does a date of the past told in
    // an aside ("the port, inaugurated in 2007," in a report of 2024: the next "in autumn" is 2024's).
    const aside = ctx.anchor && rest.end < ctx.anchor.start && inAside(text, c.start, c.end);
    if (!isReference(rest.value) && !aside)
      ctx.anchor = { value: rest.value, start: rest.start, end: rest.end, precision: rest.precision };
    if (rest.precision === 'day' && rest.start !== rest.end) ctx.days = ctx.anchor;
  }
  return out;
}

/** A date in an aside set off by a comma after a noun: a participle's (", inaugurated in 2007,", ", inaugurado en
 * 2007") or a relative clause's (", which opened in 2007"), closed by a comma or the sentence's end (", published in
 * 1724 with the help of Goldbach. Two years later ..." goes on with the story: GUM's Bernoulli). */
function inAside(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (!/^\s*(?:[,.;)]|$)/u.test(text.slice(end, end + 2))) return false;
  return (
    /,\s*(?:which|who|que|qui|der|die|das)\s[^,.;:!?]*$/iu.test(before) ||
    /,\s*(?:first\s+|also\s+)?\p{Ll}+(?:ed|en|wn|lt|ado|ada|ados|adas|ido|ida|idos|idas|é|ée|és|ées|i|ie|u|ue)\s+(?:(?:in|on|en|au|à|el|le)\s+)?$/u.test(
      before,
    )
  );
}

/** How many of a text's date expressions are read from the document's own date ("yesterday", "on Friday"). */
export const countDeictic = (text: string, lang?: string) => recognise(text, lang).filter((c) => c.deictic).length;

/** PRESENT_REF, PAST_REF, FUTURE_REF: the teller's now, before and after, not a date on the calendar. */
export const isReference = (value: string) => value.endsWith('_REF');

/**
 * The languages a text's own date lines are read in: English and the text's language. Each language's patterns cost
 * tens of milliseconds to compile the first time they run, so an English text never pays for the other three.
 */
export const dateLanguagesFor = (lang: string | undefined): string[] => {
  const primary = (lang ?? 'en').toLowerCase().split('-')[0]!;
  return primary !== 'en' && DATE_LANGUAGES.includes(primary) ? ['en', primary] : ['en'];
};

/** The first date in a short text, for colophons and front matter ("compiled on May 25, 2006"). */
export function firstDate(
  text: string,
  reference: string | null = null,
  languages: readonly string[] = DATE_LANGUAGES,
): Timex | null {
  // In English first, then in each language given (all, when the text's language is not known yet): a dateline
  // "PARIS, 5 mars 2024 (AFP)" or a compile line.
  // The one that starts first, the longest on a tie: "5 mars 2024" is a day, not the year English finds in it.
  const found = languages
    .map((lang) => tagTimexes(text, { anchor: null, reference, lang })[0])
    .filter((t): t is Timex => !!t);
  return found.sort((a, b) => a.offset[0] - b.offset[0] || b.offset[1] - a.offset[1])[0] ?? null;
}
