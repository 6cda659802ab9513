import type { Column } from "../column.ts";

/** Group ids per row for a set of key columns, numbered in order of first appearance. */
export interface KeyIndex {
  /** Group id of each row. */
  ids: Int32Array;
  /** Number of groups. */
  count: number;
  /** First row of each group. */
  firstRow: Int32Array;
}

/** How one column's values map to dense ids 1..cardinality-1 (0 is missing), without an array per row. */
interface Encoder {
  cardinality: number;
  id(i: number): number;
}

function encoder(column: Column): Encoder {
  if (column.type === "string") {
    const codes = column.codes;
    // dictionary codes are already dense; shift by one so that missing (-1) becomes 0
    return { cardinality: column.dictionary.length + 1, id: (i) => codes[i]! + 1 };
  }
  const values = column.values;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (integral && values.length > 0 && max - min < 1 << 22) {
    // a small integer range (years, ages): an offset into it
    return { cardinality: max - min + 2, id: (i) => (Number.isNaN(values[i]!) ? 0 : values[i]! - min + 1) };
  }
  const seen = new Map<number, number>();
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    let id = seen.get(v);
    if (id === undefined) seen.set(v, (id = seen.size + 1));
    ids[i] = id;
  }
  return { cardinality: seen.size + 1, id: (i) => ids[i]! };
}

const DENSE_LIMIT = 1 << 24;

/**
 * Assigns each row the id of its key combination. Each combination is packed into one number (mixed radix) and
 * looked up in a dense table when the key space is small, in a Map otherwise.
 */
export function keyIndex(columns: readonly Column[], numRows: number): KeyIndex {
  const ids = new Int32Array(numRows);
  if (columns.length === 0) return { ids, count: numRows > 0 ? 1 : 0, firstRow: Int32Array.of(0) };
  const encoders = columns.map(encoder);
  const space = encoders.reduce((p, e) => p * e.cardinality, 1);
  const [e0, e1] = encoders;
  // the packed key of row i, in mixed radix over the encoders
  const pack =
    encoders.length === 1
      ? e0!.id
      : encoders.length === 2
        ? (i: number) => e0!.id(i) * e1!.cardinality + e1!.id(i)
        : (i: number) => encoders.reduce((k, e) => k * e.cardinality + e.id(i), 0);
  const first: number[] = [];
  if (space <= DENSE_LIMIT) {
    const table = new Int32Array(space).fill(-1);
    for (let i = 0; i < numRows; i++) {
      const k = pack(i);
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
      const k = pack(i);
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
