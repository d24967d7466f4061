// Trains the dependency parser (pipeline/extract/parser/) on GUM's trees and writes its model file; with --folds,
// measures it by cross-validation over documents instead (attachment scores on documents it did not learn from).
//
//   npm run train:parser              # all 106 documents of ../shared/eval/gum -> pipeline/extract/parser/model.json
//   npx tsx scripts/train-parser.ts --folds 5
//
// The parser learns from the parts of speech the build will give it (the tagger's, not GUM's own), so its mistakes
// in use are the ones it learned with. Seeded and deterministic. GUM: Zeldes (2017), annotations CC BY 4.0 (NOTICE).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstTokenAt, tag } from '../pipeline/extract/language.ts';
import { MOVES, mendRelatives, parse, type Word } from '../pipeline/extract/parser/index.ts';
import { Perceptron, type PerceptronModel } from '../pipeline/extract/perceptron.ts';
import { gumDir, hasGum } from './gum.ts';
import { random } from './random.ts';

export interface TreeSentence {
  words: Word[];
  /** Each word's head, -1 for the root. */
  heads: number[];
}

/** The sentences of one CoNLL-U document, each word with the part of speech the tagger gives it in its sentence. */
export function readTrees(source: string): TreeSentence[] {
  const out: TreeSentence[] = [];
  for (const block of source.split(/\n\s*\n/)) {
    const text = /^# text = (.*)$/m.exec(block)?.[1];
    const rows = block
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c.length >= 10 && /^\d+$/.test(c[0]!));
    if (!text || !rows.length) continue;
    const tokens = tag(text);
    let at = 0;
    const words = rows.map((c) => {
      const found = text.indexOf(c[1]!, at);
      const start = found >= 0 ? found : at;
      at = found >= 0 ? start + c[1]!.length : at;
      const token = tokens[Math.min(firstTokenAt(tokens, start), tokens.length - 1)];
      return { text: c[1]!, pos: token?.pos ?? 'X' };
    });
    out.push({ words, heads: rows.map((c) => Number(c[6]) - 1) });
  }
  return out;
}

export function readGumTrees(): { name: string; sentences: TreeSentence[] }[] {
  const folder = path.join(gumDir, 'conllu');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.conllu'))
    .sort()
    .map((f) => ({ name: f, sentences: readTrees(readFileSync(path.join(folder, f), 'utf8')) }));
}

export const EPOCHS = Number(process.env.EPOCHS ?? 8);

export function train(sentences: TreeSentence[], epochs = EPOCHS, seed = 1): PerceptronModel {
  const perceptron = new Perceptron([...MOVES]);
  const next = random(seed);
  const order = [...sentences];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const s of order) parse(perceptron, s.words, s.heads, epoch > 0);
  }
  // Weights that average under 2 are left out: the model shrinks from 10 MB to 1.2 and loses 0.7 points of attachment
  // (measured on a third of GUM held out). The features are kept as hashes: no table of 50,000 strings in memory.
  return perceptron.toModel(1000, 2, true);
}

/** Words whose head the parser finds, punctuation left out as is usual. */
export function attachment(model: PerceptronModel, sentences: TreeSentence[]): { right: number; words: number } {
  const perceptron = new Perceptron([...MOVES], model);
  let right = 0;
  let words = 0;
  for (const s of sentences) {
    const heads = mendRelatives(s.words, parse(perceptron, s.words));
    s.words.forEach((w, i) => {
      if (w.pos === 'PUNCT') return;
      words++;
      if (heads[i] === s.heads[i]) right++;
    });
  }
  return { right, words };
}

if (process.argv[1] === import.meta.filename) {
  if (!hasGum()) {
    console.error('train-parser: ../shared/eval/gum is missing: the training data is read from there');
    process.exit(2);
  }
  const started = performance.now();
  const docs = readGumTrees();
  const args = process.argv.slice(2);
  const folds = args.includes('--folds') ? Number(args[args.indexOf('--folds') + 1]) : 0;
  if (folds > 1) {
    let right = 0;
    let words = 0;
    for (let k = 0; k < folds; k++) {
      const held = docs.filter((_, i) => i % folds === k).flatMap((d) => d.sentences);
      const model = train(docs.filter((_, i) => i % folds !== k).flatMap((d) => d.sentences));
      const score = attachment(model, held);
      console.log(
        `fold ${k + 1}/${folds}: UAS ${((100 * score.right) / score.words).toFixed(1)} (${score.words} words)`,
      );
      right += score.right;
      words += score.words;
    }
    console.log(
      `cross-validated UAS ${((100 * right) / words).toFixed(1)} over ${words} words, ${docs.length} documents`,
    );
  } else {
    const sentences = docs.flatMap((d) => d.sentences);
    const model = train(sentences);
    const out = path.join(import.meta.dirname, '..', 'pipeline', 'extract', 'parser', 'model.json');
    writeFileSync(out, `${JSON.stringify(model)}\n`);
    const bytes = Buffer.from(model.hashes!, 'base64');
    const hashes = [...new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))];
    console.log(
      `train-parser: ${docs.length} documents, ${sentences.length} sentences, ` +
        `${hashes.length} features (${new Set(hashes).size} hashes), ` +
        `${(JSON.stringify(model).length / 1e6).toFixed(2)} MB, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s -> ${path.relative(process.cwd(), out)}`,
    );
  }
}
