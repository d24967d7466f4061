import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chronologySchema } from '../pipeline/core/chronology-schema.ts';
import type { Chronology } from '../pipeline/core/model.ts';
import { findAcronyms } from '../pipeline/extract/actors.ts';
import { extractChronology, extractChronologyAside } from '../pipeline/extract/index.ts';
import { classify } from '../pipeline/extract/kind.ts';
import { tag } from '../pipeline/extract/language.ts';
import { findRoles, withoutRoles } from '../pipeline/extract/roles.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { readSource } from '../pipeline/parse/read-source.ts';

const seed = path.join(import.meta.dirname, '..', 'source', 'azerbaijan-nato.txt');

describe('the seed essay', async () => {
  const file = await readSource(seed);
  const essay = await parseEssay(file);
  const chronology = extractChronology(essay, {}, file);

  it('follows the chronology.json contract: what it writes is read back, and a row without its date is refused', () => {
    const written = JSON.parse(JSON.stringify(chronology)) as Chronology;
    expect(chronologySchema.parse(written)).toEqual(written);
    const { date: _, ...undated } = written.events[0]!;
    expect(() => chronologySchema.parse({ ...written, events: [undated, ...written.events.slice(1)] })).toThrow();
    expect(chronology.title).toBe('Azerbaijan - NATO');
    expect(chronology.compiled).toBe('2006-05-25');
  });

  it('is the same read with pauses for other work (as a build reads it while Chromium starts), and says the same', async () => {
    const [a, b] = [await readSource(seed), await readSource(seed)];
    const [essayA, essayB] = [await parseEssay(a), await parseEssay(b)];
    let turns = 0;
    const counting = setInterval(() => turns++, 0);
    const aside = await extractChronologyAside(essayA, {}, a);
    clearInterval(counting);
    expect(aside).toEqual(extractChronology(essayB, {}, b));
    expect(a.messages.map(String)).toEqual(b.messages.map(String));
    expect(turns).toBeGreaterThan(0); // other work ran while it read
  });

  it('dates every dated event of the essay, each once and nothing else, sorted coarser before finer', () => {
    // The essay's 26 dated events, in the chronology's order: 1994-05-04, restated in the last paragraph, is one row;
    // a year comes before the months in it ("1996" before "1996-04"), a range before its first month.
    expect(chronology.events.map((e) => e.date.value)).toEqual([
      '1992-03',
      '1992-10',
      '1993-02',
      '1994-05-04',
      '1995',
      '1995-06',
      '1996',
      '1996-04',
      '1997',
      '1997-02',
      '1997-05',
      '1997-07/1997-08',
      '1997-07',
      '1997-11',
      '1998-SP',
      '1998-09',
      '1999-04',
      '1999-05',
      '1999-09',
      '2001-01',
      '2001-11-19',
      '2002/2003',
      '2002-11',
      '2003-05',
      '2004-11',
      '2006-04',
    ]);
    const starts = chronology.events.map((e) => e.date.start);
    expect([...starts].sort()).toEqual(starts);
  });

  it('cites the paragraph and sentence each event comes from', () => {
    const pfp = chronology.events.find((e) => e.date.value === '1994-05-04')!;
    expect(pfp.source).toEqual({ paragraph: 3, sentence: 2 });
    expect(pfp.kind).toBe('agreement');
    expect(pfp.actors.people).toContain('Heydar Aliyev');
    expect(pfp.actors.places).toContain('Brussels');
  });

  it('says which rules made each row: the date family, the words that decided its kind, its clause', () => {
    const why = (value: string) => chronology.events.find((e) => e.date.value === value)!.why!;
    expect(why('1994-05-04')).toMatchObject({ date: 'days', kind: 'the verb "sign"' });
    expect(why('1998-SP')).toMatchObject({ date: 'seasons', kind: 'the noun "conference"' });
    expect(why('1997-11')).toMatchObject({ date: 'months', kind: 'the verb "issue" and its object "decree"' });
    // The clause the row was made from: part of its sentence, holding its date.
    const pfp = chronology.events.find((e) => e.date.value === '1994-05-04')!;
    expect(pfp.text).toContain(pfp.why!.clause);
    expect(pfp.why!.clause).toContain(pfp.date.text);
    expect(chronology.events.every((e) => e.why?.date && e.why.kind && e.why.clause)).toBe(true);
  });

  it('points every mention at its own text in the source', () => {
    const source = String(file.value);
    expect(chronology.mentions.length).toBeGreaterThanOrEqual(29);
    for (const m of chronology.mentions) expect(source.slice(...m.offset)).toBe(m.text);
  });

  it('reads the acronyms the text defines', () => {
    expect(chronology.acronyms).toMatchObject({ PFP: 'Partnership for Peace', PARP: 'Planning and Review Process' });
  });

  it('does not take the compile date for an event', () => {
    expect(chronology.events.some((e) => e.date.value === '2006-05-25')).toBe(false);
  });
});

describe('acronyms', () => {
  it('spells an acronym from the words before it, with or without small words', () => {
    expect(findAcronyms('the North Atlantic Treaty Organization (NATO) and the European Union (EU)')).toEqual({
      NATO: 'North Atlantic Treaty Organization',
      EU: 'European Union',
    });
  });
});

it('reads a text with no dates into an empty chronology', async () => {
  const { VFile } = await import('vfile');
  const file = new VFile({ path: 'none.txt', value: 'Title\n\nNo dates here at all.\n' });
  const essay = await parseEssay(file);
  const chronology = extractChronology(essay, {}, file);
  expect(chronology.events).toEqual([]);
  expect(file.messages.map((m) => m.ruleId)).toContain('no-dates');
});

describe('people and their roles', async () => {
  const file = await readSource(seed);
  const chronology = extractChronology(await parseEssay(file), {}, file);

  it('gives each person the role the text gives them', () => {
    expect(chronology.roles).toMatchObject({
      'Javier Solana': 'Secretary-General of NATO',
      'Heydar Aliyev': 'President of the Republic of Azerbaijan',
      'C. Mackenzie': 'Deputy Commander-in-Chief of NATO forces in Europe',
    });
    expect(chronology.people).not.toContain('North Atlantic Allaince');
  });

  it('reads a title only as a whole word: "go-ahead" holds no "head"', () => {
    const sentence = 'The council gave the go-ahead Farkas wanted.';
    expect(withoutRoles(sentence, ['Farkas'])).toBe(sentence);
    expect(findRoles('The plan got a go-ahead Farkas wanted.', ['Farkas']).size).toBe(0);
  });

  it('reads no role across the end of a sentence ("on 1 March. Minister Anna Berg"), and keeps "U.S." with its stops', () => {
    expect(findRoles('The office opens on 1 March. Minister Anna Berg said so.', ['Anna Berg']).get('Anna Berg')).toBe(
      'Minister',
    );
    expect(findRoles('He met U.S. Ambassador Jane Roe.', ['Jane Roe']).get('Jane Roe')).toBe('U.S. Ambassador');
  });

  it('resolves "the latter" and a role without a name to the person', () => {
    const latter = chronology.events.find((e) => e.date.value === '2004-11')!;
    expect(latter.actors.people).toEqual(['Jaap de Hoop Scheffer']);
    expect(latter.summary).toBe('Jaap de Hoop Scheffer visited Azerbaijan');
    const decree = chronology.events.find((e) => e.date.value === '1997-11')!;
    expect(decree.actors.people).toEqual(['Heydar Aliyev']);
  });

  it('writes summaries without the date, the framing or the roles', () => {
    const pfp = chronology.events.find((e) => e.date.value === '1994-05-04')!;
    expect(pfp.summary).toBe('Heydar Aliyev signed the "Partnership for Peace Program"');
    expect(chronology.events.find((e) => e.date.value === '1995-06')!.summary).toBe('C. Mackenzie visited Azerbaijan');
    for (const e of chronology.events) expect(e.summary).not.toMatch(/^[,\s]|^In his /);
  });

  it('notes events told out of order and events told twice, with their place', () => {
    const notes = file.messages.filter((m) => m.ruleId === 'out-of-order' || m.ruleId === 'duplicate-event');
    expect(notes.map((m) => [m.ruleId, m.line])).toEqual([
      ['duplicate-event', 45],
      ['out-of-order', 11],
      ['out-of-order', 35],
    ]);
    expect(notes[0]!.reason).toBe(
      'The event of May 4, 1994 (\u00b6 22) was told before (\u00b6 3): one chronology row',
    );
  });

  it('reports doubtful spellings as warnings with their place, and corrects nothing', () => {
    const doubts = file.messages.filter((m) => m.ruleId === 'spelling');
    expect(doubts.map((m) => [m.reason, m.line, m.column])).toEqual([
      ['Doubtful spelling \u201ciand\u201d: did you mean \u201cand\u201d?', 29, 198],
      ['Doubtful spelling \u201cAllaince\u201d: did you mean \u201cAlliance\u201d?', 43, 144],
    ]);
  });
});

