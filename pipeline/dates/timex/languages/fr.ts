// French dates: "le 4 mai 1994", "le 1er mai", "mai 1994", "du 2 au 4 juillet 1997", "au printemps 1998", "les années
// 1990", "au XIXe siècle", "de 1996 à 1998", "hier", "l'an dernier", "la semaine prochaine", "mardi dernier".
import { type DateWords, europeanFamilies } from './european.ts';

const words: DateWords = {
  months: {
    janvier: 1,
    'janv.': 1,
    février: 2,
    fevrier: 2,
    'févr.': 2,
    mars: 3,
    avril: 4,
    'avr.': 4,
    mai: 5,
    juin: 6,
    juillet: 7,
    'juil.': 7,
    août: 8,
    aout: 8,
    septembre: 9,
    'sept.': 9,
    octobre: 10,
    'oct.': 10,
    novembre: 11,
    'nov.': 11,
    décembre: 12,
    decembre: 12,
    'déc.': 12,
  },
  seasons: { printemps: 'SP', été: 'SU', automne: 'FA', hiver: 'WI' },
  weekdays: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  day: '1er|[12]\\d|3[01]|0?[1-9]',
  dayToMonth: '\\s+',
  monthToYear: '\\s+',
  seasonToYear: '\\s+(?:de\\s+)?',
  decade: '(?<![\\p{L}])(?:les\\s+|des\\s+|aux\\s+)?années\\s+(?<decade>1\\d{2}0|20\\d0)(?![\\p{L}\\d])',
  century: '(?<![\\p{L}])(?<century>[IVXLC]+|\\d{1,2})(?:e|ème|eme)\\s+siècle(?![\\p{L}])',
  dayRange: '(?<![\\p{L}])du\\s+(?<d1>1er|[12]\\d|3[01]|0?[1-9])\\s+au\\s+(?<d2>[12]\\d|3[01]|0?[1-9])',
  yearRange:
    '(?<![\\p{L}])(?:de|entre)\\s+(?<y1>1\\d{3}|20\\d{2})\\s+(?:à|a|et)\\s+(?<y2>1\\d{3}|20\\d{2})(?![\\p{L}\\d])',
  days: { hier: -1, "aujourd'hui": 0, 'aujourd’hui': 0, demain: 1, 'avant-hier': -2, 'après-demain': 2 },
  relative: [
    "(?<![\\p{L}])(?:l['’]|la\\s+|le\\s+|cette\\s+|ce\\s+|cet\\s+)?(?<unit>an|année|mois|semaine)\\s+(?<which>dernier|dernière|passé|passée|prochain|prochaine)(?![\\p{L}])",
    '(?<![\\p{L}])(?<which>cette|ce|cet)\\s+(?<unit>année|mois|semaine)(?![\\p{L}])',
  ],
  units: { an: 'year', année: 'year', mois: 'month', semaine: 'week' },
  directions: {
    dernier: 'last',
    dernière: 'last',
    passé: 'last',
    passée: 'last',
    prochain: 'next',
    prochaine: 'next',
    cette: 'this',
    ce: 'this',
    cet: 'this',
  },
  weekday:
    '(?<![\\p{L}])(?<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\\s+(?<which>dernier|prochain))?(?![\\p{L}])',
};

export const french = europeanFamilies(words);
