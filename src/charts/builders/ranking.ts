import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { highlighted } from "../words/describe.ts";
import { ariaLabel, type ChartOptions, type Focus, FOCUS_COLOUR_ENCODING, focusSet, frame } from "./common.ts";

/**
 * Ranked horizontal bars (relative net migration, attractiveness, ...) with the focus regions highlighted
 * (docs/methods.md §1.4, §2.3): the top and bottom `limit` regions and the focus regions wherever they rank.
 */
export function rankedBars(
  table: Table,
  options: ChartOptions & { value: string; focus?: Focus; limit?: number; axisTitle?: string },
): Chart {
  const locale: Locale = localeOr(options.locale);
  const focus = focusSet(options.focus);
  // a ranking table (rankAttractiveness) leaves some regions unranked (too small): they are not shown
  const ranked = table.has("rank") && table.has("note") ? table.filter({ note: null }) : table;
  const all = ranked
    .filter({ [options.value]: (v) => v !== null })
    .sort(`-${options.value}`)
    .toRows();
  const limit = options.limit ?? 15;
  const shown = all.filter((r, k) => k < limit || k >= all.length - limit || focus.has(String(r.region)));
  const data = shown.map((r) => ({
    label: `${all.indexOf(r) + 1}. ${r.region_name ?? r.region}`,
    value: r[options.value],
    focus: focus.has(String(r.region)),
    rank: all.indexOf(r),
  }));
  const focusNames = shown.filter((r) => focus.has(String(r.region))).map((r) => String(r.region_name ?? r.region));
  const xTitle = options.axisTitle ?? word("percentage_points", locale);
  return new Chart(
    localiseAria(
      {
        ...frame(table, options, {
          title: options.axisTitle ?? options.value,
          height: Math.max(200, 14 * data.length),
          kind: "bar",
          notes: [highlighted(focusNames, locale)],
        }),
        data: { values: data },
        mark: "bar",
        encoding: {
          y: {
            field: "label",
            type: "nominal",
            sort: { field: "rank", order: "ascending" },
            title: word("region", locale),
            axis: { title: null },
          },
          x: { field: "value", type: "quantitative", title: xTitle },
          color: FOCUS_COLOUR_ENCODING,
          description: ariaLabel([
            { title: word("region", locale), field: "label" },
            { title: xTitle, field: "value", digits: 2 },
          ]),
        },
      },
      locale,
    ),
  );
}
