import { monthNames, seasonNames, WEEKDAYS } from '../dates/timex/vocabulary.ts';
import { isKnownPlace, knownPlaces, placeAlias } from './gazetteer.ts';
import type { Token } from './language.ts';
import { isCity } from './names/features.ts';
import { recogniseNames } from './names/index.ts';
import { isFormOfAddress, isTitleWord, PARTICLES, TITLE_WORDS } from './names/lexicon.ts';
import type { Perceptron } from './perceptron.ts';
import { isCommonWord, isListedName } from './words.ts';

// Who and what an essay names: people, organisations, places, and the acronyms it defines. Runs of capitalised
// words, each checked against its type: a person has a given name or a title before it, and is no place, body or
// event; a place is in the gazetteer, has a place's last word or a place's preposition before it, and is never a
// demonym ("Spanish"); an organisation has a body's last word or is an acronym, and is never a bare common noun
// opening a sentence ("Forces that ...") or a time zone. Names that stand for one another are merged (see aliases).

export interface Actors {
  people: string[];
  organizations: string[];
  places: string[];
}

/** Organisation names that are documents or schemes rather than bodies: kept for acronyms, not as actors. */
const SCHEMES = new Set([
  'program',
  'programme',
  'plan',
  'process',
  'partnership',
  'treaty',
  'agreement',
  'pact',
  'initiative',
]);
/** Words that end an organisation's name ("North Atlantic Cooperation Council", "Armed Forces"). */
const ORGANIZATION_HEADS = new Set([
  'council',
  'assembly',
  'alliance',
  'organization',
  'organisation',
  'union',
  'committee',
  'commission',
  'ministry',
  'ministries',
  'forces',
  'army',
  'navy',
  'parliament',
  'government',
  'party',
  'bank',
  'fund',
  'agency',
  'office',
  'department',
  'court',
  'league',
  'congress',
  'senate',
  'cabinet',
  'institute',
  'university',
  'corporation',
  'company',
  'group',
  'association',
  'federation',
  'front',
  'movement',
  'mission',
  'headquarters',
  'secretariat',
  'command',
  'nations',
  'community',
  'communities',
  'board',
  'service',
  'services',
  'guard',
  'police',
  'house',
  'library',
  'tribunal',
  'commonwealth',
  'association',
  'authority',
  'coastguard',
  ...SCHEMES,
  'center',
  'centre',
  'college',
  'school',
  'academy',
  'society',
  'foundation',
  'institution',
  'laboratory',
  'observatory',
  'bureau',
  'administration',
  'corps',
  'trust',
  'network',
  'club',
  'embassy',
  'consulate',
  'legation',
]);
/** Words that end a place's name ("South Caucasus" is found by context; these by form). */
const PLACE_HEADS = new Set([
  'republic',
  'kingdom',
  'states',
  'island',
  'islands',
  'sea',
  'ocean',
  'river',
  'mountains',
  'valley',
  'city',
  'province',
  'region',
  'peninsula',
  'gulf',
  'bay',
  'strait',
  'coast',
  'county',
  'district',
  // Buildings and sites: a hospital or a palace is where something happened, never who did it.
  'palace',
  'airport',
  'hospital',
  'stadium',
  'square',
  'bridge',
  'station',
  'hotel',
  'museum',
  'cathedral',
  'church',
  'mosque',
  'temple',
  'prison',
  'port',
  'harbour',
  'harbor',
  'base',
  'camp',
  'park',
  // Streets, roads and land: what a guide or a report locates things by.
  'street',
  'avenue',
  'ave',
  'road',
  'rd',
  'boulevard',
  'blvd',
  'lane',
  'highway',
  'turnpike',
  'parkway',
  'junction',
  'trail',
  'beach',
  'lake',
  'mountain',
  'hill',
  'hills',
  'falls',
  'canyon',
  'creek',
  'springs',
  'heights',
  'village',
  'arena',
  'tower',
  'castle',
  'abbey',
  'gardens',
  'plaza',
]);
/** Time zones written in capitals: never an organisation. */
const TIME_ZONES = new Set([
  'GMT',
  'UTC',
  'EDT',
  'EST',
  'CDT',
  'CST',
  'PDT',
  'PST',
  'CET',
  'CEST',
  'BST',
  'MSK',
  'IST',
  'JST',
  'AEST',
  'EET',
  'EEST',
]);
/** Capitalised words that start sentences or titles but never names. */
const NOT_NAME = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'to',
  'of',
  'and',
  'or',
  'but',
  'during',
  'after',
  'before',
  'since',
  'until',
  'with',
  'without',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'also',
  'hence',
  'thus',
  'however',
  'furthermore',
  'moreover',
  'along',
  'unlike',
  'as',
  'when',
  'while',
  'although',
  'president',
  'prime',
  'minister',
  'secretary-general',
  'secretary',
  'general',
  'chairman',
  'deputy',
  'commander',
  'commander-in-chief',
  'head',
  'king',
  'queen',
  'emperor',
  'ambassador',
  'envoy',
  'chancellor',
  'governor',
  'mr',
  'mrs',
  'ms',
  'madam',
  'dame',
  'lady',
  'dr',
  'sir',
  'lord',
  'colonel',
  'admiral',
  'captain',
  'lieutenant',
  'marshal',
  'senator',
  'special',
  'former',
  'first',
  'second',
  'vice',
  'acting',
  'chief',
  'director',
  'foreign',
  'defense',
  'defence',
  'national',
  ...monthNames,
  ...WEEKDAYS,
  ...seasonNames,
  'european',
  'soviet',
]);
/** Short forms of countries written in capitals: places, not organisations. */
const COUNTRY_CODES = new Set(['US', 'USA', 'UK', 'USSR', 'UAE', 'DPRK', 'ROK', 'PRC', 'GDR', 'FRG', 'DRC']);

