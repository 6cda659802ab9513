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
    { from: 0, to: 5000, kommuner: 15, mape: 3.68, noChange: 3.30, trend: 3.75 },
    { from: 5000, to: 10000, kommuner: 63, mape: 2.52, noChange: 2.68, trend: 3.64 },
    { from: 10000, to: 20000, kommuner: 91, mape: 2.32, noChange: 3.77, trend: 3.07 },
    { from: 20000, to: 50000, kommuner: 74, mape: 2.12, noChange: 5.08, trend: 2.72 },
    { from: 50000, to: null, kommuner: 47, mape: 1.86, noChange: 6.17, trend: 2.08 },
    ],
  },
  NO: {
    years: 5,
    start: "2016",
    classes: [
    { from: 0, to: 5000, kommuner: 174, mape: 4.55, noChange: 3.69, trend: 3.92 },
    { from: 5000, to: 10000, kommuner: 67, mape: 3.48, noChange: 2.56, trend: 3.26 },
    { from: 10000, to: 20000, kommuner: 51, mape: 2.89, noChange: 3.18, trend: 3.17 },
    { from: 20000, to: 50000, kommuner: 40, mape: 2.67, noChange: 3.88, trend: 2.94 },
    { from: 50000, to: null, kommuner: 19, mape: 2.12, noChange: 4.58, trend: 2.34 },
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
