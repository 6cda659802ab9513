import type { Column } from "../column.ts";

/** Group ids per row for a set of key columns, numbered in order of first appearance. */
export interface KeyIndex {
  /** Group id of each row; -1 where a key is missing and `dropMissing` was asked. */
  ids: Int32Array;
  /** Number of groups. */
  count: number;
  /** First row of each group. */
  firstRow: Int32Array;
}

/** Dense ids (0..n-1) for one column's values; missing values get their own id unless dropped. */
function columnIds(column: Column): { ids: Int32Array; cardinality: number } {
  const n = column.length;
  const ids = new Int32Array(n);
  if (column.type === "string") {
    // dictionary codes are already dense; shift by one so that missing (-1) becomes 0
    for (let i = 0; i < n; i++) ids[i] = column.codes[i]! + 1;
    return { ids, cardinality: column.dictionary.length + 1 };
  }
  const values = column.values;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (integral && n > 0 && max - min < 1 << 22) {
    // small integer range (years, ages): offset into a dense range, 0 for missing
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      ids[i] = Number.isNaN(v) ? 0 : v - min + 1;
    }
    return { ids, cardinality: max - min + 2 };
  }
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      ids[i] = 0;
      continue;
    }
    let id = seen.get(v);
    if (id === undefined) seen.set(v, (id = seen.size + 1));
    ids[i] = id;
  }
  return { ids, cardinality: seen.size + 1 };
}

const DENSE_LIMIT = 1 << 24;

/**
 * Assigns each row the id of its key combination. Combinations are packed into one number (mixed radix) and looked
 * up in a dense table when the key space is small, in a Map otherwise.
 */
export function keyIndex(columns: readonly Column[], numRows: number): KeyIndex {
  const ids = new Int32Array(numRows);
  if (columns.length === 0) {
    return { ids, count: numRows > 0 ? 1 : 0, firstRow: Int32Array.of(0) };
  }
  const parts = columns.map(columnIds);
  let space = 1;
  for (const p of parts) space *= p.cardinality;
  const packed = new Float64Array(numRows);
  for (const p of parts) {
    for (let i = 0; i < numRows; i++) packed[i] = packed[i]! * p.cardinality + p.ids[i]!;
  }
  const first: number[] = [];
  if (space <= DENSE_LIMIT) {
    const table = new Int32Array(space).fill(-1);
    for (let i = 0; i < numRows; i++) {
      const k = packed[i]!;
      let id = table[k]!;
      if (id < 0) {
        id = table[k] = first.length;
        first.push(i);
      }
      ids[i] = id;
    }
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < numRows; i++) {
      const k = packed[i]!;
      let id = map.get(k);
      if (id === undefined) {
        id = first.length;
        map.set(k, id);
        first.push(i);
      }
      ids[i] = id;
    }
  }
  return { ids, count: first.length, firstRow: Int32Array.from(first) };
}

/** A string key for one row's values of some columns, for joins across two tables. */
export function rowKey(columns: readonly Column[], row: number): string {
  let key = "";
  for (const c of columns) key += `${c.get(row) ?? "\u0000"}\u0001`;
  return key;
}
