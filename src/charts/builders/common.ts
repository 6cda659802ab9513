import type { Provenance } from "../../table/provenance.ts";
import type { Row, Table } from "../../table/table.ts";
import { type Locale, word } from "../locale.ts";
import { CONTEXT_COLOUR, config, FOCUS_COLOUR } from "../theme.ts";

/** Colour encoding that paints rows with `focus: true` in the focus colour and the rest grey. */
export const FOCUS_COLOUR_ENCODING: Record<string, unknown> = {
  condition: { test: "datum.focus", value: FOCUS_COLOUR },
  value: CONTEXT_COLOUR,
};

/**
 * Stacked bars of components per year with the total as a black line over them: the shape of the components of
 * change and of the attractiveness decomposition. `components` are {year, component, order, value} rows.
 */
export function stackedWithLine(
  components: readonly Record<string, unknown>[],
  totals: readonly Record<string, unknown>[],
  options: { total: string; yTitle: string; xTitle: string; order: readonly string[]; legendTitle: string | null },
): Record<string, unknown>[] {
  return [
    {
      data: { values: components },
      mark: "bar",
      encoding: {
        x: { field: "year", type: "ordinal", title: options.xTitle },
        y: { field: "value", type: "quantitative", title: options.yTitle, stack: "zero" },
        color: { field: "component", type: "nominal", title: options.legendTitle, sort: options.order },
        order: { field: "order" },
        ...(components.some((c) => c.kind === "projected")
          ? { opacity: { condition: { test: "datum.kind === 'projected'", value: 0.45 }, value: 1 } }
          : {}),
      },
    },
    {
      data: { values: totals },
      mark: { type: "line", color: "black", point: { color: "black" } },
      encoding: { x: { field: "year", type: "ordinal" }, y: { field: options.total, type: "quantitative" } },
    },
  ];
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

/** The parts of a spec every chart shares: title with the source as subtitle, size, theme and locale. */
export function frame(
  table: Table,
  options: ChartOptions,
  defaults: { title: string; width?: number; height?: number },
): Record<string, unknown> {
  const locale = options.locale ?? "sv";
  const source = sourceLine(table.provenance, locale);
  return {
    title: source ? { text: options.title ?? defaults.title, subtitle: source } : (options.title ?? defaults.title),
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
