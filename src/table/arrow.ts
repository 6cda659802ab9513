import { OmvarldError } from "../errors.ts";
import { type Column, NumberColumn, StringColumn } from "./column.ts";
import type { Provenance } from "./provenance.ts";
import { Table } from "./table.ts";

type Arrow = typeof import("apache-arrow");

async function loadArrow(): Promise<Arrow> {
  try {
    return await import("apache-arrow");
  } catch {
    throw new OmvarldError("DEPENDENCY", "apache-arrow is not installed", {}, "npm install apache-arrow");
  }
}

/** Converts to an Arrow table: numbers as Float64, strings as dictionary-encoded Utf8 (codes stay codes). */
export async function toArrow(table: Table): Promise<import("apache-arrow").Table> {
  const arrow = await loadArrow();
  const vectors: Record<string, import("apache-arrow").Vector> = {};
  for (const field of table.schema) {
    const column = table.column(field.name);
    if (column.type === "number") {
      const data = Array.from({ length: column.length }, (_, i) => column.get(i));
      vectors[field.name] = arrow.vectorFromArray(data, new arrow.Float64());
    } else {
      const data = Array.from({ length: column.length }, (_, i) => column.get(i));
      vectors[field.name] = arrow.vectorFromArray(data, new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32()));
    }
  }
  return new arrow.Table(vectors);
}

/**
 * Builds a table from an Arrow table (from DuckDB, Polars, arquero ...). Numeric Arrow types become number columns,
 * everything else string columns; Arrow nulls become `null`.
 */
export function fromArrow(arrowTable: import("apache-arrow").Table, provenance: Provenance = {}): Table {
  const map = new Map<string, Column>();
  for (const field of arrowTable.schema.fields) {
    const vector = arrowTable.getChild(field.name)!;
    const values: unknown[] = vector.toArray() as unknown[];
    const numeric = /^(Int|Uint|Float|Decimal)/.test(String(field.type));
    if (numeric) {
      const out = new Float64Array(vector.length);
      for (let i = 0; i < vector.length; i++) {
        const v = vector.isValid(i) ? values[i] : null;
        out[i] = v === null || v === undefined ? NaN : Number(v);
      }
      map.set(field.name, new NumberColumn(out));
    } else {
      map.set(
        field.name,
        StringColumn.from(
          Array.from({ length: vector.length }, (_, i) => {
            const v: unknown = vector.get(i);
            return v === null || v === undefined ? null : String(v);
          }),
        ),
      );
    }
  }
  return new Table(map, { provenance });
}
