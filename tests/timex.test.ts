import { describe, expect, it } from 'vitest';
import { tagTimexes, tenseReaderAbroad } from '../pipeline/dates/timex/index.ts';
import { tag as tagWords } from '../pipeline/extract/language.ts';
import { tenseReader } from '../pipeline/extract/tense.ts';

const tag = (text: string, reference: string | null = null) =>
  tagTimexes(text, { anchor: null, reference }).map((t) => [t.text, t.value, t.start, t.end, t.precision]);

describe('plain dates', () => {
  it.each([
    ['It began in March 1992.', 'March 1992', '1992-03', '1992-03-01', '1992-03-31', 'month'],
    ['Signed on May 4, 1994 in Brussels.', 'May 4, 1994', '1994-05-04', '1994-05-04', '1994-05-04', 'day'],
    ['The programme began in 1996.', '1996', '1996', '1996-01-01', '1996-12-31', 'year'],
    ['Solana visited Baku in February of 1997.', 'February of 1997', '1997-02', '1997-02-01', '1997-02-28', 'month'],
    ['Signed on 4 May 1994.', '4 May 1994', '1994-05-04', '1994-05-04', '1994-05-04', 'day'],
    ['Held in the June of 1993.', 'the June of 1993', '1993-06', '1993-06-01', '1993-06-30', 'month'],
    ['In the spring of 1998, they met.', 'the spring of 1998', '1998-SP', '1998-03-01', '1998-05-31', 'season'],
    ['Trainings in July-August 1997.', 'July-August 1997', '1997-07/1997-08', '1997-07-01', '1997-08-31', 'month'],
    ['In 2002-2003, units joined.', '2002-2003', '2002/2003', '2002-01-01', '2003-12-31', 'year'],
    ['Talks on July 2 - 4, 1997.', 'July 2 - 4, 1997', '1997-07-02/1997-07-04', '1997-07-02', '1997-07-04', 'day'],
    ['From 1996 to 1998 it grew.', 'From 1996 to 1998', '1996/1998', '1996-01-01', '1998-12-31', 'year'],
    ['In the 1990s it grew.', 'the 1990s', '199X', '1990-01-01', '1999-12-31', 'decade'],
    ['Built in the 18th century.', 'the 18th century', '17', '1700-01-01', '1799-12-31', 'century'],
    ['Founded in 490 BC.', '490 BC', 'BC0490', '-0489-01-01', '-0489-12-31', 'year'],
    ['It joined in May of 1997.', 'May of 1997', '1997-05', '1997-05-01', '1997-05-31', 'month'],
    ['Held on the 4th of May, 1994.', 'the 4th of May, 1994', '1994-05-04', '1994-05-04', '1994-05-04', 'day'],
    ['Talks in early 1997 failed.', 'early 1997', '1997', '1997-01-01', '1997-04-30', 'year'],
    ['By the late 1990s it grew.', 'the late 1990s', '199X', '1997-01-01', '1999-12-31', 'decade'],
    ['In mid-1995 it grew.', 'mid-1995', '1995', '1995-05-01', '1995-08-31', 'year'],
    ['Between 1992 and 1994 it grew.', 'Between 1992 and 1994', '1992/1994', '1992-01-01', '1994-12-31', 'year'],
    [
      'Visits on July 27 - August 6, 1997.',
      'July 27 - August 6, 1997',
      '1997-07-27/1997-08-06',
      '1997-07-27',
      '1997-08-06',
      'day',
    ],
    ['On 2-4 July 1997 they met.', '2-4 July 1997', '1997-07-02/1997-07-04', '1997-07-02', '1997-07-04', 'day'],
    ['Signed Oct 10, 1945 at last.', 'Oct 10, 1945', '1945-10-10', '1945-10-10', '1945-10-10', 'day'],
    ['Between 479-478 BC the Greeks won.', '479-478 BC', 'BC0479/BC0478', '-0478-01-01', '-0477-12-31', 'year'],
    ['Her parents met in the 1930\u2019s.', 'the 1930\u2019s', '193X', '1930-01-01', '1939-12-31', 'decade'],
    ['Damasus died in December of 384, it is said.', 'December of 384', '0384-12', '0384-12-01', '0384-12-31', 'month'],
    ['He came back in June in 1981.', 'June in 1981', '1981-06', '1981-06-01', '1981-06-30', 'month'],
    ['Jerome was born c. 347 in Stridon.', 'c. 347', '0347', '0347-01-01', '0347-12-31', 'year'],
    ['Her mother (d. 1990) danced.', '1990', '1990', '1990-01-01', '1990-12-31', 'year'],
    [
      'It grew in the second half of the 20th century.',
      'the second half of the 20th century',
      '19',
      '1950-01-01',
      '1999-12-31',
      'century',
    ],
  ])('%s', (text, found, value, start, end, precision) => {
    expect(tag(text)).toEqual([[found, value, start, end, precision]]);
  });

  it('reads a year after a comma or a full stop, and before a noun ending in s that is no plural', () => {
    expect(tag('Votes were cast in 1992, 1993 and 1994.').map((t) => t[1])).toEqual(['1992', '1993', '1994']);
    expect(tag('He was born in Paris, 1950, to a poor family.').map((t) => t[1])).toEqual(['1950']);
    expect(tag('Chaharbagh Boulevard. 1596, dating from the Safavid era.').map((t) => t[1])).toEqual(['1596']);
    expect(tag('Tulsa had 988,000 people in the 2010 census.').map((t) => t[1])).toEqual(['2010']);
  });
});

