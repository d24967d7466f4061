// The build's speed and memory, measured on this machine in one run (npm run bench). Prints figures; asserts nothing.
//
//  1. The seed's whole pack from a cold process, against the floor: the same HTML pages printed by one bare Chromium
//     launch (launch, print the pages at once, close) from a cold process, with the fastest Chromium here; medians of
//     seven alternated pairs, and no ratio when the floor's own spread says the machine was busy. Goal: at most 1.4.
//  2. A no-change rebuild. Goal: under 0.3 s, and no browser started.
//  3. 100 essays made from the seed (years and names shifted) with --jobs 2, per essay, against the per-essay floor.
//     Goal: at most 0.5x (issue #36).
//  4. Peak memory (PSS) of the whole process tree during the 100-essay build. Goal: under 500 MB.
//  5. Extraction alone on 1x, 10x and 100x the seed: time must grow linearly.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { findChrome } from '../pipeline/browser/find-chrome.ts';
import { floorChrome } from './floor.mjs';

const root = path.join(import.meta.dirname, '..');
const seed = path.join(root, 'source', 'azerbaijan-nato.txt');
const cli = path.join(root, 'bin', 'briefing.mjs');

/**
 * Run a command; report its wall time and, when asked, the peak memory of it and all its descendants, sampled from
 * /proc every 25 ms as PSS (proportional set size: pages shared between Chromium's processes are counted once, not once
 * per process). Sampling costs CPU the command would otherwise have: timed runs go unsampled.
 */
function measure(
  command: string,
  args: string[],
  { env = {}, memory = false }: { env?: Record<string, string>; memory?: boolean } = {},
): Promise<{ seconds: number; peakMB: number; code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', () => {});
    let peak = 0;
    const sample = memory ? setInterval(() => (peak = Math.max(peak, treePss(child.pid!))), 25) : undefined;
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024, code, stdout });
    });
  });
}

/** PSS in kB of a process and its descendants (smaps_rollup is read for those only: it walks a process's pages). */
function treePss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const fastest = <T extends { seconds: number }>(runs: T[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));

const best = async <T extends { seconds: number }>(runs: number, fn: () => Promise<T>) => {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await fn());
  return fastest(results);
};

const fmt = (s: number) => `${s.toFixed(2)} s`;
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

say(`Benchmark on ${cpus().length} cores, ${process.version}: medians of 7 alternated pairs (1), best of 3 (2, 5)`);
const packChrome = findChrome();
say(
  `   the pack prints with ${packChrome.executablePath} (headless: ${packChrome.headless}); the floor with ${floorChrome()}`,
);

// 1. Cold pack against the floor, in alternate runs: a busy moment of the machine slows both sides, not one.
const out1 = await mkdtemp(path.join(tmpdir(), 'bench-pack-'));
const coldPack = (memory = false) =>
  measure(process.execPath, [cli, 'build', seed, '--out', out1, '--force'], { memory });
await coldPack(); // the floor prints the pack's own HTML
const htmls = ['briefing', 'slides', 'factsheet'].map((n) => path.join(out1, 'azerbaijan-nato', `${n}.html`));
const floorDir = await mkdtemp(path.join(tmpdir(), 'bench-floor-'));
const bareFloor = (memory = false) =>
  measure(process.execPath, [path.join(root, 'bench', 'floor.mjs'), floorDir, ...htmls], { memory });
const packs: Awaited<ReturnType<typeof measure>>[] = [];
const floors: Awaited<ReturnType<typeof measure>>[] = [];
for (let round = 0; round < 7; round++) {
  packs.push(await coldPack());
  floors.push(await bareFloor());
}
// Medians of seven alternated pairs; the floor's own spread says whether the machine was quiet enough to compare.
const median = <T extends { seconds: number }>(runs: T[]) =>
  [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
const pack = median(packs);
const floor = median(floors);
const floorTimes = floors.map((f) => f.seconds).sort((a, b) => a - b);
const spread = (floorTimes[5]! - floorTimes[1]!) / floor.seconds; // between the 2nd and the 6th of seven
const quiet = spread <= 0.15;
// Their memory, in one more run of each, sampled.
const [packMemory, floorMemory] = [(await coldPack(true)).peakMB, (await bareFloor(true)).peakMB];
say(
  `1. seed pack, cold process:      ${fmt(pack.seconds)}   floor (bare launch, print 3 pages${cpus().length > 1 ? ' at once' : ''}, close): ${fmt(floor.seconds)}   ${
    quiet
      ? `ratio ${(pack.seconds / floor.seconds).toFixed(2)} (goal <= 1.4)`
      : `no ratio: the floor's spread was ${(spread * 100).toFixed(0)}% (over 15%), the machine was busy`
  }   medians of 7 alternated pairs; floor spread ${(spread * 100).toFixed(0)}%`,
);

// 2. No change.
const noChange = await best(3, () =>
  measure(process.execPath, [cli, 'build', seed, '--out', out1], { env: { BRIEFING_CHROME: '/nonexistent' } }),
);
say(
  `2. no-change rebuild:            ${fmt(noChange.seconds)}   (goal < 0.3 s; run with no usable Chromium, exit ${noChange.code}: no browser started)`,
);

// 3 and 4. A hundred essays.
const corpus = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
const text = await readFile(seed, 'utf8');
for (let i = 0; i < 100; i++) {
  const shifted = text
    .replace(/\b(19|20)(\d{2})\b/g, (y) => String(Number(y) + (i % 10)))
    .replace(/Heydar Aliyev/g, `Heydar Aliyev-${i}`)
    .replace(/Javier Solana/g, `Javier Solana ${String.fromCharCode(65 + (i % 26))}.`);
  await writeFile(path.join(corpus, `essay-${String(i).padStart(3, '0')}.txt`), shifted);
}
const out3 = await mkdtemp(path.join(tmpdir(), 'bench-100-'));
// Timed unsampled, then built again from scratch, sampled for its peak memory.
const hundredArgs = (out: string) => [cli, 'build', corpus, '--out', out, '--jobs', '2'];
const hundred = await measure(process.execPath, hundredArgs(out3));
const hundredMemory = await measure(process.execPath, hundredArgs(await mkdtemp(path.join(tmpdir(), 'bench-100-'))), {
  memory: true,
});
const built = (await readdir(out3)).filter((n) => !n.startsWith('.')).length;
say(
  `3. 100 essays, --jobs 2:         ${fmt(hundred.seconds)} total, ${fmt(hundred.seconds / 100)} per essay (${built} packs)   per-essay floor ${fmt(floor.seconds)}: ${(hundred.seconds / 100 / floor.seconds).toFixed(2)}x (goal <= 0.5x)`,
);
say(
  `4. peak memory (PSS), process tree:    ${hundredMemory.peakMB.toFixed(0)} MB during the 100-essay build (goal < 500 MB); ${packMemory.toFixed(0)} MB for the seed; the floor's bare Chromium alone: ${floorMemory.toFixed(0)} MB`,
);

// 5. Extraction scaling.
const extraction = await measure(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'extraction.ts')]);
say(`5. ${extraction.stdout.trim().split('\n').join('\n   ')}`);
