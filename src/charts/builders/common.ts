import { localeOr } from "../words/locales.ts";
import type { Provenance } from "../../table/provenance.ts";
import type { Row, Table } from "../../table/table.ts";
import { type Locale, word } from "../locale.ts";
import type { Channels, Config, Layer } from "../spec.ts";
import { CONTEXT_COLOUR, config, FOCUS_COLOUR } from "../theme.ts";
import { type ChartKind, describeChart, highlighted } from "../words/describe.ts";

/** Colour encoding that paints rows with `focus: true` in the focus colour and the rest grey. */
export const FOCUS_COLOUR_ENCODING = {
  condition: { test: "datum.focus", value: FOCUS_COLOUR },
  value: CONTEXT_COLOUR,
} as const satisfies Channels["color"];

/** One part of a mark's accessible label: a localised title and the field it reads. */
export interface AriaPart {
  /** The words before the value; "" joins the value to the part before with a dash (a range: "250 000–270 000"). */
  title: string;
  field: string;
  /** Decimals of a number (formatted in the chart's locale, "1 234,5"); omitted for a year or a text. */
  digits?: number;
  /** Reads the field's absolute value (a pyramid's men are drawn as negative numbers). */
  abs?: boolean;
}

/**
 * The `description` channel that gives every mark an accessible label in the chart's language, from the axis and
 * legend words instead of the field names: "År: 2010; Befolkning: 6 805" rather than "year: 2010; population: 6805".
 * Numbers are formatted by Vega with the chart's `config.locale`; a missing value reads "–".
 *
 * @example
 * ariaLabel([{ title: "År", field: "year" }, { title: "Personer", field: "value", digits: 0 }])
 * // { value: { expr: "\"År: \" + datum[\"year\"] + \"; Personer: \" + (isValid(datum[\"value\"]) ? …) } }
 */
export function ariaLabel(parts: readonly AriaPart[]): NonNullable<Channels["description"]> {
  const expr = parts
    .map((p, k) => {
      const at = `datum[${JSON.stringify(p.field)}]`;
      const value = p.abs ? `abs(${at})` : at;
      const shown =
        p.digits === undefined
          ? `(isValid(${at}) ? ${at} : "–")`
          : `(isValid(${at}) ? format(${value}, ",.${p.digits}f") : "–")`;
      // a part without a title closes a range: "80 %-intervall: 250 000–270 000"
      const lead = p.title === "" ? "–" : `${k > 0 ? "; " : ""}${p.title}: `;
      return `${JSON.stringify(lead)} + ${shown}`;
    })
    .join(" + ");
  return { value: { expr } };
}

/**
 * Stacked bars of components per year with the total as a black line over them: the shape of the components of
 * change and of the attractiveness decomposition. `components` are {year, component, order, value} rows, with a
 * `kind` ("observed"/"projected") where some years are projected: those bars are lighter, and the legend says so.
 * The line has its own legend entry (`options.total`'s title).
 */
export function stackedWithLine(
  components: readonly Record<string, unknown>[],
  totals: readonly Record<string, unknown>[],
  options: {
    total: string;
    totalTitle: string;
    yTitle: string;
    xTitle: string;
    order: readonly string[];
    legendTitle: string | null;
    locale: Locale;
    digits?: number;
    xAxis?: { labelAngle: number };
  },
): Layer[] {
  const digits = options.digits ?? 0;
  const kinds = [word("observed", options.locale), word("projected", options.locale)];
  const projected = components.some((c) => c.kind === "projected");
  const named = projected
    ? components.map((c) => ({ ...c, kind: c.kind === "projected" ? kinds[1]! : kinds[0]! }))
    : components;
  const legendTitle = options.legendTitle ?? word("component", options.locale);
  const x = {
    field: "year",
    type: "ordinal",
    title: options.xTitle,
    ...(options.xAxis ? { axis: options.xAxis } : {}),
  } as const;
  return [
    {
      data: { values: named as Record<string, unknown>[] },
      mark: "bar",
      encoding: {
        x,
        y: { field: "value", type: "quantitative", title: options.yTitle, stack: "zero" },
        color: {
          field: "component",
          type: "nominal",
          title: legendTitle,
          sort: [...options.order],
          ...(options.legendTitle === null ? { legend: { title: null } } : {}),
        },
        order: { field: "order" },
        description: ariaLabel([
          { title: options.xTitle, field: "year" },
          { title: legendTitle, field: "component" },
          { title: options.yTitle, field: "value", digits },
        ]),
        // projected years are drawn lighter than observed ones, with a legend entry for each
        ...(projected
          ? {
              opacity: {
                field: "kind",
                type: "ordinal",
                sort: kinds,
                title: null,
                scale: { domain: kinds, range: [1, 0.45] },
              },
            }
          : {}),
      },
    },
    {
      data: { values: totals as Record<string, unknown>[] },
      mark: { type: "line", color: "black", point: { color: "black" } },
      encoding: {
        x,
        y: { field: options.total, type: "quantitative", title: options.yTitle },
        strokeDash: lineLegend(options.totalTitle),
        description: ariaLabel([
          { title: options.xTitle, field: "year" },
          { title: options.totalTitle, field: options.total, digits },
        ]),
      },
    },
  ];
}

/**
 * A one-entry legend that names a single line drawn in a fixed colour (a total, a fitted line, a diagonal): the
 * `strokeDash` channel with a constant, so the legend shows a stroke and the line's name.
 */
