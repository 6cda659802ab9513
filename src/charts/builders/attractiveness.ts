import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import { GROWTH_PARTS } from "../../indicators/attractiveness/residential.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR } from "../theme.ts";
import type { Layer } from "../spec.ts";
import { highlighted } from "../words/describe.ts";
import {
  ariaLabel,
  type ChartOptions,
  type Focus,
  FOCUS_COLOUR_ENCODING,
  focusSet,
  frame,
  lineLegend,
  stackedWithLine,
  scatterFrame,
} from "./common.ts";

const STRUCTURE = ["constant", "own_jobs", "neighbour_jobs", "size", "integration"] as const;

/** A layer of points, the focus regions larger and in the focus colour; each point read out by name and values. */
function focusPoints(x: string, xTitle: string, y: string, yTitle: string, locale: Locale): Layer {
  return {
    mark: { type: "point", filled: true, opacity: 0.6 },
    encoding: {
      x: { field: x, type: "quantitative", title: xTitle },
      y: { field: y, type: "quantitative", title: yTitle },
      color: FOCUS_COLOUR_ENCODING,
      size: { condition: { test: "datum.focus", value: 80 }, value: 20 },
      description: ariaLabel([
        { title: word("region", locale), field: "name" },
        { title: xTitle, field: x, digits: 2 },
        { title: yTitle, field: y, digits: 2 },
      ]),
    },
  };
}

/** The names of the focus regions in chart rows with `focus` and `name`. */
function focusNames(values: readonly { focus: boolean; name: string }[]): string[] {
  return values.filter((v) => v.focus).map((v) => v.name);
}

/** Period means per region of the residential decomposition's columns. */
function means(decomposition: Table, columns: readonly string[]) {
  const out = new Map<string, Record<string, number> & { n: number; name: string }>();
  for (const r of decomposition.filter({ attractiveness: (v) => v !== null }).toRows()) {
    const m =
      out.get(String(r.region)) ??
      Object.assign(Object.fromEntries(columns.map((c) => [c, 0])), { n: 0, name: String(r.region_name ?? r.region) });
    for (const c of columns) m[c]! += (r[c] as number | null) ?? 0;
    m.n++;
    out.set(String(r.region), m);
  }
  return [...out].map(
    ([region, m]): { region: string; name: string } & Record<string, number> =>
      Object.assign(Object.fromEntries(columns.map((c) => [c, m[c]! / m.n])), { region, name: m.name }) as {
        region: string;
        name: string;
      } & Record<string, number>,
  );
}

/**
 * The barometer scatter (docs/methods.md §2.2): own job growth against relative net migration, means over the period,
 * with the fitted line; the distance above the line is the residential attractiveness. The focus regions and the
 * three most and least attractive are labelled.
 */
export function attractivenessScatter(decomposition: Table, options: ChartOptions & { focus?: Focus }): Chart {
  const locale: Locale = localeOr(options.locale);
  const focus = focusSet(options.focus);
  const data = means(decomposition, ["own_job_growth", "relative_net_migration", "attractiveness"]).sort(
    (a, b) => (a.attractiveness as number) - (b.attractiveness as number),
  );
  const labelled = new Set([...data.slice(0, 3), ...data.slice(-3)].map((d) => d.region));
  const [ownJobs, netMigration] = [word("own_jobs", locale), word("net_migration", locale)];
  const values = data.map((d) => ({
    ...d,
    focus: focus.has(d.region),
    label: focus.has(d.region) || labelled.has(d.region) ? d.name : "",
  }));
  return new Chart(
    localiseAria(
      {
        ...frame(decomposition, options, {
          title: word("residential", locale),
          height: 380,
          kind: "scatter",
          notes: [highlighted(focusNames(values), locale)],
        }),
        data: { values },
        layer: [
          focusPoints("own_job_growth", ownJobs, "relative_net_migration", netMigration, locale),
          {
            mark: { type: "line", color: "black", strokeWidth: 1.5, aria: false },
            transform: [{ regression: "relative_net_migration", on: "own_job_growth" }],
            encoding: {
              x: { field: "own_job_growth", type: "quantitative", title: ownJobs },
              y: { field: "relative_net_migration", type: "quantitative", title: netMigration },
              strokeDash: lineLegend(word("fitted_line", locale)),
            },
          },
          {
            mark: { type: "text", align: "left", dx: 5, fontSize: 9, aria: false },
            encoding: {
              x: { field: "own_job_growth", type: "quantitative", title: ownJobs },
              y: { field: "relative_net_migration", type: "quantitative", title: netMigration },
              text: { field: "label" },
              color: { condition: { test: "datum.focus", value: FOCUS_COLOUR }, value: "#333" },
            },
          },
        ],
      },
      locale,
    ),
  );
}

/**
 * The 2×2 structure/attractiveness quadrant (docs/methods.md §3.5): for every region the structural part of its growth
 * (constant, own and neighbour jobs, size, integration; means over the period) against its attractiveness.
 */
export function structureQuadrant(decomposition: Table, options: ChartOptions & { focus?: Focus }): Chart {
  const locale: Locale = localeOr(options.locale);
  const focus = focusSet(options.focus);
  const data = means(decomposition, [...STRUCTURE, "attractiveness"]).map((d) => ({
    region: d.region,
    name: d.name,
    structure: STRUCTURE.reduce((s, c) => s + ((d as Record<string, unknown>)[c] as number), 0),
    attractiveness: d.attractiveness,
    focus: focus.has(d.region),
  }));
  const [structure, attractiveness] = [word("structure", locale), word("attractiveness", locale)];
  return new Chart(
    localiseAria(
      {
        ...scatterFrame(decomposition, options, [structure, attractiveness], focusNames(data)),
        data: { values: data },
        layer: [
          { mark: { type: "rule", color: "#999", aria: false }, encoding: { x: { datum: 0 } } },
          { mark: { type: "rule", color: "#999", aria: false }, encoding: { y: { datum: 0 } } },
          focusPoints("structure", structure, "attractiveness", attractiveness, locale),
          {
            transform: [{ filter: "datum.focus" }],
            mark: { type: "text", align: "left", dx: 6, fontWeight: "bold", color: FOCUS_COLOUR, aria: false },
            encoding: {
              x: { field: "structure", type: "quantitative", title: structure },
              y: { field: "attractiveness", type: "quantitative", title: attractiveness },
              text: { field: "name" },
            },
          },
        ],
      },
      locale,
    ),
  );
}

/** One region's residential decomposition by year: stacked components with the actual growth as a line. */
export function decompositionChart(decomposition: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = localeOr(options.locale);
  const one = decomposition.filter({ region: options.region, attractiveness: (v) => v !== null });
  const parts = GROWTH_PARTS;
  const used = parts.filter((p) => one.toRows().some((r) => (r[p] ?? 0) !== 0));
  const long = one
    .toRows()
    .flatMap((r) =>
      used.map((p) => ({ year: r.year, component: word(p, locale), order: used.indexOf(p), value: r[p] })),
    );
  return new Chart(
    localiseAria(
      {
        ...frame(decomposition, options, {
          title: `${(one.has("region_name") ? one.get("region_name", 0) : null) ?? options.region}: ${word("growth", locale).toLowerCase()}`,
          kind: "stacked",
        }),
        layer: stackedWithLine(long, one.select("year", "growth").toRows(), {
          total: "growth",
          totalTitle: word("growth", locale),
          locale,
          digits: 2,
          xTitle: word("year", locale),
          yTitle: word("percent_per_year", locale),
          legendTitle: null,
          order: used.map((p) => word(p, locale)),
        }),
      },
      locale,
    ),
  );
}
