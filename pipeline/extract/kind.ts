// What kind of event a clause reports, from its main verb and, when the verb says little ("took part", "held",
// "began"), from the nouns it governs: signed/ratified -> agreement; joined/acceded -> membership; visited ->
// visit; met -> meeting; elected/resigned -> leadership; died/exploded -> incident; said/announced -> statement.
// "other" when unsure: a wrong kind colours a row falsely, "other" only plainly.
import type { EventKind } from '../core/model.ts';
import type { Token } from './language.ts';
import { verbGroups } from './tense.ts';

const BY_VERB: [EventKind, string[]][] = [
  ['agreement', ['sign', 'ratify', 'initial', 'countersign']],
  ['membership', ['join', 'accede', 'admit', 'apply', 'rejoin', 'expel']],
  [
    'leadership',
    [
      'elect',
      're-elect',
      'swear',
      'inaugurate',
      'appoint',
      'resign',
      'succeed',
      'nominate',
      'dismiss',
      'oust',
      'depose',
      'abdicate',
      'crown',
    ],
  ],
  [
    'operation',
    [
      'deploy',
      'invade',
      'attack',
      'bomb',
      'shell',
      'occupy',
      'annex',
      'besiege',
      'storm',
      'capture',
      'liberate',
      'fight',
      'launch',
      'strike',
      'shoot',
      'raid',
      'blockade',
      'mobilise',
      'mobilize',
      'evacuate',
    ],
  ],
  [
    'incident',
    [
      'die',
      'kill',
      'explode',
      'collapse',
      'crash',
      'sink',
      'injure',
      'wound',
      'burn',
      'flood',
      'erupt',
      'hit',
      'destroy',
      'derail',
      'assassinate',
      'murder',
    ],
  ],
  ['visit', ['visit', 'arrive', 'fly', 'travel', 'tour', 'land']],
  ['meeting', ['meet', 'confer', 'negotiate', 'host', 'convene', 'gather', 'talk', 'discuss']],
  [
    'decision',
    [
      'decide',
      'adopt',
      'approve',
      'establish',
      'found',
      'create',
      'decree',
      'recognise',
      'recognize',
      'grant',
      'extend',
      'renew',
      'veto',
      'reject',
      'impose',
      'lift',
      'close',
      'reopen',
      'vote',
      'rule',
      'pass',
      'ban',
      'abolish',
      'agree',
      'accept',
      'declare',
      'proclaim',
      'issue',
      'set',
      'order',
      'authorise',
      'authorize',
      'revise',
      'freeze',
      'block',
      'open',
      'award',
    ],
  ],
  [
    'statement',
    [
      'say',
      'announce',
      'state',
      'warn',
      'call',
      'promise',
      'pledge',
      'criticise',
      'criticize',
      'welcome',
      'condemn',
      'urge',
      'deny',
      'claim',
      'tell',
      'report',
      'write',
      'argue',
      'insist',
      'vow',
      'predict',
    ],
  ],
];

/** Nouns that name the event when the verb does not: "took part in the summit", "the treaty entered into force". */
const BY_NOUN: [EventKind, string[]][] = [
  ['summit', ['summit']],
  [
    'agreement',
    [
      'treaty',
      'agreement',
      'accord',
      'armistice',
      'ceasefire',
      'cease-fire',
      'memorandum',
      'pact',
      'protocol',
      'convention',
    ],
  ],
  ['membership', ['membership', 'accession', 'admission', 'enlargement', 'observer', 'member']],
  [
    'operation',
    [
      'operation',
      'peacekeeping',
      'peace-keeping',
      'invasion',
      'offensive',
      'war',
      'battle',
      'siege',
      'exercise',
      'training',
      'troop',
      'troops',
      'deployment',
      'coup',
      'peacekeeper',
      'platoon',
      'battalion',
      'brigade',
      'mission',
    ],
  ],
  [
    'incident',
    ['quake', 'earthquake', 'explosion', 'blast', 'crash', 'fire', 'storm', 'flood', 'death', 'accident', 'disaster'],
  ],
  ['leadership', ['election', 'inauguration', 'resignation', 'succession']],
  [
    'meeting',
    [
      'meeting',
      'talks',
      'conference',
      'seminar',
      'session',
      'consultations',
      'negotiations',
      'anniversary',
      'ceremony',
    ],
  ],
  ['visit', ['visit', 'trip', 'tour']],
  ['decision', ['decree', 'decision', 'resolution', 'referendum', 'law', 'ruling', 'sanctions']],
  ['programme', ['programme', 'program', 'plan', 'project', 'initiative', 'process', 'framework', 'strategy']],
];

