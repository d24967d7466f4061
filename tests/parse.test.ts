import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseEssay } from '../pipeline/parse/index.ts';
import { readSource } from '../pipeline/parse/read-source.ts';
import { splitSentences } from '../pipeline/parse/sentences.ts';
import { temp } from './helpers.ts';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

describe('plain-text essays', async () => {
  const file = await readSource(fixture('traps.txt'));
  const essay = await parseEssay(file);

  it('takes the first line as the title, verbatim', () => {
    expect(essay.title).toBe('A `plain` *text* essay_title');
  });

  it('keeps Markdown characters as text and turns a backtick apostrophe into a real one', () => {
    const [first] = essay.paragraphs;
    expect(first!.text).toContain('NATO\u2019s work, with *stars*, _underscores_ and `ticks`');
    expect(first!.text).toContain('# not a heading');
    expect(first!.text).toContain('1997. A line that starts');
    expect(essay.sections.every((s) => s.title === null)).toBe(true);
  });

  it('does not count a line of a no-break space as a paragraph, and reads the colophon as the compile date', () => {
    expect(essay.paragraphs.map((p) => p.n)).toEqual([1, 2]);
    expect(essay.compiled).toBe('2006-05-25');
    expect(essay.colophon).toBe('Brief essay was compiled on May 25, 2006.');
  });

  it('takes a short line for a colophon only when the date is what it was compiled on', async () => {
    const short = await parseEssay(
      new VFile({
        path: 'n.txt',
        value: 'T\n\nOn 3 May 2022 the minister posted a note in Seoul.\n\nOn 5 May 2022 the talks ended.\n',
      }),
    );
    expect(short.colophon).toBeNull();
    expect(short.paragraphs).toHaveLength(2);
    // A thing of the story "delivered on" a date is no colophon; the text itself "last updated on" one is.
    const speech = await parseEssay(
      new VFile({
        path: 's.txt',
        value: 'T\n\nIn 1945 the war ended.\n\nChurchill warned of it in his speech delivered on March 5, 1946.\n',
      }),
    );
    expect([speech.colophon, speech.paragraphs.length]).toEqual([null, 2]);
    const updated = await parseEssay(
      new VFile({ path: 'u.txt', value: 'T\n\nIn 1945 the war ended.\n\nThis note was last updated on 3 May 2024.\n' }),
    );
    expect([updated.compiled, updated.paragraphs.length]).toEqual(['2024-05-03', 1]);
  });

  it('numbers sentences, with offsets into the source', () => {
    const p = essay.paragraphs[1]!;
    expect(p.sentences.map((s) => s.text)).toEqual([
      'The Alliance met in March 1992 and again on May 4, 1994.',
      'In 1996 it grew.',
      'In February of 1997 it paused.',
    ]);
    for (const s of p.sentences) expect(String(file.value).slice(...s.offset)).toBe(s.text);
  });
});

describe('a closing paragraph', () => {
  it('is a colophon only when it is one sentence: a paragraph that goes on is the essay', async () => {
    const essay = await parseEssay(
      new VFile({
        path: 'cyprus.txt',
        value: 'Cyprus\n\nThe Greek application was filed in 1975. The plan was rejected on 24 April 2004.\n',
      }),
    );
    expect(essay.paragraphs).toHaveLength(1);
    expect(essay.compiled).toBeNull();
  });
});

describe('a text typed without blank lines', () => {
  const texts = async (value: string) =>
    (await parseEssay(new VFile({ path: 'speech.txt', value }))).paragraphs.map((p) => p.text);

  it('is a paragraph a line when every line ends a sentence (a speech, a note)', async () => {
    const essay = await parseEssay(
      new VFile({
        path: 'speech.txt',
        value:
          'Remarks at the Summit\nThank you all for coming.\nIn 2019 we signed the accord.\nNext year we will build on it.\n',
      }),
    );
    expect(essay.title).toBe('Remarks at the Summit');
    expect(essay.paragraphs.map((p) => p.text)).toEqual([
      'Thank you all for coming.',
      'In 2019 we signed the accord.',
      'Next year we will build on it.',
    ]);
  });

  it('is one paragraph when its lines are wrapped mid-sentence', async () => {
    expect(
      await texts('Note\n\nIn 2019 the parties signed\nthe accord in Geneva, and in 2020\nthey ratified it.\n'),
    ).toEqual(['In 2019 the parties signed the accord in Geneva, and in 2020 they ratified it.']);
  });
});

describe('a press release', () => {
  it('ends at "###" or "-30-": the mark and what follows are no paragraphs, and the reader is told', async () => {
    for (const mark of ['###', '-30-']) {
      const file = new VFile({
        path: 'release.txt',
        value: `Appointment\n\nOn 12 March 2024 NASA named a new director.\n\n${mark}\n\nMedia contact: Jane Roe, 202-555-0100.\n`,
      });
      const essay = await parseEssay(file);
      expect(essay.paragraphs.map((p) => p.text)).toEqual(['On 12 March 2024 NASA named a new director.']);
      expect(file.messages.map((m) => m.ruleId)).toContain('end-mark');
    }
  });
});