describe('what "today" means', () => {
  const chronologyOf = async (value: string, path = 'news.txt', referenceDate: string | null = null) => {
    const { VFile } = await import('vfile');
    const file = new VFile({ path, value });
    return extractChronology(await parseEssay(file), { referenceDate }, file);
  };
  const yesterday = (c: Chronology) => c.mentions.find((m) => m.text === 'yesterday')?.value;

  it('takes the dateline first', async () => {
    const c = await chronologyOf(
      'Talks\n\nWashington, 29 July 1997 (Agency) - The talks ended yesterday.\n\nBrief essay was compiled on May 25, 2006.\n',
      'a.txt',
      '2020-01-01',
    );
    expect(yesterday(c)).toBe('1997-07-28');
  });

  it('then the compile date, then front matter, then --reference-date', async () => {
    expect(
      yesterday(
        await chronologyOf(
          'Talks\n\nThe talks ended yesterday.\n\nBrief essay was compiled on May 25, 2006.\n',
          'a.txt',
          '2020-01-01',
        ),
      ),
    ).toBe('2006-05-24');
    expect(
      yesterday(
        await chronologyOf(
          '---\ndate: 2001-09-12\n---\n\n# Talks\n\nThe talks ended yesterday.\n',
          'a.md',
          '2020-01-01',
        ),
      ),
    ).toBe('2001-09-11');
    expect(yesterday(await chronologyOf('Talks\n\nThe talks ended yesterday.\n', 'a.txt', '2020-01-01'))).toBe(
      '2019-12-31',
    );
  });

  it('is our time in a guide or a history told from no date of its own, as a season in the present: no row', async () => {
    const guide = await chronologyOf(
      'Isfahan\n\nThe city was taken in 1387. Its walls fell in 1722. The square was laid out in 1602. It was rebuilt in ' +
        '1935. Today textile and steel mills take the place of its gardens.\n',
      'guide.txt',
      '2005-06-14',
    );
    expect(guide.events.map((e) => e.date.value)).toEqual(['1387', '1602', '1722', '1935']);
    const valletta = await chronologyOf(
      'Valletta\n\nThe City Gate, redesigned by Renzo Piano, opened in 2015. Ferries from Sicily run daily in summer, ' +
        "and the old town can be crowded in summer.\n\nSt John's Co-Cathedral, completed in 1577, holds two paintings " +
        'by Caravaggio. It is open from Monday to Saturday. Photo: Visit Malta.\n',
      'guide.txt',
      '2024-05-01',
    );
    expect(valletta.events.map((e) => [e.date.value, e.summary])).toEqual([
      ['1577', "St John's Co-Cathedral was completed"],
      ['2015', 'The City Gate, redesigned by Renzo Piano, opened'],
    ]);
    expect(guide.mentions.map((m) => m.text).at(-1)).toBe('Today');
    const news = await chronologyOf(
      'Summit\n\nBRUSSELS, 14 June 2005 (Agency) - The summit opens today. Leaders met in 2004.\n',
      'news.txt',
    );
    expect(news.events.map((e) => e.date.value)).toEqual(['2004', '2005-06-14']);
  });
});

describe('news stories, reports and notes', () => {
  const build = async (value: string, path = 'story.txt') => {
    const { VFile } = await import('vfile');
    const file = new VFile({ path, value });
    const essay = await parseEssay(file);
    return { essay, chronology: extractChronology(essay, {}, file), file };
  };
  const rows = (c: Chronology) => c.events.map((e) => e.date.value);

  it('dates a story by a date line of its own and keeps that line out of the paragraphs', async () => {
    const { essay, chronology } = await build(
      'Talks resume\n\nFriday, January 4, 2019\n\nThe ministers met yesterday in Vienna.\n',
    );
    expect(essay.dated).toBe('2019-01-04');
    expect(essay.paragraphs.map((p) => p.text)).toEqual(['The ministers met yesterday in Vienna.']);
    expect(rows(chronology)).toEqual(['2019-01-03']);
  });

  it('reads the date in the title of a visit report', async () => {
    const { chronology } = await build(
      'Visit to the Russian Federation (July 2 - 4, 1997)\n\nOn Wednesday the delegation met the foreign minister.\n',
    );
    expect(rows(chronology)).toEqual(['1997-07-02']);
  });

  it('never makes an event of the dateline: a signing "yesterday" is the day before the story', async () => {
    const { essay, chronology } = await build(
      'Deal signed\n\nISTANBUL, 22 July 2022 (Agency) - Both sides signed the deal yesterday in the palace.\n',
    );
    expect(essay.dated).toBe('2022-07-22');
    expect(rows(chronology)).toEqual(['2022-07-21']);
  });

  it('drops a dateline that stands alone and gives no date', async () => {
    const { essay } = await build('Blast\n\nNAIROBI, Kenya (Agency) _\n\nA bomb exploded on Friday.\n');
    expect(essay.paragraphs.map((p) => p.text)).toEqual(['A bomb exploded on Friday.']);
  });

  it('makes a row of each event in a list of dates', async () => {
    const { chronology } = await build(
      'Ratification\n\nThree states ratified the convention in 1971: Norway on 6 February, Chile on 22 October, and Japan on 7 November.\n',
    );
    expect(rows(chronology)).toEqual(['1971-02-06', '1971-10-22', '1971-11-07']);
  });

  it('keeps different things that happened on one day apart', async () => {
    const { chronology } = await build(
      'Busy Monday\n\nWASHINGTON, March 3, 2021 (Agency) - The Senate passed the budget on Monday. The central bank raised interest rates on Monday. A storm closed the airport on Monday.\n',
    );
    expect(rows(chronology)).toEqual(['2021-03-01', '2021-03-01', '2021-03-01']);
  });

  it('dates an event by what happened, not by what was expected', async () => {
    const { chronology } = await build(
      'Mission\n\nThe mission began in March 2004. It was expected to end on December 15, but on December 14 it was extended by six months.\n',
    );
    expect(rows(chronology)).toEqual(['2004-03', '2004-12-14']);
  });

  it('reads a passive "it" as what the sentence before acted on', async () => {
    const { chronology } = await build(
      'Speech\n\nDelivered on 18 October 2022.\n\nYesterday the cabinet approved the draft law on border management. It will be sent to parliament next month.\n',
    );
    expect(chronology.events.map((e) => e.summary)).toEqual([
      'The cabinet approved the draft law on border management',
      'The draft law on border management will be sent to parliament',
    ]);
  });

  it('says how to anchor a relative date when the text has no date of its own', async () => {
    const { file } = await build('Talks\n\nThe ministers met on Friday.\n');
    const unplaced = file.messages.filter((m) => m.ruleId === 'unplaced-date');
    expect(unplaced.map((m) => m.reason)).toEqual([
      expect.stringMatching(/Friday.*date line.*date:.*--reference-date/),
    ]);
  });
});

describe('what is no event', () => {
  it('a yardstick ("compared to", "than in", "the strongest since"), a generic today, a date that is the subject', async () => {
    const { VFile } = await import('vfile');
    const { parseEssay } = await import('../pipeline/parse/index.ts');
    const { extractChronology } = await import('../pipeline/extract/index.ts');
    const text =
      "Sales\n\nDETROIT, 2 April 2009 (Wire) - Chrysler's sales dropped 23% compared to March of 2008. The quarter was the strongest since 2001. Exports were higher than in 2005. Today's Drug Enforcement Agency was founded in 1973. The company opened a plant in May 2006. It has tripled its output of 1990.\n";
    const file = new VFile({ path: 'e.txt', value: text });
    const c = extractChronology(await parseEssay(file), { spelling: false }, file);
    expect(c.events.map((e) => e.date.value)).toEqual(['1973', '2006-05']);
    // Each date left out says which rule left it out (a note, printed with --verbose).
    expect(file.messages.filter((m) => m.ruleId === 'no-event').map((m) => m.reason)).toEqual([
      'Date "March of 2008" makes no row: it is a yardstick ("compared to March of 2008", "the strongest since 2001")',
      'Date "The quarter" makes no row: it is what its sentence is about ("2007 was the year of the iPhone")',
      'Date "2001" makes no row: it is a yardstick ("compared to March of 2008", "the strongest since 2001")',
      'Date "2005" makes no row: it is a yardstick ("compared to March of 2008", "the strongest since 2001")',
      'Date "Today" makes no row: it is the present of a common noun ("today\'s Drug Enforcement Administration")',
      'Date "1990" makes no row: it is a yardstick ("compared to March of 2008", "the strongest since 2001")',
    ]);
  });
});

