import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { ariaLabel, bandAxis, bandWidth, type ChartOptions, frame, lineLegend } from "./common.ts";

/**
 * Commuting of one region over the years (docs/methods.md §5.5): in-commuters as bars up, out-commuters as bars down
 * and net commuting as a black line, each with a legend entry. From `commutingFromStocks()` or
 * `commutingFromFlows()`. With few years the bars keep a fixed width (`bandWidth`): one year is one bar, not the
 * chart's whole width.
 */
export function commutingChart(commuting: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = localeOr(options.locale);
  const one = commuting.filter({ region: options.region }).toRows();
  const bars = one.flatMap((r) => [
    { year: r.year, kind: word("in_commuters", locale), value: r.in_commuters },
    {
      year: r.year,
      kind: word("out_commuters", locale),
      value: r.out_commuters === null ? null : -(r.out_commuters as number),
    },
  ]);
  const [yearTitle, commuters, net] = [word("year", locale), word("commuters", locale), word("net_commuting", locale)];
  const width = bandWidth(new Set(one.map((r) => r.year)).size, options);
  const axis = bandAxis(width);
  const x = { field: "year", type: "ordinal", title: yearTitle, ...(axis ? { axis } : {}) } as const;
  return new Chart(
    localiseAria(
      {
        ...frame(commuting, options, {
          title: `${options.region}: ${commuters.toLowerCase()}`,
          kind: "bar",
          width,
        }),
        layer: [
          {
            data: { values: bars },
            mark: "bar",
            encoding: {
              x,
              y: { field: "value", type: "quantitative", title: commuters },
              color: { field: "kind", type: "nominal", title: commuters, legend: { title: null } },
              description: ariaLabel([
                { title: yearTitle, field: "year" },
                { title: commuters, field: "kind" },
                { title: word("persons", locale), field: "value", digits: 0, abs: true },
              ]),
            },
          },
          {
            data: { values: one.map((r) => ({ year: r.year, net: r.net_commuting })) },
            mark: { type: "line", color: "black", point: { color: "black" } },
            encoding: {
              x,
              y: { field: "net", type: "quantitative", title: commuters },
              strokeDash: lineLegend(net),
              description: ariaLabel([
                { title: yearTitle, field: "year" },
                { title: net, field: "net", digits: 0 },
              ]),
            },
          },
        ],
      },
      locale,
    ),
  );
}
