// Headlines for the slides' timeline labels: a long row's summary cut after who did what to what, in whole words,
// and never where the cut would change what it says.
import { describe, expect, it } from 'vitest';
import { headline } from '../pipeline/extract/headline.ts';

describe('a headline', () => {
  it.each([
    [
      'Heydar Aliyev met Javier Solana, during his visit to Brussels, to sign an agreement on cooperation with the European Union',
      'Heydar Aliyev met Javier Solana',
    ],
    [
      'Azerbaijan joined the Partnership for Peace programme, three years after independence, at a ceremony in Brussels',
      'Azerbaijan joined the Partnership for Peace programme',
    ],
    [
      'The Azerbaijani delegation first participated in the seminar of the NATO countries held in Turkey, and met Manfred Werner',
      'The Azerbaijani delegation first participated in the seminar',
    ],
    [
      'Heydar Aliyev participated in the 50th anniversary of NATO held in Washington and made a speech there',
      'Heydar Aliyev participated in the 50th anniversary of NATO',
    ],
    [
      'The Antarctic Treaty was signed in Washington by the twelve countries whose scientists had been active in Antarctica',
      'The Antarctic Treaty was signed in Washington',
    ],
    [
      'Azerbaijani-NATO relations started their formation, with admission of Azerbaijan to its body, the North Atlantic Cooperation Council',
      'Azerbaijani-NATO relations started their formation',
    ],
  ])('keeps who did what to what: %s', (summary, expected) => {
    expect(headline(summary)).toBe(expected);
  });

  it.each([
    // A negation, a quotation, an infinitive that is the point, a clause for an object: the whole summary.
    'The former East Germany entered the Community without a treaty of accession at the time of reunification',
    'Heydar Aliyev issued a decree "On the measures for strengthening cooperation between the Republic and NATO"',
    'The United Kingdom voted by 51.9 per cent to 48.1 per cent to leave the Union after a long campaign',
    'His successor, Georges Pompidou, agreed at the Hague summit to open negotiations with the four applicants',
    'Charles de Gaulle of France announced at a press conference that he would not accept British membership',
    'Several member states have doubted whether a country of more than eighty million people could be absorbed',
  ])('is the whole summary where a cut would change it: %s', (summary) => {
    expect(headline(summary)).toBe(summary);
  });

  it('never starts a clause without its verb: a participle in the subject is not the verb', () => {
    expect(
      headline('A second application, made by the government of Harold Wilson, was vetoed again in November 1967'),
    ).not.toBe('A second application, made by the government of Harold Wilson');
  });
});
