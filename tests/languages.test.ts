// Packs of essays in French, German and Spanish speak their language: no fixed English word in any product, dates
// written as the language writes them ("4 mai 1994", "4. Mai 1994", "4 de mayo de 1994").
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { en, labelsFor } from '../pipeline/views/labels.ts';
import { pack, temp } from './helpers.ts';
import { readPdf } from './pdf.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'languages');
const LANGS = { fr: '4 mai 1994', de: '4. Mai 1994', es: '4 de mayo de 1994' } as const;
let out = '';

beforeAll(async () => {
  const src = await temp('languages-src');
  out = await temp('languages');
  for (const lang of Object.keys(LANGS))
    await copyFile(path.join(fixtures, `history-${lang}.md`), path.join(src, `history-${lang}.md`));
  const results = await pack({ inputs: [src], outDir: out, settings: defaultSettings });
  for (const r of results) expect(r.error, r.slug).toBeNull();
}, 120_000);

describe.each(Object.entries(LANGS))('a pack in %s', (lang, day) => {
  it('prints no fixed English word, and its dates as the language writes them', async () => {
    const own = labelsFor(lang);
    // The English labels that differ from the language's own (a word both share, like "Notes", or German's plural
    // "Programme" in "Beschlüsse und Programme", proves nothing).
    const ownWords = Object.values(own).join(' ');
    const english = Object.entries(en)
      .filter(([key, value]) => own[key as keyof typeof en] !== value && !/[{]/.test(value) && value.length > 3)
      .map(([, value]) => value)
      .filter((value) => !new RegExp(`(?<!\\p{L})${value}(?!\\p{L})`, 'u').test(ownWords));
    const texts: string[] = [];
    for (const product of ['briefing', 'slides', 'factsheet']) {
      const pdf = await readPdf(path.join(out, `history-${lang}`, `${product}.pdf`));
      texts.push(pdf.pages.map((p) => p.text).join('\n'), String(pdf.info.Subject));
    }
    // The PowerPoint's slides and its properties, and the chronology's reasons for each row's kind.
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await readFile(path.join(out, `history-${lang}`, 'slides.pptx')));
    for (const file of Object.keys(zip.files).filter((f) =>
      /^ppt\/slides\/slide\d+\.xml$|^docProps\/core\.xml$/.test(f),
    ))
      texts.push((await zip.file(file)!.async('string')).replace(/<[^>]+>/g, ' '));
    const json = JSON.parse(await readFile(path.join(out, `history-${lang}`, 'chronology.json'), 'utf8'));
    const reasons = json.events.map((e: { why: { kind: string } }) => e.why.kind).join(' ');
    expect(reasons).not.toMatch(/\b(?:the (?:verb|noun|word)|no word)\b/);
    const printed = texts.join('\n').replace(/\s+/g, ' ');
    for (const word of english)
      expect(printed, `"${word}" in the ${lang} pack`).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(printed).toContain(day);
    expect(printed).toContain(own.chronology);
    const html = await readFile(path.join(out, `history-${lang}`, 'briefing.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
  });
});

describe('an essay in Arabic', () => {
  it('prints right to left: the paragraph starts at the right margin, its number on the right', async () => {
    const { getDocument } = await import('./pdfjs.ts');
    const dir = await temp('arabic');
    await copyFile(path.join(fixtures, 'note-ar.md'), path.join(dir, 'note-ar.md'));
    const [result] = await pack({
      inputs: [path.join(dir, 'note-ar.md')],
      outDir: path.join(dir, 'out'),
      settings: { ...defaultSettings, formats: ['briefing'] },
    });
    expect(result!.error).toBeNull();
    expect(await readFile(path.join(dir, 'out', 'note-ar', 'briefing.html'), 'utf8')).toMatch(
      /<html lang="ar" dir="rtl"/,
    );
    const doc = await getDocument({
      data: new Uint8Array(await readFile(path.join(dir, 'out', 'note-ar', 'briefing.pdf'))),
      verbosity: 0,
      isEvalSupported: false,
    }).promise;
    const page = await doc.getPage(2);
    const width = (page.view as number[])[2]!;
    const items = (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[];
    const arabic = items.filter(
      (i) => /\p{Script=Arabic}/u.test(i.str) && i.transform[5]! < 800 && i.transform[5]! > 100,
    );
    const number = items.find((i) => i.str.trim() === '1');
    expect(arabic.length).toBeGreaterThan(0);
    // Right-aligned lines: the text reaches the right margin, and the paragraph number stands to its right.
    expect(Math.max(...arabic.map((i) => i.transform[4]! + i.width))).toBeGreaterThan(0.8 * width);
    expect(number!.transform[4]!).toBeGreaterThan(Math.max(...arabic.map((i) => i.transform[4]!)));
    // The page mirrors: the page number at the bottom left, the running title (if any) at the top right.
    const footer = items.find((i) => /\bof\b|\d+\s*\/\s*\d+/.test(i.str) && i.transform[5]! < 60);
    expect(footer, 'the page number').toBeDefined();
    expect(footer!.transform[4]!).toBeLessThan(0.3 * width);
    await doc.destroy();
  }, 60_000);
});

describe('labels with numbers', () => {
  it('take the form their number needs, in every language', async () => {
    const { fill } = await import('../pipeline/views/labels.ts');
    expect(fill(en.paragraphsAndOneEvent, { paragraphs: 1 })).toBe('1 paragraph, 1 dated event');
    expect(fill(en.paragraphsAndEvents, { paragraphs: 12, events: 3 })).toBe('12 paragraphs, 3 dated events');
    expect(fill(labelsFor('de').generatedFrom, { paragraphs: 1 })).toBe('Erstellt aus 1 Absatz');
    expect(fill(labelsFor('fr').generatedFromEvents, { paragraphs: 2, events: 1 })).toBe(
      'Établi à partir de 2 paragraphes ; 1 événement daté',
    );
    expect(fill('Part {n}', { n: 2 })).toBe('Part 2');
  });
});

/**
 * A note's briefing built on this machine and on one with no fonts at all (a fontconfig that lists none; same
 * `SOURCE_DATE_EPOCH`): both PDFs, and what each build said. `config` is a configuration file to build with, if any.
 */
async function onTwoMachines(note: string, config?: string) {
  const { writeFile } = await import('node:fs/promises');
  const { cli } = await import('./helpers.ts');
  const dir = await temp('other-fonts');
  await copyFile(path.join(fixtures, note), path.join(dir, note));
  if (config) await writeFile(path.join(dir, 'briefing.config.yaml'), config);
  const empty = path.join(dir, 'fonts.conf');
  await writeFile(
    empty,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
  );
  const build = async (out: string, env: Record<string, string>) => {
    const result = await cli(['build', note, '--formats', 'briefing', '--out', out], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '1000000000', ...env },
    });
    expect(result.code, result.stderr).toBe(0);
    return {
      stderr: result.stderr,
      pdf: await readFile(path.join(dir, out, note.replace(/\.md$/, ''), 'briefing.pdf')),
    };
  };
  return { machine: await build('machine', {}), elsewhere: await build('elsewhere', { FONTCONFIG_FILE: empty }) };
}

/** The fonts a PDF embeds, by name without their subset tag ("SourceSerif4-Regular"). */
const embeddedFonts = (pdf: Buffer) => [
  ...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]!)),
];