describe('what is no event, in other genres', () => {
  it('a caption with its credit, a stretch up to now, a decrease from the year before', async () => {
    const { VFile } = await import('vfile');
    const { parseEssay } = await import('../pipeline/parse/index.ts');
    const { extractChronology } = await import('../pipeline/extract/index.ts');
    const text =
      'Asylum\n\nLONDON, 23 February 2023 (Wire) - The Home Office announced on Wednesday the start of a process to ' +
      'replace interviews, and determine whether claims would fall.\n\nBraverman with Gérald Darmanin in Paris on November ' +
      '14, 2022. Image: Home Office.\n\nThe backlog has grown over the past two years. Claims were 40,000, a decrease ' +
      'from the year before. The office was founded in 1782.\n';
    const file = new VFile({ path: 'a.txt', value: text });
    const c = extractChronology(await parseEssay(file), { spelling: false }, file);
    expect(c.events.map((e) => [e.date.value, e.summary])).toEqual([
      ['1782', 'The office was founded'],
      [
        '2023-02-22',
        'The Home Office announced the start of a process to replace interviews, and determine whether claims would fall',
      ],
    ]);
  });
});

describe('what kind of event a clause tells', () => {
  const kindOf = (sentence: string) => classify(tag(sentence), 0, sentence.length);
  it.each([
    ['The ferry sank off the coast in 1994.', 'incident'],
    ['The two leaders signed the treaty in Rome.', 'agreement'],
    ['Finland joined the Union in 1995.', 'membership'],
    ['Troops and trainings were deployed to the border.', 'operation'],
    ['She ran for president in 2016.', 'other'],
    ['Costs were running at 35% of revenue.', 'other'],
    ['Prices have been on the rise since 2001.', 'other'],
  ])('%s -> %s', (sentence, kind) => {
    expect(kindOf(sentence)).toBe(kind);
  });
});

/** A text read as the build reads it (a .txt file), and its chronology. */
const readText = async (value: string) => {
  const { VFile } = await import('vfile');
  const essay = await parseEssay(new VFile({ path: 'e.txt', value }));
  return { essay, chronology: extractChronology(essay, { spelling: false }) };
};

/** The rows of a text, as "date summary". */
const rowsOf = async (value: string) =>
  (await readText(value)).chronology.events.map((e) => `${e.date.value} ${e.summary}`);

/** The rows of a text of these paragraphs (under a title). */
const summaries = (paragraphs: string[]) => rowsOf(`Title\n\n${paragraphs.join('\n\n')}\n`);

