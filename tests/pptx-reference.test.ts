// The PowerPoint on an organisation's own theme: given a reference deck (pptx.reference), its theme's fonts and
// colours are the deck's, and every slide shows them (the masters name the theme's fonts and colours).
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
