// Temporal expressions: find them in a text (recognise) and give each a calendar span (resolve).
//
// Recognition is a set of small regular expressions, none with nested quantifiers, so a match costs time linear in
// the text. Candidates that overlap are settled longest-first; neighbours joined by "-", "to" or "and" become ranges.
// Resolution walks the mentions in reading order with an anchor (the last date the reader has seen) so that "the same
// year", "September" or "two years later" are read as a reader would read them.

import {
  centurySpan,
  compareDays,
  daySpan,
  decadeSpan,
  fromDayNumber,
  isoDay,
  isValidDay,
  monthSpan,
  type Part,
  parseIsoDay,
  partOf,
  rangeSpan,
  type Season,
  type Span,
  seasonSpan,
  toDayNumber,
  weekday,
  weekSpan,
  yearSpan,
} from './calendar.ts';

/** The tense of a clause, as extract/tense.ts reads it: which way from the document's date a bare date lies. */
export type Tense = 'past' | 'present' | 'future' | 'prospective';

export interface Context {
  /** The date the reader last saw: what "the same year" or a bare "July 3" refer to. */
  anchor: Span | null;
  /** The document's own date (dateline, compile date, front matter, --reference-date): "yesterday", "on Friday". */
  reference: string | null;
  /** The first date the text states: the anchor for a bare "July 3" read before any year (not today's year). */
  fallback?: Span | null;
  /**
   * True for a text told from its own date (a news story, a report, a speech): a "July 3" or "December" without a
   * year is then the nearest one to that date in the direction the tense gives, not the narrative's last year.
   */
  news?: boolean;
  /** The tense of the clause at an offset of the text being tagged (see tense.ts); past when not given. */
  tenseAt?: (offset: number) => Tense | null;
}

export interface Timex extends Span {
  text: string;
  /** [start, end) into the text that was searched. */
  offset: [number, number];
  /** For a range, the offsets of its two ends (TimeML corpora tag them separately). */
  parts?: [number, number][];
  /** True when the text states the year itself; false when it was taken from the anchor or the reference date. */
  explicit: boolean;
}

/** @param at where the expression starts in the text, for the tense of its clause */
type Resolver = (ctx: Context, at: number) => (Span & { explicit: boolean }) | null;

interface Candidate {
  start: number;
  end: number;
  resolve: Resolver;
  parts?: [number, number][];
  deictic?: boolean;
  /** Never worth a warning when it cannot be placed ("now" in a text with no date of its own). */
  quiet?: boolean;
}