describe('which clause a date belongs to', () => {
  it('parts ", with the third departing each Thursday from August 6" from the clause before it: a subject and verb of its own', async () => {
    const { VFile } = await import('vfile');
    const essay = await parseEssay(
      new VFile({
        path: 'qantas.txt',
        value:
          'Flights\n\nSYDNEY, Feb. 13, 1998 - Two new flights will leave Bombay on Tuesday nights from March 30, with the third departing each Thursday from August 6.\n',
      }),
    );
    const { events } = extractChronology(essay, { spelling: false });
    expect(events.map((e) => e.date.value)).toEqual(['1998-03-30', '1998-08-06']);
  });

  it('summaries keep the words that lead to a named event, a decimal its point, an "it" the subject of its sentence', async () => {
    expect(
      await summaries([
        "Holt was drafted with the club's ninth round selection in the 2009 Major League Baseball Draft.",
        'McKenzie retired from the game after the 2012 Summer Paralympics in London.',
        'In 2013 Holt played in 26 games, hitting .203 with 11 RBI.',
        'Sometime in 1936, Nida became a founding member of Wycliffe Bible Translators.',
        'Lodz has an impressive collection of factories.',
        'A settlement on the area of present-day Lodz was established in the 14th century and in 1423 it was granted a town charter.',
      ]),
    ).toEqual([
      '13 A settlement on the area of present-day Lodz was established',
      '1423 A settlement on the area of present-day Lodz was granted a town charter',
      '1936 Nida became a founding member of Wycliffe Bible Translators',
      "2009 Holt was drafted with the club's ninth round selection in the Major League Baseball Draft",
      '2012 McKenzie retired from the game after the Summer Paralympics in London',
      '2013 Holt played in 26 games, hitting .203 with 11 RBI',
    ]);
  });

  it('a date in a participle or relative phrase set in commas tells what that phrase says of its noun', async () => {
    expect(
      await summaries([
        'The embassy in Nairobi, opened in 1964, covers Kenya, Uganda and Somalia.',
        'Founded in 1949, the alliance has grown to 32 members.',
        'The bridges, completed in 1932, carry eight lanes of traffic.',
        'The agreement, which was signed in 1994, is still in force.',
        'The region was calm. The accord, drafted in 1996 and ratified in 1998, failed.',
        'The treaty, signed in 1990, expired in 2004.',
      ]),
    ).toEqual([
      '1932 The bridges were completed',
      '1949 The alliance was founded',
      '1964 The embassy in Nairobi was opened',
      '1990 The treaty was signed',
      '1994 The agreement was signed',
      '1996 The accord was drafted',
      '1998 The accord was ratified',
      '2004 The treaty expired',
    ]);
  });

  it('"it" of a shared subject is what its first verb was said of; a participle after an adverb; a figure\'s year', async () => {
    expect(
      await summaries([
        'Moldova signed an agreement in June 2014. It applied for membership on 3 March 2022, and was granted ' +
          'candidate status in June 2022.',
        'The company built a bridge in 1930. It was opened in 1932.',
        'President Maia Sandu, first elected in 2020, won a second term in November 2024.',
        'Key facts: capital Chisinau; GDP per head about $6,600 (2023).',
      ]),
    ).toEqual([
      '1930 The company built a bridge',
      '1932 A bridge was opened',
      '2014-06 Moldova signed an agreement',
      '2020 President Maia Sandu was first elected',
      '2022-03-03 Moldova applied for membership',
      '2022-06 Moldova was granted candidate status',
      '2024-11 Maia Sandu won a second term',
    ]);
  });

  it('a "who" closing the sentence tells the date\'s event; so does a participle after an imperative or a noun', async () => {
    expect(
      await summaries([
        'Wellington, 4 September 2024 - The Ministry launched a programme today. "Education ties matter," said ' +
          'Foreign Minister Winston Peters, who announced the programme at the forum in Tonga last week.',
        'York was known as Eboracum by the Romans, who founded the fortress city on the River Ouse in the year 71.',
        'Start at the Belem Tower, completed in 1519 to guard the river mouth. The nearby monastery, begun in 1501, ' +
          'took a century to finish.',
        // (not when the date lies in a clause inside the "who": the decree broke up the system, not the judge)
        'Leon said McCaw might sue before Judge Harold Greene, who oversees the decree that broke up the Bell system in 1984.',
      ]),
    ).toEqual([
      '0071 Romans founded the fortress city on the River Ouse',
      '1501 The nearby monastery was begun',
      '1519 The Belem Tower was completed to guard the river mouth',
      expect.not.stringMatching(/^1984 Judge Harold Greene oversees/),
      '2024-W35 Foreign Minister Winston Peters announced the programme at the forum in Tonga',
      '2024-09-04 The Ministry launched a programme',
    ]);
  });

  it('a date joined by a hyphen to the word it qualifies makes no row, and no row loses it from a word', async () => {
    expect(await summaries(['When I wrote my 9/11-related poems in 2002, I was a volunteer.'])).toEqual([
      expect.stringMatching(/^2002 /),
    ]);
  });

  it('"it is a satisfaction that ..." says what follows "that", even where the tagger calls it a determiner', async () => {
    expect(
      await summaries([
        'Philadelphia, October 30, 1963 - In 1953 there were more Republicans, and it is a source of satisfaction to ' +
          'me that tonight there are 260,000 more Democrats registered.',
      ]),
    ).toContain('1963-10-30 There are 260,000 more Democrats registered');
  });

  it('an item of a list after "including" is said with what the list is of, not as a subject of its own', async () => {
    expect(
      await summaries([
        'Montenegro opened talks in 2012 and Serbia in 2014.',
        'Moreau received several awards, including a fellowship in 1996 and the Golden Palm in 2003.',
      ]),
    ).toEqual([
      '1996 Moreau received several awards',
      '2003 Moreau received several awards, including the Golden Palm',
      '2012 Montenegro opened talks',
      '2014 Serbia opened talks',
    ]);
  });

  it('a birth in brackets with its footnotes is a birth; one of someone the row does not name is no row', async () => {
    expect(
      await summaries([
        'Jenna Nicole Mourey (born September 15, 1986 [1] [2]) is an American comedian.',
        'Moreau was born in Paris, the daughter of a dancer who performed at the Folies Bergère (d. 1990), and a ' +
          'restaurateur (d. 1975).',
      ]),
    ).toEqual(['1986-09-15 Jenna Nicole Mourey was born']);
  });

  it('a participle right after its noun, after the clause\'s verb, tells its own event; a clause after "said" is not one', async () => {
    expect(
      await summaries([
        'The programme replaces a smaller scheme set up in 2012, which funded 40 places a year.',
        'Officials said sales rose in May 1998.',
        'Churchill warned of the threat in his famous "Iron Curtain" speech delivered on March 5, 1946.',
      ]),
    ).toEqual([
      '1946-03-05 His famous "Iron Curtain" speech was delivered',
      '1998-05 Sales rose',
      '2012 A smaller scheme was set up',
    ]);
  });

  it('an opening participle before "it" tells of what "it" stands for; a name and its "who" before the subject go', async () => {
    expect(
      await summaries([
        'Phoenix is the capital of Arizona. Founded in 1871, it has become the centre of the region.',
        'The island is small. Completed in 2008 the trail is well marked.',
        'Higuchi was a writer. In 1892, after seeing the success of a classmate, Kaho Tanabe, who wrote a novel, Higuchi ' +
          'decided to become a novelist.',
        'Saikaku was a 17th-century writer, whose stories she had recently discovered.',
      ]),
    ).toEqual([
      '1871 Phoenix was founded',
      '1892 Higuchi decided to become a novelist',
      '2008 The trail was completed',
    ]);
  });

  it('a day that comes round every year is no row, in English or abroad', async () => {
    const { VFile } = await import('vfile');
    const rows = async (value: string) =>
      extractChronology(await parseEssay(new VFile({ path: 'f.md', value })), { spelling: false }).events.map(
        (e) => e.date.value,
      );
    expect(
      await rows(
        '# Festivals\n\nThe festival was founded in 1947. Every year on 14 July, the French celebrate their national ' +
          'day. The fair is held annually on 3 May.\n',
      ),
    ).toEqual(['1947']);
    expect(
      await rows(
        '---\nlang: fr\n---\n# Fêtes\n\nLa fête a été créée en 1947. Chaque année, le 14 juillet, les Français ' +
          'défilent. La foire a lieu le 3 mai, tous les ans.\n',
      ),
    ).toEqual(['1947']);
  });

  it("abroad, a day that is its sentence's subject is no row; a date that opens a German sentence before its verb is", async () => {
    const { VFile } = await import('vfile');
    const rows = async (lang: string, text: string) =>
      extractChronology(
        await parseEssay(new VFile({ path: 'f.md', value: `---\nlang: ${lang}\n---\n# T\n\n${text}\n` })),
        { spelling: false },
      ).events.map((e) => e.date.value);
    expect(await rows('fr', 'La fête a été créée en 1880. Le 14 juillet est la fête nationale.')).toEqual(['1880']);
    expect(await rows('es', 'La fiesta se creó en 1918. El 12 de octubre es la Fiesta Nacional.')).toEqual(['1918']);
    expect(await rows('de', 'Seit 1990 ist der 3. Oktober ein Feiertag. 1994 war die Lage ruhig.')).toEqual(['1994']);
  });

  it('"he" after an opening phrase with a possessive in it is the life the biography tells', async () => {
    const { VFile } = await import('vfile');
    const value =
      'Yuen Ren Chao\n\nBorn in Tianjin, Chao went to the United States in 1910. He studied at Cornell.\n\nChao returned ' +
      'to China in 1920. Chao taught at Harvard. Late in his life, he was invited to return to China in 1981.\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 'chao.txt', value })), { spelling: false });
    expect(c.events.at(-1)?.summary).toBe('Late in his life, Chao was invited to return to China');
  });

  it('"he" after ", where in 1952," is the life the biography tells; "That is why," links to what came before', async () => {
    const { VFile } = await import('vfile');
    const value =
      'Yuen Ren Chao\n\nBorn in Tianjin, Chao went to the United States in 1910. He studied at Cornell, where he met ' +
      'Hu Shih.\n\nChao returned to China in 1920. His wife was a doctor. Chao taught at Harvard.\n\nFrom 1947 to 1960, ' +
      'he taught at Berkeley, where in 1952, he became Agassiz Professor. That is why, in 1953, the family stayed.\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 'chao.txt', value })), { spelling: false });
    expect(c.events.slice(-2).map((e) => e.summary)).toEqual(['Chao became Agassiz Professor', 'The family stayed']);
  });

  it('two things of one night stay two rows ("tonight" is no word they share); "She\'s" told of a name is "is"', async () => {
    const { VFile } = await import('vfile');
    const value =
      "State of the Union\n\nDelivered 20 January 2004\n\nSergeant Ana Ruiz served two tours in Iraq. She's here " +
      'with us tonight. Tonight I propose a new clean air fund.\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 's.txt', value })), { spelling: false });
    expect(c.events.map((e) => e.summary)).toEqual(['Ana Ruiz is here with us', 'I propose a new clean air fund']);
  });

  it('"not ... until 1994" keeps its "until 1994": without it the row would say the opposite', async () => {
    expect(
      await summaries([
        'The treaty was signed in 1990. It did not enter into force until 1994, when Norway ratified it.',
      ]),
    ).toEqual([
      '1990 The treaty was signed',
      '1994 The treaty did not enter into force until 1994, when Norway ratified it',
    ]);
  });

  it('keeps a condition, "unlikely before", the name before a "which", and what "such as" names', async () => {
    expect(
      await summaries([
        'If the pause continues into 2026, projects could lapse. A return to full cooperation is unlikely before 2030.',
        'Observers such as China, admitted in 2013, may seek a larger role.',
        'Norway, which took the chair in May 2023, has tried to keep the Council alive. It will hand over in 2025.',
      ]),
    ).toEqual([
      '2013 China was admitted',
      '2023-05 Norway took the chair',
      '2025 Norway will hand over',
      '2026 If the pause continues, projects could lapse',
      '2030 A return to full cooperation is unlikely before 2030',
    ]);
  });

  it('says who "she" is after an opening phrase ("Specializing in short stories, she was ...")', async () => {
    const { VFile } = await import('vfile');
    const value =
      'Ichiyo Higuchi\n\nIchiyo Higuchi (2 May 1872 - 23 November 1896) was a Japanese writer. Specializing in short ' +
      'stories, she was one of the first women writers of the Meiji period (1868-1912).\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 'h.txt', value })), { spelling: false });
    expect(c.events.map((e) => e.summary)).toContain(
      'Specializing in short stories, Ichiyo Higuchi was one of the first women writers of the Meiji period',
    );
  });

  it('a "which" after a phrase of its own says what of that phrase; "the first visit ... since 2019" is a yardstick', async () => {
    expect(
      await summaries([
        'The talks focused on the status granted to Georgia in December 2023 and on the draft law on foreign agents, ' +
          'which the parliament had withdrawn in March 2023.',
        'The Minister visited Tbilisi in March 2024. It was the first visit by a Minister since 2019.',
      ]),
    ).toEqual([
      '2023-03 The parliament had withdrawn the draft law on foreign agents',
      '2023-12 The talks focused on the status granted to Georgia',
      '2024-03 The Minister visited Tbilisi',
    ]);
  });

  it('"she" is the role the last sentence was about when no name was ("the Minister"), not the last name', async () => {
    const { VFile } = await import('vfile');
    const value =
      'Visit to Tbilisi\n\nOn 14 March 2024 the Minister met President Salome Zourabichvili and Prime Minister Irakli ' +
      'Kobakhidze.\n\nOn 15 March she opened the renovated embassy building.\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 'v.txt', value })), { spelling: false });
    expect(c.events.map((e) => [e.summary, e.actors.people])).toEqual([
      ['The Minister met Salome Zourabichvili and Irakli Kobakhidze', ['Salome Zourabichvili', 'Irakli Kobakhidze']],
      ['The Minister opened the renovated embassy building', []],
    ]);
  });

  it('leaves no comma after "and" where the date\'s phrase stood ("and, in 1921, returned")', async () => {
    expect(
      await summaries(['Chao taught at Tsinghua University and, in 1921, returned to the United States.']),
    ).toEqual(['1921 Chao taught at Tsinghua University and returned to the United States']);
  });

  it('a date in a "when" clause of its own keeps that clause: the attack is dated, not only the answer', async () => {
    expect(
      await summaries([
        'But when our neighbours were attacked in 2022, we answered.',
        'After a flat second quarter of 1989 tied to lower earnings, the company raised its dividend.',
      ]),
    ).toEqual(['1989-Q2 The company raised its dividend', '2022 When our neighbours were attacked, we answered']);
  });

  it('a framing phrase ends after the place it names ("California, Berkeley,"); "At least 76" is a count, no frame', async () => {
    expect(
      await summaries([
        'After 23 years at the University of California, Berkeley, Fillmore joined the Institute in 1994.',
        'In 2005, at least 76 people were killed when the hotel collapsed, the cause of which is unknown.',
      ]),
    ).toEqual([
      '1994 Fillmore joined the Institute',
      '2005 At least 76 people were killed when the hotel collapsed, the cause of which is unknown',
    ]);
  });

  it('a date that says which noun ("the Feb. 23 accord") goes alone, its preposition and article stay', async () => {
    expect(
      await summaries(['The sites may be visited as laid down by the Feb. 23, 1998 accord signed by the two men.']),
    ).toEqual(['1998-02-23 The sites may be visited as laid down by the accord signed by the two men']);
  });

  it('a "who" clause says what the name before it did; "since" with a perfect before or after is a state, no event', async () => {
    expect(
      await summaries([
        'It was the first time that Ritter, who arrived in Baghdad on 5 March 1998 with some 50 inspectors, had been allowed in.',
        'The fighting, which has displaced thousands of people since January 2023, goes on.',
        'Industry grew after the war, and since 1946 the growth of the city has been explosive.',
      ]),
    ).toEqual(['1998-03-05 Ritter arrived in Baghdad with some 50 inspectors']);
  });

  it('words that only went with the dates go with them: "and" between two, "nights", "each"', async () => {
    const { VFile } = await import('vfile');
    const value =
      'Flights\n\nBOMBAY, 13 February 1998 (Wire) - Two new flights will leave Bombay on Monday and Tuesday nights from March 30, with the third departing each Thursday from August 6.\n';
    const c = extractChronology(await parseEssay(new VFile({ path: 'e.txt', value })), { spelling: false });
    expect(c.events.length).toBeGreaterThan(0);
    for (const e of c.events) expect(e.summary).not.toMatch(/\band nights\b|\beach$|\band$/);
  });

  it('the main clause keeps its own date, and a phrase whose noun is in doubt is left as it was', async () => {
    expect(
      await summaries([
        'Azerbaijan joined the programme on 4 May 1994, signed by its president.',
        'Article 237 of the Treaty of Rome, signed on 25 March 1957, provided for enlargement.',
      ]),
    ).toEqual([
      '1957-03-25 Article 237 of the Treaty of Rome provided for enlargement',
      '1994-05-04 Azerbaijan joined the programme, signed by its president',
    ]);
  });
});

