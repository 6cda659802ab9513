import type { Table } from "../../table/table.ts";

/** A group of rows that is shorter at the end of a table than everywhere else. */
export interface ShortLastGroup {
  /** The dimension along which the last group is short. */
  dimension: string;
  /** The values of the other dimensions that name the group. */
  group: string;
  /** Rows of the last group, and of every other group. */
  have: number;
  full: number;
}

/**
 * Evidence that a table read from a file without a final line break was cut inside it: along some dimension, every
 * group of rows that share the other dimensions has the same number of rows `full` (at least two groups, `full` > 1),
 * except the group of the table's last row, which has fewer. A long export cut inside a line (SSB's region × year ×
 * variable) ends so; a complete file does not. Returns the short group, or null when nothing shows a cut.
 *
 * @example
 * // rows (A, 2020, x), (A, 2020, y), (B, 2020, x): along the last dimension B has 1 row where A has 2
 * shortLastGroup(table) // { dimension: "variable", group: "B, 2020", have: 1, full: 2 }
 */
export function shortLastGroup(table: Table): ShortLastGroup | null {
  const dims = table.names("dimension");
  const n = table.numRows;
  if (dims.length < 2 || n < 3) return null;
  const values = dims.map((d) => {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = String(table.get(d, i));
    return out;
  });
  for (let skip = 0; skip < dims.length; skip++) {
    const keyOf = (i: number) => values.map((v, k) => (k === skip ? "" : v[i])).join("\u0000");
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const last = keyOf(n - 1);
    const have = counts.get(last)!;
    counts.delete(last);
    if (counts.size < 2) continue;
    const full = counts.values().next().value!;
    if (full > 1 && have < full && [...counts.values()].every((c) => c === full)) {
      const group = values.flatMap((v, k) => (k === skip ? [] : [v[n - 1]!])).join(", ");
      return { dimension: dims[skip]!, group, have, full };
    }
  }
  return null;
}
