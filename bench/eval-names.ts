// The name recogniser measured by cross-validation on GUM: fit on nine tenths of the documents, score the tenth,
// ten times over. Two scores:
//   spans: each name the tagger finds against GUM's own mentions, exact boundaries and type (the model alone);
//   who's who: the pack's people, organisations and places against each document's gold list
//              (../shared/eval/gum/essays/*.gold.json), as the corpus README scores them.
//
//   npx tsx bench/eval-names.ts [--folds 10] [--errors] [--spans-only]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { extractChronology } from '../pipeline/extract/index.ts';
import { NAME_LABELS, recogniseNames } from '../pipeline/extract/names/index.ts';
import { Perceptron } from '../pipeline/extract/perceptron.ts';
import { parseEssay } from '../pipeline/parse/index.ts';
import { keyPeople } from '../pipeline/views/common.ts';
import { type GumDocument, gumDir, hasGum, readGum } from '../scripts/gum.ts';
import { train, trainingText } from '../scripts/train-names.ts';
import { type GoldList, matches, scoreList, type TypeScore } from './names-score.ts';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const FOLDS = argument('--folds', 10);
const showErrors = process.argv.includes('--errors');
const spansOnly = process.argv.includes('--spans-only');
const rulesOnly = process.argv.includes('--rules');

if (!hasGum()) {
  console.log('eval-names: skipped, ../shared/eval/gum is missing');
  process.exit(0);
}

const docs = readGum();
const texts = new Map(docs.map((d) => [d.name, trainingText(d)]));
const TYPES = ['person', 'organization', 'place'] as const;
const spanTotals = Object.fromEntries(TYPES.map((t) => [t, { found: 0, right: 0, gold: 0 }]));
const listTotals: Record<string, TypeScore> = {};
const byGenre = new Map<string, Record<string, TypeScore>>();
/** Names listed that GUM's own annotation gives the same type somewhere in the document (the gold lists leave out
 * some named entities GUM annotates: "United Nations", "University of Michigan"); and GUM's names against the lists. */
const annotated = Object.fromEntries(TYPES.map((t) => [t, { listed: 0, right: 0, ceiling: { found: 0, right: 0 } }]));
/** Key people: of the documents with salient people (k of them), those whose first min(3, k) are all salient. */
const key = { documents: 0, allSalient: 0, names: 0, salient: 0, misses: [] as string[] };

const add = (into: Record<string, TypeScore>, type: string, s: TypeScore) => {
  const t = (into[type] ??= { found: 0, right: 0, gold: 0, recalled: 0, errors: [] });
  t.found += s.found;
  t.right += s.right;
  t.gold += s.gold;
  t.recalled += s.recalled;
  t.errors.push(...s.errors);
};

// Documents go to folds in turn, in name order, so each fold holds documents of every genre.
for (let fold = 0; fold < FOLDS; fold++) {
  const held = docs.filter((_, i) => i % FOLDS === fold);
  const fitted = new Perceptron(
    NAME_LABELS,
    train(docs.filter((_, i) => i % FOLDS !== fold).map((d) => texts.get(d.name)!)),
  );
  for (const doc of held) {
    scoreSpans(doc, fitted);
    if (!spansOnly) await scoreWhosWho(doc, fitted);
  }
}

const pct = (a: number, b: number) => (b ? a / b : 1).toFixed(2);
console.log(`GUM, ${docs.length} documents, ${FOLDS}-fold cross-validation\n`);
console.log('spans (exact)   precision  recall   F1');
for (const t of TYPES) {
  const s = spanTotals[t]!;
  const p = s.right / (s.found || 1),
    r = s.right / (s.gold || 1);
  console.log(
    `${t.padEnd(14)}  ${p.toFixed(2).padStart(9)}  ${r.toFixed(2).padStart(6)}  ${((2 * p * r) / (p + r || 1)).toFixed(2)}`,
  );
}
if (!spansOnly) {
  console.log("\nwho's who       precision  recall   (listed / right / gold / found)");
  for (const t of TYPES) {
    const s = listTotals[t]!;
    console.log(
      `${t.padEnd(14)}  ${pct(s.right, s.found).padStart(9)}  ${pct(s.recalled, s.gold).padStart(6)}   ${s.found} / ${s.right} / ${s.gold} / ${s.recalled}`,
    );
  }
  console.log(
    "\nwho's who against GUM's own annotation: listed names it types the same (precision), and GUM's own names scored as above (the lists' ceiling)",
  );
  for (const t of TYPES) {
    const a = annotated[t]!;
    console.log(
      `${t.padEnd(14)}  ${pct(a.right, a.listed).padStart(9)}   ceiling ${pct(a.ceiling.right, a.ceiling.found)} (${a.ceiling.right} / ${a.ceiling.found})`,
    );
  }
  console.log('\nby genre        people P/R   organisations P/R   places P/R');
  for (const [genre, scores] of [...byGenre].sort()) {
    const cell = (t: string) => {
      const s = scores[t];
      return s ? `${pct(s.right, s.found)}/${pct(s.recalled, s.gold)}` : '-';
    };
    console.log(
      `${genre.padEnd(14)}  ${cell('person').padEnd(11)}  ${cell('organization').padEnd(18)}  ${cell('place')}`,
    );
  }
  console.log(
    `\nkey people: the first min(3, k) are the k salient people (GUM rank 3 or more) in ${key.allSalient} of ` +
      `${key.documents} documents (${pct(key.allSalient, key.documents)}); ${key.salient} of ${key.names} names (${pct(key.salient, key.names)})`,
  );
  if (showErrors) for (const t of TYPES) for (const e of listTotals[t]!.errors) console.log(e);
  if (showErrors) for (const e of key.misses) console.log(e);
}

