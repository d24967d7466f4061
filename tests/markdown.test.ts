// Markdown essays as people write them: GFM tables, footnotes, links, images, lists, code and math, parsed (no
// browser) and printed (the fixture's briefing read back as a PDF).
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { essayInputs } from '../pipeline/app/build/fingerprint.ts';
import type { Chronology, Run } from '../pipeline/core/model.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { Notes, runViews } from '../pipeline/views/blocks.ts';
import { sectionsOf } from '../pipeline/views/common.ts';
import { typesetRuns } from '../pipeline/views/format.ts';
import { hyphenator } from '../pipeline/views/hyphenate.ts';
import { pack, temp } from './helpers.ts';
import { type OutlineItem, type Pdf, readPdf } from './pdf.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'markdown');
const parse = (value: string, name = 'essay.md') => parseEssay(new VFile({ path: path.join(fixtures, name), value }));

describe('parsing Markdown', () => {
  it('reads a table as one paragraph of rows, with its cells and alignment', async () => {
    const essay = await parse('Text in 1990.\n\n| Country | Joined | Share |\n|---|:-:|---|\n| Malta | 2004 | 0.4 |\n');
    const table = essay.paragraphs[1]!;
    expect(table.kind).toBe('table');
    expect(table.block).toMatchObject({ type: 'table', align: [null, 'center', null] });
    expect(table.sentences.map((s) => s.text)).toEqual(['Country | Joined | Share', 'Malta | 2004 | 0.4']);
  });

  it('makes a whole list one paragraph, each item a sentence of it, nested lists kept', async () => {
    const essay = await parse('Members:\n\n3. Belgium\n4. France\n   - Paris\n');
    expect(essay.paragraphs.map((p) => p.kind)).toEqual(['text', 'list']);
    const list = essay.paragraphs[1]!;
    expect(list.sentences.map((s) => s.text)).toEqual(['Belgium', 'France', 'Paris']);
    expect(list.block).toMatchObject({
      type: 'list',
      ordered: true,
      start: 3,
      items: [{ lists: [] }, { lists: [{ ordered: false }] }],
    });
  });

  it('numbers footnotes by first reference and keeps their markers out of the text', async () => {
    const essay = await parse('One.[^b] Two.[^a] Three.[^b]\n\n[^a]: First defined.\n[^b]: Cited first.\n');
    expect(essay.paragraphs).toHaveLength(1);
    expect(essay.paragraphs[0]!.text).toBe('One. Two. Three.');
    expect(essay.paragraphs[0]!.runs.filter((r) => r.note).map((r) => r.note)).toEqual([1, 2, 1]);
    expect(essay.notes.map((n) => n.runs.map((r) => r.text).join(''))).toEqual(['Cited first.', 'First defined.']);
  });

  it('keeps code and math as written and reads no events from them', async () => {
    const essay = await parse('```\nsigned on 1 May 2004 -- "x"\n```\n\n$$\nx^2\n$$\n\nInline `code` and $y$.\n');
    expect(essay.paragraphs.map((p) => p.kind)).toEqual(['code', 'math', 'text']);
    expect(essay.paragraphs[0]!.block).toEqual({ type: 'code', lang: null, text: 'signed on 1 May 2004 -- "x"' });
    expect(essay.paragraphs[1]!.block).toMatchObject({ type: 'math', mathml: expect.stringContaining('<math') });
    expect(essay.paragraphs[2]!.runs.find((r) => r.math)?.math).toContain('<mi>y</mi>');
  });

  it("inlines a local image, refuses a remote one and one outside the essay's folder, with a warning each", async () => {
    const file = new VFile({
      path: path.join(fixtures, 'x.md'),
      value: '![Map](map.png)\n\n![Far](https://example.org/a.png)\n\n![Up](../pdf.ts)\n',
    });
    const essay = await parseEssay(file);
    const figures = essay.paragraphs.map((p) => p.block);
    expect(figures[0]).toMatchObject({
      type: 'figure',
      n: 1,
      alt: 'Map',
      image: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(figures.slice(1).map((f) => f?.type === 'figure' && f.image)).toEqual([null, null]);
    expect(file.messages.map((m) => m.reason)).toEqual([
      expect.stringMatching(/https:\/\/example\.org\/a\.png: only images beside the essay are printed/),
      expect.stringMatching(/\.\.\/pdf\.ts: an image must be in the essay.s folder/),
    ]);
  });

  it('checks front matter: unknown keys warn with a did-you-mean, an impossible date fails at its line, lang is kept', async () => {
    const file = new VFile({ path: 'e.md', value: '---\ntitle: T\nmarknig: SECRET\nlang: fr\n---\n\nTexte.\n' });
    const essay = await parseEssay(file);
    expect(essay.lang).toBe('fr');
    expect(file.messages.map((m) => `${m.line}: ${m.reason}`)).toEqual([
      '3: Front matter: unknown key "marknig" (did you mean "marking"?); it is ignored',
    ]);
    const bad = new VFile({ path: 'e.md', value: '---\ntitle: T\ndate: 2006-13-45\n---\n\nText.\n' });
    await expect(parseEssay(bad)).rejects.toThrow(/date: "2006-13-45" is not a date/);
    expect(bad.messages.at(-1)?.line).toBe(3);
  });
});

describe('what a Markdown essay is made from', () => {
  it('includes the local images it embeds, so a changed image rebuilds the pack', async () => {
    const dir = await temp('img');
    const essay = path.join(dir, 'e.md');
    const text = Buffer.from('![Map](map.png)\n\n![Far](https://example.org/x.png)\n\n[fig]: ./chart.png\n');
    await writeFile(path.join(dir, 'map.png'), 'one');
    const first = await essayInputs(essay, text);
    expect(first.equals(text)).toBe(false);
    await writeFile(path.join(dir, 'map.png'), 'two');
    expect((await essayInputs(essay, text)).equals(first)).toBe(false);
    await writeFile(path.join(dir, 'chart.png'), 'three');
    const withChart = await essayInputs(essay, text);
    expect(withChart.length).toBeGreaterThan(first.length);
    // Plain text has no images.
    expect((await essayInputs(path.join(dir, 'e.txt'), text)).equals(text)).toBe(true);
  });
});

describe('typography', () => {
  it('turns quotes the right way across emphasis and links, and leaves code alone', () => {
    const runs: Run[] = [
      { text: 'He said "' },
      { text: 'no', emphasis: true },
      { text: '" -- and ' },
      { text: '"x"', code: true },
      { text: '...' },
    ];
    expect(typesetRuns(runs).map((r) => r.text)).toEqual(['He said \u201c', 'no', '\u201d -- and ', '"x"', '\u2026']);
  });

  it('hyphenates by language with soft hyphens, and not at all without patterns', () => {
    expect(hyphenator('en')!('representatives')).toBe('rep\u00adre\u00adsen\u00adta\u00adtives');
    expect(hyphenator('de')!('Verhandlungen')).toContain('\u00ad');
    expect(hyphenator('tlh')).toBeNull();
    // Never inside a ligature: the PDF's text would lose the letters ("dierent").
    expect(hyphenator('en')!('different affairs officially')).not.toMatch(/f\u00ad[fijlt]/);
  });

  it('numbers notes in reading order: a footnote cited twice keeps its number, a link that shows its address gets none', () => {
    const notes = new Notes((i) => [[{ text: 'A "note".' }]][i]);
    const views = runViews(
      [
        { text: 'the Commission', link: 'https://ec.europa.eu' },
        { text: '', note: 1 },
        { text: 'europa.eu', link: 'https://europa.eu/' },
        { text: '', note: 1 },
        { text: 'run', link: 'javascript:alert(1)' },
      ],
      notes,
    );
    expect(views.map((v) => v.ref)).toEqual([
      { n: 1, id: 'fnref-1' },
      { n: 2, id: 'fnref-2' },
      null,
      { n: 2, id: null },
      null,
    ]);
    expect(views.map((v) => v.href)).toEqual(['https://ec.europa.eu', null, 'https://europa.eu/', null, null]);
    expect(notes.entries.map((e) => e.url ?? e.runs!.map((r) => r.text).join(''))).toEqual([
      'https://ec.europa.eu',
      'A \u201cnote\u201d.',
    ]);
  });

  it('cuts an essay without headings into periods that never overlap, even when it is told out of order', async () => {
    const years = [1992, 1993, 1994, 1996, 1995, 1995, 1996, 1997, 1997, 1997, 1998, 1999, 2001, 2002, 2003];
    const essay = await parse(
      years.map((y, i) => `In ${y} the council met for the ${i + 1}th time.`).join('\n\n'),
      'e.txt',
    );
    const chronology = {
      events: years.map((y, i) => ({ date: { start: `${y}-01-01`, end: `${y}-12-31` }, source: { paragraph: i + 1 } })),
    } as unknown as Chronology;
    const spans = sectionsOf(essay, chronology).map((s) => s.title.split('\u2013').map(Number));
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]![0]!, JSON.stringify(spans)).toBeGreaterThanOrEqual(spans[i - 1]!.at(-1)!);
  });
});

