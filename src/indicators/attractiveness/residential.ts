import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { type CommutingStructure, type CommutingYear, commutingYear } from "../commuting/structure.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { toTable } from "../util/panel.ts";
import {
  type KeptRegion,
  type MigrationCounts,
  type RegisteredMigration,
  registeredMigration,
} from "./net-migration.ts";
import { type PanelRow, panelOf } from "./panel.ts";
import {
  nationalJobFactors,
  RESIDENTIAL_TERMS,
  type ResidentialObservation,
  residentialObservations,
  type ResidentialTerm,
} from "./residential-observations.ts";

export { nationalJobFactors, ownJobGrowth, RESIDENTIAL_TERMS } from "./residential-observations.ts";

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
  const missing: string[] = [];
  const notes: string[] = [];
  const jobs = jobsMeasure(table, missing);
  const commuting = commutingInput(options, notes);
  if (!commuting) {
    missing.push("job growth of the places residents work in (no commuting matrix given)");
    missing.push("labour-market integration (no commuting matrix given)");
  }
  const registered = options.counts ? registeredMigration(table, options.counts) : null;
  const notesByKey = new Map<string, string>();
  const observations = residentialObservations(
    { panel, jobs, national: nationalJobFactors(panel, jobs), commuting, registered },
    options.from,
    options.to,
    notesByKey,
  );
  const terms = RESIDENTIAL_TERMS.filter((t) => commuting || (t !== "neighbour_jobs" && t !== "integration"));
  const { regressions, parts } = fitResidential(observations, terms, estimation, options, notesByKey);
  if (regressions.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `no year in ${options.from}-${options.to} could be estimated`,
      {},
      "the panel needs jobs from three years before the first year",
    );
  const rows = decompositionRows(panel, options, observations, parts, commuting !== null, notesByKey);
  return {
    regressions,
    estimation,
    decomposition: toTable(rows, ["region", "region_name", "net_migration_source"], table.provenance),
    missing,
    notes,
    dependent: dependentSource(observations, parts, registered),
  };
}

/**
 * The jobs the model counts: all jobs by work place where the panel has them (column `jobs`), else private jobs
 * (and `missing` says that public job growth is then in the residual).
 */
function jobsMeasure(table: Table, missing: string[]): (r: PanelRow) => number | null {
  const hasAllJobs =
    table.has("jobs") && Array.from({ length: table.numRows }, (_, i) => table.get("jobs", i)).some((v) => v !== null);
  if (!hasAllJobs)
    missing.push(
      "own job growth counts private jobs only (the panel has no total jobs: public job growth is in the residual)",
    );
  return (r: PanelRow) => (hasAllJobs ? r.jobs : r.privateJobs);
}

/** An observation's parts: constant, c_t·x_t per term, own_jobs = Σ own_jobs_l, attractiveness = the residual. */
type Parts = Map<ResidentialObservation, Record<string, number>>;

/**
 * The regressions, pooled (one over every observation) or yearly (one per year of the window), and each estimated
 * observation's parts. Observations of a group too small to estimate get a note instead.
 */
function fitResidential(
  observations: ResidentialObservation[],
  terms: readonly ResidentialTerm[],
  estimation: "pooled" | "yearly",
  period: { from: number; to: number },
  notesByKey: Map<string, string>,
): { regressions: ResidentialResult["regressions"]; parts: Parts } {
  const regressions: ResidentialResult["regressions"] = [];
  const parts: Parts = new Map();
  const fitGroup = (obs: ResidentialObservation[], year: number | null) => {
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
    for (let year = period.from; year <= period.to; year++)
      fitGroup(
        observations.filter((o) => o.year === year),
        year,
      );
  return { regressions, parts };
}

/** The decomposition's rows: every panel region and year of the window, null parts (and a note) where not estimated. */
function decompositionRows(
  panel: Map<string, Map<number, PanelRow>>,
  period: { from: number; to: number },
  observations: readonly ResidentialObservation[],
  parts: Parts,
  commuting: boolean,
  notesByKey: Map<string, string>,
): Record<string, string | number | null>[] {
  const rows: Record<string, string | number | null>[] = [];
  const byKey = new Map(observations.map((o) => [`${o.region}|${o.year}`, o]));
  for (const [region, series] of panel) {
    for (let year = period.from; year <= period.to; year++) {
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
  return rows;
}

/** How many estimated observations had registered net migration and how many the panel's own, and what was kept. */
function dependentSource(
  observations: readonly ResidentialObservation[],
  parts: Parts,
  registered: RegisteredMigration | null,
): DependentSource {
  const estimated = observations.filter((o) => parts.has(o));
  return {
    registered: estimated.filter((o) => o.registered).length,
    panel: estimated.filter((o) => !o.registered).length,
    kept: registered?.kept ?? [],
    panelYears: registered
      ? [...new Set(estimated.map((o) => o.year))].filter((y) => !estimated.some((o) => o.year === y && o.registered))
      : [],
    ...(registered ? { vintages: { panel: registered.vintages.panel, counts: registered.vintages.counts } } : {}),
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