describe("a text's form", () => {
  const build = async (value: string) => {
    const { VFile } = await import('vfile');
    const file = new VFile({ path: 'e.txt', value });
    const essay = await parseEssay(file);
    return { essay, chronology: extractChronology(essay, { spelling: false }, file) };
  };

  it("reads a speech's salutation and sign-off as form, never as names or events", async () => {
    const { essay, chronology } = await build(
      'Address to the Nation\n\nMadam Speaker, Mr. Vice President, Members of Congress, my fellow Americans:\n\nIn 2018 our economy grew by 3 percent. Next month I will send Congress a plan.\n\nThank you. God bless you, and God bless America.\n',
    );
    expect(essay.paragraphs.map((p) => !!p.formula)).toEqual([true, false, true]);
    expect(chronology.people).toEqual([]);
    expect(chronology.organizations).not.toContain('Members of Congress');
    // A senator's closing formula is form too.
    const senate = await build('Maiden Speech\n\nMr. President, in 2021 we met.\n\nI yield the floor.\n');
    expect(senate.essay.paragraphs.map((p) => !!p.formula)).toEqual([false, true]);
  });

  it("counts a speech's speaker, named in its title, among its people, first, with the role the title gives", async () => {
    const { essay, chronology } = await build(
      'Remarks by President Maria Silva at the Opening of the Baltic Energy Forum\n\nRiga, 3 October 2025\n\nIt is an honour to open this forum. In March, I signed the accord on the Baltic grid with Prime Minister Jonas Petraitis.\n',
    );
    expect(essay.genre).toBe('speech');
    expect(chronology.people).toEqual(['Maria Silva', 'Jonas Petraitis']);
    expect(chronology.roles['Maria Silva']).toBe('President');
    // Her "I signed" is her row: the fact sheet's key people count it.
    expect(chronology.events[0]!.actors.people).toContain('Maria Silva');
    // An office is no one in particular: "Remarks by the Minister" adds nobody.
    const office = await build(
      'Remarks by the Minister at the Forum\n\nRiga, 3 October 2025\n\nIn March, I signed the accord.\n',
    );
    expect(office.chronology.people).toEqual([]);
  });

  it('knows an interview without labels by its title or its questions, and whom its title says it is with', async () => {
    const { essay, chronology } = await build(
      'Wikinews interviews Australian wheelchair basketball player Tina McKenzie\n\nWho did you play for?\n\nThe Gliders. I captained the team in 2010.\n\nAnd after that?\n\nI had some time off in 2011.\n\nWhy?\n\nInjuries.\n',
    );
    expect(essay.genre).toBe('interview');
    expect(chronology.events.map((e) => `${e.date.value} ${e.summary}`)).toEqual([
      '2010 Tina McKenzie captained the team',
      '2011 Tina McKenzie had some time off',
    ]);
    const untitled = await build(
      'Notes\n\nWhen did it start?\n\nIn 1998.\n\nWho led it?\n\nThe council.\n\nWas it hard?\n\nVery.\n',
    );
    expect(untitled.essay.genre).toBe('interview');
  });

  it('reads an interview\'s answers, not its questions, with its labels left out and its "I" the one it is with', async () => {
    const { essay, chronology } = await build(
      'Interview with Ambassador Lena Holm\n\nQ: When did you first arrive in Nairobi?\n\nA: I arrived in August 2019, just before the elections.\n\nQ: What changed after the attack in 2013?\n\nA: Security came first. In 2015 we moved the embassy.\n\nQ: Will you stay?\n\nA: My posting ends next summer.\n',
    );
    expect(essay.genre).toBe('interview');
    expect(chronology.events.map((e) => `${e.date.value} ${e.summary}`)).toEqual([
      '2015 We moved the embassy',
      '2019-08 Ambassador Lena Holm arrived, just before the elections',
    ]);
    // "Next summer" counts from the interview's own date, which it does not give: no row (a warning says so).
    expect(chronology.people[0]).toBe('Lena Holm');
    // A transcript's question after a label and a name called is a question too.
    const court = await build(
      'Hearing transcript\n\nTHE COURT: Ms. Alvarez, where were you on the night of March 3, 2021?\n\nMS. ALVAREZ: I was at the warehouse.\n\nTHE COURT: Overruled. The court will adjourn until Monday, April 12, 2021.\n\nMR. BENSON: Objection.\n',
    );
    expect(court.chronology.events.map((e) => `${e.date.value} ${e.summary}`)).toEqual([
      '2021-04-12 The court will adjourn',
    ]);
  });

  it("puts a press release's news first among its key points, whatever its date", async () => {
    const { keyPoints } = await import('../pipeline/views/common.ts');
    const { essay, chronology } = await build(
      'FOR IMMEDIATE RELEASE\n\nNew Ambassador to Kenya\n\nNAIROBI, March 3, 2024 - The Ministry of Foreign Affairs today appointed Maria Lindqvist as Ambassador to Kenya.\n\nMs. Lindqvist joined the foreign service in 1998. She served in Addis Ababa from 2015 to 2019. She led the Africa department from 2020.\n\nThe embassy in Nairobi, opened in 1964, covers Kenya and Uganda.\n\n###\n',
    );
    const points = keyPoints(essay, chronology, 'day-month').map((p) => p.text);
    expect(points[0]).toBe(
      '3 March 2024: The Ministry of Foreign Affairs appointed Maria Lindqvist as Ambassador to Kenya.',
    );
    expect(points.slice(1).join(' ')).toContain('1964: The embassy in Nairobi was opened.');
    // The lead's first sentence is the news, not a background date later in the lead paragraph.
    const lead = await build(
      'FOR IMMEDIATE RELEASE\n\nNew Director\n\nTALLINN, March 12, 2024 - The Ministry of Energy today appointed Kadri Tamm as Director of Grid Security. Ms. Tamm led the cyber response unit from 2018 to 2023.\n\nShe joined the civil service in 2003.\n\n###\n',
    );
    expect(keyPoints(lead.essay, lead.chronology, 'day-month')[0]!.text).toMatch(
      /^12 March 2024: The Ministry of Energy appointed Kadri Tamm/,
    );
  });

  it('leaves a speech without headings whole under its title, not in parts named "2007 / 2007 / Part 3"', async () => {
    const { sectionsOf } = await import('../pipeline/views/common.ts');
    const paragraphs = [
      'My fellow citizens:',
      'In 2007 we began. In 2007 we also built the first road.',
      'We built more.',
      'Much remains to be done, and we will do it together.',
      'In 2007 the economy grew.',
      'Our schools are stronger.',
      'In 2007 we will finish.',
      'Thank you.',
    ];
    const { essay, chronology } = await build(`Address to the Nation\n\n${paragraphs.join('\n\n')}\n`);
    expect(essay.genre).toBe('speech');
    expect(sectionsOf(essay, chronology).map((s) => [s.title, s.paragraphs.length])).toEqual([
      ['Address to the Nation', 8],
    ]);
  });

  it('reads a speech\'s "I" as the speaker its title names, and leaves "we" as said', async () => {
    const { chronology } = await build(
      'Remarks by President Maria Silva at the Summit\n\nThank you all for coming.\n\nIn 2019 I signed the accord with the neighbours.\n\nIn 2020 we opened the border.\n',
    );
    expect(chronology.events.map((e) => `${e.date.value} ${e.summary}`)).toEqual([
      '2019 President Maria Silva signed the accord with the neighbours',
      '2020 We opened the border',
    ]);
  });

  it("keeps a release's media contact out of the who's who", async () => {
    const { essay, chronology } = await build(
      'FOR IMMEDIATE RELEASE\n\nNew Ambassador\n\nThe Ministry of Foreign Affairs on 3 March 2024 appointed Maria Lindqvist as Ambassador to Kenya.\n\nMedia contact: Press Office, +46 8 405 10 00\n\n###\n',
    );
    expect(essay.genre).toBe('press release');
    expect(essay.paragraphs.at(-1)!.formula).toBe(true);
    expect(chronology.organizations).not.toContain('Press Office');
  });
});

