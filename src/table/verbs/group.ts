import { type Column, NumberColumn } from "../column.ts";
import type { Table } from "../table.ts";
import { keyIndex } from "./keys.ts";

export interface AggregateOptions {
  /**
   * What a missing value does to its group: "propagate" (default) makes the group's result `null`, because a sum
   * with an unknown part is unknown; "skip" leaves it out (a group with no known value is still `null`).
   */
  missing?: "propagate" | "skip";
}

/** A table grouped by key columns, awaiting an aggregate. */
export class GroupedTable {
  readonly #table: Table;
  readonly #keys: readonly string[];

  constructor(table: Table, keys: readonly string[]) {
    this.#table = table;
    this.#keys = keys;
  }

  /** Σ of each measure per group. `sum()` sums every measure column. */
  sum(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#aggregate(measures, options, (sum) => sum);
  }

  /** Arithmetic mean of each measure per group. */
  mean(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#aggregate(measures, options, (sum, count) => sum / count);
  }

  /** Number of rows per group, in a column `count`. */
  count(): Table {
    const { index, keyTable } = this.#index();
    const counts = new Float64Array(index.count);
    const ids = index.ids;
    for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
    return keyTable.withColumn("count", new NumberColumn(counts), "measure");
  }

  #index() {
    const table = this.#table;
    const index = keyIndex(
      this.#keys.map((k) => table.column(k)),
      table.numRows,
    );
    const keyTable = table.select(...this.#keys).take(index.firstRow);
    return { index, keyTable };
  }

  #aggregate(
    measures: string | readonly string[] | undefined,
    options: AggregateOptions,
    finish: (sum: number, count: number) => number,
  ): Table {
    const table = this.#table;
    const names =
      measures === undefined ? table.names("measure") : typeof measures === "string" ? [measures] : measures;
    const { index, keyTable } = this.#index();
    const skip = options.missing === "skip";
    const columns: [string, Column][] = [];
    for (const name of names) {
      const values = table.numbers(name).values;
      const sums = new Float64Array(index.count);
      const counts = new Float64Array(index.count);
      const missing = new Uint8Array(index.count);
      const ids = index.ids;
      for (let i = 0; i < ids.length; i++) {
        const v = values[i]!;
        const g = ids[i]!;
        if (Number.isNaN(v)) missing[g] = 1;
        else {
          sums[g]! += v;
          counts[g]!++;
        }
      }
      for (let g = 0; g < index.count; g++) {
        sums[g] = counts[g] === 0 || (missing[g] && !skip) ? NaN : finish(sums[g]!, counts[g]!);
      }
      columns.push([name, new NumberColumn(sums)]);
    }
    let out = keyTable;
    for (const [name, column] of columns) out = out.withColumn(name, column, "measure");
    return out;
  }
}