describe('a Markdown essay printed', () => {
  let pdf: Pdf, chronology: Chronology, text: string, warnings: string[], deck: string;
  beforeAll(async () => {
    const src = await temp('md');
    await cp(fixtures, src, { recursive: true });
    const out = path.join(src, 'out');
    const [result] = await pack({
      inputs: [path.join(src, 'features.md')],
      outDir: out,
      settings: { ...defaultSettings, formats: ['briefing', 'slides', 'json'] },
    });
    expect(result!.error).toBeNull();
    warnings = result!.file!.messages.map((m) => m.reason);
    deck = path.join(out, 'features');
    pdf = await readPdf(path.join(out, 'features', 'briefing.pdf'), { images: true });
    chronology = JSON.parse(await readFile(path.join(out, 'features', 'chronology.json'), 'utf8'));
    text = pdf.pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
  });

  it('prints a table as a table: its header and each row in order, right-aligned numbers', () => {
    expect(text).toMatch(
      /Country Applied Joined Population \(millions\) Estonia November 1995 1 May 2004 1\.4 Latvia October 1995 1 May 2004 2\.3/,
    );
  });

  it('prints footnotes as numbered notes linked both ways, and the address of a link whose words hide it', () => {
    const notesPage = pdf.destinations.get('notes')!;
    expect(pdf.destinations.has('fn-1') && pdf.destinations.has('fnref-1')).toBe(true);
    expect(pdf.pages.flatMap((p) => p.links)).toEqual(expect.arrayContaining(['fn-1', 'fn-2', 'fnref-1', 'fnref-2']));
    expect(pdf.pages[notesPage - 1]!.text.replace(/\s+/g, ' ')).toMatch(
      /1 Commission opinions of 15 July 1997.*archive \(https:\/\/eur-lex\.europa\.eu\/\)\. 2 https:\/\/ec\.europa\.eu\/enlargement/,
    );
    expect(text).not.toContain('[^');
  });

  it('makes links live in the PDF', () => {
    expect(pdf.pages.flatMap((p) => p.links)).toEqual(
      expect.arrayContaining(['https://ec.europa.eu/enlargement', 'https://europa.eu/', 'https://eur-lex.europa.eu/']),
    );
  });

  it('embeds the local image as a numbered figure, and warns of the remote one', () => {
    const page = pdf.pages.find((p) => p.text.includes('Figure 1.'))!;
    expect(page.images).toBeGreaterThanOrEqual(1);
    expect(page.text).toContain('Population of the applicants at accession');
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining('https://example.org/remote.png')]));
  });

  it('nests the headings in the PDF outline, with smart quotes', () => {
    const background = pdf.tree.find((o) => o.title === 'Background')!;
    const test = background.items.find((o) => o.title === 'The \u201cCopenhagen\u201d test')!;
    expect(test.items.map((o: OutlineItem) => o.title)).toEqual(['Negotiating chapters']);
    expect(pdf.tree.map((o) => o.title)).toEqual(expect.arrayContaining(['Figures', 'Notes']));
  });

  it('numbers ordered lists, keeps code and math as written, and puts no space before punctuation after markup', () => {
    expect(text).toMatch(/1\. Estonia opened negotiations on 31 March 1998\. 2\. Latvia and Lithuania/);
    expect(text).toContain('chapters = {"closed": 31, "open": 0} # "done" -- all 31');
    expect(text).toContain('closed -- "yes"');
    expect(text).not.toMatch(/\$|\\frac/);
    expect(text).toContain('political, economic');
    expect(text).not.toMatch(/[A-Za-z]\s[,.;:](?:\s|$)/);
  });

  it('puts a small table on a slide of its own, in the PDF deck and the PowerPoint', async () => {
    const slides = await readPdf(path.join(deck, 'slides.pdf'));
    const page = slides.pages.find((p) => /Figures \(table\)/.test(p.text) && /Country/.test(p.text))!;
    expect(page.text.replace(/\s+/g, ' ')).toMatch(
      /Country Applied Joined Population \(millions\) Estonia November 1995 1 May 2004 1\.4/,
    );
    const zip = await JSZip.loadAsync(await readFile(path.join(deck, 'slides.pptx')));
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(xml.some((x) => x.includes('<a:tbl>') && x.includes('Lithuania'))).toBe(true);
  });

  it("cites a list as one paragraph, and sets the document's language from the front matter", () => {
    const fromList = chronology.events.filter((e) =>
      /opened negotiations|closed its last chapter|Treaty of Accession/.test(e.text),
    );
    expect(fromList.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fromList.map((e) => e.source.paragraph)).size).toBe(1);
    expect(pdf.lang).toBe('en-GB');
  });
});
