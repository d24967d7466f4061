// Faithful summaries (#29): over essays and TimeBank stories built as essays, how many chronology rows lose a negation
// or a number of the clause they come from, or start with a bare pronoun. A dateline's day or a converted unit in
// brackets counts as lost too, so the counts are an upper bound; read the listed rows with --rows.
//
//   npx tsx bench/summaries.ts [--rows] [--stories 40]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

const args = process.argv.slice(2);
const stories = args.includes('--stories') ? Number(args[args.indexOf('--stories') + 1]) : 40;
const root = path.join(import.meta.dirname, '..');
const shared = path.join(root, '..', 'shared');
const texts: { name: string; text: string; path: string; reference: string | null }[] = [];
for (const dir of [
  path.join(shared, 'essays'),
  path.join(root, 'tests', 'fixtures', 'shapes'),
  path.join(root, 'tests', 'fixtures', 'genres'),
]) {
  for (const f of readdirSync(dir).filter((f) => /\.(?:txt|md)$/.test(f) && !/^readme/i.test(f)))
    texts.push({ name: f, text: readFileSync(path.join(dir, f), 'utf8'), path: f, reference: null });
}
const timebank = path.join(shared, 'eval', 'timebank');
for (const f of readdirSync(timebank)
  .filter((f) => f.endsWith('.tml'))
  .sort()
  .slice(0, stories)) {
  const xml = readFileSync(path.join(timebank, f), 'utf8');
  const dct = /<DCT>.*?value="([^"]+)"/s.exec(xml)?.[1]?.slice(0, 10) ?? null;
  const body = (/<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '').replace(/<[^>]+>/g, '');
  texts.push({ name: f, text: `${f}\n\n${body.trim()}`, path: `${f}.txt`, reference: dct });
}

const NEGATION = /\b(?:not|no|never|nor|neither|none|nobody|nothing|without)\b|n't\b/gi;
const NUMBER = /\b\d[\d,.]*\b/g;
const PRONOUN = /^(?:He|She|It|They|We|I|This|These|Those)\b/;
let rows = 0;
const counts = { negation: 0, number: 0, pronoun: 0 };
const listed: string[] = [];
for (const t of texts) {
  const file = new VFile({ path: t.path, value: t.text });
  const chronology = extractChronology(await parseEssay(file), { referenceDate: t.reference, spelling: false });
  for (const e of chronology.events) {
    rows++;
    const dateText = e.date.text;
    // The clause the row was made from (why.clause): another clause's negation or figure is not this row's to keep.
    const sentence = (e.why?.clause ?? e.text).replace(dateText, ' ');
    const lost = (re: RegExp) =>
      [...new Set((sentence.match(re) ?? []).map((w) => w.toLowerCase()))].filter(
        (w) =>
          !e.summary.toLowerCase().match(new RegExp(`(?:^|\\W)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\W|$)`)),
      );
    const problems: string[] = [];
    const note = (kind: keyof typeof counts, what: string) => {
      problems.push(what);
      counts[kind]++;
    };
    if (lost(NEGATION).length) note('negation', `negation ${lost(NEGATION)}`);
    const numbers = lost(NUMBER).filter((n) => !/^(?:1[0-9]{3}|20[0-9]{2})$/.test(n) && !dateText.includes(n));
    if (numbers.length) note('number', `number ${numbers}`);
    if (PRONOUN.test(e.summary)) note('pronoun', 'pronoun');
    if (problems.length) listed.push(`${t.name} ${e.id} [${problems.join('; ')}]\n  ${e.text}\n  -> ${e.summary}`);
  }
}
console.log(
  `${texts.length} texts, ${rows} rows: ${counts.negation} lose a negation of their clause, ${counts.number} a number, ${counts.pronoun} start with a pronoun`,
);
if (args.includes('--rows')) console.log(listed.join('\n'));
