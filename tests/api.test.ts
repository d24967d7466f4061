// The programmatic API, as a script imports it from the package: build, extract and lint.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temp } from './helpers.ts';

// By the package's own name, as a user's script would: the bundled dist/api.mjs, typed by dist/types/api.d.ts.
const api = (await import('briefing-pack')) as unknown as typeof import('../pipeline/api.ts');

describe('the programmatic API', () => {
  it('extracts the chronology of a text, with the warnings the build would give', async () => {
    const { chronology, messages } = await api.extract(
      'Title\n\nThe Allaince met the Alliance in Brussels on 4 May 1994.\n',
    );
    expect(chronology.events.map((e) => e.date.value)).toEqual(['1994-05-04']);
    expect(messages).toEqual([expect.objectContaining({ rule: 'spelling', severity: 'warning', line: 3 })]);
    expect(await api.lint('# T\n\nNo dates here at all.\n', { format: 'md' })).toEqual([
      expect.objectContaining({ rule: 'no-dates' }),
    ]);
  });

  it('builds packs as the CLI does, with settings as the configuration file gives them', async () => {
    const dir = await temp('api');
    await writeFile(path.join(dir, 'e.txt'), 'Title\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n');
    const [result] = await api.build({
      cwd: dir,
      inputs: ['e.txt'],
      out: 'packs',
      formats: ['json'],
      config: { 'reference-date': '2001-01-01' },
    });
    expect(result).toMatchObject({ slug: 'e', built: ['json'], error: null, errorCode: null });
    // A failure has a code to branch on, as well as its words.
    await writeFile(path.join(dir, 'empty.txt'), '');
    const [failed] = await api.build({ cwd: dir, inputs: ['empty.txt'], out: 'packs', formats: ['json'] });
    expect(failed).toMatchObject({ error: 'empty file', errorCode: 'source' });
    const chronology = JSON.parse(await readFile(path.join(dir, 'packs', 'e', 'chronology.json'), 'utf8'));
    expect(chronology.events).toHaveLength(2);
  });

  it('declares its types for TypeScript', async () => {
    const pkg = JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/types/api.d.ts', import: './dist/api.mjs' });
    const types = await readFile(path.join(import.meta.dirname, '..', 'dist', 'types', 'api.d.ts'), 'utf8');
    expect(types).toMatch(/export declare function build\(options\?: BuildOptions\): Promise<EssayResult\[\]>/);
    expect(types).toMatch(/export declare function extract\(/);
  });
});

describe('a product of its own', () => {
  it('is one object and one line to register; the build makes it, keeps it up to date and lists it', async () => {
    const dir = await temp('api');
    await writeFile(path.join(dir, 'e.txt'), 'Title\n\nIn May 1994 NATO met in Brussels. In June 1995 it met again.\n');
    api.registerProduct({
      name: 'dates',
      files: ['dates.txt'],
      layout: null,
      preview: [['dates.txt', 'Dates']],
      paged: false,
      make: async ({ chronology, staging }) =>
        writeFile(path.join(staging, 'dates.txt'), chronology.events.map((e) => `${e.date.value}\n`).join('')),
    });
    const options = { cwd: dir, inputs: ['e.txt'], out: 'packs', formats: ['dates', 'json'] };
    const [first] = await api.build(options);
    expect(first!.error).toBeNull();
    expect([...first!.built].sort()).toEqual(['dates', 'json']);
    expect(await readFile(path.join(dir, 'packs', 'e', 'dates.txt'), 'utf8')).toBe('1994-05\n1995-06\n');
    const [again] = await api.build(options);
    expect(again!.built).toEqual([]);
    expect([...again!.skipped].sort()).toEqual(['dates', 'json']);
  });
});
