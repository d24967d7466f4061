// "did you mean ...?" for a misspelt key: the known word nearest to what was typed, if it is near enough.

/** Levenshtein distance, for short keys. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
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
