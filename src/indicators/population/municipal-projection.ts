import { OmvarldError } from "../../errors.ts";
import type { Sex } from "../../io/sex.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { sum } from "../util/stats.ts";
import type { EmpiricalInterval } from "./backtest-errors.ts";
import {
  estimateFertility,
  estimateMortality,
  type FertilityEstimate,
  type MortalityEstimate,
  newbornMigration,
} from "./cohort-rates.ts";
import { MIGRATION_POOLING, type MigrationPooling, type MigrationYear, netMigrationRates } from "./migration-rates.ts";
import { improvedRisks, type MortalityImprovement, mortalityImprovement } from "./mortality-trend.ts";
import { projectionAssumptions } from "./projection-assumptions.ts";
import { bootstrap, bootstrapSettings, stepNet } from "./projection-bootstrap.ts";
import { prepareProjectionData, type ProjectionData, type ProjectionInput } from "./projection-data.ts";
import {
  componentRows,
  type Period,
  populationRows,
  type Row,
  totalAndGroupRows,
  withoutMigration,
} from "./projection-rows.ts";
import { type BySex, projectPopulation, type Rates, timeWeights } from "./projection.ts";
import { standardFertility } from "./schedules.ts";
import { SEXES } from "./small-numbers.ts";
import { STANDARD_MORTALITY } from "./standard-mortality.ts";
import { countyOf, nationFacts, nationOf, trendYears, type YearFacts, yearFacts } from "./year-facts.ts";

export type Component = "fertility" | "mortality" | "netMigration";

export interface MunicipalProjectionOptions {
  region: string;
  /** The year of the population the projection starts from, in the source's own dating (SCB: 31 December of the
   * year, SSB: 1 January). Default: the last there is. */
  start?: number;
  /** The last year projected, dated as `start`. */
  horizon: number;
  /** The years of events the rates come from (default: the five years before `start`, as far as the tables go). */
  window?: { from: number; to: number };
  /** The length of the default window: up to this many years before `start` (default 5). */
  windowYears?: number;
  /** The nation the local rates are set against: a region code, a list of regions, or (default) the sum of all regions. */
  national?: string | readonly string[];
  /** Ages on each side that net migration is smoothed over (default 1: three ages). */
  smoothing?: number;
  /** Scenario multipliers on a component for some years, e.g. { component: "netMigration", from: 2025, to: 2029, factor: 1.2 }. */
  multipliers?: readonly { component: Component; from: number; to: number; factor: number }[];
  /**
   * The interval: runs, level (default 500, 0.8), seed, and what a run draws: one observed year for each projected
   * year ("year", the default), or one observed year held for the whole run ("run"). The back-test (bench/RESULTS.md)
   * measured both as too narrow at 5 years (an 80 % interval held 37 % / 28 % of Swedish / Norwegian kommuner drawing
   * per year, 59 % / 51 % per run), while "run" grows wide over long horizons where one window year was unusual;
   * `empiricalInterval()` (the back-test's own errors by kommun size) is the calibrated choice. `false` for none.
   */
  interval?: { runs?: number; level?: number; seed?: number; draw?: "year" | "run" } | EmpiricalInterval | false;
  /** How net migration is pooled where the kommun's numbers are few (`MIGRATION_POOLING`), its time weights and the
   * regions its rates lean on: the county's kommuner (default) or the nation. */
  migration?: Partial<MigrationPooling> & { weights?: "uniform" | "exponential"; reference?: "county" | "nation" };
  /** The nation's cohort risks from age 90 from a fitted Kannisto model (`OLD_AGE`, default true), or as observed. */
  oldAgeMortality?: boolean;
  /** Death rates falling at the nation's observed pace (`mortalityImprovement`, default true), or held at the window's level. */
  mortalityImprovement?: boolean;
  /** Age groups for the `groups` table (default SKR's 0-5, 6-15, 16-19, 20-64, 65-79, 80+). */
  ageGroups?: readonly (readonly [number, number])[];
  /** Central death rates by sex and single age used to spread deaths given by age group (default Sweden 2015-2019). */
  standardMortality?: BySex;
  /** Births per woman by single age whose shape spreads total births (default SSB 1996-2000). */
  standardFertility?: readonly number[];
}

