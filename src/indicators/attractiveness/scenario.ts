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
  /** β for own relative job growth in the year, the year before and two years before. */
  ownJobs: [number, number, number];
  /** The region's neighbour and integration terms (mean over the estimated years): structural, held constant. */
  location: number;
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
 * Projects a region's population and private jobs to a horizon under attractiveness levers (docs/methods.md §9.2):
 *
 *     J_t = J_{t−1}·(1 + (NAT + γ·(g_P(t−1) − g_P(N)) + A_næ)/100) + extra jobs
 *     RNM_t = c + Σ_l β_l·JG_{l,t} + LOC + β_size·(ln P_t − m) + A_bo,  JG_l = 100·(J_{t−l} − J_{t−l−1}·(1 + NAT/100))/P_{t−l}
 *     P_{t+1} = P_t·(1 + (NI + IMMnat + RNM_t)/100)
 *
 * with the coefficients of the pooled regression (averaged over the years when estimated yearly), LOC the
 * region's neighbour and integration terms held at their mean (the commuting pattern is structural), natural increase and national immigration at the
 * region's and the nation's means of the last ten years, and the industry effect at 0 (unknown ahead).
 */
export function projectScenario(
  panelTable: Table,
  residential: ResidentialResult,
  business: BusinessResult,
  options: ScenarioOptions,
): Table {
  return run(prepare(panelTable, residential, business, options), options);
}

/** What a region's projections share, read once from the panel and the estimates (the inverse question runs many). */
interface Context {
  panelTable: Table;
  region: string;
  last: number;
  estimates: Estimates;
  levers: { own: Record<"residential" | "business", number[]>; all: Record<"residential" | "business", number[]> };
  ni: number;
  imm: number;
  nat: number;
  /** National private job growth (percent) of the observed years, for the lags of the first projected years. */
  pastNational: Map<number, number>;
  natPop: number;
  population: Map<number, number>;
  jobs: Map<number, number>;
}

/** What a region's projections share: the estimates, the levers' history, the national rates and the start. */
function prepare(
  panelTable: Table,
  residential: ResidentialResult,
  business: BusinessResult,
  options: Omit<ScenarioOptions, "extraJobs">,
): Context {
  const panel = panelOf(panelTable);
  const series = panel.get(options.region);
  if (!series) throw new OmvarldError("ARGUMENT", `no region ${options.region} in the panel`);
  const years = [...series.keys()].sort((a, b) => a - b);
  const last = years.at(-1)!;
  const history = years.map((y) => series.get(y)!);
  const yearTable = business.years.toRows();
  const estimates = estimatesOf(panel, last, residential, yearTable, options.region);
  const res = attractivenessByRegion(residential.decomposition);
  const bus = attractivenessByRegion(business.decomposition);
  const recent = history.slice(-10);
  const { population, jobs } = startSeries(history, last, series.get(last) as PanelRow, options.region);
  const lastTen = (column: string) =>
    mean(
      yearTable
        .slice(-10)
        .map((r) => r[column] as number | null)
        .filter((v): v is number => v !== null),
    );
  return {
    panelTable,
    region: options.region,
    last,
    estimates,
    levers: {
      own: { residential: res.get(options.region) ?? [], business: bus.get(options.region) ?? [] },
      all: { residential: [...res.values()].map(mean), business: [...bus.values()].map(mean) },
    },
    ni: mean(recent.map((r) => r.naturalIncrease).filter((v): v is number => v !== null)),
    imm: mean(recent.map((r) => r.nationalImmigration).filter((v): v is number => v !== null)),
    pastNational: new Map(
      yearTable.filter((r) => r.national !== null).map((r) => [r.year as number, r.national as number]),
    ),
    nat: options.nationalJobGrowth ?? lastTen("national"),
    natPop: lastTen("national_population_growth"),
    population,
    jobs,
  };
}

/**
 * The coefficients the projection uses: the pooled regression's, or the yearly ones averaged (one year's
 * cross-section is too noisy to carry 20 years); LOC = the region's mean neighbour + integration terms over its
 * estimated years; γ the mean over the years; m = the mean of ln P over the regions in the last year.
 */
function estimatesOf(
  panel: Map<string, Map<number, PanelRow>>,
  last: number,
  residential: ResidentialResult,
  yearTable: Record<string, unknown>[],
  region: string,
): Estimates {
  const coef = (name: string) =>
    mean(
      residential.regressions.map(({ fit }) =>
        fit.names.includes(name) ? fit.coefficients[fit.names.indexOf(name)]! : 0,
      ),
    );
  const own = residential.decomposition.filter({ region }).toRows();
  const location = mean(
    own
      .filter((r) => r.attractiveness !== null)
      .map((r) => ((r.neighbour_jobs as number | null) ?? 0) + ((r.integration as number | null) ?? 0)),
  );
  return {
    constant: coef("intercept"),
    ownJobs: [coef("own_jobs_0"), coef("own_jobs_1"), coef("own_jobs_2")],
    location,
    size: coef("size"),
    gamma: mean(yearTable.map((r) => r.gamma as number | null).filter((g): g is number => g !== null)),
    meanLogPopulation: mean(
      [...panel.values()]
        .map((s) => s.get(last)?.population)
        .filter((p): p is number => !!p && p > 0)
        .map(Math.log),
    ),
  };
}

