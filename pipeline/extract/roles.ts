// The roles the text gives people: "the President of the Republic of Azerbaijan Heydar Aliyev", "Javier Solana,
// Secretary-General of NATO,", "NATO Secretary-General Javier Solana". Used for the who's who, and to cut roles
// out of one-line summaries (the who's who says them once).

/**
 * The offices a role phrase is headed by, as written. Narrower than the recogniser's titles (names/lexicon.ts) on
 * purpose: heading roles with all 69 of its offices, in either case, changed 107 roles of the TimeBank, AQUAINT and
 * GUM texts and 16 summaries, many for the worse ("Mayor of Moscow has allocated funds ...", main clauses cut).
 */
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
// Words that qualify a title, in either case: "Former prime minister", "the U.N. Deputy Secretary-General".
const QUALIFIER = '(?:[Nn]ew|[Ff]ormer|[Tt]hen|[Ss]pecial|[Cc]urrent|[Aa]cting|[Dd]eputy|[Pp]rime|[Vv]ice|[Cc]hief)';
// "of the Republic of Azerbaijan", "of NATO forces in Europe", "of the verification committee of the organization"
const OF_PHRASE = `(?:\\s+(?:of|on|to|for|in)\\s+(?:the\\s+)?[\\p{L}-]+(?:\\s+(?:and\\s+)?[\\p{L}-]+){0,3}){0,3}`;

interface RoleMatch {
  role: string;
  start: number;
  end: number;
}

// The role patterns, one for every name: those in front of a name are matched against the text just before a mention
// (they end with it), the one after a name from just after a mention. Patterns that held the name had to be compiled
// for each name, and tried at every position of the text: on a long history that was half of all extraction time.

// "NATO Secretary-General X", "Health Minister X", "The Commission president X": a capitalised word or two may say
// whose the title is ("U.N." with its stops; "March." ends a sentence, as in "on 1 March. Minister X").
const BEFORE = new RegExp(
  `(?:\\b[Tt]he\\s+)?(?:${QUALIFIER}\\s+)*(?:\\p{Lu}(?:[\\p{L}-]*(?:['\u2019]s)?|(?:\\p{Lu}?\\.)+)\\s+){0,2}?(?:${QUALIFIER}\\s+)*(?<!\\p{L})${TITLE}${OF_PHRASE}\\s+$`,
  'u',
);
// "the UN Secretary-General, Antonio Guterres,", "Ukraine's infrastructure minister, Oleksandr Kubrakov,"
const APPOSITIVE = new RegExp(
  `(?:\\b[Tt]he\\s+)?(?:(?:\\p{Lu}[\\p{L}-]*(?:['\u2019]s)?|(?!(?:and|or|of|for|to|in|with|by|the|a|an|his|her|its|their|was|is)\\b)\\p{Ll}[\\p{L}-]*)\\s+){0,3}?(?<!\\p{L})${TITLE}${OF_PHRASE},\\s+$`,
  'u',
);
// "Javier Solana, Secretary-General of NATO," and "X, the new minister, said"
const AFTER = new RegExp(
  `,\\s+((?:the\\s+)?(?:(?:new|former|then)\\s+)?(?:\\p{Lu}{2,}\\s+)?${TITLE}[^,.;]{0,80}?)(?:,|(?=[.;]|\\s+(?:visited|met|said|signed|stated|noted|declared|arrived|came)\\b))`,
  'uy',
);

/** How far before a name a role phrase may begin, in characters: a title and a few words of "of ..." need far less. */
const REACH = 300;

const isWordChar = (c: string | undefined) => c !== undefined && /\w/.test(c);
/** Whether a regular expression's \b holds at `at` (its \w is ASCII, as in a 'u' pattern without 'i'). */
const boundary = (text: string, at: number) => isWordChar(text[at - 1]) !== isWordChar(text[at]);

/** Role phrases next to `person` in `text`: before the name ("NATO Secretary-General X") or after it (", role,"). */
function rolesAround(text: string, person: string): RoleMatch[] {
  const found: RoleMatch[] = [];
  // Each pattern as one scan of the text would find it: a phrase ends where the next may begin, none overlaps another.
  const resume = { before: 0, appositive: 0, after: 0 };
  for (let at = text.indexOf(person); at >= 0; at = text.indexOf(person, at + 1)) {
    const end = at + person.length;
    if (boundary(text, end)) {
      for (const [pattern, key] of [
        [BEFORE, 'before'],
        [APPOSITIVE, 'appositive'],
      ] as const) {
        const from = Math.max(resume[key], at - REACH);
        const m = pattern.exec(text.slice(from, at));
        if (!m) continue;
        found.push({ role: m[0].replace(/,\s*$/, '').trim(), start: from + m.index, end: at });
        resume[key] = at;
      }
    }
    if (boundary(text, at) && end >= resume.after) {
      AFTER.lastIndex = end;
      const m = AFTER.exec(text);
      if (!m) continue;
      found.push({ role: m[1]!.trim(), start: end, end: end + m[0].length });
      resume.after = end + m[0].length;
    }
  }
  return found;
}

/** "the Minister", "the Ambassador": a role named without its holder, which "he" or "she" may stand for. */
export const isRolePhrase = (phrase: string) => new RegExp(`^(?:the\\s+)?(?:${TITLE})$`, 'i').test(phrase.trim());

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
