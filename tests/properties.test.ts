// Any text at all: parse and extraction never throw, terminate, and every offset points at its own text.
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { compareDays } from '../pipeline/dates/calendar.ts';
import { tagTimexes } from '../pipeline/dates/timex/index.ts';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';

// Text made of the pieces that trip date rules: month names, numbers, dashes, "the same year", markup, odd spaces.
const piece = fc.oneof(
  fc.constantFrom(
    'May',
    'March',
    'July',
    'Oct',
    'spring',
    'the same year',
    'In',
    'on',
    'of',
    'BC',
    'AD',
    '1994',
    '4',
    '29',
    '2002-2003',
    '\u2013',
    '-',
    ',',
    '.',
    ' ',
    '\n',
    '\n\n',
    '\u00a0',
    '`',
    '*',
    '#',
    '<script>',
    '{{x}}',
    'the',
    '1990s',
    '18th century',
    'early',
    'late',
    'mid-',
    'Friday',
    'yesterday',
    'two years later',
    '(PFP)',
    '"',
  ),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 3000 }).map(String),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(' '));

describe('on any text', () => {
  it('tagging never throws, and offsets and spans are consistent', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const timex of tagTimexes(t, { anchor: null, reference: '2000-01-01' })) {
          expect(t.slice(...timex.offset)).toBe(timex.text);
          expect(compareDays(timex.start, timex.end)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('parse and extraction never throw, and every mention points at its own text', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('.txt', '.md'), async (body, ext) => {
        const file = new VFile({ path: `essay${ext}`, value: `Title\n\n${body}` });
        let essay: Awaited<ReturnType<typeof parseEssay>>;
        try {
          essay = await parseEssay(file);
        } catch (error) {
          // Bad Markdown front matter is the one input parse refuses, and it says why.
          expect(String(error)).toMatch(/front matter/);
          return;
        }
        const chronology = extractChronology(essay, { referenceDate: '2000-01-01' }, file);
        for (const m of chronology.mentions) expect(String(file.value).slice(...m.offset)).toBe(m.text);
        for (const e of chronology.events) expect(compareDays(e.date.start, e.date.end)).toBeLessThanOrEqual(0);
        const starts = chronology.events.map((e) => e.date.start);
        expect([...starts].sort(compareDays)).toEqual(starts);
      }),
      { numRuns: 150 },
    );
  });
});
