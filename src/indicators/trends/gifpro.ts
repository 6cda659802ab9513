import { OmvarldError } from "../../errors.ts";
import type { Maybe } from "../util/missing.ts";
import { fitTrend, type TrendKind } from "./curvefit.ts";

/** The quotas of the GIFPRO model, each one value for every industry or one value per industry. */
export interface GifproOptions {
  /** a_i: the share of the industry's employees who work in commercial areas, in percent. */
  share: number | readonly number[];
  /** sq_i: employees newly settling each year (Neuansiedlungsquote), in percent of those in commercial areas. */
  resettlement: number | readonly number[];
  /** rq_i: employees relocating each year (Verlagerungsquote), in percent of those in commercial areas. */
  relocation: number | readonly number[];
  /** ru_i: the part of the demand met on reused land (Wiedernutzungsquote), in percent; default 0. */
  reuse?: number | readonly number[];
  /** ai_i: land per employee (Flächenkennziffer), e.g. in m². */
  areaPerEmployee: number | readonly number[];
  /** Industry names, for `byIndustry` (default "1", "2", …). */
  industries?: readonly string[];
}

/** One industry's part of one year's demand. */
export interface GifproIndustry {
  industry: string;
  year: number;
  /** The industry's employment that year (given, or the trend's projection). */
  employment: number;
  /** e·a/100·sq/100 */
  resettlement: number;
  /** e·a/100·rq/100 */
  relocation: number;
  /** (resettlement + relocation)·ru/100 */
  reuse: number;
  /** The employees who need land: resettlement + relocation. */
  demand: number;
  /** (demand − reuse)·ai */
  area: number;
}

export interface Gifpro {
  /** Per year: the employees who need land and the land they need. */
  years: { year: number; employment: number; area: number }[];
  /** Sum over the years, and its mean per year. */
  total: { employment: number; area: number };
  mean: { employment: number; area: number };
  byIndustry: GifproIndustry[];
}

/**
 * GIFPRO, the demand for commercial land (Gewerbe- und Industrieflächenbedarfsprognose; docs/methods.md §7.7;
 * Bonny and Kahnert 2005; REAT's `gifpro`): from each industry's employment e_i, the employees who settle anew
 * or relocate each year need land, less what reused land covers:
 *
 *     demand_i = e_i·(a_i/100)·(sq_i + rq_i)/100,   area_i = demand_i·(1 − ru_i/100)·ai_i
 *
 * summed over the industries for each of `years` years from `from` (default 1; the same employment every year, as
 * REAT's `gifpro`). `gifproTrend` projects the employment by trend first.
 *
 * @example
 * gifpro([7228, 12452, 11589], { share: [100, 40, 10], resettlement: 0.3, relocation: 0.7, areaPerEmployee: 148, years: 13 })
 *   .total // { employment: 1737.801, area: 257194.548 } (Kempten 2012, REAT's example)
 */
export function gifpro(
  employment: readonly Maybe[],
  options: GifproOptions & { years?: number; from?: number },
): Gifpro | null {
  const years = options.years ?? 1;
  const from = options.from ?? 1;
  return gifproOf(
    Array.from({ length: years }, (_, k) => from + k),
    Array.from({ length: years }, () => employment),
    options,
  );
}

/**
 * TBS-GIFPRO (trend-based GIFPRO; docs/methods.md §7.7; Deutsches Institut für Urbanistik 2010; REAT's
 * `gifpro.tbs`): each industry's employment series is fitted by a trend (`fitTrend`, linear by default, or one
 * form per industry), projected `horizon` years past the last year, and GIFPRO's demand computed for each projected
 * year. `employment` holds one series per industry, aligned with `years`. Unlike REAT's `gifpro.tbs`, which drops
 * it, the reuse quota is applied. A falling trend can take an industry below zero and its demand with it: the
 * projection is the trend's, not a bounded model. Null when a trend cannot be fitted (see `fitTrend`).
 *
 * @example
 * gifproTrend(goettingen, { years: [2008, …, 2017], horizon: 12, share: 100, resettlement: 0.3, relocation: 0.7, areaPerEmployee: 150 })
 */
export function gifproTrend(
  employment: readonly (readonly Maybe[])[],
  options: GifproOptions & { years: readonly number[]; horizon: number; trend?: TrendKind | readonly TrendKind[] },
): Gifpro | null {
  const { years, horizon } = options;
  if (!(Number.isInteger(horizon) && horizon > 0))
    throw new OmvarldError("ARGUMENT", `the horizon is a whole number of years > 0, got ${horizon}`);
  const last = Math.max(...years);
  const target = Array.from({ length: horizon }, (_, k) => last + k + 1);
  const projected: number[][] = target.map(() => []);
  for (let i = 0; i < employment.length; i++) {
    const series = employment[i]!;
    if (series.length !== years.length)
      throw new OmvarldError("ARGUMENT", `industry ${i + 1} has ${series.length} values for ${years.length} years`);
    const kind = typeof options.trend === "string" ? options.trend : (options.trend?.[i] ?? "linear");
    const fit = fitTrend(years, series, kind);
    if (!fit) return null;
    target.forEach((year, t) => projected[t]!.push(fit.predict(year) ?? NaN));
  }
  return gifproOf(target, projected, options);
}

/** GIFPRO for each year from that year's employment by industry. */
function gifproOf(
  years: readonly number[],
  employment: readonly (readonly Maybe[])[],
  options: GifproOptions,
): Gifpro | null {
  const I = employment[0]?.length ?? 0;
  const per = (v: number | readonly number[] | undefined, name: string): number[] => {
    if (v === undefined) return new Array<number>(I).fill(0);
    if (typeof v === "number") return new Array<number>(I).fill(v);
    if (v.length !== I) throw new OmvarldError("ARGUMENT", `${name} has ${v.length} values for ${I} industries`);
    return [...v];
  };
  const a = per(options.share, "share");
  const sq = per(options.resettlement, "resettlement");
  const rq = per(options.relocation, "relocation");
  const ru = per(options.reuse, "reuse");
  const ai = per(options.areaPerEmployee, "areaPerEmployee");
  const names = options.industries ?? Array.from({ length: I }, (_, i) => String(i + 1));
  const byIndustry: GifproIndustry[] = [];
  const out: Gifpro["years"] = [];
  for (let t = 0; t < years.length; t++) {
    let demandTotal = 0;
    let areaTotal = 0;
    for (let i = 0; i < I; i++) {
      const e = employment[t]![i];
      if (typeof e !== "number" || !Number.isFinite(e)) return null;
      const inAreas = (e * a[i]!) / 100;
      const resettlement = (inAreas * sq[i]!) / 100;
      const relocation = (inAreas * rq[i]!) / 100;
      const demand = resettlement + relocation;
      const reuse = (demand * ru[i]!) / 100;
      const area = (demand - reuse) * ai[i]!;
      byIndustry.push({
        industry: names[i]!,
        year: years[t]!,
        employment: e,
        resettlement,
        relocation,
        reuse,
        demand,
        area,
      });
      demandTotal += demand;
      areaTotal += area;
    }
    out.push({ year: years[t]!, employment: demandTotal, area: areaTotal });
  }
  const total = {
    employment: out.reduce((s, y) => s + y.employment, 0),
    area: out.reduce((s, y) => s + y.area, 0),
  };
  const n = Math.max(1, out.length);
  return { years: out, total, mean: { employment: total.employment / n, area: total.area / n }, byIndustry };
}
