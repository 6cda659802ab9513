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
 * Linear time: each row's key as one mixed-radix number over the dimensions' codes, looked up in a dense bit set
 * where the combinations are few (2.9 M rows of region × sex × age × year: 0.1 s), and only where a key repeats in a
 * dense table of first rows; else hashed into an open-addressing table with a full comparison only where hashes meet.
 *
 * @example
 * // "0114",2017,44605 twice → one row and the warning "1 duplicate row (the same observation twice) was left out"
 */
export function dropDuplicates(table: Table, options: DuplicateOptions = {}): Table {
  const dims = table.names("dimension").map((n) => table.column(n));
  const values = [...table.names("measure"), ...table.names("status")].map((n) => table.column(n));
  const n = table.numRows;
  if (dims.length === 0 || n < 2) return table;
  const shapes = dims.map(keyShape);
  let drop: Uint8Array | null = null;
  let dropped = 0;
  const seen = (i: number, j: number) => {
    if (!values.every((c) => same(c, i, j))) conflict(table, j, i, options);
    drop ??= new Uint8Array(n);
    drop[i] = 1;
    dropped++;
  };
  // the keys as one mixed-radix number; where there are not too many combinations, a dense table of first rows
  let combinations = 1;
  for (const k of shapes) combinations *= k.size;
  if (combinations <= Math.max(8 * n, 1 << 24)) {
    // column by column, so that each pass is one tight loop over typed arrays
    const combined = new Int32Array(n);
    dims.forEach((column, d) => addKeys(combined, column, shapes[d]!));
    // first one bit per combination (4.5 M combinations: 0.6 MB, where a table of first rows takes 18 MB): most
    // files repeat no key, and then nothing more is needed
    const bits = new Int32Array(Math.ceil(combinations / 32));
    let repeats = false;
    for (let i = 0; i < n; i++) {
      const key = combined[i]!;
      const word = key >>> 5;
      const bit = 1 << (key & 31);
      if (bits[word]! & bit) {
        repeats = true;
        break;
      }
      bits[word] = bits[word]! | bit;
    }
    if (repeats) {
      const first = new Int32Array(combinations).fill(-1);
      for (let i = 0; i < n; i++) {
        const key = combined[i]!;
        const j = first[key]!;
        if (j < 0) first[key] = i;
        else seen(i, j);
      }
    }
  } else {
    // otherwise a hash of the key into an open-addressing table of row numbers, compared in full where hashes meet
    const keys = dims.map(keyArray);
    const hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let h = 0x9747b28c | 0;
      for (const k of keys) h = mix(h ^ k.codes[i]!);
      hashes[i] = h;
    }
    let size = 1;
    while (size < n * 2) size <<= 1;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < n; i++) {
      let s = hashes[i]! & mask;
      for (;;) {
        const j = slots[s]!;
        if (j < 0) {
          slots[s] = i;
          break;
        }
        if (hashes[j] === hashes[i] && keys.every((k) => k.codes[i] === k.codes[j])) {
          seen(i, j);
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }
  if (drop === null) return table;
  const dropFlags: Uint8Array = drop;
  const index = new Int32Array(n - dropped);
  for (let i = 0, k = 0; i < n; i++) if (!dropFlags[i]) index[k++] = i;
  options.onDrop?.(index);
  const first = dropFlags.indexOf(1);
  const where = options.lineOf ? `line ${options.lineOf(first)}` : `row ${first + 1}`;
  return table
    .take(index)
    .withWarnings(
      `${dropped} duplicate row${dropped === 1 ? "" : "s"} (the same observation with the same value twice) ${dropped === 1 ? "was" : "were"} left out, the first at ${where}`,
    );
}

/** MurmurHash3's 32-bit finaliser: every bit of the input moves every bit of the output. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

interface KeyShape {
  /** Codes run from 0 (missing) to size - 1. */
  size: number;
  /** Numbers: the smallest value of an integer column, or NaN when the numbers need a dictionary. */
  min: number;
}

/** How a column's cells map to dense codes: a string column's dictionary, an integer column's range. */
function keyShape(column: Column): KeyShape {
  if (column.type === "string") return { size: column.dictionary.length + 1, min: NaN };
  const v = column.values;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== Math.floor(x)) {
      if (x === x) return { size: Infinity, min: NaN }; // a fraction (NaN is missing and passes)
      continue;
    }
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === Infinity) return { size: 1, min: 0 };
  return max - min < 1 << 20 ? { size: max - min + 2, min } : { size: Infinity, min: NaN };
}

/** combined = combined · size + code, for every row. */
function addKeys(combined: Int32Array, column: Column, shape: KeyShape): void {
  const n = combined.length;
  const size = shape.size;
  if (column.type === "string") {
    const codes = column.codes;
    for (let i = 0; i < n; i++) combined[i] = combined[i]! * size + codes[i]! + 1;
    return;
  }
  const v = column.values;
  const base = shape.min - 1;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    combined[i] = combined[i]! * size + (x === x ? x - base : 0);
  }
}

/** The cells of a column as dense non-negative integers (0 for missing), equal exactly when the values are; `size` bounds them. */
export function keyArray(column: Column): { codes: Int32Array; size: number } {
  const n = column.length;
  const out = new Int32Array(n);
  const shape = keyShape(column);
  if (column.type === "string" || Number.isFinite(shape.size)) {
    addKeys(out, column, shape);
    return { codes: out, size: shape.size };
  }
  const v = column.values;
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    let code = seen.get(x);
    if (code === undefined) seen.set(x, (code = seen.size + 1));
    out[i] = code;
  }
  return { codes: out, size: seen.size + 1 };
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
