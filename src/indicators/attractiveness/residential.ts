import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { type CommutingStructure, type CommutingYear, commutingYear, neighbourGrowth } from "../commuting/structure.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { toTable } from "../util/panel.ts";
import { type KeptRegion, type MigrationCounts, registeredMigration } from "./net-migration.ts";
import { type PanelRow, panelOf } from "./panel.ts";

export interface ResidentialOptions {
  /** First and last year to estimate and decompose. */
  from: number;
  to: number;
  /**
   * "pooled" (default): one regression over every region and year of the window with one constant (Vareide and
   * Nygaard); "yearly": one cross-section regression per year, each with its own constant and slopes.
   */
  estimation?: "pooled" | "yearly";
  /** The commuting structure (`commutingStructure`): adds neighbours' job growth and labour-market integration. */
  commuting?: CommutingStructure;
  /** Neighbour weights as a table (origin, destination, weight), structural: instead of `commuting`. */
  neighbours?: Table;
  /** Out-commuting share per region (0-1), structural: instead of `commuting`. */
  outShare?: Readonly<Record<string, number>>;
  /**
   * Population, births and deaths by kommune (`MigrationCounts`): the dependent variable becomes registered net
   * migration, P(t+1) − P(t) − (B − D), wherever the counts give it on the panel's codes; elsewhere (kommuner merged
   * or split between the two structures, years the counts lack) the panel's own growth and natural increase.
   */
  counts?: MigrationCounts;
}

/** Where the dependent variable came from: the agencies' counts or the panel's own percentages. */
export interface DependentSource {
  /** Estimated observations (region-years) with registered net migration from the counts, and with the panel's own. */
  registered: number;
  panel: number;
  /** Panel regions the counts could not be used for, and why (merged with others or split between the structures). */
  kept: KeptRegion[];
  /** The kommune structures (1 January of the year) the panel and the counts are on. */
  vintages?: { panel: number; counts: number };
  /** Years estimated with the panel's own figures for every region (years the counts lack), with `counts`. */
  panelYears: number[];
}

export interface ResidentialResult {
  /** One regression for the window (`year` null, "pooled") or one per year ("yearly"). */
  regressions: { year: number | null; fit: OlsResult }[];
  estimation: "pooled" | "yearly";
  /**
   * Per region and year: growth = natural_increase + immigration + constant + own_jobs + neighbour_jobs + size
   * + integration + attractiveness, exactly (own_jobs = own_jobs_0 + own_jobs_1 + own_jobs_2); null where the
   * region could not be estimated (`note` says why).
   */
  decomposition: Table;
  /** Components left out because the data do not give them. */
  missing: string[];
  /** How the data were used (e.g. one commuting matrix taken as structural). */
  notes: string[];
  /** Where the net migration came from (all the panel's own without `counts`). */
  dependent: DependentSource;
}

/** The regressors of the model, in the order of the regression's coefficients after the intercept. */
export const RESIDENTIAL_TERMS = [
  "own_jobs_0",
  "own_jobs_1",
  "own_jobs_2",
  "neighbour_jobs",
  "size",
  "integration",
] as const;

/**
 * The parts the growth of a decomposition row splits into, in order: growth = natural increase + immigration +
 * constant + own jobs + neighbours' jobs + size + integration + attractiveness (docs/methods.md §2.3).
 */
export const GROWTH_PARTS = [
  "natural_increase",
  "immigration",
  "constant",
  "own_jobs",
  "neighbour_jobs",
  "size",
  "integration",
  "attractiveness",
] as const;

/**
 * National jobs by year: Σ_r J_{r,t}; for the growth from t−1 to t only regions with both years count.
 * Returns the national growth factor J^N_t / J^N_{t−1} by year.
 */
