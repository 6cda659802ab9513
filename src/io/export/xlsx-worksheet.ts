/** One worksheet part of an XLSX package (xl/worksheets/sheetN.xml), from the sheet model of `xlsx-xml.ts`. */

/** A formula (without "=") and the result Excel shows before it recalculates. */
export interface XlsxFormula {
  formula: string;
  result?: number | string | null;
}

/** A cell: text, a number (Infinity and NaN become Excel's #NUM! error), a formula, or null for an empty cell. */
export type XlsxCell = string | number | null | XlsxFormula;

/** How a sheet prints. Rows and columns are 0-based. */
export interface XlsxPrint {
  /** Landscape rather than portrait (A4 either way). */
  landscape?: boolean;
  /** Scale the sheet to one page wide (as many pages down as it takes). */
  fitToWidth?: boolean;
  /** Rows repeated at the top of every page, first and last. */
  titleRows?: readonly [number, number];
  /** The printed range's last row and column (from A1). */
  area?: { lastRow: number; lastColumn: number };
  /** Page header and footer in Excel's codes ("&L&Btitle", "&R&P / &N"); "&" in text must be doubled. */
  header?: string;
  footer?: string;
  /** Margins in inches (default 0.7 left and right, 0.75 top and bottom, 0.3 for header and footer). */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** One sheet to write. Rows and columns are 0-based. */
export interface XlsxSheet {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** The style of a cell, an index from the workbook's `XlsxStyles` (0, the default, is plain). */
  style?: (row: number, column: number, cell: XlsxCell) => number;
  /** Width of each column in Excel's character units. */
  widths?: readonly number[];
  /** Heights in points of rows that need one (wrapped text). */
  heights?: ReadonlyMap<number, number>;
  /** Ranges shown as one cell: [first row, first column, last row, last column]. */
  merges?: readonly (readonly [number, number, number, number])[];
  /** Rows and columns frozen at the top and left. */
  frozen?: { rows: number; columns: number };
  /** A filter over the columns of `rows[first..last]` (the header row first). */
  filter?: { first: number; last: number };
  print?: XlsxPrint;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for XML: & < > " escaped; characters XML 1.0 cannot hold written as Excel's _xHHHH_. */
export function xml(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
  return escaped.replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/**
 * A column's letters: 0 → "A", 25 → "Z", 26 → "AA".
 *
 * @example
 * columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The number of columns of a sheet: its widest row. */
export function columnCount(sheet: XlsxSheet): number {
  let n = sheet.widths?.length ?? 0;
  for (const row of sheet.rows) n = Math.max(n, row.length);
  return Math.max(1, n);
}

/** The frozen panes and the selection below them. */
function sheetView(sheet: XlsxSheet, selected: boolean): string {
  const { rows = 0, columns = 0 } = sheet.frozen ?? {};
  const open = `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ""}`;
  if (rows === 0 && columns === 0) return `${open}/></sheetViews>`;
  const topLeft = `${columnLetters(columns)}${rows + 1}`;
  const pane = rows && columns ? "bottomRight" : rows ? "bottomLeft" : "topRight";
  return (
    `${open}><pane${columns ? ` xSplit="${columns}"` : ""}${rows ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** One cell's XML, or "" for an empty cell without a style. */
function cellXml(ref: string, v: XlsxCell, style: number, strings: (s: string) => number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${strings(v)}</v></c>`;
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  const f = `<f>${xml(v.formula)}</f>`;
  const r = v.result;
  if (typeof r === "number" && Number.isFinite(r)) return `<c r="${ref}"${s}>${f}<v>${r}</v></c>`;
  if (typeof r === "string") return `<c r="${ref}"${s} t="str">${f}<v>${xml(r)}</v></c>`;
  return `<c r="${ref}"${s}>${f}</c>`;
}

/** The rows of the sheet (sheetData). */
function sheetData(sheet: XlsxSheet, strings: (s: string) => number): string {
  const parts: string[] = ["<sheetData>"];
  const letters = Array.from({ length: columnCount(sheet) }, (_, k) => columnLetters(k));
  const style = sheet.style;
  sheet.rows.forEach((row, r) => {
    const height = sheet.heights?.get(r);
    if (row.length === 0 && height === undefined) return;
    const cells: string[] = [];
    for (let k = 0; k < row.length; k++) {
      const v = row[k] ?? null;
      cells.push(cellXml(`${letters[k] ?? columnLetters(k)}${r + 1}`, v, style ? style(r, k, v) : 0, strings));
    }
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    parts.push(`<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
  });
  parts.push("</sheetData>");
  return parts.join("");
}

/** Margins, page setup and the page header and footer. */
function printXml(print: XlsxPrint | undefined): string {
  const m = print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!print) return margins;
  const setup =
    `<pageSetup paperSize="9" orientation="${print.landscape ? "landscape" : "portrait"}"` +
    (print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "") +
    "/>";
  const header = print.header ? `<oddHeader>${xml(print.header)}</oddHeader>` : "";
  const footer = print.footer ? `<oddFooter>${xml(print.footer)}</oddFooter>` : "";
  return margins + setup + (header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : "");
}

/**
 * The worksheet part of a sheet: dimension, frozen panes, column widths, rows (text as shared strings through
 * `strings`), filter, merged cells and print setup, in the order the schema requires.
 */
export function worksheetXml(sheet: XlsxSheet, options: { selected: boolean; strings: (s: string) => number }): string {
  const lastColumn = columnLetters(columnCount(sheet) - 1);
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    sheet.print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="A1:${lastColumn}${Math.max(1, sheet.rows.length)}"/>`,
    sheetView(sheet, options.selected),
    '<sheetFormatPr defaultRowHeight="15"/>',
  ];
  if (sheet.widths?.length)
    parts.push(
      `<cols>${sheet.widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
    );
  parts.push(sheetData(sheet, options.strings));
  if (sheet.filter)
    parts.push(`<autoFilter ref="A${sheet.filter.first + 1}:${lastColumn}${Math.max(1, sheet.filter.last + 1)}"/>`);
  if (sheet.merges?.length) {
    const refs = sheet.merges.map(
      ([r1, c1, r2, c2]) => `<mergeCell ref="${columnLetters(c1)}${r1 + 1}:${columnLetters(c2)}${r2 + 1}"/>`,
    );
    parts.push(`<mergeCells count="${refs.length}">${refs.join("")}</mergeCells>`);
  }
  parts.push(printXml(sheet.print), "</worksheet>");
  return parts.join("");
}