/**
 * What the projection assumed, as data, so that a report can say it in its own language. Every number is from the
 * window of observed years unless named otherwise.
 */
export interface ProjectionAssumptions {
  region: string;
  /** The regions summed to the nation, or its code. */
  national: string;
  /** When the source counts the population: the tables' years are dated so (SCB: 31 December, SSB: 1 January);
   * inside, the projection works on 1 January (SCB's 31 December t = 1 January t + 1). Events are by calendar year. */
  reference: "start" | "end";
  /** The window of observed years the rates come from; `requested` the default length it fell short of, if shorter
   * (a short window makes the rates rest on few years: a report says so). */
  window: { from: number; to: number; years: number; requested: number };
  start: number;
  horizon: number;
  fertility: {
    /** "asfr": births by the mother's age; "total-births": total births × a standard age schedule; "age-zero": no births
     * table, births = children aged 0 at the year's end + the year's deaths at age 0 (their net migration included). */
    method: "asfr" | "total-births" | "age-zero";
    schedule: string | null;
    /** Total fertility of the kommun (Σ f_a) and the nation over the window, and the ratio after clipping to [0.1, 3]. */
    tfr: number;
    nationalTfr: number;
    ratio: number;
    clipped: boolean;
    boysShare: number;
    weights: "exponential";
  };
  mortality: {
    /** "single-age": deaths by age at death; "age-groups": deaths by group spread within each group by a standard
     * schedule (indirect standardisation); "sex-totals" / "totals": one group for all ages. */
    method: "single-age" | "age-groups" | "sex-totals" | "totals";
    schedule: string | null;
    /** The small-number rule: national risk × the group's local/national ratio, clipped, 1 below `minDeaths`. */
    minDeaths: number;
    clip: readonly [number, number];
    /** Standardised mortality ratio of the kommun over all ages (observed/expected deaths at national risks). */
    smr: { female: number; male: number };
    /** Age groups whose ratio fell back to 1 (fewer deaths than minDeaths) or was clipped. */
    fallback: number;
    clippedGroups: number;
    lifeExpectancy: { female: number; male: number };
    /** The yearly fall of the nation's death rates by sex and broad age group, applied from the window's centre (null: held constant). */
    improvement: MortalityImprovement | null;
    weights: "uniform";
  };
  migration: {
    method: "residual";
    as: "rates";
    /** Ages each side the rates are smoothed over. */
    smoothing: number;
    /** Person-years a rate needs to carry as much weight as the reference's, the age from which both sexes and all
     * older ages share one rate, and the reference (`MigrationPooling`). */
    priorExposure: number;
    oldAge: number;
    reference: "county" | "nation";
    weights: "uniform" | "exponential";
    /** Mean net migration per year over the window (observed, unweighted) and in the first projected year. */
    observedMeanPerYear: number;
    firstYear: number;
  };
  /** How the interval was made: the bootstrap (runs, seed, what a run draws) or the back-test's errors (`method: "empirical"`, runs null). */
  interval:
    | { method: "bootstrap-years"; runs: number; level: number; seed: number; draw: "year" | "run" }
    | (EmpiricalInterval & { runs: null; seed: null; draw: null })
    | null;
  multipliers: readonly { component: Component; from: number; to: number; factor: number }[];
}

export interface MunicipalProjection {
  /** region, year, sex, age ("0" … "100+"), value, kind ("observed" up to the start, "projected" after); years dated
   * as the source dates its population (`assumptions.reference`). */
  population: Table;
  /** region, year, kind, population, low, high (the interval; the start year's is the point itself). */
  total: Table;
  /** region, year, kind, age_group, population, low, high. */
  groups: Table;
  /** region, year, kind, start_population, births, deaths, net_migration, end_population; end = start + births − deaths + net. */
  components: Table;
  /**
   * For each projected year t: what births and deaths alone (net migration set to zero) would have made of the
   * projection's population five years before (or of the start population, in the first five years), as `total` and
   * `groups` without interval: what migration added over those years is the projection beside it
   * (`implausibleFigures` measures it against what kommuner of the same size showed over five years).
   */
  closed: { total: Table; groups: Table };
  rates: Rates;
  assumptions: ProjectionAssumptions;
}

