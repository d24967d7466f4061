// How dates, ranges and text read in the products: "4 May 1994", "July–August 1997", "spring 1998", real quotes.
import type { DateSpan } from '../core/model.ts';
import { labelsFor } from './labels.ts';

/** English month names, from Intl rather than a list of our own. */
const ENGLISH_MONTHS = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
const monthName = (month: number) => ENGLISH_MONTHS.format(Date.UTC(2000, month - 1, 1));
const SEASONS: Record<string, string> = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' };
const EN_DASH = '\u2013';

export type { DateStyle } from '../core/settings.ts';

import type { DateStyle } from '../core/settings.ts';

/** One TIMEX3 value as words: "1994-05-04" -> "4 May 1994", "199X" -> "1990s", "BC0490" -> "490 BC". */
export function formatValue(value: string, style: DateStyle = 'day-month', lang = 'en'): string {
  const language = lang.toLowerCase().split('-')[0]!;
  if (language !== 'en') return formatIn(value, language) ?? formatValue(value, style);
  const bc = /^BC(\d+)/.exec(value);
  if (bc) return `${Number(bc[1])} BC${value.slice(bc[0].length) ? '' : ''}`;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const day = Number(m[3]),
      month = monthName(Number(m[2]));
    // A year is written as a number, as Intl writes it in ranges: "4 May 490".
    const year = Number(m[1]);
    return style === 'day-month' ? `${day} ${month} ${year}` : `${month} ${day}, ${year}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${monthName(Number(m[2]))} ${Number(m[1])}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]!]} ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(value))) return `${m[2] === '1' ? 'first' : 'second'} half of ${m[1]}`;
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{3}X?$/.test(value)) return `${value.slice(0, 3)}0s`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${Number(m[2])} of ${m[1]}`;
  if (/^\d{2}$/.test(value)) return `${ordinal(Number(value) + 1)} century`;
  return value;
}

const SEASON_KEYS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' } as const;
const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const roman = (n: number) =>
  ROMAN.reduce((out, [v, s]) => {
    let r = out;
    while (n >= v) {
      r += s;
      n -= v;
    }
    return r;
  }, '');

/** A value in French, German or Spanish: days and months as the language writes them (Intl), the rest by rule. */
function formatIn(value: string, language: string): string | null {
  const utc = (y: string, m: string, d = '01') => new Date(`${y}-${m}-${d}T00:00:00Z`);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m)
    return new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(utc(m[1]!, m[2]!, m[3]));
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)))
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      utc(m[1]!, m[2]!),
    );
  const labels = labelsFor(language);
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value)))
    return `${labels[SEASON_KEYS[m[2] as keyof typeof SEASON_KEYS]]} ${m[1]}`;
  if ((m = /^(\d{3})X?$/.exec(value))) {
    const decade = `${m[1]}0`;
    return { fr: `années ${decade}`, de: `${decade}er Jahre`, es: `años ${decade}` }[language] ?? null;
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    const n = Number(m[1]) + 1;
    return { fr: `${roman(n)}e siècle`, de: `${n}. Jahrhundert`, es: `siglo ${roman(n)}` }[language] ?? null;
  }
  return null;
}

/**
 * A span as a chronology shows it; ranges share what they can: "2–4 July 1997", "July–August 1997", "2002–2003".
 * Ranges of days or of months are Intl's in the essay's language ("2–4 de julio de 1997", "July 2–4, 1997").
 */
