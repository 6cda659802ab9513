import type { Table } from "../../table/table.ts";

/** Dimensions that never get a `_name` column: the period, and region (whose names `normalise` handles). */
const SKIP = new Set(["region", "region_name", "year", "period"]);

/**
 * Keeps both the codes and the labels of the dimensions of formats that carry both (JSON-stat, PX with CODES),
 * with the convention of `region`/`region_name`: the column `sex` holds the code ("1"), a column `sex_name` right
 * after it holds the label ("män"). A dimension whose labels all equal their codes gets no `_name` column.
 *
 * @example
 * nameDimensions(t, new Map([["sex", new Map([["1", "män"], ["2", "kvinnor"]])]])).toRows()[0]
 * // { ..., sex: "1", sex_name: "män", ... }
 */
export function nameDimensions(table: Table, labels: ReadonlyMap<string, ReadonlyMap<string, string>>): Table {
  let out = table;
  const added: string[] = [];
  for (const [dimension, names] of labels) {
    if (
      SKIP.has(dimension) ||
      !out.has(dimension) ||
      out.has(`${dimension}_name`) ||
      out.column(dimension).type !== "string"
    )
      continue;
    const column = out.strings(dimension);
    if (column.dictionary.every((code) => (names.get(code) ?? code) === code)) continue;
    out = out.withColumn(
      `${dimension}_name`,
      column.mapValues((code) => names.get(code) ?? code),
      "dimension",
    );
    added.push(dimension);
  }
  if (added.length === 0) return out;
  const order = out.columnNames
    .filter((n) => !added.some((d) => n === `${d}_name`))
    .flatMap((n) => (added.includes(n) ? [n, `${n}_name`] : [n]));
  return out.select(...order);
}

/**
 * A region label without the code it repeats: "25 Norrbottens län" with code "25" → "Norrbottens län";
 * "00 Sweden" with code "00" → "Sweden"; `K-3421` codes compare without their prefix.
 */
export function stripCode(label: string, code: string): string {
  const plain = code.replace(/^[KF]-/, "");
  return (label.startsWith(`${plain} `) ? label.slice(plain.length + 1) : label).trim();
}
