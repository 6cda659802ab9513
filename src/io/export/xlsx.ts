import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { describeSource } from "../../table/display.ts";

/** How tables are written to an XLSX workbook. */
export interface XlsxWriteOptions {
  /**
   * Excel number formats by column name, in Excel's en-US syntax ("#,##0", "0.0%"), which Excel shows in the reader's
   * locale ("1 234" in Swedish). Default: "0" for number dimensions (year, age), "#,##0" for whole measures and
   * "#,##0.0…" with as many decimals as the column has (at most 6) for the others.
   */
  numberFormats?: Record<string, string>;
  /** Write the source (provenance) and the warnings below each table (default true). */
  notes?: boolean;
}

/** Tables to write: one, a list (sheets named by table id, else "Sheet1", "Sheet2" ...) or sheets by name. */
export type XlsxTables = Table | readonly Table[] | Readonly<Record<string, Table>>;

type ExcelJS = typeof import("exceljs");

/**
 * Loads exceljs by its package name: Node and Deno take its main entry, bundlers its browser build. (Its bare
 * single-file build, which `omvarld/node` loads for speed, fails in Deno, which forbids `__proto__`.)
 */
async function loadExcelJS(): Promise<ExcelJS> {
  try {
    const module = (await import("exceljs")) as { default?: ExcelJS } & ExcelJS;
    return module.default ?? module;
  } catch {
    throw new OmvarldError("DEPENDENCY", "exceljs cannot be loaded", {}, "npm install exceljs");
  }
}

/** Characters Excel forbids in a sheet name. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/** The sheets to write, with names Excel accepts: at most 31 characters, none of []:*?/\, each used once. */
function sheetsOf(tables: XlsxTables): [string, Table][] {
  const list: [string, Table][] = isTable(tables)
    ? [[tables.provenance.tableId ?? "Sheet1", tables]]
    : Array.isArray(tables)
      ? (tables as readonly Table[]).map((t, k) => [t.provenance.tableId ?? `Sheet${k + 1}`, t])
      : Object.entries(tables as Record<string, Table>);
  if (list.length === 0) throw new OmvarldError("ARGUMENT", "no table to write", {}, "pass a table, a list of tables or { sheetName: table }");
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
  return typeof x === "object" && x !== null && "schema" in x && "numRows" in x && typeof (x as Table).column === "function";
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
 * (so "0114" keeps its zero), missing values as empty cells; column widths from the content; the source and the
 * warnings below the table. The workbook's title is the first table's.
 *
 * @example
 * const bytes = await toXLSX({ Befolkning: population, Prognos: projection }, { numberFormats: { share: "0.0%" } });
 */
export async function toXLSX(tables: XlsxTables, options: XlsxWriteOptions = {}, exceljs?: ExcelJS): Promise<Uint8Array> {
  const sheets = sheetsOf(tables);
  const ExcelJS = exceljs ?? (await loadExcelJS());
  const book = new ExcelJS.Workbook();
  book.creator = "omvarld";
  const first = sheets[0]![1].provenance;
  if (first.title) book.title = first.title;
  for (const [name, table] of sheets) {
    const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    const fields = table.schema;
    const header = ws.getRow(1);
    fields.forEach((field, k) => {
      const cell = header.getCell(k + 1);
      cell.value = field.name;
      cell.font = { bold: true };
      cell.alignment = { horizontal: field.type === "number" ? "right" : "left" };
    });
    header.commit();
    const widths = fields.map((f) => Math.min(60, Math.max(8, [...f.name].length + 2)));
    fields.forEach((field, k) => {
      const column = table.column(field.name);
      const numFmt = field.type === "number"
        ? options.numberFormats?.[field.name] ?? defaultNumberFormat(table.numbers(field.name).values, field.role)
        : undefined;
      if (numFmt) ws.getColumn(k + 1).numFmt = numFmt;
      for (let r = 0; r < table.numRows; r++) {
        const v = column.get(r);
        if (v === null) continue;
        const cell = ws.getCell(r + 2, k + 1);
        cell.value = v;
        if (numFmt) cell.numFmt = numFmt;
        const w = typeof v === "string" ? [...v].length : String(v).length + 2;
        if (w + 2 > widths[k]!) widths[k] = Math.min(60, w + 2);
      }
    });
    widths.forEach((w, k) => (ws.getColumn(k + 1).width = w));
    if (fields.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.numRows, column: fields.length } };
    if (options.notes ?? true) {
      const notes = [...sourceNotes(table), ...table.warnings];
      notes.forEach((note, k) => {
        const cell = ws.getCell(table.numRows + 3 + k, 1);
        cell.value = note;
        cell.font = { size: 9 };
      });
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The provenance as note lines: "Källa: …" style is left to reports; here the plain source line and footnotes. */
function sourceNotes(table: Table): string[] {
  const source = describeSource(table.provenance);
  return [...(source ? [`Source: ${source}`] : []), ...(table.provenance.footnotes ?? [])];
}