describe('headings that are dates', () => {
  it("date the sentences under them that have no date of their own: a day's every sentence, a year's first", async () => {
    const { VFile } = await import('vfile');
    const value = [
      '# Visit report',
      '## 12 March 2024',
      'The delegation arrived in Baku. Talks covered energy transit.',
      '## 13 March 2024',
      'The delegation visited the port of Alat.',
      '## 2025: the next steps',
      'A second visit is planned. It would cover the railway.',
      '## Background',
      'Relations were close.',
    ].join('\n\n');
    const file = new VFile({ path: 'report.md', value });
    const c = extractChronology(await parseEssay(file), { spelling: false }, file);
    expect(c.events.map((e) => `${e.date.value} ${e.summary}`)).toEqual([
      '2024-03-12 The delegation arrived in Baku',
      '2024-03-12 Talks covered energy transit',
      '2024-03-13 The delegation visited the port of Alat',
      '2025 A second visit is planned',
    ]);
  });
});

describe('a birth in brackets', () => {
  it('is a birth: "Maria Keller (born 14 May 1958) is a German diplomat" was dated as what she is', async () => {
    const { VFile } = await import('vfile');
    const text =
      'Maria Keller\n\nMaria Keller (born 14 May 1958) is a German diplomat.\n\nShe joined the Foreign Office in 1984.\n';
    const chronology = extractChronology(await parseEssay(new VFile({ path: 'b.txt', value: text })), {
      spelling: false,
    });
    expect(chronology.events.map((e) => [e.date.value, e.summary])).toEqual([
      ['1958-05-14', 'Maria Keller was born'],
      ['1984', 'Maria Keller joined the Foreign Office'],
    ]);
  });
});

describe('lives, references, captions and links', () => {
  it('reads a life beside another date of its clause as three rows, and a life after a name in another tongue', async () => {
    expect(await summaries(['John Kennedy (1917-1963) was elected president in 1960.'])).toEqual([
      '1917 John Kennedy was born',
      '1960 John Kennedy was elected president',
      '1963 John Kennedy died',
    ]);
    expect(
      await summaries([
        'Pierre Charles Lenfant (French: [pjɛʁ ʃɑʁl]; August 2, 1754 – June 14, 1825) was an engineer.',
      ]),
    ).toEqual(['1754-08-02 Pierre Charles Lenfant was born', '1825-06-14 Pierre Charles Lenfant died']);
  });

  it('gives each dated predicate of one subject its row and the subject ("he was promoted in 1678, was appointed in 1679")', async () => {
    expect(
      await summaries([
        'Patrick Gordon served the Tsar.',
        'However, in recognition of his service he was promoted to major-general in 1678, was appointed to the high command at Kiev in 1679, and in 1683 was made lieutenant-general.',
      ]),
    ).toEqual([
      '1678 Patrick Gordon was promoted to major-general',
      '1679 Patrick Gordon was appointed to the high command at Kiev',
      '1683 Patrick Gordon was made lieutenant-general',
    ]);
  });

  it('knows a biography whose life follows a name in another tongue, and whose life it tells', async () => {
    const value = [
      'Pierre Lenfant',
      'Born 2 August 1754, Paris. Spouse(s) Marie Dupont (m. 1780)',
      'Pierre Lenfant (French: [pjɛʁ lɑ̃fɑ̃]; 2 August 1754 – 14 June 1825) was an engineer.',
      'Lenfant joined the army in 1777. In 1779 he was wounded at Savannah. Lenfant died in Maryland.',
    ].join('\n\n');
    const { essay, chronology: c } = await readText(`${value}\n`);
    expect(essay.genre).toBe('biography');
    expect(c.events.find((e) => e.date.value === '1779')?.summary).toBe('Pierre Lenfant was wounded at Savannah');
  });

  it('gives a biography\'s "she" to the woman whose life it is, and its "he" to the man the text is at', async () => {
    const value = [
      'Zaha Hadid',
      'Dame Zaha Mohammad Hadid DBE RA (Arabic: زها حديد; 31 October 1950 – 31 March 2016) was an architect.',
      'She was the first woman to receive the Pritzker Prize, in 2004.',
      'Her father Husayn Hadid was a politician. In 1932 he co-founded the al-Ahali group.',
      'In 2010 she received the Stirling Prize. Her designs were bold, and her buildings are admired.',
      'In 2012 Hadid was made a Dame.',
    ].join('\n\n');
    const { chronology: c } = await readText(`${value}\n`);
    const summary = (value: string) => c.events.find((e) => e.date.value === value)?.summary;
    expect(summary('2004')).toMatch(/^Zaha Mohammad Hadid DBE RA was the first woman/);
    expect(summary('1932')).toMatch(/^Husayn Hadid co-founded/);
    expect(summary('2010')).toMatch(/^Zaha Mohammad Hadid DBE RA received/);
    // "Hadid" alone, which her father shares, is she in her biography (an honour, "DBE RA", is no surname).
    expect(c.events.find((e) => e.date.value === '2012')?.actors.people).toEqual(['Zaha Mohammad Hadid DBE RA']);
  });

  it('tells no row of a list of places and years, however long, nor of citations in a long bracket', async () => {
    const places = Array.from({ length: 40 }, (_, i) => `Town${'abcdefghij'[i % 10]}, ${1900 + i}`).join(', ');
    expect(await summaries([`The offices opened in ${places}.`])).toEqual([]);
    const cited = Array.from({ length: 40 }, (_, i) => `Author${'abcdefghij'[i % 10]}, ${1950 + i}`).join('; ');
    expect(await summaries([`Replication matters (${cited}), as all agree.`])).toEqual([]);
  });

  it('reads a transcript\'s pauses as pauses: "last uh August" is last August, and "uh" leaves the summary', async () => {
    const value = 'Hearing\n\nJanuary 1, 2000\n\nWe, um, signed the contract last uh August, uh, with the city.\n';
    expect(await rowsOf(value)).toEqual(['1999-08 We signed the contract with the city']);
  });

  it('dates what takes effect ahead of the release that announces it ("appointed ..., effective April 1")', async () => {
    const value =
      'Ministry appoints a director\n\nTallinn, 12 March 2024\n\nThe Ministry of Energy appointed Kadri Tamm as Director of Grid Security, effective April 1.\n';
    expect(await rowsOf(value)).toEqual([
      '2024-04-01 The Ministry of Energy appointed Kadri Tamm as Director of Grid Security',
    ]);
  });

  it('leaves out whom a speech addresses ("Madam Speaker, ...")', async () => {
    expect(
      await summaries([
        'My fellow Americans, in 1990 we chose freedom.',
        'Madam Speaker, in 1991 the bill was signed.',
      ]),
    ).toEqual(['1990 We chose freedom', '1991 The bill was signed']);
  });

  it('tells no row of a reference to a work or a link, and no caption number as a subject', async () => {
    expect(
      await summaries([
        'Duckworth, A. L.; Peterson, C.; Matthews, M. D. (June 2007). "Grit: Perseverance and passion". Journal of Personality. 92 (6): 1087-1101.',
        'See https://www.nytimes.com/2017/04/16/technology/hotel-industry.html for the plan.',
        'Figure 7.3 In 1930, Mohandas Gandhi led a protest against a British tax on salt.',
        'Home Secretary Suella Braverman and Prime Minister Rishi Sunak in October 2022.',
      ]),
    ).toEqual(['1930 Mohandas Gandhi led a protest against a British tax on salt']);
  });
});

