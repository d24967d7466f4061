import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRenderer } from '../pipeline/app/build/make-essay.ts';
import { parse } from '../pipeline/app/cli/cli.ts';
import { applyConfig, loadConfig } from '../pipeline/app/config/config.ts';
import { BriefingError } from '../pipeline/core/errors.ts';
import { defaultSettings, type Product } from '../pipeline/core/settings.ts';
import { command, pack, temp } from './helpers.ts';
import { readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const seed = path.join(root, 'source', 'azerbaijan-nato.txt');
const ceasefire = path.join(root, 'tests', 'fixtures', 'shapes', 'news-ceasefire.txt');
const run = (args: string[], cwd = root) => command(args, { cwd });

/** A copy of the theme fixture (configuration, logo, an overridden cover) to build in. */
async function themeFolder(): Promise<string> {
  const dir = await temp('theme');
  await cp(path.join(root, 'tests', 'fixtures', 'theme'), dir, { recursive: true });
  return dir;
}

/** Build the seed in-process in `dir`, with the configuration found there, as `briefing build` would. */
async function buildIn(dir: string, formats: Product[], essay = seed) {
  const { config } = await loadConfig(dir);
  const templates = config.templates && path.resolve(dir, config.templates);
  const [result] = await pack({
    inputs: [essay],
    outDir: path.join(dir, 'out'),
    settings: { ...applyConfig(defaultSettings, config), formats },
    templatesDir: templates,
  });
  expect(result!.error).toBeNull();
  return path.join(dir, 'out', result!.slug);
}

describe('a custom theme', () => {
  it('shows its paper, colours, logo, marking and cover', async () => {
    // A short news story: a theme shows on two pages as on ten (the seed's), in a third of the time.
    const made = await buildIn(await themeFolder(), ['briefing', 'factsheet'], ceasefire);
    const briefing = await readPdf(path.join(made, 'briefing.pdf'));
    for (const page of briefing.pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([612, 792]); // Letter
    const squeezed = (text: string) => text.replace(/\s+/g, ''); // letter-spaced labels come out as "O F F I C I A L"
    expect(squeezed(briefing.pages[0]!.text)).toMatch(/Customcover/i);
    for (const page of briefing.pages) expect(squeezed(page.text)).toContain('OFFICIAL');
    expect(briefing.info.Author).toBe('Ministry of Examples');
    expect(briefing.pages.map((p) => p.text).join(' ')).toContain('March 14, 2023'); // dates: month-day
    const bytes = await readFile(path.join(made, 'briefing.pdf'), 'latin1');
    expect(bytes).toMatch(/\/Subtype \/Image/); // the logo
    const html = await readFile(path.join(made, 'briefing.html'), 'utf8');
    expect(html).toContain('--accent: #8a1c2b');
    const factsheet = await readPdf(path.join(made, 'factsheet.pdf'));
    expect(Math.round(factsheet.pages[0]!.width)).toBe(612);
    expect(factsheet.pages).toHaveLength(1);
  });

  it('lets the command line win over the configuration, and keeps the rest of it', async () => {
    const dir = await themeFolder();
    const options = await parse(['build', seed, '--paper', 'A4', '--formats', 'factsheet'], dir);
    expect(options).toMatchObject({
      settings: { paper: 'A4', formats: ['factsheet'], organisation: 'Ministry of Examples', marking: 'OFFICIAL' },
      templates: path.join(dir, 'templates'),
    });
    expect('locked' in options && [...options.locked].sort()).toEqual(['paper', 'products']);
    expect((await parse(['build', seed], dir)) as { settings: { paper: string } }).toMatchObject({
      settings: { paper: 'Letter' },
    });
  });

  it("lets an essay's front matter set its own marking", async () => {
    const dir = await temp('matter');
    const essay = path.join(dir, 'memo.md');
    await writeFile(essay, '---\ntitle: A memo\nmarking: SECRET\n---\n\nThe treaty was signed in March 1992.\n');
    const made = await buildIn(dir, ['factsheet'], essay);
    expect((await readPdf(path.join(made, 'factsheet.pdf'))).pages[0]!.text.replace(/\s+/g, '')).toContain('SECRET');
  });
});

describe('configuration errors name the key and the file', () => {
  it.each([
    [
      'an unknown key',
      'paper: Letter\ncolors:\n  accent: red\n',
      /briefing\.config\.yaml: unknown key "colors" \(did you mean "colours"\?\)/,
    ],
    ['a wrong value', 'paper: A5\n', /briefing\.config\.yaml: paper: "A5" is not A4 or Letter/],
    [
      'a colour that is not one',
      'colours:\n  accent: "red; } body { display: none"\n',
      /briefing\.config\.yaml: colours\.accent: ".*" is not a CSS colour/,
    ],
    [
      'a font that is not installed',
      'fonts:\n  body: "@fontsource/no-such-font"\n',
      /fonts\.body: ".*" is not an installed package/,
    ],
  ])('%s', async (_, yaml, message) => {
    const dir = await temp('badconfig');
    await writeFile(path.join(dir, 'briefing.config.yaml'), yaml);
    const result = await run(['build', seed, '--out', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});

describe('template overrides', () => {
  it("fail on an unknown field with the template's file, line and the name", async () => {
    const dir = await temp('badtpl');
    await mkdir(path.join(dir, 'partials'));
    await writeFile(
      path.join(dir, 'partials', 'cover.hbs'),
      '<section class="cover">\n  <h1>{{title}}</h1>\n  <p>{{subtitel}}</p>\n</section>\n',
    );
    // A Chromium that only notes it was started: a template that fails its check starts none.
    const { findChrome } = await import('../pipeline/browser/find-chrome.ts');
    const chrome = path.join(dir, 'chrome.sh');
    const started = path.join(dir, 'started');
    await writeFile(chrome, `#!/bin/sh\ntouch '${started}'\nexec '${findChrome().executablePath}' "$@"\n`, {
      mode: 0o755,
    });
    const result = await command(
      ['build', seed, '--out', await temp('o'), '--formats', 'briefing', '--templates', dir],
      {
        env: { BRIEFING_CHROME: chrome },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/partials\/cover\.hbs:3:\d+: unknown field "subtitel"/);
    expect(existsSync(started)).toBe(false);
  });

  it("the default templates pass the same check a user's get", async () => {
    await expect(loadRenderer(path.join(import.meta.dirname, '..', 'templates'))).resolves.toBeDefined();
  });

  /** The message the template check gives for the templates in `dir` (the CLI prints it as it is). */
  const checkFails = async (dir: string) => {
    const error = await loadRenderer(dir).then(
      () => null,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(BriefingError);
    return error!.message;
  };

  it('are checked in every branch before a build, with did-you-mean, and say where a block is left open', async () => {
    const dir = await temp('branches');
    await mkdir(path.join(dir, 'partials'));
    // The seed has no subtitle: this branch never runs for it, and is still checked.
    await writeFile(
      path.join(dir, 'partials', 'cover.hbs'),
      '<section class="cover">\n  <h1>{{title}}</h1>\n  {{#if subtitle}}<p>{{subtitel}}</p>{{/if}}\n</section>\n',
    );
    expect(await checkFails(dir)).toMatch(
      /partials\/cover\.hbs:3:\d+: unknown field "subtitel" \(did you mean "subtitle"\?\)/,
    );
    await writeFile(path.join(dir, 'partials', 'cover.hbs'), '<section>\n{{#if title}}\n<h1>{{title}}</h1>\n');
    expect(await checkFails(dir)).toMatch(
      /partials\/cover\.hbs:4: expected .*"\{\{\/", got the end of the file, at ".*<h1>\{\{title\}\}<\/h1>"/,
    );
  });

  it('fail on an unknown helper, and never reach outside the template folders', async () => {
    const dir = await temp('badhelper');
    await mkdir(path.join(dir, 'partials'));
    await writeFile(path.join(dir, 'partials', 'cover.hbs'), '<h1>{{shout title}}</h1>\n');
    expect(await checkFails(dir)).toMatch(/partials\/cover\.hbs:1:\d+: unknown helper "shout"/);
    await writeFile(path.join(dir, 'partials', 'cover.hbs'), '{{> ../../../../etc/passwd}}\n');
    const settings = { ...defaultSettings, formats: ['briefing'] as Product[] };
    const [result] = await pack({ inputs: [seed], outDir: await temp('o'), settings, templatesDir: dir });
    expect(result!.error).toMatch(/partial/i);
    expect(result!.error).not.toContain('root:');
  });

  it('eject copies the defaults, or the ones named, and never over a file (e2e.test.ts builds with the copy)', async () => {
    const dir = await temp('eject');
    const ejected = await run(['templates', 'eject', '--to', path.join(dir, 'mine')]);
    expect(ejected.code).toBe(0);
    expect((await readdir(path.join(dir, 'mine', 'partials'))).sort()).toContain('cover.hbs');
    const one = await run(['templates', 'eject', 'cover', '--to', path.join(dir, 'only-cover')]);
    expect(one.stdout).toContain(path.join('only-cover', 'partials', 'cover.hbs'));
    expect(await readdir(path.join(dir, 'only-cover', 'partials'))).toEqual(['cover.hbs']);
    expect((await run(['templates', 'eject', 'cover', '--to', path.join(dir, 'only-cover')])).stderr).toMatch(/exists/);
  });
});
