import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { type ChartOptions, frame } from "./common.ts";

/**
 * Commuting of one region over the years (docs/methods.md §5.5): in-commuters as bars up, out-commuters as bars down and
 * net commuting as a line. From `commutingFromStocks()` or `commutingFromFlows()`.
 */
export function commutingChart(commuting: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const one = commuting.filter({ region: options.region }).toRows();
  const bars = one.flatMap((r) => [
    { year: r.year, kind: word("in_commuters", locale), value: r.in_commuters },
    {
      year: r.year,
      kind: word("out_commuters", locale),
      value: r.out_commuters === null ? null : -(r.out_commuters as number),
    },
  ]);
  return new Chart({
    ...frame(commuting, options, { title: `${options.region}: ${word("commuters", locale).toLowerCase()}` }),
    layer: [
      {
        data: { values: bars },
        mark: "bar",
        encoding: {
          x: { field: "year", type: "ordinal", title: word("year", locale) },
          y: { field: "value", type: "quantitative", title: word("commuters", locale) },
          color: { field: "kind", type: "nominal", title: null },
        },
      },
      {
        data: { values: one.map((r) => ({ year: r.year, net: r.net_commuting })) },
        mark: { type: "line", color: "black", point: { color: "black" } },
        encoding: { x: { field: "year", type: "ordinal" }, y: { field: "net", type: "quantitative" } },
      },
    ],
  });
}
