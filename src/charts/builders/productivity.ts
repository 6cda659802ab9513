import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";

import { type ChartOptions, type Focus, FOCUS_COLOUR_ENCODING, focusSet, frame } from "./common.ts";

/**
 * Value-added growth against employment growth (log changes) for every region, with the 45° line: regions above
 * it raised their productivity (docs/methods.md §6.2). From `valueAddedGrowth()`.
 */
export function productivityChart(growth: Table, options: ChartOptions & { focus?: Focus }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const focus = focusSet(options.focus);
  const values = growth
    .filter({ log_value_added: (v) => v !== null })
    .toRows()
    .map((r) => ({ ...r, focus: focus.has(String(r.region)) }));
  const extent = values.flatMap((v) => [
    (v as Record<string, unknown>).log_employment as number,
    (v as Record<string, unknown>).log_value_added as number,
  ]);
  const lo = Math.min(0, ...extent);
  const hi = Math.max(0, ...extent);
  return new Chart({
    ...frame(growth, options, {
      title: `${word("log_value_added", locale)} / ${word("log_employment", locale).toLowerCase()}`,
      height: 380,
      width: 420,
    }),
    data: { values },
    layer: [
      {
        mark: { type: "rule", color: "#999", strokeDash: [4, 3] },
        encoding: { x: { datum: lo }, y: { datum: lo }, x2: { datum: hi }, y2: { datum: hi } },
      },
      {
        mark: { type: "point", filled: true },
        encoding: {
          x: { field: "log_employment", type: "quantitative", title: word("log_employment", locale) },
          y: { field: "log_value_added", type: "quantitative", title: word("log_value_added", locale) },
          color: FOCUS_COLOUR_ENCODING,
        },
      },
      {
        mark: { type: "text", align: "left", dx: 5, fontSize: 9 },
        encoding: {
          x: { field: "log_employment", type: "quantitative" },
          y: { field: "log_value_added", type: "quantitative" },
          text: { field: "region" },
        },
      },
    ],
  });
}
