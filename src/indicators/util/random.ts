/**
 * A small deterministic generator (mulberry32), so that intervals are the same on every run.
 *
 * @example
 * const random = mulberry32(1);
 * random(); // a number in [0, 1), the same on every run with seed 1
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The q-quantile of values by linear interpolation between the order statistics (type 7, R's default):
 * x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)) with h = q·(n − 1).
 *
 * @example
 * quantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  return sorted[lo]! + (at - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}