const WORD = /(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s)|[\p{Lu}][\p{L}\p{M}'\u2019-]*|[\p{Ll}][\p{L}\p{M}'\u2019-]*|\d[\d.,]*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
}

function tokens(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0].replace(/['\u2019]s?$/, ''),
    start: m.index,
    end: m.index + m[0].length,
    possessive: /\p{L}['\u2019]s?$/u.test(m[0]),
  }));
}

type Run = { words: string[]; start: number; end: number };

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
/** "NATO", "NGOs", and the dotted "U.S." */
const isAcronym = (word: string) => /^\p{Lu}{2,}s?$|^(?:\p{Lu}\.){2,}$/u.test(word);
const isInitial = (word: string) => /^\p{Lu}\.$/u.test(word);

/**
 * Runs of capitalised words (with inner particles and "of"/"for" in organisation names) and where they start. A
 * possessive ends a run ("Ukraine's Black Sea ports"); "and" joins only where the whole is one name ("European Coal
 * and Steel Community", "Bosnia and Herzegovina"), else the run is two names.
 */
function nameRuns(text: string): Run[] {
  const list = tokens(text);
  const runs: Run[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (!isCapitalised(t.text)) {
      i++;
      continue;
    }
    const words = [t.text];
    const starts = [t.start];
    let end = t.end;
    let j = i + 1;
    // A possessive ends a run unless a body's name goes on ("the Public Defender's Office").
    while (j < list.length && (!list[j - 1]!.possessive || ORGANIZATION_HEADS.has(list[j]!.text.toLowerCase()))) {
      if (list[j - 1]!.possessive) words[words.length - 1] = text.slice(starts.at(-1)!, list[j - 1]!.end);
      const next = list[j]!;
      const gap = text.slice(end, next.start);
      if (!/^[ \u00a0]$/.test(gap) && !(gap === '' && next.text.startsWith('-'))) break;
      if (isCapitalised(next.text)) {
        words.push(next.text);
        starts.push(next.start);
        end = next.end;
        j++;
        continue;
      }
      // "Partnership for Peace", "Jaap de Hoop", "Ursula von der Leyen": lower-case links count only before a capital.
      let k = j;
      while (
        k < list.length &&
        (PARTICLES.has(list[k]!.text) || ['of', 'for', 'and'].includes(list[k]!.text)) &&
        k - j < 2
      )
        k++;
      const after = list[k];
      if (
        k > j &&
        after &&
        isCapitalised(after.text) &&
        /^[ \u00a0]$/.test(text.slice(list[k - 1]!.end, after.start))
      ) {
        for (let m = j; m <= k; m++) {
          words.push(list[m]!.text);
          starts.push(list[m]!.start);
        }
        end = after.end;
        j = k + 1;
        continue;
      }
      break;
    }
    runs.push(...splitAtAnd({ words, start: t.start, end }, starts, text));
    i = j;
  }
  return runs;
}

function splitAtAnd(run: Run, starts: number[], text: string): Run[] {
  const at = run.words.indexOf('and');
  const whole = run.words.join(' ');
  const last = run.words.at(-1)!.toLowerCase();
  if (at < 0 || ORGANIZATION_HEADS.has(last) || isKnownPlace(whole)) return [run];
  const firstEnd = starts[at - 1]! + run.words[at - 1]!.length;
  const second = { words: run.words.slice(at + 1), start: starts[at + 1]!, end: run.end };
  return [
    { words: run.words.slice(0, at), start: run.start, end: firstEnd },
    ...splitAtAnd(second, starts.slice(at + 1), text),
  ];
}

/** Drop leading words that are titles or sentence openers: "President Heydar Aliyev" -> "Heydar Aliyev"; "Health
 * Minister Veronika Skvortsova" -> "Veronika Skvortsova" (roles.ts keeps the title as her role). */
function trimLeading(all: string[]): string[] {
  let title = -1;
  const isTitle = (w: string) => ROLE_HEADS.includes(w.toLowerCase()) || isTitleWord(w);
  all.forEach((w, i) => {
    if (isTitle(w) && all.length - i - 1 >= 2 && !all.slice(i + 1).includes('of')) title = i;
    // "Secretary of State George Marshall": a title of one word after "of", then a name of two.
    if (isTitle(w) && all[i + 1] === 'of' && all.length - i - 3 >= 2 && !all.slice(i + 2).includes('of')) title = i + 2;
  });
  const words = title >= 0 && !ORGANIZATION_HEADS.has(all.at(-1)!.toLowerCase()) ? all.slice(title + 1) : all;
  const ORG_ADJECTIVE = /^(?:north|south|european|national|armed|defense|defence|foreign|soviet|western|eastern)$/i;
  // "Defense Ministry of Azerbaijan": the body's word may stand before "of".
  const head = (words.includes('of') ? words[words.indexOf('of') - 1] : words.at(-1))?.toLowerCase() ?? '';
  const orgName = (k: number) => words.length - k >= 2 && ORGANIZATION_HEADS.has(head) && ORG_ADJECTIVE.test(words[k]!);
  let k = 0;
  for (let before = -1; before !== k; ) {
    before = k;
    while (
      k + 1 < words.length &&
      isAcronym(words[k]!) &&
      (NOT_NAME.has(words[k + 1]!.toLowerCase()) || words.slice(k + 1).length >= 2)
    )
      k++;
    while (k < words.length && NOT_NAME.has(words[k]!.toLowerCase()) && !orgName(k)) k++;
    while (k < words.length && ['of', 'for', ...PARTICLES].includes(words[k]!)) k++;
  }
  return words.slice(k);
}

