// The pack's words are whole, whatever the genre: no summary, key point or bullet is cut ("..."), starts with a bare
// pronoun, carries a dateline, or lacks a finite verb.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../pipeline/core/settings.ts';
import { extractChronology } from '../pipeline/extract/index.ts';
import { tag } from '../pipeline/extract/language.ts';
import { verbGroups } from '../pipeline/extract/tense.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { slidesView } from '../pipeline/products/slides/view.ts';
import { keyPoints } from '../pipeline/views/common.ts';
import { hasSharedEssays, NO_SHARED } from './helpers.ts';

const root = path.join(import.meta.dirname, '..');
const essays = [
  'source/azerbaijan-nato.txt',
  ...(hasSharedEssays
    ? [
        '../shared/essays/news-grain-deal.txt',
        '../shared/essays/analysis-deterrence.txt',
        '../shared/essays/eu-enlargement.md',
        '../shared/essays/short-note.txt',
      ]
    : []),
  'tests/fixtures/genres/news-storm.txt',
  'tests/fixtures/genres/analysis-sanctions.txt',
  'tests/fixtures/shapes/history-arctic.md',
  'tests/fixtures/shapes/note-svalbard.txt',
];

const CUT = /\u2026|\.\.\./;
// "These conditions interact" has its noun; "These six had" and "They joined" do not. ("We" is a speaker's voice.)
const BARE_PRONOUN =
  /^(?:He|She|It|They|The latter)\s|^(?:These|This|Those)(?:\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))?\s+(?:is|are|was|were|had|has|have|will|would|can|could|may|might|must|should|\p{Ll}+ed)\b/u;
const DATELINE = /^\p{Lu}{3,}[\p{L} ,]*(?:\([^)]*\))?\s*[-\u2013\u2014_]\s|\((?:AP|Reuters|AFP|Agency|Wire)\)/u;
const DANGLING = /(?:,|\b(?:and|or|but|of|the|a|an))$/; // "voted to stay in" ends well

