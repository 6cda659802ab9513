import type { Column } from "./column.ts";
import type { Provenance } from "./provenance.ts";
import type { Table } from "./table.ts";

/** How a table is shown as text or HTML. */
export interface DisplayOptions {
  /** Rows shown at most (default 10): all of them when the table has no more, else the first ⌈n/2⌉ and the last ⌊n/2⌋. */
  rows?: number;
  /** A BCP 47 locale ("sv-SE", "nb-NO") for numbers: its decimal mark, and digit grouping in measure columns. Default: plain JavaScript numbers ("1234567.5"), as pandas does. */
  locale?: string;
  /** How a missing value (`null`) is shown. Default "·", so that it differs from an empty label and from the text "null". */
  missing?: string;
  /** Longest cell in characters before it is cut with "…" (default 30). */
  maxCellWidth?: number;
  /** Widest line of the text form in characters (default 120); columns that do not fit are left out and named below. */
  maxWidth?: number;
}

/** A shown slice of a table: the row numbers of the head and the tail, and how many rows lie between them. */
interface Slice {
  head: number[];
  tail: number[];
  hidden: number;
}

/** Decimals shown at most for numbers that are not whole (as pandas' `display.precision`, 6). */
const PRECISION = 6;

/**
 * The rows shown of a table of `numRows` rows when at most `n` are: all, or the first ⌈n/2⌉ and the last ⌊n/2⌋.
 *
 * @example
 * slice(300, 10) // { head: [0, 1, 2, 3, 4], tail: [295, 296, 297, 298, 299], hidden: 290 }
 */
function slice(numRows: number, n: number): Slice {
  const shown = Math.max(0, Math.floor(n));
  if (numRows <= shown) return { head: range(0, numRows), tail: [], hidden: 0 };
  const first = Math.max(1, Math.ceil(shown / 2));
  const last = Math.max(0, shown - first);
  return { head: range(0, first), tail: range(numRows - last, numRows), hidden: numRows - first - last };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/**
 * A number as shown: whole numbers as they are, others with at most 6 decimals (trailing zeros dropped), very large
 * or very small ones in exponent form; with a locale, its decimal mark and (when `group`) its digit grouping, with an
 * ASCII "-" for the minus.
 *
 * @example
 * formatNumber(275.87) // "275.87"
 * formatNumber(1 / 3) // "0.333333"
 * formatNumber(1110887.5, "sv-SE", true) // "1 110 887,5" (with no-break spaces)
 */
export function formatNumber(value: number, locale?: string, group = false): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e15 || magnitude < 1e-6)) {
    const text = value.toExponential(PRECISION - 1).replace(/\.?0+e/, "e");
    return locale ? text.replace(".", decimalMark(locale)) : text;
  }
  if (!locale) return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(PRECISION)));
  return new Intl.NumberFormat(locale, { maximumFractionDigits: PRECISION, useGrouping: group })
    .format(value)
    .replace(/\u2212/g, "-");
}

const decimalMarks = new Map<string, string>();

/** The decimal mark of a locale ("," for sv-SE and nb-NO, "." for en-GB). */
function decimalMark(locale: string | undefined): string {
  if (!locale) return ".";
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
    decimalMarks.set(locale, mark);
  }
  return mark;
}

