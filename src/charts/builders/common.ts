import type { Provenance } from "../../table/provenance.ts";
import type { Row, Table } from "../../table/table.ts";
import { type Locale, word } from "../locale.ts";
import { config } from "../theme.ts";

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
export function frame(table: Table, options: ChartOptions, defaults: { title: string; width?: number; height?: number }): Record<string, unknown> {
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