describe('anaphora and relative dates', () => {
  it('reads "the same year" and "September of the same year" from the last date', () => {
    expect(
      tag('It joined in May 1999. In September of the same year a platoon left. In same year it ended.').map(
        (t) => t[1],
      ),
    ).toEqual(['1999-05', '1999-09', '1999']);
  });

  it('gives a bare "July 3" the year of the text around it, not today\'s', () => {
    expect(tag('The war began in 1914. On July 3 the army moved.').map((t) => t[1])).toEqual(['1914', '1914-07-03']);
  });

  it('counts "two years later" and "the following month" from the last date', () => {
    expect(
      tag('Signed in March 1992. The following month it paused. Two years later it grew.').map((t) => t[1]),
    ).toEqual(['1992-03', '1992-04', '1994']);
  });

  it('reads "the middle of next year" as a part of the year after the story\'s', () => {
    expect(tag('Elections will be held by the middle of next year.', '2004-09-21').map((t) => [t[0], t[1]])).toEqual([
      ['the middle of next year', '2005'],
    ]);
  });

  it('puts a range\'s start in its end\'s year, and "this weekend" told in the past on the weekend just gone', () => {
    const read = (text: string, reference: string) => {
      const tokens = tagWords(text);
      return tagTimexes(text, { anchor: null, reference, news: true, tenseAt: tenseReader(tokens) }).map(
        (t) => t.value,
      );
    };
    expect(read('The exhibit is to run from January 23 through March 9.', '2014-01-28')).toEqual([
      '2014-01-23/2014-03-09',
    ]);
    expect(read('He was a guest at the fair this weekend.', '2015-09-22')).toEqual(['2015-W38-WE']);
    expect(read('He will be a guest at the fair this weekend.', '2015-09-22')).toEqual(['2015-W39-WE']);
  });

  it('reads "On this day" as the day the narrative is at, or the speech\'s own; "to this day" is no date', () => {
    expect(tag('On this day our first thoughts go to the architect of this freedom.', '1947-08-14')).toEqual([
      ['this day', '1947-08-14', '1947-08-14', '1947-08-14', 'day'],
    ]);
    expect(tag('Signed on 4 May 1994. On this day talks began.').map((t) => t[1])).toEqual([
      '1994-05-04',
      '1994-05-04',
    ]);
    expect(tag('To this day the fort stands.', '1947-08-14')).toEqual([]);
  });

  it('reads "at the same time" after "and" before a verb as "also", not as a time', () => {
    expect(
      tag('Signed in 1994. It moves toward NATO and at the same time removes old fears.').map((t) => t[1]),
    ).toEqual(['1994']);
    expect(tag('Signed in 1994. At the same time, talks began.').map((t) => t[1])).toEqual(['1994', '1994']);
  });

  it('counts in words past twelve: "seventeen years ago", "twenty-five years later"', () => {
    expect(tag('Seventeen years ago it began.', '2017-07-18').map((t) => t[1])).toEqual(['2000']);
    expect(tag('Nearly one year ago he died.', '2021-03-03').map((t) => t[0])).toEqual(['Nearly one year ago']);
    expect(tag('Signed in 1950. Twenty-five years later it ended.').map((t) => t[1])).toEqual(['1950', '1975']);
  });

  it('reads "On the same day" at the last day, and a bare season in the anchor\'s year', () => {
    expect(tag('Signed on 4 May 1994. On the same day, talks began. That summer it grew.').map((t) => t[1])).toEqual([
      '1994-05-04',
      '1994-05-04',
      '1994-SU',
    ]);
  });

  it('anchors "yesterday" and "on Friday" to the reference date', () => {
    expect(tag('He said yesterday that talks on Friday failed.', '1997-07-29').map((t) => t[1])).toEqual([
      '1997-07-28',
      '1997-07-25',
    ]);
  });
});

