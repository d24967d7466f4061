// "did you mean ...?" for a misspelt key: the known word nearest to what was typed, if it is near enough.

/** Edits between two short words, a swap of two neighbours counting as one ("biuld" is one from "build"). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The known key `typed` most likely means: a shared start of three letters, or at most a third of it mistyped. */
export function didYouMean(typed: string, known: readonly string[]): string | null {
  const lower = typed.toLowerCase();
  const scored = known.map((k) => ({ k, d: distance(lower, k.toLowerCase()) })).sort((a, b) => a.d - b.d);
  const best = scored.find(
    ({ k, d }) =>
      d <= Math.max(1, Math.floor(k.length / 3)) || k.startsWith(lower.slice(0, 3)) || lower.startsWith(k.slice(0, 3)),
  );
  return best?.k ?? null;
}
