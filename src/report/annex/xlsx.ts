import {
  type XlsxCell,
  writeXlsxPackage,
  type XlsxSheet,
  type XlsxStyle,
  XlsxStyles,
} from "../../io/export/xlsx-xml.ts";
import { type CellValue, FIRST_ROW, GROUP_ROW, HEADER_ROW, type Sheet, type SheetColumn } from "./sheet.ts";

/** Fills: inputs light yellow (Excel's input convention), projected years light blue, headers light grey. */
const INPUT_FILL = "FFFFF2CC";
const PROJECTED_FILL = "FFDDEBF7";
const HEADER_FILL = "FFF2F2F2";
/** Input cells' text: dark blue, the usual colour of figures a reader types in. */
const INPUT_COLOR = "FF0000CC";
/** A sheet wider than this (in Excel's character widths) is printed landscape. */
const PORTRAIT_WIDTH = 95;
/** Points per line of 11-point text, and of the 9-point notes. */
const LINE = 15;
const NOTE_LINE = 12;

/** Text for a page header or footer: "&" doubled so that Excel does not read it as a code. */
const headerText = (s: string) => s.replaceAll("&", "&&");

/** A column's width in Excel's character units. */
export const columnWidth = (c: SheetColumn) => c.width ?? Math.max(10, Math.min(40, c.header.length + 2));

/**
 * Lines a text takes when wrapped in a column `width` characters wide: its own line breaks, and words carried to the
 * next line when the line is full (a character of Calibri 11 is about one unit of Excel's width; one is left for
 * the cell's padding; a word longer than the line is broken).
 *
 * @example
 * wrappedLines("Förändring 2019–2040", 11) // 2
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = [...word].length;
      if (used > 0 && used + 1 + length <= room) used += 1 + length;
      else {
        if (used > 0) count++;
        count += Math.ceil(length / room) - 1;
        used = length - (Math.ceil(length / room) - 1) * room;
      }
    }
    lines += count;
  }
  return lines;
}

/** The style of a data cell: its number format, input fill, projected italics on blue, bold totals, wrapping. */
function dataStyle(sheet: Sheet, c: SheetColumn, r: number, v: CellValue): XlsxStyle {
  const format = sheet.rowFormats?.[r] ?? c.format;
  const projected = sheet.projectedRows?.[r] === true || c.projected === true;
  const total = sheet.totalRows?.[r] === true;
  const style: XlsxStyle = format && (c.format || typeof v !== "string") ? { format } : {};
  if (c.input)
    Object.assign(style, { fill: INPUT_FILL, color: INPUT_COLOR, border: ["top", "bottom", "left", "right"] });
  else if (projected) Object.assign(style, { fill: PROJECTED_FILL, italic: true, bold: total });
  else if (total) style.bold = true;
  if (total) style.border = ["top"];
  if (c.wrap) Object.assign(style, { wrap: true, vertical: "top" });
  return style;
}

/** Runs of neighbouring columns under the same group label: [first, last] column indices. */
function groupRuns(columns: readonly SheetColumn[]): [number, number][] {
  const runs: [number, number][] = [];
  columns.forEach((c, k) => {
    const last = runs.at(-1);
    if (c.group && last && last[1] === k - 1 && columns[last[0]]!.group === c.group) last[1] = k;
    else if (c.group) runs.push([k, k]);
  });
  return runs;
}

/**
 * One annex sheet in the writer's model: title, group labels (each run of columns under one label merged and
 * centred, so that a label wider than one column never runs over its neighbours), header, rows, notes merged over
 * the table's width and wrapped, frozen panes, widths and heights, and its print setup.
 */