describe('antiquity, named days, stretches and decades in words', () => {
  it('reads a short year after a word of time in a text that has already said it is of antiquity', () => {
    const text =
      'Jerome (c. 347 \u2013 30 September 420) was a priest. He was not baptized until about 360 - 366. In 348 Pachomius ' +
      'died. Theodorus joined around 328. Sikong Tu (837\u2013908) wrote it. The town grew to about 200. In 300 cases it ' +
      'failed. The legion was reduced by 300.';
    expect(tag(text).map((t) => t[1])).toEqual(['0347/0420-09-30', '0360/0366', '0348', '0328', '0837/0908']);
  });

  it('gives a range the era its end states ("from about 1200 to about 400 BCE")', () => {
    expect(tag('The Olmec flourished from about 1200 to about 400 BCE.').map((t) => t[1])).toEqual(['BC1200/BC0400']);
    expect(tag('The Maya flourished from roughly 2000 BCE to 900 CE.').map((t) => t[1])).toEqual(['BC2000/0900']);
    expect(tag('The city stood from 753 to 476 BC.').map((t) => [t[1], t[2]])).toEqual([
      ['BC0753/BC0476', '-0752-01-01'],
    ]);
  });

  it('reads "the year 71" anywhere, and no short number in a modern text', () => {
    expect(tag('The Romans came in the year 71.').map((t) => t[1])).toEqual(['0071']);
    expect(tag('In 348 cases it failed. After 211, the count stopped. They sold about 300.')).toEqual([]);
  });

  it('reads 9/11, "six and a half months ago", "a hundred years ago" and "the year before"', () => {
    expect(tag('I volunteered during 9/11.').map((t) => t[1])).toEqual(['2001-09-11']);
    expect(tag('Six and a half months ago, a rocket launched.', '2021-07-12').map((t) => t[1])).toEqual(['2020-12-26']);
    expect(tag('A hundred years ago the city burned.', '2021-07-12').map((t) => t[1])).toEqual(['1921']);
    expect(tag('It rose in 2014. It fell the year before.').map((t) => t[1])).toEqual(['2014', '2013']);
    expect(tag('It rose in 2014. The day before the outbreak, it fell.').map((t) => t[1])).toEqual(['2014']);
  });

  it('reads "the past 30 days" as the stretch up to the text\'s date, and a vague one as the past', () => {
    expect(tag('Over the past 30 days it fell.', '2011-03-08').map((t) => t[1])).toEqual(['2011-02-06/2011-03-08']);
    expect(tag('In the next five years, sales will rise.', '2018-03-05').map((t) => t[1])).toEqual([
      '2018-03-05/2023-03-05',
    ]);
    expect(tag('In the past few days, towns banned it.', '2015-08-02').map((t) => t[1])).toEqual(['PAST_REF']);
    expect(tag('It was the last year of the war.', '2015-08-02')).toEqual([]);
    expect(tag('For the last year SNY has broadcast it.', '2006-06-01').map((t) => t[1])).toEqual([
      '2005-06-01/2006-06-01',
    ]);
    expect(tag('He joined in 1655. In the next five years he served Poland.').map((t) => t[1])).toEqual([
      '1655',
      '1655/1660',
    ]);
    expect(tag('They will clear the backlog by year end.', '2023-06-01').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['year end', '2023-09-01', '2023-12-31'],
    ]);
  });

  it('reads "the sixties" in the century nearest the narrative, and not the weather\'s sixties', () => {
    expect(tag('Back in the sixties, he knew it.', '2014-01-28').map((t) => t[1])).toEqual(['196X']);
    expect(tag('In the 1870s he moved. In the nineties he died.').map((t) => t[1])).toEqual(['187X', '189X']);
    expect(tag('Highs in the sixties are common.', '2014-01-28')).toEqual([]);
  });

  it('reads a date set off by dashes as an aside, not as a range ("Waitangi Day - February 6 - this year")', () => {
    expect(tag('A vote on Waitangi Day - February 6 - this year.', '2015-03-08').map((t) => t[0])).toEqual([
      'February 6',
      'this year',
    ]);
  });
});

describe('days that come round', () => {
  it.each([
    'The third departs each Thursday.',
    'Flights leave every Monday.',
    'They leave on Monday and Tuesday nights.',
    'We whittle the list down on a Monday.',
    'She posts a new video every Wednesday/Thursday.',
    'The airline flies twice per week, on Thursday morning and on Saturday morning.',
  ])('are no date: "%s"', (text) => {
    expect(tag(text, '1998-02-13')).toEqual([]);
  });
});

