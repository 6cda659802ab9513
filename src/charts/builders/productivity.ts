import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import {
  ariaLabel,
  type ChartOptions,
  type Focus,
  FOCUS_COLOUR_ENCODING,
  focusSet,
  lineLegend,
  scatterFrame,
} from "./common.ts";

/**
 * Value-added growth against employment growth (log changes) for every region, with the 45° line: regions above
 * it raised their productivity (docs/methods.md §6.2). From `valueAddedGrowth()`.
 */
export function productivityChart(growth: Table, options: ChartOptions & { focus?: Focus }): Chart {
  const locale: Locale = localeOr(options.locale);
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
  const [employment, valueAdded] = [word("log_employment", locale), word("log_value_added", locale)];
  const x = { field: "log_employment", type: "quantitative", title: employment } as const;
  const y = { field: "log_value_added", type: "quantitative", title: valueAdded } as const;
  return new Chart(
    localiseAria(
      {
        ...scatterFrame(growth, options, [valueAdded, employment], [...focus]),
        data: { values },
        layer: [
          {
            mark: { type: "rule", color: "#999", strokeDash: [4, 3], aria: false },
            encoding: {
              x: { datum: lo },
              y: { datum: lo },
              x2: { datum: hi },
              y2: { datum: hi },
              strokeDash: lineLegend(word("equal_growth", locale), [4, 3]),
            },
          },
          {
            mark: { type: "point", filled: true },
            encoding: {
              x,
              y,
              color: FOCUS_COLOUR_ENCODING,
              description: ariaLabel([
                { title: word("region", locale), field: "region" },
                { title: employment, field: "log_employment", digits: 3 },
                { title: valueAdded, field: "log_value_added", digits: 3 },
              ]),
            },
          },
          {
            mark: { type: "text", align: "left", dx: 5, fontSize: 9, aria: false },
            encoding: { x, y, text: { field: "region" } },
          },
        ],
      },
      locale,
    ),
  );
}
