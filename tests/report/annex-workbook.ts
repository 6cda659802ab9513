/** Reading an annex workbook back for the tests: cells, formulas and re-evaluation with changed inputs. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type ExcelJS from "exceljs";
import { Table } from "../../src/table/table.ts";
import { type CellLookup, evaluate } from "./annex-formula.ts";

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A cell's value as the evaluator sees it: a number, text, a formula, or null. */
export function lookup(book: ExcelJS.Workbook, overrides: ReadonlyMap<string, number> = new Map()): CellLookup {
  return (sheet, column, row) => {
    const key = `${sheet}!${column}:${row}`;
    if (overrides.has(key)) return overrides.get(key)!;
    const ws = book.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    const v = ws.getCell(row, column).value as unknown;
    if (v === null || v === undefined) return null;
    if (typeof v === "number" || typeof v === "string") return v;
    if (typeof v === "object" && "formula" in (v as object)) return { formula: (v as { formula: string }).formula };
    throw new Error(`unexpected cell ${key}: ${JSON.stringify(v)}`);
  };
}

/** Every formula cell of a workbook: sheet, row, column, formula and the cached result. */
export function formulaCells(
  book: ExcelJS.Workbook,
): { sheet: string; row: number; column: number; formula: string; result: number }[] {
  const out: { sheet: string; row: number; column: number; formula: string; result: number }[] = [];
  for (const ws of book.worksheets) {
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as { formula?: string; result?: number } | null;
        if (v && typeof v === "object" && typeof v.formula === "string")
          out.push({ sheet: ws.name, row: r, column: c, formula: v.formula, result: v.result as number });
      }),
    );
  }
  return out;
}

/** Evaluates the formula of one cell, with some input cells changed. */
export function recalc(
  book: ExcelJS.Workbook,
  sheet: string,
  row: number,
  column: number,
  overrides: ReadonlyMap<string, number> = new Map(),
): number {
  const v = book.getWorksheet(sheet)!.getCell(row, column).value as { formula: string };
  return evaluate(v.formula, sheet, lookup(book, overrides));
}

/** The cached value of a cell (a formula's result, or the value). */
export function cached(ws: ExcelJS.Worksheet, row: number, column: number): unknown {
  const v = ws.getCell(row, column).value as unknown;
  return v && typeof v === "object" && "result" in (v as object) ? (v as { result: unknown }).result : v;
}

/** The data rows of a sheet (from row 4) whose first cell is a number (a year). */
export function yearRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  return ws.getRows(4, ws.rowCount - 3)!.filter((r) => typeof r.getCell(1).value === "number");
}

/**
 * One kommune's population by single year of age (both sexes summed) from SSB's statbank CSV of table 07459, read
 * line by line here (the test needs the file's own numbers, not a reader's): region, region_name, year, age, value.
 */
export function ssbKommune(code: string): Table {
  const path = fileURLToPath(
    new URL("../../data/ssb/ikashnitsky-mun-non-surv__dat__no__no-p2022.csv", import.meta.url),
  );
  const lines = readFileSync(path, "latin1").split("\r\n");
  const header = lines
    .find((l) => l.startsWith('"region"'))!
    .split(";")
    .map((c) => c.replaceAll('"', ""));
  const years = header.slice(3).map((h) => Number(/(\d{4})$/.exec(h)![1]));
  const sums = new Map<string, { region: string; region_name: string; year: number; age: string; value: number }>();
  for (const line of lines.filter((l) => l.startsWith(`"K-${code} `))) {
    const cells = line.split(";").map((c) => c.replaceAll('"', ""));
    const name = cells[0]!.replace(/^K-\d+ /, "");
    years.forEach((year, k) => {
      const key = `${year}|${cells[2]}`;
      const row = sums.get(key) ?? { region: code, region_name: name, year, age: cells[2]!, value: 0 };
      row.value += Number(cells[3 + k]);
      sums.set(key, row);
    });
  }
  return Table.fromRows([...sums.values()], {
    provenance: {
      source: "Statistisk sentralbyrå (SSB)",
      tableId: "07459",
      title: "Population, by region, sex, age, contents and year",
      file: path,
    },
  });
}

/** The column number of a header (row 3) cell holding `header`, e.g. a year on the age sheet. */
export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  let found = -1;
  ws.getRow(3).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (found < 0) throw new Error(`no column ${header} in ${ws.name}`);
  return found;
}
