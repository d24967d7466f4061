// German dates: "am 4. Mai 1994", "4. Mai", "Mai 1994", "vom 2. bis 4. Juli 1997", "im Frühjahr 1998", "in den
// 1990er Jahren", "im 19. Jahrhundert", "zwischen 1992 und 1994", "gestern", "im vergangenen Jahr", "nächste Woche",
// "am Dienstag".
import { YEAR4 } from '../vocabulary.ts';
import { type DateWords, europeanFamilies, tenseReader } from './european.ts';

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
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  hundert: 100,
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
  seasonBefore: 'im\\s+|seit\\s+dem\\s+|bis\\s+zum\\s+',
  // (with its part: "Mitte der Sechzigerjahre", as "mid-1960s" is read whole)
  decade:
    '(?<![\\p{L}])(?:(?:Anfang|Mitte|Ende)\\s+)?(?:die\\s+|den\\s+|der\\s+)?(?<decade>1\\d{2}0|20\\d0)er(?:\\s+Jahren?)?(?![\\p{L}\\d])',
  century: '(?<![\\p{L}\\d])(?<century>\\d{1,2})\\.\\s+Jahrhunderts?(?![\\p{L}])',
  eraBefore: 'v\\.\\s*Chr\\.?|vor\\s+Christus|v\\.\\s*u\\.\\s*Z\\.?|vor\\s+unserer\\s+Zeitrechnung',
  eraAfter: 'n\\.\\s*Chr\\.?|nach\\s+Christus|n\\.\\s*u\\.\\s*Z\\.?|unserer\\s+Zeitrechnung',
  // "vom 2. bis 4.", and two days named together: "am 26. und 27. Oktober", "zwischen dem 3. und dem 5."
  dayRange:
    '(?<![\\p{L}])(?:vom|am|zwischen\\s+dem)\\s+(?<d1>(?:[12]\\d|3[01]|0?[1-9]))\\.?\\s+(?:bis\\s+(?:zum\\s+)?|und\\s+(?:dem\\s+)?)(?<d2>(?:[12]\\d|3[01]|0?[1-9]))\\.',
  yearRange:
    '(?<![\\p{L}])(?:von|zwischen)\\s+(?<y1>1\\d{3}|20\\d{2})\\s+(?:bis|und)\\s+(?<y2>1\\d{3}|20\\d{2})(?![\\p{L}\\d])',
  days: {
    gestern: -1,
    heute: 0,
    morgen: 1,
    vorgestern: -2,
    übermorgen: 2,
    'heute morgen': 0,
    'heute abend': 0,
    'gestern abend': -1,
    'gestern morgen': -1,
  },
  // "am Morgen", "jeden Morgen": a time of day, not tomorrow
  dayNot: '(?:am|jeden|guten|diesen|einen|vom|zum|dem|den|der|des|eines)\\s+',
  relative: [
    '(?<![\\p{L}])(?:im\\s+|in\\s+der\\s+|im\\s+|am\\s+)?(?<which>letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|diese[nmrs]?)\\s+(?<unit>Jahr|Monat|Wochenende|Woche)(?![\\p{L}])',
    // the end or the start of last year, next month: "Ende vergangenen Jahres", "Anfang nächsten Monats"
    '(?<![\\p{L}])(?:Anfang|Mitte|Ende)\\s+(?:des\\s+)?(?<which>letzten|vergangenen|vorigen|nächsten|kommenden)\\s+(?<unit>Jahres|Monats)(?![\\p{L}])',
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
    wochenende: 'weekend',
    jahres: 'year',
    monats: 'month',
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
    '(?<![\\p{L}])(?:am\\s+)?(?:(?<which>letzten|vergangenen|nächsten|kommenden)\\s+)?(?<weekday>Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?(?![\\p{L}])',
  monthBefore: 'im\\s+|seit\\s+|bis\\s+|ab\\s+|im\\s+Monat\\s+',
  monthPart: '(?:Anfang|Ende|Mitte)\\s+',
  monthWhich: ['(?<![\\p{L}])(?<which>vergangenen|letzten|vorigen|kommenden|nächsten)\\s+MONTH(?![\\p{L}])'],
  seasonWhich: [
    '(?<![\\p{L}])(?:im\\s+)?(?<which>vergangenen|letzten|vorigen|kommenden|nächsten|diesen|diesem)\\s+SEASON(?![\\p{L}])',
  ],
  ofYear: [
    '(?<![\\p{L}])PERIOD\\s+(?<which>vergangenen|letzten|vorigen|nächsten|kommenden|dieses)\\s+Jahres(?![\\p{L}])',
  ],
  ago: `(?<![\\p{L}])vor\\s+(?<count>${COUNT})\\s+(?<unit>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)(?![\\p{L}])`,
  ahead: `(?<![\\p{L}])in\\s+(?<count>${COUNT})\\s+(?<unit>Jahren|Jahr|Monaten|Monat|Wochen|Woche|Tagen|Tag)(?![\\p{L}])`,
  later: `(?<![\\p{L}])(?:(?:weniger|mehr)\\s+als\\s+|knapp\\s+|fast\\s+|gut\\s+|etwa\\s+|rund\\s+)?(?<count>${COUNT})\\s+(?<unit>Jahre|Jahr|Monate|Monat|Wochen|Woche|Tage|Tag)\\s+(?<direction>später|danach|darauf|zuvor|früher|vorher)(?![\\p{L}])`,
  earlier: ['zuvor', 'früher', 'vorher'],
  numbers: NUMBERS,
  anaphora: {
    'am nächsten Tag': ['day', 1],
    'am folgenden Tag': ['day', 1],
    'tags darauf': ['day', 1],
    'am Vortag': ['day', -1],
    'am selben Tag': ['day', 0],
    'am gleichen Tag': ['day', 0],
    'an diesem Tag': ['day', 0],
    'in der folgenden Woche': ['week', 1],
    'im folgenden Monat': ['month', 1],
    'im selben Monat': ['month', 0],
    'im folgenden Jahr': ['year', 1],
    'im darauffolgenden Jahr': ['year', 1],
    'im Jahr darauf': ['year', 1],
    'im Vorjahr': ['year', -1],
    'im selben Jahr': ['year', 0],
    'im gleichen Jahr': ['year', 0],
    'in diesem Jahr': ['year', 0],
    'Anfang des Jahres': ['year', 0],
    'Mitte des Jahres': ['year', 0],
    'Ende des Jahres': ['year', 0],
    'Anfang des folgenden Jahres': ['year', 1],
    'Ende des folgenden Jahres': ['year', 1],
    'Anfang der Woche': ['week', 0],
    'Mitte der Woche': ['week', 0],
    'Ende der Woche': ['week', 0],
    'Anfang des Monats': ['month', 0],
    'Ende des Monats': ['month', 0],
    'am Abend': ['day', 0],
    'am selben Abend': ['day', 0],
    'am gleichen Abend': ['day', 0],
  },
  yearWord: `(?<![\\p{L}])Jahr(?:e|es)?\\s+(?<year>${YEAR4})(?![\\p{L}\\d])`,
  decadeWords:
    '(?<![\\p{L}])(?:(?:Anfang|Mitte|Ende)\\s+)?(?:die\\s+|den\\s+|der\\s+)?(?<word>zwanziger|dreißiger|dreissiger|vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger|[2-9]0er)(?:\\s+|-)?Jahren?(?![\\p{L}])',
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
  quarter: `(?<![\\p{L}\\d])(?<nth>ersten|zweiten|dritten|vierten|erste|zweite|dritte|vierte|[1-4]\\.)\\s+(?<unit>Quartals?|Halbjahr(?:es)?|Jahreshälfte)(?:\\s+(?<year>${YEAR4}))?(?![\\p{L}\\d])`,
  ordinals: Object.fromEntries(
    ['erst', 'zweit', 'dritt', 'viert'].flatMap((w, i) => [
      [`${w}e`, i + 1],
      [`${w}en`, i + 1],
      [`${i + 1}.`, i + 1],
    ]),
  ),
  quarterUnits: { quartal: 'quarter', quartals: 'quarter', halbjahr: 'half', halbjahres: 'half', jahreshälfte: 'half' },
  // (capitalised too: "Voraussichtlich im April", "Wird er im Mai kommen?")
  future:
    '(?<![\\p{L}])(?:[Ww]ird|[Ww]erden|werde|wirst|werdet|[Ss]oll|[Ss]ollen|[Vv]oraussichtlich|geplant|plant|planen|kommende[nmrs]?|nächste[nmrs]?|bevorstehende[nmrs]?)(?![\\p{L}])',
  past: '(?<![\\p{L}])(?:hat|haben|habe|hatte|hatten|war|waren|wurde|wurden|worden|gewesen|sagte|sagten|erklärte|erklärten|teilte|teilten)(?![\\p{L}])',
};

export const german = europeanFamilies(germanWords);
export const germanTense = tenseReader(germanWords);
