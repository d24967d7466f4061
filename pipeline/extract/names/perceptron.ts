// An averaged perceptron (Collins 2002) that tags tokens one after another, left to right, each tag seeing the two
// before it: the classic greedy sequence tagger, small and fast enough to load and run on every build.

export interface PerceptronModel {
  labels: string[];
  /** Feature -> one weight per label, as integers (scaled): compact in JSON, exact to reload. */
  weights: Record<string, number[]>;
}

/** Features of the tags already given: what came just before shapes what comes next ("I-" only after "B-"). */
export const historyFeatures = (previous: string, beforeThat: string, word: string) => [
  `t-1=${previous}`,
  `t-2,t-1=${beforeThat},${previous}`,
  `t-1,w=${previous},${word}`,
];

export class Perceptron {
  readonly labels: string[];
  private weights = new Map<string, Float64Array>();
  private totals = new Map<string, Float64Array>();
  private stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(labels: string[], model?: PerceptronModel) {
    this.labels = labels;
    if (model) for (const [f, w] of Object.entries(model.weights)) this.weights.set(f, Float64Array.from(w));
  }

  scores(features: string[]): Float64Array {
    const scores = new Float64Array(this.labels.length);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k]!;
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
  toModel(scale = 1000, floor = 0.002): PerceptronModel {
    const weights: Record<string, number[]> = {};
    for (const [f, w] of this.weights) {
      const totals = this.totals.get(f)!;
      const stamps = this.stamps.get(f)!;
      const average = [...w].map((x, k) => (totals[k]! + (this.instances - stamps[k]!) * x) / this.instances);
      if (average.every((x) => Math.abs(x) < floor)) continue;
      weights[f] = average.map((x) => Math.round(x * scale));
    }
    return { labels: this.labels, weights };
  }
}
