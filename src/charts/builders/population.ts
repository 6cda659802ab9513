import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import { isCountry } from "../../regions/labels.ts";
import type { Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import type { Layer } from "../spec.ts";
import { CONTEXT_COLOUR, COUNTRY_COLOUR, FAINT_COLOUR, FOCUS_COLOUR, REFERENCE_COLOURS } from "../theme.ts";
import { greyLines, highlighted } from "../words/describe.ts";
import {
  ariaLabel,
  bandAxis,
  bandWidth,
  type ChartOptions,
  dodge,
  type Focus,
  focusSet,
  frame,
  rows,
  stackedWithLine,
} from "./common.ts";

/** More other regions than this are drawn faint and unnamed: their names would no longer sit at their lines' ends. */
export const MAX_NAMED_OTHERS = 10;

type Role = "focus" | "reference" | "other";

/**
 * The reference regions of an index chart when none are given: the countries in the table (`isCountry`) and a
 * two-character code that begins a focus region's longer code (its county: "34" for Trysil's "3421").
 */
function defaultReferences(codes: readonly string[], focus: ReadonlySet<string>): Set<string> {
  return new Set(
    codes.filter(
      (c) =>
        !focus.has(c) && (isCountry(c) || (c.length === 2 && [...focus].some((f) => f.length > 2 && f.startsWith(c)))),
    ),
  );
}

/** Options of `indexChart`. */
export type IndexChartOptions = ChartOptions & {
  focus: Focus;
  name?: (region: string) => string;
  labels?: "all" | "focus";
  /** Regions drawn and named as references beside the focus region: its county, the country. */
  reference?: Focus;
  /** The legend's words for the other regions' grey lines. */
  othersTitle?: string;
};

interface IndexRow {
  region: string;
  year: number;
  index: number | null;
  label: string;
  focus: boolean;
  role: Role;
  series: string;
}

/**
 * The index chart's rows, each with its role (focus, reference, other) and legend series (its name, or the
 * others' one entry), and whether the other regions are few enough to be named.
 */
function indexRows(
  growthTable: Table,
  options: IndexChartOptions,
  locale: Locale,
): { data: IndexRow[]; othersTitle: string; others: number; namedOthers: boolean } {
  const focus = focusSet(options.focus);
  const table = rows(growthTable, ["region", "region_name", "year", "index"]);
  const codes = [...new Set(table.map((r) => String(r.region)))];
  const reference = options.reference === undefined ? defaultReferences(codes, focus) : focusSet(options.reference);
  const role = (code: string): Role => (focus.has(code) ? "focus" : reference.has(code) ? "reference" : "other");
  const others = codes.filter((c) => role(c) === "other");
  const othersTitle =
    options.othersTitle ??
    word(others.every((c) => /^\d{4}$/.test(c)) ? "other_municipalities" : "other_regions", locale);
  const data = table.map((r): IndexRow => {
    const code = String(r.region);
    const label = String(options.name?.(code) ?? r.region_name ?? code);
    return {
      region: code,
      year: r.year as number,
      index: r.index as number | null,
      label,
      focus: focus.has(code),
      role: role(code),
      series: role(code) === "other" ? othersTitle : label,
    };
  });
  const namedOthers = options.labels !== "focus" && others.length <= MAX_NAMED_OTHERS;
  return { data, othersTitle, others: others.length, namedOthers };
}

/** The reference lines' colours: a country always black, the others (a county first) in the palette's order. */
function referenceColours(rows: readonly IndexRow[], series: readonly string[]): string[] {
  let k = 0;
  return series.map((name) =>
    rows.some((r) => r.series === name && isCountry(r.region))
      ? COUNTRY_COLOUR
      : REFERENCE_COLOURS[k++ % REFERENCE_COLOURS.length]!,
  );
}

/** The colour legend: the focus and reference regions by name, then the others as one entry. */
function indexLegend(rows: readonly IndexRow[], othersTitle: string, namedOthers: boolean) {
  const series = (which: Role) => [...new Set(rows.filter((r) => r.role === which).map((r) => r.series))];
  const others = rows.some((r) => r.role === "other");
  return {
    domain: [...series("focus"), ...series("reference"), ...(others ? [othersTitle] : [])],
    range: [
      ...series("focus").map(() => FOCUS_COLOUR),
      ...referenceColours(rows, series("reference")),
      ...(others ? [namedOthers ? CONTEXT_COLOUR : FAINT_COLOUR] : []),
    ],
  };
}

/**
 * The y domain and the names at the line ends: each named line's last point, moved apart where lines end close
 * together (11 px: a 10 px label and a gap). `at` keeps the line's own value, `index` is where the name sits.
 */
function lineEnds(rows: readonly IndexRow[], named: (r: IndexRow) => boolean, height: number) {
  const values = rows.map((r) => r.index).filter((v): v is number => typeof v === "number");
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const yDomain: [number, number] = [min - 0.02 * (max - min), max + 0.02 * (max - min)];
  const last = new Map<string, IndexRow>();
  for (const r of rows) {
    const seen = last.get(r.label);
    if (r.index !== null && (!seen || r.year > seen.year) && named(r)) last.set(r.label, r);
  }
  const ends = [...last.values()];
  const placed = dodge(
    ends.map((r) => r.index!),
    (11 * (yDomain[1] - yDomain[0])) / height,
    yDomain,
  );
  return {
    yDomain,
    ends: ends.map((r, k) => ({ label: r.label, series: r.series, year: r.year, index: placed[k], at: r.index })),
  };
}

/**
 * Index lines (base year = 100) for a focus region against others (docs/methods.md §1.4), from `growth()`'s result.
 * The focus region is drawn in the focus colour and on top; reference regions (its county and the country: by
 * default the table's countries and the focus region's county code, or `reference`) in dark colours; the other
 * regions in grey. The focus and reference regions are named at their lines' ends; the others too when there are
 * at most `MAX_NAMED_OTHERS` of them (and `labels` is not "focus"), else they are faint and unnamed, and the
 * legend says what the grey lines are (`othersTitle`, by default "Övriga kommuner" for kommun codes, else
 * "Övriga regioner").
 */
export function indexChart(growthTable: Table, options: IndexChartOptions): Chart {
  const locale: Locale = localeOr(options.locale);
  const { data, othersTitle, others, namedOthers } = indexRows(growthTable, options, locale);
  const { domain, range } = indexLegend(data, othersTitle, namedOthers);
  const base = rows(growthTable, ["year", "index"]).find((r) => r.index === 100)?.year;
  const { yDomain, ends } = lineEnds(
    data,
    (r) => r.role === "focus" || (options.labels !== "focus" && (r.role === "reference" || namedOthers)),
    options.height ?? 300,
  );
  const [yearTitle, indexTitle, regionTitle] = [word("year", locale), word("index", locale), word("region", locale)];
  const aria = ariaLabel([
    { title: regionTitle, field: "label" },
    { title: yearTitle, field: "year" },
    { title: indexTitle, field: "index", digits: 1 },
  ]);
  const lines = (which: Role, strokeWidth: number): Layer => ({
    transform: [{ filter: `datum.role === '${which}'` }],
    mark: { type: "line", strokeWidth },
    encoding: { detail: { field: "label" }, description: aria },
  });
  const title = base === undefined ? indexTitle : `${indexTitle} (${base} = 100)`;
  const focusNames = [...new Set(data.filter((r) => r.focus).map((r) => r.label))];
  return new Chart(
    localiseAria(
      {
        ...frame(growthTable, options, {
          title,
          kind: "line",
          notes: [highlighted(focusNames, locale), others ? greyLines(othersTitle, locale) : null],
        }),
        data: { values: data },
        encoding: {
          x: {
            field: "year",
            type: "quantitative",
            title: yearTitle,
            axis: { format: "d", tickMinStep: 1, labelOverlap: true, labelFlush: false },
          },
          y: {
            field: "index",
            type: "quantitative",
            title: indexTitle,
            scale: { zero: false, domain: yDomain, nice: false },
          },
          color: {
            field: "series",
            type: "nominal",
            title: regionTitle,
            scale: { domain, range },
            legend: { title: null, symbolType: "stroke", symbolStrokeWidth: 3 },
          },
        },
        // the faint lines first, the focus region's last: on top
        layer: [
          ...(others ? [lines("other", namedOthers ? 1.5 : 1)] : []),
          ...(data.some((r) => r.role === "reference") ? [lines("reference", 2)] : []),
          lines("focus", 3),
          {
            data: { values: ends },
            mark: { type: "text", align: "left", dx: 4, fontSize: 10 },
            encoding: {
              text: { field: "label" },
              description: ariaLabel([
                { title: regionTitle, field: "label" },
                { title: yearTitle, field: "year" },
                { title: indexTitle, field: "at", digits: 1 },
              ]),
            },
          },
        ],
      },
      locale,
    ),
  );
}

type Part =
  "natural_increase" | "net_domestic_migration" | "net_international_migration" | "net_migration" | "adjustment";

/**
 * Components of population change as stacked bars per year, with the total change as a line (docs/methods.md §1.4),
 * from `componentsOfChange()`'s result for one region. A component missing or zero in every year (an adjustment
 * of 0 where the parts add up) has no bars and no legend entry; projected years (a `kind` column) are lighter.
 */
export function componentsChart(components: Table, options: ChartOptions & { region: string }): Chart {
  const locale: Locale = localeOr(options.locale);
  const one = components.filter({ region: options.region });
  const all: readonly Part[] =
    one.has("net_domestic_migration") && one.distinct("net_domestic_migration").length > 0
      ? ["natural_increase", "net_domestic_migration", "net_international_migration", "adjustment"]
      : ["natural_increase", "net_migration", "adjustment"];
  const table = one.toRows();
  const parts = all.filter((p) => table.some((r) => typeof r[p] === "number" && r[p] !== 0));
  const long = table.flatMap((r) =>
    parts.map((p) => ({
      year: r.year,
      component: word(p, locale),
      order: parts.indexOf(p),
      value: r[p] ?? null,
      ...(r.kind ? { kind: r.kind } : {}),
    })),
  );
  const totals = rows(one, ["year", "change"]).filter((r) => r.change !== null);
  const name = (one.has("region_name") ? one.get("region_name", 0) : null) ?? options.region;
  const width = bandWidth(new Set(table.map((r) => r.year)).size, options);
  const xAxis = bandAxis(width);
  return new Chart(
    localiseAria(
      {
        ...frame(components, options, {
          title: `${name}: ${word("change", locale).toLowerCase()}`,
          kind: "stacked",
          width,
        }),
        layer: stackedWithLine(long, totals, {
          total: "change",
          totalTitle: word("change", locale),
          xTitle: word("year", locale),
          yTitle: word("persons", locale),
          legendTitle: word("component", locale),
          order: parts.map((p) => word(p, locale)),
          locale,
          ...(xAxis ? { xAxis } : {}),
        }),
      },
      locale,
    ),
  );
}

/** Small multiples: one panel per region of an indicator over the years (index by default). */
export function smallMultiples(
  growthTable: Table,
  options: ChartOptions & { value?: string; columns?: number },
): Chart {
  const locale: Locale = localeOr(options.locale);
  const value = options.value ?? "index";
  const valueTitle = value === "index" ? word("index", locale) : value;
  const { title, description, config, width, height } = frame(growthTable, options, {
    title: word("index", locale),
    width: 160,
    height: 110,
    kind: "multiples",
  });
  const region = growthTable.has("region_name") ? "region_name" : "region";
  return new Chart(
    localiseAria(
      {
        title,
        description,
        config,
        data: { values: rows(growthTable, ["region", "region_name", "year", value]) },
        facet: { field: region, type: "nominal", title: word("region", locale), header: { title: null } },
        columns: options.columns ?? 4,
        spec: {
          width: typeof width === "number" ? width : 160,
          height,
          mark: { type: "line", color: FOCUS_COLOUR },
          encoding: {
            x: {
              field: "year",
              type: "quantitative",
              title: word("year", locale),
              axis: { format: "d", tickCount: 4, title: null },
            },
            y: {
              field: value,
              type: "quantitative",
              title: valueTitle,
              axis: { title: null },
              scale: { zero: false },
            },
            description: ariaLabel([
              { title: word("region", locale), field: region },
              { title: word("year", locale), field: "year" },
              { title: valueTitle, field: value, digits: 1 },
            ]),
          },
        },
      },
      locale,
    ),
  );
}
