// The npm package as a user gets it: packed, installed into an empty project, run with npx and imported from ESM
// and from TypeScript (whose types must resolve). Slow (an npm install, ~10 s with npm's cache warm) but the only
// test that sees what the tarball lacks.
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, seed, temp } from './helpers.ts';

const run = promisify(execFile);
let project = '';

beforeAll(async () => {
  const packs = await temp('tarball');
  // dist/ is fresh (tests/bundle.setup.ts): packing must not bundle again under the feet of the other test files.
  await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], { cwd: root });
  const [tarball] = await readdir(packs);
  project = await temp('user-project');
  await writeFile(
    path.join(project, 'package.json'),
    '{ "name": "user-project", "private": true, "type": "module" }\n',
  );
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(packs, tarball!)],
    { cwd: project, timeout: 180_000 },
  );
}, 200_000);

describe('the npm package', () => {
  it('ships the bundle, the templates, the schema and the notices, and no tests', async () => {
    const installed = path.join(project, 'node_modules', 'briefing-pack');
    const files = await readdir(installed);
    expect(files).toEqual(
      expect.arrayContaining(['bin', 'dist', 'templates', 'schema', 'README.md', 'NOTICE', 'LICENSE', 'package.json']),
    );
    for (const absent of ['tests', 'bench', 'pipeline', 'source', 'scripts']) expect(files).not.toContain(absent);
    expect(JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')).private).toBeUndefined();
  });

  it('builds a pack with npx briefing', async () => {
    await writeFile(path.join(project, 'essay.txt'), await readFile(seed));
    const { stdout } = await run(
      'npx',
      ['--no-install', 'briefing', 'build', 'essay.txt', '--formats', 'briefing,json'],
      {
        cwd: project,
        timeout: 120_000,
      },
    );
    expect(stdout).toMatch(/1 of 1 essays built/);
    const pdf = await readFile(path.join(project, 'output', 'essay', 'briefing.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const chronology = JSON.parse(await readFile(path.join(project, 'output', 'essay', 'chronology.json'), 'utf8'));
    expect(chronology.events.length).toBeGreaterThan(10);
  }, 120_000);

  it('imports from an ES module, and its types resolve for TypeScript', async () => {
    await writeFile(
      path.join(project, 'use.mjs'),
      "import { build, extract, lint } from 'briefing-pack';\n" +
        "const { chronology } = await extract('# Talks\\n\\nNATO met in Brussels on 4 May 1994.\\n');\n" +
        'console.log(typeof build, typeof lint, chronology.title, chronology.events[0].date.value);\n',
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: project });
    expect(stdout.trim()).toBe('function function Talks 1994-05-04');

    await writeFile(
      path.join(project, 'use.ts'),
      "import { build, extract, type Chronology, type EssayResult } from 'briefing-pack';\n" +
        "const results: EssayResult[] = await build({ inputs: ['essay.txt'], formats: ['json'] });\n" +
        "const chronology: Chronology = (await extract('Title\\n\\nIn 1994 NATO met.\\n')).chronology;\n" +
        'export const first: string | undefined = chronology.events[0]?.date.value ?? results[0]?.slug;\n',
    );
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false },
        files: ['use.ts'],
      }),
    );
    const tsc = path.join(root, 'node_modules', 'typescript-7', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', '.'], { cwd: project })).resolves.toBeTruthy();
    // A type error is reported: the check above could not pass by checking nothing.
    await writeFile(path.join(project, 'use.ts'), "import { build } from 'briefing-pack';\nawait build({ out: 3 });\n");
    await expect(run(process.execPath, [tsc, '-p', '.'], { cwd: project })).rejects.toMatchObject({
      stdout: expect.stringMatching(/use\.ts.*error TS2322/),
    });
  }, 60_000);
});