describe('a biography', () => {
  const text = [
    'Leonard Woodcock',
    'Leonard Freel Woodcock (February 15, 1911 - January 16, 2001) was an American labor leader and diplomat. He led the United Auto Workers from 1970 to 1977.',
    'Photo attributed to the Detroit News, 1972.',
    'In 1977 President Jimmy Carter appointed him chief of the Liaison Office in Beijing.',
    'Consular posts opened during his tenure: Guangzhou (1979), Shanghai (1980), Shenyang (1984), Chengdu (1985).',
    'He returned to Michigan in 1981. He died in Ann Arbor in 2001.',
  ].join('\n\n');
  const built = (async () => {
    const { VFile } = await import('vfile');
    const file = new VFile({ path: 'bio.txt', value: `${text}\n` });
    const essay = await parseEssay(file);
    return { essay, chronology: extractChronology(essay, { spelling: false }, file) };
  })();

  it('tells a life in brackets after the name as a birth and a death, and the later "died" as that death', async () => {
    const { essay, chronology } = await built;
    expect(essay.genre).toBe('biography');
    const rows = chronology.events.map((e) => `${e.date.value} ${e.summary}`);
    expect(rows).toContain('1911-02-15 Leonard Freel Woodcock was born');
    expect(rows).toContain('2001-01-16 Leonard Freel Woodcock died');
    expect(rows.filter((r) => /died/.test(r))).toHaveLength(1);
    expect(chronology.events.find((e) => e.date.value.includes('/2001'))).toBeUndefined();
  });

  it('tells a birth in brackets with its place, and what happened at the end of a post "when" it ended', async () => {
    const { VFile } = await import('vfile');
    const essay = await parseEssay(
      new VFile({
        path: 'lindgren.txt',
        value:
          'Tomas Lindgren\n\nTomas Lindgren (born 3 April 1961 in Uppsala) is a Swedish diplomat. He was appointed head of the department in 2003, a post he held until 2008, when he became ambassador in Kyiv.\n',
      }),
    );
    const rows = extractChronology(essay, { spelling: false }).events.map((e) => `${e.date.value} ${e.summary}`);
    expect(rows).toEqual([
      '1961-04-03 Tomas Lindgren was born in Uppsala',
      '2003 Tomas Lindgren was appointed head of the department',
      '2008 Tomas Lindgren became ambassador in Kyiv',
    ]);
  });

  it('reads "he" as the life it tells, a list of names with their years as no events, and a credit as no one', async () => {
    const { chronology } = await built;
    const rows = chronology.events.map((e) => `${e.date.value} ${e.summary}`);
    expect(rows).toContain('1981 Leonard Freel Woodcock returned to Michigan');
    expect(rows.some((r) => /Guangzhou|Shanghai|Chengdu/.test(r))).toBe(false);
    expect(chronology.events.map((e) => e.date.value)).not.toContain('1980');
    expect([...chronology.places, ...chronology.organizations]).not.toContain('Detroit News');
  });
});

