import { knownPlaces } from './gazetteer.ts';

// Who and what an essay names: people, organisations, places, and the acronyms it defines. Rules, not a model:
// runs of capitalised words, classified by their last word and by the words around them.

export interface Actors {
  people: string[];
  organizations: string[];
  places: string[];
}

/** Words that end an organisation's name ("North Atlantic Cooperation Council", "Armed Forces"). */
const ORGANIZATION_HEADS = new Set(['council', 'assembly', 'alliance', 'organization', 'organisation', 'union',
  'committee', 'commission', 'ministry', 'ministries', 'forces', 'army', 'navy', 'parliament', 'government', 'party',
  'bank', 'fund', 'agency', 'office', 'department', 'court', 'league', 'congress', 'senate', 'cabinet', 'institute',
  'university', 'corporation', 'company', 'group', 'association', 'federation', 'front', 'movement', 'mission',
  'headquarters', 'secretariat', 'command', 'nations', 'community', 'board', 'service', 'services', 'guard', 'police',
  'program', 'programme', 'plan', 'process', 'partnership', 'treaty', 'agreement', 'pact', 'initiative']);
/** Organisation names that are documents or schemes rather than bodies: kept for acronyms, not as actors. */
const SCHEMES = new Set(['program', 'programme', 'plan', 'process', 'partnership', 'treaty', 'agreement', 'pact', 'initiative']);
/** Words that end a place's name ("South Caucasus" is found by context; these by form). */
const PLACE_HEADS = new Set(['republic', 'kingdom', 'states', 'island', 'islands', 'sea', 'ocean', 'river', 'mountains',
  'valley', 'city', 'province', 'region', 'peninsula', 'gulf', 'bay', 'strait', 'coast', 'county', 'district']);
/** Capitalised words that start sentences or titles but never names. */
const NOT_NAME = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'of', 'and', 'or', 'but',
  'during', 'after', 'before', 'since', 'until', 'with', 'without', 'this', 'that', 'these', 'those', 'his', 'her',
  'its', 'their', 'our', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'also', 'hence', 'thus', 'however',
  'furthermore', 'moreover', 'along', 'unlike', 'telling', 'rise', 'brief', 'as', 'when', 'while', 'although',
  'president', 'prime', 'minister', 'secretary-general', 'secretary', 'general', 'chairman', 'deputy', 'commander',
  'commander-in-chief', 'head', 'king', 'queen', 'emperor', 'ambassador', 'envoy', 'chancellor', 'governor', 'mr',
  'mrs', 'dr', 'sir', 'lord', 'colonel', 'admiral', 'captain', 'lieutenant', 'marshal', 'senator', 'special', 'new',
  'former', 'first', 'second', 'vice', 'acting', 'chief', 'director', 'foreign', 'defense', 'defence', 'national',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer',
  'autumn', 'winter', 'western', 'eastern', 'northern', 'southern', 'european', 'soviet']);
/** Particles inside a person's name: "Jaap de Hoop Scheffer", "Ludwig van Beethoven". */
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el']);
/** Short forms of countries written in capitals: places, not organisations. */
const COUNTRY_CODES = new Set(['US', 'USA', 'UK', 'USSR', 'UAE', 'DPRK', 'ROK', 'PRC', 'GDR', 'FRG', 'DRC']);

const WORD = /\p{Lu}\.(?=\s)|[\p{Lu}][\p{L}\p{M}'\u2019-]*|[\p{Ll}][\p{L}\p{M}'\u2019-]*|\d[\d.,]*/gu;

