// The name recogniser learned from GUM (pipeline/extract/names/), its word lists, and how the who's who uses it on
// texts unlike the essays the rules were written on: addresses, titles before names, abbreviations, names that open
// a sentence.
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { extractChronology } from '../pipeline/extract/index.ts';
import { NAME_LABELS, namesModel } from '../pipeline/extract/names/index.ts';
import { isFormOfAddress, isTitleWord } from '../pipeline/extract/names/lexicon.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { keyPeople } from '../pipeline/views/common.ts';
import { hasGum, readGum } from '../scripts/gum.ts';
import { train, trainingText } from '../scripts/train-names.ts';

const chronologyOf = async (value: string) =>
  extractChronology(await parseEssay(new VFile({ path: 'text.txt', value })), { spelling: false });

describe('the lexicon', () => {
  it('knows titles, which are part of no name, and forms of address, which name no one', () => {
    for (const word of ['President', 'Vice', 'Dr.', 'Senator', 'Reverend', 'Administrator', 'Gen.']) {
      expect(isTitleWord(word), word).toBe(true);
    }
    for (const word of ['Bush', 'Bolden', 'Washington', 'Apple']) expect(isTitleWord(word), word).toBe(false);
    for (const name of ['Madam Speaker', 'Mr. President', 'Your Honor', 'Mr Chief Justice']) {
      expect(isFormOfAddress(name), name).toBe(true);
    }
    for (const name of ['Nancy Pelosi', 'Speaker Pelosi', 'President Biden']) {
      expect(isFormOfAddress(name), name).toBe(false);
    }
  });
});

describe('the shipped model', () => {
  it('has the labels the recogniser decodes', () => {
    expect(namesModel().labels).toEqual(NAME_LABELS);
    expect(namesModel().scores(['bias', 'w=washington']).length).toBe(NAME_LABELS.length);
  });
});

describe("who's who on other genres", () => {
  it('finds every person an address greets, without their titles, and takes no form of address for a person', async () => {
    const c = await chronologyOf(
      [
        'Inaugural Address',
        '',
        "Senator Hatfield, Mr. Chief Justice, Mr. President, Vice President Bush, Vice President Mondale, Senator Baker, Speaker O'Neill, and my fellow citizens: on 20 January 1981 we begin.",
        '',
        'Madam Speaker, I thank you.',
      ].join('\n'),
    );
    expect(c.people).toEqual(expect.arrayContaining(['Hatfield', 'Bush', 'Mondale', 'Baker', "O'Neill"]));
    expect(c.people.filter((p) => /President|Speaker|Justice|Senator/.test(p))).toEqual([]);
    expect(c.roles.Bush).toBe('Vice President');
  });

  it('reads "U.S." as one word, and a title inside a run as a role', async () => {
    const c = await chronologyOf(
      'Visit\n\nThe U.S. Embassy in Kabul closed on 1 May 2021, the U.S. Ambassador said. NASA Administrator Charles Bolden visited Houston on 3 June 2012.\n',
    );
    expect(c.people.filter((p) => p.startsWith('S.'))).toEqual([]);
    expect(c.people).toContain('Charles Bolden');
    expect(c.organizations).toContain('U.S. Embassy');
    expect(c.places).toEqual(expect.arrayContaining(['Kabul', 'Houston']));
  });

  it('takes a body named by its first word for that body, and a part of a longer name for no one', async () => {
    const c = await chronologyOf(
      [
        'Appointment',
        '',
        'On 12 March 2024 NASA named Makenzie Lystrup director of the Goddard Space Flight Center. Goddard employs about 10,000 people. In December 1994 voters rejected the European Economic Area.',
      ].join('\n'),
    );
    expect(c.organizations).toContain('Goddard Space Flight Center');
    expect(c.people).not.toContain('Goddard');
    expect(c.places).not.toContain('Goddard');
    expect(c.people).not.toContain('European');
  });

  it('takes a people for no person', async () => {
    const c = await chronologyOf(
      'Cyprus\n\nThe Greek application was filed in 1975. On 24 April 2004 the plan was accepted by Turkish Cypriots and rejected by Greek Cypriots, said Kofi Annan.\n',
    );
    expect(c.people.filter((p) => /Cypriots/.test(p))).toEqual([]);
    expect(c.people).toContain('Kofi Annan');
  });

  it('finds a name that opens a sentence with a common word', async () => {
    const c = await chronologyOf(
      'Obituary\n\nOn 5 October 2011 Steve Jobs died. Bill Gates and Steve Ballmer praised him.\n',
    );
    expect(c.people).toEqual(expect.arrayContaining(['Steve Jobs', 'Bill Gates', 'Steve Ballmer']));
  });
});

describe('actors', () => {
  it('takes the subject for "he", not the last name before it', async () => {
    const c = await chronologyOf(
      'Handover\n\nOn 28 June 2004 Paul Bremer stated that sovereignty had passed to the government of Ayad Allawi, and he left Iraq later that day.\n',
    );
    const left = c.events.find((e) => /left Iraq/.test(e.summary));
    expect(left?.summary).toMatch(/^Paul Bremer left Iraq/);
    expect(left?.actors.people[0]).toBe('Paul Bremer');
  });
});

describe('pronouns', () => {
  it('read "he" as the person the text is about, not a name later in the sentence', async () => {
    const c = await chronologyOf(
      [
        'Dag Hammarskjöld',
        '',
        'Dag Hammarskjöld was a Swedish diplomat. He was born on 29 July 1905 in Jönköping, the son of Hjalmar Hammarskjöld.',
        '',
        'On 7 April 1953 the General Assembly elected Hammarskjöld, after Trygve Lie of Norway. In 1956 he organised the United Nations Emergency Force.',
      ].join('\n'),
    );
    const summaries = c.events.map((e) => e.summary);
    expect(summaries).toContainEqual(expect.stringMatching(/^Dag Hammarskjöld was born/));
    expect(summaries).toContainEqual(expect.stringMatching(/^Dag Hammarskjöld organised/));
    // The surname both share is the one the title names.
    expect(c.people).toEqual(['Dag Hammarskjöld', 'Hjalmar Hammarskjöld', 'Trygve Lie']);
  });
});

describe('key people', () => {
  it('puts first the people the text is about, by how often and how prominently it names them', async () => {
    const value = [
      'Jobs and the Company',
      '',
      'In 1976 Steve Wozniak met Steve Jobs in a garage. Jobs founded the firm with him.',
      '',
      'In 1985 John Sculley forced Jobs out. Jobs returned in 1997, and Jobs led the firm until 2011.',
    ].join('\n');
    const essay = await parseEssay(new VFile({ path: 'bio.txt', value }));
    const ranked = keyPeople(essay, extractChronology(essay, { spelling: false }));
    expect(ranked[0]).toBe('Steve Jobs');
    expect(ranked).toEqual(expect.arrayContaining(['Steve Wozniak', 'John Sculley']));
  });
});

describe.skipIf(!hasGum())('training (needs ../shared/eval/gum)', () => {
  it('is reproducible: the same documents give the same model', () => {
    const texts = readGum()
      .filter((d) => /_(?:bio_bernoulli|news_afghan|speech_trump)$/.test(d.name))
      .map(trainingText);
    expect(texts).toHaveLength(3);
    expect(texts.every((t) => t.truth.some((label) => label > 0))).toBe(true);
    expect(JSON.stringify(train(texts, 2))).toBe(JSON.stringify(train(texts, 2)));
  });
});
