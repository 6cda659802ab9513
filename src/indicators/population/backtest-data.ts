// Written by bench/backtest.mjs from the back-test of 2026-12-06; do not edit by hand.
import type { BacktestData } from "./backtest-errors.ts";

/**
 * The back-test of `projectMunicipality` (bench/RESULTS.md, "Back-test"): Sweden, all 290 kommuner from 31 December
 * 2014 to 2019; Norway, every kommune from 1 January 2016 to 2021, beside SSB's own 2016 projection (`agency`).
 * `plausible`: the smallest and largest annualised five-year change (%) of the total and of each age group observed
 * among kommuner of each size in the same tables.
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
      { from: 0, to: 5000, total: [-1.81, 0.72], groups: { "0-5": [-4.88, 7.12], "6-15": [-3.97, 4.37], "16-19": [-9.39, 2.47], "20-64": [-3.26, 0.91], "65-79": [-0.89, 4.1], "80+": [-3.92, 3.74] } },
      { from: 5000, to: 10000, total: [-1.28, 2.78], groups: { "0-5": [-4.78, 7.13], "6-15": [-3.04, 6.25], "16-19": [-8.95, 4.31], "20-64": [-2.31, 2.72], "65-79": [-0.56, 5.09], "80+": [-3.61, 7.84] } },
      { from: 10000, to: 20000, total: [-1.14, 3.74], groups: { "0-5": [-4, 7.27], "6-15": [-3.18, 6.09], "16-19": [-8.38, 6.64], "20-64": [-1.67, 3.5], "65-79": [-0.74, 6.57], "80+": [-2.36, 7.56] } },
      { from: 20000, to: 50000, total: [-0.47, 3.91], groups: { "0-5": [-3.85, 5.83], "6-15": [-0.57, 6.96], "16-19": [-7.5, 4.53], "20-64": [-0.88, 4], "65-79": [-0.52, 5.67], "80+": [-2.36, 7.36] } },
      { from: 50000, to: null, total: [0.04, 2.56], groups: { "0-5": [-1.7, 3.11], "6-15": [0.38, 5.66], "16-19": [-6.72, 3.25], "20-64": [-0.55, 2.78], "65-79": [0.26, 4.66], "80+": [-2.01, 5.39] } },
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
      { from: 0, to: 2000, total: [-3.29, 2.84], groups: { "0-5": [-18.8, 14.87], "6-15": [-13.07, 7.8], "16-19": [-15.03, 11.2], "20-64": [-5.31, 3.62], "65-79": [-3.87, 8.14], "80+": [-11.65, 12.3] } },
      { from: 2000, to: 5000, total: [-2.18, 2.66], groups: { "0-5": [-9.22, 10.07], "6-15": [-7.38, 4.91], "16-19": [-10.37, 9.29], "20-64": [-3.45, 3.4], "65-79": [-1.19, 10.04], "80+": [-6.03, 6.51] } },
      { from: 5000, to: 10000, total: [-1.98, 2.96], groups: { "0-5": [-7.97, 5.99], "6-15": [-6, 3.91], "16-19": [-10.41, 4.85], "20-64": [-1.82, 3.63], "65-79": [-0.33, 7.38], "80+": [-5.19, 8.45] } },
      { from: 10000, to: 20000, total: [-1.12, 3.6], groups: { "0-5": [-5.24, 5.08], "6-15": [-2.79, 3.17], "16-19": [-5.96, 4.06], "20-64": [-1.34, 3.89], "65-79": [0.63, 8.94], "80+": [-3.87, 8.5] } },
      { from: 20000, to: 50000, total: [-0.4, 3.62], groups: { "0-5": [-4.42, 5.3], "6-15": [-1.88, 3.97], "16-19": [-3.65, 4.98], "20-64": [-0.96, 3.87], "65-79": [1.37, 7.27], "80+": [-1.65, 5.51] } },
      { from: 50000, to: null, total: [0.29, 2.6], groups: { "0-5": [-2.15, 3], "6-15": [-0.9, 2.61], "16-19": [-1.92, 2.03], "20-64": [0.04, 2.77], "65-79": [1.86, 5.67], "80+": [-1.57, 4.3] } },
    ],
  },
};
