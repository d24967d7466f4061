// PDFs a reader can search and copy: the hyphenation the reader sees is kept, and only the soft hyphens where a line
// breaks stay in the text (pipeline/browser/page-scripts/soft-hyphens.ts). Checked on the seed and essays of other shapes, in
// every product, and against a print that keeps them all: the pages are the same.
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageScript } from '../pipeline/browser/page-scripts/index.ts';
import { dropUnusedSoftHyphens, pageAreaWidth } from '../pipeline/browser/page-scripts/soft-hyphens.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, seed, temp, warmPrinter } from './helpers.ts';
import { readPdf, softHyphens } from './pdf.ts';
import { difference, rasterise } from './pixels.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'shapes');
const ESSAYS = [seed, path.join(fixtures, 'analysis-sanctions.txt'), path.join(fixtures, 'note-svalbard.txt')];
const slugOf = (file: string) => path.basename(file).replace(/\.\w+$/, '');
let out = '';

beforeAll(async () => {
  const src = await temp('search-src');
  out = await temp('search');
  for (const essay of ESSAYS) await copyFile(essay, path.join(src, path.basename(essay)));
  const results = await pack({ inputs: [src], outDir: out, settings: defaultSettings });
  for (const r of results) expect(r.error, r.slug).toBeNull();
}, 120_000);

describe.each(ESSAYS.map(slugOf))('the PDFs of %s', (slug) => {
  it('hold no soft hyphen inside a word: only at a line end, where the reader sees a hyphen', async () => {
    let atLineEnds = 0;
    for (const product of ['briefing', 'slides', 'factsheet']) {
      const found = await softHyphens(path.join(out, slug, `${product}.pdf`));
      expect(found.insideWords, product).toBe(0);
      atLineEnds += found.atLineEnds;
    }
    // Hyphenation is still on: the justified text breaks inside words somewhere.
    expect(atLineEnds).toBeGreaterThan(0);
  });
});

it('finds the words a reader searches for in the seed', async () => {
  const text = (await readPdf(path.join(out, 'azerbaijan-nato', 'briefing.pdf'))).pages.map((p) => p.text).join('\n');
  for (const word of ['Azerbaijan', 'Partnership', 'Council'])
    expect(text.match(new RegExp(word, 'g'))?.length, word).toBeGreaterThan(3);
  // The HTML keeps every soft hyphen: the browser's own layout and search handle them.
  expect(await readFile(path.join(out, 'azerbaijan-nato', 'briefing.html'), 'utf8')).toMatch(/Azer\u00adbai\u00adjan/);
});

it('prints the same pages as a print that keeps every soft hyphen', async () => {
  const printer = await warmPrinter();
  const html = path.join(out, 'azerbaijan-nato', 'briefing.html');
  const [all, some] = [path.join(out, 'all.pdf'), path.join(out, 'some.pdf')];
  await printer.withPage(async (page) => {
    await printer.load(page, html);
    await page.emulateMediaType('print');
    const width = (await page.evaluate(pageScript(pageAreaWidth))) as string;
    const kept = await page.evaluate(pageScript(dropUnusedSoftHyphens, width, false));
    expect(kept).toMatchObject({ dropped: expect.any(Number) });
    await page.pdf({ path: all, printBackground: true, preferCSSPageSize: true });
    await printer.load(page, html);
    await printer.pdf(page, some);
  });
  expect((await softHyphens(all)).insideWords).toBeGreaterThan(500);
  expect((await softHyphens(some)).insideWords).toBe(0);
  const [a, b] = await Promise.all([rasterise(all), rasterise(some)]);
  expect(b).toHaveLength(a.length);
  for (let i = 0; i < a.length; i++) expect(difference(a[i]!, b[i]!, 2), `page ${i + 1}`).toBe(0);
}, 60_000);
