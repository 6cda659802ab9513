/**
 * The sheet model of the budget annex, independent of the XLSX writer: a title on row 1, an optional band of column
 * group labels on row 2 (e.g. "Observerat" over observed years), the header on row 3, data from row 4, notes below.
 * Builders know the layout, so a formula can name the cell of another value before anything is written.
 */

/** An Excel formula (without "=") and its cached result, shown before Excel recalculates. */
export interface Formula {
  formula: string;
  result: number;
}

export type CellValue = string | number | null | Formula;

/** A column of an annex sheet: the Excel number format is in Excel's (en-US) syntax; Swedish Excel shows "1 234,5". */
export interface SheetColumn {
  key: string;
  header: string;
  /** "#,##0", "#,##0.0", "0.0" ...; text columns have none. */
  format?: string;
  width?: number;
  /** Cells the reader is meant to change (unit costs): filled light yellow. */
  input?: boolean;
  /** A label over the header (row 2), e.g. "Observerat" or "Framskrivning" over a year column. */
  group?: string;
  /** A projected column (a year of the projection): drawn like projected rows. */
  projected?: boolean;
  /** Long text wrapped within the column's width (the row made as tall as it needs). */
  wrap?: boolean;
}

/** One sheet: a title line, a header row (frozen) and rows of numbers stored as numbers or formulas. */
export interface Sheet {
  name: string;
  title: string;
  columns: SheetColumn[];
  rows: Record<string, CellValue>[];
  notes?: string[];
  /** Per row, whether it holds projected years: drawn in italics on a light blue fill. */
  projectedRows?: boolean[];
  /** Rows drawn bold (totals). */
  totalRows?: boolean[];
  /** A number format for a whole row (by row index), over the columns' own: e.g. "0.0" for a row of per cent. */
  rowFormats?: Readonly<Record<number, string>>;
  /** Columns frozen at the left (default 1). */
  frozenColumns?: number;
}

export const TITLE_ROW = 1;
export const GROUP_ROW = 2;
export const HEADER_ROW = 3;
/** The row of a sheet's first data row. */
export const FIRST_ROW = HEADER_ROW + 1;

/**
 * The column letters of a 1-based column number.
 *
 * @example
 * columnLetter(1) // "A"; columnLetter(28) // "AB"
 */
export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as a formula writes it: always quoted, quotes doubled ('Försörjningskvot'!). */
export function sheetPrefix(name: string): string {
  return `'${name.replaceAll("'", "''")}'!`;
}

/**
 * The address of the cell of column `key` in data row `row` (0-based) of `sheet`, e.g. "C5"; with `absolute`,
 * "$C$5"; with `from` another sheet's name, prefixed with this sheet's name.
 */
export function cellAddress(
  sheet: Pick<Sheet, "name" | "columns">,
  key: string,
  row: number,
  options: { absolute?: boolean; from?: string } = {},
): string {
  const k = sheet.columns.findIndex((c) => c.key === key);
  if (k < 0) throw new Error(`no column ${key} in sheet ${sheet.name}`);
  const d = options.absolute ? "$" : "";
  const local = `${d}${columnLetter(k + 1)}${d}${FIRST_ROW + row}`;
  return options.from !== undefined && options.from !== sheet.name ? `${sheetPrefix(sheet.name)}${local}` : local;
}

/** The cached value of a cell: the number of a formula, the value itself otherwise. */
export function cellResult(value: CellValue | undefined): string | number | null {
  if (value === undefined) return null;
  return value !== null && typeof value === "object" ? value.result : value;
}
