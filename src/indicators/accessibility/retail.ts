import { finite } from "../util/stats.ts";

/**
 * Reilly's law of retail gravitation (Reilly 1931): the ratio of trade that cities A and B draw from a place
 * between them, B_a/B_b = (P_a/P_b)^γ · (D_b/D_a)^λ (γ = 1, λ = 2 in Reilly's law), and the two shares
 * B_a/(B_a + B_b) and B_b/(B_a + B_b) (REAT's `reilly`).
 *
 * @example
 * reilly(400_000, 100_000, 20, 10) // { ratio: 1, shareA: 0.5, shareB: 0.5 }
 */
export function reilly(
  populationA: number,
  populationB: number,
  distanceA: number,
  distanceB: number,
  options: { gamma?: number; lambda?: number } = {},
): { ratio: number; shareA: number; shareB: number } | null {
  if (!(populationA > 0 && populationB > 0 && distanceA > 0 && distanceB > 0)) return null;
  const ratio = (populationA / populationB) ** (options.gamma ?? 1) * (distanceB / distanceA) ** (options.lambda ?? 2);
  return { ratio, shareA: ratio / (1 + ratio), shareB: 1 / (1 + ratio) };
}

/**
 * The distance exponent λ that makes Reilly's ratio equal an observed ratio R of trade drawn by A and B:
 * λ = log(R·P_b/P_a)/log(D_b/D_a) (REAT's `reilly` with `lambda = NULL`).
 */
export function reillyLambda(
  populationA: number,
  populationB: number,
  distanceA: number,
  distanceB: number,
  ratio: number,
): number | null {
  if (!(populationA > 0 && populationB > 0 && distanceA > 0 && distanceB > 0 && ratio > 0) || distanceA === distanceB)
    return null;
  return finite(Math.log((ratio * populationB) / populationA) / Math.log(distanceB / distanceA));
}

/**
 * Converse's (1949) breaking point between cities A and B, d_AB apart: the distance from A (and from B) where
 * their pulls are equal under Reilly's law, B_a = d_AB/(1 + √(P_b/P_a)), B_b = d_AB − B_a (REAT's `converse`).
 *
 * @example
 * converse(400_000, 200_000, 80) // { fromA: 46.86, fromB: 33.14 } (Huff 1962's example, miles)
 */
export function converse(
  populationA: number,
  populationB: number,
  distance: number,
): { fromA: number; fromB: number } | null {
  if (!(populationA > 0 && populationB > 0 && distance >= 0)) return null;
  return {
    fromA: distance / (1 + Math.sqrt(populationB / populationA)),
    fromB: distance / (1 + Math.sqrt(populationA / populationB)),
  };
}