/** The age groups of municipal services in Sweden (SKR's presentation, docs/methods.md §8.2); the annex's `SERVICE_GROUPS` are their labels. */
export const SKR_AGE_GROUPS: readonly (readonly [number, number])[] = [
  [0, 5],
  [6, 15],
  [16, 19],
  [20, 64],
  [65, 79],
  [80, Infinity],
];

/** Norway's service age groups: working age to 66, old age from 67 (SSB's and KOMMUNEBARO's bands). */
export const NO_AGE_GROUPS: readonly (readonly [number, number])[] = [
  [0, 5],
  [6, 15],
  [16, 19],
  [20, 66],
  [67, 79],
  [80, Infinity],
];

/** The service age groups of a country's kommuner: SKR's in Sweden, 20-66 / 67+ in Norway. */
export function serviceAgeGroups(country: "SE" | "NO"): readonly (readonly [number, number])[] {
  return country === "NO" ? NO_AGE_GROUPS : SKR_AGE_GROUPS;
}

/**
 * A cohort-component projection for one kommun from the agencies' own tables (docs/methods.md §8.1), by sex and single
 * year of age, with net migration by age as the residual of population, births and deaths (the component method
 * for places without migration tables):
 *
 *     P(s, x+1, t+1) = P(s, x, t)·(1 − q_{s,x} + n_{s,x})            (the open age keeps its survivors)
 *     B(t) = Σ_a f_a·P(female, a, t);   P(s, 0, t+1) = B·π_s·(1 − q⁰_s + n⁰_s)
 *
 * - q: deaths of the cohort over the year per person at its start (`cohortDeaths`), the national risk times the
 *   local/national ratio of its age group (0, 1-4 … 90+), clipped to [0.7, 1.3], 1 where the group had fewer than
 *   50 deaths in the window (`localRate`). Deaths given by age group are spread within each group in proportion to
 *   m^std_x·E_x (a standard schedule × the exposure ½(P + P′)): indirect standardisation.
 * - f: births by the mother's age where given; otherwise total births B spread by a standard shape s_a,
 *   f_a = s_a·k with k = Σ_t w_t·B_t / Σ_t w_t·Σ_a s_a·W_{a,t}, the local k = national k × the clipped local/national
 *   ratio [0.1, 3]. Without a births table, B_t = P(0, end of t) + D(0, t).
 * - n: net migration rates Σ_t w_t·NM_t / Σ_t w_t·P_t, each summed over x ± `smoothing` ages first; NM from
 *   `residualMigration`. Time weights w: exponential (α = 0.33) for fertility and migration, uniform for mortality.
 *
 * The interval comes from a bootstrap over the window's years: each projected year draws one observed year (with
 * the time weights as probabilities) and uses its net migration rates and fertility level (or one year holds for
 * the whole run, `interval.draw = "run"`); mortality is fixed. Or it comes from the back-test's errors
 * (`interval: empiricalInterval("SE", population)`).
 *
 * @example
 * const p = projectMunicipality({ population, reference: "end", deaths }, { region: "2021", horizon: 2040 });
 * p.total.filter({ year: 2030 }).toRows() // [{ region: "2021", year: 2030, kind: "projected", population, low, high }]
 */
