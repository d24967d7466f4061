// Where a cold pack's time goes (npm run profile [essay]): the bundle built as users run it (node bin/briefing.mjs,
// a cold process, --force), with BRIEFING_TRACE=1, three times; the fastest run's timeline is printed, each step in
// milliseconds since the process started. Products print side by side on one browser, so the timeline (not a sum)
// shows what the build waits for.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const essay = process.argv[2] ?? path.join(root, 'source', 'azerbaijan-nato.txt');
const out = await mkdtemp(path.join(tmpdir(), 'briefing-profile-'));

const runs = Array.from({ length: 3 }, () => {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'briefing.mjs'), 'build', essay, '--out', out, '--force'],
    {
      env: { ...process.env, BRIEFING_TRACE: '1' },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`the build failed: ${run.stderr.trim().split('\n').pop()}`);
  const steps = [...run.stderr.matchAll(/^trace (\d+) (.*)$/gm)].map((m) => ({ at: Number(m[1]), what: m[2]! }));
  return { wall: performance.now() - started, steps };
});
await rm(out, { recursive: true, force: true });

const fastest = runs.reduce((a, b) => (b.wall < a.wall ? b : a));
console.log(
  `Cold pack of ${path.basename(essay)} (node bin/briefing.mjs build --force), fastest of 3: ${(fastest.wall / 1000).toFixed(2)} s wall (all: ${runs.map((r) => (r.wall / 1000).toFixed(2)).join(', ')} s)`,
);
let before = 0;
for (const { at, what } of fastest.steps) {
  console.log(`  ${String(at).padStart(6)} ms  (+${String(at - before).padStart(4)})  ${what}`);
  before = at;
}
console.log(
  `  ${fastest.wall.toFixed(0).padStart(6)} ms  (+${(fastest.wall - before).toFixed(0).padStart(4)})  process gone`,
);
