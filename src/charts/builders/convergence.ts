import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR, PALETTE } from "../theme.ts";
import { type ChartOptions, frame } from "./common.ts";

/**
 * σ-convergence over the years (docs/methods.md §7): the standard deviation of ln y and the coefficient of variation
 * across regions, from `sigmaConvergence()`. Falling lines mean the regions draw closer.
 */
export function convergenceChart(sigma: Table, options: ChartOptions = {}): Chart {
  const locale: Locale = options.locale ?? "sv";
  const labels = { sigma: "σ (ln y)", cv: locale === "en" ? "Coefficient of variation" : locale === "nb" ? "Variasjonskoeffisient" : "Variationskoefficient" };
  const values = sigma.toRows().flatMap((r) => [
    { year: r.year, measure: labels.sigma, value: r.sigma },
    { year: r.year, measure: labels.cv, value: r.cv },
  ]);
  return new Chart({
    ...frame(sigma, options, { title: locale === "en" ? "Dispersion across regions" : locale === "nb" ? "Spredning mellom regioner" : "Spridning mellan regioner" }),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "year", type: "quantitative", title: word("year", locale), axis: { format: "d", tickMinStep: 1 } },
      y: { field: "value", type: "quantitative", title: null, scale: { zero: false } },
      color: { field: "measure", type: "nominal", title: null, scale: { range: [FOCUS_COLOUR, PALETTE[0]!] } },
    },
  });
}
