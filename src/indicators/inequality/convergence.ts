import { OmvarldError } from "../../errors.ts";
import { Table } from "../../table/table.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { byRegionYear, measureOf, toTable } from "../util/panel.ts";
import { type Period, periodOf } from "../util/period.ts";
import { finite, standardDeviation, variance } from "../util/stats.ts";
import { coefficientOfVariation } from "./inequality.ts";
import { convergenceSpeed } from "./speed.ts";

export interface SigmaOptions {
  /** The measure (default: the table's only measure). */
  value?: string;
  /** The `dispersion` column: on the logs of y (default) or on the levels. */
  on?: "log" | "level";
  /** The `dispersion` column: standard deviation (default), coefficient of variation or variance. */
  measure?: "sd" | "cv" | "variance";
  /** Delta degrees of freedom: 0 population (default), 1 sample (n − 1, as REAT's `sigmaconv`). */
  ddof?: number;
}

/**
 * σ-convergence: the dispersion across regions in every year: `sigma`, the standard deviation of ln y, `cv`,
 * the coefficient of variation of y (unweighted), and `dispersion`, the measure the options choose (SD, CV or
 * variance, of logs or levels; population or sample moments by `ddof`). A falling σ over time is
 * σ-convergence. A table with an `industry` column gets one series per industry.
 *
 * @example
 * sigmaConvergence(gdpPerHead, { on: "level", measure: "cv", ddof: 1 })
 */
export function sigmaConvergence(table: Table, options: SigmaOptions = {}): Table {
  const value = measureOf(table, options.value);
  const byIndustry = table.has("industry");
  const groups: (string | null)[] = byIndustry ? table.distinct("industry").map(String) : [null];
  const rows: Record<string, string | number | null>[] = [];
  const ddof = options.ddof ?? 0;
  for (const industry of groups) {
    const part = industry === null ? table : table.filter({ industry: (v) => String(v) === industry });
    const byYear = new Map<number, number[]>();
    const incomplete = new Map<number, number>();
    for (const [, series] of byRegionYear(part.has("industry") ? part.drop("industry") : part, value)) {
      for (const [year, v] of series) {
        if (v === null || Number.isNaN(v) || v <= 0) incomplete.set(year, (incomplete.get(year) ?? 0) + 1);
        else (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(v);
      }
    }
    for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
      const levels = byYear.get(year)!;
      const logs = levels.map(Math.log);
      const x = options.on === "level" ? levels : logs;
      const measure = options.measure ?? "sd";
      const dispersion =
        measure === "sd"
          ? standardDeviation(x, ddof)
          : measure === "variance"
            ? variance(x, ddof)
            : coefficientOfVariation({ values: x }, { ddof });
      const left = incomplete.get(year) ?? 0;
      rows.push({
        ...(industry === null ? {} : { industry }),
        year,
        regions: logs.length,
        sigma: standardDeviation(logs, ddof),
        cv: coefficientOfVariation({ values: levels }, { ddof }),
        dispersion: dispersion === null ? null : finite(dispersion),
        note: left > 0 ? `${left} region(s) with a missing or non-positive value left out` : null,
      });
    }
  }
  return toTable(rows, byIndustry ? ["industry"] : [], table.provenance);
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

export interface BetaOptions {
  /** The measure (default: the table's only measure). */
  value?: string;
  /** Conditional convergence: control variables, each a value per region code. */
  controls?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * β-convergence by OLS (Barro & Sala-i-Martin): for regions i,
 *
 *     (1/T)·ln(y_iT / y_i0) = α + β·ln y_i0 [+ γ·X_i] + ε_i
 *
 * absolute without X, conditional with `controls` (one value per region). Because
 * β = −(1 − e^(−λT))/T, the speed is λ = −ln(1 + βT)/T and the half-life ln 2/λ (`convergenceSpeed`) — correct
 * for any T (REAT's −ln(1 + β)/T holds only for T = 1). `regression` has the standard errors, t and p values and the F test.
 *
 * @example
 * betaConvergence(gdpPerHead, { from: 2000, to: 2014 })?.beta // German counties: −0.0071
 */
export function betaConvergence(table: Table, period: Period & BetaOptions): BetaConvergence | null;
/** @deprecated pass `{ from, to, ...options }` */
export function betaConvergence(table: Table, from: number, to: number, options?: BetaOptions): BetaConvergence | null;
export function betaConvergence(
  table: Table,
  a: (Period & BetaOptions) | number,
  b?: number,
  c: BetaOptions = {},
): BetaConvergence | null {
  const { from, to } = periodOf(a, b);
  const options: BetaOptions = typeof a === "number" ? c : a;
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
  const controls = Object.fromEntries(
    Object.entries(options.controls ?? {}).map(([name, c]) => [name, regions.map((r) => c[r]!)]),
  );
  const fit = ols(growth, { log_initial: initial, ...controls });
  if (!fit) return null;
  const beta = fit.coefficients[1]!;
  const se = fit.standardErrors[1]!;
  const { speed, halfLife } = convergenceSpeed(beta, T);
  return {
    beta,
    standardError: se,
    speed,
    halfLife,
    r2: fit.r2,
    n: fit.n,
    years: T,
    regression: fit,
  };
}

/**
 * β-convergence from plain arrays: each region's value at the start and at the end of a span of `years` years
 * (see `betaConvergence`). Regions with a missing or non-positive value are left out and counted in `missing`.
 *
 * @example
 * betaConvergenceOf({ start: [100, 200, 400], end: [150, 260, 440], years: 10 })?.beta // < 0: the poorer grew faster
 */
export function betaConvergenceOf(data: {
  start: readonly (number | null)[];
  end: readonly (number | null)[];
  years: number;
}): (BetaConvergence & { missing: number }) | null {
  if (data.start.length !== data.end.length)
    throw new OmvarldError("ARGUMENT", `${data.start.length} start values but ${data.end.length} end values`);
  if (!(data.years > 0)) throw new OmvarldError("ARGUMENT", `the span must be positive, got ${data.years} years`);
  const rows = data.start
    .flatMap((y0, i) => [
      { region: String(i), year: 0, value: y0 ?? null },
      { region: String(i), year: data.years, value: data.end[i] ?? null },
    ])
    .map((r) => ({ ...r, value: typeof r.value === "number" && Number.isNaN(r.value) ? null : r.value }));
  const missing = data.start.filter(
    (y0, i) => !(typeof y0 === "number" && y0 > 0 && typeof data.end[i] === "number" && data.end[i]! > 0),
  ).length;
  const b = betaConvergence(Table.fromRows(rows), { from: 0, to: data.years });
  return b && { ...b, missing };
}

/**
 * σ of one cross-section from plain numbers: the dispersion that `sigmaConvergence` computes for each year
 * (standard deviation of the logs by default; `on`, `measure`, `ddof` as there). Missing and non-positive values
 * are left out and counted.
 *
 * @example
 * sigmaOf([1, Math.E]).value // 0.5 (population SD of the logs 0 and 1)
 */
export function sigmaOf(
  values: readonly (number | null)[],
  options: Omit<SigmaOptions, "value"> = {},
): { value: number | null; n: number; missing: number } {
  const levels = values.filter((v): v is number => typeof v === "number" && v > 0);
  const x = options.on === "level" ? levels : levels.map(Math.log);
  const ddof = options.ddof ?? 0;
  const measure = options.measure ?? "sd";
  const value =
    measure === "sd"
      ? standardDeviation(x, ddof)
      : measure === "variance"
        ? variance(x, ddof)
        : coefficientOfVariation({ values: x }, { ddof });
  return { value, n: levels.length, missing: values.length - levels.length };
}