// ---- vocabulary -------------------------------------------------------------------------------------------------

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const monthAbbreviations: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
// "Oct." anywhere, "Oct" only before a number ("Oct 10, 1945").
const MONTH = `(?:${monthNames.join('|')}|(?:${Object.keys(monthAbbreviations).join('|')})(?:\\.|(?=\\s\\d)))`;
const MONTH_FULL = `(?:${monthNames.join('|')})`;
const DAY = `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR4 = `(?:1\\d{3}|20\\d{2})`;
const ERA = `(?:BCE|BC|B\\.C\\.(?:E\\.)?|AD|A\\.D\\.|CE|C\\.E\\.)`;
const YEAR = `(?:${YEAR4}(?:\\s?${ERA}(?![a-z]))?|\\d{1,4}\\s?${ERA}(?![a-z])|A\\.?D\\.?\\s?\\d{1,4})`;
const SEASON = `(?:spring|summer|autumn|fall|winter)`;
const DASH = `\\s?[-\u2010\u2011\u2012\u2013\u2014]\\s?`;
const PART = `(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|middle)(?:-|\\s+))`;
const EDGE = `(?:(?:the\\s+)?(?:beginning|start|end|middle|close|turn|first\\s+half|second\\s+half|latter\\s+half|latter\\s+part|early\\s+part|first\\s+part)\\s+of\\s+(?:the\\s+)?)`;
const MOD = `(?:${PART}|${EDGE})?`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  several: NaN,
  few: NaN,
  some: NaN,
};
const COUNT = `(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})`;
const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Words that make a following bare month a date ("in May", "by early October"), not a verb or a modal. */
const MONTH_CUE =
  /\b(?:in|on|by|until|till|since|from|of|during|before|after|through|throughout|to|and|or|between|around|about|until|late|early|mid|that|this|last|next|following|previous|same|each|every)\s+(?:the\s+)?$/i;
/** Words before a number that make it a count or a label, not a year. */
const NOT_YEAR_BEFORE =
  /(?:\b(?:article|articles|art|page|pages|p|pp|no|nos|number|numbers|law|laws|act|resolution|decree|chapter|section|paragraph|item|vol|volume|flight|route|highway|room|code|model|type|division|regiment|brigade|corps|battalion|squadron|army|unit|platoon|company|fleet|group|point|points|hill|height|km|mile|miles|at|some|nearly|approximately|over|under|about|almost|than|exactly|total|totalling|totaling|of)\.?|[-$\u20ac\u00a3#\u2116\u00a7+=\d.,:/])\s*$/i;
/** Temporal prepositions: after these a four-digit number is a year even before a noun ("in 1994 troops ..."). */
const YEAR_CUE =
  /\b(?:in|since|until|till|by|from|during|before|after|between|through|early|late|mid|circa|c\.|year|years|spring|summer|autumn|fall|winter|to|and|of)\s+$/i;
/** After a number: units and plural nouns make it a count ("1500 soldiers"), not a year. */
const NOT_YEAR_AFTER =
  /^(?:\s*(?:%|percent|per\s+cent|(?:GMT|UTC|EDT|EST|CET|CEST|BST|PST|PDT|MSK|IST|JST|local\s+time|hours|hrs?)\b|[-\u2013]?(?:km|kg|mm|cm|m|kilomet|met|mile|ton|men|man|strong)\b)|[.,]\d|\s+[a-z]+s\b(?!\s+(?:of|in|at|on|and|the|a|after|before|when)\b))/;

// ---- reading numbers ------------------------------------------------------------------------------------------------

function monthOf(token: string): number {
  const word = token.toLowerCase().replace(/\.$/, '');
  const full = monthNames.indexOf(word);
  return full >= 0 ? full + 1 : (monthAbbreviations[word] ?? 0);
}

/** "1994" -> 1994; "490 BC" -> -489 (astronomical numbering, 1 BC = 0). */
function yearOf(token: string): number {
  const digits = Number(/\d+/.exec(token)![0]);
  return /B\.?C/i.test(token) ? 1 - digits : digits;
}

const dayOf = (token: string) => Number.parseInt(token, 10);

function seasonOf(word: string): Season {
  const w = word.toLowerCase();
  return w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : w === 'winter' ? 'WI' : 'FA';
}

function partOfWords(words: string | undefined): Part | null {
  if (!words) return null;
  const w = words.toLowerCase();
  if (/\b(?:early|beginning|start|first\s+half|first\s+part|early\s+part)\b/.test(w)) return 'early';
  if (/\b(?:late|end|close|turn|second\s+half|latter)\b/.test(w)) return 'late';
  if (/\b(?:mid|middle)\b/.test(w)) return 'mid';
  return null;
}

const withPart = (span: Span, words: string | undefined): Span => {
  const part = partOfWords(words);
  return part ? partOf(span, part) : span;
};

const explicit = (span: Span | null) => (span ? { ...span, explicit: true } : null);
const implicit = (span: Span | null) => (span ? { ...span, explicit: false } : null);

function anchorYear(ctx: Context): number | null {
  const anchor = ctx.anchor ?? ctx.fallback ?? (ctx.reference ? yearSpan(parseIsoDay(ctx.reference).year) : null);
  return anchor ? parseIsoDay(anchor.start).year : null;
}

/** Which way from the document's date a date told in this clause lies: forward in the future tense, else back. */
function towards(ctx: Context, at: number): 1 | -1 {
  const tense = ctx.tenseAt?.(at);
  return tense === 'future' || tense === 'prospective' ? 1 : -1;
}

/**
 * The year of a month (and day) written without one. In a text told from its own date it is the nearest such day in
 * the direction of the tense ("met in December" in a January story: last December; "will meet in March": this March);
 * in a narrative, the year the reader is in.
 */
function yearOfUnstated(ctx: Context, at: number, month: number, day = 0): number | null {
  // "will join on March 12" is told from the document's date even in a narrative of the past.
  const told = ctx.news || ctx.tenseAt?.(at) === 'future';
  if (!told || !ctx.reference) return anchorYear(ctx);
  const today = parseIsoDay(ctx.reference);
  const later = month > today.month || (month === today.month && day > today.day);
  const earlier = month < today.month || (month === today.month && day > 0 && day < today.day);
  if (towards(ctx, at) < 0) return later ? today.year - 1 : today.year;
  return earlier ? today.year + 1 : today.year;
}

/** "Monday, Oct. 26" without a year: the year near the one the text gives in which Oct. 26 is a Monday. */
function yearOfWeekday(ctx: Context, at: number, month: number, day: number, target: number): number | null {
  const y = yearOfUnstated(ctx, at, month, day);
  if (y === null) return null;
  return (
    [y, y - 1, y + 1].find((year) => isValidDay(year, month, day) && weekday(isoDay(year, month, day)) === target) ?? y
  );
}

const referenceDay = (ctx: Context): Span | null => (ctx.reference ? daySpan(...ymd(ctx.reference)) : null);

/** The weekday nearest the document's date: "last"/"next" step over it, else the tense says which way (same day counts). */
function nearWeekday(ctx: Context, at: number, target: number, which: string | undefined): Span | null {
  if (!ctx.reference) return null;
  const today = weekday(ctx.reference);
  const w = which?.toLowerCase();
  const forward = w === 'next' || w === 'coming' || (w !== 'last' && w !== 'past' && towards(ctx, at) > 0);
  let delta = forward ? (target - today + 7) % 7 : -((today - target + 7) % 7);
  if (delta === 0 && (w === 'next' || w === 'last')) delta = forward ? 7 : -7;
  return daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + delta)));
}

/** "last May", "this summer", "next year", "last week": counted from the document's date, not the narrative's. */
function deicticSpan(ctx: Context, which: string, unit: string): Span | null {
  const today = referenceDay(ctx);
  if (!today) return null;
  const { year, month } = parseIsoDay(today.start);
  const step = /last|past|previous/i.test(which) ? -1 : /next|coming/i.test(which) ? 1 : 0;
  const u = unit.toLowerCase().replace(/\s+/g, ' ');
  if (u === 'week') return weekSpan(fromDayNumber(toDayNumber(today.start) + 7 * step));
  if (u === 'weekend') {
    const week = weekSpan(fromDayNumber(toDayNumber(today.start) + 7 * step));
    return { ...week, value: `${week.value}-WE`, start: fromDayNumber(toDayNumber(week.end) - 1) };
  }
  if (u === 'month') return shiftSpan(monthSpan(year, month), 'month', step);
  if (/year$/.test(u)) return yearSpan(year + step);
  const named = monthOf(u);
  if (named) {
    // "last May" is the latest May before this month; "next May" the first after it; "this May" this year's.
    const y = step < 0 ? (named < month ? year : year - 1) : step > 0 ? (named > month ? year : year + 1) : year;
    return monthSpan(y, named);
  }
  const season = seasonOf(u);
  const thisOne = seasonSpan(year, season);
  if (step < 0) return compareDays(thisOne.end, today.start) < 0 ? thisOne : seasonSpan(year - 1, season);
  if (step > 0) return compareDays(thisOne.start, today.start) > 0 ? thisOne : seasonSpan(year + 1, season);
  return thisOne;
}

function dayOrNull(year: number, month: number, day: number): Span | null {
  return isValidDay(year, month, day) ? daySpan(year, month, day) : null;
}

function shiftSpan(anchor: Span, unit: string, count: number): Span | null {
  const { year, month } = parseIsoDay(anchor.start);
  if (unit.startsWith('year')) return yearSpan(year + count);
  if (unit.startsWith('decade')) return yearSpan(year + 10 * count);
  if (unit.startsWith('month')) {
    const index = year * 12 + (month - 1) + count;
    return monthSpan(Math.floor(index / 12), (index % 12) + 1);
  }
  if (anchor.precision !== 'day') return null; // "two days later" after "in May" has no day to count from
  const days = unit.startsWith('week') ? 7 * count : count;
  const { year: y, month: m, day: d } = parseIsoDay(fromDayNumber(toDayNumber(anchor.start) + days));
  return unit.startsWith('week') ? { ...daySpan(y, m, d), precision: 'day' } : daySpan(y, m, d);
}

/** A resolver that also says where the two ends of its range are (TimeML tags them separately). */
const withParts = (resolve: Resolver, parts: [number, number][]) => Object.assign(resolve, { parts });

/** Two days, of one year given or taken from the anchor; a range that runs over New Year starts the year before. */
function dayRange(yearToken: string | undefined, month1: number, day1: number, month2: number, day2: number): Resolver {
  return (ctx, at) => {
    const y = yearToken ? yearOf(yearToken) : yearOfUnstated(ctx, at, month2, day2);
    if (y === null) return null;
    const wraps = month1 > month2;
    const a = dayOrNull(wraps ? y - 1 : y, month1, day1),
      b = dayOrNull(y, month2, day2);
    if (!a || !b || compareDays(a.start, b.start) > 0) return null;
    const span = rangeSpan(a, b);
    return yearToken ? explicit(span) : implicit(span);
  };
}

// ---- patterns ----------------------------------------------------------------------------------------------------

interface Pattern {
  re: RegExp;
  build: (m: RegExpExecArray, text: string) => Resolver | null;
  /** Read from the document's own date ("yesterday", "on Friday", "last year"), whatever the narrative's. */
  deictic?: true;
}

const g = (source: string) => new RegExp(source, 'gid');
const capitalised = (token: string | undefined) => !!token && /^[A-Z]/.test(token);

const patterns: Pattern[] = [
  // July 27 - August 6, 1997; July 2 - 4, 1997; April 6-7 (year from the anchor)
  {
    re: g(
      `\\b(${MONTH})\\s+(${DAY})(${DASH}|\\s+to\\s+|\\s+and\\s+)(?:(${MONTH})\\s+)?(${DAY})\\b(?:,?\\s+(?:of\\s+)?(${YEAR})\\b)?(?!\\s*[-\u2013:.,]?\\d)`,
    ),
    build: (m) => {
      if (!capitalised(m[1]) || (m[4] && !capitalised(m[4])) || (m[4] && /and/.test(m[3]!))) return null;
      const at = m.indices!;
      return withParts(dayRange(m[6], monthOf(m[1]!), dayOf(m[2]!), monthOf(m[4] ?? m[1]!), dayOf(m[5]!)), [
        [at[1]![0], at[2]![1]],
        [(at[4] ?? at[5])![0], m.index + m[0].length],
      ]);
    },
  },
  // 27 July - 6 August 1997; 2-4 July 1997; 26-30 November (year from the anchor)
  {
    re: g(
      `\\b(${DAY})(?:\\s+(${MONTH}))?(${DASH}|\\s+to\\s+|\\s+and\\s+)(${DAY})\\s+(${MONTH})(?:,?\\s+(${YEAR})\\b)?`,
    ),
    build: (m) => {
      if ((m[2] && !capitalised(m[2])) || !capitalised(m[5]) || (m[2] && /and/.test(m[3]!))) return null;
      const at = m.indices!;
      return withParts(dayRange(m[6], monthOf(m[2] ?? m[5]!), dayOf(m[1]!), monthOf(m[5]!), dayOf(m[4]!)), [
        [at[1]![0], (at[2] ?? at[1])![1]],
        [at[4]![0], m.index + m[0].length],
      ]);
    },
  },
  // 4 May 1994, the 4th of May, 1994
  {
    re: g(`\\b(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(${YEAR})\\b`),
    build: (m) => (capitalised(m[2]) ? () => explicit(dayOrNull(yearOf(m[3]!), monthOf(m[2]!), dayOf(m[1]!))) : null),
  },
  // May 4, 1994
  {
    re: g(`\\b(${MONTH})\\s+(${DAY}),?\\s+(?:of\\s+)?(${YEAR})\\b`),
    build: (m) => (capitalised(m[1]) ? () => explicit(dayOrNull(yearOf(m[3]!), monthOf(m[1]!), dayOf(m[2]!))) : null),
  },
  // May 4 / the 4th of May (year from the anchor)
  {
    re: g(`\\b(${MONTH})\\s+(${DAY})\\b(?!\\s*[,.]?\\s*\\d|\\s*(?:${DASH})|:)`),
    build: (m) =>
      capitalised(m[1])
        ? (ctx, at) => {
            const y = yearOfUnstated(ctx, at, monthOf(m[1]!), dayOf(m[2]!));
            return y === null ? null : implicit(dayOrNull(y, monthOf(m[1]!), dayOf(m[2]!)));
          }
        : null,
  },
  {
    re: g(`\\b(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH})\\b(?!,?\\s*\\d)`),
    build: (m) =>
      capitalised(m[2]) && (/\D/.test(m[1]!) || !/of/i.test(m[0]))
        ? (ctx, at) => {
            const y = yearOfUnstated(ctx, at, monthOf(m[2]!), dayOf(m[1]!));
            return y === null ? null : implicit(dayOrNull(y, monthOf(m[2]!), dayOf(m[1]!)));
          }
        : null,
  },
  // March 1992, July-August 1997, May of 1997, the June of 1993, early October 1939
  {
    re: g(`(?:\\b|(?<=\\s))(${MOD})(?:the\\s+)?(${MONTH})(?:${DASH}(${MONTH}))?,?\\s+(?:of\\s+)?(${YEAR})\\b`),
    build: (m) => {
      if (!capitalised(m[2]) || (m[3] && !capitalised(m[3]))) return null;
      const resolve: Resolver = () => {
        const y = yearOf(m[4]!);
        const first = withPart(monthSpan(y, monthOf(m[2]!)), m[1]);
        return explicit(m[3] ? rangeSpan(first, monthSpan(y, monthOf(m[3]))) : first);
      };
      const at = m.indices!;
      return m[3]
        ? withParts(resolve, [
            [m.index, at[2]![1]],
            [at[3]![0], m.index + m[0].length],
          ])
        : resolve;
    },
  },
  // September of the same year, May of that year, June of the following year
  {
    re: g(
      `\\b(${MOD})(${MONTH_FULL})\\s+of\\s+(?:the\\s+)?(same|that|this|following|next|previous|preceding)\\s+year\\b`,
    ),
    build: (m) =>
      capitalised(m[2])
        ? (ctx) => {
            const y = anchorYear(ctx);
            if (y === null) return null;
            const shift = /following|next/i.test(m[3]!) ? 1 : /previous|preceding/i.test(m[3]!) ? -1 : 0;
            return implicit(withPart(monthSpan(y + shift, monthOf(m[2]!)), m[1]));
          }
        : null,
  },
  // the spring of 1998, summer 1942, early spring 1943
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(?:(early|late|mid)[-\\s]+)?(${SEASON})(?:\\s+of)?,?\\s+(${YEAR})\\b`),
    build: (m) => () => explicit(withPart(seasonSpan(yearOf(m[4]!), seasonOf(m[3]!)), m[1] || m[2])),
  },
  // the 1990s, the late 1990s, 1930s
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(\\d{3}0)'?s\\b`),
    build: (m) => () => explicit(withPart(decadeSpan(Number(m[2])), m[1])),
  },
  // the 18th century, the eighteenth-century, the 5th century BC
  {
    re: g(`\\b(${MOD})(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS.join('|')})[-\\s]century(?:\\s+(${ERA}))?`),
    build: (m) => () => {
      const word = m[2]!.toLowerCase();
      const ordinal = /\d/.test(word) ? Number.parseInt(word, 10) : ORDINAL_WORDS.indexOf(word) + 1;
      if (m[3] && /B/i.test(m[3])) return null; // BC centuries count backwards; not worth a wrong span
      return explicit(withPart(centurySpan(ordinal), m[1]));
    },
  },
  // 2002-2003, 1939-45, 479-478 BC
  {
    re: g(
      `(?<![\\d.,/-])(${YEAR4}|\\d{1,4}(?=${DASH}\\d{1,4}\\s?B\\.?C))${DASH}(\\d{4}|\\d{1,3})(?:\\s?(${ERA}))?(?![\\d/-]|[.,]\\d|\\s?%)`,
    ),
    build: (m) => {
      const bc = !!m[3] && /B/i.test(m[3]);
      if (!bc && !/^(?:1\d{3}|20\d{2})$/.test(m[1]!)) return null;
      const first = Number(m[1]);
      const second = !bc && m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
      const [a, b] = bc ? [1 - first, 1 - second] : [first, second];
      if (b <= a || b - a > 100) return null;
      const at = m.indices!;
      return withParts(
        () => explicit(rangeSpan(yearSpan(a), yearSpan(b))),
        [at[1]!, [at[2]![0], m.index + m[0].length]],
      );
    },
  },
  // early 1997, mid-1995, the end of 1943, 1994, 490 BC
  {
    re: g(`(?:\\b|(?<=\\s))(${MOD})(${YEAR})(?!\\w|[\u2019'](?!s\\b))`),
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const hasEra = /[A-Z]\.?$|^A/i.test(m[2]!.trim()) && /[a-z]/i.test(m[2]!);
      if (!m[1] && !hasEra) {
        if (NOT_YEAR_BEFORE.test(before) && !YEAR_CUE.test(before)) return null;
        if (NOT_YEAR_AFTER.test(after) && !YEAR_CUE.test(before)) return null;
        if (/^\s*[-\u2013]\s*\d/.test(after) || /^[.,]\d/.test(after)) return null;
      }
      return () => explicit(withPart(yearSpan(yearOf(m[2]!)), m[1]));
    },
  },
  // in May, by early October, until late September (year from the anchor)
  {
    re: g(`\\b(${PART}|${EDGE})?(${MONTH_FULL})\\b(?!\\s*\\d)`),
    build: (m, text) => {
      if (!capitalised(m[2])) return null;
      const ambiguous = /^(?:may|march)$/i.test(m[2]!);
      if (!m[1] && ambiguous && !MONTH_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      return (ctx, at) => {
        const y = yearOfUnstated(ctx, at, monthOf(m[2]!));
        return y === null ? null : implicit(withPart(monthSpan(y, monthOf(m[2]!)), m[1]));
      };
    },
  },
  // in the spring, that summer, the following winter, summer offensive (year from the anchor). "Fall" only after
  // "the", where it cannot be the verb or "the fall of Paris".
  {
    re: g(
      `\\b((?:the|that|this)\\s+)?((?:following|next|same|previous|preceding)\\s+)?((?:early|late|mid)[-\\s]+)?(spring|summer|autumn|winter|fall)\\b(?!\\s+of\\s)`,
    ),
    build: (m) => {
      if (/fall/i.test(m[4]!) && !(m[1] && /the/i.test(m[1]) && /^fall$/.test(m[4]!))) return null;
      return (ctx, at) => {
        const season = seasonOf(m[4]!);
        // "before the summer recess" in a speech of October: next summer; in a narrative, the year it is in.
        const y = m[2] ? anchorYear(ctx) : yearOfUnstated(ctx, at, { SP: 4, SU: 7, FA: 10, WI: 1 }[season]);
        if (y === null) return null;
        const shift = /following|next/i.test(m[2] ?? '') ? 1 : /previous|preceding/i.test(m[2] ?? '') ? -1 : 0;
        return implicit(withPart(seasonSpan(y + shift, season), m[3]));
      };
    },
  },
  // Christmas, New Year's Day: fixed days, in the anchor's year
  {
    re: g(
      `\\b(Christmas(?:\\s+(?:Eve|Day))?|New\\s+Year[\u2019']s\\s+(?:Day|Eve)|Boxing\\s+Day|All\\s+Saints[\u2019']?\\s+Day|Bastille\\s+Day|Armistice\\s+Day)(?:\\s+(?:of\\s+)?(${YEAR4}))?\\b`,
    ),
    build: (m) =>
      capitalised(m[1])
        ? (ctx) => {
            const name = m[1]!.toLowerCase().replace(/\s+/g, ' ');
            const [month, day] = /christmas eve/.test(name)
              ? [12, 24]
              : /christmas/.test(name)
                ? [12, 25]
                : /new year.s eve/.test(name)
                  ? [12, 31]
                  : /new year/.test(name)
                    ? [1, 1]
                    : /boxing/.test(name)
                      ? [12, 26]
                      : /saints/.test(name)
                        ? [11, 1]
                        : /bastille/.test(name)
                          ? [7, 14]
                          : [11, 11];
            const y = m[2] ? Number(m[2]) : anchorYear(ctx);
            return y === null ? null : { ...daySpan(y, month, day), explicit: !!m[2] };
          }
        : null,
  },
  // at the time, at the same time, by this time, during that period: the time the narrative is at
  {
    re: g(
      `(?<=\\b(?:at|by|during|until|till|since|from|in|around|about|before|after)\\s+)(the\\s+same\\s+(?:time|period)|the\\s+time|that\\s+time|this\\s+time|that\\s+period|this\\s+period)\\b(?!\\s+(?:being|of|when|that|it|he|she|they|we)\\b)`,
    ),
    build: () => (ctx) => (ctx.anchor ? implicit(ctx.anchor) : null),
  },
  // the end of the year, the beginning of the month, late in the year, early in 1941
  {
    re: g(
      `\\b(?:(?:the\\s+)?(beginning|start|end|middle|close|turn)\\s+of\\s+the\\s+(year|month)|(early|late|mid|middle)\\s+in\\s+(?:the\\s+(year|month)|(${YEAR4})))\\b`,
    ),
    build: (m) => (ctx) => {
      const part = m[1] ?? m[3];
      if (m[5]) return explicit(withPart(yearSpan(Number(m[5])), part));
      if (!ctx.anchor) return null;
      const { year, month } = parseIsoDay(ctx.anchor.start);
      const unit = m[2] ?? m[4];
      if (unit === 'month' && ctx.anchor.precision !== 'day' && ctx.anchor.precision !== 'month') return null;
      return implicit(withPart(unit === 'month' ? monthSpan(year, month) : yearSpan(year), part));
    },
  },
  // the same year, in same year, the same day, that year, the following month, later that year: the narrative's time
  {
    re: g(
      `\\b(?:(?:earlier|later)\\s+)?(?:(the|that)\\s+)?(same|following|next|previous|preceding|subsequent|that)\\s+(day|week|month|year)\\b`,
    ),
    build: (m, text) => {
      const which = m[2]!.toLowerCase();
      if (!m[1] && which === 'next') return null; // "next year" is counted from the document's date
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (which === 'that' && /\b(?:of|from)\s+$/i.test(before)) return null;
      return (ctx) => {
        const unit = m[3]!.toLowerCase();
        const anchor = ctx.anchor ?? referenceDay(ctx);
        if (!anchor) return null;
        const shift = /following|next|subsequent/.test(which) ? 1 : /previous|preceding/.test(which) ? -1 : 0;
        if ((unit === 'day' || unit === 'week') && anchor.precision !== 'day') return null;
        if (unit === 'month' && anchor.precision !== 'day' && anchor.precision !== 'month') return null;
        if (unit === 'week') return implicit(weekSpan(fromDayNumber(toDayNumber(anchor.start) + 7 * shift)));
        return implicit(shiftSpan(anchor, unit, shift));
      };
    },
  },
  // last year, this month, next week, last May, this summer, early this year: the document's own date
  {
    deictic: true,
    re: g(
      `(?<!\\bthe\\s)\\b(?:(early|late|mid)[-\\s]+)?(last|this|next|coming)\\s+(week(?:end)?|month|(?:fiscal\\s+)?year|${MONTH_FULL}|${SEASON})\\b`,
    ),
    build: (m) => {
      const unit = m[3]!;
      if (monthOf(unit) && !capitalised(unit)) return null;
      return (ctx) => {
        const span = deicticSpan(ctx, m[2]!, unit);
        return span && implicit(withPart(span, m[1]));
      };
    },
  },
  // two years later, a month earlier, three days after
  {
    re: g(`\\b(${COUNT})\\s+(days?|weeks?|months?|years?|decades?)\\s+(later|earlier|afterwards?|before|ago)\\b`),
    build: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/before|after/i.test(m[3]!) && /^\s+\w/.test(after)) return null; // "two years before the war": not ours
      return (ctx) => {
        const word = m[1]!.toLowerCase();
        const count = /\d/.test(word) ? Number(word) : NUMBER_WORDS[word]!;
        const back = /earlier|before|ago/i.test(m[3]!);
        const base = /ago/i.test(m[3]!) ? referenceDay(ctx) : ctx.anchor;
        if (!base || Number.isNaN(count)) return null;
        return implicit(shiftSpan(base, m[2]!.toLowerCase(), back ? -count : count));
      };
    },
  },
  // yesterday, today, tonight, yesterday morning, this afternoon, last night: the document's date (the part of the
  // day stays in the text; the value is the day, as a chronology dates by days)
  {
    deictic: true,
    re: g(
      `\\b(?:(yesterday|today|tomorrow|tonight)|(this|last)(?=\\s+(?:morning|afternoon|evening|night)\\b))(?:\\s+(morning|afternoon|evening|night))?\\b`,
    ),
    build: (m) => (ctx) => {
      if (!ctx.reference) return null;
      const word = (m[1] ?? m[2]!).toLowerCase();
      const shift =
        word === 'yesterday' || (word === 'last' && /night|evening/i.test(m[3]!)) ? -1 : word === 'tomorrow' ? 1 : 0;
      if (word === 'last' && !/night|evening/i.test(m[3]!)) return null;
      const day = daySpan(...ymd(fromDayNumber(toDayNumber(ctx.reference) + shift)));
      return implicit(day);
    },
  },
  // Friday, on Friday, last Monday, next Tuesday, Thursday morning, Monday, Oct. 26: the nearest such day to the
  // document's date, before it in the past tense and after it in the future
  {
    deictic: true,
    re: g(
      `\\b(?:(last|next|this|coming)\\s+)?(${WEEKDAYS.map((d) => d[0]!.toUpperCase() + d.slice(1)).join('|')})(?:\\s+(morning|afternoon|evening|night))?(?:,?\\s+(${MONTH})\\s+(${DAY})(?:,?\\s+(${YEAR}))?\\b)?(?![\\w-])`,
    ),
    build: (m) => (ctx, at) => {
      if (m[4]) {
        const month = monthOf(m[4]),
          day = dayOf(m[5]!);
        const y = m[6] ? yearOf(m[6]) : yearOfWeekday(ctx, at, month, day, WEEKDAYS.indexOf(m[2]!.toLowerCase()));
        const span = y === null ? null : dayOrNull(y, month, day);
        return span && (m[6] ? explicit(span) : implicit(span));
      }
      return implicit(nearWeekday(ctx, at, WEEKDAYS.indexOf(m[2]!.toLowerCase()), m[1]));
    },
  },
  // now, currently, the future, the past, recently: TIMEX3's references to the present, future and past. They are
  // dates a tagger reports, never an event's date.
  {
    re: g(
      `\\b(?:(right\\s+now|now|currently|nowadays|these\\s+days|present-day|the\\s+present\\s+day)|((?:the\\s+)?(?:near\\s+|distant\\s+)?future)|(the\\s+past|recently))\\b(?!-)`,
    ),
    build: (m) => {
      if (m[2] && /^F/.test(m[2])) return null; // "Future" as a name
      const value = m[1] ? 'PRESENT_REF' : m[2] ? 'FUTURE_REF' : 'PAST_REF';
      return Object.assign(
        (ctx: Context) => {
          const today = referenceDay(ctx);
          return today && implicit({ ...today, value });
        },
        { quiet: true },
      );
    },
  },
];

