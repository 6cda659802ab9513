import { known, type Maybe } from "../util/missing.ts";
import { finite } from "../util/stats.ts";

/**
 * Mean squared successive difference of a series in time order (docs/methods.md §7.5; von Neumann, Kent,
 * Bellinson and Hart 1941; REAT's `mssd`):
 *
 *     δ² = Σ_{t=2..n} (x_t − x_{t−1})² / (n − 1)
 *
 * the volatility of a series from one period to the next, which the variance does not see (two series with the
 * same values in another order have the same variance but not the same δ²). A missing value breaks the series:
 * null, as for fewer than two values.
 *
 * @example
 * meanSquaredSuccessiveDifference([10, 10, 10, 20, 20, 20, 30, 30, 30]) // 200/8 = 25
 */
export function meanSquaredSuccessiveDifference(series: readonly Maybe[]): number | null {
  if (series.length < 2 || !series.every(known)) return null;
  const x = series as readonly number[];
  let s = 0;
  for (let t = 1; t < x.length; t++) s += (x[t]! - x[t - 1]!) ** 2;
  return finite(s / (x.length - 1));
}
