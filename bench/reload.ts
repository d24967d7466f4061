// The writing loop, measured (#36): `briefing watch` on the seed, then the time from a save to the "reload" event of
// the preview's page that shows the briefing (built first), and of the index (after the whole pack). Prints figures;
// asserts nothing.
//
//   npx tsx bench/reload.ts [--saves 7]
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const cli = path.join(root, 'bin', 'briefing.mjs');
const args = process.argv.slice(2);
const saves = args.includes('--saves') ? Number(args[args.indexOf('--saves') + 1]) : 7;

/** Each event of the preview's event stream, as it comes. */
function events(url: string, onEvent: (name: string) => void): () => void {
  const request = get(url, (response) => {
    let buffer = '';
    response.on('data', (chunk) => {
      buffer += chunk;
      for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
        const name = /^event: (\w+)/m.exec(buffer.slice(0, at))?.[1];
        buffer = buffer.slice(at + 2);
        if (name) onEvent(name);
      }
    });
  });
  return () => request.destroy();
}

async function loop(formats: string, page: string): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'briefing-reload-'));
  const essay = path.join(dir, 'azerbaijan-nato.txt');
  await copyFile(path.join(root, 'source', 'azerbaijan-nato.txt'), essay);
  const child = spawn(
    process.execPath,
    [cli, 'watch', essay, '--out', path.join(dir, 'out'), '--port', '0', '--formats', formats],
    {
      cwd: dir,
    },
  );
  const base = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const url = /Preview: (http:\/\/localhost:\d+\/)/.exec(out)?.[1];
      if (url) resolve(url);
    });
  });
  let waiting: ((name: string) => void) | null = null;
  const close = events(`${base}events?page=${encodeURIComponent(page)}`, (name) => waiting?.(name));
  const next = (wanted: string) => new Promise<void>((resolve) => (waiting = (name) => name === wanted && resolve()));
  await next('reload'); // the first build
  const text = await readFile(essay, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const reloaded = next('reload');
    const started = performance.now();
    await writeFile(essay, `${text}\n${'\u00a0'.repeat(i + 1)}\n`);
    await reloaded;
    times.push((performance.now() - started) / 1000);
    // A writer reads before saving again: the rest of the pack is made meanwhile, and not timed.
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  close();
  child.kill('SIGINT');
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [formats, page, what] of [
  ['briefing,slides,factsheet,json', '/out/azerbaijan-nato/briefing.html', 'the briefing page, whole pack'],
  ['briefing,slides,factsheet,json', '/', 'the index, whole pack'],
  ['briefing', '/out/azerbaijan-nato/briefing.html', 'the briefing page, briefing alone'],
] as const) {
  const times = await loop(formats, page);
  console.log(
    `save to reload, ${what.padEnd(34)} median ${median(times).toFixed(2)} s  (${times.map((t) => t.toFixed(2)).join(' ')})`,
  );
}
