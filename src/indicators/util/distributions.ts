import betainc from "@stdlib/math-base-special-betainc";
import { finite } from "./stats.ts";

/**
 * Upper-tail probabilities of the t and F distributions, computed directly as regularised incomplete beta
 * functions, never as 1 − cdf (which loses every digit of a p value below about 1e-16):
 *
 *     P(|T| > t) = I_x(ν/2, 1/2),            x = ν/(ν + t²)
 *     P(F > f)   = I_x(ν₂/2, ν₁/2),          x = ν₂/(ν₂ + ν₁·f)
 *
 * I_x is stdlib's `betainc` (@stdlib/math-base-special-betainc, a port of Boost's ibeta: DiDonato and Morris'
 * algorithm with continued fractions and series, accurate to a few ulps), which computes the lower tail of a
 * small x without cancellation. Against 60-digit mpmath the p values agree to better than 1e-12 relative,
 * tails of 1e-174 included (tests/indicators/p-values.test.ts). jStat's incomplete beta, used before, agreed
 * only to about 1e-8 at 400 degrees of freedom and gave 0 below 1e-16. Size: stdlib's betainc and its helpers
 * are 77 kB of the root entry's minified browser bundle (jStat, which it replaced, bundles to 52 kB alone).
 */

/**
 * Two-sided p value of a t statistic with `df` degrees of freedom: P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2). Null for
 * a t that is not finite (a perfect fit) or df ≤ 0.
 *
 * @example
 * tPValue(2, 5) // 0.10193947882985836
 */
export function tPValue(t: number, df: number): number | null {
  if (!Number.isFinite(t) || !(df > 0)) return null;
  return finite(Math.min(1, betainc(df / (df + t * t), df / 2, 0.5, true, false)));
}

/**
 * Upper-tail p value of an F statistic: P(F(df1, df2) > f) = I_{ν₂/(ν₂+ν₁f)}(ν₂/2, ν₁/2); 1 for f ≤ 0,
 * null for an f that is not finite or a df ≤ 0.
 *
 * @example
 * fPValue(18, 1, 9) // 0.0021658395350978708
 */
export function fPValue(f: number, df1: number, df2: number): number | null {
  if (!Number.isFinite(f) || !(df1 > 0) || !(df2 > 0)) return null;
  if (f <= 0) return 1;
  return finite(betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false));
}
