import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chronologySchema } from '../pipeline/core/chronology-schema.ts';
import type { Chronology } from '../pipeline/core/model.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { formatDate } from '../pipeline/views/format.ts';
import { pack as buildInProcess, cli, command, temp } from './helpers.ts';
import { type Pdf, readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const seed = path.join(root, 'source', 'azerbaijan-nato.txt');

const near = (a: number, b: number) => Math.abs(a - b) < 1;

describe('the seed essay, built by the CLI', () => {
  let out: string;
  let pack: string;
  let chronology: Chronology;
  let briefing: Pdf, slides: Pdf, factsheet: Pdf;

  beforeAll(async () => {
    out = await temp('e2e');
    const result = await cli(['build', seed, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/^briefing:/m);
    expect(result.stderr).toMatch(/43:144-43:152 +warning +Doubtful spelling .Allaince.: did you mean .Alliance.\?/);
    pack = path.join(out, 'azerbaijan-nato');
    chronology = JSON.parse(await readFile(path.join(pack, 'chronology.json'), 'utf8'));
    const read = (name: string) => readPdf(path.join(pack, `${name}.pdf`));
    [briefing, slides, factsheet] = await Promise.all([read('briefing'), read('slides'), read('factsheet')]);
  });

  it('writes the six kinds of files, the PowerPoint and its manifest, and nothing else', async () => {
    expect((await readdir(pack)).sort()).toEqual([
      '.build.json',
      'briefing.html',
      'briefing.pdf',
      'chronology.json',
      'factsheet.html',
      'factsheet.pdf',
      'slides.html',
      'slides.pdf',
      'slides.pptx',
    ]);
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([]); // no staging folders left behind
  });

  it('gives byte-identical files built again in-process through the same code, with an ejected copy of the templates', async () => {
    // Two claims in one build (a build is seconds): the same inputs give the same bytes, and `templates eject` copies
    // the defaults as they are.
    const again = await temp('again');
    const mine = path.join(again, 'my-templates');
    expect((await command(['templates', 'eject', '--to', mine])).code).toBe(0);
    const [result] = await buildInProcess({
      inputs: [seed],
      outDir: again,
      settings: defaultSettings,
      templatesDir: mine,
    });
    expect(result!.error).toBeNull();
    for (const name of [
      'briefing.pdf',
      'briefing.html',
      'factsheet.pdf',
      'slides.pdf',
      'slides.html',
      'slides.pptx',
      'chronology.json',
    ]) {
      const [x, y] = await Promise.all([
        readFile(path.join(pack, name)),
        readFile(path.join(again, 'azerbaijan-nato', name)),
      ]);
      expect(x.equals(y), name).toBe(true);
    }
  });

  it('writes a chronology.json that follows the contract', () => {
    expect(() => chronologySchema.parse(chronology)).not.toThrow();
    expect(chronology.events.length).toBeGreaterThanOrEqual(25);
  });

  it('prints a one-page A4 fact sheet', () => {
    expect(factsheet.pages).toHaveLength(1);
    expect(near(factsheet.pages[0]!.width, 595.28) || near(factsheet.pages[0]!.width, 594.96)).toBe(true);
    expect(factsheet.pages[0]!.text).toContain('Azerbaijan');
    expect(factsheet.pages[0]!.text).toMatch(/Generated from 22 paragraphs/);
  });

  it('prints 16:9 slides, one per page', () => {
    expect(slides.pages.length).toBeGreaterThanOrEqual(8);
    for (const page of slides.pages) expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
    expect(slides.pages[0]!.text).toContain('Azerbaijan');
    expect(slides.pages.at(-1)!.text).toContain('Source');
  });

  it('prints an A4 briefing whose chronology table holds every event', () => {
    for (const page of briefing.pages) expect(near(page.width, 594.96) || near(page.width, 595.28)).toBe(true);
    const text = briefing.pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const event of chronology.events) expect(text).toContain(formatDate(event.date));
    expect(text).toContain('Chronology');
    expect(briefing.info.Title).toBe('Azerbaijan \u2013 NATO');
    expect(briefing.info.Subject).toBe('Briefing: Azerbaijan \u2013 NATO, 1992\u20132006');
    expect(String(briefing.info.Keywords)).toContain('NATO');
    expect(briefing.info.CreationDate).toBe("D:20060525000000+00'00'"); // the compile date, not the clock
  });

  it('numbers the contents with the pages the sections start on, and links every row to its paragraph', () => {
    const contents = briefing.pages.findIndex((p) => p.text.split('\n').some((l) => l.trim() === 'Contents'));
    const lines = briefing.pages[contents]!.text.split('\n').map((l) => l.trim());
    for (const [title, id] of [
      ['Key points', 'key-points'],
      ['Timeline', 'timeline'],
      ['Chronology', 'chronology'],
      ['Glossary', 'glossary'],
    ]) {
      const entry = lines.map((l) => new RegExp(`^${title} (\\d+)$`).exec(l)).find(Boolean);
      expect(Number(entry?.[1]), title).toBe(briefing.destinations.get(id!));
    }
    const rowLinks = briefing.pages.flatMap((p) => p.links).filter((l) => /^p\d+$/.test(l));
    expect(rowLinks.length).toBeGreaterThanOrEqual(chronology.events.length);
    for (const link of rowLinks) expect(briefing.destinations.has(link)).toBe(true);
    expect(briefing.outline).toContain('Chronology');
  });
});

describe('briefing lint', () => {
  it('prints the doubtful spellings with line and column, and exits 1 with --strict', async () => {
    const result = await command(['lint', seed, '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/29:198-29:202 +warning +Doubtful spelling .iand.: did you mean .and.\?/);
    expect((await command(['lint', seed])).code).toBe(0);
  });
});

describe('the CLI on bad input', () => {
  it('exits 2 with one line on a usage error', async () => {
    const result = await command(['build', '--formats', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--formats: unknown format "pdf"/);
  });
});