function scoreSpans(doc: GumDocument, fitted: Perceptron) {
  const { text, tokens } = texts.get(doc.name)!;
  const found = recogniseNames(text, tokens, fitted);
  const gold: { start: number; end: number; type: string }[] = [];
  let at = 0;
  for (const p of doc.paragraphs) {
    for (const s of p.names) gold.push({ start: at + s.start, end: at + s.end, type: s.type });
    at += p.text.length + 2;
  }
  const key = (s: { start: number; end: number; type: string }) => `${s.start}:${s.end}:${s.type}`;
  const wanted = new Set(gold.map(key));
  for (const t of TYPES) {
    spanTotals[t]!.gold += gold.filter((g) => g.type === t).length;
    for (const f of found.filter((x) => x.type === t)) {
      spanTotals[t]!.found++;
      if (wanted.has(key(f))) spanTotals[t]!.right++;
    }
  }
}

async function scoreWhosWho(doc: GumDocument, fitted: Perceptron) {
  const file = path.join(gumDir, 'essays', `${doc.name}.txt`);
  const gold = JSON.parse(readFileSync(path.join(gumDir, 'essays', `${doc.name}.gold.json`), 'utf8')) as GoldList;
  const essay = await parseEssay(new VFile({ path: file, value: readFileSync(file, 'utf8') }));
  const c = extractChronology(essay, { spelling: false, names: rulesOnly ? null : fitted });
  const genre = byGenre.get(doc.genre) ?? {};
  byGenre.set(doc.genre, genre);
  const lists = { person: c.people, organization: c.organizations, place: c.places };
  const goldKey = { person: 'people', organization: 'organizations', place: 'places' } as const;
  scoreKeyPeople(doc, keyPeople(essay, c));
  for (const t of TYPES) {
    // An academic paper's people are the authors it cites: not scored (the corpus README).
    if (t === 'person' && doc.genre === 'academic') continue;
    const s = scoreList(lists[t], gold[goldKey[t]], `${doc.name} ${t}`);
    add(listTotals, t, s);
    add(genre, t, s);
    const own = [
      ...new Set(
        doc.paragraphs.flatMap((p) => p.names.filter((n) => n.type === t).map((n) => p.text.slice(n.start, n.end))),
      ),
    ];
    annotated[t]!.listed += lists[t].length;
    annotated[t]!.right += lists[t].filter((name) => own.some((v) => matches(name, v))).length;
    const ceiling = scoreList(own, gold[goldKey[t]], '');
    annotated[t]!.ceiling.found += ceiling.found;
    annotated[t]!.ceiling.right += ceiling.right;
  }
}

function scoreKeyPeople(doc: GumDocument, top: string[]) {
  if (doc.genre === 'academic') return;
  const names = new Map<number, Set<string>>();
  for (const p of doc.paragraphs)
    for (const s of p.names) {
      if (s.type !== 'person') continue;
      const set = names.get(s.entity) ?? new Set<string>();
      set.add(p.text.slice(s.start, s.end));
      names.set(s.entity, set);
    }
  // GUM ranks an entity by how many of its five summaries name it: rank 3 or more is what the text is about. Only
  // the people the text names count ("the girls" or "I" cannot be listed).
  const salient = new Set([...doc.salient].filter(([e, rank]) => rank >= 3 && names.has(e)).map(([e]) => e));
  if (salient.size === 0) return;
  // GUM may split one person into two chains ("Joe Biden" in one, "Biden" in another): a salient one that the name
  // matches is the one meant.
  const named = (name: string, set: Set<string>) => set.has(name) || [...set].some((v) => matches(name, v));
  const entityOf = (name: string) =>
    [...names].find(([e, set]) => salient.has(e) && named(name, set))?.[0] ??
    [...names].find(([, set]) => named(name, set))?.[0];
  const wanted = top.slice(0, Math.min(3, salient.size));
  key.documents++;
  let right = 0;
  for (const name of wanted) {
    key.names++;
    const entity = entityOf(name);
    if (entity !== undefined && salient.has(entity)) right++;
    else key.misses.push(`${doc.name} key people: "${name}" is not one of its ${salient.size} salient people`);
  }
  key.salient += right;
  if (right === wanted.length && wanted.length === Math.min(3, salient.size)) key.allSalient++;
}
