import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR, PALETTE } from "../theme.ts";
import { ariaLabel, type ChartOptions, frame, yearX } from "./common.ts";

/**
 * σ-convergence over the years (docs/methods.md §7): the standard deviation of ln y and the coefficient of variation
 * across regions, from `sigmaConvergence()`. Falling lines mean the regions draw closer.
 */
export function convergenceChart(sigma: Table, options: ChartOptions = {}): Chart {
  const locale: Locale = localeOr(options.locale);
  const labels = { sigma: "σ (ln y)", cv: word("coefficient_of_variation", locale) };
  const values = sigma.toRows().flatMap((r) => [
    { year: r.year, measure: labels.sigma, value: r.sigma },
    { year: r.year, measure: labels.cv, value: r.cv },
  ]);
  return new Chart(
    localiseAria(
      {
        ...frame(sigma, options, { title: word("dispersion", locale), kind: "line" }),
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
          x: yearX(locale),
          y: {
            field: "value",
            type: "quantitative",
            title: word("value", locale),
            axis: { title: null },
            scale: { zero: false },
          },
          color: {
            field: "measure",
            type: "nominal",
            title: word("measure", locale),
            legend: { title: null },
            scale: { range: [FOCUS_COLOUR, PALETTE[0]!] },
          },
          description: ariaLabel([
            { title: word("measure", locale), field: "measure" },
            { title: word("year", locale), field: "year" },
            { title: word("value", locale), field: "value", digits: 3 },
          ]),
        },
      },
      locale,
    ),
  );
}