export function projectMunicipality(
  input: ProjectionData | ProjectionInput,
  options: MunicipalProjectionOptions,
): MunicipalProjection {
  const data = "maxAge" in input ? input : prepareProjectionData(input);
  const n = data.maxAge + 1;
  const region = options.region;
  const period = periodOf(data, options);
  const estimates = windowRates(data, options, period);
  const { births, deaths } = estimates;
  const improvement = improvementOf(data, options, estimates.nationalRegions, period);
  const yearly = yearlyRates(estimates.rates, deaths, improvement);
  const multipliers = options.multipliers ?? [];
  const startPop = period.own.get(period.start)!;
  const projection = projectPopulation({
    population: { female: Array.from(startPop.subarray(0, n)), male: Array.from(startPop.subarray(n)) },
    start: period.start,
    horizon: period.horizon,
    rates: yearly.ratesIn,
    boys: births.boysShare,
    multipliers,
    region,
  });
  const groups = options.ageGroups ?? SKR_AGE_GROUPS;
  const empirical = options.interval && "method" in options.interval ? options.interval : null;
  const interval = bootstrapSettings(options.interval);
  const bounds = interval
    ? bootstrapBounds(estimates, yearly, period, startPop, n, groups, interval, multipliers)
    : null;
  const components = componentRows(region, estimates.local, projection.components);
  const { totals, groupRows } = totalAndGroupRows(
    region,
    period,
    data.maxAge,
    projection.population,
    groups,
    bounds,
    empirical,
  );
  const closed = withoutMigration(
    region,
    period,
    projection.population,
    n,
    groups,
    closedStep(n, yearly, births.boysShare, multipliers),
  );
  const assumptions = projectionAssumptions(data, options, period, estimates, improvement, {
    observedNet: components.filter((r) => r.kind === "observed").map((r) => r.net_migration as number),
    firstYear: (projection.components.get("net_migration", 0) as number | null) ?? 0,
    empirical,
    interval,
    multipliers,
  });
  const tables = projectionTables(data, region, period, projection.population, components, totals, groupRows, closed);
  return { ...tables, rates: estimates.rates, assumptions };
}

/** The projection's tables, with the population file as their provenance. */
function projectionTables(
  data: ProjectionData,
  region: string,
  period: Period,
  projected: Table,
  components: Row[],
  totals: Row[],
  groupRows: Row[],
  closed: { totals: Row[]; groupRows: Row[] },
): Omit<MunicipalProjection, "rates" | "assumptions"> {
  const provenance = { ...(data.files.population ? { file: data.files.population } : {}) };
  return {
    population: toTable(
      populationRows(region, period, data.maxAge, projected),
      ["region", "sex", "age", "kind"],
      provenance,
    ),
    total: toTable(totals, ["region", "kind"], provenance),
    groups: toTable(groupRows, ["region", "kind", "age_group"], provenance),
    components: toTable(components, ["region", "kind"], provenance),
    closed: {
      total: toTable(closed.totals, ["region", "kind"], provenance),
      groups: toTable(closed.groupRows, ["region", "kind", "age_group"], provenance),
    },
  };
}

/** The window's rates and what they were estimated from (`windowRates`). */
export interface WindowRates {
  /** The kommun's facts by window year, and those of the regions its migration leans on (county or nation). */
  local: YearFacts[];
  reference: YearFacts[];
  nationalRegions: string[];
  deaths: MortalityEstimate;
  births: FertilityEstimate;
  pooling: MigrationPooling;
  /** The time weights of fertility and migration over the window. */
  wg: number[];
  rates: Rates;
  /** Net migration rates by sex and age from some years' facts, pooled with the reference's as the window's are. */
  migrationRates: (fs: readonly YearFacts[], refs: readonly YearFacts[], w: readonly number[]) => number[][];
}

/**
 * The rates of the window: mortality (national risks × the local ratio of each age group), fertility (local level ×
 * the nation's or a standard shape) and net migration (pooled with the county's or the nation's where few).
 */
function windowRates(data: ProjectionData, options: MunicipalProjectionOptions, period: Period): WindowRates {
  const n = data.maxAge + 1;
  const { years } = period;
  const nationalRegions = nationOf(data, options.national);
  const schedule = options.standardMortality ?? STANDARD_MORTALITY;
  const given = options.standardMortality !== undefined;
  const local = years.map((t) => yearFacts(data, [options.region], t, schedule));
  const nation = nationFacts(data, nationalRegions, years, schedule, given);
  const deaths = estimateMortality(local, nation, data.maxAge, options.oldAgeMortality !== false);
  const births = estimateFertility(data, local, nation, options.standardFertility ?? standardFertility(data.maxAge));
  const pooling: MigrationPooling = {
    ...MIGRATION_POOLING,
    ...(options.smoothing !== undefined ? { smoothing: options.smoothing } : {}),
    ...options.migration,
  };
  const wg = timeWeights(years.length, options.migration?.weights ?? "exponential");
  const referenceRegions =
    options.migration?.reference === "nation" ? nationalRegions : countyOf(data, options.region, nationalRegions);
  const reference = nationFacts(data, referenceRegions, years, schedule, given);
  const asYear = (f: YearFacts): MigrationYear => ({
    net: { female: f.migration.female.byStartAge, male: f.migration.male.byStartAge },
    start: f.start,
  });
  const migrationRates = (fs: readonly YearFacts[], refs: readonly YearFacts[], w: readonly number[]) =>
    netMigrationRates(fs.map(asYear), refs.map(asYear), w, n, deaths.mortality, pooling);
  const netMigration = migrationRates(local, reference, wg);
  const rates: Rates = {
    fertility: births.fertility,
    mortality: { female: deaths.mortality[0]!, male: deaths.mortality[1]! },
    netMigration: { female: netMigration[0]!, male: netMigration[1]! },
    newbornMortality: deaths.newbornMortality,
    newbornNetMigration: newbornMigration(local, wg),
  };
  return { local, reference, nationalRegions, deaths, births, pooling, wg, rates, migrationRates };
}