describe('essays in French, German and Spanish', () => {
  const dir = path.join(import.meta.dirname, 'fixtures', 'languages');
  const chronologyOf = async (file: string) => {
    const { VFile } = await import('vfile');
    const { parseEssay } = await import('../pipeline/parse/index.ts');
    const { extractChronology } = await import('../pipeline/extract/index.ts');
    const essay = await parseEssay(new VFile({ path: file, value: readFileSync(path.join(dir, file), 'utf8') }));
    return { essay, chronology: extractChronology(essay, { spelling: false }) };
  };

  it('names no sentence as a person: a name ends at its first word in lower case, and a person has two words', async () => {
    const es = (await chronologyOf('history-es.md')).chronology;
    expect(es.people).toContain('Heydar Aliyev'); // was "Heydar Aliyev firmó en Bruselas"
    // German capitalises its nouns: "mit der Aufnahme Aserbaidschans", "seinen Individuellen Partnerschaftsaktionsplan"
    // are things (an article or a possessive before them); "Präsident" is a title.
    expect((await chronologyOf('history-de.md')).chronology.people).toEqual(['Heydar Aliyev']);
    expect(es.people).toEqual(['Heydar Aliyev']); // "Consejo de Cooperación" was a person
    // "le président Heydar Aliyev a signé": after a title, whatever the recogniser learned from English made of it.
    expect((await chronologyOf('history-fr.md')).chronology.people).toEqual(['Heydar Aliyev']);
    for (const lang of ['fr', 'de', 'es']) {
      const { chronology } = await chronologyOf(`history-${lang}.md`);
      const news = (await chronologyOf(`news-${lang}.txt`)).chronology;
      for (const name of [...chronology.people, ...news.people]) {
        expect(name.split(' ').length, name).toBeGreaterThanOrEqual(2); // "Partenariat", "Bruxelles" were people
        for (const word of name.split(' ')) expect(word, name).toMatch(/^(?:\p{Lu}|de$|del$|van$|von$|la$|le$)/u);
      }
    }
  });

  it('gives each date of a sentence abroad its own part when semicolons part them', async () => {
    const { VFile } = await import('vfile');
    const value =
      '---\nlang: de\n---\n# T\n\nAm 4. Mai 1994 unterzeichnete der Präsident das Dokument; am 10. Juni 1994 ' +
      'ratifizierte es das Parlament.\n';
    const essay = await parseEssay(new VFile({ path: 'n.md', value }));
    expect(extractChronology(essay, { spelling: false }).events.map((e) => e.summary)).toEqual([
      'Am 4. Mai 1994 unterzeichnete der Präsident das Dokument',
      'Am 10. Juni 1994 ratifizierte es das Parlament',
    ]);
  });

  it("reads a short note in its language: two of its words and none of English's are enough", async () => {
    const { VFile } = await import('vfile');
    for (const [value, lang, day] of [
      ['Note\n\nLe ministre a visité Bakou le 12 mars 2024. Il a rencontré le président.\n', 'fr', '2024-03-12'],
      ['Notiz\n\nDer Minister besuchte am 12. März 2024 Baku.\n', 'de', '2024-03-12'],
      ['Nota\n\nEl ministro visitó Bakú el 12 de marzo de 2024.\n', 'es', '2024-03-12'],
    ]) {
      const essay = await parseEssay(new VFile({ path: 'n.txt', value }));
      expect(essay.lang).toBe(lang);
      expect(extractChronology(essay, { spelling: false }).events.map((e) => e.date.value)).toEqual([day]);
    }
  });

  it("names the life a biography tells where its row opens on the life's pronoun, in each language", async () => {
    const rows = async (file: string) =>
      (await chronologyOf(file)).chronology.events.map((e) => e.summary).filter((s) => /Camus|Weber/.test(s));
    expect(await rows('camus-fr.md')).toContain("En 1942, Albert Camus publia L'Étranger, puis Le Mythe de Sisyphe");
    expect(await rows('camus-fr.md')).toContain(
      'Moins de trois ans plus tard, le 4 janvier 1960, Albert Camus trouva la mort dans un accident de voiture près de Villeblevin',
    );
    expect(await rows('life-de.md')).toContain(
      'Zwei Jahre später trat Hannah Weber in die Max-Planck-Gesellschaft ein',
    );
    expect(await rows('life-de.md')).toContain('Hannah Weber starb am 8. Juli 2009 in München');
  });

  it.each([
    // the kinds in the language's own words; German "die" is an article, not the verb "die"
    ['de', 'Die Delegation besuchte am 9. Oktober 2023 die Grenzregion.', 'visit'],
    ['de', 'Die erste Antragsrunde endet am 30. September 2024.', 'other'],
    ['de', 'Am 4. Mai 1994 unterzeichnete Präsident Heydar Aliyev das Programm.', 'agreement'],
    ['fr', 'En octobre 2023, les ministres se sont réunis à Kiev.', 'meeting'],
    ['fr', 'Le 29 octobre 2024, le syndicat a annoncé la grève.', 'statement'],
    ['es', 'El 8 de julio de 2009 murió en Múnich.', 'incident'],
    ['es', 'En mayo de 2024, el Parlamento aprobó el acuerdo.', 'decision'],
  ])('%s: the kind of "%s"', async (lang, text, kind) => {
    const { VFile } = await import('vfile');
    const essay = await parseEssay(new VFile({ path: 'x.md', value: `---\nlang: ${lang}\n---\n# T\n\n${text}\n` }));
    expect(extractChronology(essay, { spelling: false }).events.map((e) => e.kind)).toEqual([kind]);
  });

  it('names the one an interview abroad is with: "entrevista con la alcaldesa Lucía Pérez", "Interview mit ..."', async () => {
    expect((await chronologyOf('interview-es.md')).chronology.people).toEqual(['Lucía Pérez']);
    expect((await chronologyOf('interview-de.md')).chronology.people).toEqual(['Katrin Lange']);
  });

  it.each([
    // a possessive, a preposition, a number before nouns; what a date leaves of a name; a calling as a title
    ['de', 'Ihr Vater war Arzt. Städte können ab dem 1. Juli 2024 Anträge stellen. Es kostet 3 Milliarden Euro.', []],
    ['de', 'Im Jahr 1971 heiratete sie den Physiker Karl Brandt.', ['Karl Brandt']],
    ['es', 'Según el Ministerio, las obras comenzarán en 2025.', []],
    ['de', 'Jedes Jahr am 3. Oktober feiern die Deutschen. 1990 trat die DDR bei.', []],
    ['fr', 'En 2024, le maire Anne Hidalgo a inauguré le pont.', ['Anne Hidalgo']],
  ])('%s: the people of "%s"', async (lang, text, people) => {
    const { VFile } = await import('vfile');
    const essay = await parseEssay(new VFile({ path: 'x.md', value: `---\nlang: ${lang}\n---\n# T\n\n${text}\n` }));
    expect(extractChronology(essay, { spelling: false }).people).toEqual(people);
  });

  it.each([
    // A speech from its date line ("Bakou, le 12 mars 2024"): last year, in January, next week from it.
    ['speech-fr.md', ['1994-05-04', '200X', '2004', '2006', '2023', '2024-01', '2024-W12']],
    // A visit report from "Berlin, 14. Oktober 2023": the day after, the middle of that week, three years ago, the coming
    // year; "seit 2008" a state.
    ['report-de.md', ['2012/2016', '2020', '2023-SP', '2023-W41', '2023-10-09', '2023-10-10', '2024']],
    // A background note: two dates of one sentence joined by "y" are two rows; a year later; next year.
    ['note-es.md', ['2002-11-18', '2003-02', '2017', '2022-12', '2023-12-13', '2024-05', '2025']],
    // A wire story from "PARIS, 14 novembre 2024 (AFP)": Wednesday evening, Thursday three times, next Monday, last
    // January; a quotation opened by « is a sentence of its own.
    [
      'strike-fr.txt',
      [
        '2018',
        '2023-01',
        '2024-01',
        '2024-10-29',
        '2024-11-13',
        '2024-11-14',
        '2024-11-14',
        '2024-11-14',
        '2024-11-18',
        '2025-01-01',
      ],
    ],
    // A press release: days without their year in the present ("endet am 30. September") are the nearest, "soll bis
    // Mitte Dezember" ahead; the contact line names no one.
    ['release-de.md', ['2023', '2023-01', '2024-06-05', '2024-07-01', '2024-09-30', '2024-12', '2028']],
    // "SANTA CRUZ DE TENERIFE, 17 de agosto de 2023 (EFE).-": the agency's full stop before the dash; next weekend.
    ['fire-es.txt', ['2007-08', '2023-08-15', '2023-08-16', '2023-08-17', '2023-W34-WE']],
    // A life: "Mitte der Sechzigerjahre", "im selben Jahr", "zwei Jahre später".
    [
      'life-de.md',
      ['1921-03-03', '1939', '1945-WI', '1953', '1955', '196X', '1971', '1971-10-12', '1986', '2009-07-08'],
    ],
    // A speech: ten years ago, "el próximo mes de marzo", "a finales del próximo año", "en 2019 pusimos".
    ['forum-es.md', ['2014', '2019', '2023', '2024-10-09', '2024-10-09', '2025', '2025-03', '2030']],
    // An analysis: "les 26 et 27 octobre 2023" is one span of two days; "depuis 2014" a state.
    ['energy-fr.md', ['2014-03', '2022', '2022-05-18', '2023-10-26/2023-10-27', '2030']],
    // A history: "Seit 1990 ist der 3. Oktober ein Feiertag" is what its sentence is about, "Jedes Jahr am 3. Oktober"
    // comes round; "Jedes Jahr" is no person.
    ['unity-de.md', ['18', '1871', '1949', '1961-08-13', '1989-FA', '1989-11-09', '1990-10-03']],
    // An interview from its date line: "Voraussichtlich im April" ahead, "endet am 15. März" the nearest, "im
    // vergangenen Sommer" last summer.
    ['interview-de.md', ['2023', '2023-SU', '2024-W06', '2024-03-15', '2024-04', '2024-FA', '2030']],
    // A life in the simple past: "Moins de trois ans plus tard, le 4 janvier 1960" is one row, its day.
    ['camus-fr.md', ['1913-11-07', '1914', '1935/1937', '1936', '1942', '1943', '1957-12-10', '1960-01-04']],
    // A guide: "Cada año, en junio" comes round, "En verano, conviene visitar" is timeless, "Desde 2005" a state.
    ['toledo-es.md', ['05', '1226', '1493', '1986']],
    // "Frankfurt/Main, 20. Februar 2025 (dpa) -" dates the story: "am Dienstagabend", "in der vergangenen Woche".
    ['strike-de.txt', ['2023-03', '2025-01', '2025-W07', '2025-02-18', '2025-02-20', '2025-03-14']],
    // A visit report: "el puerto de Tánger Med, inaugurado en 2007," is an aside, and "en otoño" stays in 2024; "el
    // último día" is the visit's last.
    ['visit-es.md', ['2007', '2023-02', '2024-04-03/2024-04-05', '2024-04-03', '2024-04-04', '2024-04-05', '2024-FA']],
    // A press release from "Paris, le 3 septembre 2024 –" (the day with its article): "mardi dernier", the first quarter.
    ['schools-fr.md', ['2021', '2024-08-27', '2024-09-03', '2024-12-15', '2025-Q1', '2027']],
    // An interview ("Pregunta:", "Respuesta:"): "Antes, en otoño, licitaremos" is this coming autumn.
    ['interview-es.md', ['2023', '2024-01', '2024-04', '2024-FA', '2026']],
    // A visit report: "le premier jour", "le dernier jour" of "du 10 au 12 juin", though "14 mai" came between.
    ['visit-fr.md', ['2024-05-14', '2024-06-10/2024-06-12', '2024-06-10', '2024-06-11', '2024-06-12', '2024-FA']],
  ])('%s: the dates a native writer gives, each a row', async (file, dates) => {
    const { chronology } = await chronologyOf(file);
    expect(chronology.events.map((e) => e.date.value)).toEqual(dates);
  });

  it.each(['fr', 'de', 'es'])(
    '%s: the same events on the same dates as the English history and news story',
    async (lang) => {
      for (const [kind, ext] of [
        ['history', 'md'],
        ['news', 'txt'],
      ]) {
        const english = await chronologyOf(`${kind}-en.${ext}`);
        const other = await chronologyOf(`${kind}-${lang}.${ext}`);
        expect(other.essay.lang, `${kind}: the language is told from the words`).toBe(lang);
        expect(other.essay.dated).toBe(english.essay.dated);
        expect(other.chronology.events.map((e) => e.date.value)).toEqual(
          english.chronology.events.map((e) => e.date.value),
        );
        // A row is its whole sentence: the summaries' grammar is English.
        for (const e of other.chronology.events) expect(e.text).toContain(e.summary);
      }
    },
  );
});
