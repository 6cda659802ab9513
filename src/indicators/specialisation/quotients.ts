import { OmvarldError } from "../../errors.ts";
import { complete, known, type Maybe } from "../util/missing.ts";
import { finite, standardDeviation, sum } from "../util/stats.ts";
import { locationQuotient } from "./indices.ts";

/**
 * Additive location quotient ALQ = e_ri/e_Ni − E_r/E_N: the region's share of the nation's jobs in the industry
 * minus its share of all jobs (REAT's `locq(..., LQ.method = "a")`). 0 where the region has its proportional
 * share; unlike the LQ it does not blow up for small regions. Null when a value is missing or a total is 0.
 *
 * @example
 * additiveLocationQuotient(1714, 79_006, 879_213, 15_593_224) // −0.003117 (Farhauer & Kröll 2013, LQ = 0.3848)
 */
export function additiveLocationQuotient(eri: Maybe, Er: Maybe, eNi: Maybe, EN: Maybe): number | null {
  if (!known(eri) || !known(Er) || !known(eNi) || !known(EN) || !(eNi > 0) || !(EN > 0)) return null;
  return finite(eri / eNi - Er / EN);
}

/**
 * Standardised location quotients of one industry across regions (O'Donoghue & Gleave 2004): the z values
 * SLQ_r = (LQ_r − mean(LQ))/sd(LQ); with `log: true` the z values of log LQ (Tian 2013). `ddof` 1 (default, the
 * sample SD) or 0. A region with a missing LQ (or LQ ≤ 0 on logs) gets null and is left out of the mean and SD.
 * (REAT's `locq2` centres on the column means, i.e. per region; this follows the paper and centres per industry.)
 *
 * @example
 * standardisedLocationQuotients([0.5, 1, 1.5]) // [−1, 0, 1]
 */
export function standardisedLocationQuotients(
  lqs: readonly Maybe[],
  options: { log?: boolean; ddof?: number } = {},
): (number | null)[] {
  const values = lqs.map((v) => (!known(v) ? null : options.log ? (v > 0 ? Math.log(v) : null) : v));
  const { x } = complete(values);
  const sd = standardDeviation(x, options.ddof ?? 1);
  if (x.length === 0 || sd === null || sd === 0) return values.map(() => null);
  const mean = sum(x) / x.length;
  return values.map((v) => (v === null ? null : (v - mean) / sd));
}

/**
 * Flegg's regional size factor λ = [log₂(1 + E_r/E_N)]^δ (Flegg, Webber & Elliott 1995), 0 < λ ≤ 1 for a region
 * of the nation; δ (default 0.3, Flegg & Webber 1997's recommendation) sets how much smaller regions are assumed
 * to import.
 */
export function fleggLambda(Er: number, EN: number, delta = 0.3): number | null {
  if (!(Er > 0) || !(EN > 0) || Er > EN || delta < 0 || delta >= 1) return null;
  return Math.log2(1 + Er / EN) ** delta;
}

/**
 * Flegg location quotient of an industry (the diagonal, i = j): FLQ_i = λ·LQ_i with λ from `fleggLambda`
 * (Flegg, Webber & Elliott 1995), and the augmented AFLQ_i = FLQ_i·log₂(1 + LQ_i) where LQ_i > 1 (Flegg & Webber
 * 2000). FLQ ≤ LQ for every region of the nation.
 *
 * @example
 * flq(2, 100, 1000) // { lambda: 0.5514, flq: 1.1029, aflq: 1.7480 }
 */
export function flq(
  lq: Maybe,
  Er: number,
  EN: number,
  delta = 0.3,
): { lambda: number; flq: number; aflq: number } | null {
  const lambda = fleggLambda(Er, EN, delta);
  if (lambda === null || !known(lq) || lq < 0) return null;
  const f = lambda * lq;
  return { lambda, flq: f, aflq: lq > 1 ? f * Math.log2(1 + lq) : f };
}

