import { OmvarldError } from "../../errors.ts";
import { complete, type Maybe } from "../util/missing.ts";
import { finite, sum } from "../util/stats.ts";
import type { Distribution } from "./inequality.ts";

/**
 * Coulter coefficient (docs/methods.md §7.5; Coulter 1989, as Portnov and Felsenstein 2010 and REAT's `coulter`):
 * the Euclidean distance between the regions' shares of the total and their shares of the weight,
 *
 *     CC = √( Σ_i (x_i/X − w_i/W)² / 2 ),   X = Σ x_i, W = Σ w_i   (unweighted: w_i/W = 1/n)
 *
 * 0 when every region has its share, up to 1 when one region has everything and another all the weight. Pairs
 * with a missing value or weight are left out. Null when X or W is not positive or a value is negative.
 *
 * @example
 * coulter({ values: [400, 400, 400, 400], weights: [1, 1, 1, 200] }) // 0.6003
 */
export function coulter(d: Distribution): number | null {
  if (d.weights && d.weights.length !== d.values.length)
    throw new OmvarldError("ARGUMENT", `${d.values.length} values but ${d.weights.length} weights`);
  const { x, w } = complete(d.values, d.weights);
  const X = sum(x);
  const W = sum(w);
  if (x.length === 0 || !(X > 0) || !(W > 0) || x.some((v) => v < 0) || w.some((v) => v < 0)) return null;
  return finite(Math.sqrt(sum(x.map((v, i) => (v / X - w[i]! / W) ** 2)) / 2));
}

/**
 * Dalton's index in REAT's form (docs/methods.md §7.5; Dalton 1920; Portnov and Felsenstein 2010):
 * δ = ln μ / ln g, the log of the arithmetic mean over the log of the geometric mean g = exp(Σ ln x_i / n).
 * 1 for equal values and larger the more unequal they are; 1 − 1/δ = 1 − ln g/ln μ is Dalton's welfare loss with a
 * logarithmic utility. Unlike the Gini it depends on the unit (ln μ changes with it). Missing values are left out;
 * null when a value is not positive or g = 1 (ln g = 0).
 *
 * @example
 * dalton([10, 1, 1, 1]) // ln 3.25 / ln 10^¼ = 2.0475
 */
export function dalton(values: readonly Maybe[]): number | null {
  const { x } = complete(values);
  if (x.length === 0 || x.some((v) => v <= 0)) return null;
  const lnMean = Math.log(sum(x) / x.length);
  const lnGeometric = sum(x.map(Math.log)) / x.length;
  return lnGeometric === 0 ? null : finite(lnMean / lnGeometric);
}
