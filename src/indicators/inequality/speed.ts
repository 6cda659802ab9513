import { OmvarldError } from "../../errors.ts";
import { finite } from "../util/stats.ts";

/**
 * The speed of convergence and the half-life implied by a β-convergence coefficient over a span of `years`
 * (docs/methods.md §7.5; Barro and Sala-i-Martin 1992): with β = −(1 − e^(−λT))/T,
 *
 *     λ = −ln(1 + β·T)/T,   half-life = ln 2/λ
 *
 * For T = 1 this is REAT's `betaconv.speed` (−ln(1 + β)/T, which holds only for T = 1). λ is null when
 * 1 + βT ≤ 0; the half-life is null when λ ≤ 0 (no convergence).
 *
 * @example
 * convergenceSpeed(-0.008070533, 1) // { speed: 0.0081033, halfLife: 85.54 }
 */
export function convergenceSpeed(beta: number, years: number): { speed: number | null; halfLife: number | null } {
  if (!(years > 0)) throw new OmvarldError("ARGUMENT", `the span must be positive, got ${years} years`);
  const speed = Number.isFinite(beta) && 1 + beta * years > 0 ? finite(-Math.log1p(beta * years) / years) : null;
  return { speed, halfLife: speed !== null && speed > 0 ? Math.LN2 / speed : null };
}
