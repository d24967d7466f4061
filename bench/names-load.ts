// What loading the name recogniser costs a cold build: reading and parsing its model and its list of cities, and
// building the lookup the tagger uses. Best of five, each in a fresh process (a module is read once per process).
//
//   npx tsx bench/names-load.ts
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const names = path.join(import.meta.dirname, '..', 'pipeline', 'extract', 'names');
const script = `
  const { readFileSync } = require('node:fs');
  const t = performance.now();
  const model = JSON.parse(readFileSync(${JSON.stringify(path.join(names, 'model.json'))}, 'utf8'));
  const rows = new Map(model.features.split('\\n').map((f, i) => [f, i]));
  const bytes = Buffer.from(model.weights, 'base64');
  const weights = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const cities = new Set(JSON.parse(readFileSync(${JSON.stringify(path.join(names, 'cities.json'))}, 'utf8')));
  console.log(JSON.stringify({ ms: performance.now() - t, features: rows.size, weights: weights.length, cities: cities.size }));
`;
const runs = Array.from({ length: 5 }, () =>
  JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })),
);
const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
console.log(
  `Name recogniser load: ${best.ms.toFixed(1)} ms (best of 5; ${best.features} features, ${best.cities} cities)`,
);
