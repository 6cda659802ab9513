import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type CellValue, cellResult, FIRST_ROW, GROUP_ROW, HEADER_ROW, type Sheet, TITLE_ROW } from "./annex/sheet.ts";

export type { CellValue, Formula, Sheet, SheetColumn } from "./annex/sheet.ts";

/** Fills: inputs light yellow (Excel's input convention), projected years light blue, headers light grey. */
const INPUT_FILL = "FFFFF2CC";
const PROJECTED_FILL = "FFDDEBF7";
const HEADER_FILL = "FFF2F2F2";
/** A sheet wider than this (in Excel's character widths) is printed landscape. */
const PORTRAIT_WIDTH = 95;

/**
 * exceljs, loaded on first use from the single-file build it ships (without polyfills), with require(): 110 ms,
 * against 350 ms for its main entry (some 300 modules) and 270 ms for import() of the same file (Node then scans
 * the 1.7 MB for named exports). Same version, same API.
 */
function loadExcelJS(): typeof import("exceljs") {
  return createRequire(import.meta.url)("exceljs/dist/exceljs.bare.min.js") as typeof import("exceljs");
}

const fill = (argb: string) => ({ type: "pattern" as const, pattern: "solid" as const, fgColor: { argb } });
/** Text for a page header or footer: "&" doubled so that Excel does not read it as a code. */
const headerText = (s: string) => s.replaceAll("&", "&&");

/**
 * Writes sheets to an XLSX workbook with exceljs (kept behind this adapter so that another writer can replace it):
 * numbers as numbers with display formats (en-US syntax, shown by Excel in the reader's locale: "1 234,5" in
 * Swedish), formulas with their cached results, input cells in yellow, projected rows or year columns in italics
 * on light blue, the header frozen with the first column, column widths, and a print setup that fits each sheet to
 * one page wide (landscape when wide) with the header rows repeated on every page and the title in the page header.
 */
export async function writeSheets(sheets: readonly Sheet[], path: string): Promise<void> {
  const ExcelJS = loadExcelJS();
  const book = new ExcelJS.Workbook();
  book.creator = "omvarld";
  book.calcProperties.fullCalcOnLoad = true;
  for (const sheet of sheets) {
    const frozen = sheet.frozenColumns ?? 1;
    const width = sheet.columns.reduce((s, c) => s + (c.width ?? 10), 0);
    const grouped = sheet.columns.some((c) => c.group);
    const ws = book.addWorksheet(sheet.name, {
      views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: frozen }],
      pageSetup: {
        paperSize: 9,
        orientation: width > PORTRAIT_WIDTH ? "landscape" : "portrait",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${grouped ? GROUP_ROW : HEADER_ROW}:${HEADER_ROW}`,
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddHeader: `&L&B${headerText(sheet.title)}`, oddFooter: `&L${headerText(sheet.name)}&R&P / &N` },
    });
    ws.getCell(TITLE_ROW, 1).value = sheet.title;
    ws.getCell(TITLE_ROW, 1).font = { bold: true, size: 13 };
    sheet.columns.forEach((c, k) => {
      const header = ws.getCell(HEADER_ROW, k + 1);
      header.value = c.header;
      header.font = { bold: true, ...(c.projected ? { italic: true } : {}) };
      header.fill = fill(c.projected ? PROJECTED_FILL : c.input ? INPUT_FILL : HEADER_FILL);
      header.border = { bottom: { style: "thin" } };
      header.alignment = { horizontal: c.format ? "right" : "left", vertical: "bottom", wrapText: true };
      ws.getColumn(k + 1).width = c.width ?? Math.max(10, Math.min(40, c.header.length + 2));
      if (grouped && c.group) {
        const cell = ws.getCell(GROUP_ROW, k + 1);
        cell.value = c.group;
        cell.font = { bold: true, italic: Boolean(c.projected), size: 9 };
        cell.alignment = { horizontal: "right" };
        if (c.projected) cell.fill = fill(PROJECTED_FILL);
      }
    });
    sheet.rows.forEach((row, r) => {
      const projectedRow = sheet.projectedRows?.[r] === true;
      const total = sheet.totalRows?.[r] === true;
      sheet.columns.forEach((c, k) => {
        const cell = ws.getCell(FIRST_ROW + r, k + 1);
        const v: CellValue = row[c.key] ?? null;
        cell.value = v !== null && typeof v === "object" ? { formula: v.formula, result: v.result } : v;
        const format = sheet.rowFormats?.[r] ?? c.format;
        if (format && (c.format || typeof cell.value !== "string")) cell.numFmt = format;
        if (c.input) {
          cell.fill = fill(INPUT_FILL);
          cell.border = {
            top: { style: "thin" },
            bottom: { style: "thin" },
            left: { style: "thin" },
            right: { style: "thin" },
          };
          cell.font = { color: { argb: "FF0000CC" } };
        } else if (projectedRow || c.projected) {
          cell.fill = fill(PROJECTED_FILL);
          cell.font = { italic: true, ...(total ? { bold: true } : {}) };
        } else if (total) cell.font = { bold: true };
        if (total) cell.border = { top: { style: "thin" } };
      });
    });
    // notes span the table's width and wrap, so that they print inside the page
    const span = Math.max(1, sheet.columns.length);
    (sheet.notes ?? []).forEach((note, k) => {
      const row = FIRST_ROW + sheet.rows.length + 1 + k;
      if (span > 1) ws.mergeCells(row, 1, row, span);
      const cell = ws.getCell(row, 1);
      cell.value = note;
      cell.font = { size: 9 };
      cell.alignment = { wrapText: true, vertical: "top" };
      ws.getRow(row).height = 12 * Math.max(1, Math.ceil((1.1 * note.length) / Math.max(width, 30)));
    });
    const notes = sheet.notes?.length ?? 0;
    const lastRow = FIRST_ROW + sheet.rows.length - 1 + (notes ? 1 + notes : 0);
    ws.pageSetup.printArea = `A1:${ws.getColumn(sheet.columns.length).letter}${lastRow}`;
  }
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
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
