import jStatModule from "jstat";

// jstat ships no types: tsc reads src/types/jstat.d.ts, Deno infers a type from the JavaScript that lacks the
// distributions, so the part used is stated here for both
interface Distribution {
  cdf(x: number, ...parameters: number[]): number;
  inv(p: number, ...parameters: number[]): number;
}
const jStat = jStatModule as unknown as { studentt: Distribution; centralF: Distribution; normal: Distribution };
import { finite } from "./stats.ts";

/**
 * Tail probabilities of the t, F and normal distributions, from jStat (a maintained, dependency-free statistics
 * library; its incomplete beta function agrees with R's pt/pf to about 1e-10).
 */

/** Two-sided p value of a t statistic with `df` degrees of freedom: 2·P(T > |t|). */
export function tPValue(t: number, df: number): number | null {
  if (!Number.isFinite(t) || !(df > 0)) return null;
  return finite(Math.min(1, 2 * (1 - jStat.studentt.cdf(Math.abs(t), df))));
}

/** Upper-tail p value of an F statistic: P(F(df1, df2) > f). */
export function fPValue(f: number, df1: number, df2: number): number | null {
  if (!Number.isFinite(f) || !(df1 > 0) || !(df2 > 0)) return null;
  return finite(1 - jStat.centralF.cdf(f, df1, df2));
}

/** The t quantile with `df` degrees of freedom (for confidence intervals), e.g. tQuantile(0.975, 10) ≈ 2.228. */
export function tQuantile(p: number, df: number): number | null {
  return df > 0 && p > 0 && p < 1 ? finite(jStat.studentt.inv(p, df)) : null;
}

/** Standard normal distribution function Φ(z). */
export function normalCdf(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}
