import { writeFile } from "node:fs/promises";
import { writeFileAtomic } from "../io/atomic-file.ts";
import { type CellValue, cellResult, type Sheet } from "./annex/sheet.ts";
import { annexXlsx } from "./annex/xlsx.ts";

export type { CellValue, Formula, Sheet, SheetColumn } from "./annex/sheet.ts";

/**
 * Writes the annex's sheets to an XLSX workbook (see `annexXlsx` for what it holds), never half-written: the bytes
 * go to a temporary file in the same folder, renamed over `path` once complete (`writeFileAtomic`).
 *
 * @example
 * await writeSheets(buildAnnex(data, { region: "2021", horizon: 2040 }).sheets, "out/vansbro.xlsx");
 */
export async function writeSheets(sheets: readonly Sheet[], path: string): Promise<void> {
  const bytes = annexXlsx(sheets);
  await writeFileAtomic(path, (temporary) => writeFile(temporary, bytes));
}

/**
 * A sheet as CSV that Swedish Excel opens as it should: UTF-8 with a BOM, ";" between cells, decimal comma, no
 * thousands separator, an ASCII minus, CRLF, and quotes around cells holding ";", quotes or line breaks. Formulas
 * are written as their results.
 */
export function excelCsv(sheet: Sheet): string {
  // numbers with as many decimals as the column's display format ("0.0" → 1), so the CSV shows what Excel shows
  const decimals = (format?: string) =>
    format?.includes(".") ? format.split(".")[1]!.replace(/[^0#]/g, "").length : 0;
  const cell = (value: CellValue | undefined, format?: string) => {
    const v = cellResult(value);
    if (v === null) return "";
    if (typeof v === "number") {
      const d = decimals(format);
      const text = format ? (Math.round(v * 10 ** d) === 0 ? 0 : v).toFixed(d) : String(v);
      return text.replace(".", ",");
    }
    return /[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const lines = [
    sheet.columns.map((c) => cell(c.header)).join(";"),
    ...sheet.rows.map((r, k) => sheet.columns.map((c) => cell(r[c.key], sheet.rowFormats?.[k] ?? c.format)).join(";")),
  ];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * Writes a sheet as an Excel CSV file (see `excelCsv`), never half-written.
 *
 * @example
 * await writeExcelCsv(sheets[0], "out/befolkning.csv");
 */
export async function writeExcelCsv(sheet: Sheet, path: string): Promise<void> {
  const text = excelCsv(sheet);
  await writeFileAtomic(path, (temporary) => writeFile(temporary, text, "utf8"));
}