export interface EconomicBase {
  industries: {
    industry: string;
    employment: number;
    locationQuotient: number | null;
    /** The quotient used: LQ, FLQ or AFLQ. */
    quotient: number | null;
    /** e_ri·(1 − 1/q_i) where q_i > 1, else 0: jobs that serve demand outside the region. */
    basic: number;
    nonBasic: number;
  }[];
  basic: number;
  nonBasic: number;
  total: number;
  /** The economic-base employment multiplier E_r / basic (jobs in all per basic job); null without basic jobs. */
  multiplier: number | null;
  method: "lq" | "flq" | "aflq";
}

/**
 * Economic-base analysis by location quotients (Isserman 1977's LQ method, docs/methods.md §7): an industry with
 * q_i > 1 exports, and its basic (export) employment is e_ri·(1 − 1/q_i); the rest serves the region. The
 * multiplier is E_r/Σ basic. `method: "flq"` or `"aflq"` uses Flegg's quotients in place of the LQ (they
 * allow for a small region's imports, so fewer jobs count as basic and the multiplier is larger). Null when a
 * value is missing: a multiplier over the known industries would be biased.
 *
 * @example
 * economicBase([60, 40], [1000, 3000]).multiplier // LQ 2.4 and 0.53: basic 60·(1 − 1/2.4) = 35 → 100/35 = 2.857
 */
export function economicBase(
  region: readonly Maybe[],
  nation: readonly Maybe[],
  options: { industries?: readonly string[]; method?: "lq" | "flq" | "aflq"; delta?: number } = {},
): EconomicBase | null {
  if (region.length !== nation.length)
    throw new OmvarldError(
      "ARGUMENT",
      `${region.length} regional but ${nation.length} national values`,
      {},
      "one value per industry in each",
    );
  if (!region.every(known) || !nation.every(known)) return null;
  const e = region as number[];
  const n = nation as number[];
  const Er = sum(e);
  const EN = sum(n);
  if (!(Er > 0) || !(EN > 0)) return null;
  const method = options.method ?? "lq";
  const rows = e.map((eri, i) => {
    const lq = locationQuotient(eri, Er, n[i]!, EN);
    const f = method === "lq" ? null : flq(lq, Er, EN, options.delta ?? 0.3);
    const q = method === "lq" ? lq : method === "flq" ? (f?.flq ?? null) : (f?.aflq ?? null);
    const basic = q !== null && q > 1 ? eri * (1 - 1 / q) : 0;
    return {
      industry: options.industries?.[i] ?? String(i + 1),
      employment: eri,
      locationQuotient: lq,
      quotient: q,
      basic,
      nonBasic: eri - basic,
    };
  });
  const basic = sum(rows.map((r) => r.basic));
  return {
    industries: rows,
    basic,
    nonBasic: Er - basic,
    total: Er,
    multiplier: basic > 0 ? Er / basic : null,
    method,
  };
}

/**
 * Litzenberger-Sternberg cluster index of industry i in region j (Litzenberger & Sternberg 2006; REAT's
 * `litzenberger`): CI = relative industrial density × relative industrial stocking / relative size,
 *
 *     CI_ij = [(e_ij/a_j)/(e_i/a)] · [(e_ij/p_j)/(e_i/p)] / [(e_ij/b_ij)/(e_i/b_i)]
 *
 * with employment e, area a, population p and number of firms b (i: the industry over all regions, no index: all
 * regions). > 1 suggests a cluster; the index is not standardised. Null when a value is missing or a divisor 0.
 */
export function litzenberger(x: {
  eij: Maybe;
  ei: Maybe;
  aj: Maybe;
  a: Maybe;
  pj: Maybe;
  p: Maybe;
  bij: Maybe;
  bi: Maybe;
}): number | null {
  const v = [x.eij, x.ei, x.aj, x.a, x.pj, x.p, x.bij, x.bi];
  if (!v.every(known) || v.some((y) => y! <= 0)) return null;
  const { eij, ei, aj, a, pj, p, bij, bi } = x as Record<keyof typeof x, number>;
  return finite(((eij / aj / (ei / a)) * (eij / pj / (ei / p))) / (eij / bij / (ei / bi)));
}