function annexSheet(sheet: Sheet, styles: XlsxStyles): XlsxSheet {
  const columns = sheet.columns;
  const span = Math.max(1, columns.length);
  const widths = columns.map(columnWidth);
  const width = widths.reduce((s, w) => s + w, 0);
  const grouped = columns.some((c) => c.group);
  const rows: XlsxCell[][] = [[sheet.title], [], columns.map((c) => c.header)];
  const cellStyles: number[][] = [[styles.add({ bold: true, size: 13 })], [], []];
  const merges: [number, number, number, number][] = [];
  const heights = new Map<number, number>();
  const header = HEADER_ROW - 1;
  for (const [first, last] of groupRuns(columns)) {
    const c = columns[first]!;
    rows[GROUP_ROW - 1]![first] = c.group!;
    for (let k = first; k <= last; k++)
      cellStyles[GROUP_ROW - 1]![k] = styles.add({
        bold: true,
        italic: Boolean(c.projected),
        size: 9,
        horizontal: "center",
        wrap: true,
        ...(c.projected ? { fill: PROJECTED_FILL } : {}),
      });
    if (last > first) merges.push([GROUP_ROW - 1, first, GROUP_ROW - 1, last]);
    const runWidth = widths.slice(first, last + 1).reduce((s, w) => s + w, 0);
    const lines = wrappedLines(c.group!, runWidth);
    if (lines > 1) heights.set(GROUP_ROW - 1, Math.max(heights.get(GROUP_ROW - 1) ?? 0, NOTE_LINE * lines));
  }
  columns.forEach((c, k) => {
    cellStyles[header]![k] = styles.add({
      bold: true,
      italic: Boolean(c.projected),
      fill: c.projected ? PROJECTED_FILL : c.input ? INPUT_FILL : HEADER_FILL,
      border: ["bottom"],
      horizontal: c.format ? "right" : "left",
      vertical: "bottom",
      wrap: true,
    });
  });
  const headerLines = Math.max(...columns.map((c, k) => wrappedLines(c.header, widths[k]!)), 1);
  if (headerLines > 1) heights.set(header, LINE * headerLines);
  sheet.rows.forEach((row, r) => {
    const values = columns.map((c) => row[c.key] ?? null);
    rows.push(values.map((v) => (v !== null && typeof v === "object" ? { formula: v.formula, result: v.result } : v)));
    cellStyles.push(columns.map((c, k) => styles.add(dataStyle(sheet, c, r, values[k]!))));
    const lines = Math.max(
      1,
      ...columns.map((c, k) => (c.wrap && typeof values[k] === "string" ? wrappedLines(values[k], widths[k]!) : 1)),
    );
    if (lines > 1) heights.set(FIRST_ROW - 1 + r, LINE * lines);
  });
  const notes = sheet.notes ?? [];
  if (notes.length) rows.push([]);
  const noteStyle = styles.add({ size: 9, wrap: true, vertical: "top" });
  for (const note of notes) {
    const r = rows.length;
    rows.push([note, ...new Array<null>(span - 1).fill(null)]);
    cellStyles[r] = new Array<number>(span).fill(noteStyle);
    if (span > 1) merges.push([r, 0, r, span - 1]);
    // 9-point text: 11/9 as many characters to a unit of width as the columns' 11-point text
    heights.set(r, NOTE_LINE * wrappedLines(note, (Math.max(width, 30) * 11) / 9));
  }
  return {
    name: sheet.name,
    rows,
    style: (r, k) => cellStyles[r]?.[k] ?? 0,
    widths,
    heights,
    merges,
    frozen: { rows: HEADER_ROW, columns: sheet.frozenColumns ?? 1 },
    print: {
      landscape: width > PORTRAIT_WIDTH,
      fitToWidth: true,
      titleRows: [(grouped ? GROUP_ROW : HEADER_ROW) - 1, HEADER_ROW - 1],
      area: { lastRow: rows.length - 1, lastColumn: span - 1 },
      header: `&L&B${headerText(sheet.title)}`,
      footer: `&L${headerText(sheet.name)}&R&P / &N`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  };
}

/**
 * The annex's sheets as XLSX bytes (runtime-neutral; `writeSheets` writes them to a file): numbers as numbers with
 * display formats (en-US syntax, shown by Excel in the reader's locale: "1 234,5" in Swedish), formulas with their
 * cached results and recalculated when Excel opens the file, input cells in yellow, projected rows or year columns
 * in italics on light blue, totals bold, the header frozen with the first column, column widths, and a print setup
 * that fits each sheet to one A4 page wide (landscape when wide) with the header rows repeated on every page, the
 * title in the page header and the sheet's name and page number in the footer.
 *
 * @example
 * const bytes = annexXlsx(buildAnnex(data, { region: "2021" }).sheets);
 */
export function annexXlsx(sheets: readonly Sheet[]): Uint8Array {
  const styles = new XlsxStyles();
  const written = sheets.map((sheet) => annexSheet(sheet, styles));
  return writeXlsxPackage(written, { styles, creator: "omvarld", recalculate: true, title: sheets[0]?.title });
}
