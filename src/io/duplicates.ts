import { OmvarldError } from "../errors.ts";
import type { Column } from "../table/column.ts";
import type { Table } from "../table/table.ts";

export interface DuplicateOptions {
  file?: string | undefined;
  /** Source line of a row, for error messages; without it rows are named by their number (1-based). */
  lineOf?: ((row: number) => number) | undefined;
  /** Called with the rows kept (indices into the input) when some were dropped. */
  onDrop?: ((kept: Int32Array) => void) | undefined;
}

/**
 * Checks that no observation occurs twice: the key is every dimension column (region, year, sex, age, ...).
 * Rows whose key and whose measures and status are all the same (a block pasted twice, a file concatenated with
 * itself) are dropped, with a warning that counts them; rows with the same key and different values are an error
 * naming both lines. Tables without dimension or measure columns are returned unchanged.
 *
 * Linear time: a 32-bit hash of each row's key in an open-addressing table of row numbers, and a full comparison
 * only where hashes meet.
 *
 * @example
 * // "0114",2017,44605 twice → one row and the warning "1 duplicate row (the same observation twice) was left out"
 */
export function dropDuplicates(table: Table, options: DuplicateOptions = {}): Table {
  const dims = table.names("dimension").map((n) => table.column(n));
  const values = [...table.names("measure"), ...table.names("status")].map((n) => table.column(n));
  const n = table.numRows;
  if (dims.length === 0 || n < 2) return table;
  const keys = dims.map(keyArray);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5 | 0;
    for (const k of keys) h = Math.imul(h ^ k[i]!, 0x01000193);
    hashes[i] = h ^ (h >>> 15);
  }
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  let drop: Uint8Array | null = null;
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    let s = hashes[i]! & mask;
    for (;;) {
      const j = slots[s]!;
      if (j < 0) {
        slots[s] = i;
        break;
      }
      if (hashes[j] === hashes[i] && keys.every((k) => k[i] === k[j])) {
        if (!values.every((c) => same(c, i, j))) conflict(table, j, i, options);
        drop ??= new Uint8Array(n);
        drop[i] = 1;
        dropped++;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  if (!drop) return table;
  const index = new Int32Array(n - dropped);
  for (let i = 0, k = 0; i < n; i++) if (!drop[i]) index[k++] = i;
  options.onDrop?.(index);
  const first = drop.indexOf(1);
  const where = options.lineOf ? `line ${options.lineOf(first)}` : `row ${first + 1}`;
  return table.take(index).withWarnings(
    `${dropped} duplicate row${dropped === 1 ? "" : "s"} (the same observation with the same value twice) ${dropped === 1 ? "was" : "were"} left out, the first at ${where}`,
  );
}

/** The cells of a column as 32-bit integers that are equal exactly when the values are. */
function keyArray(column: Column): Int32Array {
  if (column.type === "string") return column.codes;
  // numbers: dimension values (years, ages) are small integers; others are mapped through a dictionary
  const out = new Int32Array(column.length);
  const seen = new Map<number, number>();
  const v = column.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isInteger(x) && x >= -(2 ** 30) && x < 2 ** 30) out[i] = x;
    else {
      let code = seen.get(x);
      if (code === undefined) seen.set(x, (code = 2 ** 30 + seen.size));
      out[i] = code | 0;
    }
  }
  return out;
}

function same(column: Column, i: number, j: number): boolean {
  if (column.type === "string") return column.codes[i] === column.codes[j];
  const a = column.values[i]!;
  const b = column.values[j]!;
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function conflict(table: Table, first: number, second: number, options: DuplicateOptions): never {
  const dims = table.names("dimension");
  const key = dims.map((d) => `${d} ${JSON.stringify(table.get(d, first))}`).join(", ");
  const measures = table.names("measure");
  const show = (row: number) => measures.map((m) => String(table.get(m, row) ?? "missing")).join("/");
  const place = (row: number) => (options.lineOf ? `line ${options.lineOf(row)}` : `row ${row + 1}`);
  throw new OmvarldError(
    "PARSE",
    `the same observation (${key}) occurs twice with different values: ${show(first)} at ${place(first)} and ${show(second)} at ${place(second)}`,
    { file: options.file, line: options.lineOf?.(second) },
    "remove one of the two rows; was a block of rows pasted twice, or were two files joined?",
  );
}
