// The roles the text gives people: "the President of the Republic of Azerbaijan Heydar Aliyev", "Javier Solana,
// Secretary-General of NATO,", "NATO Secretary-General Javier Solana". Used for the who's who, and to cut roles
// out of one-line summaries (the who's who says them once).
import { escapeRegExp } from '../core/text.ts';

const TITLE_WORDS = [
  'President',
  'Vice-President',
  'Prime Minister',
  'Minister',
  'Secretary-General',
  'Secretary',
  'Chairman',
  'Chairwoman',
  'Chair',
  'Commander-in-Chief',
  'Commander',
  'Deputy',
  'Envoy',
  'Special Envoy',
  'Ambassador',
  'General',
  'King',
  'Queen',
  'Emperor',
  'Prince',
  'Chancellor',
  'Governor',
  'Marshal',
  'Colonel',
  'Admiral',
  'Captain',
  'Senator',
  'Leader',
  'Head',
  'Director',
  'Spokesman',
  'Spokeswoman',
  'Premier',
  'Foreign Minister',
  'Defence Minister',
  'Defense Minister',
  'Representative',
  'chairman',
  'head',
  'leader',
  'envoy',
  'representative',
  'commander',
  'president',
  'minister',
  'ambassador',
  'special envoy',
];
const TITLE = `(?:${[...TITLE_WORDS].sort((a, b) => b.length - a.length).join('|')})`;
// "of the Republic of Azerbaijan", "of NATO forces in Europe", "of the verification committee of the organization"
const OF_PHRASE = `(?:\\s+(?:of|on|to|for|in)\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+(?:and\\s+)?[\\p{L}-]+){0,3}){0,3}`;

interface RoleMatch {
  role: string;
  start: number;
  end: number;
}

// The three role patterns around one name, compiled once: each is a large Unicode pattern, and compiling them for
// every sentence of every summary cost a tenth of the seed's extraction.
interface RolePatterns {
  before: RegExp;
  appositive: RegExp;
  after: RegExp;
}
const compiled = new Map<string, RolePatterns>();

function patternsFor(person: string): RolePatterns {
  let patterns = compiled.get(person);
  if (patterns) return patterns;
  const name = escapeRegExp(person);
  patterns = {
    // "NATO Secretary-General X", "Health Minister X", "The Commission president X": a capitalised word or two may
    // say whose the title is.
    before: new RegExp(
      `(?:\\b[Tt]he\\s+)?(?:(?:new|former|then|special|current)\\s+)?(?:(?:\\p{Lu}[\\p{L}-]+(?:['\u2019]s)?)\\s+){0,2}?${TITLE}${OF_PHRASE}\\s+(?=${name}\\b)`,
      'gu',
    ),
    // "the UN Secretary-General, Antonio Guterres,", "Ukraine's infrastructure minister, Oleksandr Kubrakov,"
    appositive: new RegExp(
      `(?:\\b[Tt]he\\s+)?(?:(?:\\p{Lu}[\\p{L}-]*(?:['\u2019]s)?|(?!(?:and|or|of|for|to|in|with|by|the|a|an|his|her|its|their|was|is)\\b)\\p{Ll}[\\p{L}-]*)\\s+){0,3}?${TITLE}${OF_PHRASE},\\s+(?=${name}\\b)`,
      'gu',
    ),
    after: new RegExp(
      `(?<=\\b${name}),\\s+((?:the\\s+)?(?:(?:new|former|then)\\s+)?(?:\\p{Lu}{2,}\\s+)?${TITLE}[^,.;]{0,80}?)(?:,|(?=[.;]|\\s+(?:visited|met|said|signed|stated|noted|declared|arrived|came)\\b))`,
      'gu',
    ),
  };
  if (compiled.size >= 1000) compiled.clear(); // a long batch meets many names: keep the cache small
  compiled.set(person, patterns);
  return patterns;
}

/** Role phrases next to `person` in `text`: before the name ("NATO Secretary-General X") or after it (", role,"). */
function rolesAround(text: string, person: string): RoleMatch[] {
  const found: RoleMatch[] = [];
  if (!text.includes(person)) return found; // every pattern needs the name: most sentences do not hold it
  const { before, appositive, after } = patternsFor(person);
  for (const m of text.matchAll(before)) found.push({ role: m[0].trim(), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(appositive))
    found.push({ role: m[0].replace(/,\s*$/, '').trim(), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(after))
    found.push({ role: m[1]!.trim(), start: m.index - 0, end: m.index + m[0].length });
  return found;
}

/** The first role the text gives each person, tidied: "Secretary-General of NATO". */
export function findRoles(text: string, people: string[]): Map<string, string> {
  const roles = new Map<string, string>();
  for (const person of people) {
    const others = people.filter((p) => p !== person);
    const match = rolesAround(text, person)
      .filter((m) => !others.some((o) => m.role.includes(o)))
      .sort((a, b) => a.start - b.start)[0];
    if (match) roles.set(person, tidy(match.role));
  }
  return roles;
}

function tidy(role: string): string {
  const text = role
    .replace(/^(?:the|The)\s+/, '')
    .replace(/^(?:new|former|then)\s+/, '')
    .replace(/\s+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence with the role phrases around known people removed: "the President of X Heydar Aliyev" -> "Heydar Aliyev". */
export function withoutRoles(sentence: string, people: string[]): string {
  let text = sentence;
  for (const person of people) {
    for (const match of rolesAround(text, person).sort((a, b) => b.start - a.start)) {
      const isAfter = text.slice(match.start, match.start + 2) === ', ' || text[match.start] === ',';
      text = isAfter
        ? text.slice(0, match.start) + (text[match.end - 1] === ',' ? ' ' : ' ') + text.slice(match.end).trimStart()
        : text.slice(0, match.start) + text.slice(match.end);
    }
  }
  return text.replace(/\s{2,}/g, ' ');
}
