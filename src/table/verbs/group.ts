import { OmvarldError } from "../../errors.ts";
import { type Column, NumberColumn } from "../column.ts";
import type { Role, Table } from "../table.ts";
import { type KeyIndex, keyIndex } from "./keys.ts";
import { quantileOf, type Reducer, runReducer } from "./reducers.ts";

export type { Reducer } from "./reducers.ts";

export interface AggregateOptions {
  /**
   * What a missing value does to its group: "propagate" (default) makes the group's result `null`, because a sum
   * with an unknown part is unknown; "skip" leaves it out (a group with no known value is still `null`).
   * `count` and `distinct` always count the known values only; `first` and `last` under "propagate" take the
   * group's first or last row as it is, under "skip" its first or last known value.
   */
  missing?: "propagate" | "skip";
}

/**
 * One output of `GroupedTable.aggregate`: the operation as the key, the column it reads as the value.
 *
 * - `sum`, `mean`, `min`, `max`, `median`: of a number column;
 * - `quantile` with `p` (0 … 1): linear interpolation between order statistics (R's and numpy's default, type 7);
 * - `first`, `last`: the value of the group's first or last row, of a number or a text column (in table order);
 * - `count`: the number of known (non-missing) values; `distinct`: the number of distinct known values;
 * - `reduce` with `with`: your function of the group's known values as a Float64Array, in row order.
 */
export type Aggregation =
  | { sum: string }
  | { mean: string }
  | { min: string }
  | { max: string }
  | { median: string }
  | { quantile: string; p: number }
  | { first: string }
  | { last: string }
  | { count: string }
  | { distinct: string }
  | { reduce: string; with: Reducer };

type Op = "sum" | "mean" | "min" | "max" | "median" | "quantile" | "first" | "last" | "count" | "distinct" | "reduce";
const OPS: readonly Op[] = ["sum", "mean", "min", "max", "median", "quantile", "first", "last", "count", "distinct"];

/** The rows of each group, contiguous: rows[offsets[g] … offsets[g + 1]) in table order (a counting sort). */
interface GroupRows {
  offsets: Int32Array;
  rows: Int32Array;
}

/** A table grouped by key columns, awaiting an aggregate. */
export class GroupedTable {
  readonly #table: Table;
  readonly #keys: readonly string[];
  #cache: { index: KeyIndex; keyTable: Table; rows?: GroupRows } | undefined;

  constructor(table: Table, keys: readonly string[]) {
    this.#table = table;
    this.#keys = keys;
  }

  /** Σ of each measure per group. `sum()` sums every measure column. */
  sum(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#aggregate(measures, options, false);
  }

  /** Arithmetic mean of each measure per group. */
  mean(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#aggregate(measures, options, true);
  }

  /** Smallest value of each measure per group (every measure column without arguments). */
  min(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#each("min", measures, options);
  }

  /** Largest value of each measure per group. */
  max(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#each("max", measures, options);
  }

  /** Median of each measure per group (the 0.5 quantile, the mean of the two middle values for an even count). */
  median(measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#each("median", measures, options);
  }

