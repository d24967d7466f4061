// Trains the name recogniser (pipeline/extract/names/) on GUM and writes its model file.
//
//   npm run train            # all 106 documents of ../shared/eval/gum -> pipeline/extract/names/model.json
//
// Seeded and deterministic: the same corpus gives the same model, byte for byte. bench/eval-names.ts measures the
// same training by cross-validation. GUM: Zeldes (2017), annotations CC BY 4.0 (see NOTICE).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tag } from '../pipeline/extract/language.ts';
import { labelsOf, NAME_LABELS, tagSequence } from '../pipeline/extract/names/index.ts';
import { Perceptron, type PerceptronModel } from '../pipeline/extract/perceptron.ts';
import { type GumDocument, hasGum, readGum } from './gum.ts';
import { random } from './random.ts';

export interface TrainingText {
  text: string;
  tokens: ReturnType<typeof tag>;
  truth: number[];
}

/** A document as the build reads an essay: its paragraphs joined by blank lines, tagged at once. */
export function trainingText(doc: GumDocument): TrainingText {
  let text = '';
  const spans: Parameters<typeof labelsOf>[1] = [];
  for (const p of doc.paragraphs) {
    if (text) text += '\n\n';
    for (const s of p.names) spans.push({ start: text.length + s.start, end: text.length + s.end, type: s.type });
    text += p.text;
  }
  const tokens = tag(text);
  return { text, tokens, truth: labelsOf(tokens, spans) };
}

export const EPOCHS = Number(process.env.EPOCHS ?? 8);

export function train(texts: TrainingText[], epochs = EPOCHS, seed = 1): PerceptronModel {
  const perceptron = new Perceptron(NAME_LABELS);
  const next = random(seed);
  const order = [...texts];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const t of order) tagSequence(perceptron, t.text, t.tokens, t.truth);
  }
  return perceptron.toModel();
}

if (process.argv[1] === import.meta.filename) {
  if (!hasGum()) {
    console.error('train: ../shared/eval/gum is missing: the training data is read from there');
    process.exit(2);
  }
  const started = performance.now();
  const texts = readGum().map(trainingText);
  const model = train(texts);
  const out = path.join(import.meta.dirname, '..', 'pipeline', 'extract', 'names', 'model.json');
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  const size = JSON.stringify(model).length;
  console.log(
    `train: ${texts.length} documents, ${texts.reduce((n, t) => n + t.tokens.length, 0)} tokens, ` +
      `${model.features.split('\n').length} features, ${(size / 1e6).toFixed(2)} MB, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s -> ${path.relative(process.cwd(), out)}`,
  );
}
