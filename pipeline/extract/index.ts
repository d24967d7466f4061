// The extract stage: an Essay in, its Chronology out (validated against the contract's schema).
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { toldFrom } from '../core/essay-date.ts';
import { type Chronology, type Essay, isRead } from '../core/model.ts';
import { toSource } from '../core/source-map.ts';
import { compareDays } from '../dates/calendar.ts';
import { DATE_LANGUAGES } from '../dates/timex/index.ts';
import { type Found, findAcronyms, findNames, mergeAliases } from './actors.ts';
import { bareName, buildEvents, type Restatement, speakerOf } from './events.ts';
import { forgetTags, tag } from './language.ts';
import type { LocatedMention } from './mentions.ts';
import { findMentions, isEnglish } from './mentions.ts';
import { isTitleWord, PARTICLES, TITLES_ABROAD } from './names/lexicon.ts';
import type { Perceptron } from './perceptron.ts';
import { findRoles } from './roles.ts';
import { reportSpellings } from './spelling.ts';

export interface ExtractOptions {
  /** --reference-date: what "today" means when the essay gives no date of its own. */
  referenceDate?: string | null;
  /** Check spellings here (default). A build turns this off and checks them while Chromium prints. */
  spelling?: boolean;
  /** The name recogniser to use instead of the shipped one (cross-validation fits its own). */
  names?: Perceptron | null;
}