/** Every region's yearly attractiveness (non-null values of the column, in row order), by region. */
function attractivenessByRegion(t: Table): Map<string, number[]> {
  const by = new Map<string, number[]>();
  const regions = t.strings("region");
  const values = t.numbers("attractiveness");
  for (let i = 0; i < t.numRows; i++) {
    const v = values.get(i);
    if (v !== null) (by.get(regions.get(i)!) ?? by.set(regions.get(i)!, []).get(regions.get(i)!)!).push(v);
  }
  return by;
}

/**
 * The region's observed population and private jobs by year, with the population of the year after the last
 * (P·(1 + growth/100)); throws unless the last year has population and growth and the three years before have jobs.
 */
function startSeries(
  history: readonly PanelRow[],
  last: number,
  lastRow: PanelRow,
  region: string,
): { population: Map<number, number>; jobs: Map<number, number> } {
  const population = new Map<number, number>();
  const jobs = new Map<number, number>();
  for (const r of history) {
    if (r.population !== null) population.set(r.year, r.population);
    if (r.privateJobs !== null) jobs.set(r.year, r.privateJobs);
  }
  if (lastRow.population === null || lastRow.growth === null)
    throw new OmvarldError("ARGUMENT", `region ${region} has no population or growth in ${last}`);
  for (let y = last - 3; y <= last; y++) {
    if (!jobs.has(y) || (y > last - 3 && !population.has(y))) {
      throw new OmvarldError(
        "ARGUMENT",
        `region ${region} needs private jobs and population for ${last - 3}-${last} to start a projection`,
        {},
        "the own job growth term looks three years back",
      );
    }
  }
  population.set(last + 1, lastRow.population * (1 + lastRow.growth / 100));
  return { population, jobs };
}

function run(c: Context, options: ScenarioOptions): Table {
  const { estimates } = c;
  const aBo = lever(options.residential, c.levers.own.residential, c.levers.all.residential);
  const aNae = lever(options.business, c.levers.own.business, c.levers.all.business);
  const P = new Map(c.population);
  const J = new Map(c.jobs);
  const rows: Record<string, string | number | null>[] = [];
  for (let year = c.last + 1; year <= options.horizon; year++) {
    const growthBefore = 100 * (P.get(year)! / P.get(year - 1)! - 1);
    const gJ = c.nat + estimates.gamma * (growthBefore - c.natPop) + aNae;
    J.set(year, J.get(year - 1)! * (1 + gJ / 100) + (options.extraJobs ?? 0));
    let jg = 0;
    for (let l = 0; l <= 2; l++) {
      const y = year - l;
      const national = y > c.last ? c.nat : (c.pastNational.get(y) ?? c.nat);
      jg += (estimates.ownJobs[l]! * 100 * (J.get(y)! - J.get(y - 1)! * (1 + national / 100))) / P.get(y)!;
    }
    const rnm =
      estimates.constant +
      jg +
      estimates.location +
      estimates.size * (Math.log(P.get(year)!) - estimates.meanLogPopulation) +
      aBo;
    const growth = c.ni + c.imm + rnm;
    P.set(year + 1, P.get(year)! * (1 + growth / 100));
    rows.push({
      region: c.region,
      year,
      population: P.get(year)!,
      private_jobs: J.get(year)!,
      job_growth_pct: gJ,
      population_growth_pct: growth,
      relative_net_migration: rnm,
      residential_lever: aBo,
      business_lever: aNae,
    });
  }
  return toTable(rows, ["region"], c.panelTable.provenance);
}

/**
 * The inverse question (docs/methods.md §9.2, step 7): how many extra jobs a year keep the population at its last
 * observed level by the horizon, found by bisection on the extra jobs added each year.
 */
export function jobsToKeepPopulation(
  panelTable: Table,
  residential: ResidentialResult,
  business: BusinessResult,
  options: Omit<ScenarioOptions, "extraJobs">,
): number | null {
  const context = prepare(panelTable, residential, business, options);
  const start = context.population.get(context.last);
  if (!start) return null;
  const end = (extra: number) =>
    run(context, { ...options, extraJobs: extra })
      .toRows()
      .at(-1)!.population as number;
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
