// Faithful summaries (#29): over essays and TimeBank stories built as essays, how many chronology rows lose a negation
// or a number of the clause they come from, or start with a bare pronoun. A dateline's day or a converted unit in
// brackets counts as lost too, so the counts are an upper bound; read the listed rows with --rows. With --gum, over
// GUM's 106 texts of eight genres instead (../shared/eval/gum, each dated as it was written), which no rule was
// written on.
//
//   npx tsx bench/summaries.ts [--rows] [--stories 40] [--gum]
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { readGum } from '../scripts/gum.ts';
import { summaryFaults, summaryTexts } from '../tests/support/summaries.ts';

const args = process.argv.slice(2);
const stories = args.includes('--stories') ? Number(args[args.indexOf('--stories') + 1]) : 40;
const texts = args.includes('--gum')
  ? readGum().map((d) => ({
      name: d.name,
      text: `${d.title || 'T'}\n\n${d.paragraphs.map((p) => p.text).join('\n\n')}\n`,
      path: `${d.name}.txt`,
      reference: d.created,
    }))
  : summaryTexts(stories);
let rows = 0;
const counts = new Map<string, number>();
const listed: string[] = [];
for (const t of texts) {
  const file = new VFile({ path: t.path, value: t.text });
  const chronology = extractChronology(await parseEssay(file), { referenceDate: t.reference, spelling: false });
  for (const e of chronology.events) {
    rows++;
    const faults = summaryFaults(e, chronology);
    for (const fault of faults) {
      const kind = fault.split(' ').slice(0, 2).join(' ');
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    if (faults.length) listed.push(`${t.name} ${e.id} [${faults.join('; ')}]\n  ${e.text}\n  -> ${e.summary}`);
  }
}
console.log(
  `${texts.length} texts, ${rows} rows; faults: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none'}`,
);
if (args.includes('--rows')) console.log(listed.join('\n'));
