// Faithful summaries (#29): every chronology row's summary keeps the negations and figures of the clause it was made
// from, has a subject that is no bare pronoun and a verb (tests/support/summaries.ts says how each is checked), on
// the fixtures of every shape and genre and, with ../shared beside the checkout, its samples and 40 TimeBank stories.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { summaryFaults, summaryTexts } from './support/summaries.ts';

/** Every faulty row of the texts, as "text event: faults". */
async function faults(): Promise<string[]> {
  const found: string[] = [];
  for (const t of summaryTexts(40)) {
    const file = new VFile({ path: t.path, value: t.text });
    const chronology = extractChronology(await parseEssay(file), { referenceDate: t.reference, spelling: false });
    for (const e of chronology.events) {
      const wrong = summaryFaults(e, chronology);
      if (wrong.length) found.push(`${t.name} ${e.id}: ${wrong.join('; ')}`);
    }
  }
  return found;
}

describe('summaries', () => {
  it("keep their clause's negations and figures, a subject and a verb (fixtures; samples and TimeBank with ../shared)", async () => {
    const found = await faults();
    expect(found).toEqual([]);
  }, 120_000);

  it('see a fault when there is one', () => {
    const event = {
      id: 'e1',
      date: { text: 'May 1994', value: '1994-05', start: '1994-05-01', end: '1994-05-31', precision: 'month' as const },
      text: 'In May 1994 the council did not approve 12 projects.',
      summary: 'He approved projects',
      kind: 'decision' as const,
      actors: { people: [], organizations: [], places: [] },
      source: { paragraph: 1, sentence: 1 },
    };
    const chronology = { mentions: [] } as unknown as Parameters<typeof summaryFaults>[1];
    expect(summaryFaults(event, chronology)).toEqual(['lost negation not', 'lost figure 12', 'bare pronoun subject']);
    expect(
      summaryFaults(
        { ...event, text: 'Shanghai, Macao and Canton in 1994.', summary: 'Shanghai, Macao and Canton' },
        chronology,
      ),
    ).toContain('a list of names');
  });
});