export function nationalJobFactors(
  panel: Map<string, Map<number, PanelRow>>,
  jobs: (r: PanelRow) => number | null,
): Map<number, number> {
  const years = new Set<number>();
  for (const s of panel.values()) for (const y of s.keys()) years.add(y);
  const out = new Map<number, number>();
  for (const year of years) {
    let now = 0;
    let before = 0;
    for (const s of panel.values()) {
      const a = s.get(year);
      const b = s.get(year - 1);
      const j1 = a ? jobs(a) : null;
      const j0 = b ? jobs(b) : null;
      if (j1 === null || j0 === null) continue;
      now += j1;
      before += j0;
    }
    if (before > 0) out.set(year, now / before);
  }
  return out;
}

/**
 * Own job growth relative to the country's, in percent of the population, for year t − lag:
 *
 *     JG_l(r,t) = 100·(J_{r,t−l} − J_{r,t−l−1}·J^N_{t−l}/J^N_{t−l−1}) / P_{r,t−l}
 *
 * the jobs the region gained beyond what the national growth rate would have given it, per 100 inhabitants.
 * With `national` omitted the growth is absolute: 100·(J_{t−l} − J_{t−l−1})/P_{t−l}.
 */
export function ownJobGrowth(
  series: Map<number, PanelRow>,
  year: number,
  jobs: (r: PanelRow) => number | null,
  lag = 0,
  national?: Map<number, number>,
): number | null {
  const t = year - lag;
  const now = series.get(t);
  const before = series.get(t - 1);
  const j1 = now ? jobs(now) : null;
  const j0 = before ? jobs(before) : null;
  const p = now?.population ?? null;
  const factor = national ? (national.get(t) ?? null) : 1;
  if (j1 === null || j0 === null || p === null || p <= 0 || factor === null) return null;
  return (100 * (j1 - j0 * factor)) / p;
}

/**
 * Residential attractiveness (bostedsattraktivitet, docs/methods.md §2.3, Vareide and Nygaard): relative net migration
 * regressed, pooled over every region and year of the window with one constant, on own job growth relative to the
 * country's (current year and the two before, three regressors, in percent of population), the job growth of the
 * places the residents work in (commuting-weighted), size (log population centred on the year's mean) and
 * labour-market integration (out-commuting share, centred):
 *
 *     RNM = 100·NM/P − IMMnat,  NM = P(t+1) − P(t) − (B − D)
 *         = c + Σ_{l=0..2} β_l·JG_l + β_nb·Σ_k w_{r→k}·(JG_0+JG_1+JG_2)_k + β_size·(ln P − mean_t ln P)
 *           + β_ami·(OUT/E − mean OUT/E) + ε
 *
 * The residual ε is the attractiveness: in-migration beyond what jobs, location and size explain. Jobs are all
 * jobs by work place where the panel has them (column `jobs`), private jobs otherwise. NM is registered net
 * migration, from the agencies' population, births and deaths where `counts` gives them on the panel's codes, else
 * the panel's own growth − natural increase (percentages rounded to two decimals in Telemarksforsking's panel); either
 * way it includes the agencies' adjustment term. IMMnat, the nation's net immigration rate (the panel's column), is
 * Telemarksforsking's own term (Innvandringsbidrag): RNM sums to about 0 over the nation's population each year.
 */
