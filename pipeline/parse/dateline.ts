// How a text dates itself when it has no colophon: a date line of its own ("Friday, January 4, 2019", "Published
// 22 July 2022", "Riga, 3 October 2025", "Bakou, le 12 mars 2024"), a news dateline opening the first paragraph ("ISTANBUL, 22 July 2022 (Agency) -", "NAIROBI,
// Kenya (AP) _") or a date in its title ("Visit to Moscow (July 2 - 4, 1997)"). That date is what "yesterday",
// "on Monday" and "last year" are counted from.
import { firstDate } from '../dates/timex/index.ts';

/** A line that says when the text was published and nothing else. */
const LABEL =
  /^(?:(?:first\s+)?(?:published|posted|updated|issued|released|dated|date|as\s+of|filed|delivered|given|spoken)\b[:\s]*(?:on\s+)?)?/i;
const WEEKDAY = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+/i;

/** The ISO day of a paragraph that is only a date (with a weekday or a label), else null. */
export function dateLineOf(text: string, languages?: readonly string[]): string | null {
  const line = text.trim();
  // (A German ordinal day, "14. Oktober 2023", ends no sentence.)
  if (line.length > 60 || /[.!?]\s+\S/.test(line.replace(/\b\d{1,2}\.(?=\s)/g, ''))) return null;
  const rest = line.replace(LABEL, '').replace(WEEKDAY, '');
  const date = firstDate(rest, null, languages);
  if (date?.precision !== 'day' || !date.explicit) return null;
  // Nothing of substance around the date: the place it was given before it ("Riga, 3 October 2025", "Washington,
  // D.C., May 5, 2024"), a time or a time zone after it ("22 July 2022, 10:41 GMT").
  const before = rest.slice(0, date.offset[0]);
  // ("Bakou, le 12 mars 2024", "Berlin, den 14. Oktober 2023": the article before a day goes with the place.)
  const place = /^\p{Lu}[\p{L}.'\u2019 -]*(?:,\s*\p{Lu}[\p{L}.'\u2019 -]*)*,\s*(?:(?:le|el|den|am)\s+)?$/u.test(before);
  const around = (place ? '' : before) + rest.slice(date.offset[1]);
  return /^[\s,.\u2013\u2014|-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[A-Z]{0,4}[\s.]*)?$/i.test(around)
    ? date.start
    : null;
}

export interface Dateline {
  /** Characters of the paragraph the dateline takes, with the dash after it. */
  length: number;
  /** The day it gives, when it gives one. */
  date: string | null;
}

// PLACE[, Region][, date] [(Agency)] followed by a dash, an underscore or a colon: "WASHINGTON, July 29 (RFE/RL) -"
// (Spanish agencies put a full stop before the dash: "MADRID, 17 de agosto de 2023 (EFE).-"; German places may
// name their river: "Frankfurt/Main, 20. Februar 2025 (dpa) -"; the day may have its article: "Paris, le 3
// septembre 2024 –").
const DATELINE =
  /^(\p{Lu}[\p{L}.'\u2019/-]*(?:\s+\p{Lu}[\p{L}.'\u2019/-]*){0,3})((?:,\s*(?:(?:le|el|den|am)\s+)?[\p{Lu}\d][^,()\n\u2013\u2014]{0,30}?){0,2})\s*(\([^()\n]{1,40}\))?\.?\s*(?:--?|[\u2013\u2014_:])(?:\s+|$)/u;

/** A full date with its weekday run into the story's first words: "Thursday, May 7, 2015 On Tuesday, the ...". */
const GLUED_DATE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[^,\n]{3,20},\s+\d{4}\s+(?=\p{Lu})/u;

/** The dateline that opens a news story's first paragraph, or null when it has none. */
export function datelineOf(text: string, languages?: readonly string[]): Dateline | null {
  const glued = GLUED_DATE.exec(text);
  const gluedDay = glued && firstDate(glued[0], null, languages);
  if (glued && gluedDay?.precision === 'day' && gluedDay.explicit)
    return { length: glued[0].length, date: gluedDay.start };
  const m = DATELINE.exec(text);
  if (!m) return null;
  const [, place, rest, agency] = m;
  const date = rest ? firstDate(rest.replace(/^,\s*/, ''), null, languages) : null;
  const day = date?.precision === 'day' && date.explicit ? date.start : null;
  // A place in capitals, an agency in brackets or a date: a sentence that happens to start "However, ... -" has none.
  const capitals = /^[\p{Lu}\s.'\u2019-]{3,}$/u.test(place!) && /\p{Lu}{3}/u.test(place!);
  if (!capitals && !agency && !day) return null;
  return { length: m[0].length, date: day };
}

/** The day a title gives ("... (July 2 - 4, 1997)"): the last day of a range, when the text was written. */
export function titleDateOf(title: string, languages?: readonly string[]): string | null {
  const date = firstDate(title, null, languages);
  if (!date?.explicit || date.precision !== 'day') return null;
  return date.end;
}
