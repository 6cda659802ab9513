// Written by bench/backtest.mjs from the back-test of 2026-12-06; do not edit by hand.
import type { BacktestData } from "./backtest-errors.ts";

/**
 * The back-test of `projectMunicipality` (bench/RESULTS.md, "Back-test"): Sweden, all 290 kommuner from 31 December
 * 2014 to 2019; Norway, every kommune from 1 January 2016 to 2021, beside SSB's own 2016 projection (`agency`).
 * `plausible`: the smallest and largest yearly change (%) that net migration made to the total and to each age group
 * of kommuner of each size over five years in the same tables (see `PlausibleMigration`).
 */
export const BACKTEST: BacktestData = {
  SE: {
    years: 5,
    start: "2014",
    agency: null,
    classes: [
      { from: 0, to: 5000, kommuner: 15, mape: 2.6, noChange: 3.3, trend: 3.75, agency: null, bias: 1.56, error80: 4.89 },
      { from: 5000, to: 10000, kommuner: 63, mape: 2, noChange: 2.68, trend: 3.64, agency: null, bias: -1.02, error80: 3.46 },
      { from: 10000, to: 20000, kommuner: 91, mape: 2.09, noChange: 3.77, trend: 3.07, agency: null, bias: -1.2, error80: 3.44 },
      { from: 20000, to: 50000, kommuner: 74, mape: 2.02, noChange: 5.08, trend: 2.72, agency: null, bias: -1.22, error80: 3.38 },
      { from: 50000, to: null, kommuner: 47, mape: 1.72, noChange: 6.17, trend: 2.08, agency: null, bias: -1.13, error80: 2.43 },
    ],
    plausible: [
      { from: 0, to: 5000, total: [-1.35, 1.56], groups: { "0-5": [-4.6, 11.02], "6-15": [-1.09, 6.2], "16-19": [-0.91, 5.04], "20-64": [-2.1, 1.44], "65-79": [-1.3, 1.15], "80+": [-3.58, 1.07] } },
      { from: 5000, to: 10000, total: [-0.72, 2.39], groups: { "0-5": [-6.97, 10.51], "6-15": [-0.56, 7.83], "16-19": [-1.73, 6.31], "20-64": [-0.71, 2.4], "65-79": [-1.24, 1.37], "80+": [-2.67, 1.86] } },
      { from: 10000, to: 20000, total: [-0.72, 3.09], groups: { "0-5": [-2.78, 10.38], "6-15": [0.02, 6.41], "16-19": [-1.35, 5.45], "20-64": [-0.66, 3.46], "65-79": [-1.34, 2.27], "80+": [-2.18, 2.25] } },
      { from: 20000, to: 50000, total: [-0.57, 2.9], groups: { "0-5": [-2.83, 8.87], "6-15": [-0.47, 4.1], "16-19": [-1.1, 3.66], "20-64": [-0.32, 4.38], "65-79": [-1.28, 1.64], "80+": [-1.16, 2.24] } },
      { from: 50000, to: null, total: [0.22, 2.09], groups: { "0-5": [-2.4, 5.58], "6-15": [-2.68, 2.62], "16-19": [0.31, 4.16], "20-64": [0.02, 2.96], "65-79": [-1.39, 1.56], "80+": [-1.71, 2.07] } },
    ],
  },
  NO: {
    years: 5,
    start: "2016",
    agency: "SSB",
    classes: [
      { from: 0, to: 2000, kommuner: 71, mape: 5.32, noChange: 4.64, trend: 4.3, agency: 4.6, bias: 5.14, error80: 7.5 },
      { from: 2000, to: 5000, kommuner: 103, mape: 3.96, noChange: 3.04, trend: 3.65, agency: 3.28, bias: 3.73, error80: 5.52 },
      { from: 5000, to: 10000, kommuner: 67, mape: 3.55, noChange: 2.56, trend: 3.26, agency: 3.44, bias: 2.91, error80: 5.15 },
      { from: 10000, to: 20000, kommuner: 51, mape: 3.16, noChange: 3.18, trend: 3.17, agency: 2.95, bias: 2.7, error80: 4.48 },
      { from: 20000, to: 50000, kommuner: 40, mape: 2.84, noChange: 3.88, trend: 2.94, agency: 2.85, bias: 2.03, error80: 4.65 },
      { from: 50000, to: null, kommuner: 19, mape: 2.33, noChange: 4.58, trend: 2.34, agency: 2.2, bias: 1.73, error80: 3.54 },
    ],
    plausible: [
      { from: 0, to: 2000, total: [-2.98, 2.85], groups: { "0-5": [-13.34, 31.99], "6-15": [-5.8, 5.72], "16-19": [-6.24, 6.42], "20-66": [-3.85, 4.87], "67-79": [-2.87, 2.73], "80+": [-7.92, 5.41] } },
      { from: 2000, to: 5000, total: [-2.07, 2.25], groups: { "0-5": [-9.37, 15.8], "6-15": [-3.39, 3.64], "16-19": [-3.62, 18.36], "20-66": [-2.84, 3.15], "67-79": [-2.8, 1.69], "80+": [-5.24, 3.23] } },
      { from: 5000, to: 10000, total: [-2.26, 2.61], groups: { "0-5": [-5.52, 7.6], "6-15": [-2.26, 3.05], "16-19": [-3.54, 4.71], "20-66": [-2.5, 2.89], "67-79": [-1.34, 1.86], "80+": [-3.21, 3.7] } },
      { from: 10000, to: 20000, total: [-1.2, 3.18], groups: { "0-5": [-5.34, 7.89], "6-15": [-1.61, 3.66], "16-19": [-1.66, 2.54], "20-66": [-1.28, 3.42], "67-79": [-1.75, 1.23], "80+": [-2.12, 3.01] } },
      { from: 20000, to: 50000, total: [-0.51, 3.2], groups: { "0-5": [-3.48, 6.47], "6-15": [-0.38, 3.38], "16-19": [-0.61, 2.76], "20-66": [-0.75, 3.51], "67-79": [-0.77, 1.14], "80+": [-1.74, 2.51] } },
      { from: 50000, to: null, total: [-0.26, 1.75], groups: { "0-5": [-4.35, 4.89], "6-15": [-1.84, 2.17], "16-19": [-0.07, 2.51], "20-66": [-0.11, 2.19], "67-79": [-0.97, 1.38], "80+": [-0.69, 1.18] } },
    ],
  },
};
