// Packs that fit their essay: four shapes of essay (a chronicle, an analysis, a news story, a short note), each in a
// sample from ../shared/essays and one written for these tests, built once and checked in print and in Chromium.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chronology } from '../pipeline/core/model.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { formatDate } from '../pipeline/views/format.ts';
import { hasSharedEssays, NO_SHARED, pack, sharedEssays, temp, warmPrinter } from './helpers.ts';
import { readPdf } from './pdf.ts';

const own = path.join(import.meta.dirname, 'fixtures', 'shapes');

const ESSAYS = {
  'eu-enlargement': { from: sharedEssays, file: 'eu-enlargement.md', shape: 'chronology' },
  'history-arctic': { from: own, file: 'history-arctic.md', shape: 'chronology' },
  'analysis-deterrence': { from: sharedEssays, file: 'analysis-deterrence.txt', shape: 'analysis' },
  'analysis-sanctions': { from: own, file: 'analysis-sanctions.txt', shape: 'analysis' },
  'news-grain-deal': { from: sharedEssays, file: 'news-grain-deal.txt', shape: 'news' },
  'news-ceasefire': { from: own, file: 'news-ceasefire.txt', shape: 'news' },
  'short-note': { from: sharedEssays, file: 'short-note.txt', shape: 'note' },
  'note-svalbard': { from: own, file: 'note-svalbard.txt', shape: 'note' },
} as const;
type Slug = keyof typeof ESSAYS;
// Each shape has an essay of its own here, so the checks hold on a checkout without the shared samples.
const slugs = (Object.keys(ESSAYS) as Slug[]).filter((slug) => hasSharedEssays || ESSAYS[slug].from === own);

it.skipIf(hasSharedEssays)(`the samples of ../shared/essays (${NO_SHARED})`, () => {});

let out = '';
const chronologies = {} as Record<Slug, Chronology>;

beforeAll(async () => {
  const src = await temp('shapes-src');
  out = await temp('shapes');
  for (const essay of slugs.map((slug) => ESSAYS[slug]))
    await cp(path.join(essay.from, essay.file), path.join(src, essay.file));
  const results = await pack({ inputs: [src], outDir: out, settings: defaultSettings });
  for (const r of results) expect(r.error, r.slug).toBeNull();
  for (const slug of slugs)
    chronologies[slug] = JSON.parse(await readFile(path.join(out, slug, 'chronology.json'), 'utf8'));
}, 120_000);

/** Evaluate `script` in the product's HTML as Chromium lays it out for print. */
const inPage = async <T>(slug: Slug, product: string, script: string): Promise<T> => {
  const printer = await warmPrinter();
  return printer.withPage(async (page: Page) => {
    await page.emulateMediaType('print');
    try {
      await printer.load(page, path.join(out, slug, `${product}.html`));
      return (await page.evaluate(script)) as T;
    } finally {
      await page.emulateMediaType(); // the page goes back to the pool the builds print with
    }
  });
};

describe('the briefing fits its essay', () => {
  it.each(slugs)('%s: a timeline, a chronology and figures only with three dated events or more', async (slug) => {
    const dated = chronologies[slug].events.length >= 3;
    const briefing = await readPdf(path.join(out, slug, 'briefing.pdf'));
    expect(briefing.outline.includes('Timeline'), slug).toBe(dated);
    expect(briefing.outline.includes('Chronology'), slug).toBe(dated);
    const sheet = await readFile(path.join(out, slug, 'factsheet.html'), 'utf8');
    expect(sheet.includes('class="timeline"'), slug).toBe(dated);
    expect(sheet.includes('class="figures"'), slug).toBe(dated);
    // The deck's HTML, which its PDF is printed from (reading 8 decks back from PDF cost 2 CPU-s).
    const deck = await readFile(path.join(out, slug, 'slides.html'), 'utf8');
    expect(deck.includes('<section class="slide timeline"'), slug).toBe(dated);
  });

  it('prints a short note on two pages, and names the shape of each essay on its cover', async () => {
    for (const slug of slugs) {
      const briefing = await readPdf(path.join(out, slug, 'briefing.pdf'));
      const label = { chronology: 'Chronology', analysis: 'Analysis', news: 'News brief', note: 'Note' }[
        ESSAYS[slug].shape
      ];
      if (ESSAYS[slug].file.endsWith('.md') && slug === 'eu-enlargement') continue; // its front matter gives a subtitle
      expect(briefing.pages[0]!.text, slug).toContain(label);
      if (ESSAYS[slug].shape === 'note') expect(briefing.pages, slug).toHaveLength(2);
    }
  });

  it("prints a who's who only for an essay that names people", async () => {
    for (const slug of slugs) {
      const briefing = await readPdf(path.join(out, slug, 'briefing.pdf'));
      expect(briefing.outline.includes('Who\u2019s who'), slug).toBe(chronologies[slug].people.length > 0);
    }
  });
});

