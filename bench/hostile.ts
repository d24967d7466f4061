// Inputs that once made the work grow faster than the text (#31): each parsed and extracted as the build does, and
// timed beside ordinary prose of the same length. `npx tsx bench/hostile.ts [KB]` prints milliseconds and the ratio;
// run it at two sizes to see that the ratio stays put (work linear in the text).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

const kb = Number(process.argv[2] ?? 24);
const size = kb * 1024;
const seed = readFileSync(path.join(import.meta.dirname, '..', 'source', 'azerbaijan-nato.txt'), 'utf8');
const fill = (unit: string, length = size) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const paragraphs = `${seed.split('\n\n').slice(1).join('\n\n')}\n\n`;
const prose = (length: number) => `Title\n\n${fill(paragraphs, length)}`;
const INPUTS: Record<string, string> = {
  'ordinary prose': prose(size),
  'dates in a row': `Title\n\n${fill('4 May 1994, ')}`,
  'a_a_ run': `Title\n\n${fill('a_')}`,
  base64: `Title\n\n${fill('QmFzZTY0IGVuY29kZWQgdGV4dCB3aXRoIG5vIHNwYWNlcyBhdCBhbGwh')}`,
  'short paragraphs': `Title\n\n${fill('In 1994 it met.\n\n')}`,
  // A sentence-long list of places and years, and a bracket of citations: each was once a row a year, in square time.
  'places and years': `Title\n\nThe offices opened in ${fill('Shanghai, 1980, Shenyang, 1984, ')}.`,
  citations: `Title\n\nAs shown (${fill('Laws, 2016; Lindsay, 2015; Martin Clarke, 2017; ')}).`,
  // As deep as an essay may nest (64 levels; a deeper list is refused when the file is read), then again and again.
  'nested lists': `# T\n\n${fill(`${Array.from({ length: 64 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n\n`)}`,
};

async function time(name: string, text: string): Promise<number> {
  const file = new VFile({ path: name === 'nested lists' ? 'e.md' : 'e.txt', value: text });
  const started = performance.now();
  extractChronology(await parseEssay(file), { spelling: false }, file);
  return performance.now() - started;
}

await time('warm-up', `Title\n\n${seed}`);
for (const [name, text] of Object.entries(INPUTS)) {
  const base = await time('ordinary prose', prose(text.length));
  const ms = await time(name, text);
  console.log(
    `${name.padEnd(18)} ${String(text.length).padStart(8)} chars ${ms.toFixed(0).padStart(7)} ms  ${(ms / base).toFixed(2)}x`,
  );
}