describe('scripts the default fonts lack', () => {
  it('print an Arabic note the same on a machine with no fonts: Noto Sans Arabic ships with the tool', async () => {
    const { machine, elsewhere } = await onTwoMachines('note-ar.md');
    expect(machine.stderr).not.toMatch(/No font for/);
    expect(machine.pdf.includes('NotoSansArabic')).toBe(true);
    expect(elsewhere.pdf.equals(machine.pdf)).toBe(true);
  }, 60_000);

  it('print a Korean note the same on a machine with no fonts, in the CJK family the configuration lists', async () => {
    // A small Hangul family stands in for Noto Sans KR (40 MB) in the test; the warning names the latter.
    const { machine, elsewhere } = await onTwoMachines(
      'note-ko.md',
      'fonts:\n  fallback: ["@fontsource/black-han-sans"]\n',
    );
    expect(machine.stderr).not.toMatch(/No font for/);
    expect(machine.pdf.includes('BlackHanSans')).toBe(true);
    expect(elsewhere.pdf.equals(machine.pdf)).toBe(true);
  }, 60_000);

  it("print with the tool's fonts only, never the machine's: MathML, code and a character no web font has", async () => {
    const { writeFile } = await import('node:fs/promises');
    const { cli } = await import('./helpers.ts');
    const dir = await temp('own-fonts');
    const markdown = path.join(import.meta.dirname, 'fixtures', 'markdown');
    for (const file of ['features.md', 'map.png']) await copyFile(path.join(markdown, file), path.join(dir, file));
    // (a star and a check mark: in no web font of the pack; a machine's fallback used to print them)
    await writeFile(path.join(dir, 'marks.md'), '# Marks\n\nIn 1994 the plan was signed \u2605 and ratified \u2713.\n');
    const result = await cli(['build', '.', '--formats', 'briefing,factsheet', '--out', 'out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    for (const file of ['features/briefing.pdf', 'features/factsheet.pdf', 'marks/briefing.pdf']) {
      const fonts = embeddedFonts(await readFile(path.join(dir, 'out', file)));
      for (const font of fonts) expect(font, file).toMatch(/^(?:SourceSerif4|SourceSans3|SourceCodePro|DejaVu)/);
    }
    // MathML is set in the shipped math font
    expect(embeddedFonts(await readFile(path.join(dir, 'out', 'features', 'briefing.pdf')))).toContain(
      'DejaVuMathTeXGyre-Regular',
    );
  }, 60_000);
});
