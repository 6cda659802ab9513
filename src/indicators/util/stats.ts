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

/**
 * Variance with `ddof` delta degrees of freedom: Σ(x − x̄)²/(n − ddof). `ddof: 0` is the population variance (the
 * default), `ddof: 1` the sample variance. Missing values (null, NaN) are left out. Null when n ≤ ddof.
 *
 * @example
 * variance([1, 2, 3, 4]) // 1.25;  variance([1, 2, 3, 4], 1) // 1.6667
 */
export function variance(all: readonly (number | null | undefined)[], ddof = 0): number | null {
  const values = all.filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
  const n = values.length;
  if (n <= ddof || n === 0) return null;
  const mean = sum(values) / n;
  return finite(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - ddof));
}

/** Standard deviation √variance(values, ddof) (population with `ddof: 0`, sample with `ddof: 1`). */
export function standardDeviation(values: readonly (number | null | undefined)[], ddof = 0): number | null {
  const v = variance(values, ddof);
  return v === null ? null : Math.sqrt(v);
}
