// The briefing read back as a PDF: rows that link to their paragraphs, a header row on every page of the table, no
// row split across pages, and every letter of an Azerbaijani text set in the project's own fonts.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chronology } from '../pipeline/core/model.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, temp } from './helpers.ts';
import { type Pdf, readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the briefing PDF', () => {
  let pdf: Pdf, chronology: Chronology, bytes: string, essayText: string;
  beforeAll(async () => {
    const out = await temp('pdf');
    const src = await temp('az');
    // The seed with Azerbaijani names in it: every letter must print in the project's fonts.
    essayText = (await readFile(path.join(root, 'source', 'azerbaijan-nato.txt'), 'utf8')).replace(
      'Heydar Aliyev signed',
      'Heydər Əliyev (Şuşa, Gəncə, Göyçay, Ağdaş, İsmayıllı, Çöl, Üçüncü) signed',
    );
    await writeFile(path.join(src, 'seed.txt'), essayText);
    const [result] = await pack({
      inputs: [path.join(src, 'seed.txt')],
      outDir: out,
      settings: { ...defaultSettings, formats: ['briefing', 'json'] },
    });
    expect(result!.error).toBeNull();
    pdf = await readPdf(path.join(out, 'seed', 'briefing.pdf'));
    bytes = await readFile(path.join(out, 'seed', 'briefing.pdf'), 'latin1');
    chronology = JSON.parse(await readFile(path.join(out, 'seed', 'chronology.json'), 'utf8'));
  });

  const tablePages = () => {
    const first = pdf.destinations.get('chronology')!;
    const last = (pdf.destinations.get('whos-who') ?? pdf.pages.length + 1) - 1;
    return pdf.pages.slice(first - 1, last);
  };

  it('links every chronology row to the page of its paragraph', () => {
    const links = tablePages()
      .flatMap((p) => p.links)
      .filter((l) => /^p\d+$/.test(l));
    expect(new Set(links)).toEqual(new Set(chronology.events.map((e) => `p${e.source.paragraph}`)));
    // The page a row links to holds the paragraph's number in the margin, followed by its sentence.
    const letters = (text: string) => text.replace(/[^\p{Lu}\p{Ll}\p{Lo}]/gu, ''); // not modifier letters: pdf.js reads ’ as ʼ
    for (const event of chronology.events) {
      const at = pdf.destinations.get(`p${event.source.paragraph}`)!;
      const text = letters(pdf.pages[at - 1]!.text + (pdf.pages[at]?.text ?? ''));
      expect(text, event.id).toContain(letters(event.text).slice(0, 30));
    }
  });

  it('repeats the header row on every page of the table and splits no row', () => {
    const pages = tablePages();
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(squeeze(page.text)).toContain('#DateEventActorsSource');
    for (const event of chronology.events) {
      const summary = squeeze(event.summary).replace(/["`]/g, '').slice(0, 40);
      const holding = pages.filter((p) =>
        squeeze(p.text)
          .replace(/[“”"`’']/g, '')
          .includes(summary.replace(/['’]/g, '')),
      );
      expect(holding.length, event.summary).toBe(1);
    }
  });

  it("sets every letter of the text, Azerbaijani ones too, in the project's own embedded fonts", () => {
    const text = pdf.pages.map((p) => p.text).join('');
    for (const letter of ['ə', 'Ə', 'ğ', 'ş', 'Ş', 'ç', 'Ç', 'ö', 'ü', 'Ü', 'ı', 'İ'])
      expect(text, letter).toContain(letter);
    const fonts = [...new Set([...bytes.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]))];
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^Source(Serif4|Sans3)/); // no fallback to a system font
    expect(bytes).not.toMatch(/\/Subtype \/Type3/); // real bold files, not synthesised bold
  });

  it('has an outline of its sections and says what it is', () => {
    expect(pdf.outline).toEqual(
      expect.arrayContaining(['Key points', 'Contents', 'Timeline', 'Chronology', 'Glossary']),
    );
    expect(pdf.info.Subject).toMatch(/^Briefing: /);
    expect(bytes).toMatch(/\/StructTreeRoot/); // tagged: text in reading order for screen readers
  });
});