export interface Found {
  name: string;
  type: 'person' | 'organization' | 'place' | 'scheme';
  start: number;
  end: number;
  /** Typed by its form alone ("X Y was ..."): the recogniser's type for the same words wins. */
  weak?: boolean;
}

const MONTH_WORD = new RegExp(`\\b(?:${monthNames.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})\\b`);
/** Words that head a role ("the head of the agency", "Libyan leader") but are not in the recogniser's titles. */
const ROLE_HEADS = ['leader', 'head'];
const PLACE_CUE =
  /\b(?:in|to|at|from|visited|visit\s+to|near|across|into|toward|towards|against|entered|invaded|reached|capital|leave|left|leaving|hit|struck|crossed|captured|occupied|liberated|bombed|shelled|(?:mayors?|governor|port|city|town|capital|coast|island|residents|streets|outskirts|north|south|east|west|centre|center)\s+of)\s+(?:the\s+)?$/i;

const anyCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
/** Titles that announce a person: "Secretary-General Manfred Werner", "President of Azerbaijan Heydar Aliyev". */
const TITLE_BEFORE = new RegExp(
  `\\b(?:${[...TITLE_WORDS, ...ROLE_HEADS].map(anyCase).join('|')})\\.?\\s+(?:of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*(?:\\s+(?:of\\s+)?(?:the\\s+)?\\p{Lu}[\\p{L}-]*){0,4}\\s+)?$`,
  'u',
);
/** What follows a person's name: a comma and a role, a verb, a possessive. */
const PERSON_AFTER =
  /^(?:,\s|['\u2019]s?\s|\s+(?:[\p{Ll}]+ly\s+)?(?:said|says|met|meets|visited|visits|signed|signs|stated|states|noted|notes|declared|declares|called|calls|appealed|became|becomes|was|is|had|has|headed|led|leads|took|takes|told|announced|wrote|argued|asked|urged|agreed|promised|received|arrived|left|returned|resigned|died|who|\p{Ll}+ed\b))/u;

/**
 * Every name in a text. The rules below settle the names their cues make sure of (a title before a person, a body's
 * last word, the gazetteer) and refuse the runs that are no names (a demonym before its noun, a common word opening a
 * sentence, a month); the recogniser learned from GUM types the runs the rules leave open. `null` for rules alone.
 */
export function findNames(
  text: string,
  tagged: Token[] = [],
  recogniser?: Perceptron | null,
  acronyms: Record<string, string> = findAcronyms(text),
): Found[] {
  const refused: [number, number][] = [];
  const all = ruleNames(text, tagged, acronyms, refused);
  if (tagged.length === 0 || recogniser === null) return all.map(({ weak: _, ...f }) => f);
  const aPeople = peoples(tagged);
  const model = modelNames(text, tagged, all, aPeople, recogniser);
  const learnedAt = new Map(model.map((f) => [`${f.start}:${f.end}`, f]));
  const ruled = all
    .filter((f) => !(f.weak && f.type === 'person' && aPeople(f.name)))
    .map(({ weak, ...f }) => {
      const learned = weak ? learnedAt.get(`${f.start}:${f.end}`) : undefined;
      return learned && learned.type !== f.type ? { ...f, type: learned.type } : f;
    });
  // Characters the rules have decided on, one way or the other.
  const decided = new Uint8Array(text.length + 1);
  for (const [start, end] of [...refused, ...ruled.map((r): [number, number] => [r.start, r.end])])
    decided.fill(1, start, end);
  const learned = model.filter((f) => !decided.subarray(f.start, f.end).includes(1));
  return withEveryMention(
    text,
    [...ruled, ...learned].sort((a, b) => a.start - b.start),
  );
}

/** The names the learned recogniser finds, typed as the who's who files them: a treaty or a programme is a scheme. */
function modelNames(
  text: string,
  tagged: Token[],
  ruled: Found[],
  aPeople: (name: string) => boolean,
  recogniser?: Perceptron,
): Found[] {
  const starting = new Map(tagged.map((t, i) => [t.start, i]));
  const ending = new Map(tagged.map((t, i) => [t.end, i]));
  // "North Atlantic Allaince" after "North Atlantic Cooperation Council": a body's name begun, then misspelt.
  const bodies = new Set(
    ruled.filter((f) => f.type === 'organization' && /\s\S+\s/.test(f.name)).map((f) => firstWords(f.name)),
  );
  const out: Found[] = [];
  for (const { confidence: _, ...n } of recogniseNames(text, tagged, recogniser)) {
    const i = starting.get(n.start) ?? 0;
    const previous = tagged[i - 1];
    const next = tagged[(ending.get(n.end) ?? i) + 1];
    const opens =
      !previous || /^[.!?:"\u201c]$/.test(previous.text) || text.slice(previous.end, n.start).includes('\n');
    const single = !n.name.includes(' ');
    // One word that is everyday English opening a sentence ("Applied to join ..."), or that qualifies the noun after
    // it ("European", "the Azerbaijani mission"), is no name.
    const common = isCommonWord(n.name) && !isListedName(n.name) && !isKnownPlace(n.name);
    if (single && ((common && (opens || n.type !== 'person')) || tagged[i]?.pos === 'ADJ')) continue;
    if (
      single &&
      DEMONYM.test(n.name) &&
      (next?.pos === 'NOUN' || next?.pos === 'ADJ' || /^[-\u2013]$/.test(next?.text ?? ''))
    )
      continue;
    if (n.type === 'person' && aPeople(n.name)) continue;
    if (!single && bodies.has(firstWords(n.name)) && !ruled.some((r) => r.name === n.name)) continue;
    // A part of a longer run of capitalised words ("European" of "European Economic Area") is no name of its own;
    // a title before a name is no part of it ("NASA Administrator Charles Bolden").
    const joins = (t: Token | undefined, gap: string) =>
      !!t && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && /^ $/.test(gap) && !isTitleWord(t.text);
    if (joins(next, text.slice(n.end, next?.start)) || joins(previous, text.slice(previous?.end, n.start))) continue;
    // "Armenia-Azerbaijan", "Azerbaijani-NATO": two names joined to qualify a noun ("conflict", "contacts").
    const parts = n.name.split('-');
    if (
      parts.length > 1 &&
      !isKnownPlace(n.name) &&
      parts.every((p) => /^\p{Lu}/u.test(p)) &&
      parts.some((p) => isKnownPlace(p) || isAcronym(p))
    )
      continue;
    // "NASA Administrator Charles Bolden": the person after the title, whatever the whole was taken for.
    const words = n.name.split(' ');
    let title = words.length - 2;
    while (title >= 0 && !(isTitleWord(words[title]!) && /^\p{Lu}/u.test(words[title]!))) title--;
    const rest = words.slice(title + 1);
    if (title >= 0 && !rest.includes('of') && rest.some((w) => isListedName(w) || !isCommonWord(w))) {
      const name = rest.join(' ');
      out.push({ name, type: 'person', start: n.end - name.length, end: n.end });
      continue;
    }
    const type = typeByForm(n.name, n.type);
    if (type) out.push({ ...n, type });
  }
  return out;
}

/**
 * Whether a name is a people, not a person: "Turkish Cypriots", "Greek Cypriots", "Native Americans", a plural whose
 * first word is a demonym or qualifies nouns elsewhere in the text ("the Greek application").
 */
function peoples(tagged: Token[]): (name: string) => boolean {
  const qualifiers = new Set(
    tagged
      .filter(
        (t, k) => /^\p{Lu}/u.test(t.text) && tagged[k + 1]?.pos === 'NOUN' && /^\p{Ll}/u.test(tagged[k + 1]!.text),
      )
      .map((t) => t.text),
  );
  return (name) => {
    const words = name.split(' ');
    return words.length > 1 && /s$/.test(name) && (DEMONYM.test(words[0]!) || qualifiers.has(words[0]!));
  };
}

/** Endings of the adjectives of peoples and places: "Azerbaijani", "Turkish", "Chinese", "Canadian". */
const DEMONYM = /(?:i|ish|ese|ian|an|ic)$/;
/** The capitalised word after a name, or "". */
const nextWord = (after: string) => /^\s+(\p{Lu}[\p{L}-]*)/u.exec(after)?.[1] ?? '';
const firstWords = (name: string) => name.split(' ').slice(0, 2).join(' ');

/**
 * What a name's own words say of its type, over the model's guess: a body's last word makes an organisation ("Suffolk
 * University"), a place's last word a place ("Creek Turnpike"), a treaty's a scheme; a person's name has a word that
 * is not everyday English or a given name ("Good", "Mail" are no one) and more than initials ("M. D.").
 */
function typeByForm(name: string, guess: Found['type']): Found['type'] | null {
  const words = name.split(' ');
  const last = words.at(-1)!.toLowerCase();
  const headBeforeOf = words.includes('of') ? words[words.indexOf('of') - 1]!.toLowerCase() : '';
  if (TIME_ZONES.has(name) || MONTH_WORD.test(name) || isFormOfAddress(name)) return null;
  if (SCHEMES.has(last) || SCHEMES.has(headBeforeOf)) return guess === 'organization' ? 'scheme' : guess;
  if (ORGANIZATION_HEADS.has(last) || ORGANIZATION_HEADS.has(headBeforeOf)) return 'organization';
  if (PLACE_HEADS.has(last) || isKnownPlace(name)) return 'place';
  // An acronym is a body ("NATO"), or a country the rules already know ("US", "UAE"); never a person.
  if (isAcronym(name)) return COUNTRY_CODES.has(name) ? 'place' : guess === 'person' ? null : 'organization';
  // "the Hague summit": a city the model took for a body.
  if (guess === 'organization' && (isCity(name) || isCity(`The ${name}`))) return 'place';
  if (guess === 'person') {
    // "the first Latino Senator", "the Afghan Ambassador": a role, no name.
    if (isTitleWord(words.at(-1)!)) return null;
    const named = words.filter((w) => /\p{L}{2}/u.test(w) && !isTitleWord(w));
    if (!named.some((w) => !isCommonWord(w) || isListedName(w))) return null;
  }
  return guess;
}

/**
 * @param acronyms what the text's acronyms stand for ("PFP": "Partnership for Peace")
 * @param refused told of each run the rules find is no name
 */
function ruleNames(
  text: string,
  tagged: Token[],
  acronyms: Record<string, string>,
  refused: [number, number][] = [],
): Found[] {
  const reading: RunReading = {
    text,
    acronymHead: (acronym) => (acronyms[acronym] ?? '').split(' ').at(-1)!.toLowerCase(),
    posAt: new Map(tagged.map((t) => [t.start, t])),
    out: [],
    unsure: [],
    refused,
  };
  for (const run of nameRuns(text)) readRun(run, reading);
  return withEveryMention(text, withNeighbours(text, settle(reading.out), reading.unsure));
}

/** What the rules read of the text's runs of capitalised words: names found, runs left to the recogniser, runs refused. */
interface RunReading {
  text: string;
  /** The last word of what an acronym stands for, lower case ("" when the text does not spell it out). */
  acronymHead(acronym: string): string;
  posAt: Map<number, Token>;
  out: Found[];
  unsure: Run[];
  refused: [number, number][];
}

/** A run of capitalised words as a name of a type, a run left to the recogniser, or no name. */
function readRun(run: Run, reading: RunReading): void {
  const { text, out, unsure, refused } = reading;
  const words = trimLeading(run.words);
  if (words.length === 0) {
    refused.push([run.start, run.end]);
    return;
  }
  const name = words.join(' ');
  const start = Math.max(run.end - name.length, run.start);
  // "NASA Administrator Bill Nelson", "UN Secretary-General Antonio Guterres": the body before the title is named too.
  const body = run.words[0]!;
  if (words.length < run.words.length && isAcronym(body) && isTitleWord(run.words[1] ?? '') && !TIME_ZONES.has(body))
    out.push({
      name: body,
      type: COUNTRY_CODES.has(body) ? 'place' : 'organization',
      start: run.start,
      end: run.start + body.length,
    });
  const last = words[words.length - 1]!.toLowerCase();
  const first = words[0]!;
  const before = text.slice(Math.max(0, run.start - 80), run.start) + text.slice(run.start, start);
  const after = text.slice(run.end, run.end + 40);
  const add = (type: Found['type'], n = name, at = start, weak = false) =>
    out.push({ name: n, type, start: at, end: at + n.length, ...(weak ? { weak } : {}) });
  const refuse = () => refused.push([run.start, run.end]);
  const headBeforeOf = words.includes('of') ? words[words.indexOf('of') - 1]!.toLowerCase() : '';
  // A capitalised common noun that merely opens a sentence ("Forces that are far away").
  const opensSentence =
    /(?:^|[.!?:]["\u201d]?\s+|\n\s*)$/.test(before) && isCommonWord(first) && !/\bthe\s+$/i.test(before);
  // "Spanish wine", "Western governments": a word before a noun, not a name.
  const adjective =
    words.length === 1 &&
    (reading.posAt.get(start)?.pos === 'ADJ' ||
      (/^\s+(?!(?:in|on|at|of|to|for|and|or|with|by|from|as|is|was|were|are)\b)\p{Ll}+/u.test(after) &&
        /(?:ish|ese|ian|an|ic|i)$/.test(first)));
  const person = personOf(words, before, after);
  if (words.length === 1 && isAcronym(first)) {
    const type = acronymType(first, after, reading);
    if (type === 'refused') refuse();
    else if (type === 'unsure') unsure.push({ words, start, end: run.end });
    else add(type.type, type.name);
  } else if (MONTH_WORD.test(name) || (/^\s*\d/.test(after) && words.length === 1)) {
    refuse();
  } else if (ORGANIZATION_HEADS.has(last) || ORGANIZATION_HEADS.has(headBeforeOf)) {
    if (words.length === 1 && opensSentence) refuse();
    else add(SCHEMES.has(last) || SCHEMES.has(headBeforeOf) ? 'scheme' : 'organization'); // "Treaty of Rome" is a document
  } else if (
    PLACE_HEADS.has(last) ||
    isKnownPlace(name) ||
    (PLACE_HEADS.has(headBeforeOf) && isKnownPlace(words.slice(words.indexOf('of') + 1).join(' ')))
  ) {
    add('place');
  } else if (person === 'person') {
    // Without a title before it, "X Y was ..." is a person only by its form: the recogniser may type it otherwise.
    add('person', name, start, !TITLE_BEFORE.test(before));
  } else if (person && typeof person === 'object') {
    // "Charles de Gaulle of France": the person, then the place.
    add('person', person.name);
    add('place', person.place, start + name.length - person.place.length);
  } else if (!adjective && !opensSentence && placeByCue(words, before, after)) {
    add('place');
  } else if (!adjective && (!opensSentence || words.length > 1)) {
    // "Bill Gates and ..." opens a sentence with a common word, yet is a name: left to the recogniser.
    unsure.push({ words, start, end: run.end });
  } else {
    refuse();
  }
}

/** An acronym alone: a place, a body, no name (a time zone), or left to the recogniser ("LED", "DNA"). */
function acronymType(
  acronym: string,
  after: string,
  reading: RunReading,
): { type: Found['type']; name: string } | 'refused' | 'unsure' {
  if (TIME_ZONES.has(acronym)) return 'refused';
  const asWord = acronym.charAt(0) + acronym.slice(1).toLowerCase(); // "ISTANBUL" in a dateline is Istanbul
  if (isKnownPlace(asWord)) return { type: 'place', name: asWord };
  if (COUNTRY_CODES.has(acronym)) return { type: 'place', name: acronym };
  // A body when the text spells it out as one, or gives it an office ("NASA Administrator Bill Nelson") or a
  // possession ("NATO's").
  if (
    ORGANIZATION_HEADS.has(reading.acronymHead(acronym)) ||
    /^['\u2019]s?\s/.test(after) ||
    isTitleWord(nextWord(after))
  )
    return { type: 'organization', name: acronym };
  return 'unsure';
}

/** A short name after "in", "to", "from" ... is a place, unless its words say it is a word, a language or a person. */
function placeByCue(words: string[], before: string, after: string): boolean {
  const first = words[0]!;
  return (
    PLACE_CUE.test(before) &&
    words.length <= 3 &&
    // "in Philosophy", "from Julian Jarrold": an everyday word or a given name and a surname are left to the recogniser.
    !(words.length === 1 && isCommonWord(first)) &&
    // "in English", "in German": a language, not a place ("the Aegean", "the Baltic" are seas).
    !(words.length === 1 && DEMONYM.test(first) && !isCity(first) && !/\bthe\s+$/i.test(before)) &&
    !(words.length >= 2 && isListedName(first) && !isCommonWord(first)) &&
    !words.some(isInitial) &&
    !(/\bthe\s+$/.test(before) && /^\s+\p{Ll}/u.test(after) && !/^\s+(?:and|or|in|on|at|to|of|for|with)\b/.test(after))
  );
}

/**
 * A run of two to five names is a person with a title before it ("Secretary-General Manfred Werner"), or with a
 * given name first ("Harold", "C.": not a word of everyday English, so never "Cold War" or "White House") and the
 * words a person's name has around it (a verb, a comma and a role, a bracket). "X of Y" with Y a known place is
 * the person X of the place Y.
 */
function personOf(words: string[], before: string, after: string): 'person' | { name: string; place: string } | null {
  // "the Western Balkans", "the Federal Republic": "the" comes before a place or a body, not before a name.
  if (words.length < 2 || words.length > 7 || words.some(isAcronym) || /\bthe\s+$/i.test(before)) return null;
  const of = words.lastIndexOf('of');
  if (of > 1 && isKnownPlace(words.slice(of + 1).join(' '))) {
    const person = personOf(words.slice(0, of), before, ' said');
    return person === 'person' ? { name: words.slice(0, of).join(' '), place: words.slice(of + 1).join(' ') } : null;
  }
  if (words.length > 5 || words.includes('of') || words.includes('and')) return null;
  if (words.some((w) => w.split('-').some(isKnownPlace))) return null; // "Armenia-Azerbaijan Nagorno-Karabakh"
  const given = isInitial(words[0]!) || isListedName(words[0]!) || !isCommonWord(words[0]!);
  const surname = !isCommonWord(words.at(-1)!);
  if (TITLE_BEFORE.test(before) && (given || surname)) return 'person';
  return given && (PERSON_AFTER.test(after) || /^\s*\(/.test(after)) ? 'person' : null;
}

/**
 * Names the rules left open take the type of what they are listed with ("Piraeus and Rafina", after "Piraeus" is
 * a place) or of the same name found elsewhere.
 */
function withNeighbours(text: string, found: Found[], unsure: Run[]): Found[] {
  const typeOf = new Map(found.map((f) => [f.name, f.type]));
  const out = [...found];
  for (const run of unsure) {
    const name = run.words.join(' ');
    let type = typeOf.get(name);
    if (!type) {
      // Only a few characters apart (", " or " and "): the gap is measured before it is read.
      const joined = (from: number, to: number) =>
        to > from && to - from <= 8 && /^(?:,| and| or)\s+$/.test(text.slice(from, to));
      const neighbour = found.find((f) => f.type === 'place' && (joined(f.end, run.start) || joined(run.end, f.start)));
      // Not a given name and a surname ("Sonia Davis, Jessica Lau and ..." lists people) nor an acronym.
      const person = run.words.length === 2 && isListedName(run.words[0]!) && !isCommonWord(run.words[0]!);
      if (neighbour && run.words.length <= 2 && !run.words.every(isAcronym) && !person) type = 'place';
    }
    if (type) out.push({ name, type, start: run.start, end: run.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A person settled in one place ("Robert Simmons") is that person wherever the full name appears. */
function withEveryMention(text: string, found: Found[]): Found[] {
  const people = [...new Set(found.filter((f) => f.type === 'person').map((f) => f.name))];
  const extra: Found[] = [];
  // Characters some name already covers: "European" is no mention of its own inside "European Union".
  const covered = new Uint8Array(text.length + 1);
  for (const f of found) covered.fill(1, f.start, f.end);
  const wordAround = (at: number, end: number) =>
    /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '');
  for (const name of people) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (!covered.subarray(at, end).includes(1) && !wordAround(at, end))
        extra.push({ name, type: 'person', start: at, end });
    }
  }
  return [...found, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Settle names against each other: a run that ends with a person named elsewhere is that person after a place
 * ("Central Asia Robert Simmons"); leading words known as places go ("Azerbaijan Heydar Aliyev"); a "person" that
 * begins like a known organisation is that organisation misspelt ("North Atlantic Allaince").
 */
function settle(found: Found[]): Found[] {
  const places = new Set([...found.filter((f) => f.type === 'place').map((f) => f.name), ...knownPlaces()]);
  const organizations = found.filter((f) => f.type === 'organization' && f.name.includes(' ')).map((f) => f.name);
  const out: Found[] = [];
  const strip = (f: Found): Found => {
    const words = f.name.split(' ');
    let k = 0;
    while (words.length - k > 2 && places.has(words[k]!)) k++;
    if (places.has(f.name) || places.has(words.at(-1)!)) return { ...f, type: 'place' };
    return k ? { ...f, name: words.slice(k).join(' '), start: f.end - words.slice(k).join(' ').length } : f;
  };
  const people = found.filter((f) => f.type === 'person').map((f) => strip(f).name);
  for (const raw of found) {
    if (raw.type !== 'person') {
      out.push(raw);
      continue;
    }
    const f = strip(raw);
    if (f.type !== 'person') {
      out.push(f);
      continue;
    }
    const firstTwo = f.name.split(' ').slice(0, 2).join(' ');
    if (organizations.some((o) => o.startsWith(`${firstTwo} `))) continue;
    const shorter = people
      .filter((p) => p !== f.name && f.name.endsWith(` ${p}`))
      .sort((a, b) => b.length - a.length)[0];
    if (!shorter) {
      out.push(/^\p{Lu}\p{L}+ of /u.test(f.name) ? { ...f, type: 'place' } : f);
      continue;
    }
    const prefix = f.name.slice(0, -shorter.length - 1);
    out.push({ name: prefix, type: 'place', start: f.start, end: f.start + prefix.length });
    out.push({ ...f, name: shorter, start: f.end - shorter.length });
  }
  return out;
}

/**
 * Names that stand for one another, merged under the fullest: an acronym and the name its letters spell ("EU",
 * "European Union"), a shorter form of a body's name ("Euro Atlantic Council"), the body's name with a place before
 * it ("Helsinki European Council"), the body's last word alone once its full name was given ("the Union"), and a
 * country's formal name ("Republic of Azerbaijan") beside its short one.
 */
export function mergeAliases(found: Found[], acronyms: Record<string, string>, title = ''): Found[] {
  const names = (type: Found['type']) => [...new Set(found.filter((f) => f.type === type).map((f) => f.name))];
  const firstAt = new Map<string, number>();
  for (const f of found) if (!firstAt.has(f.name)) firstAt.set(f.name, f.start);
  const organizations = names('organization');
  const people = names('person');
  // Each step says which name stands for which; a later step's word wins.
  const canonical = new Map<string, string>();
  organizationAliases(organizations, acronyms, firstAt, canonical);
  meetingsOfBodies(organizations, canonical);
  personAliases(people, title, canonical);
  const retyped = bodiesByFirstWord([...people, ...names('place')], people, organizations, canonical);
  placeAliases(names('place'), canonical);
  const resolve = (name: string): string => {
    let seen = 0,
      n = name;
    while (canonical.has(n) && seen++ < 5) n = canonical.get(n)!;
    return n;
  };
  // An acronym that spells a programme ("PFP": Partnership for Peace [Program]) is a scheme, not a body.
  const schemes = names('scheme');
  const isScheme = (name: string) => schemes.some((s) => s === name || s.startsWith(`${name} `));
  return found.map((f) => {
    const name = canonical.has(f.name) ? resolve(f.name) : f.name;
    const type = retyped.get(f.name) ?? f.type;
    return { ...f, name, type: type === 'organization' && isScheme(name) ? 'scheme' : type };
  });
}

/** A body's acronym, a shorter form of its name, or its last word alone after its full name, stands for the body. */
function organizationAliases(
  organizations: string[],
  acronyms: Record<string, string>,
  firstAt: Map<string, number>,
  canonical: Map<string, string>,
): void {
  const significant = (name: string) =>
    name.split(' ').filter((w) => !['of', 'for', 'and', 'the', 'on', 'in'].includes(w));
  const initials = (name: string) =>
    significant(name)
      .map((w) => w[0])
      .join('')
      .toUpperCase();
  const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '');
  for (const short of organizations) {
    const long = organizations.filter((o) => o !== short && o.length > short.length);
    const spelt = acronyms[short] ?? long.find((o) => isAcronym(short) && initials(o) === short);
    const words = short.split(' ');
    const subsequence = (o: string) => {
      const ow = o.split(' ');
      let i = 0;
      for (const w of ow) if (w === words[i]) i++;
      return i === words.length && ow[0] === words[0] && ow.at(-1) === words.at(-1);
    };
    const fuller = words.length >= 2 ? long.filter(subsequence) : [];
    const lone =
      words.length === 1 && !isAcronym(short)
        ? long.filter(
            (o) =>
              singular(o.split(' ').at(-1)!) === singular(short) &&
              (firstAt.get(o) ?? Infinity) < (firstAt.get(short) ?? 0),
          )
        : [];
    // A name cut short where a lower-case word broke the run: "International Criminal Tribunal (for the former ...)".
    const expansion = Object.values(acronyms).find((e) => e.startsWith(`${short} `));
    const target =
      acronyms[short] ??
      expansion ??
      (spelt && organizations.includes(spelt)
        ? spelt
        : fuller.length === 1
          ? fuller[0]
          : lone.length === 1
            ? lone[0]
            : undefined);
    if (target) canonical.set(short, target);
  }
}

/** "Helsinki European Council" is a meeting of the European Council. */
function meetingsOfBodies(organizations: string[], canonical: Map<string, string>): void {
  for (const name of organizations) {
    const rest = name.split(' ').slice(1).join(' ');
    if (rest.includes(' ') && organizations.includes(rest)) canonical.set(name, rest);
  }
}

/**
 * "De Gaulle" is Charles de Gaulle when the text names him in full; "Jenna", Jenna Marbles; "Antonín Dvořák",
 * Antonín Leopold Dvořák. A part shared by two full names ("Bernoulli": Daniel and Johann) is left alone.
 */
function personAliases(people: string[], title: string, canonical: Map<string, string>): void {
  // A name's words without the honours after it ("Zaha Mohammad Hadid DBE RA" ends with "Hadid").
  const wordsOf = (p: string) => {
    const words = p.split(' ');
    while (words.length > 1 && /^\p{Lu}{2,}$/u.test(words.at(-1)!)) words.pop();
    return words.map((w) => w.toLowerCase());
  };
  for (const person of people) {
    const words = person.toLowerCase().split(' ');
    const fuller = (p: string) => {
      const other = p.toLowerCase().split(' ');
      const plain = wordsOf(p);
      if (p === person || other.length <= words.length) return false;
      const ends = (w: string[]) => w.slice(-words.length).join(' ') === words.join(' ');
      if (ends(other) || (plain.length > words.length && ends(plain))) return true;
      return other[0] === words[0] && (words.length === 1 || plain.at(-1) === words.at(-1));
    };
    const full = people.filter(fuller);
    const longest = full.filter((f) => !full.some((g) => g !== f && g.includes(f)));
    // Shared by two ("Hammarskjöld": Dag and his father Hjalmar), the part is the one the title names, if one
    // (in full, or by its first and last words: "Zaha Hadid" names Zaha Mohammad Hadid DBE RA).
    const named = title.toLowerCase();
    const titled = longest.filter(
      (f) => title.includes(f) || (named.includes(wordsOf(f)[0]!) && named.includes(wordsOf(f).at(-1)!)),
    );
    if (longest.length === 1) canonical.set(person, longest[0]!);
    else if (titled.length === 1) canonical.set(person, titled[0]!);
    // "Patrick Gordon of Auchleuchries" is Patrick Gordon, named with his seat.
    const seat = / of \p{Lu}/u.exec(person);
    if (seat && people.includes(person.slice(0, seat.index))) canonical.set(person, person.slice(0, seat.index));
  }
}

/**
 * "Goddard" after "Goddard Space Flight Center", "Chrysler" after "Chrysler Group": a body's first word alone, when
 * the text names one body so and no one with a given name. Returns the names it retypes as bodies.
 */
function bodiesByFirstWord(
  candidates: string[],
  people: string[],
  organizations: string[],
  canonical: Map<string, string>,
): Map<string, Found['type']> {
  const retyped = new Map<string, Found['type']>();
  for (const name of candidates) {
    if (name.includes(' ') || isKnownPlace(name) || isCity(name)) continue; // "the Copenhagen European Council"
    const bodies = organizations.filter((o) => o.startsWith(`${name} `) && !o.includes(' of '));
    const person = people.some((p) => p !== name && p.endsWith(` ${name}`));
    if (bodies.length === 1 && !person) {
      canonical.set(name, bodies[0]!);
      retyped.set(name, 'organization');
    }
  }
  return retyped;
}

/** "Southern Caucasus" beside "South Caucasus"; "Britain" beside "United Kingdom"; "Republic of Azerbaijan" beside "Azerbaijan". */
function placeAliases(places: string[], canonical: Map<string, string>): void {
  for (const place of places) {
    const variant = place.replace(/^(South|North|East|West)ern\b/, '$1');
    if (variant !== place && places.includes(variant)) canonical.set(place, variant);
    const plain = placeAlias(place);
    if (plain && places.includes(plain)) canonical.set(place, plain);
    const short =
      /^(?:(?:Federal\s+|Islamic\s+|People's\s+|Democratic\s+)*Republic|Kingdom|State|Principality|Grand\s+Duchy)\s+of\s+(?:the\s+)?(.+)$/.exec(
        place,
      )?.[1];
    if (short && places.includes(short)) canonical.set(place, short);
  }
}

/** "Partnership for Peace Program (PFP)" -> PFP: Partnership for Peace Program, checked letter by letter. */
export function findAcronyms(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}&-]{1,9})\s*\)/gu)) {
    const acronym = m[1]!;
    const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
    const words = text
      .slice(Math.max(0, m.index - 200), m.index)
      .replace(/["\u201c\u201d]/g, '')
      .trimEnd()
      .split(/[\s-]+/);
    // The shortest run of words before the brackets, starting with a capital, whose initials spell the acronym
    // (lower-case words such as "for" or "and" may give a letter or be skipped).
    // A trailing "Program" or "Treaty" may stand outside the letters: "Partnership for Peace Program (PFP)".
    const ends = SCHEMES.has(words.at(-1)!.toLowerCase()) ? [words.length, words.length - 1] : [words.length];
    search: for (const end of ends) {
      for (let n = 1; n <= Math.min(end, letters.length * 2 + 2); n++) {
        const candidate = words.slice(end - n, end);
        if (!/^\p{Lu}/u.test(candidate[0]!)) continue;
        if (spells(candidate, letters)) {
          found[acronym] = candidate.join(' ').replace(/[,;:.]$/, '');
          break search;
        }
      }
    }
  }
  return found;
}

function spells(words: string[], letters: string): boolean {
  const step = (w: number, l: number): boolean => {
    if (w === words.length) return l === letters.length;
    const word = words[w]!;
    const initial = word[0]!.toLowerCase();
    const optional = /^\p{Ll}/u.test(word);
    if (l < letters.length && initial === letters[l] && step(w + 1, l + 1)) return true;
    return optional && step(w + 1, l);
  };
  return step(0, 0);
}
