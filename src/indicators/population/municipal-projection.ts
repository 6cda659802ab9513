import { OmvarldError } from "../../errors.ts";
import type { EmpiricalInterval } from "./backtest-errors.ts";

import { mulberry32, quantile } from "../util/random.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { sum } from "../util/stats.ts";
import {
  type BirthCount,
  type DeathBand,
  type ProjectionData,
  type ProjectionInput,
  prepareProjectionData,
} from "./projection-data.ts";
import type { Sex } from "../../io/sex.ts";
import { isCountry } from "../../regions/labels.ts";
import { type BySex, projectPopulation, type Rates, timeWeights } from "./projection.ts";
import { localRate, MORTALITY_GROUPS, SEXES, SMALL_NUMBERS } from "./small-numbers.ts";
import { cohortDeaths, residualMigration } from "./residual-migration.ts";
import { MIGRATION_POOLING, type MigrationPooling, type MigrationYear, netMigrationRates } from "./migration-rates.ts";
import { spread, STANDARD_FERTILITY_SOURCE, standardFertility } from "./schedules.ts";
import { STANDARD_MORTALITY, STANDARD_MORTALITY_SOURCE } from "./standard-mortality.ts";
import { fitKannisto, kannistoHazard, openAgeRate } from "./old-age-mortality.ts";
import { improvedRisks, type MortalityImprovement, mortalityImprovement } from "./mortality-trend.ts";

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
const NATION_CACHE = new WeakMap<ProjectionData, Map<string, YearFacts>>();

/** One observed year of a region: the start and end populations, births, cohort deaths and residual net migration. */
interface YearFacts {
  year: number;
  start: Float64Array;
  end: Float64Array;
  births: Record<Sex, number>;
  /** Single-age deaths by age at death (squares), women then men. */
  deaths: Float64Array;
  cohort: Record<Sex, { newborn: number; byStartAge: number[] }>;
  migration: Record<Sex, { newborn: number; byStartAge: number[] }>;
  /** Births by the mother's age, where given. */
  byAge: Float64Array | null;
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
  const { own, shift, start, horizon, years } = period;
  const nationalRegions = nationOf(data, options.national);
  const schedule = options.standardMortality ?? STANDARD_MORTALITY;
  const local = years.map((t) => yearFacts(data, [region], t, schedule));
  const nation = nationFacts(data, nationalRegions, years, schedule, options.standardMortality !== undefined);

  const deaths = estimateMortality(local, nation, data.maxAge, options.oldAgeMortality !== false);
  const births = estimateFertility(data, local, nation, options.standardFertility ?? standardFertility(data.maxAge));
  const pooling: MigrationPooling = {
    ...MIGRATION_POOLING,
    ...(options.smoothing !== undefined ? { smoothing: options.smoothing } : {}),
    ...options.migration,
  };
  const smoothing = pooling.smoothing;
  const wg = timeWeights(years.length, options.migration?.weights ?? "exponential");
  const referenceRegions =
    options.migration?.reference === "nation" ? nationalRegions : countyOf(data, region, nationalRegions);
  const reference = nationFacts(data, referenceRegions, years, schedule, options.standardMortality !== undefined);
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

  const improvement =
    options.mortalityImprovement === false
      ? null
      : mortalityImprovement(
          nationFacts(
            data,
            nationalRegions,
            trendYears(data, nationalRegions, start),
            schedule,
            options.standardMortality !== undefined,
          ),
          sum(years) / years.length,
          n,
        );
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

  const multipliers = options.multipliers ?? [];
  const startPop = own.get(start)!;
  const projection = projectPopulation({
    population: { female: Array.from(startPop.subarray(0, n)), male: Array.from(startPop.subarray(n)) },
    start,
    horizon,
    rates: ratesIn,
    boys: births.boysShare,
    multipliers,
    region,
  });

  const groups = options.ageGroups ?? SKR_AGE_GROUPS;
  const empirical = options.interval && "method" in options.interval ? options.interval : null;
  const interval = bootstrapSettings(options.interval);
  // the bootstrap draws whole observed years: their fertility level and net migration, mortality fixed
  const perYear = (interval ? local : []).map((f, k) => ({
    fertility: births.yearFertility(f),
    netMigration: migrationRates([f], [reference[k]!], [1]),
    newborn: newbornMigration([f], [1]),
  }));
  const fixed = { mortalityIn, newbornIn, boysShare: births.boysShare, multipliers, start };
  const bounds = interval
    ? bootstrap(startPop, n, horizon - start, groups, interval, wg, (k) => perYear[k]!, fixed)
    : null;

