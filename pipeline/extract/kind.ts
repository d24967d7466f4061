// What kind of event a sentence reports, from the words that carry it. The first rule that matches wins, so the
// order is the order of precedence: signing an agreement during a visit is an agreement.
import type { EventKind } from '../model.ts';

const RULES: [EventKind, RegExp][] = [
  ['agreement', /\b(?<!to\s)(?:signed|signs|signing|ratified|ratifies)\b|\b(?:treaty|accord|armistice|ceasefire|cease-fire|memorandum|protocol|pact)\b|\bsignature\b.*\bagreement\b/i],
    // "joined NATO", "joined the Council": a capital follows; "joined peace operations" is not a membership.
  ['membership', /\b(?:[Jj]oin(?:ed|s)\s+(?:the\s+)?\p{Lu}|[Aa]dmi(?:ssion|tted)|[Aa]cce(?:ssion|ded)|membership|became (?:an? )?(?:associate |full )?member|observer status|withdrew from)/u],
  ['summit', /\bsummit\b/i],
  ['operation', /\b(?:operations?|peace-?keeping|peacekeepers|deployed|deployment|troops|platoon|battalion|invaded|invasion|offensive|attacked|battle|siege|bombing|military (?:trainings?|exercises?)|exercises?)\b/i],
  ['visit', /\b(?:visited|visits|visit to|visit of|paid a visit|toured|arrived in)\b/i],
  ['meeting', /\b(?:met|meeting|talks|conference|seminar|session|consultations|negotiations|anniversary|ceremony|celebrations?)\b/i],
  ['decision', /\b(?:decree|decided|decision|resolution|adopted|approved|established|founded|created|declared|announced|appointed|elected)\b/i],
  ['programme', /\b(?:programs?|programmes?|plans?|project|initiative|process|framework|cooperation began|realization)\b/i],
];

export function classify(sentence: string): EventKind {
  return RULES.find(([, re]) => re.test(sentence))?.[0] ?? 'other';
}
