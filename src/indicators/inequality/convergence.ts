import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { byRegionYear, measureOf, toTable } from "../util/panel.ts";
import { finite, sum } from "../util/stats.ts";
import { coefficientOfVariation } from "./inequality.ts";

/**
 * σ-convergence: the dispersion across regions in every year: `sigma`, the standard deviation of ln y, and `cv`,
 * the coefficient of variation of y (unweighted). A falling σ over time is σ-convergence.
 */
export function sigmaConvergence(table: Table, options: { value?: string } = {}): Table {
  const value = measureOf(table, options.value);
  const byYear = new Map<number, number[]>();
  const incomplete = new Set<number>();
  for (const [, series] of byRegionYear(table, value)) {
    for (const [year, v] of series) {
      if (v === null || v <= 0) incomplete.add(year);
      else (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(v);
    }
  }
  const rows = [...byYear.keys()].sort((a, b) => a - b).map((year) => {
    const logs = byYear.get(year)!.map(Math.log);
    const mean = sum(logs) / logs.length;
    const sigma = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / logs.length);
    return {
      year, regions: logs.length, sigma: finite(sigma), cv: coefficientOfVariation({ values: byYear.get(year)! }),
      note: incomplete.has(year) ? "regions with a missing or non-positive value are left out" : null,
    };
  });
  return toTable(rows, [], table.provenance);
}

export interface BetaConvergence {
  /** β: the slope of annualised log growth on the log of the initial level. β < 0 is β-convergence. */
  beta: number;
  standardError: number;
  /** Speed of convergence λ = −ln(1 + βT)/T per year; null when 1 + βT ≤ 0. */
  speed: number | null;
  /** Half-life ln 2/λ in years; null when λ ≤ 0 (no convergence). */
  halfLife: number | null;
  r2: number;
  n: number;
  years: number;
  regression: OlsResult;
}

/**
 * β-convergence by OLS (Barro & Sala-i-Martin): for regions i,
 *
 *     (1/T)·ln(y_iT / y_i0) = α + β·ln y_i0 [+ γ·X_i] + ε_i
 *
 * absolute without X, conditional with `controls` (one value per region). Because
 * β = −(1 − e^(−λT))/T, the speed is λ = −ln(1 + βT)/T and the half-life ln 2/λ — correct for any T
 * (REAT's −ln(1 + β)/T holds only for T = 1).
 */
export function betaConvergence(table: Table, from: number, to: number, options: { value?: string; controls?: Readonly<Record<string, Readonly<Record<string, number>>>> } = {}): BetaConvergence | null {
  if (to <= from) throw new OmvarldError("ARGUMENT", `"to" (${to}) must come after "from" (${from})`);
  const value = measureOf(table, options.value);
  const T = to - from;
  const growth: number[] = [];
  const initial: number[] = [];
  const regions: string[] = [];
  for (const [region, series] of byRegionYear(table, value)) {
    const y0 = series.get(from);
    const y1 = series.get(to);
    if (y0 === undefined || y1 === undefined || y0 === null || y1 === null || y0 <= 0 || y1 <= 0) continue;
    if (options.controls && Object.values(options.controls).some((c) => c[region] === undefined)) continue;
    regions.push(region);
    growth.push(Math.log(y1 / y0) / T);
    initial.push(Math.log(y0));
  }
  const controls = Object.fromEntries(Object.entries(options.controls ?? {}).map(([name, c]) => [name, regions.map((r) => c[r]!)]));
  const fit = ols(growth, { log_initial: initial, ...controls });
  if (!fit) return null;
  const beta = fit.coefficients[1]!;
  const se = fit.standardErrors[1]!;
  const speed = 1 + beta * T > 0 ? finite(-Math.log(1 + beta * T) / T) : null;
  return { beta, standardError: se, speed, halfLife: speed !== null && speed > 0 ? Math.LN2 / speed : null, r2: fit.r2, n: fit.n, years: T, regression: fit };
}
