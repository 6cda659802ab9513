import { OmvarldError } from "../../errors.ts";
import type { Column } from "../column.ts";
import type { Table } from "../table.ts";
import { rowKey } from "./keys.ts";

export interface JoinOptions {
  /** Key columns, present in both tables. */
  on: readonly string[];
  /** "inner" (default) keeps matched rows; "left" keeps every row of the left table. */
  how?: "inner" | "left";
  /** Suffix for right-hand columns whose names clash with left-hand ones (default "_right"). */
  suffix?: string;
}

/**
 * Joins two tables on key columns. The right table must have at most one row per key; a duplicate key there is an
 * error, because it would silently multiply rows.
 */
export function joinTables(left: Table, right: Table, options: JoinOptions): Table {
  const { on, how = "inner", suffix = "_right" } = options;
  const rightKeys = on.map((k) => right.column(k));
  const lookup = new Map<string, number>();
  for (let i = 0; i < right.numRows; i++) {
    const key = rowKey(rightKeys, i);
    if (lookup.has(key)) {
      throw new OmvarldError(
        "ARGUMENT",
        `join: the right table has more than one row for key (${on.map((k) => right.get(k, i)).join(", ")})`,
        {},
        "aggregate the right table first, or join on more key columns",
      );
    }
    lookup.set(key, i);
  }
  const leftKeys = on.map((k) => left.column(k));
  const leftIndex: number[] = [];
  const rightIndex: number[] = [];
  for (let i = 0; i < left.numRows; i++) {
    const j = lookup.get(rowKey(leftKeys, i));
    if (j === undefined && how === "inner") continue;
    leftIndex.push(i);
    rightIndex.push(j ?? -1);
  }
  let out = left.take(leftIndex);
  const taken = Int32Array.from(rightIndex);
  for (const field of right.schema) {
    if (on.includes(field.name)) continue;
    const name = left.has(field.name) ? field.name + suffix : field.name;
    out = out.withColumn(name, takeOrMissing(right.column(field.name), taken), field.role);
  }
  return out;
}

/** Like `column.take` but index -1 gives a missing value. */
function takeOrMissing(column: Column, index: Int32Array): Column {
  const safe = index.map((i) => (i < 0 ? 0 : i));
  const taken = column.take(safe);
  if (taken.type === "number") {
    index.forEach((i, k) => i < 0 && (taken.values[k] = NaN));
  } else {
    index.forEach((i, k) => i < 0 && (taken.codes[k] = -1));
  }
  return taken;
}
