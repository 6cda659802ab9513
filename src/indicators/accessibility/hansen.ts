import { known } from "../util/missing.ts";
import { finite } from "../util/stats.ts";
import { attraction, checkMatrix, decay, type DecayKind } from "./decay.ts";

export interface HansenOptions {
  /** Distance decay: "power" f(d) = d^λ (default) or "exponential" f(d) = e^(λd). */
  decay?: DecayKind;
  /** λ, default −2 (REAT's default). */
  lambda?: number;
  /** Weighting of the opportunities: "power" A^γ (default) or "exponential" e^(γA). */
  attraction?: DecayKind;
  /** γ, default 1. */
  gamma?: number;
  /** Count the origin's own zone (the diagonal, i = j; default true). REAT: `extract_local = FALSE`. */
  includeOwn?: boolean;
  /** Leave out destinations farther than this (REAT's `dist_max`). */
  maxDistance?: number;
  /** Added to every distance before decay (REAT's `dist_const`), e.g. an internal distance so that d > 0. */
  distanceConstant?: number;
}

export interface HansenResult {
  /** A_i for each origin; null when a needed value is missing. */
  accessibility: (number | null)[];
  /** Missing distances or opportunities per origin (they make A_i null). */
  missing: number[];
}

/**
 * Hansen (1959) accessibility of each origin i to opportunities A_j at distances d_ij:
 *
 *     A_i = Σ_j g(A_j)·f(d_ij + c),   g(A) = A^γ or e^(γA),   f(d) = d^λ or e^(λd)
 *
 * over the destinations within `maxDistance` (and without j = i when `includeOwn` is false; the diagonal is
 * the own zone only when origins and destinations are the same list). With a power decay a distance of 0
 * would give an infinite term: pass `distanceConstant` or leave out the own zone. A missing distance or
 * opportunity makes A_i null rather than dropping the term.
 *
 * @example
 * hansen([[1, 2], [2, 1]], [100, 50]).accessibility // [100 + 50/4, 100/4 + 50] = [112.5, 75]
 */
export function hansen(
  distances: readonly (readonly (number | null)[])[],
  opportunities: readonly (number | null)[],
  options: HansenOptions = {},
): HansenResult {
  checkMatrix(distances, opportunities.length, "opportunities");
  const lambda = options.lambda ?? -2;
  const gamma = options.gamma ?? 1;
  const c = options.distanceConstant ?? 0;
  const square = distances.length === opportunities.length;
  const missing: number[] = [];
  const accessibility = distances.map((row, i) => {
    let total = 0;
    let gaps = 0;
    row.forEach((d, j) => {
      if (square && i === j && options.includeOwn === false) return;
      const a = opportunities[j];
      if (!known(d) || !known(a)) {
        gaps++;
        return;
      }
      if (options.maxDistance !== undefined && d > options.maxDistance) return;
      total += attraction(a, options.attraction ?? "power", gamma) * decay(d + c, options.decay ?? "power", lambda);
    });
    missing.push(gaps);
    return gaps > 0 ? null : finite(total);
  });
  return { accessibility, missing };
}
