import { OmvarldError } from "../errors.ts";
import { type Column, type ColumnType, type Value, columnFrom, NumberColumn, StringColumn } from "./column.ts";
import { type DisplayOptions, formatTable, tableMimeBundle, tslabDisplay, formatTableHTML } from "./display.ts";
import type { Provenance } from "./provenance.ts";
import { filterRows, type Where } from "./verbs/filter.ts";
import { GroupedTable } from "./verbs/group.ts";
import { joinTables, type JoinOptions } from "./verbs/join.ts";
import { lagAlong, type LagOptions } from "./verbs/lag.ts";
import { pivotLonger, pivotWider, type PivotLongerOptions, type PivotWiderOptions } from "./verbs/pivot.ts";
import { sortRows, type SortKey } from "./verbs/sort.ts";

/** What a column means: a dimension (region, year, age, ...), a measure (a number), or a status/flag. */
export type Role = "dimension" | "measure" | "status";

export interface Field {
  name: string;
  type: ColumnType;
  role: Role;
}

export type Row = Record<string, Value>;

export interface TableInit {
  provenance?: Provenance;
  warnings?: readonly string[];
  roles?: Record<string, Role>;
}

/**
 * A typed columnar table: an explicit schema, typed-array columns, provenance and the warnings raised while it was
 * read. Tables are immutable; every verb returns a new table.
 *
 * @example
 * const t = Table.fromRows([{ region: "2021", year: 2017, value: 6837 }]);
 * t.groupBy(["region"]).sum("value").toRows(); // [{ region: "2021", value: 6837 }]
 */
export class Table {
  readonly schema: readonly Field[];
  readonly numRows: number;
  readonly provenance: Provenance;
  readonly warnings: readonly string[];
  readonly #columns: ReadonlyMap<string, Column>;

  constructor(columns: ReadonlyMap<string, Column>, init: TableInit = {}) {
    let numRows: number | undefined;
    const schema: Field[] = [];
    for (const [name, column] of columns) {
      if (numRows !== undefined && column.length !== numRows) {
        throw new OmvarldError("ARGUMENT", `column "${name}" has ${column.length} rows, expected ${numRows}`);
      }
      numRows = column.length;
      const role = init.roles?.[name] ?? defaultRole(name, column.type);
      schema.push({ name, type: column.type, role });
    }
    this.#columns = columns;
    this.schema = schema;
    this.numRows = numRows ?? 0;
    this.provenance = init.provenance ?? {};
    this.warnings = init.warnings ?? [];
  }

  /** Builds a table from named columns of plain values or prebuilt columns. */
  static fromColumns(columns: Record<string, readonly Value[] | Column>, init: TableInit = {}): Table {
    const map = new Map<string, Column>();
    for (const [name, values] of Object.entries(columns)) {
      map.set(
        name,
        values instanceof NumberColumn || values instanceof StringColumn ? values : columnFrom(values as Value[]),
      );
    }
    return new Table(map, init);
  }

