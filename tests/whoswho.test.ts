// Who's who: checked against hand annotations of five essays of different genres (tests/support/whoswho.ts scores them),
// and the kinds of junk names a pack must never list.

import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractChronology } from '../pipeline/extract/index.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { hasSharedEssays } from './helpers.ts';
import { readGold, scoreEssay } from './support/whoswho.ts';

const chronologyOf = async (value: string, path = 'story.txt') =>
  extractChronology(await parseEssay(new VFile({ path, value })), { spelling: false });

describe("who's who", () => {
  it('lists the people, organisations and places of the annotated essays with precision >= 0.95 and recall >= 0.9', async () => {
    let found = 0,
      correct = 0,
      gold = 0,
      recalled = 0;
    const errors: string[] = [];
    for (const { slug, gold: g } of readGold()) {
      const s = await scoreEssay(slug, g);
      found += s.found;
      correct += s.correct;
      gold += s.gold;
      recalled += s.recalled;
      errors.push(...s.errors);
    }
    // Three essays are the project's own; two more are the shared samples, where they are beside the checkout.
    expect(readGold().length).toBeGreaterThanOrEqual(hasSharedEssays ? 5 : 3);
    expect(correct / found, errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recalled / gold, errors.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('never takes an event, a building, a demonym, a label, a time zone or a dateline for an actor', async () => {
    const c = await chronologyOf(
      [
        'Storm',
        '',
        'LISBON, 3 May 2021 (Wire) - The end of the Cold War changed the question, the White House said at 1137 UTC. Forces that are far away do little. Spanish wine sold well, as Article 49 allows.',
      ].join('\n'),
    );
    expect(c.people).toEqual([]);
    expect(c.organizations).toEqual(['White House']);
    expect(c.places).toEqual(['Lisbon']);
  });

  it('keeps treaties and programmes out of the organisations, and their acronyms in the glossary', async () => {
    const c = await chronologyOf(
      'Talks\n\nThe Treaty of Rome was signed in 1957. In 1994 NATO launched the Partnership for Peace Program (PFP). The PFP grew.\n',
    );
    expect(c.organizations).toEqual(['NATO']);
    expect(c.acronyms).toEqual({ PFP: 'Partnership for Peace' });
  });

  it('gives titles before names and appositions as roles, and merges the names that stand for one another', async () => {
    const c = await chronologyOf(
      [
        'Talks',
        '',
        'Health Minister Veronika Skvortsova met the UN Secretary-General, Antonio Guterres, in Geneva on 4 May 2020. The European Union (EU) said the Union would help. The EU sent aid to the Republic of Moldova, and Moldova thanked it.',
      ].join('\n'),
    );
    expect(c.roles).toEqual({ 'Veronika Skvortsova': 'Health Minister', 'Antonio Guterres': 'UN Secretary-General' });
    expect(c.organizations).toEqual(['European Union']);
    expect(c.places).toEqual(['Geneva', 'Moldova']);
  });
});
