/** Small statistics shared by the indicators. Missing values (null) are never silently dropped: callers decide. */

/** Σ x. */
export function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Σ w·x / Σ w; null when the weights sum to 0. */
export function weightedMean(values: readonly number[], weights?: readonly number[]): number | null {
  if (values.length === 0) return null;
  if (!weights) return sum(values) / values.length;
  let sw = 0;
  let swx = 0;
  values.forEach((v, i) => {
    sw += weights[i]!;
    swx += weights[i]! * v;
  });
  return sw === 0 ? null : swx / sw;
}

/** A finite number, or null (never NaN or ±Infinity). */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
