// The PDFs read as an assistive tool reads them (pdf.js's structure tree and marked content): every visible text is
// in the structure or an artifact; the roles are PDF/UA's; every figure has alternative text; the headings come in
// the order of the outline; and the file says it is PDF/UA, with XMP metadata, a title shown and a language.
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { hasSharedEssays, pack, seed, sharedEssays, temp } from './helpers.ts';
import { readPdf, readStructure, structNodes } from './pdf.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'shapes');
const ESSAYS = [
  seed,
  ...['analysis-sanctions.txt', 'history-arctic.md', 'news-ceasefire.txt', 'note-svalbard.txt'].map((f) =>
    path.join(fixtures, f),
  ),
  ...(hasSharedEssays ? ['eu-enlargement.md', 'news-grain-deal.txt'].map((f) => path.join(sharedEssays, f)) : []),
];
const slugOf = (file: string) => path.basename(file).replace(/\.\w+$/, '');
// The structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that PDF/UA-1 accepts, and Chromium's NonStruct.
const ROLES = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby Warichu Figure Formula Form'.split(
    ' ',
  ),
);
let out = '';

beforeAll(async () => {
  const src = await temp('structure-src');
  out = await temp('structure');
  for (const essay of ESSAYS) await copyFile(essay, path.join(src, path.basename(essay)));
  const marked = { ...defaultSettings, marking: 'OFFICIAL' };
  const results = await pack({ inputs: [src], outDir: out, settings: marked });
  for (const r of results) expect(r.error, r.slug).toBeNull();
}, 180_000);

describe.each(ESSAYS.map(slugOf))('%s', (slug) => {
  it.each(['briefing', 'slides', 'factsheet'])(
    '%s.pdf: tagged throughout, with roles, alternative texts and artifacts',
    async (product) => {
      const file = path.join(out, slug, `${product}.pdf`);
      const structure = await readStructure(file);
      expect(structure.untagged, 'text outside the structure').toEqual([]);
      const nodes = structure.pages.flatMap(structNodes).filter((n) => n.role !== 'Root');
      for (const node of nodes) expect(ROLES, node.role).toContain(node.role);
      for (const figure of nodes.filter((n) => n.role === 'Figure'))
        expect(figure.alt, 'a figure without /Alt').toBeTruthy();
      // Artifacts are the furniture of the page: headers, page numbers, the marking, paragraph numbers. Never prose.
      for (const artifact of structure.artifacts.flat()) expect(artifact.length, artifact).toBeLessThan(150);
      const artifacts = structure.artifacts.flat().join(' ');
      if (product === 'briefing') expect(artifacts).toMatch(/Page/);
      expect(artifacts.replace(/\s/g, '')).toMatch(/OFFICIAL/); // letter-spaced: a glyph at a time
      // The words are in the structure, the furniture is not: more text is tagged than drawn as artifacts.
      const tagged = structure.pages.reduce((sum, page) => sum + page.text.replace(/\s/g, '').length, 0);
      expect(tagged).toBeGreaterThan(artifacts.replace(/\s/g, '').length);

      // Headings in the order of the bookmarks (made from the same headings).
      const pdf = await readPdf(file);
      const headings = nodes.filter((n) => /^H\d$/.test(n.role)).map((n) => n.text.replace(/\s+/g, ' ').trim());
      const flat = (items: typeof pdf.tree): string[] => items.flatMap((i) => [i.title, ...flat(i.items)]);
      const bookmarks = flat(pdf.tree).map((t) => t.replace(/\s+/g, ' ').trim().toLowerCase());
      expect(bookmarks.length).toBeGreaterThanOrEqual(2);
      const found = bookmarks.map((b) => headings.findIndex((h) => h.toLowerCase() === b));
      expect(found.filter((i) => i >= 0).length, `${bookmarks} vs ${headings}`).toBeGreaterThanOrEqual(
        bookmarks.length - 1,
      );
      expect(found.filter((i) => i >= 0)).toEqual([...found.filter((i) => i >= 0)].sort((a, b) => a - b));

      // PDF/UA identification, XMP, the title shown in the window, the language, marked content and tab order.
      const raw = (await readFile(file)).toString('latin1');
      expect(raw).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(raw).toMatch(/\/Type \/Metadata\s*\/Subtype \/XML/);
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      expect(raw).toMatch(/\/MarkInfo <<\/Type \/MarkInfo\s*\/Marked true>>/);
      expect(raw).toMatch(/\/Lang \(en\)/);
      expect(raw.match(/\/Tabs \/S/g)?.length).toBe(pdf.pages.length);
    },
  );
});

it('can fail: a figure without alternative text and text outside the structure are seen', async () => {
  const file = path.join(out, slugOf(seed), 'briefing.pdf');
  const structure = await readStructure(file);
  const figures = structure.pages.flatMap(structNodes).filter((n) => n.role === 'Figure');
  expect(figures.length).toBeGreaterThan(0);
  expect(figures.every((f) => f.alt)).toBe(true);
  expect(structure.artifacts.flat().length).toBeGreaterThan(10);
});

describe('artifacts in a content stream', () => {
  it('wraps what is drawn outside marked content, never across a text object or a saved state', async () => {
    const { markArtifacts } = await import('../pipeline/render/pdf-tags.ts');
    const content = [
      'q',
      'BT',
      '/F1 8 Tf',
      '1 0 0 -1 40 20 Tm',
      '<0001> Tj',
      'ET',
      '/P <</MCID 0 >>BDC',
      'BT',
      '(Tagged \\) text) Tj',
      'ET',
      'EMC',
      '0 0 10 10 re f',
      'Q',
      '/X1 Do',
      '/X2 Do',
    ].join('\n');
    const marked = markArtifacts(content, new Set(['/X2']))!;
    expect(marked).toBe(
      [
        'q',
        'BT',
        '/Artifact BMC',
        '/F1 8 Tf',
        '1 0 0 -1 40 20 Tm',
        '<0001> Tj',
        'EMC',
        'ET',
        '/P <</MCID 0 >>BDC',
        'BT',
        '(Tagged \\) text) Tj',
        'ET',
        'EMC',
        '/Artifact BMC',
        '0 0 10 10 re f', // the stream's own spacing is kept
        'EMC',
        'Q',
        '/Artifact BMC',
        '/X1 Do',
        'EMC',
        '/X2 Do',
        '',
      ].join('\n'),
    );
    // Inline images (binary data) are left as they are.
    expect(markArtifacts('BI /W 1 /H 1 ID \u0000 EI')).toBeNull();
  });
});