describe('Markdown essays', async () => {
  const file = await readSource(fixture('sections.md'));
  const essay = await parseEssay(file);

  it('reads front matter and headings into title, date, author and sections', () => {
    expect(essay.title).toBe('A Markdown essay');
    expect(essay.compiled).toBe('2001-09-12');
    expect(essay.author).toBe('A. Analyst');
    expect(essay.sections.map((s) => s.title)).toEqual([null, 'The early years', 'Later']);
  });

  it('numbers paragraphs across sections, marking quotes; a whole list is one paragraph', () => {
    expect(essay.paragraphs.map((p) => [p.n, p.kind, p.section])).toEqual([
      [1, 'text', 0],
      [2, 'text', 1],
      [3, 'quote', 1],
      [4, 'list', 2],
    ]);
    expect(essay.paragraphs[0]!.runs.find((r) => r.emphasis)?.text).toBe('March 1992');
  });

  it('maps sentence offsets back through the Markdown source', () => {
    const source = String(file.value);
    const p = essay.paragraphs[1]!;
    expect(p.sentences).toHaveLength(2);
    expect(source.slice(...p.sentences[1]!.offset)).toBe('Dr. Smith said so.');
  });

  it('fails with the reason on bad front matter', async () => {
    const bad = new VFile({ path: 'bad.md', value: '---\ntitle: [unclosed\n---\n\nText.\n' });
    await expect(parseEssay(bad)).rejects.toThrow(/Invalid front matter/);
  });
});

describe('sentence splitting', () => {
  it('does not end a sentence at an initial or an abbreviation', () => {
    const text = 'In June 1995, C. Mackenzie visited. Mr. Smith met Gen. Jones in the U.S. Army. Done!';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'In June 1995, C. Mackenzie visited.',
      'Mr. Smith met Gen. Jones in the U.S. Army.',
      'Done!',
    ]);
  });

  it('ends a sentence before a quotation opened as French, German and Spanish open it', () => {
    const split = (text: string) => splitSentences(text).map((s) => s.text);
    expect(split('Une réunion est prévue lundi. « Nous ne lâcherons rien », a déclaré le syndicat.')).toEqual([
      'Une réunion est prévue lundi.',
      '« Nous ne lâcherons rien », a déclaré le syndicat.',
    ]);
    expect(split('« C’est fini. » Puis il est parti.')).toEqual(['« C’est fini. »', 'Puis il est parti.']);
    expect(split('Er sagte: „Wir gehen.“ Dann ging er.')).toEqual(['Er sagte: „Wir gehen.“', 'Dann ging er.']);
    expect(split('Dijo que sí. ¿Por qué? ¡Basta!')).toEqual(['Dijo que sí.', '¿Por qué?', '¡Basta!']);
    // an era's letters end no sentence ("v. Chr.", "av. J.-C."); the "s" of a decade does
    expect(split('44 v. Chr. wurde Caesar ermordet. Dann kam Augustus.')).toEqual([
      '44 v. Chr. wurde Caesar ermordet.',
      'Dann kam Augustus.',
    ]);
    expect(split('En 52 av. J.-C. César gagna. Puis il partit.')).toEqual([
      'En 52 av. J.-C. César gagna.',
      'Puis il partit.',
    ]);
    expect(split('It held power in the late 1970s. At the time he was captured.')).toHaveLength(2);
  });
});

describe('reading files', () => {
  it('refuses empty and binary files with a reason', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await temp('read');
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0x42]));
    await writeFile(path.join(dir, 'bom.txt'), Buffer.from('\ufeffTitle\n\nText in 1994.\n'));
    await expect(readSource(path.join(dir, 'empty.txt'))).rejects.toThrow('empty file');
    await expect(readSource(path.join(dir, 'binary.txt'))).rejects.toThrow(/binary/);
    expect(String((await readSource(path.join(dir, 'bom.txt'))).value).startsWith('Title')).toBe(true);
  });
});

