import { OmvarldError } from "../../errors.ts";
import { complete, known, type Maybe, missingNote } from "../util/missing.ts";
import { finite, sum, weightedMean } from "../util/stats.ts";

/**
 * Values with optional weights (population), for the inequality measures across regions. A missing value or
 * weight (`null`, NaN) leaves that pair out: the measures are computed on the known pairs, and `inequality()`
 * says how many were left out.
 */
export interface Distribution {
  values: readonly Maybe[];
  /** Weights, e.g. population; default: all 1. */
  weights?: readonly Maybe[];
}

/** Options of the dispersion measures. */
export interface DispersionOptions {
  /** Delta degrees of freedom of the variance: 0 population (default), 1 sample. See `coefficientOfVariation`. */
  ddof?: number;
  /**
   * The mean a weighted coefficient of variation is centred on and divided by: the weighted mean (default) or the
   * unweighted mean of the values ("unweighted": Sheret 1984, REAT's `cv` and `williamson` with `wmean = FALSE`).
   */
  centre?: "weighted" | "unweighted";
}

/** Options of `gini`. */
export interface GiniOptions {
  /**
   * Multiply by n/(n − 1), so that one region holding everything gives 1 (unweighted, the Gini's maximum is
   * (n − 1)/n); REAT's `coefnorm = TRUE` (Dörsam 2004). n is the number of values used. Default false.
   */
  normalise?: boolean;
}

function normalised(d: Distribution): { x: number[]; w: number[]; total: number; missing: number } | null {
  if (d.weights && d.weights.length !== d.values.length) {
    throw new OmvarldError(
      "ARGUMENT",
      `${d.values.length} values but ${d.weights.length} weights`,
      {},
      "give one weight per value",
    );
  }
  const { x, w: raw, missing } = complete(d.values, d.weights);
  const total = sum(raw);
  if (x.length === 0 || total <= 0 || raw.some((v) => v < 0)) return null;
  return { x, w: raw.map((v) => v / total), total, missing };
}

/**
 * Coefficient of variation σ/μ with μ = Σ w_i x_i / W and σ² = Σ w_i (x_i − μ)² / (W − ddof), W = Σ w_i
 * (unweighted: w_i = 1, W = n). `ddof: 0` (default) gives population moments, `ddof: 1` the sample standard
 * deviation (REAT's `cv` default, `is.sample = TRUE`). With `centre: "unweighted"` a weighted CV takes the
 * unweighted mean x̄ = Σ x_i / n for μ, both as the centre of the variance and as the divisor (Sheret 1984; REAT's
 * default for weighted dispersion, `wmean = FALSE`); the result is then σ/|x̄|. Missing pairs are left out.
 *
 * @example
 * coefficientOfVariation({ values: [1, 2, 3, 4] }) // √1.25/2.5 = 0.4472
 */
export function coefficientOfVariation(d: Distribution, options: DispersionOptions = {}): number | null {
  const n = normalised(d);
  if (!n) return null;
  const ddof = options.ddof ?? 0;
  if (n.total - ddof <= 0) return null;
  if (options.centre === "unweighted") {
    const mean = sum(n.x) / n.x.length;
    if (mean === 0) return null;
    const square = sum(n.x.map((x, i) => n.w[i]! * (x - mean) ** 2));
    return finite(Math.sqrt(ddof === 0 ? square : (square * n.total) / (n.total - ddof)) / Math.abs(mean));
  }
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  if (mu === 0) return null;
  const meanSquare = sum(n.x.map((x, i) => n.w[i]! * (x - mu) ** 2)); // Σ w_i (x_i − μ)² / W
  return finite(Math.sqrt(ddof === 0 ? meanSquare : (meanSquare * n.total) / (n.total - ddof)) / mu);
}

/**
 * Williamson index: the population-weighted coefficient of variation of regional income per head around the
 * national income per head, V_w = √(Σ_i (y_i − ȳ)² p_i/P) / ȳ with ȳ = Σ p_i y_i / P. (REAT's default uses the
 * unweighted mean of y_i for ȳ, `{ centre: "unweighted" }`; the textbook and the default here use the national mean.) Call it with
 * `{ values: perCapita, weights: population }` or with the two arrays. Regions with a missing value are left out.
 *
 * @example
 * williamson({ values: [10, 20], weights: [100, 300] }) // √18.75/17.5 = 0.2474
 */
export function williamson(d: Distribution, options?: DispersionOptions): number | null;
export function williamson(
  perCapita: readonly Maybe[],
  population: readonly Maybe[],
  options?: DispersionOptions,
): number | null;
export function williamson(
  a: Distribution | readonly Maybe[],
  b?: readonly Maybe[] | DispersionOptions,
  c?: DispersionOptions,
): number | null {
  if (Array.isArray(a)) return coefficientOfVariation({ values: a, weights: b as readonly Maybe[] }, c);
  return coefficientOfVariation(a as Distribution, b as DispersionOptions | undefined);
}

/**
 * Gini coefficient, weighted: values sorted ascending, Lorenz curve of cumulative value shares over cumulative
 * weight shares, G = 1 − Σ_k (W_k − W_{k−1})(L_k + L_{k−1}). Input order does not matter (REAT's weighted Gini
 * expects sorted input; this one sorts). Unweighted, it equals Σ_i Σ_j |x_i − x_j| / (2n²μ). With
 * `normalise: true`, G·n/(n − 1) (null for fewer than two values).
 *
 * @example
 * gini({ values: [20, 50, 20, 10] }) // 0.3; with { normalise: true } 0.4 (Dörsam 2004)
 */