  /** Builds a table from row objects; the column set is the union of the rows' keys, missing keys are `null`. */
  static fromRows(rows: readonly Row[], init: TableInit & { types?: Record<string, ColumnType> } = {}): Table {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (seen.has(key)) continue;
        seen.add(key);
        names.push(key);
      }
    }
    const map = new Map<string, Column>();
    for (const name of names)
      map.set(
        name,
        columnFrom(
          rows.map((r) => r[name] ?? null),
          init.types?.[name],
        ),
      );
    return new Table(map, init);
  }

  get columnNames(): string[] {
    return this.schema.map((f) => f.name);
  }

  /** Names of the columns with the given role. */
  names(role: Role): string[] {
    return this.schema.filter((f) => f.role === role).map((f) => f.name);
  }

  has(name: string): boolean {
    return this.#columns.has(name);
  }

  column(name: string): Column {
    const column = this.#columns.get(name);
    if (!column) {
      throw new OmvarldError("ARGUMENT", `no column "${name}"`, {}, `the table has ${this.columnNames.join(", ")}`);
    }
    return column;
  }

  /** A number column, or an error naming its actual type. */
  numbers(name: string): NumberColumn {
    const c = this.column(name);
    if (c.type !== "number") throw new OmvarldError("ARGUMENT", `column "${name}" holds text, expected numbers`);
    return c;
  }

  /** A string column, or an error naming its actual type. */
  strings(name: string): StringColumn {
    const c = this.column(name);
    if (c.type !== "string") throw new OmvarldError("ARGUMENT", `column "${name}" holds numbers, expected text`);
    return c;
  }

  get(name: string, row: number): Value {
    return this.column(name).get(row);
  }

  /** The distinct non-missing values of a column, in order of first appearance. */
  distinct(name: string): Value[] {
    const column = this.column(name);
    if (column.type === "string") {
      const used = new Uint8Array(column.dictionary.length);
      const codes = column.codes;
      for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) used[codes[i]!] = 1;
      return column.dictionary.filter((_, i) => used[i] === 1);
    }
    const out = new Set<number>();
    const values = column.values;
    let last = NaN;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      // runs of one value (a year repeated down a sorted file) skip the set
      if (v !== last && !Number.isNaN(v)) out.add((last = v));
    }
    return [...out];
  }

  /** Row objects, as Vega-Lite and plain scripts want them. */
  toRows(): Row[] {
    const names = this.columnNames;
    const columns = names.map((n) => this.#columns.get(n)!);
    const rows: Row[] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row: Row = {};
      for (let k = 0; k < names.length; k++) row[names[k]!] = columns[k]!.get(i);
      rows[i] = row;
    }
    return rows;
  }

  /** A table with the same schema holding the rows at `index`, in that order. */
  take(index: ArrayLike<number>): Table {
    const map = new Map<string, Column>();
    for (const [name, column] of this.#columns) map.set(name, column.take(index));
    return this.#derive(map);
  }

  /** Keeps the named columns, in that order. */
  select(...names: string[]): Table {
    const map = new Map<string, Column>();
    for (const name of names) map.set(name, this.column(name));
    return this.#derive(map);
  }

  /** Drops the named columns. */
  drop(...names: string[]): Table {
    const map = new Map(this.#columns);
    for (const name of names) map.delete(name);
    return this.#derive(map);
  }

  /** Renames columns: `rename({ Region: "region" })`. */
  rename(mapping: Record<string, string>): Table {
    const map = new Map<string, Column>();
    const roles: Record<string, Role> = {};
    for (const field of this.schema) {
      const name = mapping[field.name] ?? field.name;
      map.set(name, this.#columns.get(field.name)!);
      roles[name] = field.role;
    }
    return new Table(map, { provenance: this.provenance, warnings: this.warnings, roles });
  }

  /** Adds or replaces a column. */
  withColumn(name: string, column: Column | readonly Value[], role?: Role): Table {
    const map = new Map(this.#columns);
    const built = column instanceof NumberColumn || column instanceof StringColumn ? column : columnFrom(column);
    map.set(name, built);
    return this.#derive(map, role ? { [name]: role } : {});
  }

  /** Sets the role of columns (dimension, measure or status). */
  withRoles(roles: Record<string, Role>): Table {
    return this.#derive(new Map(this.#columns), roles);
  }

  /** Replaces the provenance (merged with the current one). */
  withProvenance(provenance: Provenance): Table {
    return new Table(this.#columns, {
      provenance: { ...this.provenance, ...provenance },
      warnings: this.warnings,
      roles: this.#roles(),
    });
  }

  /** Adds warnings. */
  withWarnings(...warnings: string[]): Table {
    return new Table(this.#columns, {
      provenance: this.provenance,
      warnings: [...this.warnings, ...warnings],
      roles: this.#roles(),
    });
  }

  /** Rows matching `where`: `{ region: "2021", year: [2019, 2020] }`, a predicate per column, or a row predicate. */
  filter(where: Where): Table {
    return this.take(filterRows(this, where));
  }

  /**
   * Groups by key columns; follow with an aggregate: `.sum()`, `.mean()`, `.min()`, `.max()`, `.median()`,
   * `.quantile(p)`, `.first()`, `.last()`, `.count()`, `.countDistinct()`, or several at once with `.aggregate({ … })`.
   */
  groupBy(keys: readonly string[]): GroupedTable {
    return new GroupedTable(this, keys);
  }

  /** Sorts by one or more columns (`"-year"` sorts descending); stable. */
  sort(...keys: SortKey[]): Table {
    return this.take(sortRows(this, keys));
  }

  /** Spreads the values of one column into columns of their own (long → wide). */
  pivotWider(options: PivotWiderOptions): Table {
    return pivotWider(this, options);
  }

  /** Gathers columns into name/value pairs (wide → long). */
  pivotLonger(options: PivotLongerOptions): Table {
    return pivotLonger(this, options);
  }

  /** Joins another table on key columns (inner or left). */
  join(other: Table, options: JoinOptions): Table {
    return joinTables(this, other, options);
  }

  /** Adds the value of `column` from `n` years earlier within each group (null where that year is absent). */
  lag(column: string, options: LagOptions = {}): Table {
    return lagAlong(this, column, options);
  }

  /** Converts to an Apache Arrow table (needs the optional peer dependency `apache-arrow`). */
  async toArrow(): Promise<import("apache-arrow").Table> {
    const { toArrow } = await import("./arrow.ts");
    return toArrow(this);
  }

  /**
   * Prints the table to the console as aligned text: `n` rows at most (head and tail), with the column types, the
   * row count and the source (see `formatTable`).
   */
  print(n = 10, options: Omit<DisplayOptions, "rows"> = {}): void {
    console.log(formatTable(this, { ...options, rows: n }));
  }

  /** The table as aligned text, ten rows at most (head and tail); see `formatTable`. */
  toString(): string {
    return formatTable(this);
  }

  /** Deno's Jupyter kernel shows a table as an HTML table (and text) when it is a cell's last expression. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return tableMimeBundle(this);
  }

  /** Node's and Deno's console and REPL show the table as text; in the tslab kernel it shows itself as HTML. */
  [Symbol.for("nodejs.util.inspect.custom")](depth: number): string {
    if (depth < 0) return `[Table ${this.numRows} × ${this.schema.length}]`;
    const tslab = tslabDisplay();
    if (tslab) {
      tslab.display.html(formatTableHTML(this));
      return "";
    }
    return formatTable(this);
  }

  #roles(): Record<string, Role> {
    return Object.fromEntries(this.schema.map((f) => [f.name, f.role]));
  }

  #derive(map: Map<string, Column>, roles: Record<string, Role> = {}): Table {
    return new Table(map, {
      provenance: this.provenance,
      warnings: this.warnings,
      roles: { ...this.#roles(), ...roles },
    });
  }
}

const STATUS_NAMES = new Set(["status", "flag", "flags"]);

function defaultRole(name: string, type: ColumnType): Role {
  if (STATUS_NAMES.has(name) || name.endsWith("_status")) return "status";
  if (type === "string" || name === "year" || name === "age") return "dimension";
  return "measure";
}
