// Extraction alone (parse + chronology) on 1x, 10x and 100x the seed's text: time must grow linearly.
//   npx tsx bench/extraction.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

const seed = readFileSync(path.join(import.meta.dirname, '..', 'source', 'azerbaijan-nato.txt'), 'utf8');
const [title, ...rest] = seed.split('\n');
const body = rest.join('\n').replace(/\n\s*Brief essay was compiled[^\n]*\n?$/, '\n');

async function time(copies: number): Promise<{ ms: number; events: number }> {
  const value = `${title}\n${body.repeat(copies)}`;
  const start = performance.now();
  const file = new VFile({ path: 'bench.txt', value });
  const chronology = extractChronology(await parseEssay(file), {}, file);
  return { ms: performance.now() - start, events: chronology.events.length };
}

await time(1); // warm up: the dictionary and the JIT
const rows: string[] = [];
let base = 0;
for (const copies of [1, 10, 100]) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await time(copies));
  const ms = Math.min(...runs.map((r) => r.ms));
  if (copies === 1) base = ms;
  rows.push(
    `${String(copies).padStart(4)}x  ${((seed.length * copies) / 1024).toFixed(0).padStart(5)} KB  ${ms.toFixed(1).padStart(8)} ms  ${(ms / base / copies).toFixed(2)} of linear  (${runs[0]!.events} events)`,
  );
}
console.log('Extraction (parse + chronology), best of 3:');
console.log(rows.join('\n'));
