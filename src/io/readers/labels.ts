import type { Table } from "../../table/table.ts";

/** Dimensions whose codes are kept (region and age codes are data); other dimensions show their labels. */
const KEEP_CODES = new Set(["region", "year", "age"]);

/** Replaces the codes of descriptive dimensions (sex, contents, ...) by their labels: "1" → "män". */
export function labelDimensions(table: Table, labels: ReadonlyMap<string, ReadonlyMap<string, string>>): Table {
  let out = table;
  for (const [dimension, names] of labels) {
    if (KEEP_CODES.has(dimension) || !out.has(dimension)) continue;
    out = out.withColumn(dimension, out.strings(dimension).mapValues((d) => names.get(d) ?? d), "dimension");
  }
  return out;
}
