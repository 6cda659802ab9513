import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { ariaLabel, type ChartOptions, frame, lineLegend } from "./common.ts";

/**
 * Shift-share bars per industry for one region (docs/methods.md §7), from `shiftShareByIndustry()`: the industry-mix and
 * regional-shift parts of each industry's change side by side, industries sorted by their regional shift.
 */
export function shiftShareChart(byIndustry: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = localeOr(options.locale);
  const one = byIndustry.filter({ region: options.region, regional_shift: (v) => v !== null }).toRows();
  const parts = ["national_share", "industry_mix", "regional_shift"] as const;
  const values = one.flatMap((r) =>
    parts.map((p) => ({ industry: r.industry, part: word(p, locale), value: r[p], shift: r.regional_shift })),
  );
  const [industry, employment] = [word("industry", locale), word("employment", locale)];
  return new Chart(
    localiseAria(
      {
        ...frame(byIndustry, options, {
          title: `${options.region}: shift-share`,
          height: Math.max(220, 22 * one.length),
          kind: "bar",
        }),
        data: { values },
        mark: "bar",
        encoding: {
          y: {
            field: "industry",
            type: "nominal",
            title: industry,
            axis: { title: null },
            sort: { field: "shift", order: "descending" },
          },
          yOffset: { field: "part", sort: parts.map((p) => word(p, locale)) },
          x: { field: "value", type: "quantitative", title: employment },
          color: {
            field: "part",
            type: "nominal",
            title: word("part", locale),
            legend: { title: null },
            sort: parts.map((p) => word(p, locale)),
          },
          description: ariaLabel([
            { title: industry, field: "industry" },
            { title: word("part", locale), field: "part" },
            { title: employment, field: "value", digits: 0 },
          ]),
        },
      },
      locale,
    ),
  );
}

/**
 * The portfolio bubble chart (docs/methods.md §7): each industry's regional growth against its national growth, bubbles
 * sized by employment and coloured by whether the region is specialised (LQ > 1), with the diagonal of equal
 * growth. From `portfolio()`.
 */
export function portfolioChart(portfolio: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = localeOr(options.locale);
  const values = portfolio
    .filter({ region: options.region, regional_growth_pct: (v) => v !== null })
    .toRows()
    .map((r) => ({ ...r, specialised: (r.location_quotient as number) > 1 ? "LQ > 1" : "LQ ≤ 1" }));
  const [national, regional, employment] = [
    word("national_growth", locale),
    word("regional_growth", locale),
    word("employment", locale),
  ];
  return new Chart(
    localiseAria(
      {
        ...frame(portfolio, options, {
          title: `${options.region}: portfolio`,
          height: 380,
          width: 460,
          kind: "bubble",
        }),
        data: { values },
        layer: [
          {
            mark: { type: "rule", color: "#999", strokeDash: [4, 3], aria: false },
            encoding: {
              x: { datum: -50 },
              y: { datum: -50 },
              x2: { datum: 100 },
              y2: { datum: 100 },
              strokeDash: lineLegend(word("equal_growth", locale), [4, 3]),
            },
          },
          {
            mark: { type: "circle", opacity: 0.7, stroke: "white" },
            encoding: {
              x: { field: "national_growth_pct", type: "quantitative", title: national },
              y: { field: "regional_growth_pct", type: "quantitative", title: regional },
              size: { field: "employment", type: "quantitative", title: employment, legend: null },
              color: {
                field: "specialised",
                type: "nominal",
                title: word("specialisation", locale),
                legend: { title: null },
              },
              description: ariaLabel([
                { title: word("industry", locale), field: "industry" },
                { title: national, field: "national_growth_pct", digits: 1 },
                { title: regional, field: "regional_growth_pct", digits: 1 },
                { title: employment, field: "employment", digits: 0 },
                { title: word("specialisation", locale), field: "specialised" },
              ]),
            },
          },
          {
            mark: { type: "text", dy: -12, fontSize: 9, aria: false },
            encoding: {
              x: { field: "national_growth_pct", type: "quantitative", title: national },
              y: { field: "regional_growth_pct", type: "quantitative", title: regional },
              text: { field: "industry" },
            },
          },
        ],
        resolve: { scale: { x: "shared", y: "shared" } },
      },
      locale,
    ),
  );
}