/** The yearly fall of the nation's death rates from the window's centre (`mortalityImprovement`), or null when off. */
function improvementOf(
  data: ProjectionData,
  options: MunicipalProjectionOptions,
  nationalRegions: readonly string[],
  period: Period,
): MortalityImprovement | null {
  if (options.mortalityImprovement === false) return null;
  const { years, start } = period;
  return mortalityImprovement(
    nationFacts(
      data,
      nationalRegions,
      trendYears(data, nationalRegions, start),
      options.standardMortality ?? STANDARD_MORTALITY,
      options.standardMortality !== undefined,
    ),
    sum(years) / years.length,
    data.maxAge + 1,
  );
}

/** The rates of each projected year, computed once per year: the window's, with death risks improved to the year. */
interface YearlyRates {
  mortalityIn: (year: number) => number[][];
  newbornIn: (year: number) => Record<Sex, number>;
  ratesIn: (year: number) => Rates;
}

/** The window's rates with the death risks of each year (`improvedRisks`), memoised by year. */
function yearlyRates(rates: Rates, deaths: MortalityEstimate, improvement: MortalityImprovement | null): YearlyRates {
  const mortalityIn = memoise((year: number) => improvedRisks(deaths.mortality, improvement, year));
  const newbornIn = memoise((year: number) => {
    const [female, male] = improvedRisks(
      [[deaths.newbornMortality.female], [deaths.newbornMortality.male]],
      improvement,
      year,
    );
    return { female: female![0]!, male: male![0]! };
  });
  const ratesIn = memoise((year: number): Rates => ({
    ...rates,
    mortality: { female: mortalityIn(year)[0]!, male: mortalityIn(year)[1]! },
    newbornMortality: newbornIn(year),
  }));
  return { mortalityIn, newbornIn, ratesIn };
}

type Multipliers = NonNullable<MunicipalProjectionOptions["multipliers"]>;

/** The bootstrap's bounds: runs drawing whole observed years (their fertility level and net migration), mortality fixed. */
function bootstrapBounds(
  estimates: WindowRates,
  yearly: YearlyRates,
  period: Period,
  startPop: Float64Array,
  n: number,
  groups: readonly (readonly [number, number])[],
  interval: NonNullable<ReturnType<typeof bootstrapSettings>>,
  multipliers: Multipliers,
): { low: number[][]; high: number[][] } {
  const { local, reference, births, wg } = estimates;
  const perYear = local.map((f, k) => ({
    fertility: births.yearFertility(f),
    netMigration: estimates.migrationRates([f], [reference[k]!], [1]),
    newborn: newbornMigration([f], [1]),
  }));
  const { mortalityIn, newbornIn } = yearly;
  const fixed = { mortalityIn, newbornIn, boysShare: births.boysShare, multipliers, start: period.start };
  return bootstrap(startPop, n, period.horizon - period.start, groups, interval, wg, (k) => perYear[k]!, fixed);
}

/**
 * One year of births and deaths alone (net migration zero), with the scenario multipliers of fertility and
 * mortality: what births and deaths would make of the projection five years before (the plausibility guard's C).
 */
