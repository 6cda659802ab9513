/**
 * Levenshtein distance (insertions, deletions, substitutions, each 1), case-insensitive. Twelve lines, so no
 * dependency for it.
 *
 * @example
 * editDistance("Alder", "Ålder"); // 1
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The valid names closest to `wanted` (smallest edit distance first; names that contain it, or that it contains,
 * count as distance 1), at most `count` of them.
 *
 * @example
 * nearest("Regon", ["Region", "Kon", "Tid"]); // ["Region", "Kon", "Tid"]
 */
export function nearest(wanted: string, valid: readonly string[], count = 3): string[] {
  const w = wanted.toLowerCase();
  return valid
    .map((name) => {
      const n = name.toLowerCase();
      const contains = w.length > 0 && (n.includes(w) || w.includes(n));
      return { name, distance: contains ? Math.min(1, editDistance(w, n)) : editDistance(w, n) };
    })
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, count)
    .map((x) => x.name);
}

/** `"Regon"` → `the nearest: "Region", "Kon"` (for a hint). */
export function nearestHint(wanted: string, valid: readonly string[], what: string): string {
  if (valid.length === 0) return `there are no ${what}`;
  return `the nearest ${what}: ${nearest(wanted, valid)
    .map((n) => JSON.stringify(n))
    .join(", ")}`;
}
