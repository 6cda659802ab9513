import { finite, sum, weightedMean } from "../util/stats.ts";

/** Values with optional weights (population), for the inequality measures across regions. */
export interface Distribution {
  values: readonly number[];
  /** Weights, e.g. population; default: all 1. */
  weights?: readonly number[];
}

function normalised(d: Distribution): { x: number[]; w: number[] } | null {
  const x = [...d.values];
  const raw = d.weights ?? x.map(() => 1);
  const total = sum(raw);
  if (x.length === 0 || total <= 0 || raw.length !== x.length) return null;
  return { x, w: raw.map((v) => v / total) };
}

/**
 * Coefficient of variation: σ/μ with σ² = Σ w_i (x_i − μ)² and μ = Σ w_i x_i (population moments; weights sum to
 * 1). Unweighted when no weights are given.
 */
export function coefficientOfVariation(d: Distribution): number | null {
  const n = normalised(d);
  if (!n) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  if (mu === 0) return null;
  return finite(Math.sqrt(sum(n.x.map((x, i) => n.w[i]! * (x - mu) ** 2))) / mu);
}

/**
 * Williamson index: the population-weighted coefficient of variation of regional income per head around the
 * national income per head, V_w = √(Σ_i (y_i − ȳ)² p_i/P) / ȳ with ȳ = Σ p_i y_i / P. (REAT's default uses the
 * unweighted mean of y_i for ȳ; the textbook and this function use the national mean.)
 */
export function williamson(perCapita: readonly number[], population: readonly number[]): number | null {
  return coefficientOfVariation({ values: perCapita, weights: population });
}

/**
 * Gini coefficient, weighted: values sorted ascending, Lorenz curve of cumulative value shares over cumulative
 * weight shares, G = 1 − Σ_k (W_k − W_{k−1})(L_k + L_{k−1}). Input order does not matter (REAT's weighted Gini
 * expects sorted input; this one sorts). Unweighted, it equals Σ_i Σ_j |x_i − x_j| / (2n²μ).
 *
 * @example
 * gini({ values: [1, 2, 3, 4] }) // 0.25
 */
export function gini(d: Distribution): number | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x < 0)) return null;
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
export function theilDecomposition(d: Distribution, groups: readonly string[], kind: "T" | "L" = "T"): TheilDecomposition | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x <= 0) || groups.length !== n.x.length) return null;
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
 * A = 1 − exp(Σ w_i ln x_i)/μ. Null when a value is not positive.
 */
export function atkinson(d: Distribution, epsilon = 0.5): number | null {
  const n = normalised(d);
  if (!n || n.x.some((x) => x <= 0) || epsilon < 0) return null;
  const mu = sum(n.x.map((x, i) => x * n.w[i]!));
  if (epsilon === 1) return finite(1 - Math.exp(sum(n.x.map((x, i) => n.w[i]! * Math.log(x)))) / mu);
  return finite(1 - sum(n.x.map((x, i) => n.w[i]! * (x / mu) ** (1 - epsilon))) ** (1 / (1 - epsilon)));
}
