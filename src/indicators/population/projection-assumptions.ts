// What a kommun projection assumed, as data (`ProjectionAssumptions`), from its period, rates and options.
import { sum } from "../util/stats.ts";
import type { EmpiricalInterval } from "./backtest-errors.ts";
import { lifeExpectancy } from "./cohort-rates.ts";
import type { MortalityImprovement } from "./mortality-trend.ts";
import type { bootstrapSettings } from "./projection-bootstrap.ts";
import type { ProjectionData } from "./projection-data.ts";
import type { Period } from "./projection-rows.ts";
import type { MunicipalProjectionOptions, ProjectionAssumptions, WindowRates } from "./municipal-projection.ts";
import { STANDARD_FERTILITY_SOURCE } from "./schedules.ts";
import { SMALL_NUMBERS } from "./small-numbers.ts";
import { STANDARD_MORTALITY_SOURCE } from "./standard-mortality.ts";

/** What the projection itself gave the assumptions: observed net migration by window year and the first projected year's. */
export interface ProjectionOutcome {
  observedNet: readonly number[];
  firstYear: number;
  empirical: EmpiricalInterval | null;
  interval: ReturnType<typeof bootstrapSettings>;
  multipliers: NonNullable<MunicipalProjectionOptions["multipliers"]>;
}

/**
 * The assumptions of a projection: e.g. fertility's tfr = Σ_a s_a·k_local (before clipping), mortality's life
 * expectancy from the risks, and migration's observed mean per year = Σ observed net migration / window years.
 */
export function projectionAssumptions(
  data: ProjectionData,
  options: MunicipalProjectionOptions,
  period: Period,
  estimates: WindowRates,
  improvement: MortalityImprovement | null,
  outcome: ProjectionOutcome,
): ProjectionAssumptions {
  const { years, start, shift } = period;
  const { empirical, interval } = outcome;
  return {
    region: options.region,
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
    fertility: fertilityAssumptions(options, estimates),
    mortality: mortalityAssumptions(data, options, estimates, improvement),
    migration: {
      method: "residual",
      as: "rates",
      smoothing: estimates.pooling.smoothing,
      priorExposure: estimates.pooling.priorExposure,
      oldAge: estimates.pooling.oldAge,
      reference: options.migration?.reference === "nation" ? "nation" : "county",
      weights: options.migration?.weights ?? "exponential",
      observedMeanPerYear: sum(outcome.observedNet) / years.length,
      firstYear: outcome.firstYear,
    },
    interval: empirical
      ? { ...empirical, runs: null, seed: null, draw: null }
      : interval
        ? { method: "bootstrap-years", ...interval }
        : null,
    multipliers: outcome.multipliers,
  };
}

/** Fertility's method and levels: tfr = Σ s_a·k_local (raw), the nation's Σ s_a·k_nation, ratio k_local/k_nation. */
function fertilityAssumptions(
  options: MunicipalProjectionOptions,
  { births }: WindowRates,
): ProjectionAssumptions["fertility"] {
  return {
    method: births.method,
    schedule: births.method === "asfr" ? null : options.standardFertility ? "given" : STANDARD_FERTILITY_SOURCE,
    tfr: sum(births.baseShape) * births.kLocalRaw,
    nationalTfr: sum(births.baseShape) * births.kNation,
    ratio: births.kNation > 0 ? births.kLocal / births.kNation : 1,
    clipped: Math.abs(births.kLocal - births.kLocalRaw) > 1e-9 * Math.max(1, births.kLocalRaw),
    boysShare: births.boysShare,
    weights: "exponential",
  };
}

/** Mortality's method, small-number rule, SMR, fallbacks and life expectancy at birth by sex. */
function mortalityAssumptions(
  data: ProjectionData,
  options: MunicipalProjectionOptions,
  { deaths }: WindowRates,
  improvement: MortalityImprovement | null,
): ProjectionAssumptions["mortality"] {
  return {
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
  };
}
