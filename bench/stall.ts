// How long a build holds Node's event loop without a break: the seed's paragraphs repeated to N (default 5,000, the
// most a printed pack takes), built as JSON by the bundled CLI. A lock kept alive by a timer (proper-lockfile
// refreshes its lock's mtime every 5 s and calls it stale after 10 s) loses its lock during such a stall: the reason
// the output lock is checked by the builder's pid instead (app/build/output-lock.ts). Prints figures; asserts nothing.
//
//   npx tsx bench/stall.ts [--paragraphs 5000]
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const root = path.join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const count = args.includes('--paragraphs') ? Number(args[args.indexOf('--paragraphs') + 1]) : 5000;

const seed = await readFile(path.join(root, 'source', 'azerbaijan-nato.txt'), 'utf8');
const [title, ...body] = seed.split(/\n\s*\n/).filter((p) => p.trim());
const paragraphs = Array.from({ length: count - 1 }, (_, i) => body[i % body.length]!);
const dir = await mkdtemp(path.join(tmpdir(), 'briefing-stall-'));
const essay = path.join(dir, 'long.txt');
await writeFile(essay, [title, ...paragraphs].join('\n\n'));

const { main } = (await import(pathToFileURL(path.join(root, 'dist', 'cli.mjs')).href)) as {
  main: (argv: string[]) => Promise<number>;
};
const delay = monitorEventLoopDelay({ resolution: 20 });
delay.enable();
const started = performance.now();
await main(['build', essay, '--out', path.join(dir, 'out'), '--formats', 'json', '--quiet']);
delay.disable();
console.log(
  `${count} paragraphs: build ${((performance.now() - started) / 1000).toFixed(1)} s, longest event-loop stall ${(delay.max / 1e9).toFixed(1)} s`,
);
