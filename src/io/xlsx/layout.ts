import type { CellValue, Sheet, SheetRow } from "./sheet.ts";
import { canonicalDimension, parsePeriod } from "../dimensions.ts";
import { isMissingSymbol } from "../values.ts";

/**
 * A sheet laid out as the agencies' PxWeb exports are: an optional title row, heading rows over the value columns,
 * stub columns on the left (code and text in separate cells, or one label), data rows, footnotes below.
 */
export interface SheetLayout {
  title: string | null;
  /** Names of the stub columns after code/text pairs are joined, from the title ("… by region, age, sex and year"). */
  stubNames: string[];
  /** Header of each value column: its heading rows joined ("Sysselsatte personer 2017", "2018"). */
  valueHeaders: string[];
  /** Data rows as label cells (stub, filled down) and value cells (numbers or symbols as written). */
  rows: { row: number; labels: string[]; values: CellValue[] }[];
  /** Footnote lines below the data, and the "Key:" value pairs among them. */
  footnotes: string[];
  meta: Record<string, string>;
}

/**
 * The variables a PxWeb title lists: "Population by region, age, sex and year" → [region, age, sex, year];
 * "03321: Sysselsatte … etter arbeidsstedskommune, bostedskommune, statistikkvariabel og år" → [arbeidsstedskommune,
 * bostedskommune, statistikkvariabel, år]. Empty when the title names none.
 */
