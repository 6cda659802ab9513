import { BACKTEST } from "./backtest-data.ts";

/** The back-test's errors of the total for kommuner of one size (population at the start). */
export interface SizeClassError {
  from: number;
  /** Exclusive; null for the open class. */
  to: number | null;
  kommuner: number;
  /** projectMunicipality's mean absolute percentage error of the total, and the naive forecasts': no change, the last
   * five years' linear trend. */
  mape: number;
  noChange: number;
  trend: number;
  /** The agency's own projection's MAPE on the same start and target (Norway: SSB's 2016 projection), where known. */
  agency: number | null;
  /** Mean signed error, (projected − observed)/observed, %. */
  bias: number;
  /** The 80th percentile of |observed − projected|/projected, %: the half-width of an empirical 80 % interval. */
  error80: number;
}

/**
 * The smallest and largest yearly change (%) that net migration made to the total and to each age group among
 * kommuner of a size over five years in the back-test's data: (P/C)^{1/5} − 1, P the population observed five years
 * on and C what births and deaths alone would have made of it (the projection without migration).
 */
export interface PlausibleMigration {
  from: number;
  to: number | null;
  total: readonly [number, number];
  groups: Readonly<Record<string, readonly [number, number]>>;
}

/** A country's back-test: its horizon in years, start, the agency compared with, errors and plausible ranges by size. */
export interface CountryBacktest {
  years: number;
  start: string;
  agency: string | null;
  classes: readonly SizeClassError[];
  plausible: readonly PlausibleMigration[];
}

export type BacktestData = Readonly<Record<"SE" | "NO", CountryBacktest>>;

/** The empirical 80 % interval of `projectMunicipality`: P_h·(1 ± error·h/years/100), h the years since the start. */
export interface EmpiricalInterval {
  method: "empirical";
  years: number;
  /** The half-width after `years` years, % (the back-test's `error80`). */
  error: number;
  level: number;
}

const inClass = (population: number) => (k: { from: number; to: number | null }) =>
  population >= k.from && (k.to === null || population < k.to);

/**
 * The back-test's error for kommuner of a given size: "for kommuner of this size the 5-year error was X %".
 *
 * @example
 * backtestError("SE", 6805) // { from: 5000, to: 10000, mape: …, years: 5 }
 */
export function backtestError(country: "SE" | "NO", population: number): (SizeClassError & { years: number }) | null {
  const c = BACKTEST[country];
  const hit = c.classes.find(inClass(population));
  return hit ? { ...hit, years: c.years } : null;
}

/**
 * The empirical 80 % interval for a kommun of this size: centred on the projection, as wide as the 5-year error that
 * 8 of 10 back-tested kommuner of the same size stayed within, growing in proportion to the horizon.
 *
 * @example
 * projectMunicipality(data, { region: "2021", horizon: 2040, interval: empiricalInterval("SE", 6805)! })
 */
export function empiricalInterval(country: "SE" | "NO", population: number): EmpiricalInterval | null {
  const e = backtestError(country, population);
  return e ? { method: "empirical", years: e.years, error: e.error80, level: 0.8 } : null;
}

/**
 * The plausible range of the yearly change migration makes (%) for a kommun of this size, from the back-test's data.
 *
 * @example
 * plausibleMigration("NO", 6600)?.groups["80+"] // [min, max]
 */
export function plausibleMigration(country: "SE" | "NO", population: number): PlausibleMigration | null {
  return BACKTEST[country].plausible.find(inClass(population)) ?? null;
}
