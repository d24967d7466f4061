// The PowerPoint as an office opens it: on an organisation's own theme (pptx.reference: its fonts and colours on every
// slide, the masters naming them), and rendered by LibreOffice with no text over other text on any sample deck.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import Pptx from 'pptxgenjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, seed, temp } from './helpers.ts';

/** A reference deck of our own: DejaVu Serif for headings and text, a red first accent. */
async function referenceDeck(file: string): Promise<void> {
  const pptx = new (
    Pptx as unknown as new () => {
      theme: object;
      addSlide(): { addText(text: string, options: object): void };
      write(options: object): Promise<unknown>;
    }
  )();
  pptx.theme = { headFontFace: 'DejaVu Serif', bodyFontFace: 'DejaVu Serif' };
  pptx.addSlide().addText('Reference', { x: 1, y: 1, w: 5, h: 1 });
  const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
  zip.file('ppt/theme/theme1.xml', theme.replace(/(<a:accent1>\s*<a:srgbClr val=")[0-9A-Fa-f]{6}/, '$1C0504D'));
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((f) => existsSync(f));
const pdffonts = ['/usr/bin/pdffonts', '/usr/local/bin/pdffonts'].find((f) => existsSync(f));
const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((f) => existsSync(f));

describe('pptx.reference', () => {
  let out = '';
  let reference = '';
  beforeAll(async () => {
    const dir = await temp('pptx-reference');
    reference = path.join(dir, 'house.pptx');
    await referenceDeck(reference);
    out = path.join(dir, 'out');
    const settings = { ...defaultSettings, formats: ['slides'], referencePptx: reference };
    const [result] = await pack({ inputs: [seed], outDir: out, settings });
    expect(result!.error).toBeNull();
  }, 120_000);

  it("takes the reference's theme, and every slide's title and text name its fonts and colours", async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'azerbaijan-nato', 'slides.pptx')));
    const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme).toContain('<a:srgbClr val="C0504D"/>');
    expect(theme).toContain('typeface="DejaVu Serif"');
    const layouts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    const content = layouts.find((xml) => xml.includes('type="title"') && xml.includes('type="body"'));
    expect(content, 'a layout with a title and a body placeholder').toBeDefined();
    expect(content).toMatch(/<a:latin typeface="\+mj-lt"/);
    expect(content).toMatch(/<a:schemeClr val="accent1"\/>/);
    expect(content).not.toContain('Source Sans 3');
  });

  it.skipIf(!soffice || !pdffonts)(
    'shows them when LibreOffice renders the deck (skipped without LibreOffice and poppler)',
    async () => {
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      const dir = await temp('pptx-reference-soffice');
      await promisify(execFile)(
        soffice!,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(out, 'azerbaijan-nato', 'slides.pptx')],
        { timeout: 120_000, env: { ...process.env, HOME: dir } },
      );
      const { stdout } = await promisify(execFile)(pdffonts!, [path.join(dir, 'slides.pdf')]);
      expect(stdout).toMatch(/DejaVuSerif/);
      expect(stdout).not.toMatch(/SourceSans/);
    },
    150_000,
  );

  it('refuses a reference that is no PowerPoint deck, in one line', async () => {
    const dir = await temp('pptx-reference-bad');
    const bad = path.join(dir, 'house.pptx');
    await writeFile(bad, 'not a zip');
    const settings = { ...defaultSettings, formats: ['slides'], referencePptx: bad };
    const [result] = await pack({ inputs: [seed], outDir: path.join(dir, 'out'), settings });
    expect(result!.error).toMatch(/^pptx\.reference: .*house\.pptx is not a PowerPoint deck$/);
  }, 60_000);
});

/**
 * A house deck of our own, as an organisation's template is made: a cream title slide with a centred red title, and
 * "Title and Content" and (unless left out) "Title Only" layouts under a red title bar, in DejaVu Serif.
 */
