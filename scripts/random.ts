// A seeded source of random numbers for the training scripts: the same seed gives the same order, and so the same
// model, byte for byte.

/** Mulberry32: a small seeded generator, so the order of training (and so the model) is the same every run. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