export function lineLegend(name: string, dash: number[] = [1, 0]): NonNullable<Channels["strokeDash"]> {
  return {
    datum: name,
    type: "nominal",
    title: null,
    scale: { range: [dash] },
    legend: { symbolType: "stroke", symbolStrokeColor: "black", symbolStrokeWidth: 2 },
  };
}

/** The x axis of a chart whose bands `bandWidth` fixed: year labels upright, as there is room for them. */
export function bandAxis(width: number | { step: number }): { labelAngle: number } | undefined {
  return typeof width === "number" ? undefined : { labelAngle: 0 };
}

/**
 * The width of a chart with a band (ordinal) x axis: the default width, or a fixed step per category when there
 * are so few that the bars would grow wider than `step` (one year of commuting is one bar, not 560 px of it).
 *
 * @example
 * bandWidth(1, {}, 560)   // { step: 56 }
 * bandWidth(24, {}, 560)  // 560
 */
export function bandWidth(count: number, options: ChartOptions, width = 560, step = 56): number | { step: number } {
  if (options.width !== undefined) return options.width;
  return count * step < width ? { step } : width;
}

/** The region or regions a chart highlights: one code or several (`focus: "2021"` is `focus: ["2021"]`). */
export type Focus = string | readonly string[];

/**
 * The focus codes as a set.
 *
 * @example
 * focusSet("2021").has("2021")            // true
 * focusSet(["2021", "2080"]).size         // 2
 */
export function focusSet(focus: Focus | undefined): Set<string> {
  return new Set(typeof focus === "string" ? [focus] : (focus ?? []));
}

/** Options every builder takes. */
export interface ChartOptions {
  locale?: Locale;
  title?: string;
  width?: number;
  height?: number;
}

/** "Källa: SCB, BE0101N1" from a table's provenance; null when it names no source. */
export function sourceLine(provenance: Provenance, locale: Locale): string | null {
  const parts = [provenance.source, provenance.tableId].filter(Boolean);
  return parts.length ? `${word("source", locale)}: ${parts.join(", ")}` : null;
}

/** The parts of a spec every chart shares: title and source, size, theme, locale and an accessible description. */
export interface Frame {
  title: string | { text: string; subtitle: string };
  description: string;
  width: number | { step: number };
  height: number;
  config: Config;
}

/**
 * The parts of a spec every chart shares: title with the source as subtitle, size, theme, locale and the
 * chart-level description in the chart's language (`kind` and `notes` say what the chart is and highlights).
 */
export function frame(
  table: Table,
  options: ChartOptions,
  defaults: {
    title: string;
    width?: number | { step: number };
    height?: number;
    kind: ChartKind;
    notes?: readonly (string | null)[];
  },
): Frame {
  const locale = localeOr(options.locale);
  const source = sourceLine(table.provenance, locale);
  const title = options.title ?? defaults.title;
  const notes = (defaults.notes ?? []).filter((n): n is string => n !== null);
  return {
    title: source ? { text: title, subtitle: source } : title,
    description: describeChart(defaults.kind, locale, title, source ? [...notes, source] : notes),
    width: options.width ?? defaults.width ?? 560,
    height: options.height ?? defaults.height ?? 300,
    config: config(locale),
  };
}

/** Plain rows for the spec's inline data, with only the named columns. */
export function rows(table: Table, columns: readonly string[]): Row[] {
  const keep = columns.filter((c) => table.has(c));
  return table.select(...keep).toRows();
}

/**
 * Moves label positions apart so that neighbours are at least `gap` apart, as little as it can and inside
 * [lo, hi]: sorted upwards, each label is pushed above the one below it, then, if the top one leaves the range,
 * pushed back down from the top. Returns the positions in the input's order.
 *
 * @example
 * dodge([10, 10.5, 20], 2, [0, 30]) // [10, 12, 20]
 */
export function dodge(values: readonly number[], gap: number, [lo, hi]: readonly [number, number]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const at = order.map((o) => Math.min(hi, Math.max(lo, o.v)));
  for (let k = 1; k < at.length; k++) at[k] = Math.max(at[k]!, at[k - 1]! + gap);
  if (at.length > 0 && at[at.length - 1]! > hi) {
    at[at.length - 1] = hi;
    for (let k = at.length - 2; k >= 0; k--) at[k] = Math.min(at[k]!, at[k + 1]! - gap);
  }
  const out = new Array<number>(values.length);
  order.forEach((o, k) => (out[o.i] = at[k]!));
  return out;
}

/** A `kind` column as the line's dash: observed years solid, projected ones dashed, in a legend without a title. */
export function seriesDash(locale: Locale) {
  return {
    field: "kind",
    type: "nominal",
    title: word("series", locale),
    legend: { title: null },
    sort: [word("observed", locale), word("projected", locale)],
    scale: {
      range: [
        [1, 0],
        [5, 3],
      ],
    },
  } as const;
}

/**
 * The frame of a square scatter titled by its two measures ("Struktur / attraktivitet"), naming the highlighted
 * regions in its description.
 */
export function scatterFrame(
  table: Table,
  options: ChartOptions,
  [first, second]: readonly [string, string],
  names: readonly string[],
): Frame {
  const locale = localeOr(options.locale);
  return frame(table, options, {
    title: `${first} / ${second.toLowerCase()}`,
    height: 380,
    width: 420,
    kind: "scatter",
    notes: [highlighted(names, locale)],
  });
}

/** Years on the x axis as whole numbers ("2020", never "2,020" or "2020.5"). */
export function yearX(locale: Locale) {
  return {
    field: "year",
    type: "quantitative",
    title: word("year", locale),
    axis: { format: "d", tickMinStep: 1 },
  } as const;
}
