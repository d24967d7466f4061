// The briefing as a Word document: Word's own styles, a contents field, tables whose header row repeats, footnotes,
// the timeline with its alternative text, the marking in header and footer, the essay's language; made only when
// asked for.
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, seed, temp } from './helpers.ts';

const features = path.join(import.meta.dirname, 'fixtures', 'markdown');
let out = '';
const parts = async (slug: string) => {
  const zip = await JSZip.loadAsync(await readFile(path.join(out, slug, 'briefing.docx')));
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, part };
};

beforeAll(async () => {
  const src = await temp('docx-src');
  out = await temp('docx');
  await copyFile(seed, path.join(src, 'azerbaijan-nato.txt'));
  await copyFile(path.join(features, 'features.md'), path.join(src, 'features.md'));
  await copyFile(path.join(features, 'map.png'), path.join(src, 'map.png'));
  const settings = { ...defaultSettings, formats: ['docx'], marking: 'OFFICIAL' };
  const results = await pack({ inputs: [src], outDir: out, settings });
  for (const r of results) expect(r.error, r.slug).toBeNull();
}, 120_000);

describe('the Word briefing', () => {
  it("uses Word's own styles and a contents field, with the essay's language", async () => {
    const { part } = await parts('azerbaijan-nato');
    const document = await part('word/document.xml');
    for (const style of ['Title', 'Heading1', 'Heading2', 'Caption', 'ListParagraph'])
      expect(document, style).toContain(`w:pStyle w:val="${style}"`);
    expect(document).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;/);
    expect(await part('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    expect(await part('word/styles.xml')).toMatch(/<w:lang w:val="en"/);
    // Whole words: Word hyphenates by itself.
    expect(document).not.toContain('\u00ad');
    expect(document).toContain('Azerbaijan');
  });

  it('sets the chronology as a table whose header row repeats, and the timeline as a picture with its alternative text', async () => {
    const { zip, part } = await parts('azerbaijan-nato');
    const document = await part('word/document.xml');
    expect(document).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1)"\/>/);
    expect(document).toContain('Partnership for Peace');
    expect(document).toMatch(/<wp:docPr [^>]*descr="Timeline of 26 events, 1992 to 2006"/);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
  });

  it('carries the marking in the header and the footer, and the footer numbers the pages', async () => {
    const { zip, part } = await parts('azerbaijan-nato');
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect((await Promise.all(headers.map(part))).join('')).toContain('OFFICIAL');
    const footer = (await Promise.all(footers.map(part))).join('');
    expect(footer).toContain('OFFICIAL');
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("turns the essay's footnotes into Word footnotes, and its lists, quotations and tables into Word's", async () => {
    const { part } = await parts('features');
    const footnotes = await part('word/footnotes.xml');
    expect(footnotes.match(/<w:footnote w:id="[1-9]\d*">/g)?.length).toBeGreaterThanOrEqual(2);
    const document = await part('word/document.xml');
    expect(document).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(document).toContain('w:pStyle w:val="Quote"');
    expect(document).toContain('<w:numPr>');
    expect(await part('word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);
    // Every part is well-formed enough for Word: no bare ampersand.
    expect(document).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
  });

  it('is made only when asked for', async () => {
    const dir = await temp('docx-default');
    const [result] = await pack({
      inputs: [seed],
      outDir: dir,
      settings: { ...defaultSettings, formats: [] },
    });
    expect(result!.built).not.toContain('docx');
    expect(await readdir(path.join(dir, 'azerbaijan-nato'))).not.toContain('briefing.docx');
  }, 60_000);
});

describe("the office's own Word styles", () => {
  it('come from the reference document the configuration names, and a changed reference makes the document again', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const { writeFile } = await import('node:fs/promises');
    const dir = await temp('docx-reference');
    const house = (colour: string) =>
      Packer.toBuffer(
        new Document({
          styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', run: { color: colour, font: 'Georgia' } }] },
          sections: [{ children: [new Paragraph('House style')] }],
        }),
      );
    await writeFile(path.join(dir, 'house.docx'), await house('8A1C2B'));
    await copyFile(seed, path.join(dir, 'e.txt'));
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'docx:\n  reference: house.docx\nproducts: [docx]\n');
    const { command } = await import('./helpers.ts');
    expect((await command(['build', 'e.txt', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const styles = async () =>
      (await JSZip.loadAsync(await readFile(path.join(dir, 'out', 'e', 'briefing.docx'))))
        .file('word/styles.xml')!
        .async('string');
    expect(await styles()).toMatch(/8A1C2B/);
    await writeFile(path.join(dir, 'house.docx'), await house('1F4E79'));
    const again = await command(['build', 'e.txt', '--out', 'out'], { cwd: dir });
    expect(again.stdout).toMatch(/built e: docx/);
    expect(await styles()).toMatch(/1F4E79/);
  }, 60_000);
});

const soffice = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
].find((f) => existsSync(f));

describe('the Word briefing, opened by LibreOffice', () => {
  it.skipIf(!soffice)(
    'reads as the PDF does: its headings in order (skipped where LibreOffice is not installed)',
    async () => {
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      const dir = await temp('docx-soffice');
      await promisify(execFile)(
        soffice!,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(out, 'azerbaijan-nato', 'briefing.docx')],
        {
          timeout: 120_000,
          env: { ...process.env, HOME: dir },
        },
      );
      const { readPdf } = await import('./pdf.ts');
      const text = (await readPdf(path.join(dir, 'briefing.pdf'))).pages.map((p) => p.text).join('\n');
      const order = [
        'Key points',
        '1992\u20131996',
        '1997',
        '1998\u20132001',
        '2002\u20132006',
        'Timeline',
        'Chronology',
        'Who\u2019s who',
      ];
      // Each heading as a line of its own (the contents field lists them first, with its dots).
      const lines = text.split('\n').map((l) => l.trim());
      // After the contents: each heading found as a line of its own, after the one before it.
      let at = lines.lastIndexOf('Key points') - 1;
      for (const heading of order) {
        at = lines.indexOf(heading, at + 1);
        expect(at, heading).toBeGreaterThan(-1);
      }
    },
    150_000,
  );
});

describe('colours in the Word briefing', () => {
  it('take any CSS colour the configuration accepts: navy heads the sections', async () => {
    const dir = await temp('docx-navy');
    await copyFile(seed, path.join(dir, 'e.txt'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'colours:\n  accent: navy\nproducts: [docx]\n');
    const { command } = await import('./helpers.ts');
    expect((await command(['build', 'e.txt', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const styles = await (await JSZip.loadAsync(await readFile(path.join(dir, 'out', 'e', 'briefing.docx'))))
      .file('word/styles.xml')!
      .async('string');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:color w:val="000080"\/>/);
    await writeFile(path.join(dir, 'briefing.config.yaml'), 'colours:\n  accent: "#12345"\n');
    expect((await command(['build', 'e.txt', '--out', 'out'], { cwd: dir })).stderr).toMatch(
      /colours\.accent: "#12345" is not a CSS colour/,
    );
  }, 60_000);

  it('is dated as the PDFs are, never by the clock: the same essay makes the same bytes, links and all', async () => {
    const again = await temp('docx-again');
    const src = await temp('docx-again-src');
    await copyFile(seed, path.join(src, 'azerbaijan-nato.txt'));
    await copyFile(path.join(features, 'features.md'), path.join(src, 'features.md'));
    await copyFile(path.join(features, 'map.png'), path.join(src, 'map.png'));
    const settings = { ...defaultSettings, formats: ['docx'], marking: 'OFFICIAL' };
    const results = await pack({ inputs: [src], outDir: again, settings });
    for (const r of results) expect(r.error, r.slug).toBeNull();
    // The features essay has links (random relationship ids in the docx package) and notes.
    for (const slug of ['azerbaijan-nato', 'features']) {
      const first = await readFile(path.join(out, slug, 'briefing.docx'));
      expect(Buffer.compare(first, await readFile(path.join(again, slug, 'briefing.docx'))), slug).toBe(0);
    }
    const { part } = await parts('azerbaijan-nato');
    expect(await part('docProps/core.xml')).toContain('>2006-05-25T00:00:00Z</dcterms:created>');
  });
});
