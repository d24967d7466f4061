// Markdown as Pandoc and Quarto users write it: citations formatted by citeproc from a BibTeX bibliography, a
// references list linked both ways, cross-references to sections, figures and tables, callouts, page breaks; syntax
// not understood warns with its line and never reaches a summary.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { extractChronology } from '../pipeline/extract/index.ts';
import { directiveFences } from '../pipeline/parse/fenced-divs.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { readSource } from '../pipeline/parse/read-source.ts';
import { pack, temp } from './helpers.ts';
import { readPdf } from './pdf.ts';

const fixture = path.join(import.meta.dirname, 'fixtures', 'quarto');
const essayFile = path.join(fixture, 'essay.md');
/** Syntax that must never reach a reader: an attribute block, a fence, a page-break command, a citation key. */
const LEFTOVER = /\{#|:::|\\newpage|@[\w-]+\d|@(?:sec|fig|tbl)-/;

const parsed = async (file = essayFile) => {
  const vfile = await readSource(file);
  const essay = await parseEssay(vfile);
  return { vfile, essay, chronology: extractChronology(essay, { referenceDate: null, spelling: false }, vfile) };
};
const shownText = (runs: { text: string; shown?: string }[]) => runs.map((r) => r.shown ?? r.text).join('');

describe('citations', () => {
  it('formats each citation with its locator, prefix and narrative form, and links it to its entry', async () => {
    const { essay } = await parsed();
    const [first, , third] = essay.paragraphs.filter((p) => p.kind === 'text');
    expect(shownText(first!.runs)).toContain('three years after independence (Cornell, 2011, p. 82).');
    expect(shownText(first!.runs)).toContain('(see de Waal, 2003, pp. 240–242; Shaffer, 2010)');
    expect(shownText(third!.runs)).toContain('German (2012, p. 220) argues');
    const cite = first!.runs.find((r) => r.shown?.includes('Cornell'))!;
    expect(cite).toMatchObject({ text: '', target: 'ref-cornell2011', anchor: 'cite-1' });
  });

  it('lists the cited works in the style’s order, each linked back to the paragraph of its first citation', async () => {
    const { essay } = await parsed();
    const entries = essay.references.map((r) => r.runs.map((run) => run.text).join(''));
    expect(entries).toHaveLength(10);
    // APA: by author, then year.
    expect(entries.map((e) => e.split(/[,.]/)[0])).toEqual([
      'Asmus',
      'Cornell',
      'Cornell',
      'de Waal',
      'Gasimli',
      'German',
      'Government of Azerbaijan',
      'Kucera',
      'North Atlantic Treaty Organization',
      'Shaffer',
    ]);
    expect(entries[1]).toMatch(/^Cornell, S\. E\. \(2001\)/);
    expect(essay.references[2]).toMatchObject({ id: 'ref-cornell2011', citedAt: { anchor: 'cite-1', paragraph: 1 } });
    // Titles in italics, a DOI as a link.
    expect(essay.references[2]!.runs.find((r) => r.emphasis)?.text).toBe('Azerbaijan Since Independence');
    expect(essay.references[5]!.runs.some((r) => r.link?.startsWith('https://doi.org/10.1080/'))).toBe(true);
  });

  it('is never read as a date, a name or words of a summary', async () => {
    const { essay, chronology } = await parsed();
    const json = JSON.stringify(chronology);
    expect(json).not.toMatch(LEFTOVER);
    expect(json).not.toMatch(/Cornell|de Waal|Shaffer|\(2012/);
    // The works' years (2001, 2003, 2011, 2012, 2015, 2021) date no event; the essay's own dates do.
    expect(chronology.events.map((e) => e.date.value)).toEqual(['1994-05-04', '2004', '2005-05', '2010-11', '2020']);
    expect(chronology.people).not.toContain('German');
    expect(chronology.people).not.toContain('Gasimli');
    for (const p of essay.paragraphs) expect(p.text, `¶ ${p.n}`).not.toMatch(LEFTOVER);
  });
});

describe('a bibliography and a style', () => {
  const minimalStyle = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Numbers</title><id>numbers</id><updated>2026-12-07T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>
  <bibliography><layout><text variable="citation-number" prefix="[" suffix="] "/><text variable="title"/></layout></bibliography>
</style>`;

  it('come from the configuration for an essay that names none, and a style is any CSL file', async () => {
    const folder = await temp('pandoc-style');
    const { copyFile, writeFile } = await import('node:fs/promises');
    await copyFile(path.join(fixture, 'refs.bib'), path.join(folder, 'refs.bib'));
    await writeFile(path.join(folder, 'numbers.csl'), minimalStyle);
    const file = new VFile({
      path: path.join(folder, 'note.md'),
      value: '# Note\n\nIt joined in 1994 [@cornell2011], as @dewaal2003 tells.\n',
    });
    file.data.citationDefaults = {
      bibliography: path.join(folder, 'refs.bib'),
      csl: path.join(folder, 'numbers.csl'),
    };
    const essay = await parseEssay(file);
    expect(shownText(essay.paragraphs[0]!.runs)).toBe('It joined in 1994 [1], as [2] tells.');
    expect(essay.references.map((r) => r.runs.map((run) => run.text).join(''))).toEqual([
      '[1] Azerbaijan Since Independence',
      '[2] Black Garden: Armenia and Azerbaijan through Peace and War',
    ]);
  });

  it('refuses a style that is not CSL, in one line', async () => {
    const file = new VFile({
      path: path.join(fixture, 'essay.md'),
      value: '---\ntitle: X\nbibliography: refs.bib\ncsl: refs.bib\n---\n\nIt was so [@cornell2011].\n',
    });
    await expect(parseEssay(file)).rejects.toThrow(/csl: refs\.bib is not a CSL style/);
  });
});

describe('cross-references, callouts and page breaks', () => {
  it('names sections, figures and tables by their numbers, linked to them', async () => {
    const { essay } = await parsed();
    const runs = essay.paragraphs.flatMap((p) => p.runs).filter((r) => r.crossRef);
    expect(runs.map((r) => [r.text, r.target])).toEqual([
      ['Section\u00a02', 's2'],
      ['Figure\u00a01', essay.paragraphs.find((p) => p.block?.type === 'figure')!.id],
      ['Table\u00a01', essay.paragraphs.find((p) => p.block?.type === 'table')!.id],
    ]);
    expect(essay.sections.map((s) => [s.number, s.title])).toEqual([
      ['1', 'Introduction'],
      ['2', 'Context'],
      ['3', 'Outlook'],
    ]);
    const table = essay.paragraphs.find((p) => p.block?.type === 'table')!.block;
    expect(table).toMatchObject({ caption: { n: 1, runs: [{ text: 'Steps of the partnership' }] } });
  });

  it('draws callouts as boxes titled by their heading or title, and breaks the page where \\newpage stands', async () => {
    const { essay } = await parsed();
    const boxed = essay.paragraphs.filter((p) => p.callout).map((p) => p.callout);
    expect(boxed).toEqual([
      { kind: 'note', title: 'Reading this note', first: true, last: true },
      { kind: 'warning', title: 'Open question', first: true, last: true },
    ]);
    expect(essay.sections.find((s) => s.title === 'Outlook')?.breakBefore).toBe(true);
  });

  it('rewrites Pandoc’s div openings line for line, and leaves colons in prose alone', () => {
    const text = 'Note:this at 10:30.\n\n::: {.callout-tip #t title="Hint"}\nx\n:::\n\n:::: warning\ny\n::::\n';
    const fenced = directiveFences(text);
    expect(fenced.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(fenced).toContain(':::callout-tip{#t title="Hint"}');
    expect(fenced).toContain('::::warning');
    expect(fenced.startsWith('Note:this at 10:30.')).toBe(true);
  });
});

describe('what is not understood', () => {
  it('warns at its line: an unknown citation key, an unknown cross-reference, an unknown div class', async () => {
    const text = [
      '---',
      'title: Bad references',
      'bibliography: refs.bib',
      '---',
      '',
      'In 1994 it joined the programme [@nobody2020, p. 3].',
      '',
      'The map is in @fig-nowhere.',
      '',
      '::: {.column-margin}',
      'A note in the margin.',
      ':::',
      '',
      'Some {.smallcaps} words and \\vspace{2cm} here.',
    ].join('\n');
    const file = new VFile({ path: path.join(fixture, 'bad.md'), value: text });
    const essay = await parseEssay(file);
    const said = file.messages.map((m) => [m.line, m.ruleId]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(said).toEqual([
      [6, 'citation'],
      [8, 'cross-reference'],
      [10, 'fenced-div'],
      [14, 'syntax'],
      [14, 'syntax'],
    ]);
    // Printed as written, but no words of the text: no summary or key point can carry them.
    const first = essay.paragraphs[0]!;
    expect(first.text).toBe('In 1994 it joined the programme.');
    expect(shownText(first.runs)).toBe('In 1994 it joined the programme [@nobody2020, p. 3].');
    expect(essay.paragraphs.map((p) => p.text).join(' ')).not.toMatch(LEFTOVER);
    expect(essay.paragraphs.map((p) => p.text)).toContain('A note in the margin.');
  });

  it('leaves a handle alone in an essay with no bibliography, and says a bracketed citation needs one', async () => {
    const file = new VFile({
      path: path.join(fixture, 'handles.md'),
      value: '# Note\n\nThe ministry wrote to @nato_press on 4 May 1994 [@smith2019].\n',
    });
    const essay = await parseEssay(file);
    expect(essay.paragraphs[0]!.text).toBe('The ministry wrote to @nato_press on 4 May 1994.');
    expect(file.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/^Citation \[@smith2019\]: the essay names no bibliography/),
    ]);
  });

  it('refuses a bibliography that is missing, in one line', async () => {
    const file = new VFile({
      path: path.join(fixture, 'missing.md'),
      value: '---\ntitle: X\nbibliography: nowhere.bib\n---\n\nIt was so [@a].\n',
    });
    await expect(parseEssay(file)).rejects.toThrow(/bibliography: nowhere\.bib \(front matter\)/);
  });
});

describe('the products of an essay in Quarto’s style', () => {
  let out = '';
  beforeAll(async () => {
    out = await temp('pandoc');
    const settings = { ...defaultSettings, formats: ['briefing', 'slides', 'factsheet', 'json', 'docx'] };
    const results = await pack({ inputs: [essayFile], outDir: out, settings });
    for (const r of results) expect(r.error, r.slug).toBeNull();
  }, 120_000);

  it('prints formatted citations, the references in order, resolved cross-references, the callout and the page break', async () => {
    const pdf = await readPdf(path.join(out, 'essay', 'briefing.pdf'));
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toContain('(Cornell, 2011, p. 82)');
    expect(text).toMatch(/German\s+\(2012,\s+p\.\s+220\)\s+argues/);
    expect(text).toMatch(/set out in\s+Section\s+2, and the map in\s+Figure\s+1/);
    expect(text).toMatch(/Table\s+1\.\s+Steps of the partnership/);
    expect(text).toMatch(/READING THIS NOTE/);
    const references = text.slice(text.lastIndexOf('References'));
    const order = ['Asmus', 'Cornell, S. E. (2001)', 'Cornell, S. E. (2011)', 'de Waal', 'Shaffer'];
    const at = order.map((name) => references.indexOf(name));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // "\newpage" before the Outlook: its page begins with it.
    const outlook = [...pdf.pages].reverse().find((p) => /3\s*Outlook/.test(p.text))!;
    const lines = outlook.text.split('\n').filter((l) => !/^Page \d+ of \d+$|^Azerbaijan and the Alliance$/.test(l));
    expect(lines[0]).toMatch(/^3\s*Outlook$/);
    // Links both ways: the citation to its entry, the entry back to its citation.
    expect(pdf.destinations.has('ref-cornell2011')).toBe(true);
    expect(pdf.destinations.has('cite-1')).toBe(true);
  });

  it('leaves no Pandoc syntax in any product', async () => {
    const folder = path.join(out, 'essay');
    for (const name of ['briefing.pdf', 'slides.pdf', 'factsheet.pdf']) {
      const pdf = await readPdf(path.join(folder, name));
      expect(pdf.pages.map((p) => p.text).join('\n'), name).not.toMatch(LEFTOVER);
    }
    expect(await readFile(path.join(folder, 'chronology.json'), 'utf8')).not.toMatch(LEFTOVER);
    const zip = await JSZip.loadAsync(await readFile(path.join(folder, 'briefing.docx')));
    const document = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(document).not.toMatch(LEFTOVER);
    expect(document).toContain('(Cornell, 2011, p. 82)');
    expect(document).toContain('Kucera, J. (2021)');
    const deck = await JSZip.loadAsync(await readFile(path.join(folder, 'slides.pptx')));
    const slides = Object.keys(deck.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBeGreaterThan(3);
    for (const name of slides)
      expect((await deck.file(name)!.async('string')).replace(/<[^>]+>/g, ' '), name).not.toMatch(LEFTOVER);
  });
});
