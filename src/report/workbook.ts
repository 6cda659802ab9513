import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A column of an annex sheet: the Excel number format is in Excel's (en-US) syntax; Swedish Excel shows "1 234,5". */
export interface SheetColumn {
  key: string;
  header: string;
  /** "#,##0", "#,##0.0", "0.0" ...; text columns have none. */
  format?: string;
  width?: number;
}

/** One sheet: a title line, a header row (frozen) and rows of numbers stored as numbers. */
export interface Sheet {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: Record<string, string | number | null>[];
  notes?: string[];
}

const TITLE_ROW = 1;
const HEADER_ROW = 3;

/**
 * exceljs, loaded on first use from the single-file build it ships (without polyfills), with require(): 110 ms,
 * against 350 ms for its main entry (some 300 modules) and 270 ms for import() of the same file (Node then scans
 * the 1.7 MB for named exports). Same version, same API.
 */
function loadExcelJS(): typeof import("exceljs") {
  return createRequire(import.meta.url)("exceljs/dist/exceljs.bare.min.js") as typeof import("exceljs");
}

/**
 * Writes sheets to an XLSX workbook with exceljs (kept behind this adapter so that another writer can replace it):
 * numbers as numbers with display formats, the header row frozen, column widths set, and notes under the table.
 */
export async function writeXlsx(sheets: readonly Sheet[], path: string): Promise<void> {
  const ExcelJS = loadExcelJS();
  const book = new ExcelJS.Workbook();
  book.creator = "omvarld";
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
    ws.getCell(TITLE_ROW, 1).value = sheet.title;
    ws.getCell(TITLE_ROW, 1).font = { bold: true, size: 13 };
    sheet.columns.forEach((c, k) => {
      const header = ws.getCell(HEADER_ROW, k + 1);
      header.value = c.header;
      header.font = { bold: true };
      header.alignment = { horizontal: c.format ? "right" : "left", wrapText: true };
      ws.getColumn(k + 1).width = c.width ?? Math.max(10, Math.min(40, c.header.length + 2));
      if (c.format) ws.getColumn(k + 1).numFmt = c.format;
    });
    sheet.rows.forEach((row, r) => {
      sheet.columns.forEach((c, k) => {
        const cell = ws.getCell(HEADER_ROW + 1 + r, k + 1);
        cell.value = row[c.key] ?? null;
        if (c.format) cell.numFmt = c.format;
      });
    });
    (sheet.notes ?? []).forEach((note, k) => {
      ws.getCell(HEADER_ROW + sheet.rows.length + 2 + k, 1).value = note;
    });
  }
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
}

/**
 * A sheet as CSV that Swedish Excel opens as it should: UTF-8 with a BOM, ";" between cells, decimal comma, no
 * thousands separator, an ASCII minus, CRLF, and quotes around cells holding ";", quotes or line breaks.
 */
export function excelCsv(sheet: Sheet): string {
  // numbers with as many decimals as the column's display format ("0.0" → 1), so the CSV shows what Excel shows
  const decimals = (format?: string) => (format?.includes(".") ? format.split(".")[1]!.replace(/[^0#]/g, "").length : 0);
  const cell = (v: string | number | null | undefined, format?: string) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") {
      const d = decimals(format);
      const text = format ? (Math.round(v * 10 ** d) === 0 ? 0 : v).toFixed(d) : String(v);
      return text.replace(".", ",");
    }
    return /[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const lines = [sheet.columns.map((c) => cell(c.header)).join(";"), ...sheet.rows.map((r) => sheet.columns.map((c) => cell(r[c.key], c.format)).join(";"))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
