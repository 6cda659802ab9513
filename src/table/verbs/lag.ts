import { NumberColumn } from "../column.ts";
import type { Table } from "../table.ts";
import { keyIndex } from "./keys.ts";

export interface LagOptions {
  /** Group columns (default: every dimension except the time column). */
  by?: readonly string[];
  /** The integer time column (default "year"). */
  along?: string;
  /** How many steps back (default 1). */
  n?: number;
  /** Name of the new column (default `<column>_lag<n>`, or `<column>_lag` for n = 1). */
  as?: string;
}

/**
 * Adds the value of `column` at time t − n within each group, matched by the value of the time column (not by row
 * position), so a gap in the years gives `null` rather than the wrong year's value.
 */
export function lagAlong(table: Table, column: string, options: LagOptions = {}): Table {
  const along = options.along ?? "year";
  const n = options.n ?? 1;
  const by = options.by ?? table.names("dimension").filter((d) => d !== along);
  const name = options.as ?? (n === 1 ? `${column}_lag` : `${column}_lag${n}`);
  const groups = keyIndex(
    by.map((b) => table.column(b)),
    table.numRows,
  ).ids;
  const time = table.numbers(along).values;
  const values = table.numbers(column).values;
  const lookup = new Map<number, number>();
  // pack (group, time) into one number; times are integers
  const key = (g: number, t: number) => g * 1e6 + t;
  for (let i = 0; i < table.numRows; i++) lookup.set(key(groups[i]!, time[i]!), i);
  const out = new Float64Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const j = lookup.get(key(groups[i]!, time[i]! - n));
    out[i] = j === undefined ? NaN : values[j]!;
  }
  return table.withColumn(name, new NumberColumn(out), "measure");
}
