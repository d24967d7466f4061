// The preview shows the pages the PDF has: the briefing and the fact sheet as the preview of `briefing watch` serves
// them (laid out in pages by Paged.js), screenshot page by page, against the PDF's pages rasterised at the same size.
// The pack is built in this process and served by the preview's own server (authoring.test.ts runs the command).
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageData } from '@napi-rs/canvas';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Options, parse } from '../pipeline/app/cli/cli.ts';
import { PreviewServer } from '../pipeline/app/preview/preview-server.ts';
import { pack, temp, warmBrowser } from './helpers.ts';
import { decode, difference, rasterise } from './pixels.ts';

const root = path.join(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'markdown');
let server: PreviewServer;
let browser: Browser;
let port = 0;
let dir = '';

beforeAll(async () => {
  dir = await temp('preview-print');
  for (const file of ['features.md', 'map.png']) await copyFile(path.join(fixtures, file), path.join(dir, file));
  const args = ['watch', 'features.md', '--out', 'out', '--port', '0', '--formats', 'briefing,factsheet'];
  const options = (await parse(args, dir)) as Options;
  const [result] = await pack({
    inputs: [path.join(dir, 'features.md')],
    outDir: path.join(dir, 'out'),
    settings: options.settings,
  });
  expect(result!.error).toBeNull();
  server = new PreviewServer(path.join(dir, 'out'), options);
  server.state.slugs = ['features'];
  port = await server.start();
  browser = await warmBrowser();
}, 90_000);

afterAll(() => server?.close());

/** The same pictures are asked for by several tests: each is made once (a Paged.js layout or a rasterised PDF costs
 * seconds). */
const made = new Map<string, Promise<ImageData[]>>();
const once = (key: string, make: () => Promise<ImageData[]>) => {
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
};
const previewPages = (file: string, options: { fallbackFont?: boolean } = {}) =>
  once(`preview ${file} ${JSON.stringify(options)}`, () => screenshotPages(file, options));
const printed = (file: string) => once(`pdf ${file}`, () => rasterise(path.join(dir, 'out', 'features', file)));

/** Each page of the preview as the reader's browser draws it (one CSS pixel per pixel). */
async function screenshotPages(file: string, options: { fallbackFont?: boolean } = {}) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 900, height: 1200 });
    if (options.fallbackFont) {
      await page.evaluateOnNewDocument(() =>
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          document.head.insertAdjacentHTML(
            'beforeend',
            '<style data-pagedjs-ignore>* { font-family: serif !important; }</style>',
          );
        }),
      );
    }
    await page.goto(`http://localhost:${port}/out/features/${file}`);
    await page.waitForFunction(() => document.documentElement.dataset.paged === 'done', { timeout: 30_000 });
    const shots = [];
    for (const sheet of await page.$$('.pagedjs_page')) shots.push(await decode(await sheet.screenshot()));
    return shots;
  } finally {
    await page.close();
  }
}

const percent = (share: number) => Math.round(share * 1000) / 10;

describe('the paged preview', () => {
  it('shows the briefing on the pages the PDF has, with the same fonts and layout', async () => {
    const [preview, pdf] = await Promise.all([previewPages('briefing.html'), printed('briefing.pdf')]);
    expect(preview.length).toBe(pdf.length);
    expect(preview.length).toBeGreaterThan(3);
    // Percent of 8-pixel blocks that differ, page by page: anti-aliasing aside, none should.
    expect(pdf.map((page, i) => percent(difference(page, preview[i]!))).filter((d) => d > 1)).toEqual([]);
  }, 60_000);

  it('shows the fact sheet as printed', async () => {
    const [preview, pdf] = await Promise.all([previewPages('factsheet.html'), printed('factsheet.pdf')]);
    expect(preview.length).toBe(1);
    // Screen lines are a fraction of a pixel shorter than printed ones: a long list ends a few pixels higher.
    expect(percent(difference(pdf[0]!, preview[0]!))).toBeLessThan(4);
  }, 60_000);

  it('would see another font, another page or a page laid out without pages', async () => {
    // Another font moves every line of the page (the fact sheet's: one page to lay out, not the briefing's many).
    const [sheet] = await printed('factsheet.pdf');
    const [fallback] = await previewPages('factsheet.html', { fallbackFont: true });
    expect(percent(difference(sheet!, fallback!))).toBeGreaterThan(5);
    const pdf = await printed('briefing.pdf');
    const preview = await previewPages('briefing.html');
    expect(percent(difference(pdf[2]!, preview[1]!))).toBeGreaterThan(5);
    const page = await browser.newPage();
    await page.setViewport({ width: pdf[1]!.width, height: pdf[1]!.height });
    await page.goto(`http://localhost:${port}/out/features/briefing.html?view=flow`);
    await page.evaluate(() => document.fonts.ready);
    const flow = await decode(
      await page.screenshot({ clip: { x: 0, y: pdf[1]!.height, width: pdf[1]!.width, height: pdf[1]!.height } }),
    );
    await page.close();
    expect(percent(difference(pdf[1]!, flow))).toBeGreaterThan(5);
  }, 90_000);
});
