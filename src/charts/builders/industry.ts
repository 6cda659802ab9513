import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { type ChartOptions, frame } from "./common.ts";

/**
 * Shift-share bars per industry for one region (docs/methods.md §7), from `shiftShareByIndustry()`: the industry-mix and
 * regional-shift parts of each industry's change side by side, industries sorted by their regional shift.
 */
export function shiftShareChart(byIndustry: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const one = byIndustry.filter({ region: options.region, regional_shift: (v) => v !== null }).toRows();
  const parts = ["national_share", "industry_mix", "regional_shift"] as const;
  const values = one.flatMap((r) =>
    parts.map((p) => ({ industry: r.industry, part: word(p, locale), value: r[p], shift: r.regional_shift })),
  );
  return new Chart({
    ...frame(byIndustry, options, { title: `${options.region}: shift-share`, height: Math.max(220, 22 * one.length) }),
    data: { values },
    mark: "bar",
    encoding: {
      y: { field: "industry", type: "nominal", title: null, sort: { field: "shift", order: "descending" } },
      yOffset: { field: "part", sort: parts.map((p) => word(p, locale)) },
      x: { field: "value", type: "quantitative", title: word("employment", locale) },
      color: { field: "part", type: "nominal", title: null, sort: parts.map((p) => word(p, locale)) },
    },
  });
}

/**
 * The portfolio bubble chart (docs/methods.md §7): each industry's regional growth against its national growth, bubbles
 * sized by employment and coloured by whether the region is specialised (LQ > 1), with the diagonal of equal
 * growth. From `portfolio()`.
 */
export function portfolioChart(portfolio: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const values = portfolio
    .filter({ region: options.region, regional_growth_pct: (v) => v !== null })
    .toRows()
    .map((r) => ({ ...r, specialised: (r.location_quotient as number) > 1 ? "LQ > 1" : "LQ ≤ 1" }));
  return new Chart({
    ...frame(portfolio, options, { title: `${options.region}: portfolio`, height: 380, width: 460 }),
    data: { values },
    layer: [
      {
        mark: { type: "rule", color: "#999", strokeDash: [4, 3] },
        encoding: { x: { datum: -50 }, y: { datum: -50 }, x2: { datum: 100 }, y2: { datum: 100 } },
      },
      {
        mark: { type: "circle", opacity: 0.7, stroke: "white" },
        encoding: {
          x: { field: "national_growth_pct", type: "quantitative", title: word("national_growth", locale) },
          y: { field: "regional_growth_pct", type: "quantitative", title: word("regional_growth", locale) },
          size: { field: "employment", type: "quantitative", title: word("employment", locale), legend: null },
          color: { field: "specialised", type: "nominal", title: null },
        },
      },
      {
        mark: { type: "text", dy: -12, fontSize: 9 },
        encoding: {
          x: { field: "national_growth_pct", type: "quantitative" },
          y: { field: "regional_growth_pct", type: "quantitative" },
          text: { field: "industry" },
        },
      },
    ],
    resolve: { scale: { x: "shared", y: "shared" } },
  });
}