describe('the fact sheet fits its essay', () => {
  it.each(slugs)('%s: figures in the right number, and milestones numbered as on the timeline', async (slug) => {
    const text = (await readPdf(path.join(out, slug, 'factsheet.pdf'))).pages[0]!.text.replace(/\s+/g, ' ');
    expect(text).not.toMatch(
      /\b1 (?:years|dated events|visits|agreements|operations|decisions|statements|changes|people)\b/,
    );
    expect(text).not.toMatch(/\b(?:[02-9]|\d\d+) (?:year|dated event) covered\b/);
    const html = await readFile(path.join(out, slug, 'factsheet.html'), 'utf8');
    const rows = [
      ...html.matchAll(
        /data-fit="milestones"[^>]*><span class="num"[^>]*>(\d+)<\/span><span class="date">([^<]+)<\/span>/g,
      ),
    ];
    for (const [, number, date] of rows) {
      const event = chronologies[slug].events[Number(number) - 1]!;
      expect(date, `${slug} milestone ${number}`).toBe(formatDate(event.date));
    }
    // No event told twice: a point in brief is not repeated as a milestone.
    const brief = [...html.matchAll(/data-fit="brief"[^>]*>([^<]*)</g)].map((m) => m[1]!);
    for (const [, number] of rows) {
      const summary = chronologies[slug].events[Number(number) - 1]!.summary.replace(
        /["'\u2018\u2019\u201c\u201d]/g,
        '',
      );
      expect(
        brief.some((b) => b.replace(/["'\u2018\u2019\u201c\u201d&#0-9;]/g, '').includes(summary.slice(0, 40))),
        `${slug} milestone ${number}`,
      ).toBe(false);
    }
  });

  it.each(slugs)('%s: leaves no empty band taller than 15% of the page', async (slug) => {
    const band = await inPage<number>(
      slug,
      'factsheet',
      `(() => {
      const sheet = document.querySelector('.sheet').getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.sheet > header, .figures, .strip, .brief, .columns > * > *, .excerpt > *, .sheet > footer')]
        .map((e) => e.getBoundingClientRect()).filter((r) => r.height > 0).sort((a, b) => a.top - b.top);
      let bottom = sheet.top, gap = 0;
      for (const r of boxes) { gap = Math.max(gap, r.top - bottom); bottom = Math.max(bottom, r.bottom); }
      return gap / sheet.height;
    })()`,
    );
    expect(band, slug).toBeLessThanOrEqual(0.15);
  });
});

/** Type smaller than 18 pt for content or 14 pt for labels (a slide is 1920 CSS pixels printed as 20 inches). */
const SMALL_TYPE = `(() => {
  const LABELS = '.year, .num, .when, .foot, .foot *, .marking, .date, .sub';
  const out = [];
  for (const el of document.querySelectorAll('.slide *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length || el.closest('.notes')) continue;
    const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
    const min = el.matches(LABELS) ? 14 : 18;
    if (pt < min - 0.01) out.push(el.className + ' ' + pt + 'pt: ' + el.textContent.trim().slice(0, 30));
  }
  return out;
})()`;

/** Timeline labels that overlap, or that a leader line crosses. */
const LABEL_CLASHES = `(() => {
  const out = [];
  for (const slide of document.querySelectorAll('.slide.timeline')) {
    const boxes = [...slide.querySelectorAll('.labelled .label')].map((e) => e.getBoundingClientRect());
    const leaders = [...slide.querySelectorAll('.labelled .leader')].map((e) => e.getBoundingClientRect());
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) out.push(slide.id + ' labels ' + i);
    }));
    leaders.forEach((l, i) => boxes.forEach((b, j) => {
      const inside = l.left > b.left + 1 && l.left < b.right - 1 && l.top < b.bottom - 1 && l.bottom > b.top + 1;
      if (inside && i !== j) out.push(slide.id + ' leader ' + i + ' crosses label ' + j);
    }));
  }
  return out;
})()`;

/** Both measures of an essay's deck, from one load of it (a deck with its fonts inlined is slow to load). */
const deckMeasures = new Map<Slug, Promise<{ small: string[]; clashes: string[] }>>();
const measureDeck = (slug: Slug) => {
  if (!deckMeasures.has(slug))
    deckMeasures.set(slug, inPage(slug, 'slides', `({ small: ${SMALL_TYPE}, clashes: ${LABEL_CLASHES} })`));
  return deckMeasures.get(slug)!;
};

describe('the slides fit their essay', () => {
  it.each(slugs)(
    '%s: type no smaller than 18 pt for content and 14 pt for labels, measured in Chromium',
    async (slug) => {
      expect((await measureDeck(slug)).small, slug).toEqual([]);
    },
  );

  it.each(slugs)('%s: timeline labels that do not overlap, crossed by no leader line', async (slug) => {
    expect((await measureDeck(slug)).clashes, slug).toEqual([]);
  });

  it.each(slugs)('%s: an agenda that lists every part of the deck, and no slide of a single bullet', async (slug) => {
    const html = await readFile(path.join(out, slug, 'slides.html'), 'utf8');
    const slides = [...html.matchAll(/<section class="slide (\w+)"[\s\S]*?<\/section>/g)].map(([s, kind]) => ({
      kind: kind!,
      title: /<h[12][^>]*>([^<]*)<\/h[12]>/.exec(s)?.[1] ?? '',
      bullets: (s.match(/<li>/g) ?? []).length,
    }));
    const agenda = slides
      .filter((s) => s.kind === 'agenda')
      .flatMap((s) =>
        [...html.slice(html.indexOf(`>${s.title}<`)).matchAll(/<li>([^<]*)<\/li>/g)]
          .slice(0, s.bullets)
          .map((m) => m[1]!),
      );
    const parts = [
      ...new Set(
        slides
          .filter((s) => !['title', 'agenda', 'source'].includes(s.kind))
          .map((s) => s.title.replace(/ \(\d+(?:\/| of )\d+\)$/, '')),
      ),
    ];
    expect(agenda, slug).toEqual(parts);
    for (const s of slides.filter((x) => x.kind === 'bullets' || x.kind === 'people'))
      expect(s.bullets, `${slug}: ${s.title}`).toBeGreaterThan(1);
  });
});

describe('the PowerPoint follows the configuration', () => {
  it('puts the marking on every slide, the logo on the title slide, and the colours and font of the theme', async () => {
    const dir = await temp('brand');
    await cp(path.join(own, 'history-arctic.md'), path.join(dir, 'history-arctic.md'));
    await cp(path.join(import.meta.dirname, 'fixtures', 'markdown', 'map.png'), path.join(dir, 'logo.png'));
    await writeFile(
      path.join(dir, 'briefing.config.yaml'),
      'marking: OFFICIAL-SENSITIVE\nlogo: logo.png\ncolours:\n  accent: "#8a1c2b"\nfonts:\n  headings: "@fontsource/source-sans-3"\n',
    );
    const { loadConfig, applyConfig } = await import('../pipeline/app/config/config.ts');
    const { config } = await loadConfig(dir);
    const [result] = await pack({
      inputs: [path.join(dir, 'history-arctic.md')],
      outDir: path.join(dir, 'out'),
      settings: { ...applyConfig(defaultSettings, config), formats: ['slides'] },
    });
    expect(result!.error).toBeNull();
    const zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out', 'history-arctic', 'slides.pptx')));
    const xml = (name: string) => zip.file(name)!.async('string');
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThan(3);
    for (const slide of slides) {
      // Each slide follows a master (layout) that carries the marking, top and bottom.
      const rels = await xml(`${slide.replace('slides/', 'slides/_rels/')}.rels`);
      const layout = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(rels)![1]!;
      const master = await xml(`ppt/slideLayouts/${layout}`);
      expect(master.match(/OFFICIAL-SENSITIVE/g)?.length, slide).toBe(2);
      expect(master, slide).toMatch(/8A1C2B/);
    }
    const titleRels = await xml(
      'ppt/slideLayouts/_rels/' +
        /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(await xml('ppt/slides/_rels/slide1.xml.rels'))![1]! +
        '.rels',
    );
    expect(titleRels).toMatch(/media\/image[^"]*\.png/);
    expect(await xml('ppt/theme/theme1.xml')).toMatch(/<a:majorFont><a:latin typeface="Source Sans 3"/);
  }, 60_000);
});
