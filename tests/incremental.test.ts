import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareOf } from '../pipeline/app/build/build.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { command, pack, temp } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const run = (args: string[], env: Record<string, string> = {}) => command(args, { env });

/** The first build, as `briefing build ESSAY --out OUT --formats json,factsheet` makes it, with the warm Chromium. */
async function firstBuild(essay: string, out: string, templatesDir?: string): Promise<void> {
  const settings = { ...defaultSettings, formats: ['json', 'factsheet'] };
  const [result] = await pack({ inputs: [essay], outDir: out, settings, templatesDir });
  expect(result!.error).toBeNull();
}

/** A short essay in a folder of its own: what is tested is what gets rebuilt, and the seed prints slower. */
async function shortEssay(): Promise<string> {
  const essay = path.join(await temp('inc-essay'), 'talks.txt');
  await writeFile(
    essay,
    'Talks in Brussels\n\nIn May 1994 the minister signed the framework document in Brussels.\n\nIn June 1995 the council agreed a plan.\n\nIn 1997 the country joined the Planning and Review Process.\n',
  );
  return essay;
}

describe('incremental builds', () => {
  it('skips what is up to date without a browser, and rebuilds only what a changed template uses', async () => {
    const out = await temp('inc');
    const seed = await shortEssay();
    // One printed product is enough to show the browser is not started (the others cost the suite seconds).
    const formats = ['--formats', 'json,factsheet'];
    await firstBuild(seed, out);
    const pdf = path.join(out, 'talks', 'factsheet.pdf');
    const before = (await stat(pdf)).mtimeMs;

    // Nothing changed: nothing is made, and no browser is started (a Chromium that cannot start proves it).
    const again = await run(['build', seed, '--out', out, ...formats], { BRIEFING_CHROME: '/nonexistent/chromium' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/up to date talks/);
    expect((await stat(pdf)).mtimeMs).toBe(before);
    expect((await run(['build', seed, '--out', out, ...formats, '--check'])).code).toBe(0);

    // --force rebuilds all.
    const forced = await run(['build', seed, '--out', out, '--force', '--formats', 'json']);
    expect(forced.stdout).toMatch(/built talks: json/);

    // The essay changed: everything is stale, and --check says so with exit 1.
    await appendFile(seed, '\nIn June 2007 a new plan began.\n');
    const check = await run(['build', seed, '--out', out, ...formats, '--check']);
    expect(check.stdout.trim()).toBe('stale talks: json, factsheet');
    expect(check.code).toBe(1);
  });

  it('rebuilds only the products whose templates changed', async () => {
    const out = await temp('tpl');
    const seed = await shortEssay();
    const templates = await temp('own-templates');
    const args = ['build', seed, '--out', out, '--formats', 'json,factsheet', '--templates', templates];
    await firstBuild(seed, out, templates);
    expect((await run([...args, '--check'])).code).toBe(0);
    await mkdir(path.join(templates, 'css'));
    await writeFile(
      path.join(templates, 'css', 'factsheet.css'),
      `${await readFile(path.join(root, 'templates', 'css', 'factsheet.css'), 'utf8')}\n/* a change */\n`,
    );
    const check = await run([...args, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe('stale talks: factsheet');
    expect((await run(args)).stdout).toMatch(/built talks: factsheet \(up to date: json\)/);
    expect((await run([...args, '--check'])).code).toBe(0);
  });
});

describe('shards', () => {
  it('split essays into shares that cover every essay once, fixed by the names, none empty', () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `essay-${i}`);
    const same = (s: string) => s;
    const shares = [1, 2, 3, 4].map((index) => shareOf(slugs, same, { index, count: 4 }));
    expect(shares.flat().sort()).toEqual([...slugs].sort());
    for (const share of shares) expect(share.length).toBe(50);
    // The same on every run and every machine (a CI matrix depends on it), whatever order the essays come in.
    expect(shareOf([...slugs].reverse(), same, { index: 2, count: 4 })).toEqual(shares[1]);
    // Four essays over four shards: one each, never an empty machine.
    const four = ['a', 'b', 'c', 'd'];
    expect([1, 2, 3, 4].map((index) => shareOf(four, same, { index, count: 4 }).length)).toEqual([1, 1, 1, 1]);
  });

  it('rejects a malformed --shard and --jobs', async () => {
    expect((await run(['build', '--shard', '5/4'])).code).toBe(2);
    expect((await run(['build', '--jobs', '0'])).stderr).toMatch(/--jobs: "0" is not a whole number/);
  });
});
