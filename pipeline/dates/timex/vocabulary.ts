// The words and numbers dates are written with, as regular-expression fragments (no capturing groups, so each
// family's pattern names its own), and the readers that turn a matched token into a number.
import type { Part, Season } from '../calendar.ts';

export const monthNames = [
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
export const monthAbbreviations: Record<string, number> = {
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
export const MONTH = `(?:${monthNames.join('|')}|(?:${Object.keys(monthAbbreviations).join('|')})(?:\\.|(?=\\s\\d)))`;
export const MONTH_FULL = `(?:${monthNames.join('|')})`;
export const DAY = `(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
export const YEAR4 = `(?:1\\d{3}|20\\d{2})`;
export const ERA = `(?:BCE|BC|B\\.C\\.(?:E\\.)?|AD|A\\.D\\.|CE|C\\.E\\.)`;
export const YEAR = `(?:${YEAR4}(?:\\s?${ERA}(?![a-z]))?|\\d{1,4}\\s?${ERA}(?![a-z])|A\\.?D\\.?\\s?\\d{1,4})`;
/** The seasons by their names; "fall" is autumn too, in the pattern (and in no list of words that are never names). */
export const seasonNames = ['spring', 'summer', 'autumn', 'winter'];
export const SEASON = `(?:${[...seasonNames, 'fall'].join('|')})`;
export const DASH = `\\s?[-\u2010\u2011\u2012\u2013\u2014]\\s?`;
export const PART = `(?:(?:the\\s+)?(?:very\\s+)?(?:early|late|mid|middle)(?:-|\\s+))`;
export const EDGE = `(?:(?:the\\s+)?(?:beginning|start|end|middle|close|turn|first\\s+half|second\\s+half|latter\\s+half|latter\\s+part|early\\s+part|first\\s+part)\\s+of\\s+(?:the\\s+)?)`;
export const MOD = `(?:${PART}|${EDGE})?`;
export const NUMBER_WORDS: Record<string, number> = {
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  several: NaN,
  few: NaN,
  some: NaN,
};
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
/** A count in words or digits: "a", "seventeen", "twenty-five", "40". */
export const COUNT = `(?:an?|(?:${TENS})(?:-(?:${UNITS}))?|${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\\d{1,3})`;
/** The number a count names ("twenty-five" is 25); NaN for a vague one ("several"). */
export function countOf(word: string): number {
  const w = word.toLowerCase();
  if (/\d/.test(w)) return Number(w);
  const [tens, unit] = w.split('-');
  return (NUMBER_WORDS[tens!] ?? Number.NaN) + (unit ? (NUMBER_WORDS[unit] ?? Number.NaN) : 0);
}
export const ORDINAL_WORDS = [
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
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Words that make a following bare month a date ("in May", "by early October"), not a verb or a modal. */
export const MONTH_CUE =
  /\b(?:in|on|by|until|till|since|from|of|during|before|after|through|throughout|to|and|or|between|around|about|until|late|early|mid|that|this|last|next|following|previous|same|each|every)\s+(?:the\s+)?$/i;
/** Words before a number that make it a count or a label, not a year. */
export const NOT_YEAR_BEFORE =
  /(?:\b(?:article|articles|art|page|pages|p|pp|no|nos|number|numbers|law|laws|act|resolution|decree|chapter|section|paragraph|item|vol|volume|flight|route|highway|room|code|model|type|division|regiment|brigade|corps|battalion|squadron|army|unit|platoon|company|fleet|group|point|points|hill|height|km|mile|miles|rule|rules|h\.\s?r|at|least|most|some|nearly|approximately|over|under|about|almost|than|exactly|total|totalling|totaling|of)\.?\s*|[-\u2013\u2014$\u20ac\u00a3#\u2116\u00a7+=\d/]\s*|[.,:])$/i;
/** Temporal prepositions: after these a four-digit number is a year even before a noun ("in 1994 troops ...", and as
 * French, German and Spanish write them: "en 2019 pusimos", "seit 2008", "jusqu'en 1990"). */
export const YEAR_CUE =
  /(?:\b(?:in|since|until|till|by|from|during|before|after|between|through|early|late|mid|circa|c\.|b\.|d\.|m\.|div\.|year|years|spring|summer|autumn|fall|winter|to|and|of|en|depuis|dès|vers|avant|après|seit|bis|ab|vor|nach|zwischen|desde|hasta|hacia|antes\s+de|después\s+de)|jusqu['\u2019]en)\s+$/iu;
/**
 * After a number: plural nouns make it a count ("1500 soldiers") and a street's name an address ("1696 Bergen Blvd"),
 * not a year, unless a word before it says year ("in 1994 troops").
 */
export const NOT_YEAR_AFTER =
  /^(?:\s*(?:%|percent|per\s+cent|(?:GMT|UTC|EDT|EST|CET|CEST|BST|PST|PDT|MSK|IST|JST|local\s+time|hours|hrs?)\b|[-\u2013]?(?:km|kg|mm|cm|m|kilomet|met|mile|ton|men|man|strong)\b)|[.,]\d|\s+[a-z]*[^\Wisu]s\b(?!\s+(?:of|in|at|on|and|the|a|after|before|when)\b)|\s+(?:\p{Lu}\p{Ll}+\s+){0,2}(?:Ave|Avenue|Blvd|Boulevard|St|Street|Rd|Road|Lane|Ln|Drive|Dr|Hwy|Highway|Pkwy|Parkway|Terrace|Court|Ct|Plaza|Place|Pl|Square|Way)\b)/u;
/** After a number, whatever comes before it: a unit ("an elevation of 1100 ft", "the 1000+ on", "a 2000 year old
 * tradition") makes it a measure. */
export const NEVER_YEAR_AFTER =
  /^(?:\s*(?:\+|(?:ft|feet|foot|lbs?|yards?|acres?|hectares?|sq)\b)|[-\s]years?[-\s]old\b)/;

/** A pattern over the whole text: global, sticky to nothing, with the indices of its groups. */
export const g = (source: string) => new RegExp(source, 'gid');

/** Month names and holidays are capitalised: "may" and "march" are verbs. */
export const capitalised = (token: string | undefined) => !!token && /^[A-Z]/.test(token);

export function monthOf(token: string): number {
  const word = token.toLowerCase().replace(/\.$/, '');
  const full = monthNames.indexOf(word);
  return full >= 0 ? full + 1 : (monthAbbreviations[word] ?? 0);
}

/** "1994" -> 1994; "490 BC" -> -489 (astronomical numbering, 1 BC = 0). */
export function yearOf(token: string): number {
  const digits = Number(/\d+/.exec(token)![0]);
  return /B\.?C/i.test(token) ? 1 - digits : digits;
}

export const dayOf = (token: string) => Number.parseInt(token, 10);

export function seasonOf(word: string): Season {
  const w = word.toLowerCase();
  return w === 'spring' ? 'SP' : w === 'summer' ? 'SU' : w === 'winter' ? 'WI' : 'FA';
}

export function partOfWords(words: string | undefined): Part | null {
  if (!words) return null;
  const w = words.toLowerCase();
  if (/\bfirst\s+half\b/.test(w)) return 'first half';
  if (/\b(?:second|latter)\s+half\b/.test(w)) return 'second half';
  if (/\b(?:early|beginning|start|first\s+part|early\s+part)\b/.test(w)) return 'early';
  if (/\b(?:late|end|close|turn|latter)\b/.test(w)) return 'late';
  if (/\b(?:mid|middle)\b/.test(w)) return 'mid';
  return null;
}