describe.each(essays)('the words of %s', (file) => {
  it('are whole clauses, never cut, never a bare pronoun, never a dateline', async () => {
    const source = path.join(root, file);
    const essay = await parseEssay(new VFile({ path: source, value: readFileSync(source, 'utf8') }));
    const chronology = extractChronology(essay, { spelling: false });
    const deck = slidesView(essay, chronology, defaultSettings);
    const texts = [
      ...chronology.events.map((e) => ({ where: `summary of ${e.id}`, text: e.summary, clause: true })),
      ...keyPoints(essay, chronology, 'day-month').map((p, i) => ({
        where: `key point ${i + 1}`,
        text: p.text.replace(/^[^:]{1,40}: /, ''),
        clause: true,
      })),
      ...deck.slides.flatMap((s) =>
        (s.bullets ?? []).map((b) => ({ where: `slide ${s.number}`, text: b.text, clause: false })),
      ),
    ];
    expect(texts.length).toBeGreaterThan(0);
    for (const { where, text, clause } of texts) {
      expect(text, where).not.toMatch(CUT);
      expect(text, where).not.toMatch(BARE_PRONOUN);
      expect(text, where).not.toMatch(DATELINE);
      expect(text.replace(/[.!?"\u201d]+$/, ''), where).not.toMatch(DANGLING);
      if (clause) expect(verbGroups(tag(text)).length, `${where}: "${text}" has no finite verb`).toBeGreaterThan(0);
    }
  });
});

describe('key points', () => {
  const pointsOf = async (file: string) => {
    const source = path.join(root, file);
    const essay = await parseEssay(new VFile({ path: source, value: readFileSync(source, 'utf8') }));
    return keyPoints(essay, extractChronology(essay, { spelling: false }), 'day-month');
  };

  it('name what mattered in the seed, each with its paragraph, and never count events', async () => {
    const points = await pointsOf('source/azerbaijan-nato.txt');
    const text = points.map((p) => p.text).join('\n');
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/4 May 1994: .*Partnership for Peace/);
    expect(text).toMatch(/Planning and Review Process/);
    expect(text).toMatch(/Euro Atlantic Cooperation Council/);
    expect(text).toMatch(/Afghanistan and Iraq/);
    expect(text).not.toMatch(/dated events?|covers|and \d+ more|Operations:/);
    for (const p of points) expect(p.paragraphs.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasSharedEssays)(`cover the whole span of a long history (${NO_SHARED})`, async () => {
    const text = (await pointsOf('../shared/essays/eu-enlargement.md')).map((p) => p.text).join('\n');
    expect(text).toMatch(/1973/);
    expect(text).toMatch(/2004/);
    expect(text).toMatch(/2016|2020/);
  });

  it('come from the argument when an essay has few dates', async () => {
    const points = await pointsOf('tests/fixtures/shapes/analysis-sanctions.txt');
    expect(points.length).toBeGreaterThanOrEqual(4);
    for (const p of points) expect(p.text).not.toMatch(/^\d/);
  });
});

describe('summaries that keep their meaning', () => {
  it('keep the negation of their clause, a leading "Nor" too', async () => {
    const text =
      'State of the Union\n\nWashington, 20 January 2004\n\nNor will I shrink from my share of responsibility in 2004. We did not sign the treaty in 1998. In 1999 the council never met.\n';
    const essay = await parseEssay(new VFile({ path: 'e.txt', value: text }));
    const summaries = extractChronology(essay, { spelling: false }).events.map((e) => e.summary);
    expect(summaries).toEqual([
      'We did not sign the treaty',
      'The council never met',
      'Nor will I shrink from my share of responsibility',
    ]);
  });
});

describe('summaries whose words stay whole', () => {
  it('keep an aside that carries a figure, and leave no preposition without its date', async () => {
    const text =
      'Markets\n\nNEW YORK, 6 February 1998 (Wire) - Stocks rose on Thursday, pushing the index up 72 points, to 8,189. The fund has fallen 2% through September. Relations were strained after June 1997, when the talks failed.\n';
    const essay = await parseEssay(new VFile({ path: 'e.txt', value: text }));
    const summaries = extractChronology(essay, { spelling: false }).events.map((e) => e.summary);
    expect(summaries).toContain('Stocks rose, pushing the index up 72 points, to 8,189');
    expect(summaries).toContain('The fund has fallen 2%');
    for (const summary of summaries) expect(summary).not.toMatch(/\b(?:after|through|in|on)\s*(?:,|$)/);
  });

  it('lose a link to the sentence before ("Before that she served"), and name who "she" is', async () => {
    const text =
      'Appointment\n\nVIENNA, 12 March 2025 - The ministry appointed Helena Marek as director. Before that she served as deputy head of the Red Cross from 2016 to 2021.\n';
    const essay = await parseEssay(new VFile({ path: 'e.txt', value: text }));
    const summaries = extractChronology(essay, { spelling: false }).events.map((e) => e.summary);
    expect(summaries).toContain('Helena Marek served as deputy head of the Red Cross');
  });

  it('take the whole noun phrase a pronoun stands for, its preposition too ("the station at Ventspils")', async () => {
    const text =
      'Energy\n\nRiga, 3 October 2025\n\nIn March 2023 the converter station at Ventspils went into service. In June 2024 it was upgraded.\n';
    const essay = await parseEssay(new VFile({ path: 'e.txt', value: text }));
    const summaries = extractChronology(essay, { spelling: false }).events.map((e) => e.summary);
    expect(summaries).toContain('The converter station at Ventspils was upgraded');
  });
});

describe('roles left out of a summary', () => {
  it('go whole, with the words that qualify them ("Former prime minister", "U.N. Secretary-General")', async () => {
    const { withoutRoles } = await import('../pipeline/extract/roles.ts');
    expect(withoutRoles('Former prime minister Paul Keating welcomed the result', ['Paul Keating'])).toBe(
      'Paul Keating welcomed the result',
    );
    expect(withoutRoles('the accord signed by U.N. Secretary-General Kofi Annan', ['Kofi Annan'])).toBe(
      'the accord signed by Kofi Annan',
    );
  });
});