describe('not dates', () => {
  it.each([
    'the 50th anniversary of NATO',
    'Article 5 applies',
    'some 1500 soldiers left',
    'they March on the capital',
    'see page 1994',
    'under Law 1998',
    'At an elevation of 1100 ft, it is hot.',
    'It keeps a 2000 year old tradition.',
    'English Wikipedia has 1000 + admins.',
    'G W Taxi, 1696 Bergen Blvd, is open.',
    'a score of at least 1220',
    'disclosures under Rule 2016',
    'Journal of Personality. 92 (6): 1087-1101.',
    'It reached a C415 million research accord.',
    'Pelosi spoke in support of H. R. 1280, the Justice in Policing Act.',
    'Efforts to replicate grew (Porte, 2012).',
    'as others argue (Laws, 2016; Lindsay, 2015; Martin & Clarke, 2017)',
    'a corpus of 3750 sonnets by ca. 1000 authors',
  ])('%s', (text) => {
    expect(tag(text)).toEqual([]);
  });
});

describe("news: dates counted from the story's own date, in the direction of the tense", () => {
  // Wednesday 10 March 2021
  const news = (text: string, reference = '2021-03-10') =>
    tagTimexes(text, { anchor: null, reference, news: true, tenseAt: tenseReader(tagWords(text)) }).map((t) => [
      t.text,
      t.value,
    ]);

  it.each([
    ['The minister will visit Ankara on Friday.', [['Friday', '2021-03-12']]],
    ['The minister visited Ankara on Friday.', [['Friday', '2021-03-05']]],
    ['The talks are scheduled to resume Monday.', [['Monday', '2021-03-15']]],
    [
      'Parliament met Wednesday morning and adjourned late Tuesday night.',
      [
        ['Wednesday morning', '2021-03-10'],
        ['Tuesday night', '2021-03-09'],
      ],
    ],
    ["Wednesday's vote was close.", [['Wednesday', '2021-03-10']]],
    ['The port reopened in December.', [['December', '2020-12']]],
    ['The port will reopen in December.', [['December', '2021-12']]],
    ['The border is to remain closed until April 4.', [['April 4', '2021-04-04']]],
    [
      'Prices rose last year and are expected to fall next year.',
      [
        ['last year', '2020'],
        ['next year', '2022'],
      ],
    ],
    [
      'Exports fell last month, officials said this week.',
      [
        ['last month', '2021-02'],
        ['this week', '2021-W10'],
      ],
    ],
    [
      'The envoy arrived yesterday and leaves tomorrow.',
      [
        ['yesterday', '2021-03-09'],
        ['tomorrow', '2021-03-11'],
      ],
    ],
    [
      'Voting began last May and ends early this year.',
      [
        ['last May', '2020-05'],
        ['early this year', '2021'],
      ],
    ],
    ['The ministry will publish its plan in the near future.', [['the near future', 'FUTURE_REF']]],
    // The present tense takes the nearer day: a deadline a week on, not a year back.
    [
      'Comments are due March 18, and a hearing is set for Feb. 2.',
      [
        ['March 18', '2021-03-18'],
        ['Feb. 2', '2021-02-02'],
      ],
    ],
    ['Last January 15 the board met.', [['Last January 15', '2021-01-15']]],
    ['The plant will close next winter.', [['next winter', '2021-WI']]],
    // A dateline, then the story: no range of dates across the dash.
    [
      'March 10, 2021 - Last week the board met.',
      [
        ['March 10, 2021', '2021-03-10'],
        ['Last week', '2021-W09'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(news(text)).toEqual(expected);
  });

  it('reads "next year" from the story\'s date and "that year" from the narrative', () => {
    expect(
      news('The tariff rose in 2014. That year exports fell. Next year it will fall again.', '2020-06-01'),
    ).toEqual([
      ['2014', '2014'],
      ['That year', '2014'],
      ['Next year', '2021'],
    ]);
  });

  it('finds the year a weekday and a day agree on', () => {
    expect(news('The paper said in an editorial on Monday, Oct. 26, that talks failed.', '1998-10-25')).toEqual([
      ['Monday, Oct. 26', '1998-10-26'],
    ]);
  });

  it.each([
    'The quake struck at 1137 GMT, officials said.',
    'Doctors said 1720 patients were treated there.',
    'Some 2053 households lost power.',
  ])('reads no year in "%s"', (text) => {
    expect(news(text).filter(([, v]) => /^\d{4}$/.test(v!))).toEqual([]);
  });
});

describe('the pattern families', () => {
  it('name every group they capture', async () => {
    const families = await Promise.all(
      ['days', 'months', 'seasons', 'years', 'holidays', 'narrative', 'deictic'].map(
        async (name) => [name, Object.values(await import(`../pipeline/dates/timex/families/${name}.ts`))[0]] as const,
      ),
    );
    for (const [name, patterns] of families) {
      for (const { re } of patterns as { re: RegExp }[]) {
        // An empty alternative makes the pattern match '' and report every group it has.
        const groups = new RegExp(`${re.source}|`).exec('')!;
        expect(groups.length - 1, `${name}: ${re.source.slice(0, 60)}`).toBe(Object.keys(groups.groups ?? {}).length);
      }
    }
  });
});

describe('parts of years and centuries', () => {
  it.each([
    [
      'Sales in the first six months of 2006 rose.',
      'the first six months of 2006',
      '2006-H1',
      '2006-01-01',
      '2006-06-30',
    ],
    ['Profit in the second half of 1997 fell.', 'the second half of 1997', '1997-H2', '1997-07-01', '1997-12-31'],
    [
      'Exports in the last three months of 1999 grew.',
      'the last three months of 1999',
      '1999-Q4',
      '1999-10-01',
      '1999-12-31',
    ],
    [
      'In the first nine months of 1997 it grew.',
      'the first nine months of 1997',
      '1997-01/1997-09',
      '1997-01-01',
      '1997-09-30',
    ],
    ['The house was built in the 1700s.', 'the 1700s', '17', '1700-01-01', '1799-12-31'],
    ['In the 1990s it was sold.', 'the 1990s', '199X', '1990-01-01', '1999-12-31'],
  ])('%s', (text, words, value, start, end) => {
    expect(tag(text).map(([t, v, s, e]) => [t, v, s, e])).toEqual([[words, value, start, end]]);
  });

  it('narrows "the late 1700s" to the late part of the century', () => {
    const [found] = tag('It was built in the late 1700s.');
    expect(found?.[1]).toBe('17');
    expect(Number(String(found?.[2]).slice(0, 4))).toBeGreaterThanOrEqual(1760);
  });
});

describe('quarters (families/quarters.ts)', () => {
  // Told from a story of 25 October 1989, in the past tense unless a tense reader says otherwise.
  it.each([
    ['Profit fell in the third quarter of 1988.', 'the third quarter of 1988', '1988-Q3'],
    ['Sales in Q2 2004 rose.', 'Q2 2004', '2004-Q2'],
    ['It posted a third-quarter loss.', 'third-quarter', '1989-Q3'],
    ['Net income in the third quarter rose.', 'the third quarter', '1989-Q3'],
    ['It expects a loss in the fourth quarter.', 'the fourth quarter', '1989-Q4'],
    ['Revenue in the quarter rose 5%.', 'the quarter', '1989-Q3'],
    ['Earnings for the latest quarter fell.', 'the latest quarter', '1989-Q3'],
    ["It matched this year's third quarter.", "this year's third quarter", '1989-Q3'],
    ['It beat the 1988 second quarter.', 'the 1988 second quarter', '1988-Q2'],
  ])('%s', (sentence, text, value) => {
    expect(tag(sentence, '1989-10-25')).toEqual([expect.arrayContaining([text, value])]);
  });

  it('reads "a year earlier" after a quarter as that quarter a year back', () => {
    const found = tag('Profit rose in the third quarter, up from $5 million a year earlier.', '1989-10-25');
    expect(found.map((f) => [f[0], f[1]])).toEqual([
      ['the third quarter', '1989-Q3'],
      ['a year earlier', '1988-Q3'],
    ]);
  });

  it.each([
    'A quarter of the vote went to him.',
    'They toured the Latin Quarter.',
    'The team lost the quarter-final.',
    'He lived in the quarter of the city by the river.',
    'It took a quarter of an hour.',
  ])('finds no quarter in "%s"', (sentence) => {
    expect(tag(sentence, '1989-10-25')).toEqual([]);
  });
});

describe('holidays (families/holidays.ts)', () => {
  // Each fixed holiday on its own day, in the year given, or in the story's year when none is.
  it.each([
    ['They met on Christmas Eve 1914.', 'Christmas Eve 1914', '1914-12-24'],
    ['The truce held on Christmas Day of 1914.', 'Christmas Day of 1914', '1914-12-25'],
    ["Fireworks on New Year's Eve 1999.", "New Year's Eve 1999", '1999-12-31'],
    ['It came into force on New Year\u2019s Day 1958.', 'New Year\u2019s Day 1958', '1958-01-01'],
    ['Sales began on Boxing Day 2010.', 'Boxing Day 2010', '2010-12-26'],
    ["All Saints' Day 1755 brought the Lisbon earthquake.", "All Saints' Day 1755", '1755-11-01'],
    ['Paris paraded on Bastille Day 1989.', 'Bastille Day 1989', '1989-07-14'],
    ['The guns fell silent on Armistice Day 1918.', 'Armistice Day 1918', '1918-11-11'],
    ['The office closes at Christmas.', 'Christmas', '1989-12-25'],
  ])('%s', (sentence, text, value) => {
    expect(tag(sentence, '1989-10-25').map((t) => [t[0], t[1]])).toEqual([[text, value]]);
  });

  it('reads no holiday in lower case, and none without a year to take', () => {
    expect(tag('We sang christmas carols.', '1989-10-25')).toEqual([]);
    expect(tag('The office closes at Christmas.')).toEqual([]);
  });

  it('reads none in a name ("Johnnie Christmas"), and one after a preposition that opens a sentence', () => {
    expect(tag('He drew it with illustrator Johnnie Christmas.', '1989-10-25')).toEqual([]);
    expect(tag('After Christmas the troops left.', '1989-10-25').map((t) => t[1])).toEqual(['1989-12-25']);
  });
});

describe('French, German and Spanish: months alone, counted spans, decades in words', () => {
  // Told from 25 May 2006, the year before them 1997 where a narrative gives one.
  const read = (text: string, lang: string, anchor: string | null = null) =>
    tagTimexes(text, {
      lang,
      reference: '2006-05-25',
      anchor: anchor ? { value: anchor, start: `${anchor}-01-01`, end: `${anchor}-12-31`, precision: 'year' } : null,
    }).map((t) => [t.text, t.value]);

  it.each([
    ['fr', 'En mai, le plan a été approuvé.', [['mai', '1997-05']]],
    ['fr', 'Fin juin, le parlement l’a ratifié.', [['Fin juin', '1997-06']]],
    ['fr', "Au mois d'avril, la délégation est arrivée.", [['avril', '1997-04']]],
    ['fr', 'En octobre dernier, les ministres se sont réunis.', [['octobre dernier', '2005-10']]],
    ['fr', 'Il y a deux ans, le corridor n’existait pas.', [['Il y a deux ans', '2004']]],
    ['fr', 'Deux ans plus tard, un plan a été adopté.', [['Deux ans plus tard', '1999']]],
    ['fr', 'Dans les années quatre-vingt-dix, tout a changé.', [['les années quatre-vingt-dix', '199X']]],
    ['fr', "En l'an 2000, tout a changé.", [["l'an 2000", '2000']]],
    ['de', 'Im Mai billigte das Bündnis den Plan.', [['Mai', '1997-05']]],
    ['de', 'Ende Juni ratifizierte ihn das Parlament.', [['Ende Juni', '1997-06']]],
    ['de', 'Im vergangenen Oktober trafen sich die Minister.', [['vergangenen Oktober', '2005-10']]],
    ['de', 'Vor zwei Jahren gab es den Korridor nicht.', [['Vor zwei Jahren', '2004']]],
    ['de', 'Zwei Jahre später wurde ein Plan verabschiedet.', [['Zwei Jahre später', '1999']]],
    ['de', 'In den neunziger Jahren änderte sich alles.', [['den neunziger Jahren', '199X']]],
    ['de', 'Im Jahr 2004 legte Aserbaidschan den Plan vor.', [['Jahr 2004', '2004']]],
    ['es', 'En mayo, la Alianza aprobó el plan.', [['mayo', '1997-05']]],
    ['es', 'A finales de junio, el parlamento lo ratificó.', [['A finales de junio', '1997-06']]],
    ['es', 'En octubre pasado, los ministros se reunieron.', [['octubre pasado', '2005-10']]],
    ['es', 'Hace dos años, el corredor no existía.', [['Hace dos años', '2004']]],
    ['es', 'Dos años después, se adoptó un plan.', [['Dos años después', '1999']]],
    ['es', 'En los años noventa, todo cambió.', [['los años noventa', '199X']]],
    ['es', 'En el año 2004, todo cambió.', [['año 2004', '2004']]],
    ['fr', 'Le lundi 4 mai 1994, l’accord a été signé.', [['lundi 4 mai 1994', '1994-05-04']]],
    ['de', 'Am Mittwoch, dem 4. Mai 1994, wurde es unterzeichnet.', [['Mittwoch, dem 4. Mai 1994', '1994-05-04']]],
    ['es', 'El miércoles 4 de mayo de 1994 se firmó.', [['miércoles 4 de mayo de 1994', '1994-05-04']]],
    // decades written short, and as German writes them in one word
    ['fr', 'Dans les années 60, tout a changé.', [['les années 60', '196X']]],
    ['de', 'Mitte der Sechzigerjahre leitete sie eine Gruppe.', [['Mitte der Sechzigerjahre', '196X']]],
    ['de', 'In den 60er-Jahren änderte sich alles.', [['den 60er-Jahren', '196X']]],
    ['es', 'En la década de los ochenta, España cambió.', [['la década de los ochenta', '198X']]],
    ['es', 'En los años 60, todo cambió.', [['los años 60', '196X']]],
    // quarters and halves of a year
    ['fr', 'Au premier trimestre 2024, les ventes ont baissé.', [['premier trimestre 2024', '2024-Q1']]],
    ['de', 'Im zweiten Halbjahr 2024 stiegen die Preise.', [['zweiten Halbjahr 2024', '2024-H2']]],
    ['es', 'En el primer semestre de 2024, las ventas cayeron.', [['primer semestre de 2024', '2024-H1']]],
    // a day's parts: this morning is today, "am Morgen" and "por la mañana" no day at all
    ['fr', 'Ce matin, le ministre a parlé.', [['Ce matin', '2006-05-25']]],
    ['de', 'Heute Morgen sprach der Minister.', [['Heute Morgen', '2006-05-25']]],
    ['es', 'El texto se publicará mañana.', [['mañana', '2006-05-26']]],
    ['es', 'Esta mañana habló el ministro.', [['Esta mañana', '2006-05-25']]],
    // so many units from now; the end of last year; a weekday's evening in one German word
    ['fr', 'Le vote aura lieu dans deux semaines.', [['dans deux semaines', '2006-06-08']]],
    ['de', 'In zwei Wochen wird abgestimmt.', [['In zwei Wochen', '2006-06-08']]],
    ['es', 'La votación será dentro de dos semanas.', [['dentro de dos semanas', '2006-06-08']]],
    ['fr', "À la fin de l'année dernière, le prix a baissé.", [["fin de l'année dernière", '2005']]],
    ['de', 'Ende vergangenen Jahres sank der Preis.', [['Ende vergangenen Jahres', '2005']]],
    ['es', 'A finales del año pasado, el precio bajó.', [['finales del año pasado', '2005']]],
    ['de', 'Am Montagabend sprach der Minister.', [['Am Montagabend', '2006-05-22']]],
    // a season with its direction, a month or season of last year (told on 25 May 2006)
    ['fr', "L'été dernier, le pont a été fermé.", [["L'été dernier", '2005-SU']]],
    ['de', 'Diesen Sommer wird gebaut.', [['Diesen Sommer', '2006-SU']]],
    ['es', 'El verano pasado se cerró el puente.', [['El verano pasado', '2005-SU']]],
    ['fr', "En janvier de l'année dernière, le pont a été fermé.", [["janvier de l'année dernière", '2005-01']]],
    ['de', 'Im Januar vergangenen Jahres wurde die Brücke gesperrt.', [['Januar vergangenen Jahres', '2005-01']]],
    ['es', 'En enero del año pasado se cerró el puente.', [['enero del año pasado', '2005-01']]],
    // eras: a year or a century before or after Christ
    ['fr', 'En 52 av. J.-C., César vainquit Vercingétorix.', [['52 av. J.-C.', 'BC0052']]],
    ['fr', 'Au Ve siècle av. J.-C., Athènes domina la Grèce.', [['Ve siècle av. J.-C.', 'BC04']]],
    ['de', 'Im Jahr 9 n. Chr. fand die Varusschlacht statt.', [['9 n. Chr.', '0009']]],
    ['de', '44 v. Chr. wurde Caesar ermordet.', [['44 v. Chr.', 'BC0044']]],
    ['es', 'En el año 218 a. C., Aníbal cruzó los Alpes.', [['218 a. C.', 'BC0218']]],
    // the last weekend, told on a Thursday
    ['fr', 'Le week-end dernier, des milliers de personnes ont manifesté.', [['Le week-end dernier', '2006-W20-WE']]],
    ['de', 'Am vergangenen Wochenende demonstrierten Tausende.', [['Am vergangenen Wochenende', '2006-W20-WE']]],
    ['es', 'El pasado fin de semana, miles se manifestaron.', [['El pasado fin de semana', '2006-W20-WE']]],
  ])('%s: %s', (lang, text, expected) => {
    expect(read(text, lang, '1997')).toEqual(expected);
  });

  it.each([
    [
      'fr',
      "Le 4 mai 1994, l'accord a été signé. Le lendemain, le ministre a démissionné.",
      'Le lendemain',
      '1994-05-05',
    ],
    ['fr', 'En 1997, le pays a adhéré. L’année suivante, il a signé.', 'L’année suivante', '1998'],
    ['fr', 'En 1997, le pays a adhéré. La même année, il a signé.', 'La même année', '1997'],
    ['de', 'Am 4. Mai 1994 wurde es unterzeichnet. Am nächsten Tag trat er zurück.', 'Am nächsten Tag', '1994-05-05'],
    ['de', '1997 trat das Land bei. Im folgenden Jahr unterzeichnete es.', 'Im folgenden Jahr', '1998'],
    ['es', 'El 4 de mayo de 1994 se firmó. Ese mismo día, el ministro dimitió.', 'Ese mismo día', '1994-05-04'],
    ['es', 'En 1997, el país se unió. Al año siguiente, firmó.', 'Al año siguiente', '1998'],
    [
      'fr',
      'Le roi signe en octobre 1666, et les travaux débutent au début de l’année suivante.',
      'début de l’année suivante',
      '1667',
    ],
    ['fr', 'Le 12 novembre 2024, il a parlé. En début de semaine, rien.', 'début de semaine', '2024-W46'],
    ['de', 'Am 14. März 2023 kam er. Ende der Woche ging er.', 'Ende der Woche', '2023-W11'],
    [
      'de',
      'Am Freitag, dem 17. März 2023, stimmte der Bundestag ab. Die Union kündigte am Abend eine Klage an.',
      'am Abend',
      '2023-03-17',
    ],
    ['es', 'El 10 de marzo de 2025 habló. Las obras comenzarán antes de finales de año.', 'finales de año', '2025'],
  ])('%s: the narrative\'s date in "%s"', async (lang, text, said, value) => {
    const { VFile } = await import('vfile');
    const { parseEssay } = await import('../pipeline/parse/index.ts');
    const { extractChronology } = await import('../pipeline/extract/index.ts');
    const essay = await parseEssay(new VFile({ path: 'x.md', value: `---\nlang: ${lang}\n---\n# T\n\n${text}\n` }));
    const mentions = extractChronology(essay, { spelling: false }).mentions;
    expect(mentions.find((m) => m.text === said)?.value).toBe(value);
  });

  it.each([
    ['fr', 'Deux ans avant la guerre, le pays était pauvre.'],
    ['es', 'Dos años antes de la guerra, el país era pobre.'],
    ['fr', 'Mars est la quatrième planète.'],
    ['de', 'Mai ist ein Monat.'],
    ['de', 'Am Morgen kam er.'],
    ['es', 'Por la mañana llovió.'],
  ])('%s: no date in "%s"', (lang, text) => {
    expect(read(text, lang, '1997')).toEqual([]);
  });

  it('counts "am ersten Tag", "el último día" in the days last told as a span', () => {
    const read = (lang: string, text: string) =>
      tagTimexes(text, { anchor: null, reference: null, lang }).map((t) => t.value);
    expect(
      read(
        'de',
        'Vom 10. bis 12. Juni 2024 war sie in Tiflis. Am ersten Tag traf sie den Minister. Am zweiten Tag ' +
          'reiste sie nach Batumi. Am letzten Tag flog sie zurück.',
      ),
    ).toEqual(['2024-06-10/2024-06-12', '2024-06-10', '2024-06-11', '2024-06-12']);
    expect(read('es', 'El 3 de abril de 2024 llegó. El último día se reunió.')).toEqual(['2024-04-03']);
  });

  it('keeps the narrative where it was after a date of the past told in an aside', () => {
    const text = 'On 3 April 2024 the delegation visited the port, opened in 2007. They met again in May.';
    expect(tagTimexes(text, { anchor: null, reference: null }).map((t) => t.value)).toEqual([
      '2024-04-03',
      '2007',
      '2024-05',
    ]);
  });

  it.each([
    // the future's words put a date without its year ahead of the text's date (25 May 2006), as English "will"
    ['fr', 'Le parlement se réunira le 3 février.', '2007-02-03'],
    ['fr', 'Le 3 février, le parlement votera.', '2007-02-03'],
    ['fr', 'Le vote est prévu le 3 février.', '2007-02-03'],
    ['fr', 'Le parlement s’est réuni le 3 juillet.', '2005-07-03'],
    ['fr', 'Le ministre a signé le décret le 3 juillet.', '2005-07-03'],
    // in the present, the nearest: "endet am 30. September", told in May
    ['de', 'Die erste Antragsrunde endet am 30. September.', '2006-09-30'],
    ['es', 'La convocatoria se cierra el 30 de septiembre.', '2006-09-30'],
    ['de', 'Der Bundesrat wird sich am 12. April damit befassen.', '2007-04-12'],
    ['de', 'Am 12. Juli hat der Bundesrat beraten.', '2005-07-12'],
    ['es', 'Las comunidades podrán solicitar los fondos a partir del 1 de abril.', '2007-04-01'],
    ['es', 'El 1 de julio se aprobó el plan.', '2005-07-01'],
  ])('%s: the tense of "%s"', (lang, text, value) => {
    const ctx = { lang, reference: '2006-05-25', anchor: null, news: true, tenseAt: tenseReaderAbroad(lang)?.(text) };
    expect(tagTimexes(text, ctx).map((t) => t.value)).toEqual([value]);
  });
});