export function titleVariables(title: string): string[] {
  const m = /\b(?:by|etter|efter)\s+([^.:]+?)\.?\s*$/i.exec(title.trim());
  if (!m) return [];
  return m[1]!
    .split(/\s*,\s*|\s+(?:and|og|och)\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const isNumber = (v: CellValue | undefined): v is number => typeof v === "number";
const isSymbol = (v: CellValue | undefined) => typeof v === "string" && isMissingSymbol(v.trim());
const isPeriodLike = (v: CellValue | undefined) => v !== undefined && v !== null && parsePeriod(String(v)) !== null;
/** The cell in column `c`, undefined when empty (cells are arrays with null in the gaps). */
const get = (r: SheetRow, c: number): CellValue | undefined => r.cells[c] ?? undefined;
const has = (r: SheetRow, c: number): boolean => r.cells[c] != null;
const filled = (r: SheetRow): CellValue[] => r.cells.filter((v) => v !== null);

/** Reads the layout of a sheet: where the title, headings, stub, data and footnotes are. Null when no cell holds a number. */
export function sheetLayout(sheet: Sheet): SheetLayout | null {
  const rows = sheet.rows;
  const valueColumns = valueColumnsOf(rows);
  if (valueColumns === null) return null;
  const firstValue = valueColumns[0]!;
  const stubColumns = Array.from({ length: firstValue }, (_, c) => c);
  const hasValue = (r: SheetRow) => valueColumns.some((c) => isNumber(get(r, c)) || isSymbol(get(r, c)));
  // a heading row of years (written as numbers) has no stub cells; below the first data row every value is data
  const yearHeading = (r: SheetRow) =>
    stubColumns.every((c) => !has(r, c)) && valueColumns.every((c) => !has(r, c) || isPeriodLike(get(r, c)));
  const first = rows.findIndex((r) => hasValue(r) && !yearHeading(r));
  let last = rows.length - 1;
  while (last > first && !hasValue(rows[last]!)) last--;

  const { title, headings } = titleAndHeadings(rows.slice(0, first), valueColumns);
  const valueHeaders = valueHeadersOf(headings, valueColumns, firstValue);
  const { stubNames, variables, pairs } = stubNamesOf(headings, title, stubColumns);
  const data = dataRows(rows, { first, last, hasValue }, stubColumns, valueColumns, { variables, pairs });
  const { footnotes, meta } = footnotesOf(rows.slice(last + 1));
  return { title, stubNames, valueHeaders, rows: data, footnotes, meta };
}

/**
 * The value columns of a sheet, in order: those holding numbers in at least 5 % as many rows as the fullest (rows
 * that are a heading of years excepted), and the columns to their right holding symbols (`..`). Null when no row
 * holds a number.
 */
function valueColumnsOf(rows: readonly SheetRow[]): number[] | null {
  // value columns: those holding numbers in rows that are not a heading row of years
  const numericRows = rows.filter((r) => {
    let number = false;
    let allYears = true;
    for (const v of r.cells) {
      if (v === null) continue;
      if (isNumber(v)) number = true;
      // the period test (a regular expression) only while every cell so far was a year
      if (allYears && !(isNumber(v) && isPeriodLike(v))) allYears = false;
      if (number && !allYears) break;
    }
    return number && !allYears;
  });
  if (numericRows.length === 0) return null;
  const counts = new Map<number, number>();
  for (const r of numericRows)
    r.cells.forEach((v, c) => {
      if (isNumber(v)) counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  const most = Math.max(...counts.values());
  const valueColumns = [...counts.entries()]
    .filter(([, n]) => n >= most * 0.05)
    .map(([c]) => c)
    .sort((a, b) => a - b);
  const firstValue = valueColumns[0]!;
  let lastColumn = 0;
  for (const r of rows) lastColumn = Math.max(lastColumn, r.cells.length - 1);
  for (let c = firstValue; c <= lastColumn; c++)
    if (!valueColumns.includes(c) && rows.some((r) => isSymbol(get(r, c)))) valueColumns.push(c);
  return valueColumns.sort((a, b) => a - b);
}

/**
 * The title (a first row above the data with one text cell and nothing over the value columns) and the heading
 * rows (those above the data with a cell over a value column).
 */
function titleAndHeadings(
  above: SheetRow[],
  valueColumns: readonly number[],
): { title: string | null; headings: SheetRow[] } {
  let title: string | null = null;
  if (
    above.length > 0 &&
    filled(above[0]!).length === 1 &&
    typeof get(above[0]!, 0) === "string" &&
    !valueColumns.some((c) => has(above[0]!, c))
  ) {
    title = String(get(above[0]!, 0));
    above.shift();
  }
  return { title, headings: above.filter((r) => valueColumns.some((c) => has(r, c))) };
}

/**
 * The header of each value column: its heading rows' texts joined ("Sysselsatte personer 2017"). A heading spans
 * the columns to its right until the next (PxWeb merges the cells of an outer heading variable); the last heading
 * row is read cell by cell.
 */
function valueHeadersOf(headings: readonly SheetRow[], valueColumns: readonly number[], firstValue: number): string[] {
  const headingText = (r: SheetRow, c: number): string => {
    for (let k = c; k >= firstValue; k--) if (has(r, k)) return String(get(r, k)).trim();
    return "";
  };
  return valueColumns.map((c) =>
    headings
      .map((r, i) => (i === headings.length - 1 ? String(get(r, c) ?? "").trim() : headingText(r, c)))
      .filter((s) => s !== "")
      .join(" "),
  );
}

/**
 * The stub columns' names: from a heading row that labels the stub (an Excel sheet like a CSV), else from the
 * title's variables ("… by region, age and year", the heading variables left out), else `column 1`, `column 2`.
 * `pairs`: the stub holds a code and a text column for each variable.
 */
function stubNamesOf(
  headings: readonly SheetRow[],
  title: string | null,
  stubColumns: readonly number[],
): { stubNames: string[]; variables: string[]; pairs: boolean } {
  const labelled = headings.at(-1);
  const named = title ? titleVariables(title) : [];
  const variables = named.slice(0, Math.max(0, named.length - headings.length));
  const pairs = variables.length > 0 && stubColumns.length === 2 * variables.length;
  let stubNames: string[];
  if (labelled && stubColumns.some((c) => has(labelled, c)))
    stubNames = stubColumns.map((c) => String(get(labelled, c) ?? `column ${c + 1}`));
  else if (pairs || variables.length === stubColumns.length) stubNames = variables;
  else stubNames = stubColumns.map((c) => `column ${c + 1}`);
  return { stubNames, variables, pairs };
}

/**
 * The data rows (those from `first` to `last` with a value) as labels and values: the stub's cells filled down
 * (PxWeb leaves repeats empty), code/text pairs joined (see `joinPair`), and the value columns' cells as they are
 * (null where empty).
 */
function dataRows(
  rows: readonly SheetRow[],
  span: { first: number; last: number; hasValue: (r: SheetRow) => boolean },
  stubColumns: readonly number[],
  valueColumns: readonly number[],
  stub: { variables: readonly string[]; pairs: boolean },
): SheetLayout["rows"] {
  const { variables, pairs } = stub;
  const data: SheetLayout["rows"] = [];
  const current: (string | null)[] = stubColumns.map(() => null);
  const regionLike = variables.map(
    (v) =>
      ["region", "origin", "destination"].includes(canonicalDimension(v)) ||
      /kommun|county|län|fylke|region|municipal/i.test(v),
  );
  // the labels are joined again only where a stub cell changed: a row of the sheet costs its two arrays
  const labelsNow: string[] = pairs ? variables.map(() => "") : stubColumns.map(() => "");
  for (let i = span.first; i <= span.last; i++) {
    const r = rows[i]!;
    if (!span.hasValue(r)) continue;
    for (let k = 0; k < stubColumns.length; k++) {
      // a new outer group starts: the inner cells come on this row too (PxWeb leaves only repeats empty)
      if (!has(r, k)) continue;
      const v = String(get(r, k)).trim();
      if (v === current[k]) continue;
      current[k] = v;
      if (!pairs) labelsNow[k] = v;
      else {
        const p = k >> 1;
        labelsNow[p] = joinPair(regionLike[p]!, current[2 * p] ?? "", current[2 * p + 1] ?? "");
      }
    }
    const values: CellValue[] = new Array<CellValue>(valueColumns.length);
    for (let k = 0; k < valueColumns.length; k++) values[k] = get(r, valueColumns[k]!) ?? null;
    data.push({ row: r.row, labels: labelsNow.slice(), values });
  }
  return data;
}

/** The footnote lines below the data, and the "Key:" / value pairs among them (`Source:` then `SCB`). */
function footnotesOf(below: readonly SheetRow[]): { footnotes: string[]; meta: Record<string, string> } {
  const footnotes = below.map((r) => filled(r).map(String).join(" ").trim()).filter((s) => s !== "");
  const meta: Record<string, string> = {};
  footnotes.forEach((line, i) => {
    if (/:$/.test(line) && i + 1 < footnotes.length && !/:$/.test(footnotes[i + 1]!))
      meta[line.slice(0, -1).trim()] ??= footnotes[i + 1]!.trim();
  });
  return { footnotes, meta };
}

/**
 * A code/text pair as the CSV twin writes it: regions as "0114 Upplands Väsby" (so the region reader splits code and
 * name), other variables by their text ("0 years", "men").
 */
function joinPair(regionLike: boolean, code: string, text: string): string {
  if (regionLike) return text && code && !text.startsWith(code) ? `${code} ${text}` : code || text;
  return text || code;
}
