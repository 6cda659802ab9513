import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { ols } from "../util/ols.ts";
import { toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";
import { DEFAULT_GROUPS, industryGroup } from "./groups.ts";
import { panelOf } from "./panel.ts";

export interface BusinessOptions {
  from: number;
  to: number;
  /**
   * Private jobs by region × industry × year (column `value`): gives the industry effect. Without it the effect
   * is left out and the result says so.
   */
  industries?: Table;
  /** Industry groups (default METHODS §3.3); with `only`, the model runs on those groups (e.g. ["visitor"]). */
  groups?: Readonly<Record<string, readonly string[]>>;
  only?: readonly string[];
}

export interface BusinessResult {
  /**
   * Per region and year: growth = national + industry + population + attractiveness, exactly, in percent of the
   * private jobs of the year before.
   */
  decomposition: Table;
  /** Per year: national growth and the population effect's γ with its standard error. */
  years: Table;
  missing: string[];
}

/**
 * Business attractiveness (næringsattraktivitet, METHODS §3.2): the growth of private jobs split into
 *
 *     g_J(r,t) = NAT(t) + IND(r,t) + POP(r,t) + A(r,t)
 *
 * NAT: national private job growth (the regions summed); IND = Σ_i s_{r,i,t−1}·(g_{N,i,t} − g_{N,t}), the
 * industry mix (from `industries`); POP = γ_t·(g_P(r,t−1) − g_P(N,t−1)), the effect of the region's population
 * growth the year before, with γ_t estimated across regions each year; A, the residual, is the attractiveness.
 * With `only: ["visitor"]` the same model runs on the visitor industries: visitor attractiveness (METHODS §4).
 */
export function businessAttractiveness(table: Table, options: BusinessOptions): BusinessResult {
  const panel = panelOf(table);
  const missing: string[] = [];
  const industry = options.industries ? industryGrowth(options.industries, options) : null;
  if (!industry) missing.push("the industry effect (no jobs by industry given)");
  if (options.only && !industry) throw new OmvarldError("ARGUMENT", `the ${options.only.join(", ")} model needs jobs by industry`, {}, "pass { industries }");
  // the jobs that are modelled: all private jobs from the panel, or the chosen groups' jobs by industry
  const jobsOf = (region: string, year: number): number | null =>
    industry && options.only ? (industry.regionTotal.get(`${region}|${year}`) ?? null) : (panel.get(region)?.get(year)?.privateJobs ?? null);
  const sum = (year: number, f: (region: string) => number | null) => {
    let s = 0;
    for (const region of panel.keys()) {
      const v = f(region);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const rows: Record<string, string | number | null>[] = [];
  const yearRows: Record<string, string | number | null>[] = [];
  for (let year = options.from; year <= options.to; year++) {
    const J1 = sum(year, (r) => jobsOf(r, year));
    const J0 = sum(year, (r) => jobsOf(r, year - 1));
    const nat = J1 !== null && J0 !== null && J0 > 0 ? 100 * (J1 / J0 - 1) : null;
    const P1 = sum(year, (r) => panel.get(r)?.get(year)?.population ?? null);
    const P0 = sum(year, (r) => panel.get(r)?.get(year - 1)?.population ?? null);
    const natPop = P1 !== null && P0 !== null && P0 > 0 ? 100 * (P1 / P0 - 1) : null;
    const obs: { region: string; g: number; ind: number; rel: number }[] = [];
    const notes = new Map<string, string>();
    for (const region of panel.keys()) {
      const j1 = jobsOf(region, year);
      const j0 = jobsOf(region, year - 1);
      const p1 = panel.get(region)?.get(year)?.population ?? null;
      const p0 = panel.get(region)?.get(year - 1)?.population ?? null;
      const ind = industry ? (industry.mix.get(`${region}|${year}`) ?? null) : 0;
      if (j1 === null || j0 === null || j0 <= 0) notes.set(region, `no jobs for ${j0 === null || j0 <= 0 ? year - 1 : year}`);
      else if (p1 === null || p0 === null || p0 <= 0) notes.set(region, `no population for ${year - 1}-${year}`);
      else if (ind === null) notes.set(region, "no industry detail");
      else if (nat !== null && natPop !== null) obs.push({ region, g: 100 * (j1 / j0 - 1), ind, rel: 100 * (p1 / p0 - 1) - natPop });
    }
    const fit = nat === null ? null : ols(obs.map((o) => o.g - nat - o.ind), { population_growth: obs.map((o) => o.rel) });
    const gamma = fit ? fit.coefficients[1]! : null;
    yearRows.push({ year, national: nat, national_population_growth: natPop, gamma, gamma_se: fit?.standardErrors[1] ?? null, regions: obs.length });
    const byRegion = new Map(obs.map((o) => [o.region, o]));
    for (const [region, series] of panel) {
      const o = byRegion.get(region);
      const population = o && gamma !== null ? gamma * o.rel : null;
      rows.push({
        region, region_name: series.get(year)?.name ?? null, year, population_size: series.get(year)?.population ?? null,
        growth: o ? finite(o.g) : null, national: o ? nat : null, industry: o && industry ? o.ind : null, population,
        attractiveness: o && population !== null ? o.g - nat! - o.ind - population : null,
        note: o ? (gamma === null ? `too few regions to estimate the population effect in ${year}` : null) : (notes.get(region) ?? (nat === null ? `national growth unknown in ${year}` : "not estimated")),
      });
    }
  }
  return { decomposition: toTable(rows, ["region", "region_name"], table.provenance), years: toTable(yearRows, []), missing };
}

/** Industry mix effects and group totals from jobs by region × industry × year. */
function industryGrowth(t: Table, options: BusinessOptions) {
  const groups = options.groups ?? DEFAULT_GROUPS;
  const keep = (code: string) => {
    const group = industryGroup(code, groups);
    return options.only ? group !== null && options.only.includes(group) : group !== "public" && group !== "local";
  };
  const cell = new Map<string, number>();
  const national = new Map<string, number>();
  const regionTotal = new Map<string, number>();
  const industries = new Set<string>();
  const regions = new Set<string>();
  const years = new Set<number>();
  for (let i = 0; i < t.numRows; i++) {
    const code = String(t.get("industry", i));
    if (!keep(code)) continue;
    const region = t.get("region", i) as string;
    const year = t.get("year", i) as number;
    const v = t.get("value", i) as number | null;
    if (v === null) continue;
    industries.add(code);
    regions.add(region);
    years.add(year);
    cell.set(`${region}|${code}|${year}`, v);
    national.set(`${code}|${year}`, (national.get(`${code}|${year}`) ?? 0) + v);
    regionTotal.set(`${region}|${year}`, (regionTotal.get(`${region}|${year}`) ?? 0) + v);
  }
  const mix = new Map<string, number>();
  for (const year of years) {
    if (!years.has(year - 1)) continue;
    let N0 = 0;
    let N1 = 0;
    for (const code of industries) {
      N0 += national.get(`${code}|${year - 1}`) ?? 0;
      N1 += national.get(`${code}|${year}`) ?? 0;
    }
    if (N0 <= 0) continue;
    const gN = 100 * (N1 / N0 - 1);
    for (const region of regions) {
      const total = regionTotal.get(`${region}|${year - 1}`) ?? 0;
      if (total <= 0) continue;
      let effect = 0;
      for (const code of industries) {
        const n0 = national.get(`${code}|${year - 1}`) ?? 0;
        if (n0 <= 0) continue;
        const share = (cell.get(`${region}|${code}|${year - 1}`) ?? 0) / total;
        effect += share * (100 * ((national.get(`${code}|${year}`) ?? 0) / n0 - 1) - gN);
      }
      mix.set(`${region}|${year}`, effect);
    }
  }
  return { mix, regionTotal };
}
