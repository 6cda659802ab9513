import { OmvarldError } from "../../errors.ts";

/** The Howard-Newman-Tarp colocation of two industries. */
export interface Colocation {
  /** CL: the share of the K_a·K_b pairs of an a-firm and a b-firm that sit in the same region, 0 … 1. */
  colocation: number;
  /** E[CL] when the a and b labels are dealt out at random over the same firms (locations kept). */
  expected: number;
  /** XCL = CL − E[CL], −1 … 1: > 0 the industries colocate more than chance would have them. */
  excess: number;
  /** K_a and K_b, the number of firms of each industry. */
  firms: [number, number];
}

/**
 * Howard-Newman-Tarp colocation and excess colocation index of two industries a ≠ b (docs/methods.md §7.6; Howard,
 * Newman and Tarp 2016; REAT's `howard.cl`, `howard.xcl`), from each firm's industry and region:
 *
 *     CL = Σ_r n_a,r·n_b,r / (K_a·K_b)
 *     E[CL] = Σ_r m_r·(m_r − 1) / (K·(K − 1)),   m_r = n_a,r + n_b,r,  K = K_a + K_b
 *     XCL = CL − E[CL]
 *
 * n_i,r the firms of industry i in region r. E[CL] is the exact expectation under a random permutation of the
 * industry labels over the K firms (each same-region pair of firms is an a-b pair with probability
 * 2·K_a·K_b/(K(K − 1))); REAT estimates it from 50 random draws instead, so its XCL varies from run to run.
 * Firms of other industries are ignored. Null when an industry has no firm.
 *
 * @example
 * colocation({ industry: ["A", "B", "A", "B", "A", "B"], region: ["X", "X", "X", "Y", "Y", "X"] }, "A", "B")
 * // { colocation: 5/9, expected: 7/15, excess: 4/45, firms: [3, 3] } (Howard et al. 2016)
 */
export function colocation(
  firms: { industry: readonly string[]; region: readonly string[] },
  a: string,
  b: string,
): Colocation | null {
  if (firms.industry.length !== firms.region.length)
    throw new OmvarldError("ARGUMENT", `${firms.industry.length} industries but ${firms.region.length} regions`);
  if (a === b)
    throw new OmvarldError(
      "ARGUMENT",
      `colocation compares two industries, got "${a}" twice`,
      {},
      "name two industries",
    );
  const counts = new Map<string, [number, number]>();
  let Ka = 0;
  let Kb = 0;
  firms.industry.forEach((industry, k) => {
    if (industry !== a && industry !== b) return;
    const region = firms.region[k]!;
    const c = counts.get(region) ?? counts.set(region, [0, 0]).get(region)!;
    if (industry === a) {
      c[0]++;
      Ka++;
    } else {
      c[1]++;
      Kb++;
    }
  });
  if (Ka === 0 || Kb === 0) return null;
  const K = Ka + Kb;
  let together = 0;
  let samePairs = 0;
  for (const [na, nb] of counts.values()) {
    together += na * nb;
    samePairs += (na + nb) * (na + nb - 1);
  }
  const cl = together / (Ka * Kb);
  const expected = samePairs / (K * (K - 1));
  return { colocation: cl, expected, excess: cl - expected, firms: [Ka, Kb] };
}
