// Written by bench/backtest.mjs from bench/backtest-results.json (2026-11-30); do not edit by hand.

/** The back-test's mean absolute percentage error of the total for kommuner of one size (population at the start). */
export interface SizeClassError {
  from: number;
  /** Exclusive; null for the open class. */
  to: number | null;
  kommuner: number;
  /** projectMunicipality's MAPE of the total, and the two naive forecasts': no change, the last five years' linear trend. */
  mape: number;
  noChange: number;
  trend: number;
  /** The 10th and 90th percentiles of (observed − projected) / projected of the total, % : an empirical 80 % interval. */
  p10: number;
  p90: number;
}

/**
 * The back-test of `projectMunicipality` (bench/RESULTS.md, "Back-test"): Sweden, all 290 kommuner from 31 December
 * 2014 to 2019 (5 years); Norway, all kommuner from 1 January 2016 to 2021 (5 years).
 */
export const BACKTEST_ERRORS: Readonly<Record<"SE" | "NO", { years: number; start: string; classes: readonly SizeClassError[] }>> = {
  SE: {
    years: 5,
    start: "2014",
    classes: [
      { from: 0, to: 5000, kommuner: 15, mape: 3.68, noChange: 3.30, trend: 3.75, p10: -6.62, p90: 3.86 },
      { from: 5000, to: 10000, kommuner: 63, mape: 2.52, noChange: 2.68, trend: 3.64, p10: -1.91, p90: 4.70 },
      { from: 10000, to: 20000, kommuner: 91, mape: 2.32, noChange: 3.77, trend: 3.07, p10: -1.55, p90: 4.41 },
      { from: 20000, to: 50000, kommuner: 74, mape: 2.12, noChange: 5.08, trend: 2.72, p10: -1.01, p90: 4.76 },
      { from: 50000, to: null, kommuner: 47, mape: 1.86, noChange: 6.17, trend: 2.08, p10: -0.87, p90: 3.98 },
    ],
  },
  NO: {
    years: 5,
    start: "2016",
    classes: [
      { from: 0, to: 5000, kommuner: 174, mape: 4.55, noChange: 3.69, trend: 3.92, p10: -8.57, p90: 2.72 },
      { from: 5000, to: 10000, kommuner: 67, mape: 3.48, noChange: 2.56, trend: 3.26, p10: -6.04, p90: 1.75 },
      { from: 10000, to: 20000, kommuner: 51, mape: 2.89, noChange: 3.18, trend: 3.17, p10: -5.45, p90: -0.00 },
      { from: 20000, to: 50000, kommuner: 40, mape: 2.67, noChange: 3.88, trend: 2.94, p10: -4.89, p90: 1.34 },
      { from: 50000, to: null, kommuner: 19, mape: 2.12, noChange: 4.58, trend: 2.34, p10: -3.36, p90: 0.46 },
    ],
  },
};

/**
 * The back-test's error for kommuner of a given size: "for kommuner of this size the 5-year error was X %".
 *
 * @example
 * backtestError("SE", 6805) // { from: 5000, to: 10000, mape: …, years: 5 }
 */
export function backtestError(country: "SE" | "NO", population: number): (SizeClassError & { years: number }) | null {
  const c = BACKTEST_ERRORS[country];
  const hit = c.classes.find((k) => population >= k.from && (k.to === null || population < k.to));
  return hit ? { ...hit, years: c.years } : null;
}

/**
 * An empirical 80 % interval for `projectMunicipality` from the back-test of kommuner of the same size:
 *
 * @example
 * projectMunicipality(data, { region: "2021", horizon: 2040, interval: empiricalInterval("SE", 6805)! })
 */
export function empiricalInterval(country: "SE" | "NO", population: number): { method: "empirical"; years: number; low: number; high: number; level: number } | null {
  const e = backtestError(country, population);
  return e ? { method: "empirical", years: e.years, low: e.p10, high: e.p90, level: 0.8 } : null;
}
