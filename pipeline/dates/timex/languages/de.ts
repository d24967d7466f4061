// German dates: "am 4. Mai 1994", "4. Mai", "Mai 1994", "vom 2. bis 4. Juli 1997", "im Frühjahr 1998", "in den
// 1990er Jahren", "im 19. Jahrhundert", "zwischen 1992 und 1994", "gestern", "im vergangenen Jahr", "nächste Woche",
// "am Dienstag".
import { YEAR4 } from '../vocabulary.ts';
import { type DateWords, europeanFamilies } from './european.ts';

const NUMBERS: Record<string, number> = {
  ein: 1,
  eine: 1,
  einem: 1,
  einen: 1,
  einer: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  fünfzehn: 15,
  zwanzig: 20,
};
const COUNT = `\\d{1,2}|${Object.keys(NUMBERS).join('|')}`;

/** German's words for dates: the recogniser's families, and the sentence splitter's ordinal days ("am 4. Mai"). */
export const germanWords: DateWords = {
  months: {
    januar: 1,
    jänner: 1,
    'jan.': 1,
    februar: 2,
    'feb.': 2,
    märz: 3,
    maerz: 3,
    april: 4,
    'apr.': 4,
    mai: 5,
    juni: 6,
    juli: 7,
    august: 8,
    'aug.': 8,
    september: 9,
    'sept.': 9,
    'sep.': 9,
    oktober: 10,
    'okt.': 10,
    november: 11,
    'nov.': 11,
    dezember: 12,
    'dez.': 12,
  },
  seasons: { frühjahr: 'SP', frühling: 'SP', sommer: 'SU', herbst: 'FA', winter: 'WI' },
  weekdays: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
  day: '(?:[12]\\d|3[01]|0?[1-9])\\.',
  dayToMonth: '\\s*',
  monthToYear: '\\s+',
  seasonToYear: '\\s+(?:des\\s+Jahres\\s+)?',
  decade: '(?<![\\p{L}])(?:die\\s+|den\\s+|der\\s+)?(?<decade>1\\d{2}0|20\\d0)er(?:\\s+Jahren?)?(?![\\p{L}\\d])',
  century: '(?<![\\p{L}\\d])(?<century>\\d{1,2})\\.\\s+Jahrhunderts?(?![\\p{L}])',
  dayRange:
    '(?<![\\p{L}])vom\\s+(?<d1>(?:[12]\\d|3[01]|0?[1-9]))\\.?\\s+bis\\s+(?:zum\\s+)?(?<d2>(?:[12]\\d|3[01]|0?[1-9]))\\.',
  yearRange:
    '(?<![\\p{L}])(?:von|zwischen)\\s+(?<y1>1\\d{3}|20\\d{2})\\s+(?:bis|und)\\s+(?<y2>1\\d{3}|20\\d{2})(?![\\p{L}\\d])',
  days: { gestern: -1, heute: 0, morgen: 1, vorgestern: -2, übermorgen: 2 },
  relative: [
    '(?<![\\p{L}])(?:im\\s+|in\\s+der\\s+|im\\s+|am\\s+)?(?<which>letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|diese[nmrs]?)\\s+(?<unit>Jahr|Monat|Woche)(?![\\p{L}])',
  ],
  units: {
    jahr: 'year',
    jahre: 'year',
    jahren: 'year',
    monat: 'month',
    monate: 'month',
    monaten: 'month',
    woche: 'week',
    wochen: 'week',
    tag: 'day',
    tage: 'day',
    tagen: 'day',
  },
  directions: Object.fromEntries(
    ['letzte', 'vergangene', 'vorige', 'nächste', 'kommende', 'diese'].flatMap((w) =>
      ['', 'n', 'm', 'r', 's'].map((e) => [
        w + e,
        w === 'nächste' || w === 'kommende' ? 'next' : w === 'diese' ? 'this' : 'last',
      ]),
    ),
  ) as DateWords['directions'],
  weekday:
    '(?<![\\p{L}])(?:am\\s+)?(?:(?<which>letzten|vergangenen|nächsten|kommenden)\\s+)?(?<weekday>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?![\\p{L}])',
  monthBefore: 'im\\s+|seit\\s+|bis\\s+|ab\\s+|im\\s+Monat\\s+',
  monthPart: '(?:Anfang|Ende|Mitte)\\s+',
  monthWhich: ['(?<![\\p{L}])(?<which>vergangenen|letzten|vorigen|kommenden|nächsten)\\s+MONTH(?![\\p{L}])'],
  ago: `(?<![\\p{L}])vor\\s+(?<count>${COUNT})\\s+(?<unit>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)(?![\\p{L}])`,
  later: `(?<![\\p{L}])(?<count>${COUNT})\\s+(?<unit>Jahre|Jahr|Monate|Monat|Wochen|Woche|Tage|Tag)\\s+(?<direction>später|danach|darauf|zuvor|früher|vorher)(?![\\p{L}])`,
  earlier: ['zuvor', 'früher', 'vorher'],
  numbers: NUMBERS,
  yearWord: `(?<![\\p{L}])Jahr(?:e|es)?\\s+(?<year>${YEAR4})(?![\\p{L}\\d])`,
  decadeWords:
    '(?<![\\p{L}])(?:die\\s+|den\\s+|der\\s+)?(?<word>zwanziger|dreißiger|dreissiger|vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger)\\s+Jahren?(?![\\p{L}])',
  decades: {
    zwanziger: 1920,
    dreißiger: 1930,
    dreissiger: 1930,
    vierziger: 1940,
    fünfziger: 1950,
    sechziger: 1960,
    siebziger: 1970,
    achtziger: 1980,
    neunziger: 1990,
  },
};

export const german = europeanFamilies(germanWords);
