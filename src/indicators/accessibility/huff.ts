import { OmvarldError } from "../../errors.ts";
import { known } from "../util/missing.ts";
import { finite } from "../util/stats.ts";
import { attraction, checkMatrix, decay, type DecayKind } from "./decay.ts";

export interface HuffOptions {
  /** γ, the weight of attractiveness (default 1). */
  gamma?: number;
  /** λ, the distance decay (default −2; REAT's default). */
  lambda?: number;
  /** "power" (default) or "exponential" attraction and decay functions, as in `hansen`. */
  attraction?: DecayKind;
  decay?: DecayKind;
  /** Purchasing power (or population) of each origin: then `expected` and `sales` are computed. */
  demand?: readonly (number | null)[];
}

export interface HuffResult {
  /** p_ij: the share of origin i's customers that goes to location j; each row sums to 1 (null where missing). */
  shares: (number | null)[][];
  /** E_ij = p_ij·C_i, with `demand`. */
  expected: (number | null)[][] | null;
  /** Σ_i E_ij per location, and each location's share of the total, with `demand`. */
  sales: (number | null)[] | null;
  marketShares: (number | null)[] | null;
}

/**
 * Huff (1962, 1964) model of market areas: the probability that a customer in origin i shops in location j,
 *
 *     p_ij = U_ij / Σ_k U_ik,   U_ij = A_j^γ · d_ij^λ   (or e^(γA_j), e^(λd_ij))
 *
 * and with the origins' purchasing power C_i the expected sales E_j = Σ_i p_ij·C_i (REAT's `huff`, output
 * "total"). A missing distance or attractiveness in a row makes that origin's shares null (never renormalised
 * over the rest).
 *
 * @example
 * huff([[1, 2]], [100, 100]).shares // [[0.8, 0.2]]: four times the pull at half the distance (λ = −2)
 */
export function huff(
  distances: readonly (readonly (number | null)[])[],
  attractiveness: readonly (number | null)[],
  options: HuffOptions = {},
): HuffResult {
  checkMatrix(distances, attractiveness.length, "locations");
  if (options.demand && options.demand.length !== distances.length) {
    throw new OmvarldError("ARGUMENT", `demand has ${options.demand.length} values for ${distances.length} origins`);
  }
  const gamma = options.gamma ?? 1;
  const lambda = options.lambda ?? -2;
  const shares = distances.map((row) => {
    if (!row.every(known) || !attractiveness.every(known)) return row.map(() => null);
    const u = row.map(
      (d, j) =>
        attraction(attractiveness[j]!, options.attraction ?? "power", gamma) *
        decay(d!, options.decay ?? "power", lambda),
    );
    const total = u.reduce((s, v) => s + v, 0);
    return u.map((v) => (total > 0 ? finite(v / total) : null));
  });
  if (!options.demand) return { shares, expected: null, sales: null, marketShares: null };
  const demand = options.demand;
  const expected = shares.map((row, i) => row.map((p) => (p === null || !known(demand[i]) ? null : p * demand[i]!)));
  const sales = attractiveness.map((_, j) =>
    expected.reduce<number | null>((s, row) => (s === null || row[j] === null ? null : s + row[j]!), 0),
  );
  const all = sales.every((s) => s !== null) ? sales.reduce<number>((s, v) => s + v!, 0) : null;
  return {
    shares,
    expected,
    sales,
    marketShares: sales.map((s) => (s === null || all === null || all === 0 ? null : s / all)),
  };
}
