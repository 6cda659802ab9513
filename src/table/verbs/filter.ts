import type { Value } from "../column.ts";
import type { Row, Table } from "../table.ts";

/** Per column: a value, a list of values, or a predicate. Or one predicate over whole rows. */
export type Where = Record<string, Value | readonly Value[] | ((value: Value) => boolean)> | ((row: Row) => boolean);

/** Indices of the rows that match `where`. Column specs on string columns compare dictionary codes, not strings. */
export function filterRows(table: Table, where: Where): Int32Array {
  const n = table.numRows;
  const keep = new Uint8Array(n).fill(1);
  if (typeof where === "function") {
    const rows = table.toRows();
    for (let i = 0; i < n; i++) keep[i] = where(rows[i]!) ? 1 : 0;
  } else {
    for (const [name, spec] of Object.entries(where)) {
      const column = table.column(name);
      if (typeof spec === "function") {
        for (let i = 0; i < n; i++) if (keep[i] && !spec(column.get(i))) keep[i] = 0;
        continue;
      }
      const wanted = Array.isArray(spec) ? (spec as readonly Value[]) : [spec as Value];
      if (column.type === "string") {
        const ok = new Uint8Array(column.dictionary.length + 1);
        for (const w of wanted) {
          if (w === null) ok[0] = 1;
          else {
            const code = column.dictionary.indexOf(String(w));
            if (code >= 0) ok[code + 1] = 1;
          }
        }
        for (let i = 0; i < n; i++) if (keep[i] && !ok[column.codes[i]! + 1]) keep[i] = 0;
      } else {
        const set = new Set(wanted.map((w) => (w === null ? NaN : Number(w))));
        const wantsNull = wanted.includes(null);
        const values = column.values;
        if (set.size === 1 && !wantsNull) {
          // one value (`{ year: 2024 }`): a comparison, not a set lookup, per row
          const only = Number(wanted[0]);
          for (let i = 0; i < n; i++) if (values[i] !== only) keep[i] = 0;
          continue;
        }
        for (let i = 0; i < n; i++) {
          if (!keep[i]) continue;
          const v = column.values[i]!;
          if (Number.isNaN(v) ? !wantsNull : !set.has(v)) keep[i] = 0;
        }
      }
    }
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i]!;
  const index = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (keep[i]) index[k++] = i;
  return index;
}
