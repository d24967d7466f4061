// The tagger's English model (wink-eng-lite-web-model), loaded faster. Its own loader parses 3 MB of JSON, copies it
// whole (JSON.stringify, then JSON.parse again) and decodes its base64 tables a character at a time: ~210 ms on the
// way to every cold build's first print. This one builds the same core model from one parse and Node's base64
// decoder; a test checks the two agree, field for field. The package's index is not loaded at all: it requires its
// core loader, which parses the 3 MB at once (~30 ms) for a model this one replaces.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type model from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);
const CORE = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
/** A part of the package, as its index (dist/model.js) requires it. */
const part = (name: string) => require(`wink-eng-lite-web-model/dist/${name}.js`);

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

/** What the package's dist/load-core-model.js returns. */
export function loadCoreModel() {
  const core = JSON.parse(readFileSync(CORE, 'utf8'));
  const layout: Record<string, number[]> = core.packing.layout;
  const features: Record<string, Feature> = core.features;
  core.lexicon = words(core.lexicon);
  core.xpansions = words(core.xpansions);
  core.packing.efList = [];
  for (const name in layout) {
    const [, bits = 0, shift = 0, packed, extensible] = layout[name]!;
    const feature = features[name]!;
    if (packed === 0) {
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.index = feature.list.length;
      feature.maxIndex = bits >>> shift;
    }
    if (extensible === 1) core.packing.efList.push(name);
  }
  const lexeme = features.lexeme!;
  lexeme.hash = indexOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.index = lexeme.list.length;
  const tags: Record<string, number> = core.pos.hash;
  const clusters = features.posClusters!.list as unknown as (string | Set<number>)[];
  for (let k = 0; k < clusters.length; k++)
    clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => tags[tag] || 0));
  return core;
}

/** Base64 to 32-bit words, in a buffer of their own (a Uint32Array needs its offset aligned). */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function indexOf(list: string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/** The package's model, put together as its index does, with the faster core loader. */
export const englishModel = {
  core: loadCoreModel,
  sbd: part('load-sbd-model'),
  pos: part('load-pos-model'),
  ner: part('load-ner-model'),
  negation: part('load-negation-model'),
  sa: part('load-sa-model'),
  metaCER: part('load-cer-meta-model'),
  featureFn: part('feature'),
  addons: Object.assign(Object.create(null), {
    stem: part('porter-stemmer'),
    lemmatize: part('lemmatize'),
    readabilityStats: part('readability-stats'),
    wordVectors: undefined,
  }),
} as typeof model;