describe("the text's kind, told by its form", () => {
  const genre = async (value: string, file = 'e.txt') => (await parseEssay(new VFile({ path: file, value }))).genre;

  it.each([
    ['speech', 'Address to the Nation\n\nMy fellow citizens, tonight I speak to you. In 1994 we joined.\n'],
    ['speech', 'At the summit\n\nThank you, Mr. President. In 1994 we joined the partnership.\n'],
    [
      'press release',
      'Envoy named\n\nFOR IMMEDIATE RELEASE\n\nThe Ministry appointed an envoy on 1 June 2024.\n\n###\n',
    ],
    [
      'biography',
      'Dag Hammarskjöld\n\nDag Hammarskjöld (born 29 July 1905) was a Swedish diplomat. He became Secretary-General in 1953.\n',
    ],
    [
      'biography',
      'Yuen Ren Chao\n\nEarly life\n\nBorn in Tianjin, Chao went to the United States in 1910. He studied at Cornell, ' +
        'where he met Hu Shih. He then turned to philosophy.\n\nChao returned to China in 1920. His wife was a doctor. ' +
        'Chao taught at Harvard.\n',
    ],
    [
      'interview',
      'Talking to the envoy\n\nQ: When did talks start?\n\nA: In 1994, in Brussels.\n\nQ: And then?\n\nA: We joined in 1997.\n',
    ],
    // as French, German and Spanish write them
    ['speech', 'Discours du ministre\n\nMesdames et Messieurs,\n\nEn 1994, nous avons signé.\n\nJe vous remercie.\n'],
    ['speech', 'Jahresempfang\n\nMeine sehr geehrten Damen und Herren,\n\n1994 traten wir bei.\n\nVielen Dank.\n'],
    [
      'press release',
      'Neues Programm\n\nBerlin, 5. Juni 2024 – Das Ministerium startet heute.\n\nPressekontakt: Pressestelle\n',
    ],
    ['press release', 'Nuevo plan\n\nNOTA DE PRENSA\n\nEl Gobierno aprobó el plan el 18 de marzo de 2025.\n'],
    [
      'biography',
      'Marie Curie\n\nMarie Curie, née Maria Skłodowska le 7 novembre 1867 à Varsovie, est une physicienne.\n',
    ],
    [
      'biography',
      'Hannah Weber\n\nHannah Weber wurde am 3. März 1921 in Breslau geboren. 1939 begann sie ein Studium.\n',
    ],
    ['biography', 'Adolfo Suárez\n\nAdolfo Suárez nació en Cebreros el 25 de septiembre de 1932.\n'],
    [
      'interview',
      'Entrevista con la alcaldesa\n\nPregunta: ¿Qué pasó en 2023?\n\nRespuesta: Abrimos el carril.\n\n' +
        'Pregunta: ¿Y después?\n\nRespuesta: Las obras.\n',
    ],
  ])('%s', async (kind, text) => {
    expect(await genre(text)).toBe(kind);
  });

  it('takes no place for a life: "New Zealand" names no one, though its text says "he"', async () => {
    const text =
      'New Zealand\n\nNew Zealand lies in the Pacific. Its prime minister said he would act. He spoke in 2015.\n\n' +
      'New Zealand voted in 2016. He lost. New Zealand kept its flag, and his party stayed in power.\n';
    expect(await genre(text)).toBe(null);
  });

  it('reads the title said again with a date after it, and a weekday date run into the first words, as date lines', async () => {
    const again = await parseEssay(
      new VFile({
        path: 'i.txt',
        value:
          'Wikinews interviews Israeli mathematician and writer Aner Shalev\n\nWikinews interviews Israeli ' +
          'mathematician and writer Aner Shalev Wednesday, September 19, 2007\n\nAner Shalev was born in 1958.\n',
      }),
    );
    expect([again.dated, again.dateSource, again.paragraphs.length]).toEqual(['2007-09-19', 'date line', 1]);
    const glued = await parseEssay(
      new VFile({
        path: 'n.txt',
        value: 'Flag\n\nThursday, May 7, 2015 On Tuesday, the government announced a process.\n',
      }),
    );
    expect([glued.dated, glued.dateSource, glued.paragraphs[0]!.dateline]).toEqual(['2015-05-07', 'dateline', 22]);
  });

  it('dates a speech by its "Delivered ..." line', async () => {
    const essay = await parseEssay(
      new VFile({
        path: 's.txt',
        value: 'State of the Union Address\n\nDelivered 20 January 2004\n\nMr. Speaker, tonight I report.\n',
      }),
    );
    expect([essay.genre, essay.dated, essay.dateSource]).toEqual(['speech', '2004-01-20', 'date line']);
  });

  it('dates a speech by a line of its place and date ("Riga, 3 October 2025"), kept out of its paragraphs', async () => {
    const essay = await parseEssay(
      new VFile({
        path: 's.txt',
        value:
          'Remarks at the Opening of the Energy Link\n\nRiga, 3 October 2025\n\nThank you. Today we open the link.\n',
      }),
    );
    expect([essay.dated, essay.dateSource]).toEqual(['2025-10-03', 'date line']);
    expect(essay.paragraphs.map((p) => p.text)).toEqual(['Thank you. Today we open the link.']);
  });

  it('leaves a history, an analysis and a news story to their shape', async () => {
    expect(
      await genre('Talks\n\nIn May 1994 NATO met in Brussels. The address of the embassy changed in 1995.\n'),
    ).toBeNull();
    expect(
      await genre('Storm\n\nLISBON, 3 May 2021 (Wire) - The storm closed ports. "Thank you," the mayor said later.\n'),
    ).toBeNull();
  });
});