  /**
   * The p-quantile (0 ≤ p ≤ 1) of each measure per group, by linear interpolation between order statistics
   * (Hyndman and Fan's type 7, R's and numpy's default).
   *
   * @example
   * t.groupBy(["year"]).quantile(0.9, "value") // the 90th percentile across regions, per year
   */
  quantile(p: number, measures?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.aggregate(Object.fromEntries(this.#measures(measures).map((m) => [m, { quantile: m, p }])), options);
  }

  /** The value of each group's first row (in table order), of number or text columns (every measure by default). */
  first(columns?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#each("first", columns, options);
  }

  /** The value of each group's last row (in table order). */
  last(columns?: string | readonly string[], options: AggregateOptions = {}): Table {
    return this.#each("last", columns, options);
  }

  /** The number of distinct known values of each column per group (`n_distinct`). */
  countDistinct(columns: string | readonly string[]): Table {
    return this.#each("distinct", columns, {});
  }

  /** Number of rows per group, in a column `count`. */
  count(): Table {
    const { index, keyTable } = this.#index();
    const counts = new Float64Array(index.count);
    const ids = index.ids;
    for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
    return keyTable.withColumn("count", new NumberColumn(counts), "measure");
  }

  /**
   * Several outputs in one pass over the groups, each named by its key: the key columns, then one column per
   * output, in the order given.
   *
   * @example
   * population.groupBy(["region"]).aggregate({
   *   total: { sum: "value" },
   *   largest: { max: "value" },
   *   p90: { quantile: "value", p: 0.9 },
   *   years: { distinct: "year" },
   *   spread: { reduce: "value", with: (v) => Math.max(...v) - Math.min(...v) },
   * }, { missing: "skip" })
   */
  aggregate(spec: Readonly<Record<string, Aggregation>>, options: AggregateOptions = {}): Table {
    const skip = options.missing === "skip";
    let out = this.#index().keyTable;
    for (const [name, aggregation] of Object.entries(spec)) {
      const { op, column, p, reducer } = parse(name, aggregation);
      const source = this.#table.column(column);
      const role: Role =
        op === "first" || op === "last" ? this.#table.schema.find((f) => f.name === column)!.role : "measure";
      out = out.withColumn(name, this.#reduce(op, source, column, skip, p, reducer), role);
    }
    return out;
  }

  #reduce(op: Op, source: Column, column: string, skip: boolean, p: number, reducer?: Reducer): Column {
    const { index } = this.#index();
    if (op === "first" || op === "last") return pick(source, index, this.#rows(), op === "first", skip);
    if (op === "distinct") return new NumberColumn(distinctCounts(source, this.#rows()));
    if (source.type !== "number")
      throw new OmvarldError(
        "ARGUMENT",
        `column "${column}" holds text, expected numbers for ${op}`,
        {},
        "first, last, count and distinct work on text columns",
      );
    const values = source.values;
    if (op === "count") {
      const counts = new Float64Array(index.count);
      for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) counts[index.ids[i]!]!++;
      return new NumberColumn(counts);
    }
    if (op === "min" || op === "max") return new NumberColumn(extremes(values, index, op === "min", skip));
    if (op === "sum" || op === "mean") return new NumberColumn(sums(values, index, skip, op === "mean"));
    // median, quantile, reduce: each group's known values gathered into one scratch array
    const { offsets, rows } = this.#rows();
    const out = new Float64Array(index.count);
    const scratch = new Float64Array(rows.length);
    for (let g = 0; g < index.count; g++) {
      let n = 0;
      let missing = false;
      for (let k = offsets[g]!; k < offsets[g + 1]!; k++) {
        const v = values[rows[k]!]!;
        if (Number.isNaN(v)) missing = true;
        else scratch[n++] = v;
      }
      const group = scratch.subarray(0, n);
      out[g] =
        (missing && !skip) || n === 0
          ? NaN
          : op === "reduce"
            ? runReducer(reducer!, group.slice())
            : quantileOf(group, op === "median" ? 0.5 : p);
    }
    return new NumberColumn(out);
  }

  #measures(measures: string | readonly string[] | undefined): readonly string[] {
    return measures === undefined ? this.#table.names("measure") : typeof measures === "string" ? [measures] : measures;
  }

  #each(op: Op, columns: string | readonly string[] | undefined, options: AggregateOptions): Table {
    return this.aggregate(
      Object.fromEntries(this.#measures(columns).map((c) => [c, { [op]: c } as Aggregation])),
      options,
    );
  }

  #index(): { index: KeyIndex; keyTable: Table } {
    if (!this.#cache) {
      const table = this.#table;
      const index = keyIndex(
        this.#keys.map((k) => table.column(k)),
        table.numRows,
      );
      this.#cache = { index, keyTable: table.select(...this.#keys).take(index.firstRow.subarray(0, index.count)) };
    }
    return this.#cache;
  }

  #rows(): GroupRows {
    this.#index();
    const cache = this.#cache!;
    if (!cache.rows) {
      const { ids, count } = cache.index;
      const offsets = new Int32Array(count + 1);
      for (let i = 0; i < ids.length; i++) offsets[ids[i]! + 1]!++;
      for (let g = 0; g < count; g++) offsets[g + 1]! += offsets[g]!;
      const next = offsets.slice(0, count);
      const rows = new Int32Array(ids.length);
      for (let i = 0; i < ids.length; i++) rows[next[ids[i]!]!++] = i;
      cache.rows = { offsets, rows };
    }
    return cache.rows;
  }

  #aggregate(measures: string | readonly string[] | undefined, options: AggregateOptions, mean: boolean): Table {
    const { index, keyTable } = this.#index();
    const skip = options.missing === "skip";
    let out = keyTable;
    for (const name of this.#measures(measures)) {
      const values = this.#table.numbers(name).values;
      out = out.withColumn(name, new NumberColumn(sums(values, index, skip, mean)), "measure");
    }
    return out;
  }
}

