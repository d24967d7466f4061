// The CI workflow is valid YAML and runs the README's commands, over a matrix of shards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

it('builds on every push with a matrix of shards, caching npm and the packs, uploading them', () => {
  const root = path.join(import.meta.dirname, '..');
  const workflow = parse(readFileSync(path.join(root, '.github', 'workflows', 'briefing.yml'), 'utf8'));
  expect(Object.keys(workflow.on)).toContain('push');
  const steps = (job: string) => workflow.jobs[job].steps as { run?: string; uses?: string; with?: Record<string, string> }[];
  expect(steps('test').some((s) => s.run === 'make test')).toBe(true);
  const build = steps('build');
  expect(build.find((s) => s.run?.startsWith('make briefing'))?.run).toMatch(/--shard \$\{\{ matrix.shard \}\}\/\$\{\{ env.SHARDS \}\}/);
  expect(workflow.jobs.build.strategy.matrix.shard.length).toBe(Number(workflow.jobs.build.env.SHARDS));
  expect(build.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.cache).toBe('npm');
  expect(build.find((s) => s.uses?.startsWith('actions/cache'))?.with?.path).toBe('output');
  expect(build.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/make briefing[\s\S]*make test/);
});
