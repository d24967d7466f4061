// Spanish dates: "el 4 de mayo de 1994", "el 1 de mayo", "mayo de 1994", "del 2 al 4 de julio de 1997", "en la
// primavera de 1998", "los años 1990", "en el siglo XIX", "entre 1992 y 1994", "ayer", "el año pasado", "la semana
// próxima", "el martes".
import { YEAR4 } from '../vocabulary.ts';
import { type DateWords, europeanFamilies } from './european.ts';

const NUMBERS: Record<string, number> = {
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  quince: 15,
  veinte: 20,
};
const COUNT = `\\d{1,2}|${Object.keys(NUMBERS).join('|')}`;

const words: DateWords = {
  months: {
    enero: 1,
    febrero: 2,
    marzo: 3,
    abril: 4,
    mayo: 5,
    junio: 6,
    julio: 7,
    agosto: 8,
    septiembre: 9,
    setiembre: 9,
    octubre: 10,
    noviembre: 11,
    diciembre: 12,
    'ene.': 1,
    'feb.': 2,
    'mar.': 3,
    'abr.': 4,
    'jun.': 6,
    'jul.': 7,
    'ago.': 8,
    'sept.': 9,
    'oct.': 10,
    'nov.': 11,
    'dic.': 12,
  },
  seasons: { primavera: 'SP', verano: 'SU', otoño: 'FA', invierno: 'WI' },
  weekdays: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  day: '1\\.?º|[12]\\d|3[01]|0?[1-9]',
  dayToMonth: '\\s+de\\s+',
  monthToYear: '(?:\\s+de|\\s+del)?\\s+',
  seasonToYear: '\\s+(?:de|del)\\s+',
  decade:
    '(?<![\\p{L}])(?:los\\s+años|la\\s+década\\s+de(?:\\s+los)?(?:\\s+años)?)\\s+(?<decade>1\\d{2}0|20\\d0)(?![\\p{L}\\d])',
  century: '(?<![\\p{L}])siglo\\s+(?<century>[IVXLC]+|\\d{1,2})(?![\\p{L}])',
  dayRange: '(?<![\\p{L}])del\\s+(?<d1>[12]\\d|3[01]|0?[1-9])\\s+al\\s+(?<d2>[12]\\d|3[01]|0?[1-9])',
  yearRange:
    '(?<![\\p{L}])(?:de|desde|entre)\\s+(?<y1>1\\d{3}|20\\d{2})\\s+(?:a|hasta|y)\\s+(?<y2>1\\d{3}|20\\d{2})(?![\\p{L}\\d])',
  days: { ayer: -1, hoy: 0, anteayer: -2 },
  relative: [
    '(?<![\\p{L}])(?:el|la)\\s+(?<unit>año|mes|semana)\\s+(?<which>pasado|pasada|anterior|próximo|próxima|que\\s+viene)(?![\\p{L}])',
    '(?<![\\p{L}])(?<which>este|esta)\\s+(?<unit>año|mes|semana)(?![\\p{L}])',
  ],
  units: {
    año: 'year',
    años: 'year',
    mes: 'month',
    meses: 'month',
    semana: 'week',
    semanas: 'week',
    día: 'day',
    días: 'day',
  },
  directions: {
    pasado: 'last',
    pasada: 'last',
    anterior: 'last',
    próximo: 'next',
    próxima: 'next',
    'que viene': 'next',
    este: 'this',
    esta: 'this',
  },
  weekday:
    '(?<![\\p{L}])(?<weekday>lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?:\\s+(?<which>pasado|próximo))?(?![\\p{L}])',
  monthBefore: 'en\\s+|desde\\s+|hasta\\s+|durante\\s+|el\\s+mes\\s+de\\s+',
  monthPart: '(?:a\\s+)?(?:finales|principios|mediados|fines|comienzos)\\s+de\\s+',
  monthWhich: [
    '(?<![\\p{L}])MONTH\\s+(?<which>pasado|próximo)(?![\\p{L}])',
    '(?<![\\p{L}])(?:el\\s+)?(?<which>pasado|próximo)\\s+MONTH(?![\\p{L}])',
  ],
  ago: `(?<![\\p{L}])hace\\s+(?<count>${COUNT})\\s+(?<unit>años?|mes(?:es)?|semanas?|días?)(?![\\p{L}])`,
  later: `(?<![\\p{L}])(?<count>${COUNT})\\s+(?<unit>años?|mes(?:es)?|semanas?|días?)\\s+(?<direction>después|más\\s+tarde|antes)(?![\\p{L}])(?!\\s+(?:de|del|que)(?![\\p{L}]))`,
  earlier: ['antes'],
  numbers: NUMBERS,
  yearWord: `(?<![\\p{L}])año\\s+(?<year>${YEAR4})(?![\\p{L}\\d])`,
  decadeWords:
    '(?<![\\p{L}])(?:los\\s+)?años\\s+(?<word>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?![\\p{L}])',
  decades: {
    veinte: 1920,
    treinta: 1930,
    cuarenta: 1940,
    cincuenta: 1950,
    sesenta: 1960,
    setenta: 1970,
    ochenta: 1980,
    noventa: 1990,
  },
};

export const spanish = europeanFamilies(words);