function ymd(iso: string): [number, number, number] {
  const { year, month, day } = parseIsoDay(iso);
  return [year, month, day];
}

// ---- recognise, then resolve -----------------------------------------------------------------------------------------

/** Every temporal expression in `text`, not overlapping, in text order, not yet given a date. */
export function recognise(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const { re, build, deictic } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const resolve = build(m, text);
      if (!resolve) continue;
      // Leading "the" belongs to the expression ("the spring of 1998"); leading spaces from optional groups do not.
      const lead = m[0].length - m[0].trimStart().length;
      const trail = m[0].length - m[0].trimEnd().length;
      const { parts, quiet } = resolve as { parts?: [number, number][]; quiet?: boolean };
      found.push({ start: m.index + lead, end: m.index + m[0].length - trail, resolve, parts, quiet, deictic });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (const c of found) {
    const last = chosen[chosen.length - 1];
    if (last && c.start < last.end) continue;
    chosen.push(c);
  }
  return joinRanges(text, chosen);
}

/** "from 1996 to 1998", "between 1992 and 1994", "1992-1994": two neighbours become one range. */
function joinRanges(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!,
      b = list[i + 1];
    if (b) {
      const between = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 10), a.start);
      const dashed = /^\s?[-\u2013\u2014]\s?$/.test(between) && !a.quiet && !b.quiet;
      const worded =
        (/^\s+(?:to|until|till|through)\s+$/i.test(between) && /\bfrom\s+$/i.test(before)) ||
        (/^\s+and\s+$/i.test(between) && /\bbetween\s+$/i.test(before));
      if ((dashed || worded) && !a.quiet && !b.quiet) {
        // "between now and Feb. 10" is no range of dates
        out.push({
          start: worded ? a.start - /\b(from|between)\s+$/i.exec(before)![0].length : a.start,
          end: b.end,
          parts: [...(a.parts ?? [[a.start, a.end]]), ...(b.parts ?? [[b.start, b.end]])],
          resolve: (ctx, at) => {
            // The end usually carries the year the start leaves out: "from March to May 1997".
            const last = b.resolve(ctx, b.start);
            const fromEnd = last?.explicit ? { ...ctx, anchor: last, news: false } : ctx;
            const first = a.resolve(fromEnd, at);
            if (!first || !last) return null;
            let start = first;
            if (compareDays(start.start, last.start) > 0 && !first.explicit) {
              const shifted = a.resolve(
                { ...ctx, news: false, anchor: yearSpan(parseIsoDay(last.start).year - 1) },
                at,
              );
              if (shifted) start = shifted;
            }
            if (compareDays(start.start, last.end) > 0) return null;
            return { ...rangeSpan(start, last), explicit: start.explicit && last.explicit };
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
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
  for (const c of recognise(text)) {
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
    });
    // "now" and "the future" say where the teller stands, not where the story is.
    if (!isReference(rest.value))
      ctx.anchor = { value: rest.value, start: rest.start, end: rest.end, precision: rest.precision };
  }
  return out;
}

/** How many of a text's date expressions are read from the document's own date ("yesterday", "on Friday"). */
export const countDeictic = (text: string) => recognise(text).filter((c) => c.deictic).length;

/** PRESENT_REF, PAST_REF, FUTURE_REF: the teller's now, before and after, not a date on the calendar. */
export const isReference = (value: string) => value.endsWith('_REF');

/** The first date in a short text, for colophons and front matter ("compiled on May 25, 2006"). */
export function firstDate(text: string, reference: string | null = null): Timex | null {
  return tagTimexes(text, { anchor: null, reference })[0] ?? null;
}
