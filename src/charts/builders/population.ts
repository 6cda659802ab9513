import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR } from "../theme.ts";
import {
  type ChartOptions,
  dodge,
  type Focus,
  FOCUS_COLOUR_ENCODING,
  focusSet,
  frame,
  rows,
  stackedWithLine,
} from "./common.ts";

/**
 * Index lines (base year = 100) for a focus region against others (docs/methods.md §1.4), from `growth()`'s result:
 * the focus region in the focus colour and drawn last, the others in grey with their names at the line ends,
 * moved apart where they crowd (`labels: "focus"` names the focus region only).
 */
export function indexChart(
  growthTable: Table,
  options: ChartOptions & { focus: Focus; name?: (region: string) => string; labels?: "all" | "focus" },
): Chart {
  const locale: Locale = options.locale ?? "sv";
  const focus = focusSet(options.focus);
  const data = rows(growthTable, ["region", "region_name", "year", "index"]).map((r) => ({
    region: r.region,
    year: r.year as number,
    index: r.index as number | null,
    label: String(options.name?.(String(r.region)) ?? r.region_name ?? r.region),
    focus: focus.has(String(r.region)),
  }));
  const base = rows(growthTable, ["year", "index"]).find((r) => r.index === 100)?.year;
  // the names at the line ends, moved apart where lines end close together (11 px: a 10 px label and a gap)
  const height = options.height ?? 300;
  const values = data.map((r) => r.index).filter((v): v is number => typeof v === "number");
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const domain: [number, number] = [min - 0.02 * (max - min), max + 0.02 * (max - min)];
  const last = new Map<string, (typeof data)[number]>();
  for (const r of data) {
    const seen = last.get(r.label);
    if (r.index !== null && (!seen || r.year > seen.year) && (options.labels !== "focus" || r.focus))
      last.set(r.label, r);
  }
  const ends = [...last.values()];
  const placed = dodge(
    ends.map((r) => r.index!),
    (11 * (domain[1] - domain[0])) / height,
    domain,
  );
  return new Chart({
    ...frame(growthTable, options, {
      title: base === undefined ? word("index", locale) : `${word("index", locale)} (${base} = 100)`,
    }),
    encoding: {
      x: {
        field: "year",
        type: "quantitative",
        title: word("year", locale),
        axis: { format: "d", tickMinStep: 1, labelOverlap: true, labelFlush: false },
      },
      y: {
        field: "index",
        type: "quantitative",
        title: word("index", locale),
        scale: { zero: false, domain, nice: false },
      },
      color: FOCUS_COLOUR_ENCODING,
      detail: { field: "label" },
      order: { field: "focus" },
    },
    layer: [
      {
        data: { values: data },
        mark: { type: "line" },
        encoding: { strokeWidth: { condition: { test: "datum.focus", value: 3 }, value: 1.5 } },
      },
      {
        data: { values: ends.map((r, k) => ({ label: r.label, focus: r.focus, year: r.year, index: placed[k] })) },
        mark: { type: "text", align: "left", dx: 4, fontSize: 10 },
        encoding: { text: { field: "label" } },
      },
    ],
  });
}

/**
 * Components of population change as stacked bars per year, with the total change as a line (docs/methods.md §1.4),
 * from `componentsOfChange()`'s result for one region.
 */
export function componentsChart(components: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const one = components.filter({ region: options.region });
  const parts: readonly (
    "natural_increase" | "net_domestic_migration" | "net_international_migration" | "net_migration" | "adjustment"
  )[] =
    one.has("net_domestic_migration") && one.distinct("net_domestic_migration").length > 0
      ? ["natural_increase", "net_domestic_migration", "net_international_migration", "adjustment"]
      : ["natural_increase", "net_migration", "adjustment"];
  // projected years (a `kind` column) are drawn lighter than observed ones
  const long = one.toRows().flatMap((r) =>
    parts.map((p) => ({
      year: r.year,
      component: word(p, locale),
      order: parts.indexOf(p),
      value: r[p] ?? null,
      ...(r.kind ? { kind: r.kind } : {}),
    })),
  );
  const totals = rows(one, ["year", "change"]).filter((r) => r.change !== null);
  return new Chart({
    ...frame(components, options, {
      title: `${(one.has("region_name") ? one.get("region_name", 0) : null) ?? options.region}: ${word("change", locale).toLowerCase()}`,
    }),
    layer: stackedWithLine(long, totals, {
      total: "change",
      xTitle: word("year", locale),
      yTitle: word("persons", locale),
      legendTitle: word("component", locale),
      order: parts.map((p) => word(p, locale)),
    }),
  });
}

/** Small multiples: one panel per region of an indicator over the years (index by default). */
export function smallMultiples(
  growthTable: Table,
  options: ChartOptions & { value?: string; columns?: number },
): Chart {
  const locale: Locale = options.locale ?? "sv";
  const value = options.value ?? "index";
  const spec = frame(growthTable, options, { title: word("index", locale), width: 160, height: 110 });
  return new Chart({
    title: spec.title,
    config: spec.config,
    data: { values: rows(growthTable, ["region", "region_name", "year", value]) },
    facet: { field: growthTable.has("region_name") ? "region_name" : "region", type: "nominal", title: null },
    columns: options.columns ?? 4,
    spec: {
      width: spec.width,
      height: spec.height,
      mark: { type: "line", color: FOCUS_COLOUR },
      encoding: {
        x: { field: "year", type: "quantitative", title: null, axis: { format: "d", tickCount: 4 } },
        y: { field: value, type: "quantitative", title: null, scale: { zero: false } },
      },
    },
  });
}
