// What a chronology row's summary must keep of the clause it was made from (#29), as one check for the test and the
// bench: the clause's negations and figures (leaving out its dates and what is in brackets, which a summary drops by
// contract), a subject that is no bare pronoun (a speaker's "I" and "we" stand as said) and a verb of its own, and
// more than a list of names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Chronology, ChronologyEvent } from '../../pipeline/core/model.ts';
import { tag } from '../../pipeline/extract/language.ts';

const root = path.join(import.meta.dirname, '..', '..');
const shared = path.join(root, '..', 'shared');

export interface SummaryText {
  name: string;
  text: string;
  path: string;
  reference: string | null;
}

/**
 * The texts the summaries are checked on: the project's fixtures of every shape and genre; with ../shared beside the
 * checkout, its sample essays and the first `stories` TimeBank stories built as essays (their own dates as anchors).
 */
export function summaryTexts(stories = 40): SummaryText[] {
  const texts: SummaryText[] = [];
  const folders = [path.join(root, 'tests', 'fixtures', 'shapes'), path.join(root, 'tests', 'fixtures', 'genres')];
  if (existsSync(shared)) folders.unshift(path.join(shared, 'essays'));
  for (const dir of folders)
    for (const f of readdirSync(dir).filter((f) => /\.(?:txt|md)$/.test(f) && !/^readme/i.test(f)))
      texts.push({ name: f, text: readFileSync(path.join(dir, f), 'utf8'), path: f, reference: null });
  const timebank = path.join(shared, 'eval', 'timebank');
  if (!existsSync(timebank)) return texts;
  for (const f of readdirSync(timebank)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .slice(0, stories)) {
    const xml = readFileSync(path.join(timebank, f), 'utf8');
    const dct = /<DCT>.*?value="([^"]+)"/s.exec(xml)?.[1]?.slice(0, 10) ?? null;
    const body = (/<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '').replace(/<[^>]+>/g, '');
    texts.push({ name: f, text: `${f}\n\n${body.trim()}`, path: `${f}.txt`, reference: dct });
  }
  return texts;
}

const NEGATION = /\b(?:not|no|never|nor|neither|none|nobody|nothing|without)\b|n't\b/gi;
const FIGURE = /\b\d[\d,.]*\b/g;
const BARE_PRONOUN =
  /^(?:(?:He|She|It|They)\b|(?:This|That|These|Those)\s+(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|should)\b)/;

/** The faults of one row's summary, in words ("lost figure 92,000"); none for a faithful one. */
export function summaryFaults(event: ChronologyEvent, chronology: Chronology): string[] {
  let clause = event.why?.clause ?? event.text;
  const dates = chronology.mentions.filter((m) => m.paragraph === event.source.paragraph).map((m) => m.text);
  for (const date of [event.date.text, ...dates]) clause = clause.split(date).join(' ');
  clause = clause.replace(/\([^)]*\)/g, ' ');
  const summary = event.summary.toLowerCase();
  const kept = (word: string) =>
    word === "n't"
      ? summary.includes("n't")
      : new RegExp(`(?:^|\\W)${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\W|$)`).test(summary);
  const lost = (re: RegExp) =>
    [...new Set((clause.match(re) ?? []).map((w) => w.toLowerCase()))].filter((w) => !kept(w));
  const faults: string[] = [];
  const negations = lost(NEGATION);
  if (negations.length) faults.push(`lost negation ${negations.join(', ')}`);
  const figures = lost(FIGURE).filter((n) => !/^\d{4}$/.test(n));
  if (figures.length) faults.push(`lost figure ${figures.join(', ')}`);
  if (BARE_PRONOUN.test(event.summary)) faults.push('bare pronoun subject');
  const tokens = tag(event.summary);
  // A finite verb first ("Was the year of the iPhone"); an opening participle ("Turning its back on ..., the
  // convention voted", "Cited by police, Farkas was ordered home") has its subject after the comma.
  const [first, second] = tokens;
  const participle = first?.pos === 'VERB' && (/ing$/i.test(first.text) || second?.text === 'by');
  if (first && (first.pos === 'AUX' || first.pos === 'VERB') && !participle) faults.push('no subject');
  if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) faults.push('no verb');
  // "Shanghai, Macao, Guangzhou": names and commas only.
  if (/^\p{Lu}[\p{L}.'-]*(?:(?:,\s*|\s+(?:and\s+)?)\p{Lu}[\p{L}.'-]*)*$/u.test(event.summary.trim()))
    faults.push('a list of names');
  return faults;
}
