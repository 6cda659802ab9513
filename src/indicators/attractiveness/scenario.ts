import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import type { BusinessResult } from "./business.ts";
import { panelOf, type PanelRow } from "./panel.ts";
import type { ResidentialResult } from "./residential.ts";

/** An attractiveness lever: a number (percentage points a year), or "zero", "mean" (the region's own last ten years) or "high" (the top quartile of all regions' means). */
export type Lever = number | "zero" | "mean" | "high";

export interface ScenarioOptions {
  region: string;
  /** Last year to project. */
  horizon: number;
  residential: Lever;
  business: Lever;
  /** National private job growth a year (percent); default: the mean of the last ten years. */
  nationalJobGrowth?: number;
  /** Extra jobs each year on top of the model's (for the inverse question). */
  extraJobs?: number;
}

interface Estimates {
  constant: number;
  ownJobs: number;
  size: number;
  gamma: number;
  meanLogPopulation: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

function lever(value: Lever, own: number[], all: number[]): number {
  if (typeof value === "number") return value;
  if (value === "zero") return 0;
  if (value === "mean") return mean(own.slice(-10));
  const sorted = [...all].sort((a, b) => a - b);
  return sorted[Math.floor(0.75 * (sorted.length - 1))] ?? 0;
}

/**
 * Projects a region's population and private jobs to a horizon under attractiveness levers (METHODS §9.2):
 *
 *     J_t = J_{t−1}·(1 + (NAT + γ·(g_P(t−1) − g_P(N)) + A_næ)/100) + extra jobs
 *     RNM_t = c + β_own·JG_t + β_size·(ln P_t − m) + A_bo
 *     P_{t+1} = P_t·(1 + (NI + IMMnat + RNM_t)/100)
 *
 * with the coefficients averaged over the estimated years, natural increase and national immigration at the
 * region's and the nation's means of the last ten years, and the industry effect at 0 (unknown ahead).
 */
export function projectScenario(panelTable: Table, residential: ResidentialResult, business: BusinessResult, options: ScenarioOptions): Table {
  const panel = panelOf(panelTable);
  const series = panel.get(options.region);
  if (!series) throw new OmvarldError("ARGUMENT", `no region ${options.region} in the panel`);
  const years = [...series.keys()].sort((a, b) => a - b);
  const last = years.at(-1)!;
  const history = years.map((y) => series.get(y)!);
  // the coefficients averaged over the estimated years: one year's cross-section is too noisy to carry 20 years
  const coef = (name: string) => mean(residential.regressions.map(({ fit }) => fit.coefficients[fit.names.indexOf(name)] ?? 0));
  const yearTable = business.years.toRows();
  const estimates: Estimates = {
    constant: coef("intercept"), ownJobs: coef("own_jobs"), size: coef("size"),
    gamma: mean(yearTable.map((r) => r.gamma as number | null).filter((g): g is number => g !== null)),
    meanLogPopulation: mean([...panel.values()].map((s) => s.get(last)?.population).filter((p): p is number => !!p && p > 0).map(Math.log)),
  };
  const own = (t: Table) => t.filter({ region: options.region, attractiveness: (v) => v !== null }).toRows().map((r) => r.attractiveness as number);
  const all = (t: Table) => {
    const by = new Map<string, number[]>();
    for (const r of t.filter({ attractiveness: (v) => v !== null }).toRows()) (by.get(r.region as string) ?? by.set(r.region as string, []).get(r.region as string)!).push(r.attractiveness as number);
    return [...by.values()].map(mean);
  };
  const aBo = lever(options.residential, own(residential.decomposition), all(residential.decomposition));
  const aNae = lever(options.business, own(business.decomposition), all(business.decomposition));
  const recent = history.slice(-10);
  const ni = mean(recent.map((r) => r.naturalIncrease).filter((v): v is number => v !== null));
  const imm = mean(recent.map((r) => r.nationalImmigration).filter((v): v is number => v !== null));
  const nat = options.nationalJobGrowth ?? mean(yearTable.slice(-10).map((r) => r.national as number | null).filter((v): v is number => v !== null));
  const natPop = mean(yearTable.slice(-10).map((r) => r.national_population_growth as number | null).filter((v): v is number => v !== null));
  // state: population on 1 January and private jobs in Q4, from history on
  const P = new Map<number, number>();
  const J = new Map<number, number>();
  for (const r of history) {
    if (r.population !== null) P.set(r.year, r.population);
    if (r.privateJobs !== null) J.set(r.year, r.privateJobs);
  }
  const lastRow = series.get(last) as PanelRow;
  if (lastRow.population === null || lastRow.growth === null) throw new OmvarldError("ARGUMENT", `region ${options.region} has no population or growth in ${last}`);
  for (let y = last - 3; y <= last; y++) {
    if (!J.has(y) || (y > last - 3 && !P.has(y))) {
      throw new OmvarldError("ARGUMENT", `region ${options.region} needs private jobs and population for ${last - 3}-${last} to start a projection`, {}, "the own job growth term looks three years back");
    }
  }
  P.set(last + 1, lastRow.population * (1 + lastRow.growth / 100));
  const rows: Record<string, string | number | null>[] = [];
  for (let year = last + 1; year <= options.horizon; year++) {
    const growthBefore = 100 * (P.get(year)! / P.get(year - 1)! - 1);
    const gJ = nat + estimates.gamma * (growthBefore - natPop) + aNae;
    J.set(year, J.get(year - 1)! * (1 + gJ / 100) + (options.extraJobs ?? 0));
    let jg = 0;
    for (let l = 0; l <= 2; l++) jg += (100 * (J.get(year - l)! - J.get(year - l - 1)!)) / P.get(year - l)!;
    const rnm = estimates.constant + estimates.ownJobs * jg + estimates.size * (Math.log(P.get(year)!) - estimates.meanLogPopulation) + aBo;
    const growth = ni + imm + rnm;
    P.set(year + 1, P.get(year)! * (1 + growth / 100));
    rows.push({ region: options.region, year, population: P.get(year)!, private_jobs: J.get(year)!, job_growth_pct: gJ, population_growth_pct: growth, relative_net_migration: rnm, residential_lever: aBo, business_lever: aNae });
  }
  return toTable(rows, ["region"], panelTable.provenance);
}

/**
 * The inverse question (METHODS §9.2, step 7): how many extra jobs a year keep the population at its last
 * observed level by the horizon, found by bisection on the extra jobs added each year.
 */
export function jobsToKeepPopulation(panelTable: Table, residential: ResidentialResult, business: BusinessResult, options: Omit<ScenarioOptions, "extraJobs">): number | null {
  const target = panelOf(panelTable).get(options.region);
  const lastYear = target ? Math.max(...target.keys()) : NaN;
  const start = target?.get(lastYear)?.population;
  if (!start) return null;
  const end = (extra: number) => projectScenario(panelTable, residential, business, { ...options, extraJobs: extra }).toRows().at(-1)!.population as number;
  let lo = -start;
  let hi = start;
  if ((end(lo) - start) * (end(hi) - start) > 0) return null;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (end(mid) < start) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
