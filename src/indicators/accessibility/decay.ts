import { OmvarldError } from "../../errors.ts";

/** Distance decay and attraction weighting, as in REAT's `hansen` and `huff` (`dtype`, `atype`). */
export type DecayKind = "power" | "exponential";

/** f(d) = d^λ (power, λ < 0 for decay, e.g. −2) or e^(λ·d) (exponential). */
export function decay(d: number, kind: DecayKind, lambda: number): number {
  return kind === "power" ? d ** lambda : Math.exp(lambda * d);
}

/** g(A) = A^γ (power) or e^(γ·A) (exponential). */
export function attraction(a: number, kind: DecayKind, gamma: number): number {
  return kind === "power" ? a ** gamma : Math.exp(gamma * a);
}

export function checkMatrix(distances: readonly (readonly (number | null)[])[], columns: number, what: string): void {
  distances.forEach((row, i) => {
    if (row.length !== columns) {
      throw new OmvarldError(
        "ARGUMENT",
        `row ${i + 1} of the distance matrix has ${row.length} columns, but there are ${columns} ${what}`,
        {},
        "one column per destination",
      );
    }
  });
}