function closedStep(
  n: number,
  yearly: YearlyRates,
  boysShare: number,
  multipliers: Multipliers,
): (state: Float64Array, into: Float64Array, year: number) => void {
  const factor = (component: Component, year: number) =>
    multipliers
      .filter((m) => m.component === component && m.from <= year && year <= m.to)
      .reduce((a, m) => a * m.factor, 1);
  const none = SEXES.map(() => new Array<number>(n).fill(0));
  return (state, into, year) =>
    stepNet(
      state,
      into,
      n,
      yearly.ratesIn(year).fertility,
      yearly.mortalityIn(year),
      none,
      yearly.newbornIn(year),
      { female: 0, male: 0 },
      boysShare,
      factor("fertility", year),
      factor("mortality", year),
      0,
    );
}

/**
 * The start, the horizon and the window, checked against the data: by default the last population is the start and
 * the window the up to five years before it that have the population at both ends and the year's events.
 */
function periodOf(data: ProjectionData, options: MunicipalProjectionOptions): Period {
  const region = options.region;
  const own = data.population.get(region);
  if (!own)
    throw new OmvarldError(
      "ARGUMENT",
      `region ${region} is not in the population table`,
      { file: data.files.population },
      `the table has ${data.regions.length} regions, e.g. ${data.regions.slice(0, 3).join(", ")}`,
    );
  // internally every population is at the start of its year; SCB's 31 December t is 1 January t + 1
  const shift = data.reference === "end" ? 1 : 0;
  const popYears = [...own.keys()].sort((a, b) => a - b);
  const start = options.start !== undefined ? options.start + shift : popYears.at(-1)!;
  const horizon = options.horizon + shift;
  if (!own.has(start))
    throw new OmvarldError(
      "ARGUMENT",
      `${region} has no population for ${start - shift}`,
      { file: data.files.population },
      `the population runs from ${popYears[0]! - shift} to ${popYears.at(-1)! - shift}`,
    );
  if (!(horizon > start))
    throw new OmvarldError(
      "ARGUMENT",
      `the horizon ${options.horizon} is not after the start ${start - shift}`,
      {},
      `give a horizon after ${start - shift}`,
    );
  const hasEvents = (t: number) =>
    own.has(t) &&
    own.has(t + 1) &&
    (data.deaths.get(region)?.has(t) ?? false) &&
    (data.birthDetail === "none" || (data.births.get(region)?.has(t) ?? false));
  let from: number;
  let to: number;
  if (options.window) ({ from, to } = options.window);
  else {
    to = start - 1;
    while (to > start - 6 && !hasEvents(to)) to--;
    from = to;
    const length = options.windowYears ?? 5;
    while (from - 1 >= to - (length - 1) && hasEvents(from - 1)) from--;
  }
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  const missing = years.find((t) => !hasEvents(t));
  if (years.length === 0 || missing !== undefined) {
    const deathYears = [...(data.deaths.get(region)?.keys() ?? [])].sort((a, b) => a - b);
    const span = (ys: readonly number[]) => (ys.length ? `${ys[0]}-${ys.at(-1)}` : "none");
    const why =
      data.deathDetail === "none" || deathYears.length === 0
        ? "there is no deaths table"
        : popYears.length < 2
          ? `the population has one year only (${popYears[0]! - shift})`
          : `the population runs ${popYears[0]! - shift}-${popYears.at(-1)! - shift} (${data.reference === "end" ? "31 December" : "1 January"}) and the deaths ${span(deathYears)}`;
    throw new OmvarldError(
      "ARGUMENT",
      `no year of events to estimate rates from for region ${region}: ${why}`,
      { file: data.files.population },
      "a year's rates need the population at its start and end and the year's deaths (and births, where there is a births table)",
    );
  }
  return { own, shift, popYears, start, horizon, from, to, years };
}

/** A function of the year computed once per year. */
function memoise<T>(f: (year: number) => T): (year: number) => T {
  const cache = new Map<number, T>();
  return (year) => {
    if (!cache.has(year)) cache.set(year, f(year));
    return cache.get(year)!;
  };
}

export { stepNet } from "./projection-bootstrap.ts";
export { OLD_AGE } from "./cohort-rates.ts";
