// An averaged perceptron (Collins 2002): a linear classifier over string features, trained one decision at a time,
// small and fast enough to load and run on every build. The name tagger and the dependency parser each learn one.

export interface PerceptronModel {
  labels: string[];
  /** The features, one per line, in the order of the weights' rows ... */
  features: string;
  /** ... or, in a hashed model, the features' 32-bit hashes in ascending order, as a Uint32Array in base64: a
   * fifth of the size, and no table of strings in memory (a collision among 50,000 features is unlikely). */
  hashes?: string;
  /** One row per feature and one column per label of integer weights (scaled), as an Int32Array in base64: read in a
   * few milliseconds, where an object of 40,000 arrays takes 80. */
  weights: string;
}

export class Perceptron {
  readonly labels: string[];
  private weights = new Map<string, Float64Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private instances = 0;

  /** A trained model's rows (feature -> row, or the sorted hashes whose positions are the rows) and weights. */
  private rows: Map<string, number> | null = null;
  private hashes: Uint32Array | null = null;
  private table: Int32Array = new Int32Array(0);

  constructor(labels: string[], model?: PerceptronModel) {
    this.labels = labels;
    if (!model) return;
    if (model.hashes) {
      const bytes = Buffer.from(model.hashes, 'base64');
      this.hashes = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    } else this.rows = new Map(model.features.split('\n').map((f, i) => [f, i]));
    const bytes = Buffer.from(model.weights, 'base64');
    this.table = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }

  scores(features: string[]): Float64Array {
    const n = this.labels.length;
    const scores = new Float64Array(n);
    for (const f of features) {
      if (this.rows || this.hashes) {
        const row = this.rows ? this.rows.get(f) : rowOfHash(this.hashes!, hashOf(f));
        if (row !== undefined) for (let k = 0; k < n; k++) scores[k]! += this.table[row * n + k]!;
        continue;
      }
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < n; k++) scores[k]! += w[k]!;
    }
    return scores;
  }

  /** The scores of the last prediction, one per label. */
  lastScores: Float64Array = new Float64Array(0);

  /** The best label allowed here: an "I-x" only continues an "x". */
  predict(features: string[], previous: string): number {
    const scores = this.scores(features);
    this.lastScores = scores;
    let best = 0;
    for (let k = 1; k < scores.length; k++) {
      const label = this.labels[k]!;
      if (label.startsWith('I-') && previous.slice(2) !== label.slice(2)) continue;
      if (scores[k]! > scores[best]!) best = k;
    }
    return best;
  }

  update(features: string[], truth: number, guess: number): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      let w = this.weights.get(f);
      if (!w) {
        w = new Float64Array(this.labels.length);
        this.weights.set(f, w);
        this.totals.set(f, new Float64Array(this.labels.length));
        this.stamps.set(f, new Float64Array(this.labels.length));
      }
      const totals = this.totals.get(f)!;
      const stamps = this.stamps.get(f)!;
      for (const [k, delta] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        totals[k]! += (this.instances - stamps[k]!) * w[k]!;
        stamps[k] = this.instances;
        w[k]! += delta;
      }
    }
  }

  /** The averaged weights, scaled to integers; weights too small to change a decision are left out. */
  toModel(scale = 1000, floor = 0.002, hashed = false): PerceptronModel {
    const kept: { feature: string; weights: number[] }[] = [];
    for (const [f, w] of this.weights) {
      const totals = this.totals.get(f)!;
      const stamps = this.stamps.get(f)!;
      const average = [...w].map((x, k) => (totals[k]! + (this.instances - stamps[k]!) * x) / this.instances);
      if (average.every((x) => Math.abs(x) < floor) || f.includes('\n')) continue;
      kept.push({ feature: f, weights: average.map((x) => Math.round(x * scale)) });
    }
    if (hashed) kept.sort((a, b) => hashOf(a.feature) - hashOf(b.feature));
    const base64 = (array: Int32Array | Uint32Array) => Buffer.from(array.buffer).toString('base64');
    return {
      labels: this.labels,
      features: hashed ? '' : kept.map((k) => k.feature).join('\n'),
      ...(hashed ? { hashes: base64(Uint32Array.from(kept, (k) => hashOf(k.feature))) } : {}),
      weights: base64(Int32Array.from(kept.flatMap((k) => k.weights))),
    };
  }
}

/** FNV-1a, 32 bits: a feature's place in a hashed model. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The row of a hash among sorted hashes, found by halving; undefined when the model has no such feature. */
function rowOfHash(hashes: Uint32Array, hash: number): number | undefined {
  let lo = 0;
  let hi = hashes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = hashes[mid]!;
    if (at === hash) return mid;
    if (at < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