const VERB_KIND = new Map(BY_VERB.flatMap(([kind, verbs]) => verbs.map((v) => [v, kind] as const)));
const NOUN_KIND = new Map(BY_NOUN.flatMap(([kind, nouns]) => nouns.map((n) => [n, kind] as const)));
const REPORTING = new Set(BY_VERB.find(([kind]) => kind === 'statement')![1]);
/** Words that open a clause or phrase of its own: "after a storm", "when voters rejected". */
const SUBORDINATE = new Set([
  'after',
  'before',
  'when',
  'while',
  'because',
  'as',
  'since',
  'although',
  'though',
  'if',
  'until',
  'following',
  'despite',
  'whereas',
  'unless',
  'once',
]);

/** The kind of the event told in [from, to) of a tagged paragraph. */
export function classify(tokens: Token[], from: number, to: number): EventKind {
  return explainKind(tokens, from, to).kind;
}

/** A kind, and the words that decided it: 'the verb "sign"', 'the noun "treaty"', or 'no word of a kind'. */
export interface KindReading {
  kind: EventKind;
  by: string;
}

/** The kind of the event told in [from, to), with the verb or noun that decided it. */
export function explainKind(tokens: Token[], from: number, to: number): KindReading {
  const clause = tokens.filter((t) => t.start >= from && t.end <= to);
  const verbs = verbGroups(clause)
    .map((g) => clause.filter((t) => t.start >= g.start && t.end <= g.end && t.pos === 'VERB').at(-1))
    .filter((t): t is Token => !!t);
  // The main clause's verbs before those of "when ..." or "after ..." clauses; what was said before saying it.
  const subordinate = (v: Token) => {
    const opener = clause
      .slice(0, clause.indexOf(v))
      .reverse()
      .find((t) => t.text === ',' || SUBORDINATE.has(t.lemma));
    return !!opener && opener.text !== ',';
  };
  const ordered = [...verbs.filter((v) => !subordinate(v)), ...verbs.filter(subordinate)].filter(
    (v) => !REPORTING.has(v.lemma),
  );
  for (const verb of ordered) {
    let kind = VERB_KIND.get(verb.lemma);
    if (verb.lemma === 'apply' && /^(?:NOUN|DET|ADJ)$/.test(clause[clause.indexOf(verb) + 1]?.pos ?? ''))
      kind = 'decision'; // applied sanctions
    if (!kind) continue;
    // "agreed at the Hague summit", "joined peace operations": what the verb governs names the event better.
    const object = objectKind(clause, verb);
    if (object && (kind === 'decision' || (kind === 'membership' && object.kind === 'operation')))
      return { kind: object.kind, by: `the verb "${verb.lemma}" and its object "${object.noun}"` };
    return { kind, by: `the verb "${verb.lemma}"` };
  }
  // "De Gaulle announced that he would not accept British membership": a statement, whatever it was about.
  const said = verbs.find((v) => REPORTING.has(v.lemma) && !subordinate(v));
  if (said) return { kind: 'statement', by: `the reporting verb "${said.lemma}"` };
  const named = nounKind(clause);
  return named ? { kind: named.kind, by: `the noun "${named.noun}"` } : { kind: 'other', by: 'no word of a kind' };
}

/** The kind named by the nouns a verb governs: the words after it, up to a comma or a clause of their own. */
function objectKind(clause: Token[], verb: Token): { kind: EventKind; noun: string } | null {
  const after = clause.slice(clause.indexOf(verb) + 1);
  const stop = after.findIndex((t) => t.pos === 'PUNCT' || SUBORDINATE.has(t.lemma) || t.pos === 'VERB');
  return nounKind(stop < 0 ? after : after.slice(0, stop));
}

function nounKind(clause: Token[]): { kind: EventKind; noun: string } | null {
  for (const t of clause) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'ADJ') continue;
    const kind = NOUN_KIND.get(t.lemma) ?? NOUN_KIND.get(t.text.toLowerCase());
    if (kind) return { kind, noun: t.lemma };
  }
  return null;
}
