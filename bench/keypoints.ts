// Whether the key points tell what a text is about (#29), measured on GUM: each document (title and paragraphs) is
// built as an essay, and its key points are compared with the summary a person wrote of it (meta::summary1): the
// share of the summary's nouns, names and verbs that the key points also use (recall of lemmas). Only documents whose
// key points come from events (four events or more) count. Prints figures; asserts nothing. Here: 57 documents,
// 35.9%. Two measures of what a text is about were tried as a bonus to the ranking and not kept: a row's words in the
// title and first paragraph (2-fold cross-validated 36.7%, the best weight differing by fold) and their spread over the
// paragraphs (35.3%).
//
//   npx tsx bench/keypoints.ts [--points]
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { tag } from '../pipeline/extract/language.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { keyPoints } from '../pipeline/views/common.ts';
import { hasGum, readGum } from '../scripts/gum.ts';

if (!hasGum()) {
  console.log('keypoints: skipped, ../shared/eval/gum is missing');
  process.exit(0);
}

const CONTENT = new Set(['NOUN', 'PROPN', 'VERB']);
const STOP = new Set(['be', 'have', 'do', 'say', 'make', 'take', 'get', 'go', 'include', 'use', 'study', 'article']);
const lemmas = (text: string) =>
  new Set(
    tag(text)
      .filter((t) => CONTENT.has(t.pos) && !STOP.has(t.lemma) && /\p{L}/u.test(t.text))
      .map((t) => t.lemma),
  );

const show = process.argv.includes('--points');
const byGenre = new Map<string, number[]>();
for (const doc of readGum()) {
  if (!doc.summary) continue;
  const value = `${doc.title || doc.name}\n\n${doc.paragraphs.map((p) => p.text).join('\n\n')}\n`;
  const essay = await parseEssay(new VFile({ path: `${doc.name}.txt`, value }));
  const chronology = extractChronology(essay, { spelling: false, referenceDate: '2020-01-01' });
  if (chronology.events.length < 4) continue;
  const points = keyPoints(essay, chronology, 'day-month');
  const wanted = lemmas(doc.summary);
  const told = lemmas(points.map((p) => p.text).join(' '));
  const recall = wanted.size ? [...wanted].filter((l) => told.has(l)).length / wanted.size : 0;
  byGenre.set(doc.genre, [...(byGenre.get(doc.genre) ?? []), recall]);
  if (show)
    console.log(
      `${doc.name} ${(100 * recall).toFixed(0)}%\n  summary: ${doc.summary}\n  ${points.map((p) => p.text).join('\n  ')}`,
    );
}
const all = [...byGenre.values()].flat();
const mean = (xs: number[]) => (100 * xs.reduce((a, b) => a + b, 0)) / Math.max(1, xs.length);
for (const [genre, xs] of [...byGenre].sort())
  console.log(`${genre.padEnd(12)} ${xs.length} documents, ${mean(xs).toFixed(1)}%`);
console.log(
  `GUM: ${all.length} documents with key points from events; the human summary's words they tell: ${mean(all).toFixed(1)}%`,
);