  const components = componentRows(region, local, projection.components);
  const { totals, groupRows } = totalAndGroupRows(
    region,
    period,
    data.maxAge,
    projection.population,
    groups,
    bounds,
    empirical,
  );
  // what births and deaths alone would make of the projection five years before each year (the plausibility guard's C)
  const factor = (component: Component, year: number) =>
    multipliers
      .filter((m) => m.component === component && m.from <= year && year <= m.to)
      .reduce((a, m) => a * m.factor, 1);
  const none = SEXES.map(() => new Array<number>(n).fill(0));
  const closed = withoutMigration(region, period, projection.population, n, groups, (state, into, year) =>
    stepNet(
      state,
      into,
      n,
      ratesIn(year).fertility,
      mortalityIn(year),
      none,
      newbornIn(year),
      { female: 0, male: 0 },
      births.boysShare,
      factor("fertility", year),
      factor("mortality", year),
      0,
    ),
  );
  const observedNet = components.filter((r) => r.kind === "observed").map((r) => r.net_migration as number);
  const assumptions: ProjectionAssumptions = {
    region,
    national: typeof options.national === "string" ? options.national : "(sum of all regions)",
    reference: data.reference,
    window: {
      from: period.from,
      to: period.to,
      years: years.length,
      requested: options.window ? years.length : (options.windowYears ?? 5),
    },
    start: start - shift,
    horizon: options.horizon,
    fertility: {
      method: births.method,
      schedule: births.method === "asfr" ? null : options.standardFertility ? "given" : STANDARD_FERTILITY_SOURCE,
      tfr: sum(births.baseShape) * births.kLocalRaw,
      nationalTfr: sum(births.baseShape) * births.kNation,
      ratio: births.kNation > 0 ? births.kLocal / births.kNation : 1,
      clipped: Math.abs(births.kLocal - births.kLocalRaw) > 1e-9 * Math.max(1, births.kLocalRaw),
      boysShare: births.boysShare,
      weights: "exponential",
    },
    mortality: {
      method: data.deathDetail === "none" ? "totals" : data.deathDetail,
      schedule:
        data.deathDetail === "single-age" ? null : options.standardMortality ? "given" : STANDARD_MORTALITY_SOURCE,
      minDeaths: SMALL_NUMBERS.mortality.minEvents,
      clip: SMALL_NUMBERS.mortality.clip,
      smr: deaths.smr,
      fallback: deaths.fallback,
      clippedGroups: deaths.clippedGroups,
      improvement,
      lifeExpectancy: {
        female: lifeExpectancy(deaths.mortality[0]!, deaths.newbornMortality.female),
        male: lifeExpectancy(deaths.mortality[1]!, deaths.newbornMortality.male),
      },
      weights: "uniform",
    },
    migration: {
      method: "residual",
      as: "rates",
      smoothing,
      priorExposure: pooling.priorExposure,
      oldAge: pooling.oldAge,
      reference: options.migration?.reference === "nation" ? "nation" : "county",
      weights: options.migration?.weights ?? "exponential",
      observedMeanPerYear: sum(observedNet) / years.length,
      firstYear: (projection.components.get("net_migration", 0) as number | null) ?? 0,
    },
    interval: empirical
      ? { ...empirical, runs: null, seed: null, draw: null }
      : interval
        ? { method: "bootstrap-years", ...interval }
        : null,
    multipliers,
  };
  const provenance = { ...(data.files.population ? { file: data.files.population } : {}) };
  return {
    population: toTable(
      populationRows(region, period, data.maxAge, projection.population),
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
    rates,
    assumptions,
  };
}

/** The kommun's population by year and where the projection starts and ends, in its own dating (1 January). */
interface Period {
  own: Map<number, Float64Array>;
  /** 1 where the source dates its population 31 December (SCB): its year t is 1 January t + 1 inside. */
  shift: number;
  popYears: number[];
  start: number;
  horizon: number;
  /** The window of observed years the rates come from. */
  from: number;
  to: number;
  years: number[];
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

/** The nation's facts for the window's years: the same for every kommun, so kept with the data for a back-test's many projections. */
function nationFacts(
  data: ProjectionData,
  regions: readonly string[],
  years: readonly number[],
  schedule: BySex,
  givenSchedule: boolean,
): YearFacts[] {
  let cache = NATION_CACHE.get(data);
  if (!cache) NATION_CACHE.set(data, (cache = new Map()));
  return years.map((t) => {
    const key = `${givenSchedule ? "given" : "standard"}|${t}|${regions.join(",")}`;
    if (!givenSchedule && cache.has(key)) return cache.get(key)!;
    const f = yearFacts(data, regions, t, schedule);
    if (!givenSchedule) cache.set(key, f);
    return f;
  });
}

interface MortalityEstimate {
  /** Cohort death risks by sex (women, men) and single age at the start of the year. */
  mortality: number[][];
  newbornMortality: Record<Sex, number>;
  /** Age groups that fell back to the national risk, or whose ratio was clipped. */
  fallback: number;
  clippedGroups: number;
  smr: Record<Sex, number>;
}

/** Mortality: the nation's cohort risks times the local/national ratio of each age group, by the small-number rule. */
function estimateMortality(
  local: readonly YearFacts[],
  nation: readonly YearFacts[],
  A: number,
  oldAgeModel: boolean,
): MortalityEstimate {
  const n = A + 1;
  const nationalQ = SEXES.map((s, si) =>
    (oldAgeModel ? smoothOldAges : (q: number[]) => q)(
      Array.from({ length: n }, (_, x) =>
        ratio(
          nation.map((f) => f.cohort[s].byStartAge[x]!),
          nation.map((f) => f.start[si * n + x]!),
        ),
      ),
      nation,
      si,
    ),
  );
  let fallback = 0;
  let clippedGroups = 0;
  const smr = { female: 1, male: 1 };
  const mortality = SEXES.map((s, si) => {
    const q = [...nationalQ[si]!];
    let observedAll = 0;
    let expectedAll = 0;
    MORTALITY_GROUPS.forEach((lo, g) => {
      const hi = g + 1 < MORTALITY_GROUPS.length ? MORTALITY_GROUPS[g + 1]! - 1 : A;
      let observed = 0;
      let expected = 0;
      for (let x = lo; x <= Math.min(hi, A); x++) {
        for (const f of local) {
          observed += f.cohort[s].byStartAge[x]!;
          expected += nationalQ[si]![x]! * f.start[si * n + x]!;
        }
      }
      observedAll += observed;
      expectedAll += expected;
      const r = localRate(observed, expected, 1, SMALL_NUMBERS.mortality);
      if (observed < SMALL_NUMBERS.mortality.minEvents) fallback++;
      else if (expected > 0 && Math.abs(r - observed / expected) > 1e-12) clippedGroups++;
      for (let x = lo; x <= Math.min(hi, A); x++) q[x] = Math.min(1, nationalQ[si]![x]! * r);
    });
    smr[s] = expectedAll > 0 ? observedAll / expectedAll : 1;
    return q;
  });
  const newbornMortality = Object.fromEntries(
    SEXES.map((s) => [
      s,
      ratio(
        nation.map((f) => f.cohort[s].newborn),
        nation.map((f) => f.births[s]),
      ),
    ]),
  ) as Record<Sex, number>;
  return { mortality, newbornMortality, fallback, clippedGroups, smr };
}

/** The first age whose cohort risk comes from the fitted old-age model, and the ages the model is fitted to. */
export const OLD_AGE = { from: 90, fit: [80, 99] } as const;

/**
 * The nation's cohort risks from age 90 on from a Kannisto model fitted to its single-age deaths and exposures at
 * 80-99 (`fitKannisto`): smooth and rising with age, and the open age group's risk that of the group as a whole
 * (m_{A+} = 1/e_A). A cohort aged x at the start of a year lives through ages x to x + 2, so its risk is
 * q_x = 1 − exp(−½(μ(x + ½) + μ(x + 1½))); the open group's q_A = 1 − exp(−m_{A+}). Below 90 the observed risks stay.
 */
function smoothOldAges(q: number[], nation: readonly YearFacts[], si: number): number[] {
  const n = q.length;
  const A = n - 1;
  const [lo, hi] = OLD_AGE.fit;
  if (A <= OLD_AGE.from) return q;
  const ages = Array.from({ length: Math.min(hi, A - 1) - lo + 1 }, (_, k) => lo + k);
  const deaths = ages.map((x) => sum(nation.map((f) => f.deaths[si * n + x]!)));
  const exposure = ages.map((x) => sum(nation.map((f) => 0.5 * (f.start[si * n + x]! + f.end[si * n + x]!))));
  const model = fitKannisto(ages, deaths, exposure);
  if (!model) return q;
  const out = [...q];
  for (let x = OLD_AGE.from; x < A; x++)
    out[x] = 1 - Math.exp(-0.5 * (kannistoHazard(model, x + 0.5) + kannistoHazard(model, x + 1.5)));
  out[A] = 1 - Math.exp(-openAgeRate(model, A));
  return out;
}

interface FertilityEstimate {
  method: ProjectionAssumptions["fertility"]["method"];
  /** The age schedule before its level: the nation's rates by the mother's age, or the standard shape. */
  baseShape: number[];
  /** The level k of the nation, of the kommun before and after the small-number rule. */
  kNation: number;
  kLocalRaw: number;
  kLocal: number;
  /** Births per woman by age: baseShape × kLocal. */
  fertility: number[];
  boysShare: number;
  /** The schedule at one observed year's own level (for the bootstrap). */
  yearFertility: (f: YearFacts) => number[];
}

/** Fertility: an age schedule times the kommun's level k, the national k times the clipped local/national ratio. */
function estimateFertility(
  data: ProjectionData,
  local: readonly YearFacts[],
  nation: readonly YearFacts[],
  shape: readonly number[],
): FertilityEstimate {
  const n = data.maxAge + 1;
  const wf = timeWeights(local.length, "exponential");
  const method: FertilityEstimate["method"] =
    data.birthDetail === "mother-age" ? "asfr" : data.birthDetail === "none" ? "age-zero" : "total-births";
  const womenStart = (f: YearFacts) => f.start.subarray(0, n);
  const totalBirths = (f: YearFacts) => f.births.female + f.births.male;
  const baseShape =
    method === "asfr"
      ? Array.from({ length: n }, (_, a) =>
          weightedRatio(
            nation.map((f) => f.byAge![a]!),
            nation.map((f) => womenStart(f)[a]!),
            wf,
          ),
        )
      : shape.slice(0, n);
  const expectedBirths = (f: YearFacts) => sum(baseShape.map((sa, a) => sa * womenStart(f)[a]!));
  const kNation = weightedRatio(nation.map(totalBirths), nation.map(expectedBirths), wf);
  const kLocalRaw = weightedRatio(local.map(totalBirths), local.map(expectedBirths), wf);
  // k = national k × the local/national ratio clipped to [0.1, 3]
  const localLevel = (births: number, expected: number) =>
    localRate(births, expected, kNation, SMALL_NUMBERS.fertility);
  const kLocal = localLevel(
    sum(local.map((f, k) => wf[k]! * totalBirths(f))),
    sum(local.map((f, k) => wf[k]! * expectedBirths(f))),
  );
  const boysShare =
    ratio(
      nation.map((f) => f.births.male),
      nation.map(totalBirths),
    ) || 0.512;
  return {
    method,
    baseShape,
    kNation,
    kLocalRaw,
    kLocal,
    fertility: baseShape.map((sa) => sa * kLocal),
    boysShare,
    yearFertility: (f) => baseShape.map((sa) => sa * localLevel(totalBirths(f), expectedBirths(f))),
  };
}

/** Net migration of the children born in the year, per birth, by sex. */
function newbornMigration(fs: readonly YearFacts[], w: readonly number[]): Record<Sex, number> {
  return Object.fromEntries(
    SEXES.map((s) => [
      s,
      weightedRatio(
        fs.map((f) => f.migration[s].newborn),
        fs.map((f) => f.births[s]),
        w,
      ),
    ]),
  ) as Record<Sex, number>;
}

/** The bootstrap's settings with their defaults, or null for the back-test's interval or none. */
function bootstrapSettings(
  interval: MunicipalProjectionOptions["interval"],
): { runs: number; level: number; seed: number; draw: "year" | "run" } | null {
  if (interval === false || (interval && "method" in interval)) return null;
  return {
    runs: interval?.runs ?? 500,
    level: interval?.level ?? 0.8,
    seed: interval?.seed ?? 1,
    draw: interval?.draw ?? "year",
  };
}

type Row = Record<string, string | number | null>;

/** The population by sex and single age: observed up to the start, projected after; years in the source's dating. */
function populationRows(region: string, period: Period, A: number, projected: Table): Row[] {
  const { own, shift, start } = period;
  const n = A + 1;
  const label = (a: number) => (a === A ? `${A}+` : String(a));
  const rows: Row[] = [];
  for (const year of period.popYears.filter((y) => y < start)) {
    const p = own.get(year)!;
    SEXES.forEach((sex, si) => {
      for (let a = 0; a < n; a++)
        rows.push({ region, year: year - shift, sex, age: label(a), value: p[si * n + a]!, kind: "observed" });
    });
  }
  const [py, ps, pa, pv] = [
    projected.numbers("year"),
    projected.strings("sex"),
    projected.numbers("age"),
    projected.numbers("population"),
  ];
  for (let i = 0; i < projected.numRows; i++) {
    const year = py.get(i)!;
    rows.push({
      region,
      year: year - shift,
      sex: ps.get(i),
      age: label(pa.get(i)!),
      value: pv.get(i),
      kind: year === start ? "observed" : "projected",
    });
  }
  return rows;
}

/** The components of change: the window's observed years, then the projected ones. */
function componentRows(region: string, local: readonly YearFacts[], projected: Table): Row[] {
  const rows: Row[] = local.map((f) => ({
    region,
    year: f.year,
    kind: "observed",
    start_population: sum(f.start),
    births: f.births.female + f.births.male,
    deaths: sum(f.deaths),
    net_migration: sum(SEXES.map((s) => f.migration[s].newborn + sum(f.migration[s].byStartAge))),
    end_population: sum(f.end),
  }));
  const columns = ["start_population", "births", "deaths", "net_migration", "end_population"] as const;
  for (let i = 0; i < projected.numRows; i++) {
    const row: Row = { region, year: projected.get("year", i) as number, kind: "projected" };
    for (const c of columns) row[c] = projected.get(c, i) as number;
    rows.push(row);
  }
  return rows;
}

/**
 * The total and the age groups by year with their interval: the bootstrap's percentiles, or the back-test's
 * errors scaled with the horizon, P_h·(1 + e·h/years/100) (totals only).
 */
function totalAndGroupRows(
  region: string,
  period: Period,
  A: number,
  projected: Table,
  groups: readonly (readonly [number, number])[],
  bounds: { low: number[][]; high: number[][] } | null,
  empirical: EmpiricalInterval | null,
): { totals: Row[]; groupRows: Row[] } {
  const { own, shift, start, horizon } = period;
  const n = A + 1;
  const totals: Row[] = [];
  const groupRows: Row[] = [];
  const years = [
    ...period.popYears.filter((y) => y < start),
    ...Array.from({ length: horizon - start + 1 }, (_, k) => start + k),
  ];
  const states = statesOf(projected, n);
  const stateOf = (year: number): Float64Array => (year <= start ? own.get(year)! : states.get(year)!);
  for (const year of years) {
    const state = stateOf(year);
    const k = year - start;
    const kind = year <= start ? "observed" : "projected";
    const withBand = k >= 0 && bounds;
    const point = sum(state);
    const band = withBand
      ? [bounds!.low[k]![0]!, bounds!.high[k]![0]!]
      : empirical && k >= 0
        ? [
            Math.max(0, point * (1 - (empirical.error * k) / empirical.years / 100)),
            point * (1 + (empirical.error * k) / empirical.years / 100),
          ]
        : [null, null];
    totals.push({ region, year: year - shift, kind, population: point, low: band[0]!, high: band[1]! });
    groups.forEach((g, gi) => {
      groupRows.push({
        region,
        year: year - shift,
        kind,
        age_group: groupLabel(g, n - 1),
        population: groupSum(state, n, g),
        low: withBand ? bounds!.low[k]![gi + 1]! : null,
        high: withBand ? bounds!.high[k]![gi + 1]! : null,
      });
    });
  }
  return { totals, groupRows };
}

/**
 * The years before the start (up to ten) in which the nation has its population at both ends and deaths: the
 * years the improvement of mortality is estimated from.
 */
function trendYears(data: ProjectionData, nation: readonly string[], start: number): number[] {
  const has = (t: number) =>
    nation.some(
      (r) => data.population.get(r)?.has(t) && data.population.get(r)?.has(t + 1) && data.deaths.get(r)?.has(t),
    );
  const years: number[] = [];
  for (let t = start - 1; t >= start - 10 && has(t); t--) years.unshift(t);
  return years;
}

/** A function of the year computed once per year. */
function memoise<T>(f: (year: number) => T): (year: number) => T {
  const cache = new Map<number, T>();
  return (year) => {
    if (!cache.has(year)) cache.set(year, f(year));
    return cache.get(year)!;
  };
}

/**
 * The closed five-year runs of the plausibility guard: for each projected year t, the projection's population of
 * max(start, t − 5) carried to t by births and deaths alone (`step`, one year without migration).
 */
function withoutMigration(
  region: string,
  period: Period,
  projected: Table,
  n: number,
  groups: readonly (readonly [number, number])[],
  step: (state: Float64Array, into: Float64Array, year: number) => void,
): { totals: Row[]; groupRows: Row[] } {
  const { start, horizon, shift } = period;
  const states = statesOf(projected, n);
  const totals: Row[] = [];
  const groupRows: Row[] = [];
  for (let t = start + 1; t <= horizon; t++) {
    const from = Math.max(start, t - 5);
    let state = Float64Array.from(states.get(from)!);
    let next = new Float64Array(2 * n);
    for (let y = from; y < t; y++) {
      step(state, next, y);
      [state, next] = [next, state];
    }
    totals.push({ region, year: t - shift, kind: "projected", population: sum(state) });
    for (const g of groups)
      groupRows.push({
        region,
        year: t - shift,
        kind: "projected",
        age_group: groupLabel(g, n - 1),
        population: groupSum(state, n, g),
      });
  }
  return { totals, groupRows };
}

/** A projection's population (year, sex, age, population) as one array per year: women's ages, then men's. */
function statesOf(projected: Table, n: number): Map<number, Float64Array> {
  const states = new Map<number, Float64Array>();
  const [py, ps, pa, pv] = [
    projected.numbers("year"),
    projected.strings("sex"),
    projected.numbers("age"),
    projected.numbers("population"),
  ];
  for (let i = 0; i < projected.numRows; i++) {
    const year = py.get(i)!;
    let state = states.get(year);
    if (!state) states.set(year, (state = new Float64Array(2 * n)));
    state[(ps.get(i) === "female" ? 0 : n) + pa.get(i)!] = pv.get(i)!;
  }
  return states;
}

/** An age group's label: "20-64", or "80+" for the open one (its end at or past the open age A). */
function groupLabel([lo, hi]: readonly [number, number], A: number): string {
  return hi === Infinity || hi >= A ? `${lo}+` : `${lo}-${hi}`;
}

/** The regions that make the nation: a named national region, a list, or all regions (a national row among them is used alone). */
function nationOf(data: ProjectionData, national: string | readonly string[] | undefined): string[] {
  if (typeof national === "string") {
    if (!data.population.has(national))
      throw new OmvarldError(
        "ARGUMENT",
        `the nation ${national} is not in the population table`,
        {},
        "leave `national` out to sum all regions",
      );
    return [national];
  }
  if (national) return [...national];
  const nationalRow = data.regions.find((r) => isCountry(r));
  return nationalRow ? [nationalRow] : data.regions;
}

/**
 * The kommuner of the region's county: those whose code starts with the same two digits (Swedish län, Norwegian
 * fylke), SSB's pseudo-regions left out; the nation where the county has no other kommun.
 */
function countyOf(data: ProjectionData, region: string, nation: readonly string[]): string[] {
  const county = data.regions.filter(
    (r) => r.length === region.length && r.slice(0, 2) === region.slice(0, 2) && data.kinds.get(r) !== "pseudo",
  );
  return county.length > 1 ? county : [...nation];
}

/**
 * The facts of one year t for the sum of some regions: populations at the start of t and t + 1, births (by sex:
 * as given, by the national share, or from the children aged 0 plus deaths at age 0), single-age deaths (given, or
 * spread within their bands by schedule × exposure) and the residual net migration.
 */
function yearFacts(data: ProjectionData, regions: readonly string[], t: number, schedule: BySex): YearFacts {
  const A = data.maxAge;
  const n = A + 1;
  const start = new Float64Array(2 * n);
  const end = new Float64Array(2 * n);
  const deaths = new Float64Array(2 * n);
  const births: Record<Sex, number> = { female: 0, male: 0 };
  let byAge: Float64Array | null = null;
  let birthsTotal = 0;
  let birthsBySex = true;
  for (const r of regions) {
    const p0 = data.population.get(r)?.get(t);
    const p1 = data.population.get(r)?.get(t + 1);
    if (!p0 || !p1) continue;
    for (let i = 0; i < 2 * n; i++) {
      start[i]! += p0[i]!;
      end[i]! += p1[i]!;
    }
    const exposure = (sex: Sex, x: number) =>
      0.5 * (p0[(sex === "female" ? 0 : n) + x]! + p1[(sex === "female" ? 0 : n) + x]!);
    for (const band of data.deaths.get(r)?.get(t) ?? ([] as DeathBand[]))
      spreadDeaths(band, exposure, schedule, deaths, n);
    const b: BirthCount | undefined = data.births.get(r)?.get(t);
    if (b) {
      birthsTotal += b.total;
      if (b.female === null || b.male === null) birthsBySex = false;
      else {
        births.female += b.female;
        births.male += b.male;
      }
      if (b.byAge) {
        byAge ??= new Float64Array(n);
        for (let a = 0; a < n; a++) byAge[a]! += b.byAge[a]!;
      }
    }
  }
  if (data.birthDetail === "none") {
    // no births table: the children aged 0 at the end of the year and the year's deaths at age 0
    births.female = end[0]! + deaths[0]!;
    births.male = end[n]! + deaths[n]!;
  } else if (!birthsBySex) {
    births.male = 0.512 * birthsTotal;
    births.female = birthsTotal - births.male;
  }
  const cohort = {
    female: cohortDeaths(deaths.subarray(0, n)),
    male: cohortDeaths(deaths.subarray(n)),
  };
  const migration = {
    female: residualMigration(start.subarray(0, n), end.subarray(0, n), births.female, cohort.female),
    male: residualMigration(start.subarray(n), end.subarray(n), births.male, cohort.male),
  };
  return { year: t, start, end, births, deaths, cohort, migration, byAge };
}

/** Adds one band's deaths to the single-age deaths, spread by m^std_x·E_x over its ages (and sexes, where the band has none). */
function spreadDeaths(
  band: DeathBand,
  exposure: (sex: Sex, x: number) => number,
  schedule: BySex,
  into: Float64Array,
  n: number,
): void {
  const sexes: readonly Sex[] = band.sex ? [band.sex] : SEXES;
  if (band.from === band.to && band.sex) {
    into[(band.sex === "female" ? 0 : n) + band.from]! += band.value;
    return;
  }
  const cells: { sex: Sex; x: number }[] = [];
  for (const sex of sexes) for (let x = band.from; x <= band.to; x++) cells.push({ sex, x });
  const parts = spread(
    band.value,
    cells.map((c) => (schedule[c.sex][c.x] ?? schedule[c.sex].at(-1)!) * exposure(c.sex, c.x)),
  );
  cells.forEach((c, k) => {
    into[(c.sex === "female" ? 0 : n) + c.x]! += parts[k]!;
  });
}

/** Σ events / Σ exposure, 0 without exposure. */
function ratio(events: readonly number[], exposure: readonly number[]): number {
  const e = sum(exposure);
  return e > 0 ? sum(events) / e : 0;
}

/** Σ w·events / Σ w·exposure, 0 without exposure. */
function weightedRatio(events: readonly number[], exposure: readonly number[], w: readonly number[]): number {
  let a = 0;
  let b = 0;
  events.forEach((v, k) => {
    a += w[k]! * v;
    b += w[k]! * exposure[k]!;
  });
  return b > 0 ? a / b : 0;
}

function groupSum(state: Float64Array, n: number, [lo, hi]: readonly [number, number]): number {
  let s = 0;
  for (let x = lo; x <= Math.min(hi, n - 1); x++) s += state[x]! + state[n + x]!;
  return s;
}

/**
 * Life expectancy at birth from the projection's risks, for the method note (a period measure on the cohort risks):
 * a child born in the year dies in it with risk q⁰ (half a year lived on average), then the cohort aged x at the
 * start of a year dies in it with risk q_x (half a year lived by those who die), and the open age lives 1/q_A more:
 *
 *     l₀ = 1 − q⁰,  l_{x+1} = l_x·(1 − q_x),  e₀ = ½ + Σ_{x<A} l_x·(1 − q_x/2) + l_A/q_A
 */
function lifeExpectancy(q: readonly number[], newborn: number): number {
  const top = q.length - 1;
  let l = 1 - Math.min(1, newborn);
  let e = 0.5;
  for (let x = 0; x < top; x++) {
    const d = Math.min(1, q[x]!);
    e += l * (1 - d / 2);
    l *= 1 - d;
  }
  return e + (q[top]! > 0 ? l / q[top]! : 0);
}

/**
 * Quantiles of the total and the age groups when each projected year draws one observed year's net migration and
 * fertility (time weights as probabilities). Returns per projected year k (0 = start) [total, group 1, …].
 */
function bootstrap(
  startPop: Float64Array,
  n: number,
  years: number,
  groups: readonly (readonly [number, number])[],
  interval: { runs: number; level: number; seed: number; draw: "year" | "run" },
  weights: readonly number[],
  yearOf: (k: number) => { fertility: number[]; netMigration: number[][]; newborn: Record<Sex, number> },
  fixed: {
    mortalityIn: (year: number) => number[][];
    newbornIn: (year: number) => Record<Sex, number>;
    boysShare: number;
    multipliers: readonly { component: Component; from: number; to: number; factor: number }[];
    start: number;
  },
): { low: number[][]; high: number[][] } {
  const random = mulberry32(interval.seed);
  const cumulative = weights.map((_, k) => weights.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const width = groups.length + 1;
  const values = Array.from({ length: years + 1 }, () =>
    Array.from({ length: width }, () => new Float64Array(interval.runs)),
  );
  let p = new Float64Array(2 * n);
  let q = new Float64Array(2 * n);
  const record = (k: number, run: number, state: Float64Array) => {
    values[k]![0]![run] = sum(state);
    groups.forEach((g, gi) => {
      values[k]![gi + 1]![run] = groupSum(state, n, g);
    });
  };
  const factor = (component: Component, year: number) =>
    fixed.multipliers
      .filter((m) => m.component === component && m.from <= year && year <= m.to)
      .reduce((a, m) => a * m.factor, 1);
  for (let run = 0; run < interval.runs; run++) {
    p.set(startPop);
    record(0, run, p);
    let k = 0;
    for (let y = 0; y < years; y++) {
      if (y === 0 || interval.draw === "year") {
        const u = random();
        k = 0;
        while (k < cumulative.length - 1 && u > cumulative[k]!) k++;
      }
      const r = yearOf(k);
      const year = fixed.start + y;
      stepNet(
        p,
        q,
        n,
        r.fertility,
        fixed.mortalityIn(year),
        r.netMigration,
        fixed.newbornIn(year),
        r.newborn,
        fixed.boysShare,
        factor("fertility", year),
        factor("mortality", year),
        factor("netMigration", year),
      );
      [p, q] = [q, p];
      record(y + 1, run, p);
    }
  }
  return {
    low: values.map((row) => row.map((v) => quantile(v, (1 - interval.level) / 2))),
    high: values.map((row) => row.map((v) => quantile(v, (1 + interval.level) / 2))),
  };
}

/**
 * One year of `projectPopulation` with net migration, on flat arrays (women's ages, then men's), for the bootstrap's
 * many runs; tests check it against `projectPopulation`.
 */
export function stepNet(
  p: Float64Array,
  into: Float64Array,
  n: number,
  fertility: readonly number[],
  mortality: readonly (readonly number[])[],
  net: readonly (readonly number[])[],
  newbornMortality: Record<Sex, number>,
  newbornNet: Record<Sex, number>,
  boys: number,
  fFertility = 1,
  fMortality = 1,
  fNet = 1,
): void {
  let births = 0;
  for (let a = 0; a < n; a++) births += fertility[a]! * fFertility * p[a]!;
  into.fill(0);
  SEXES.forEach((sex, si) => {
    const o = si * n;
    for (let x = 0; x < n; x++)
      into[o + Math.min(x + 1, n - 1)]! += p[o + x]! * (1 - mortality[si]![x]! * fMortality + net[si]![x]! * fNet);
    const newborns = births * (sex === "male" ? boys : 1 - boys);
    into[o]! += newborns * (1 - newbornMortality[sex] * fMortality + newbornNet[sex] * fNet);
  });
}