export function residentialAttractiveness(table: Table, options: ResidentialOptions): ResidentialResult {
  const panel = panelOf(table);
  const estimation = options.estimation ?? "pooled";
  const hasAllJobs =
    table.has("jobs") && Array.from({ length: table.numRows }, (_, i) => table.get("jobs", i)).some((v) => v !== null);
  const jobs = (r: PanelRow) => (hasAllJobs ? r.jobs : r.privateJobs);
  const missing: string[] = [];
  const notes: string[] = [];
  if (!hasAllJobs)
    missing.push(
      "own job growth counts private jobs only (the panel has no total jobs: public job growth is in the residual)",
    );
  const commuting = commutingInput(options, notes);
  if (!commuting) {
    missing.push("job growth of the places residents work in (no commuting matrix given)");
    missing.push("labour-market integration (no commuting matrix given)");
  }
  const national = nationalJobFactors(panel, jobs);
  const registered = options.counts ? registeredMigration(table, options.counts) : null;
  interface Obs {
    region: string;
    year: number;
    row: PanelRow;
    growth: number;
    naturalIncrease: number;
    registered: boolean;
    rnm: number;
    outShare: number;
    x: Record<(typeof RESIDENTIAL_TERMS)[number], number>;
  }
  const observations: Obs[] = [];
  const notesByKey = new Map<string, string>();
  for (let year = options.from; year <= options.to; year++) {
    const jg = new Map<string, [number, number, number] | null>();
    const jgSum = new Map<string, number | null>();
    for (const [region, series] of panel) {
      const parts = [0, 1, 2].map((l) => ownJobGrowth(series, year, jobs, l, national));
      const known = parts.some((p) => p === null) ? null : (parts as [number, number, number]);
      jg.set(region, known);
      jgSum.set(region, known ? known[0] + known[1] + known[2] : null);
    }
    const structure = commuting?.(year) ?? null;
    const inYear: Obs[] = [];
    for (const [region, series] of panel) {
      const row = series.get(year);
      const key = `${region}|${year}`;
      if (!row) continue;
      const own = jg.get(region) ?? null;
      // registered net migration where the counts give it, else the panel's own components
      const counted = registered?.years.get(key);
      const growth = counted ? (100 * (counted.nextPopulation - counted.population)) / counted.population : row.growth;
      const naturalIncrease = counted
        ? (100 * (counted.births - counted.deaths)) / counted.population
        : row.naturalIncrease;
      if (
        growth === null ||
        naturalIncrease === null ||
        row.nationalImmigration === null ||
        row.population === null ||
        row.population <= 0
      ) {
        notesByKey.set(key, "population, its growth or its components are missing");
        continue;
      }
      if (own === null) {
        notesByKey.set(key, `jobs or population missing in ${year - 3}-${year}`);
        continue;
      }
      let nb: number | null = 0;
      let ami = 0;
      if (structure) {
        const share = structure.outShare.get(region);
        if (share === undefined) {
          notesByKey.set(key, "not in the commuting matrix");
          continue;
        }
        ami = share;
        nb = neighbourGrowth(structure, region, jgSum);
        if (nb === null) {
          notesByKey.set(key, "job growth of a place the residents work in is missing");
          continue;
        }
      }
      inYear.push({
        region,
        year,
        row,
        growth,
        naturalIncrease,
        registered: counted !== undefined,
        rnm: growth - naturalIncrease - row.nationalImmigration,
        outShare: ami,
        x: {
          own_jobs_0: own[0],
          own_jobs_1: own[1],
          own_jobs_2: own[2],
          neighbour_jobs: nb,
          size: Math.log(row.population),
          integration: ami,
        },
      });
    }
    // size is centred on the year's cross-section
    const meanSize = inYear.reduce((s, o) => s + o.x.size, 0) / Math.max(1, inYear.length);
    for (const o of inYear) o.x.size -= meanSize;
    observations.push(...inYear);
  }
  // integration is centred on the mean over the estimated observations (a structural property)
  if (commuting && observations.length) {
    const meanAmi = observations.reduce((s, o) => s + o.x.integration, 0) / observations.length;
    for (const o of observations) o.x.integration -= meanAmi;
  }
  const terms = RESIDENTIAL_TERMS.filter((t) => commuting || (t !== "neighbour_jobs" && t !== "integration"));
  const regressions: ResidentialResult["regressions"] = [];
  const parts = new Map<Obs, Record<string, number>>();
  const fitGroup = (obs: Obs[], year: number | null) => {
    const fit = ols(
      obs.map((o) => o.rnm),
      Object.fromEntries(terms.map((t) => [t, obs.map((o) => o.x[t])])),
    );
    if (!fit) {
      for (const o of obs)
        notesByKey.set(`${o.region}|${o.year}`, `too few regions to estimate ${year ?? "the pooled model"}`);
      return;
    }
    regressions.push({ year, fit });
    const coef = (name: string) => fit.coefficients[fit.names.indexOf(name)] ?? 0;
    obs.forEach((o, i) => {
      const p: Record<string, number> = { constant: coef("intercept") };
      for (const t of RESIDENTIAL_TERMS) p[t] = coef(t) * o.x[t];
      p.own_jobs = p.own_jobs_0! + p.own_jobs_1! + p.own_jobs_2!;
      p.attractiveness = fit.residuals[i]!;
      parts.set(o, p);
    });
  };
  if (estimation === "pooled") fitGroup(observations, null);
  else
    for (let year = options.from; year <= options.to; year++)
      fitGroup(
        observations.filter((o) => o.year === year),
        year,
      );
  if (regressions.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `no year in ${options.from}-${options.to} could be estimated`,
      {},
      "the panel needs jobs from three years before the first year",
    );
  const rows: Record<string, string | number | null>[] = [];
  const byKey = new Map(observations.map((o) => [`${o.region}|${o.year}`, o]));
  for (const [region, series] of panel) {
    for (let year = options.from; year <= options.to; year++) {
      const row = series.get(year);
      if (!row) continue;
      const o = byKey.get(`${region}|${year}`);
      const p = o ? parts.get(o) : undefined;
      const v = (name: string) => p?.[name] ?? null;
      rows.push({
        region,
        region_name: row.name,
        year,
        population: row.population,
        growth: o ? o.growth : row.growth,
        natural_increase: o ? o.naturalIncrease : row.naturalIncrease,
        immigration: row.nationalImmigration,
        relative_net_migration: o ? o.rnm : null,
        net_migration_source: o ? (o.registered ? "registered" : "panel") : null,
        own_job_growth: o ? o.x.own_jobs_0 + o.x.own_jobs_1 + o.x.own_jobs_2 : null,
        neighbour_job_growth: o && commuting ? o.x.neighbour_jobs : null,
        out_share: o && commuting ? o.outShare : null,
        constant: v("constant"),
        own_jobs: v("own_jobs"),
        own_jobs_0: v("own_jobs_0"),
        own_jobs_1: v("own_jobs_1"),
        own_jobs_2: v("own_jobs_2"),
        neighbour_jobs: p && commuting ? v("neighbour_jobs") : null,
        size: v("size"),
        integration: p && commuting ? v("integration") : null,
        attractiveness: v("attractiveness"),
        note: p ? null : (notesByKey.get(`${region}|${year}`) ?? "not estimated"),
      });
    }
  }
  const estimated = observations.filter((o) => parts.has(o));
  const dependent: DependentSource = {
    registered: estimated.filter((o) => o.registered).length,
    panel: estimated.filter((o) => !o.registered).length,
    kept: registered?.kept ?? [],
    panelYears: registered
      ? [...new Set(estimated.map((o) => o.year))].filter((y) => !estimated.some((o) => o.year === y && o.registered))
      : [],
    ...(registered ? { vintages: { panel: registered.vintages.panel, counts: registered.vintages.counts } } : {}),
  };
  return {
    regressions,
    estimation,
    decomposition: toTable(rows, ["region", "region_name", "net_migration_source"], table.provenance),
    missing,
    notes,
    dependent,
  };
}

/** The commuting input as a function of the year, from `commuting` or the structural `neighbours`/`outShare`. */
function commutingInput(options: ResidentialOptions, notes: string[]): ((year: number) => CommutingYear) | null {
  if (options.commuting) {
    const structure = options.commuting;
    notes.push(...structure.notes);
    return (year) => commutingYear(structure, year);
  }
  if (!options.neighbours && !options.outShare) return null;
  if (!options.neighbours || !options.outShare) {
    throw new OmvarldError(
      "ARGUMENT",
      "neighbours and outShare go together",
      {},
      "pass both, or a commuting structure: { commuting: commutingStructure(flows) }",
    );
  }
  const weights = new Map<string, [string, number][]>();
  const w = options.neighbours;
  for (let i = 0; i < w.numRows; i++) {
    const o = w.get("origin", i) as string;
    (weights.get(o) ?? weights.set(o, []).get(o)!).push([
      w.get("destination", i) as string,
      w.get("weight", i) as number,
    ]);
  }
  const outShare = new Map(Object.entries(options.outShare));
  return () => ({ outShare, weights, employed: new Map() });
}
