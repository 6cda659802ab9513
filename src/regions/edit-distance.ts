/**
 * The Levenshtein distance between two strings: the fewest insertions, deletions and substitutions of one character
 * that turn `a` into `b` (Wagner-Fischer, one row of the table kept). Written here rather than taken from a package:
 * it is a dozen lines, and the only one installed (fast-levenshtein) comes in with the linter, not as a dependency.
 *
 * @example
 * editDistance("2O21", "2021")     // 1
 * editDistance("vansbo", "vansbro") // 1
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[t.length]!;
}
