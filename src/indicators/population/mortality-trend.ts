import { SEXES } from "./small-numbers.ts";

/** One observed year of the nation: deaths by age at death (Lexis squares) and the population at both ends. */
export interface MortalityYear {
  year: number;
  /** Deaths by sex and age at death, women's ages then men's. */
  deaths: Float64Array;
  start: Float64Array;
  end: Float64Array;
}

/** The broad age groups whose improvement is estimated, by their first age. */
export const IMPROVEMENT_GROUPS: readonly number[] = [0, 45, 65, 80, 90];

/** The index of the improvement group of age x. */
function groupOf(x: number): number {
  let g = 0;
  while (g + 1 < IMPROVEMENT_GROUPS.length && x >= IMPROVEMENT_GROUPS[g + 1]!) g++;
  return g;
}

/** The bounds of a yearly improvement: death rates are never projected to rise, nor to fall faster than 3 % a year. */
export const IMPROVEMENT_BOUNDS = [0, 0.03] as const;

/** How fast death rates fell, by sex (women, men) and broad age group, and the year the window's rates belong to. */
export interface MortalityImprovement {
  /** ρ by sex and group (`IMPROVEMENT_GROUPS`), a share per year: m(t) = m(centre)·e^{−ρ(t − centre)}. */
  rates: number[][];
  centre: number;
  years: number[];
}

/**
 * The yearly improvement of the nation's death rates by sex and broad age group (0-44, 45-64, 65-79, 80-89, 90+):
 * the slope of ln m_{s,g,t} = α + β·t over the observed years, weighted by the deaths (the Poisson weights), with
 * m_{s,g,t} = Σ D / Σ ½(P + P′); ρ = −β bounded to [0, 0.03] (`IMPROVEMENT_BOUNDS`). Constant rates from a window
 * centred three years before the start would overstate the deaths of the first projected year by the improvement
 * of those years (about 6 % in Norway 2011-2015 → 2016). Null with fewer than three years.
 *
 * @example
 * // a group whose death rate falls from 0.1 by 2 % a year over 2011-2015
 * mortalityImprovement(years, 2013).rates[0][3] // 0.02
 */
export function mortalityImprovement(
  years: readonly MortalityYear[],
  centre: number,
  n: number,
): MortalityImprovement | null {
  if (years.length < 3) return null;
  const rates = SEXES.map((_, si) =>
    IMPROVEMENT_GROUPS.map((_, g) => {
      const points = years.map((y) => {
        let d = 0;
        let e = 0;
        for (let x = 0; x < n; x++) {
          if (groupOf(x) !== g) continue;
          d += y.deaths[si * n + x]!;
          e += 0.5 * (y.start[si * n + x]! + y.end[si * n + x]!);
        }
        return { t: y.year, d, e };
      });
      const usable = points.filter((p) => p.d > 0 && p.e > 0);
      if (usable.length < 3) return 0;
      const w = usable.map((p) => p.d);
      const sw = w.reduce((a, b) => a + b, 0);
      const mt = usable.reduce((a, p, k) => a + w[k]! * p.t, 0) / sw;
      const my = usable.reduce((a, p, k) => a + w[k]! * Math.log(p.d / p.e), 0) / sw;
      let sxy = 0;
      let sxx = 0;
      usable.forEach((p, k) => {
        sxy += w[k]! * (p.t - mt) * (Math.log(p.d / p.e) - my);
        sxx += w[k]! * (p.t - mt) ** 2;
      });
      const slope = sxx > 0 ? sxy / sxx : 0;
      return Math.min(IMPROVEMENT_BOUNDS[1], Math.max(IMPROVEMENT_BOUNDS[0], -slope));
    }),
  );
  return { rates, centre, years: years.map((y) => y.year) };
}

/**
 * Cohort death risks of a year after the improvement since the window's centre: the hazard −ln(1 − q) scaled by
 * e^{−ρ(t − centre)}, q(t) = 1 − (1 − q)^{e^{−ρ(t − centre)}}.
 *
 * @example
 * improvedRisks([[0.1]], { rates: [[0.02]], centre: 2013, years: [] }, 2016)[0][0] // 1 − 0.9^{e^{−0.06}} ≈ 0.0944
 */
export function improvedRisks(
  q: readonly (readonly number[])[],
  improvement: MortalityImprovement | null,
  year: number,
): number[][] {
  if (!improvement) return q.map((r) => [...r]);
  return q.map((bySex, si) =>
    bySex.map((risk, x) => {
      const g = groupOf(x);
      const factor = Math.exp(-improvement.rates[si]![g]! * (year - improvement.centre));
      return risk >= 1 ? 1 : 1 - (1 - risk) ** factor;
    }),
  );
}