export function formatDate(date: Pick<DateSpan, 'value'>, style: DateStyle = 'day-month', lang = 'en'): string {
  const [a, b] = date.value.split('/');
  if (!b) return formatValue(a!, style, lang);
  const calendar = calendarRange(a!, b, style, lang);
  if (calendar) return calendar;
  const left = formatValue(a!, style, lang),
    right = formatValue(b, style, lang);
  const joiner = !left.includes(' ') && !right.includes(' ') ? EN_DASH : ` ${EN_DASH} `;
  return `${left}${joiner}${right}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * Two days or two months as Intl's formatRange writes them, set in the house style: plain spaces around the dash, none
 * between two days or two lone words ("2–4 July 1997", "July–August 1997"). Null for other spans.
 */
function calendarRange(a: string, b: string, style: DateStyle, lang: string): string | null {
  const unit = DAY.test(a) && DAY.test(b) ? 'day' : MONTH.test(a) && MONTH.test(b) ? 'month' : null;
  if (!unit || a < '0001' || b < '0001') return null;
  const language = lang.toLowerCase().split('-')[0]!;
  const locale = language === 'en' ? (style === 'day-month' ? 'en-GB' : 'en-US') : language;
  const format = new Intl.DateTimeFormat(locale, {
    ...(unit === 'day' ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const at = (value: string) => new Date(`${unit === 'month' ? `${value}-01` : value}T00:00:00Z`);
  return format
    .formatRange(at(a), at(b))
    .replace(/[\u2009\u202f]/g, ' ')
    .replace(/\s*\u2013\s*/g, ` ${EN_DASH} `)
    .replace(/(?<![\d.])(\d{1,2}\.?) \u2013 (\d{1,2}\.?)(?!\d)/u, `$1${EN_DASH}$2`)
    .replace(/^(\p{L}+) \u2013 (\p{L}+)/u, `$1${EN_DASH}$2`);
}

/** The singular or the plural a number takes in the language, by Intl's rules (French writes "0 événement"). */
export function plural(count: number, lang: string, one: string, many: string): string {
  return new Intl.PluralRules(lang).select(count) === 'one' ? one : many;
}

/**
 * How a title is set: a long title takes smaller type ("title-long", "title-very-long") so that it fits its page
 * whole, never cut. A running header or footer repeats a title only when it fits one line.
 */
export function titleSize(title: string): '' | 'title-long' | 'title-very-long' {
  return title.length > 300 ? 'title-very-long' : title.length > 90 ? 'title-long' : '';
}

export const runningTitle = (title: string) => (title.length <= 90 ? title : '');

export function yearRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}${EN_DASH}${last}`;
}

export const yearOf = (iso: string) => Number(/^-?\d+/.exec(iso)![0]);

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Straight quotes to typographic ones and hyphens between numbers to en dashes, for display only. Markup and template
 * syntax written in an essay ("<b class="x">", "{{name}}", code such as x="y") keep their characters exactly.
 */
export function typeset(text: string, ellipsis = true): string {
  return text
    .split(/(<[^<>]*>|\{\{[\s\S]*?\}\}|=\s*"[^"\n]*"|=\s*'[^'\n]*')/)
    .map((part, i) => (i % 2 ? part : typesetProse(part, ellipsis)))
    .join('');
}

/**
 * Runs typeset as one text, so quotes that open in one run and close in the next (after emphasis, a link) turn the
 * right way; code and math stay as written.
 */
export function typesetRuns<R extends { text: string; code?: boolean; math?: string }>(runs: R[]): R[] {
  const literal = (r: R) => r.code || r.math !== undefined;
  // Code stands in as letters of its length, so what is around it reads as it would around a word.
  const set = typeset(runs.map((r) => (literal(r) ? 'x'.repeat(r.text.length) : r.text)).join(''), false);
  let at = 0;
  return runs.map((r) => {
    const text = literal(r) ? r.text : set.slice(at, at + r.text.length).replace(/\.\.\./g, '\u2026');
    at += r.text.length;
    return { ...r, text };
  });
}

function typesetProse(text: string, ellipsis = true): string {
  return text
    .replace(/(^|[\s([{\u2014\u2013-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{])'/g, '$1\u2018')
    .replace(/'/g, '\u2019')
    .replace(/(\d)-(\d)/g, `$1${EN_DASH}$2`)
    .replace(/ - /g, ` ${EN_DASH} `)
    .replace(/\.\.\./g, ellipsis ? '\u2026' : '...');
}

/** A string for a CSS `content: "..."` inside <style>: quotes, backslashes, newlines and "<" escaped. */
export const cssString = (text: string) =>
  // Every control character (a form feed ends a CSS string as a line break does), the quote, the backslash, and
  // what would close the <style> element: each as a hexadecimal escape.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
  text.replace(/[\u0000-\u001f\u007f\\"'<>]/g, (c) =>
    c === '\u0000' ? '\\fffd ' : `\\${c.charCodeAt(0).toString(16)} `,
  );
