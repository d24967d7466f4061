// The deck: slide order, 16:9 pages, nothing overflowing (measured in Chromium), an editable PowerPoint, and an HTML
// deck that navigates with the keyboard.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, temp, warmBrowser } from './helpers.ts';
import { readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const seedText = await readFile(path.join(root, 'source', 'azerbaijan-nato.txt'), 'utf8');
const long = (() => {
  const [title, ...body] = seedText.replace(/\n\s*Brief essay was compiled[^\n]*\n?$/, '\n').split('\n');
  return `${title}\n${Array.from({ length: 6 }, (_, i) => body.join('\n').replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + 15 * i))).join('\n')}`;
})();

/** Every element of every slide: inside the slide, not clipped by its box, and bullets at 24 px or more. */
const CHECK = `[...document.querySelectorAll('.slide')].flatMap((slide) => {
  const frame = slide.getBoundingClientRect();
  return [...slide.querySelectorAll('*')].filter((e) => !e.closest('.notes') && !e.closest('svg')).flatMap((e) => {
    const r = e.getBoundingClientRect();
    const problems = [];
    if (r.width && (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)) problems.push('off the slide');
    if (e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible') problems.push('clipped');
    if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth) problems.push('too wide');
    if (e.tagName === 'LI' && parseFloat(getComputedStyle(e).fontSize) < 24) problems.push('bullet under 24px');
    return problems.map((p) => slide.id + ' ' + (e.className || e.tagName) + ': ' + p);
  });
})`;

describe('the slide deck', () => {
  let out: string;
  beforeAll(async () => {
    const src = await temp('deck-src');
    out = await temp('deck');
    await writeFile(path.join(src, 'seed.txt'), seedText);
    await writeFile(path.join(src, 'long.txt'), long);
    const results = await pack({ inputs: [src], outDir: out, settings: { ...defaultSettings, formats: ['slides'] } });
    for (const r of results) expect(r.error, r.slug).toBeNull();
  });

  it('has its slides in order for the seed, one 16:9 page each', async () => {
    const pdf = await readPdf(path.join(out, 'seed', 'slides.pdf'));
    const titles = pdf.pages.map((p) => p.text.split('\n')[0]!.trim());
    expect(titles[0]).toMatch(/^Azerbaijan \u2013 NATO/);
    expect(titles[1]).toBe('Agenda');
    expect(titles[2]).toMatch(/^Timeline \(1 of \d\)$/);
    expect(titles).toContain('Key people (1/2)');
    expect(titles).toContain('In their words');
    expect(titles.at(-1)).toBe('Source');
    expect(titles.at(-2)).toMatch(/^Summary( \(\d\/\d\))?$/);
    for (const page of pdf.pages) expect(page.width / page.height).toBeCloseTo(16 / 9, 3);
  });

  it.each(['seed', 'long'])('lets nothing overflow on the %s essay', async (slug) => {
    const page = await (await warmBrowser()).newPage();
    try {
      await page.setViewport({ width: 1920, height: 1080 });
      await page.setJavaScriptEnabled(false); // the print layout: every slide, one after another
      await page.goto(pathToFileURL(path.join(out, slug, 'slides.html')).href);
      await page.emulateMediaType('print');
      expect(await page.evaluate(CHECK)).toEqual([]);
      // The check can fail: a bullet too long for its slide is caught.
      await page.evaluate(
        `document.querySelector('.slide.bullets li').textContent = 'An overlong bullet. '.repeat(80)`,
      );
      expect(((await page.evaluate(CHECK)) as string[]).some((p) => /off the slide|clipped/.test(p))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('writes a PowerPoint whose bullets and notes are text', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'seed', 'slides.pptx')));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const pdf = await readPdf(path.join(out, 'seed', 'slides.pdf'));
    expect(slides).toHaveLength(pdf.pages.length);
    const all = (await Promise.all(slides.map((f) => zip.file(f)!.async('string')))).join('');
    expect(all).toContain('Heydar Aliyev signed the');
    expect(all).toContain('Agenda');
    const notes = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /notesSlide\d+\.xml$/.test(f))
          .map((f) => zip.file(f)!.async('string')),
      )
    ).join('');
    expect(notes).toContain('\u00b6 3');
    const timeline = await zip.file('ppt/slides/slide3.xml')!.async('string');
    expect(timeline).toContain('prstGeom prst="ellipse"'); // the timeline, drawn in native shapes
    expect(timeline).toContain('<a:t>1992</a:t>');
    // Every slide's title is its master's title placeholder (restyled with the master, seen by PowerPoint's outline
    // and accessibility checker), shrunk to fit when it runs long; bullets sit in the body placeholder.
    for (const name of slides) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).toMatch(/<p:ph\s+idx="\d+"\s+type="title"[\s\S]*?<a:normAutofit\/>[\s\S]*?<a:t>[^<]+<\/a:t>/);
    }
    expect(await zip.file('ppt/slides/slide2.xml')!.async('string')).toMatch(/type="body"/);
    // The package declares only the parts it has (pptxgenjs declared a slide master per slide).
    const types = await zip.file('[Content_Types].xml')!.async('string');
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(part!), part).not.toBeNull();
  });

  it("lays the PowerPoint's slides on typed layouts: title, content, title only, table, two content, section", async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'seed', 'slides.pptx')));
    const read = (name: string) => zip.file(name)!.async('string');
    const layouts = new Map<string, { name: string; type: string }>();
    for (const file of Object.keys(zip.files).filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f))) {
      const xml = await read(file);
      layouts.set(path.basename(file), {
        name: /<p:cSld name="([^"]*)"/.exec(xml)![1]!,
        type: /<p:sldLayout\b[^>]*\btype="([^"]*)"/.exec(xml)?.[1] ?? '',
      });
    }
    const typed = [...layouts.values()].filter((l) => l.name.startsWith('Briefing')).map((l) => l.type);
    expect(typed.sort()).toEqual(['obj', 'secHead', 'tbl', 'title', 'titleOnly', 'twoObj']);
    // Each slide on the layout for what it shows: the timelines on the title-only layout, the rest on title or content.
    const on = async (n: number) =>
      layouts.get(/slideLayouts\/([^"]+)"/.exec(await read(`ppt/slides/_rels/slide${n}.xml.rels`))![1]!)!.type;
    expect(await on(1)).toBe('title');
    expect(await on(2)).toBe('obj');
    expect(await on(3)).toBe('titleOnly');
  });

  it('navigates the HTML deck with the keyboard, with one counter, and shows the notes clear of the help bar', async () => {
    const page = await (await warmBrowser()).newPage();
    try {
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(pathToFileURL(path.join(out, 'seed', 'slides.html')).href);
      const counter = () => page.$eval('.slide.shown .foot span:last-child', (e) => e.textContent);
      // One counter on screen: the slide's own.
      const counters = await page.$$eval(
        'body *',
        (all) =>
          all.filter(
            (e) => e.children.length === 0 && /^\d+ \/ \d+$/.test(e.textContent ?? '') && e.getClientRects().length > 0,
          ).length,
      );
      expect(counters).toBe(1);
      const total = (await readPdf(path.join(out, 'seed', 'slides.pdf'))).pages.length;
      expect(await counter()).toBe(`1 / ${total}`);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      expect(await counter()).toBe(`3 / ${total}`);
      await page.keyboard.press('ArrowLeft');
      expect(await counter()).toBe(`2 / ${total}`);
      await page.keyboard.press('End');
      expect(await counter()).toBe(`${total} / ${total}`);
      await page.keyboard.press('Home');
      expect(await counter()).toBe(`1 / ${total}`);
      expect(await page.$eval('.slide.shown', (e) => e.id)).toBe('slide-1');
      await page.keyboard.press('s');
      expect(await page.$eval('#notes', (e) => e.textContent)).toContain('Briefing on');
      expect(await page.$eval('.hud', (e) => getComputedStyle(e).display)).toBe('none');
      // Offline: every font is inside the file.
      expect(await readFile(path.join(out, 'seed', 'slides.html'), 'utf8')).not.toMatch(/url\((?!data:)/);
    } finally {
      await page.close();
    }
  });
});
