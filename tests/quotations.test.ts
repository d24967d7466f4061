// Quotations go to the one the reporting clause names, a person or an organisation, and to no one else: never to the
// last name that happens to stand before them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { notableQuotations, speakerOf } from '../pipeline/views/common.ts';

const LONG =
  'we have lost a visionary and creative genius, and the world has lost an amazing human being, and those of us';

describe('speakerOf', () => {
  const names = ['Steve Jobs', 'Apple', 'Charles Bolden', 'Bolden', 'Osama bin Laden'];
  it('reads the reporting clause before or after the quotation', () => {
    expect(speakerOf('Steve Jobs died on Wednesday. In a statement, Apple said: ', '', names)).toBe('Apple');
    expect(speakerOf('Steve Jobs founded the firm. ', ', said NASA Administrator Charles Bolden.', names)).toBe(
      'Charles Bolden',
    );
    expect(speakerOf('The rover landed. ', ', Bolden said on Monday.', names)).toBe('Bolden');
    expect(speakerOf('Steve Jobs was praised. According to Apple, ', '', names)).toBe('Apple');
  });
  it('gives no one for a pronoun, an unnamed source, or a name with no reporting verb', () => {
    expect(speakerOf('Steve Jobs was ill. He said: ', '', names)).toBeNull();
    expect(speakerOf('Steve Jobs resigned. A spokesman said: ', '', names)).toBeNull();
    expect(speakerOf('Osama bin Laden was killed in 2011. The agreement reads: ', '', names)).toBeNull();
    expect(speakerOf('Steve Jobs wrote little. ', ', one official said.', names)).toBeNull();
  });
});

describe('notableQuotations', () => {
  const quotationsOf = async (value: string) => {
    const essay = await parseEssay(new VFile({ path: 'story.txt', value }));
    return notableQuotations(essay, extractChronology(essay, { spelling: false }));
  };
  it("never gives an organisation's statement to a person named before it", async () => {
    const q = await quotationsOf(
      `Obituary\n\nSteve Jobs died on 5 October 2011. In a statement, Apple said: "${LONG} who have been fortunate enough to know him."\n`,
    );
    expect(q.map((x) => x.speaker)).toEqual(['Apple']);
  });
  it("gives the seed's quotation to the one its reporting clause names", async () => {
    const seed = path.join(import.meta.dirname, '..', 'source', 'azerbaijan-nato.txt');
    const essay = await parseEssay(new VFile({ path: seed, value: readFileSync(seed, 'utf8') }));
    const q = notableQuotations(essay, extractChronology(essay, { spelling: false }));
    expect(q.map((x) => x.speaker)).toEqual(['Heydar Aliyev']);
  });

  it('gives a quotation told after its speaker to that speaker, and reported speech to no one', async () => {
    const q = await quotationsOf(
      [
        'Launch',
        '',
        `The rover landed on 6 August 2012. "${LONG} who built it," said NASA Administrator Charles Bolden.`,
        '',
        'On 7 August 2012 Bolden said that the landing was a triumph and that the team had earned a rest.',
      ].join('\n'),
    );
    expect(q.map((x) => x.speaker)).toEqual(['Charles Bolden']);
  });

  it('prints no quotation whose speaker the text does not name', async () => {
    const q = await quotationsOf(
      `Talks\n\nJohn Kerry arrived in Geneva on 4 May 2014. An official said: "${LONG} who worked on the talks for months."\n`,
    );
    expect(q).toEqual([]);
  });
});