export function extractChronology(essay: Essay, options: ExtractOptions = {}, file?: VFile): Chronology {
  const steps = extractionSteps(essay, options, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same, letting the event loop run between its steps: a build reads the essay while Chromium starts, and the
 * browser's start-up and its pages' set-up are messages Node must answer (a tenth of a second or more of round trips
 * that would otherwise wait for the whole extraction).
 */
export async function extractChronologyAside(essay: Essay, options: ExtractOptions = {}, file?: VFile) {
  const steps = extractionSteps(essay, options, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The extraction, a step at a time: each `yield` is a point where the caller may let other work run. */
function* extractionSteps(essay: Essay, options: ExtractOptions, file?: VFile): Generator<void, Chronology> {
  const reference = toldFrom(essay, options.referenceDate ?? null);
  const place = file ? location(file) : null;
  const at = (offset: [number, number]) => {
    const start = place?.toPoint(offset[0]),
      end = place?.toPoint(offset[1]);
    return start && end ? { start, end } : undefined;
  };
  const mentions = findMentions(essay, reference, (offset, deictic) => {
    const why = deictic
      ? 'it counts from the text\'s own date, which the text does not give: add a date line under the title ("22 July 2022"), `date:` in front matter, or --reference-date'
      : 'no year before it to read it by';
    file?.message(`Date "${essay.source.slice(...offset)}" cannot be placed in time: ${why}`, {
      place: at(offset),
      ruleId: 'unplaced-date',
      source: 'briefing',
    });
  });
  yield;
  const english = isEnglish(essay.lang);
  const acronyms: Record<string, string> = {};
  for (const paragraph of essay.paragraphs) Object.assign(acronyms, { ...findAcronyms(paragraph.text), ...acronyms });
  const names = new Map(
    [...namesByParagraph(essay, acronyms, options.names)].map(([n, found]) => [
      n,
      found
        .map((f) => withoutDates(f, essay.source, mentions))
        // (abroad, what a date leaves of a person is one still only with two words: "1. Juli Anträge")
        .filter((f): f is Found => f !== null && (english || f.type !== 'person' || f.name.includes(' '))),
    ]),
  );
  yield;
  const all = [...names.values()].flat();
  const byType = (type: Found['type']) => [...new Set(all.filter((f) => f.type === type).map((f) => f.name))];
  const roles = findRoles(essay.paragraphs.map((p) => p.text).join('\n\n'), byType('person'));
  yield;
  const notes = extractionNotes(file, at);
  const events = buildEvents(essay, mentions, names, roles, notes.restated, notes.dropped);
  if (file) reportOutOfOrder(events, mentions, file, at);
  // The spelling dictionary is English: another language is not checked rather than checked wrongly.
  if (file && options.spelling !== false && isEnglish(essay.lang)) reportSpellings(essay, file);
  const primary = essay.lang.toLowerCase().split('-')[0]!;
  if (file && !DATE_LANGUAGES.includes(primary))
    file.message(
      `Dates are read in English, French, German and Spanish; this essay is in "${essay.lang}": its dates are read as English ones`,
      { ruleId: 'language', source: 'briefing' },
    );
  if (file) reportBidiControls(essay.source, file, at);
  if (events.length === 0 && file) {
    file.message('No dated events found: the products will say so', { ruleId: 'no-dates', source: 'briefing' });
  }
  const chronology: Chronology = {
    title: essay.title,
    compiled: essay.compiled,
    events,
    mentions: mentions.map(({ text, value, start, end, precision, paragraph, offset }) => ({
      text,
      value,
      start,
      end,
      precision,
      paragraph,
      offset,
    })),
    people: withSpeaker(byType('person'), essay, roles),
    organizations: byType('organization'),
    places: byType('place'),
    acronyms,
    roles: Object.fromEntries(roles),
  };
  forgetTags(); // extraction is synchronous: no other essay's tags are in the cache
  // (Checked against the contract where it is written: products/json, and the API.)
  return chronology;
}

/** Names are found over the whole essay at once, so what one paragraph settles ("Heydar Aliyev" is a person) helps
 * read another; each is then filed under its paragraph, in source offsets. */
function namesByParagraph(
  essay: Essay,
  acronyms: Record<string, string>,
  recogniser?: Perceptron | null,
): Map<number, Found[]> {
  const starts: number[] = [];
  let joined = '';
  const datelines: Found[] = [];
  // Words that point elsewhere in the document (a cited author, "Figure 2") name no one in the story.
  const pointers: [number, number][] = [];
  for (const paragraph of essay.paragraphs) {
    starts.push(joined.length);
    let at = joined.length;
    for (const run of paragraph.runs) {
      if (run.target && run.text) pointers.push([at, at + run.text.length]);
      at += run.text.length;
    }
    // A dateline names where the story was filed and who filed it: its place is a place, its agency nobody's actor.
    const dateline = paragraph.dateline ?? 0;
    const place = /^\p{Lu}[\p{L}.' -]*?(?=,|\s*\()/u.exec(paragraph.text.slice(0, dateline))?.[0].trim();
    if (place) {
      const name =
        place === place.toUpperCase() ? place.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase()) : place;
      datelines.push({ name, type: 'place', start: joined.length, end: joined.length + place.length });
    }
    joined += !isRead(paragraph)
      ? `${' '.repeat(paragraph.text.length)}\n\n`
      : `${' '.repeat(dateline) + paragraph.text.slice(dateline)}\n\n`;
  }
  const names = new Map<number, Found[]>(essay.paragraphs.map((p) => [p.n, []]));
  const found = mergeAliases(
    [
      ...datelines,
      ...findNames(joined, tag(joined), recogniser, acronyms).filter(
        (found) => !pointers.some(([from, to]) => found.start < to && found.end > from),
      ),
    ].sort((a, b) => a.start - b.start),
    acronyms,
    essay.title,
  );
  const all = isEnglish(essay.lang) ? found : namesAbroad(found, joined);
  let index = 0;
  for (const found of all) {
    while (index + 1 < starts.length && starts[index + 1]! <= found.start) index++;
    const paragraph = essay.paragraphs[index]!;
    const at = (offset: number) => toSource(paragraph.segments, offset - starts[index]!);
    names.get(paragraph.n)!.push({ ...found, start: at(found.start), end: at(found.end) });
  }
  return names;
}

/** Where in the source a message points: its first and last line and column. */
type Place = { start: { line: number; column: number }; end: { line: number; column: number } };

/** The notes extraction gives (printed with --verbose): an event told twice, and a date that makes no row, and why. */
function extractionNotes(file: VFile | undefined, at: (offset: [number, number]) => Place | undefined) {
  return {
    restated: ({ again, first }: Restatement) =>
      file?.info(
        `The event of ${again.text} (\u00b6 ${again.paragraph}) was told before (\u00b6 ${first.paragraph}): one chronology row`,
        { place: at(again.offset), ruleId: 'duplicate-event', source: 'briefing' },
      ),
    // Why a date the reader sees makes no row: the rule that kept it out, named.
    dropped: (mention: LocatedMention, rule: string) =>
      file?.info(`Date "${mention.text}" makes no row: it is ${rule}`, {
        place: at(mention.offset),
        ruleId: 'no-event',
        source: 'briefing',
      }),
  };
}

/**
 * A speech's speaker is one of its people though the text says "I": the one its author line or title names
 * ("Remarks by President Maria Silva at ..." -> Maria Silva, her role President), first; so is the one an interview
 * is with ("Interview with Ambassador Lena Holm").
 */
function withSpeaker(people: string[], essay: Essay, roles: Map<string, string>): string[] {
  const speaker = essay.genre === 'speech' || essay.genre === 'interview' ? speakerOf(essay) : null;
  if (!speaker) return people;
  const name = bareName(speaker);
  // A name of two capitalised words or more; "the Minister" or an office names no one in particular.
  const words = name.split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w)) || words.every(isTitleWord)) return people;
  const role = speaker.slice(0, speaker.length - name.length).trim();
  if (role && !roles.has(name)) roles.set(name, role);
  return [name, ...people.filter((p) => p !== name)];
}

/**
 * A date names no one: a name that runs into one ends before it ("Bill Clinton Saturday", "University of Rochester
 * for Saturday"), and one that is a date, or no name without it ("Earlier Sunday"; in German "Ende Juni", capitalised
 * as nouns are), is none.
 */
function withoutDates(found: Found, source: string, mentions: LocatedMention[]): Found | null {
  const date = mentions.find((m) => m.offset[0] < found.end && found.start < m.offset[1]);
  if (!date) return found;
  const before = source.slice(found.start, Math.max(found.start, date.offset[0])).replace(LINKS_AT_END, '');
  const afterFrom = Math.min(found.end, date.offset[1]);
  const after = source.slice(afterFrom, found.end).replace(LINKS_AT_START, '');
  // What is left is a name only if it holds one ("Earlier Sunday" leaves an adverb).
  const isName = (text: string) => /^\p{Lu}/u.test(text) && tag(text).some((t) => t.pos === 'PROPN');
  if (isName(before)) return { ...found, name: before.replace(/\s+/g, ' '), end: found.start + before.length };
  if (!isName(after)) return null;
  const start = found.end - after.length;
  return { ...found, name: after.replace(/\s+/g, ' '), start };
}

const LINKS_AT_END = /(?:[\s,]+(?:for|on|in|at|of|and|the))*[\s,]+$|^\s+$/i;
const LINKS_AT_START = /^(?:[\s,']+|\s*(?:on|in|at|of|and)\s+)+/i;

/** An essay that goes back in time is fine, but a reader should know: say where the text's order leaves the dates'. */
function reportOutOfOrder(
  events: Chronology['events'],
  mentions: LocatedMention[],
  file: VFile,
  at: (offset: [number, number]) => Place | undefined,
) {
  const told = [...events].sort(
    (a, b) => a.source.paragraph - b.source.paragraph || a.source.sentence - b.source.sentence,
  );
  // Each step back in time is noted once, against the event told just before it.
  told.forEach((event, i) => {
    const previous = told[i - 1];
    if (!previous || compareDays(event.date.end, previous.date.start) >= 0) return;
    const mention = mentions.find((m) => m.paragraph === event.source.paragraph && m.value === event.date.value);
    file.info(
      `Events out of order: ${event.date.text} (\u00b6 ${event.source.paragraph}) is told after ${previous.date.text} (\u00b6 ${previous.source.paragraph})`,
      {
        place: mention ? at(mention.offset) : undefined,
        ruleId: 'out-of-order',
        source: 'briefing',
      },
    );
  });
}

/**
 * Characters that reorder text as it is shown (U+202A-U+202E, U+2066-U+2069): invisible, and able to make a line read
 * otherwise than it is written ("Trojan Source"). Flagged, never removed.
 */
function reportBidiControls(
  source: string,
  file: VFile,
  at: (offset: [number, number]) => ReturnType<Parameters<typeof reportOutOfOrder>[3]>,
) {
  for (const m of source.matchAll(/[\u202a-\u202e\u2066-\u2069]/g)) {
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase();
    file.message(`Bidirectional control character U+${code}: it changes how the text around it is shown`, {
      place: at([m.index, m.index + 1]),
      ruleId: 'bidi-control',
      source: 'briefing',
    });
  }
}

/**
 * In a text of another language the recogniser, learned from English, runs names on into the sentence ("Heydar Aliyev
 * firmó en Bruselas") and takes sentence words for people ("Partenariat"). A name ends at its first word in lower case
 * (name particles such as "de" and "van" aside); a person has two words or more (a surname alone follows its full
 * name, and merges with it).
 */
/** Name particles, and the words that join the parts of a body's name in French, German and Spanish. */
const LINKS = new Set([...PARTICLES, 'del', 'della', 'des', 'dos', 'das', 'y', 'e', 'et', 'und', 'für', 'pour']);

function trimmedAbroad(found: Found): Found | null {
  let words = found.name.split(' ');
  // "Präsident Heydar Aliyev": the title is a role, not part of the name.
  let titled = 0;
  while (found.type === 'person' && TITLES_ABROAD.has(words[titled]?.toLowerCase().replace(/\.$/, '') ?? '')) titled++;
  if (titled) {
    const lead = words.slice(0, titled).join(' ').length + 1;
    words = words.slice(titled);
    found = { ...found, name: words.join(' '), start: found.start + lead };
  }
  const cut = words.findIndex((w) => !/^\p{Lu}/u.test(w) && !LINKS.has(w.toLowerCase()));
  const kept = cut < 0 ? words : words.slice(0, cut);
  while (kept.length && LINKS.has(kept.at(-1)!.toLowerCase())) kept.pop();
  if (!kept.length || (found.type === 'person' && kept.length < 2)) return null;
  const name = kept.join(' ');
  return { ...found, name, end: found.start + name.length };
}

/** The names of a text in another language: those the recogniser found that can be names there, trimmed, and the
 * people after a title it missed. */
function namesAbroad(found: Found[], text: string): Found[] {
  const kept = found
    .filter((f) => f.type !== 'person' || !notAPersonAbroad(f, text))
    .map((f) => trimmedAbroad(withoutArticle(f)))
    .filter((f): f is Found => f !== null && !OPENS_NO_NAME.test(f.name.split(' ')[0]!));
  return [...kept, ...titledAbroad(text, kept)].sort((a, b) => a.start - b.start);
}

/** A title abroad, capitalised or not ("le président", "Präsident"), then two or three capitalised words. */
const TITLED_ABROAD = new RegExp(
  `(?<![\\p{L}])(?:${[...TITLES_ABROAD].map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\\.?\\s+(?<name>\\p{Lu}[\\p{L}'\u2019-]+(?:\\s+\\p{Lu}[\\p{L}'\u2019-]+){1,2})`,
  'gu',
);

/**
 * "le président Heydar Aliyev a signé", "Präsident Heydar Aliyev": the capitalised words after a title abroad are a
 * person, where the recogniser, learned from English, found no one there.
 */
function titledAbroad(text: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(TITLED_ABROAD)) {
    const name = m.groups!.name!;
    const start = m.index + m[0].length - name.length;
    if (found.some((f) => f.start < start + name.length && f.end > start)) continue;
    out.push({ name, type: 'person', start, end: start + name.length });
  }
  return out;
}

/** "la OTAN", "le Conseil": an article before a name is not the name's. */
/**
 * An article or a possessive before capitalised words abroad makes them a thing, not a person: "mit der Aufnahme
 * Aserbaidschans", "seinen Individuellen Partnerschaftsaktionsplan" (German capitalises its nouns), "le Partenariat".
 */
const DETERMINERS_ABROAD =
  'der|die|das|den|dem|des|ein|eine[mnrs]?|sein(?:e[mnrs]?)?|ihr(?:e[mnrs]?)?|unser(?:e[mnrs]?)?|diese[mnrs]?|le|la|les|du|des|au|aux|un|une|son|sa|ses|leurs?|cette?|el|los|las|del|al|una?|sus?|est[ae]';
const DETERMINED = new RegExp(`(?:^|[^\\p{L}])(?:${DETERMINERS_ABROAD})\\s+$`, 'iu');
/** Words that open a sentence and no name: determiners, pronouns, prepositions ("Según el Ministerio", "Ihr Vater",
 * "Jedes Jahr", "Il y a"). */
const OPENS_NO_NAME = new RegExp(
  `^(?:${DETERMINERS_ABROAD}|à|a|il|elle|ils|elles|on|nous|vous|er|sie|es|wir|él|ella|ellos|ellas|nosotros|jede[mnrs]?|chaque|cada|alle|tous|toutes|todos|todas|selon|après|avant|avec|chez|contre|dans|depuis|dès|durant|entre|malgré|par|parmi|pendant|pour|sans|sous|sur|vers|laut|gemäß|nach|seit|während|wegen|über|unter|mit|bei|für|gegen|ohne|según|desde|durante|hacia|hasta|para|por|sobre|tras|ante|bajo|con|sin)$`,
  'iu',
);

/** Abroad, capitalised words are no person after an article or a number ("mit der Aufnahme", "3 Milliarden Euro"),
 * nor when they open on a determiner or a preposition ("Ihr Vater", "Según el Ministerio"). */
function notAPersonAbroad(found: Found, text: string): boolean {
  const before = text.slice(Math.max(0, found.start - 12), found.start);
  return DETERMINED.test(before) || /\d\s+$/u.test(before) || OPENS_NO_NAME.test(found.name.split(' ')[0]!);
}

function withoutArticle(found: Found): Found {
  const article = /^(?:la|le|les|l'|el|los|las|der|die|das|den|dem)\s*(?=\p{Lu})/iu.exec(found.name)?.[0];
  return article ? { ...found, name: found.name.slice(article.length), start: found.start + article.length } : found;
}