/** The operation and column of one output, checked. */
function parse(name: string, aggregation: Aggregation): { op: Op; column: string; p: number; reducer?: Reducer } {
  const spec = aggregation as Partial<Record<Op, string>> & { p?: number; with?: Reducer };
  if (typeof spec.reduce === "string") {
    if (typeof spec.with !== "function")
      throw new OmvarldError("ARGUMENT", `output "${name}": reduce needs a function in "with"`);
    return { op: "reduce", column: spec.reduce, p: NaN, reducer: spec.with };
  }
  const op = OPS.find((o) => typeof spec[o] === "string");
  if (!op)
    throw new OmvarldError(
      "ARGUMENT",
      `output "${name}" names no operation`,
      {},
      `write { ${name}: { sum: "value" } }; operations: ${OPS.join(", ")}, reduce`,
    );
  const p = spec.p ?? NaN;
  if (op === "quantile" && !(p >= 0 && p <= 1))
    throw new OmvarldError("ARGUMENT", `output "${name}": a quantile needs p between 0 and 1, got ${spec.p}`);
  return { op, column: spec[op]!, p };
}

/** Σ (or the mean) per group in one pass; a group with a missing value is missing unless `skip`. */
function sums(values: Float64Array, index: KeyIndex, skip: boolean, mean: boolean): Float64Array {
  const out = new Float64Array(index.count);
  const counts = new Float64Array(index.count);
  const missing = new Uint8Array(index.count);
  const ids = index.ids;
  for (let i = 0; i < ids.length; i++) {
    const v = values[i]!;
    const g = ids[i]!;
    if (Number.isNaN(v)) missing[g] = 1;
    else {
      out[g]! += v;
      counts[g]!++;
    }
  }
  for (let g = 0; g < index.count; g++) {
    out[g] = counts[g] === 0 || (missing[g] && !skip) ? NaN : mean ? out[g]! / counts[g]! : out[g]!;
  }
  return out;
}

/** Minimum or maximum per group in one pass. */
function extremes(values: Float64Array, index: KeyIndex, min: boolean, skip: boolean): Float64Array {
  const out = new Float64Array(index.count).fill(NaN);
  const missing = new Uint8Array(index.count);
  const ids = index.ids;
  for (let i = 0; i < ids.length; i++) {
    const v = values[i]!;
    const g = ids[i]!;
    if (Number.isNaN(v)) missing[g] = 1;
    else {
      const cur = out[g]!;
      if (Number.isNaN(cur) || (min ? v < cur : v > cur)) out[g] = v;
    }
  }
  if (!skip) for (let g = 0; g < index.count; g++) if (missing[g]) out[g] = NaN;
  return out;
}

/** The first or last row's value of each group (the first or last known value with `skip`), as a column of its type. */
function pick(source: Column, index: KeyIndex, groups: GroupRows, first: boolean, skip: boolean): Column {
  const { offsets, rows } = groups;
  const row = new Int32Array(index.count);
  const isMissing = (i: number) => (source.type === "number" ? Number.isNaN(source.values[i]!) : source.codes[i]! < 0);
  for (let g = 0; g < index.count; g++) {
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    let k = first ? start : end - 1;
    if (skip) {
      while (k >= start && k < end && isMissing(rows[k]!)) k += first ? 1 : -1;
      if (k < start || k >= end) k = first ? start : end - 1; // no known value: the row as it is (missing)
    }
    row[g] = rows[k]!;
  }
  return source.take(row);
}

/** The number of distinct known values per group. */
function distinctCounts(source: Column, groups: GroupRows): Float64Array {
  const { offsets, rows } = groups;
  const out = new Float64Array(offsets.length - 1);
  const seen = new Set<number>();
  // a dictionary may repeat a value (after a concatenation): equal labels count once
  const first = new Map<string, number>();
  const canonical =
    source.type === "string"
      ? source.dictionary.map((label, code) => first.get(label) ?? (first.set(label, code), code))
      : [];
  for (let g = 0; g < out.length; g++) {
    seen.clear();
    for (let k = offsets[g]!; k < offsets[g + 1]!; k++) {
      const i = rows[k]!;
      if (source.type === "number") {
        const v = source.values[i]!;
        if (!Number.isNaN(v)) seen.add(v);
      } else if (source.codes[i]! >= 0) seen.add(canonical[source.codes[i]!]!);
    }
    out[g] = seen.size;
  }
  return out;
}
