import { OmvarldError } from "../../errors.ts";
import { type Column, NumberColumn, StringColumnBuilder } from "../column.ts";
import { Table } from "../table.ts";
import { keyIndex } from "./keys.ts";

export interface PivotWiderOptions {
  /** The column whose values become column names (e.g. "year"). */
  names: string;
  /** The measure that fills the new columns (e.g. "value"). */
  values: string;
  /** Columns identifying a row of the result (default: every other dimension). */
  id?: readonly string[];
}

/**
 * Long → wide: one row per `id` combination, one column per distinct value of `names`.
 *
 * @example
 * // region | year | value   →   region | 2019 | 2020
 * t.pivotWider({ names: "year", values: "value" })
 */
export function pivotWider(table: Table, options: PivotWiderOptions): Table {
  const { names, values } = options;
  const id = options.id ?? table.names("dimension").filter((d) => d !== names);
  const rows = keyIndex(
    id.map((c) => table.column(c)),
    table.numRows,
  );
  const cols = keyIndex([table.column(names)], table.numRows);
  const nameColumn = table.column(names);
  const source = table.numbers(values).values;
  const cells = Array.from({ length: cols.count }, () => new Float64Array(rows.count).fill(NaN));
  const filled = new Uint8Array(rows.count * cols.count);
  for (let i = 0; i < table.numRows; i++) {
    const r = rows.ids[i]!;
    const c = cols.ids[i]!;
    if (filled[r * cols.count + c]) {
      throw new OmvarldError(
        "ARGUMENT",
        `pivotWider: more than one value for (${id.map((k) => table.get(k, i)).join(", ")}) and ${names} = ${nameColumn.get(i)}`,
        {},
        "add the column that tells these rows apart to `id`, or aggregate first",
      );
    }
    filled[r * cols.count + c] = 1;
    cells[c]![r] = source[i]!;
  }
  let out = table.select(...id).take(rows.firstRow);
  cols.firstRow.forEach((row, c) => {
    out = out.withColumn(String(nameColumn.get(row)), new NumberColumn(cells[c]!), "measure");
  });
  return out;
}

export interface PivotLongerOptions {
  /** The columns to gather. */
  columns: readonly string[];
  /** Name of the new column holding the old column names (default "name"). */
  namesTo?: string;
  /** Name of the new column holding the values (default "value"). */
  valuesTo?: string;
  /** Turn the names into numbers (e.g. years); a name that is not a number is an error. */
  numericNames?: boolean;
}

/**
 * Wide → long: each gathered column becomes rows of (name, value).
 *
 * @example
 * // region | 2019 | 2020   →   region | year | value
 * t.pivotLonger({ columns: ["2019", "2020"], namesTo: "year", valuesTo: "value", numericNames: true })
 */
export function pivotLonger(table: Table, options: PivotLongerOptions): Table {
  const { columns, namesTo = "name", valuesTo = "value", numericNames = false } = options;
  const keep = table.columnNames.filter((c) => !columns.includes(c));
  const n = table.numRows;
  const total = n * columns.length;
  const index = new Int32Array(total);
  for (let k = 0; k < columns.length; k++) for (let i = 0; i < n; i++) index[k * n + i] = i;
  const base = table.select(...keep).take(index);
  let nameColumn: Column;
  if (numericNames) {
    const out = new Float64Array(total);
    columns.forEach((c, k) => {
      const v = Number(c);
      if (!Number.isFinite(v)) throw new OmvarldError("ARGUMENT", `pivotLonger: column name "${c}" is not a number`);
      out.fill(v, k * n, (k + 1) * n);
    });
    nameColumn = new NumberColumn(out);
  } else {
    const b = new StringColumnBuilder(total);
    for (const c of columns) for (let i = 0; i < n; i++) b.push(c);
    nameColumn = b.finish();
  }
  const values = new Float64Array(total);
  columns.forEach((c, k) => values.set(table.numbers(c).values, k * n));
  return new Table(
    new Map<string, Column>([
      ...keep.map((c) => [c, base.column(c)] as [string, Column]),
      [namesTo, nameColumn],
      [valuesTo, new NumberColumn(values)],
    ]),
    {
      provenance: table.provenance,
      warnings: table.warnings,
      roles: {
        ...Object.fromEntries(base.schema.map((f) => [f.name, f.role])),
        [namesTo]: "dimension",
        [valuesTo]: "measure",
      },
    },
  );
}
