import { allKnown, known, type Maybe } from "../util/missing.ts";
import { finite, sum } from "../util/stats.ts";

// Every index here works on the shares of a whole: a missing part (null, NaN) would change all the other shares,
// so a missing value gives null, never the index of the known parts or of a 0 in its place.

/** Shares x_k / Σx; null when the total is not positive or a value is missing. */
export function shares(values: readonly Maybe[]): number[] | null {
  const known = allKnown(values);
  if (!known) return null;
  const total = sum(known);
  return total > 0 ? known.map((v) => v / total) : null;
}

/**
 * Location quotient LQ = (e_ri/E_r)/(e_Ni/E_N) (docs/methods.md §7). > 1: the region is specialised in the industry.
 * Null when E_r, e_Ni or E_N is 0.
 *
 * @example
 * locationQuotient(20, 100, 1000, 10000) // 2
 */
export function locationQuotient(eri: Maybe, Er: Maybe, eNi: Maybe, EN: Maybe): number | null {
  if (!known(eri) || !known(Er) || !known(eNi) || !known(EN)) return null;
  return Er > 0 && eNi > 0 && EN > 0 ? finite(eri / Er / (eNi / EN)) : null;
}

/** Krugman dissimilarity K = Σ_i |s_ri − s_Ni| (docs/methods.md §7), 0 (same structure) to 2. */
export function krugman(region: readonly Maybe[], nation: readonly Maybe[]): number | null {
  const a = shares(region);
  const b = shares(nation);
  return a && b ? sum(a.map((s, i) => Math.abs(s - b[i]!))) : null;
}

/** Hoover coefficient ½·Σ_i |a_i − b_i| on shares: half the Krugman index, 0 to 1. */
export function hoover(values: readonly Maybe[], reference: readonly Maybe[]): number | null {
  const k = krugman(values, reference);
  return k === null ? null : k / 2;
}

/**
 * Gini of one distribution against a reference (the locational Gini): items sorted by a_i/b_i, Lorenz curve of
 * cumulative a-shares over cumulative b-shares, G = 1 − Σ_k (B_k − B_{k−1})(A_k + A_{k−1}). Specialisation of a
 * region: a = its industries' jobs, b = the nation's. Concentration of an industry: a = its jobs by region,
 * b = all jobs by region. 0 when a is proportional to b.
 */
export function relativeGini(values: readonly Maybe[], reference: readonly Maybe[]): number | null {
  const a = shares(values);
  const b = shares(reference);
  if (!a || !b) return null;
  const order = a.map((_, i) => i).filter((i) => b[i]! > 0 || a[i]! > 0);
  if (order.some((i) => b[i] === 0 && a[i]! > 0)) return null;
  order.sort((i, j) => a[i]! / b[i]! - a[j]! / b[j]!);
  let A = 0;
  let area = 0;
  for (const i of order) {
    const next = A + a[i]!;
    area += b[i]! * (next + A);
    A = next;
  }
  return finite(1 - area);
}

/** Herfindahl H = Σ s_i² (concentration of a region's jobs on few industries; 1/n to 1). */
export function herfindahl(values: readonly Maybe[]): number | null {
  const s = shares(values);
  return s ? sum(s.map((x) => x * x)) : null;
}

/** Normalised Herfindahl H* = (H − 1/n)/(1 − 1/n), 0 to 1. Null for a single item. */
export function herfindahlNormalised(values: readonly Maybe[]): number | null {
  const h = herfindahl(values);
  const n = values.length;
  return h === null || n < 2 ? null : (h - 1 / n) / (1 - 1 / n);
}

/** Equivalent number 1/H: how many equally large industries would give the same concentration. */
export function equivalentNumber(values: readonly Maybe[]): number | null {
  const h = herfindahl(values);
  return h === null || h === 0 ? null : 1 / h;
}

/**
 * Duranton-Puga relative diversity RDI = 1 / Σ_i |s_ri − s_Ni| (Duranton & Puga 2000): higher is more diverse
 * relative to the nation. Null when the structures are identical (the index is unbounded there).
 */
export function relativeDiversity(region: readonly Maybe[], nation: readonly Maybe[]): number | null {
  const k = krugman(region, nation);
  return k === null || k === 0 ? null : 1 / k;
}

/**
 * Krugman specialisation of one region against the other regions (Krugman 1991): K = Σ_i |s_ri − s̄_i| where s̄
 * is the industry structure of the others, either their aggregate (`reference: "aggregate"`, default: the
 * shares of Σ_l e_li, as REAT's `krugman.spec`) or the unweighted mean of their shares (`"mean"`, REAT's
 * `krugman.spec2`). `others` holds one employment-by-industry array per other region.
 *
 * @example
 * krugmanAgainst([10, 30], [[20, 20], [5, 15]], { reference: "mean" }) // |0.25 − 0.375| + |0.75 − 0.625| = 0.25
 */
export function krugmanAgainst(
  region: readonly Maybe[],
  others: readonly (readonly Maybe[])[],
  options: { reference?: "aggregate" | "mean" } = {},
): number | null {
  const own = shares(region);
  if (!own || others.length === 0) return null;
  let reference: number[] | null;
  if ((options.reference ?? "aggregate") === "aggregate") {
    reference = shares(
      region.map((_, i) => others.reduce<number | null>((s, o) => (s === null || !known(o[i]) ? null : s + o[i]!), 0)),
    );
  } else {
    const each = others.map(shares);
    reference = each.every((e) => e !== null) ? region.map((_, i) => sum(each.map((e) => e![i]!)) / each.length) : null;
  }
  return reference ? sum(own.map((s, i) => Math.abs(s - reference[i]!))) : null;
}
