// The fact sheet: exactly one page whatever the essay, figures that match the chronology, nothing overflowing.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chronology } from '../pipeline/core/model.ts';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { pack, temp, warmPrinter } from './helpers.ts';
import { readPdf } from './pdf.ts';

const root = path.join(import.meta.dirname, '..');
const seedText = await readFile(path.join(root, 'source', 'azerbaijan-nato.txt'), 'utf8');

/** The seed's body repeated ten times, each copy's years shifted, so the essay is ten times longer. */
function tenTimes(): string {
  const [title, ...body] = seedText.replace(/\n\s*Brief essay was compiled[^\n]*\n?$/, '\n').split('\n');
  const copies = Array.from({ length: 10 }, (_, i) =>
    body.join('\n').replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + 15 * i)),
  );
  return `${title}\n${copies.join('\n')}`;
}

const essays: Record<string, string> = {
  seed: seedText,
  long: tenTimes(),
  short:
    'Two dates only\n\nThe treaty was signed in March 1992 after long talks.\n\nThe first review took place in June 1995.\n',
};

describe('the fact sheet', () => {
  let out: string;
  let warnings: Record<string, string[]>;
  beforeAll(async () => {
    const src = await temp('fs-src');
    out = await temp('fs');
    for (const [name, text] of Object.entries(essays)) await writeFile(path.join(src, `${name}.txt`), text);
    const results = await pack({
      inputs: [src],
      outDir: out,
      settings: { ...defaultSettings, formats: ['factsheet', 'json'] },
    });
    for (const r of results) expect(r.error, r.slug).toBeNull();
    warnings = Object.fromEntries(
      results.map((r) => [
        r.slug,
        (r.file?.messages ?? []).filter((m) => m.ruleId === 'factsheet-fit').map((m) => m.reason),
      ]),
    );
  });

  it.each(Object.keys(essays))(
    'is exactly one page for the %s essay, and its figures match the chronology',
    async (slug) => {
      const pdf = await readPdf(path.join(out, slug, 'factsheet.pdf'));
      expect(pdf.pages).toHaveLength(1);
      const chronology: Chronology = JSON.parse(await readFile(path.join(out, slug, 'chronology.json'), 'utf8'));
      const text = pdf.pages[0]!.text.replace(/\s+/g, ' ');
      // Headline figures only for three dated events or more; each plural-correct, and no category of one.
      if (chronology.events.length >= 3) expect(text).toContain(`${chronology.events.length} dated events`);
      else expect(text).not.toMatch(/dated events?|years? covered/);
      const count = (kinds: string[]) => chronology.events.filter((e) => kinds.includes(e.kind)).length;
      if (count(['agreement', 'membership']) >= 2 && text.includes('agreements and accessions'))
        expect(text).toContain(`${count(['agreement', 'membership'])} agreements and accessions`);
      expect(text).not.toMatch(
        /\b1 (?:years|dated events|visits|agreements|operations|decisions|statements|changes|people)\b/,
      );
      expect(text).toMatch(new RegExp(`Generated from ${slug === 'short' ? 2 : '\\d+'} paragraphs`));
    },
  );

  it('keeps every box within its frame, measured in Chromium', async () => {
    const printer = await warmPrinter();
    for (const slug of Object.keys(essays)) {
      const overflowing = await printer.withPage(async (page) => {
        await printer.load(page, path.join(out, slug, 'factsheet.html'));
        return page.evaluate(
          `[...document.querySelectorAll('.sheet, .sheet *')].filter((e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflow !== 'visible').map((e) => e.className || e.tagName)`,
        );
      });
      expect(overflowing, slug).toEqual([]);
    }
  });

  it('shortens the long essay by its fixed order of priority, and says what it left out', async () => {
    const long = JSON.parse(await readFile(path.join(out, 'long', 'chronology.json'), 'utf8')) as Chronology;
    expect(long.events.length).toBeGreaterThan(100);
    expect(warnings.long).toHaveLength(1);
    expect(warnings.long![0]).toMatch(/^Fact sheet shortened to fit one page: \d+ of \d+ milestones/);
    expect(warnings.short).toEqual([]); // a short essay keeps everything
  });
});

describe("the fact sheet's fonts", () => {
  it("sets the essay's code in the pack's own monospace face, never the machine's", async () => {
    const dir = await temp('fs-code');
    const essay = path.join(dir, 'tools.md');
    await writeFile(
      essay,
      '# Tools\n\nThe script `make-pack.sh` builds the pack; it was first run in March 2001.\n\nA second version, `pack2`, followed in May 2003.\n',
    );
    const [result] = await pack({
      inputs: [essay],
      outDir: path.join(dir, 'out'),
      settings: { ...defaultSettings, formats: ['factsheet'] },
    });
    expect(result!.error).toBeNull();
    const bytes = (await readFile(path.join(dir, 'out', 'tools', 'factsheet.pdf'))).toString('latin1');
    const fonts = [...new Set([...bytes.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]))];
    expect(fonts.some((font) => /^SourceCodePro/.test(font!))).toBe(true);
    for (const font of fonts) expect(font).toMatch(/^Source(Serif4|Sans3|CodePro)/);
  });
});