interface Token { text: string; start: number; end: number }

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0].replace(/['\u2019]s?$/, ''), start: m.index, end: m.index + m[0].length }));
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isAcronym = (word: string) => /^\p{Lu}{2,}s?$/u.test(word);
const isInitial = (word: string) => /^\p{Lu}\.$/u.test(word);

/** Runs of capitalised words (with inner particles and "of"/"for" in organisation names) and where they start. */
function nameRuns(text: string): { words: string[]; start: number; end: number }[] {
  const list = tokens(text);
  const runs: { words: string[]; start: number; end: number }[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (!isCapitalised(t.text)) { i++; continue; }
    const words = [t.text];
    let end = t.end;
    let j = i + 1;
    while (j < list.length) {
      const next = list[j]!;
      const gap = text.slice(end, next.start);
      if (!/^[ \u00a0]$/.test(gap) && !(gap === '' && next.text.startsWith('-'))) break;
      if (isCapitalised(next.text)) { words.push(next.text); end = next.end; j++; continue; }
      // "Partnership for Peace", "Jaap de Hoop": a lower-case link counts only when a capital follows.
      const after = list[j + 1];
      if ((PARTICLES.has(next.text) || next.text === 'of' || next.text === 'for') && after && isCapitalised(after.text) && text.slice(next.end, after.start) === ' ') {
        words.push(next.text, after.text); end = after.end; j += 2; continue;
      }
      break;
    }
    runs.push({ words, start: t.start, end });
    i = j;
  }
  return runs;
}

/** Drop leading words that are titles or sentence openers: "President Heydar Aliyev" -> "Heydar Aliyev". */
function trimLeading(words: string[]): string[] {
  const ORG_ADJECTIVE = /^(?:north|south|european|national|armed|defense|defence|foreign|soviet|western|eastern)$/i;
  const orgName = (k: number) => words.length - k >= 2 && ORGANIZATION_HEADS.has(words[words.length - 1]!.toLowerCase()) && ORG_ADJECTIVE.test(words[k]!);
  let k = 0;
  for (let before = -1; before !== k;) {
    before = k;
    while (k + 1 < words.length && isAcronym(words[k]!) && (NOT_NAME.has(words[k + 1]!.toLowerCase()) || words.slice(k + 1).length >= 2)) k++;
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
}

const MONTH_WORD = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const PLACE_CUE = /\b(?:in|to|at|from|visited|visit\s+to|near|across|into|toward|towards|against|entered|invaded|reached|capital|of\s+the\s+city\s+of)\s+(?:the\s+)?$/i;

const TITLES = ['president', 'minister', 'secretary-general', 'secretary', 'chairman', 'chairwoman', 'chair',
  'commander', 'commander-in-chief', 'envoy', 'ambassador', 'general', 'king', 'queen', 'emperor', 'prince',
  'chancellor', 'governor', 'marshal', 'colonel', 'admiral', 'captain', 'senator', 'leader', 'head', 'mr', 'mrs', 'ms',
  'dr', 'sir', 'lord', 'pope', 'tsar', 'czar', 'sultan', 'shah', 'premier', 'director', 'spokesman', 'spokeswoman'];
const anyCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
/** Titles that announce a person: "Secretary-General Manfred Werner", "President of Azerbaijan Heydar Aliyev". */
const TITLE_BEFORE = new RegExp(`\\b(?:${TITLES.map(anyCase).join('|')})\\.?\\s+(?:of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*(?:\\s+(?:of\\s+)?(?:the\\s+)?\\p{Lu}[\\p{L}-]*){0,4}\\s+)?$`, 'u');
/** What follows a person's name: a comma and a role, a verb, a possessive. */
const PERSON_AFTER = /^(?:,\s|['\u2019]s?\s|\s+(?:[\p{Ll}]+ly\s+)?(?:said|says|met|meets|visited|visits|signed|signs|stated|states|noted|notes|declared|declares|called|calls|appealed|became|becomes|was|is|had|has|headed|led|leads|took|takes|told|announced|wrote|argued|asked|urged|agreed|promised|received|arrived|left|returned|resigned|died|who|\p{Ll}+ed\b))/u;

/** Every name in a text, classified by its form and by the words around it. */
export function findNames(text: string): Found[] {
  const out: Found[] = [];
  for (const run of nameRuns(text)) {
    const words = trimLeading(run.words);
    if (words.length === 0) continue;
    const name = words.join(' ');
    const start = run.end - name.length >= run.start ? run.end - name.length : run.start;
    const last = words[words.length - 1]!.toLowerCase();
    const first = words[0]!;
    const before = text.slice(Math.max(0, run.start - 80), run.start) + text.slice(run.start, start);
    const after = text.slice(run.end, run.end + 40);
    if (words.length === 1 && isAcronym(first)) {
      out.push({ name: first, type: COUNTRY_CODES.has(first) ? 'place' : 'organization', start, end: run.end });
    } else if (MONTH_WORD.test(name)) {
      continue;
    } else if (ORGANIZATION_HEADS.has(last) || ORGANIZATION_HEADS.has(words[words.indexOf('of') - 1]?.toLowerCase() ?? '')) {
      out.push({ name, type: SCHEMES.has(last) ? 'scheme' : 'organization', start, end: run.end });
    } else if (PLACE_HEADS.has(last) || (PLACE_CUE.test(before) && words.length <= 3 && !words.some(isInitial)
      && !(/\bthe\s+$/.test(before) && /^\s+\p{Ll}/u.test(after) && !/^\s+(?:and|or|in|on|at|to|of|for|with)\b/.test(after)))) {
      out.push({ name, type: 'place', start, end: run.end });
    } else if (words.length >= 2 && words.length <= 5 && !words.some(isAcronym)
      && (TITLE_BEFORE.test(before) || PERSON_AFTER.test(after) || /^\s*\(/.test(after))) {
      out.push({ name, type: 'person', start, end: run.end });
    }
  }
  return withEveryMention(text, settle(out));
}

/** A person settled in one place ("Robert Simmons") is that person wherever the full name appears. */
function withEveryMention(text: string, found: Found[]): Found[] {
  const people = [...new Set(found.filter((f) => f.type === 'person').map((f) => f.name))];
  const extra: Found[] = [];
  const known = new Set(found.filter((f) => f.type === 'person').map((f) => f.start));
  for (const name of people) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!known.has(at)) extra.push({ name, type: 'person', start: at, end: at + name.length });
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
    if (raw.type !== 'person') { out.push(raw); continue; }
    const f = strip(raw);
    if (f.type !== 'person') { out.push(f); continue; }
    const firstTwo = f.name.split(' ').slice(0, 2).join(' ');
    if (organizations.some((o) => o.startsWith(firstTwo + ' '))) continue;
    const shorter = people.filter((p) => p !== f.name && f.name.endsWith(' ' + p)).sort((a, b) => b.length - a.length)[0];
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

/** "Partnership for Peace Program (PFP)" -> PFP: Partnership for Peace Program, checked letter by letter. */
export function findAcronyms(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}&-]{1,9})\s*\)/gu)) {
    const acronym = m[1]!;
    const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
    const words = text.slice(Math.max(0, m.index - 200), m.index).replace(/["\u201c\u201d]/g, '').trimEnd().split(/[\s-]+/);
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