/** A label as one line: line breaks and tabs written as \n, \r, \t; cut with "…" past `max` characters. */
function label(text: string, max: number): string {
  const flat = text.replace(/\r/g, "\\r").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join("")}…` : flat;
}

/** Length in characters (code points), which is the width in a terminal for the scripts these tables hold. */
const width = (s: string) => [...s].length;

/** One shown column: its header, type and cells (null for missing), and whether it is a number column. */
interface ShownColumn {
  name: string;
  type: string;
  numeric: boolean;
  cells: (string | null)[];
}

function showColumns(table: Table, rows: readonly number[], options: DisplayOptions): ShownColumn[] {
  const max = options.maxCellWidth ?? 30;
  return table.schema.map((field) => {
    const column: Column = table.column(field.name);
    const group = field.role === "measure";
    const cells = rows.map((r) => {
      const v = column.get(r);
      if (v === null) return null;
      return typeof v === "number" ? formatNumber(v, options.locale, group) : label(v, max);
    });
    return { name: label(field.name, max), type: field.type, numeric: field.type === "number", cells };
  });
}

/**
 * Right-aligns numbers on their decimal mark: the whole parts padded left, the decimals padded right.
 *
 * @example
 * alignNumbers(["275.87", "276.3", "1110887"], ".") // ["    275.87", "    276.3 ", "1110887   "]
 */
function alignNumbers(cells: readonly string[], mark: string): string[] {
  const parts = cells.map((c) => {
    const k = /e/.test(c) ? -1 : c.indexOf(mark);
    return k < 0 ? [c, ""] : [c.slice(0, k), c.slice(k)];
  });
  const whole = Math.max(0, ...parts.map(([w]) => width(w!)));
  const fraction = Math.max(0, ...parts.map(([, f]) => width(f!)));
  return parts.map(([w, f]) => w!.padStart(whole) + f!.padEnd(fraction));
}

/** "4 rows × 6 columns" (English, as the rest of the library's own words). */
function dimensions(table: Table): string {
  const rows = `${table.numRows} ${table.numRows === 1 ? "row" : "rows"}`;
  const columns = `${table.schema.length} ${table.schema.length === 1 ? "column" : "columns"}`;
  return `${rows} × ${columns}`;
}

/**
 * The provenance in one line: agency, table id and title, unit, then the file (its name only) and format, the URL
 * and the retrieval date. Empty when nothing is known.
 *
 * @example
 * describeSource({ source: "SCB", tableId: "TAB638", title: "Folkmängden", unit: "antal" }) // "SCB, TAB638: Folkmängden (antal)"
 */
export function describeSource(p: Provenance): string {
  const id = p.tableId && !(p.title ?? "").startsWith(p.tableId) ? p.tableId : undefined;
  const title = [id, p.title].filter(Boolean).join(": ");
  let text = [p.source, title].filter(Boolean).join(", ");
  if (p.unit) text += ` (${p.unit})`;
  const details: string[] = [];
  if (p.file) {
    const name = p.file.split(/[\\/]/).pop()!;
    details.push(`file ${name}${p.format ? ` (${p.format})` : ""}`);
  } else if (p.format) details.push(`format ${p.format}`);
  if (p.url) details.push(p.url);
  if (p.retrieved) details.push(`retrieved ${p.retrieved}`);
  if (p.updated) details.push(`updated ${p.updated}`);
  return [text, ...details].filter(Boolean).join("; ");
}

/** The lines above the rows: size, source and warnings. */
function captionLines(table: Table): string[] {
  const lines = [`Table: ${dimensions(table)}`];
  const source = describeSource(table.provenance);
  if (source) lines.push(`Source: ${source}`);
  const n = table.warnings.length;
  if (n) lines.push(`${n} ${n === 1 ? "warning" : "warnings"} (see .warnings)`);
  return lines;
}

/**
 * The table as aligned text, as a terminal, a REPL or `table.print()` shows it: the size and the source, the column
 * names with their types under them, numbers right-aligned on the decimal mark, missing values as "·", and for a long
 * table its head and tail around "… N more rows". Row numbers (from 0, as `table.get(column, row)` counts) stand on
 * the left. Columns that do not fit in `maxWidth` are
 * left out from the middle, shown as one "…" column, and named at the end.
 *
 * @example
 * formatTable(Table.fromRows([{ region: "0114", value: 1.5 }, { region: "0115", value: null }]))
 * // Table: 2 rows × 2 columns
 * //    region   value
 * //    string  number
 * // 0  0114       1.5
 * // 1  0115        ·
 */
export function formatTable(table: Table, options: DisplayOptions = {}): string {
  const { head, tail, hidden } = slice(table.numRows, options.rows ?? 10);
  const rows = [...head, ...tail];
  const missing = options.missing ?? "·";
  const mark = decimalMark(options.locale);
  const index = rows.map(String);
  const indexWidth = Math.max(0, ...index.map(width));
  const columns = showColumns(table, rows, options).map((c) => {
    const present = c.cells.filter((v): v is string => v !== null);
    const aligned = c.numeric ? alignNumbers(present, mark) : present;
    let k = 0;
    const cells = c.cells.map((v) => (v === null ? null : aligned[k++]!));
    const w = Math.max(width(c.name), width(c.type), missing.length, ...cells.map((v) => (v === null ? 0 : width(v))));
    return { ...c, cells, width: w };
  });
  // keep the columns that fit, taken alternately from the left and the right (dimensions lead, measures close a
  // table); the ones in the middle that do not fit become one "…" column and are named below
  const maxWidth = options.maxWidth ?? 120;
  let used = indexWidth;
  let left = 0;
  let right = columns.length;
  for (let turn = 0; left < right; turn++) {
    const c = columns[turn % 2 === 0 ? left : right - 1]!;
    if (left > 0 && used + 2 + c.width + (left + 1 < right ? 3 : 0) > maxWidth) break;
    used += 2 + c.width;
    if (turn % 2 === 0) left++;
    else right--;
  }
  const dropped = columns.slice(left, right).map((c) => c.name);
  const gap = { name: "…", type: "…", numeric: false, cells: rows.map(() => "…"), width: 1 };
  const kept = dropped.length ? [...columns.slice(0, left), gap, ...columns.slice(right)] : columns;
  const pad = (text: string, w: number, right: boolean) =>
    right ? text.padStart(w + text.length - width(text)) : text.padEnd(w + text.length - width(text));
  const line = (first: string, cells: string[]) => [first.padStart(indexWidth), ...cells].join("  ").trimEnd();
  const lines = captionLines(table);
  lines.push(
    line(
      "",
      kept.map((c) => pad(c.name, c.width, c.numeric)),
    ),
  );
  lines.push(
    line(
      "",
      kept.map((c) => pad(c.type, c.width, c.numeric)),
    ),
  );
  const rowLine = (i: number) =>
    line(
      index[i]!,
      kept.map((c) => {
        const v = c.cells[i]!;
        if (v === null) return c.numeric ? pad(missing, c.width, true) : pad(missing, c.width, false);
        return pad(v, c.width, c.numeric);
      }),
    );
  for (let i = 0; i < head.length; i++) lines.push(rowLine(i));
  if (hidden > 0) lines.push(`… ${hidden} more ${hidden === 1 ? "row" : "rows"}`);
  for (let i = head.length; i < rows.length; i++) lines.push(rowLine(i));
  if (dropped.length)
    lines.push(`… ${dropped.length} more ${dropped.length === 1 ? "column" : "columns"}: ${dropped.join(", ")}`);
  return lines.join("\n");
}

/**
 * Text escaped for HTML: & < > " ' as numeric character references.
 *
 * @example
 * escapeHTML("Rørøs <N>") // "Rørøs &#60;N&#62;"
 */
export function escapeHTML(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The table as an HTML table for notebooks: the source as its caption, the column names with their types, numbers
 * right-aligned, missing values as "·", a long table as head and tail around a "… N more rows" row, and the size
 * below. Every label is escaped. No column is left out (notebooks scroll sideways).
 *
 * @example
 * formatTableHTML(table) // '<div class="omvarld-table"><table>…</table><p>4 rows × 6 columns</p></div>'
 */
export function formatTableHTML(table: Table, options: DisplayOptions = {}): string {
  const { head, tail, hidden } = slice(table.numRows, options.rows ?? 10);
  const rows = [...head, ...tail];
  const missing = escapeHTML(options.missing ?? "·");
  const columns = showColumns(table, rows, { maxCellWidth: 80, ...options });
  const right = ' style="text-align:right"';
  const out: string[] = ['<div class="omvarld-table">', "<table>"];
  const source = describeSource(table.provenance);
  if (source) out.push(`<caption style="text-align:left">${escapeHTML(source)}</caption>`);
  out.push("<thead>");
  out.push(
    `<tr><th></th>${columns.map((c) => `<th${c.numeric ? right : ""}>${escapeHTML(c.name)}</th>`).join("")}</tr>`,
  );
  out.push(`<tr><th></th>${columns.map((c) => `<td${c.numeric ? right : ""}><i>${c.type}</i></td>`).join("")}</tr>`);
  out.push("</thead>", "<tbody>");
  const row = (i: number) =>
    `<tr><th>${rows[i]}</th>${columns
      .map((c) => {
        const v = c.cells[i];
        return `<td${c.numeric ? right : ""}>${v === null || v === undefined ? missing : escapeHTML(v)}</td>`;
      })
      .join("")}</tr>`;
  for (let i = 0; i < head.length; i++) out.push(row(i));
  if (hidden > 0)
    out.push(`<tr><td colspan="${columns.length + 1}">… ${hidden} more ${hidden === 1 ? "row" : "rows"}</td></tr>`);
  for (let i = head.length; i < rows.length; i++) out.push(row(i));
  out.push("</tbody>", "</table>");
  const n = table.warnings.length;
  out.push(
    `<p>${escapeHTML(dimensions(table))}${n ? `, ${n} ${n === 1 ? "warning" : "warnings"} (see .warnings)` : ""}</p>`,
    "</div>",
  );
  return out.join("\n");
}

/**
 * The notebook MIME bundle of a table: an HTML table and the same as text.
 *
 * @example
 * Object.keys(tableMimeBundle(table)) // ["text/html", "text/plain"]
 */
export function tableMimeBundle(table: Table, options: DisplayOptions = {}): Record<string, string> {
  return { "text/html": formatTableHTML(table, options), "text/plain": formatTable(table, options) };
}

interface Tslab {
  display: { html(s: string): void };
}

/**
 * tslab's display API when this process is the tslab kernel, else undefined (tslab prints a cell's value with
 * `console.log`, so a table shows itself there only by calling `display.html` from its inspect hook).
 */
export function tslabDisplay(): Tslab | undefined {
  const proc = (
    globalThis as {
      process?: {
        env?: Record<string, string | undefined>;
        argv?: string[];
        mainModule?: { require?: (id: string) => unknown };
      };
    }
  ).process;
  if (!proc?.env?.JPY_PARENT_PID || !/tslab/.test(proc.argv?.[1] ?? "")) return undefined;
  try {
    return proc.mainModule?.require?.("tslab") as Tslab | undefined;
  } catch {
    return undefined;
  }
}
