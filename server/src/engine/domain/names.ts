/**
 * Name matching shared by every domain table: normalization (case, `_`, spaces) and did-you-mean.
 */

/** Normalizes a name for matching: lower case, `_` and spaces as `-`, trimmed. */
export function normalizeName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insert, delete, substitute, swap adjacent. */
export function editDistance(a: string, b: string): number {
  const n = a.length,
    m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => {
    const row = new Array<number>(m + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
}

/**
 * Did-you-mean: the candidates closest to `name` (both normalized), edit distance ≤ max(2, ⌊len/3⌋)
 * where len is the normalized name's length; sorted by distance, then by candidate order. Returns the
 * candidates as given (deduplicated by normalized form), at most `max` (default 3).
 */
export function nearestNames(name: string, candidates: string[], max = 3): string[] {
  const q = normalizeName(name);
  if (!q) return [];
  const limit = Math.max(2, Math.floor(q.length / 3));
  const seen = new Set<string>();
  const scored: { c: string; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const n = normalizeName(c);
    if (seen.has(n)) return;
    seen.add(n);
    // skip candidates whose length alone rules them out
    if (Math.abs(n.length - q.length) > limit) return;
    const d = editDistance(q, n);
    if (d <= limit) scored.push({ c, d, i });
  });
  scored.sort((x, y) => x.d - y.d || x.i - y.i);
  return scored.slice(0, Math.max(0, max)).map((s) => s.c);
}

/** The offline metrics to suggest first for each task type (all fit the type and carry their cutoff). */
