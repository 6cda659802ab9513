/**
 * Reductions of one group's values, for `GroupedTable.aggregate`: each takes the group's known values (a
 * Float64Array view, in row order, NaN never in it) and returns a number, or NaN for "no value".
 */

/** A user's reduction of one group's values (known values in row order) to a number; null for "no value". */
export type Reducer = (values: Float64Array) => number | null;

/**
 * The p-quantile by linear interpolation between order statistics (Hyndman and Fan's type 7, the default of R's
 * `quantile` and numpy's `percentile`): h = (n − 1)·p, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). Sorts `values`
 * in place.
 *
 * @example
 * quantileOf(Float64Array.of(4, 1, 3, 2), 0.5) // 2.5
 */
export function quantileOf(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  values.sort();
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return values[lo]! + (h - lo) * (values[hi]! - values[lo]!);
}

/** Runs a user's reducer and turns null, undefined and non-finite results into NaN (missing). */
export function runReducer(reducer: Reducer, values: Float64Array): number {
  const v = reducer(values);
  return typeof v === "number" && Number.isFinite(v) ? v : NaN;
}
