import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { describeSource } from "../../table/display.ts";
import { writeXlsxPackage, type XlsxCell, type XlsxSheet, XlsxStyles } from "./xlsx-xml.ts";

/** How tables are written to an XLSX workbook. */
export interface XlsxWriteOptions {
  /**
   * Excel number formats by column name, in Excel's en-US syntax ("#,##0", "0.0%"), which Excel shows in the reader's
   * locale ("1 234" in Swedish). Default: "0" for number dimensions (year, age), "#,##0" for whole measures and
   * "#,##0.0…" with as many decimals as the column has (at most 6) for the others.
   */
  numberFormats?: Record<string, string>;
  /** Write the source (provenance), its footnotes and the table's warnings below each table (default true). */
  notes?: boolean;
}

/** Tables to write: one, a list (sheets named by table id, else "Sheet1", "Sheet2" ...) or sheets by name. */
export type XlsxTables = Table | readonly Table[] | Readonly<Record<string, Table>>;

/** Characters Excel forbids in a sheet name. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/** The sheets to write, with names Excel accepts: at most 31 characters, none of []:*?/\, each used once. */
function sheetsOf(tables: XlsxTables): [string, Table][] {
  const list: [string, Table][] = isTable(tables)
    ? [[tables.provenance.tableId ?? "Sheet1", tables]]
    : Array.isArray(tables)
      ? (tables as readonly Table[]).map((t, k) => [t.provenance.tableId ?? `Sheet${k + 1}`, t])
      : Object.entries(tables as Record<string, Table>);
  if (list.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      "no table to write",
      {},
      "pass a table, a list of tables or { sheetName: table }",
    );
  const used = new Set<string>();
  return list.map(([name, table]) => {
    const clean = name.replace(FORBIDDEN, "_").trim().slice(0, 31) || "Sheet";
    let unique = clean;
    for (let k = 2; used.has(unique.toLowerCase()); k++) unique = `${clean.slice(0, 31 - String(k).length - 1)}_${k}`;
    used.add(unique.toLowerCase());
    return [unique, table];
  });
}

function isTable(x: unknown): x is Table {
  return (
    typeof x === "object" && x !== null && "schema" in x && "numRows" in x && typeof (x as Table).column === "function"
  );
}

/** Decimals a number shows in JavaScript's shortest form, at most 6. */
function decimals(v: number): number {
  if (Number.isInteger(v)) return 0;
  const text = String(Number(v.toFixed(6)));
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The default Excel number format of a number column: "0" for a dimension (a year must not show as "2 025"),
 * "#,##0" for whole numbers, "#,##0.00" with as many decimals as its values have (at most 6) for the others.
 *
 * @example
 * defaultNumberFormat([275.87, 276.3, 1110887], "measure") // "#,##0.00"
 */
export function defaultNumberFormat(values: ArrayLike<number>, role: string): string {
  if (role === "dimension") return "0";
  let d = 0;
  for (let i = 0; i < values.length && d < 6; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) d = Math.max(d, decimals(v));
  }
  return d === 0 ? "#,##0" : `#,##0.${"0".repeat(d)}`;
}

/**
 * Writes tables to an XLSX workbook, one sheet each, and returns its bytes: the column names in a bold, frozen first
 * row with a filter; numbers as numbers with a number format (see `XlsxWriteOptions.numberFormats`), text as text
 * (so "0114" keeps its zero), missing values as empty cells; column widths from the content; the source, footnotes
 * and warnings below the table. The workbook's title is the first table's.
 *
 * @example
 * const bytes = toXLSX({ Befolkning: population, Prognos: projection }, { numberFormats: { share: "0.0%" } });
 */
export function toXLSX(tables: XlsxTables, options: XlsxWriteOptions = {}): Uint8Array {
  const named = sheetsOf(tables);
  const styles = new XlsxStyles();
  const header = styles.add({ bold: true });
  const numberHeader = styles.add({ bold: true, horizontal: "right" });
  const note = styles.add({ size: 9 });
  const sheets: XlsxSheet[] = named.map(([name, table]) => {
    const fields = table.schema;
    const columns = fields.map((f) => table.column(f.name));
    const formats = fields.map((f) =>
      f.type === "number"
        ? (options.numberFormats?.[f.name] ?? defaultNumberFormat(table.numbers(f.name).values, f.role))
        : undefined,
    );
    const formatted = formats.map((f) => (f ? styles.add({ format: f }) : 0));
    const widths = fields.map((f) => Math.min(60, Math.max(8, [...f.name].length + 2)));
    const rows: XlsxCell[][] = [fields.map((f) => f.name)];
    for (let r = 0; r < table.numRows; r++) {
      const row: XlsxCell[] = new Array(columns.length);
      for (let k = 0; k < columns.length; k++) row[k] = columns[k]!.get(r);
      rows.push(row);
    }
    // widths: the longest label of a string column (its dictionary), the longest number shown
    columns.forEach((column, k) => {
      let longest = 0;
      if (column.type === "string") for (const s of column.dictionary) longest = Math.max(longest, s.length);
      else
        for (const v of column.values)
          if (!Number.isNaN(v)) longest = Math.max(longest, String(Math.round(v)).length + 4);
      widths[k] = Math.min(60, Math.max(widths[k]!, longest + 2));
    });
    const notes = (options.notes ?? true) ? [...sourceNotes(table), ...table.warnings] : [];
    const notesFrom = rows.length;
    if (notes.length) rows.push([], ...notes.map((n) => [n]));
    // a bold header (right-aligned over numbers), numbers in their column's format, notes in small text
    const style = (r: number, k: number, v: XlsxCell) =>
      r === 0
        ? typeof v === "string" && formats[k]
          ? numberHeader
          : header
        : r >= notesFrom
          ? typeof v === "string"
            ? note
            : 0
          : typeof v === "number"
            ? formatted[k]!
            : 0;
    return { name, rows, widths, style, frozen: { rows: 1, columns: 0 }, filter: { first: 0, last: notesFrom - 1 } };
  });
  return writeXlsxPackage(sheets, { styles, title: named[0]![1].provenance.title, creator: "omvarld" });
}

/** The provenance as note lines: the source in one line, then the footnotes. */
function sourceNotes(table: Table): string[] {
  const source = describeSource(table.provenance);
  return [...(source ? [`Source: ${source}`] : []), ...(table.provenance.footnotes ?? [])];
}