export function gini(d: Distribution, options: GiniOptions = {}): number | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x < 0)) return null;
  if (options.normalise) {
    const g = gini(d);
    const k = n.x.length;
    return g === null || k < 2 ? null : finite((g * k) / (k - 1));
  }
  const order = n.x.map((_, i) => i).sort((a, b) => n.x[a]! - n.x[b]!);
  const total = sum(n.x.map((x, i) => x * n.w[i]!));
  if (total <= 0) return null;
  let L = 0;
  let area = 0;
  for (const i of order) {
    const next = L + (n.x[i]! * n.w[i]!) / total;
    area += n.w[i]! * (next + L);
    L = next;
  }
  return finite(1 - area);
}

/** Theil T (GE(1)): Σ w_i (x_i/μ) ln(x_i/μ). Null when a value is not positive. */
export function theilT(d: Distribution): number | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x <= 0)) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  return finite(sum(n.x.map((x, i) => n.w[i]! * (x / mu) * Math.log(x / mu))));
}

/** Theil L (GE(0), mean log deviation): Σ w_i ln(μ/x_i). Null when a value is not positive. */
export function theilL(d: Distribution): number | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x <= 0)) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  return finite(sum(n.x.map((x, i) => n.w[i]! * Math.log(mu / x))));
}

export interface TheilDecomposition {
  total: number;
  within: number;
  between: number;
  /** Per group: its weight share W_g, its mean μ_g and its own index. */
  groups: { group: string; weight: number; mean: number; index: number }[];
}

/**
 * Theil T and L split into within- and between-group parts by a grouping (e.g. kommuner by county), exactly:
 *
 *     T = Σ_g s_g·T_g + Σ_g s_g·ln(μ_g/μ),   s_g = W_g·μ_g/μ (the group's share of the total)
 *     L = Σ_g W_g·L_g + Σ_g W_g·ln(μ/μ_g)
 */
export function theilDecomposition(
  d: Distribution,
  groups: readonly string[],
  kind: "T" | "L" = "T",
): TheilDecomposition | null {
  if (groups.length !== d.values.length)
    throw new OmvarldError("ARGUMENT", `${d.values.length} values but ${groups.length} groups`);
  const keep = d.values.map((v, i) => known(v) && (!d.weights || known(d.weights[i])));
  groups = groups.filter((_, i) => keep[i]);
  const n = normalised(d);
  if (!n || n.x.some((x) => x <= 0)) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(i));
  let within = 0;
  let between = 0;
  const parts: TheilDecomposition["groups"] = [];
  for (const [group, members] of byGroup) {
    const W = sum(members.map((i) => n.w[i]!));
    const values = members.map((i) => n.x[i]!);
    const weights = members.map((i) => n.w[i]!);
    const muG = weightedMean(values, weights)!;
    const index = (kind === "T" ? theilT : theilL)({ values, weights })!;
    if (kind === "T") {
      const share = (W * muG) / mu;
      within += share * index;
      between += share * Math.log(muG / mu);
    } else {
      within += W * index;
      between += W * Math.log(mu / muG);
    }
    parts.push({ group, weight: W, mean: muG, index });
  }
  return { total: within + between, within, between, groups: parts };
}

/**
 * Atkinson index with inequality aversion ε ≥ 0: A = 1 − (Σ w_i (x_i/μ)^(1−ε))^(1/(1−ε)), and for ε = 1,
 * A = 1 − exp(Σ w_i ln x_i)/μ. Zeros are allowed for ε < 1 (they enter as 0^(1−ε) = 0); for ε ≥ 1 a value ≤ 0
 * gives null. Negative values give null.
 *
 * @example
 * atkinson({ values: [0, 4] }, 0.5) // 1 − (½·√(4/2))²  = 0.5
 */
export function atkinson(d: Distribution, epsilon = 0.5): number | null {
  const n = normalised(d);
  if (!n || epsilon < 0 || n.x.some((x) => x < 0) || (epsilon >= 1 && n.x.some((x) => x === 0))) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  if (mu <= 0) return null;
  if (epsilon === 1) return finite(1 - Math.exp(sum(n.x.map((x, i) => n.w[i]! * Math.log(x)))) / mu);
  return finite(1 - sum(n.x.map((x, i) => n.w[i]! * (x / mu) ** (1 - epsilon))) ** (1 / (1 - epsilon)));
}

export interface InequalitySummary {
  /** Pairs used and pairs left out because the value or the weight was missing. */
  n: number;
  missing: number;
  note: string | null;
  gini: number | null;
  theilT: number | null;
  theilL: number | null;
  atkinson: number | null;
  coefficientOfVariation: number | null;
}

/**
 * All inequality measures of a distribution at once, with how many pairs were left out as missing
 * (`missing`, `note`). Atkinson with `epsilon` (default 0.5); CV with `ddof` (default 0).
 *
 * @example
 * inequality({ values: [1, null, 3, 4] }) // { n: 3, missing: 1, gini: 0.25, ... }: never the Gini of [1, 0, 3, 4]
 */
export function inequality(d: Distribution, options: DispersionOptions & { epsilon?: number } = {}): InequalitySummary {
  const n = normalised(d);
  const missing = n?.missing ?? complete(d.values, d.weights).missing;
  return {
    n: n?.x.length ?? d.values.length - missing,
    missing,
    note: missingNote(missing),
    gini: gini(d),
    theilT: theilT(d),
    theilL: theilL(d),
    atkinson: atkinson(d, options.epsilon ?? 0.5),
    coefficientOfVariation: coefficientOfVariation(d, options),
  };
}