async function houseDeck(file: string, { titleOnly = true } = {}): Promise<void> {
  type Master = { title: string; background: { color: string }; objects: object[] };
  const pptx = new (
    Pptx as unknown as new () => {
      layout: string;
      theme: object;
      defineSlideMaster(master: Master): void;
      addSlide(options: object): { addText(text: string, options: object): void };
      write(options: object): Promise<unknown>;
    }
  )();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: 'DejaVu Serif', bodyFontFace: 'DejaVu Serif' };
  const ph = (name: string, type: string, options: object) => ({
    placeholder: { options: { name, type, ...options }, text: '' },
  });
  const bar = { rect: { x: 0, y: 0, w: 13.333, h: 1.2, fill: { color: 'C0504D' } } };
  const heading = ph('title', 'title', { x: 0.6, y: 0.15, w: 12, h: 0.9, fontSize: 30, color: 'FFFFFF' });
  pptx.defineSlideMaster({
    title: 'Title Slide',
    background: { color: 'FFF4E0' },
    objects: [
      ph('title', 'title', { x: 1, y: 2.4, w: 11.3, h: 1.6, fontSize: 44, color: 'C0504D', align: 'center' }),
      ph('subtitle', 'body', { x: 1, y: 4.1, w: 11.3, h: 0.8, fontSize: 22, color: '444444', align: 'center' }),
    ],
  });
  pptx.defineSlideMaster({
    title: 'Title and Content',
    background: { color: 'FFFFFF' },
    objects: [bar, heading, ph('body', 'body', { x: 0.6, y: 1.5, w: 12, h: 5.2, fontSize: 20 })],
  });
  if (titleOnly)
    pptx.defineSlideMaster({ title: 'Title Only', background: { color: 'FFFFFF' }, objects: [bar, heading] });
  pptx.addSlide({ masterName: 'Title Slide' }).addText('House', { placeholder: 'title' });
  await writeFile(file, (await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
}

describe("pptx.reference: the house deck's masters and layouts", () => {
  let dir = '';
  let zip: JSZip;
  let warnings: string[] = [];
  beforeAll(async () => {
    dir = await temp('pptx-house');
    await houseDeck(path.join(dir, 'house.pptx'));
    const settings = {
      ...defaultSettings,
      formats: ['slides'],
      marking: 'OFFICIAL',
      referencePptx: path.join(dir, 'house.pptx'),
    };
    const [result] = await pack({ inputs: [seed], outDir: path.join(dir, 'out'), settings });
    expect(result!.error).toBeNull();
    warnings = (result!.file?.messages ?? []).filter((m) => m.ruleId === 'pptx-reference').map((m) => m.reason);
    zip = await JSZip.loadAsync(await readFile(path.join(dir, 'out', 'azerbaijan-nato', 'slides.pptx')));
  }, 120_000);

  const text = (name: string) => zip.file(name)!.async('string');
  const slides = () =>
    Object.keys(zip.files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  /** The name of the layout a slide is on. */
  const layoutOf = async (slide: string) => {
    const rels = await text(slide.replace('slides/', 'slides/_rels/').replace(/$/, '.rels'));
    const layout = /Target="\.\.\/(slideLayouts\/[^"]+)"/.exec(rels)![1]!;
    return /<p:cSld name="([^"]*)"/.exec(await text(`ppt/${layout}`))![1];
  };

  it('puts every slide on the layout of theirs that fits it, its title in their title placeholder', async () => {
    expect(warnings).toEqual([]);
    const names = await Promise.all(slides().map(layoutOf));
    expect(names[0]).toBe('Title Slide');
    expect(new Set(names.slice(1))).toEqual(new Set(['Title and Content', 'Title Only']));
    for (const slide of slides()) {
      const xml = await text(slide);
      // Their title placeholder, with no position of ours: the layout's stands.
      const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="title"\/>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/.exec(xml)?.[0];
      expect(title, slide).toBeDefined();
      expect(title).toContain('<p:spPr/>');
      expect(title).not.toMatch(/\bsz="/); // the house's type
      expect(xml, slide).toContain('OFFICIAL'); // the marking on every slide
    }
    expect(await text(slides()[0]!)).toContain('Azerbaijan');
  });

  it('is their package: their masters listed, every part declared, every declared part there', async () => {
    const presentation = await text('ppt/presentation.xml');
    const rels = await text('ppt/_rels/presentation.xml.rels');
    const masters = [...presentation.matchAll(/<p:sldMasterId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]!);
    expect(masters.length).toBeGreaterThan(0);
    for (const id of masters) expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*slideMaster`));
    const master = await text('ppt/slideMasters/slideMaster1.xml');
    expect(master).not.toContain('Briefing content'); // ours are gone
    const types = await text('[Content_Types].xml');
    const declared = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    for (const part of declared) expect(zip.file(part), part).not.toBeNull();
    const defaults = [...types.matchAll(/Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
    for (const part of Object.keys(zip.files).filter((f) => !f.endsWith('/')))
      expect(declared.includes(part) || defaults.includes(part.split('.').pop()!.toLowerCase()), part).toBe(true);
  });

  it('says which layout a house lacks, and what takes its place', async () => {
    await houseDeck(path.join(dir, 'short.pptx'), { titleOnly: false });
    const settings = { ...defaultSettings, formats: ['slides'], referencePptx: path.join(dir, 'short.pptx') };
    const [result] = await pack({ inputs: [seed], outDir: path.join(dir, 'short'), settings });
    expect(result!.error).toBeNull();
    expect(result!.file!.messages.filter((m) => m.ruleId === 'pptx-reference').map((m) => m.reason)).toEqual([
      'pptx.reference: short.pptx has no layout for timeline and quotation slides (type titleOnly); they use "Title and Content"',
    ]);
  }, 120_000);

  it.skipIf(!soffice || !pdftotext)(
    'renders in LibreOffice on their layouts, in their faces, with no text over other text (skipped without it)',
    async () => {
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      await promisify(execFile)(
        soffice!,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'out', 'azerbaijan-nato', 'slides.pptx')],
        { timeout: 120_000, env: { ...process.env, HOME: dir } },
      );
      const pdf = path.join(dir, 'slides.pdf');
      expect(await overlaps(pdf)).toEqual([]);
      if (pdffonts) expect((await promisify(execFile)(pdffonts, [pdf])).stdout).toMatch(/DejaVuSerif/);
    },
    150_000,
  );
});

/** Lines of text on a PDF's pages that cover one another (more than a third of the smaller line's height). */
async function overlaps(pdf: string): Promise<string[]> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 << 20 });
  const found: string[] = [];
  stdout
    .split('<page ')
    .slice(1)
    .forEach((page, p) => {
      const lines = [
        ...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
      ].map((m) => ({ box: m.slice(1, 5).map(Number), text: m[5]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') }));
      lines.forEach((a, i) => {
        for (const b of lines.slice(i + 1)) {
          const across = Math.min(a.box[2]!, b.box[2]!) - Math.max(a.box[0]!, b.box[0]!);
          const down = Math.min(a.box[3]!, b.box[3]!) - Math.max(a.box[1]!, b.box[1]!);
          const height = Math.min(a.box[3]! - a.box[1]!, b.box[3]! - b.box[1]!);
          if (across > 2 && down > height / 3) found.push(`page ${p + 1}: "${a.text.trim()}" / "${b.text.trim()}"`);
        }
      });
    });
  return found;
}

describe('the PowerPoint decks, rendered by LibreOffice', () => {
  it.skipIf(!soffice || !pdftotext)(
    'show no text over other text, on the seed, the sample essays or the fixtures (skipped without LibreOffice)',
    async () => {
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      const { hasSharedEssays, sharedEssays } = await import('./helpers.ts');
      const { readdir } = await import('node:fs/promises');
      const fixtures = path.join(import.meta.dirname, 'fixtures');
      const essays = hasSharedEssays
        ? (await readdir(sharedEssays))
            .filter((f) => /\.(?:txt|md)$/.test(f) && !/^readme/i.test(f))
            .map((f) => path.join(sharedEssays, f))
        : [seed, path.join(fixtures, 'sections.md')];
      const dir = await temp('pptx-overlap');
      const results = await pack({
        inputs: [...essays, path.join(fixtures, 'quarto', 'essay.md')],
        outDir: path.join(dir, 'out'),
        settings: { ...defaultSettings, formats: ['slides'] },
      });
      for (const r of results) expect(r.error, r.slug).toBeNull();
      // The check itself sees an overlap: two text boxes laid one over the other.
      const planted = new (
        Pptx as unknown as new () => {
          addSlide(): { addText(text: string, options: object): void };
          write(options: object): Promise<unknown>;
        }
      )();
      const slide = planted.addSlide();
      slide.addText('A title that runs long over the body', { x: 1, y: 1, w: 6, h: 1, fontSize: 32 });
      slide.addText('The first bullet of the body text', { x: 1, y: 1.1, w: 6, h: 1, fontSize: 32 });
      await writeFile(path.join(dir, 'planted.pptx'), (await planted.write({ outputType: 'nodebuffer' })) as Buffer);
      // Each deck under a name of its own, all converted by one LibreOffice (its start is most of the time).
      const { copyFile } = await import('node:fs/promises');
      const decks = ['planted', ...results.map((r) => r.slug)];
      for (const r of results)
        await copyFile(path.join(dir, 'out', r.slug, 'slides.pptx'), path.join(dir, `${r.slug}.pptx`));
      const to = path.join(dir, 'lo');
      await promisify(execFile)(
        soffice!,
        ['--headless', '--convert-to', 'pdf', '--outdir', to, ...decks.map((name) => path.join(dir, `${name}.pptx`))],
        { timeout: 240_000, env: { ...process.env, HOME: dir } },
      );
      for (const name of decks) {
        const found = await overlaps(path.join(to, `${name}.pdf`));
        if (name === 'planted') expect(found.length, 'the planted overlap').toBeGreaterThan(0);
        else expect(found, name).toEqual([]);
      }
    },
    300_000,
  );
});
