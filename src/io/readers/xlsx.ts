import { OmvarldError } from "../../errors.ts";
import type { Provenance } from "../../table/provenance.ts";
import type { Table } from "../../table/table.ts";
import { readSheet } from "../xlsx/sheet.ts";
import type { InflateRaw } from "../xlsx/zip.ts";
import { type ParallelBody, readCsv, readCsvWithBody } from "./csv.ts";
import { type SheetLayout, sheetLayout } from "../xlsx/layout.ts";
import { bodyFromSpans, type SpanSink } from "../csv/body.ts";
import { repairText } from "../repair.ts";
import { isMissingSymbol } from "../values.ts";
import { MAX_STRING } from "../expansion.ts";

/** The agency whose table ids look like this one: SCB's matrices ("BE0101N1", "000003O5"), SSB's numbers ("07459"). */
export function agencyOfTableId(id: string | undefined): "SCB" | "SSB" | undefined {
  if (id === undefined) return undefined;
  if (/^[A-Z]{2}\d{4}[A-Z0-9]*$|^TAB\d+$|^0000\w{4}$/.test(id)) return "SCB";
  return /^\d{5}$/.test(id) ? "SSB" : undefined;
}

/** Agencies' names in the footnotes of their Excel exports, and the short names reports print. */
const AGENCIES: readonly [RegExp, string][] = [
  [/statistics sweden|statistiska centralbyrån|^scb\b/i, "SCB"],
  [/statistics norway|statistisk sentralbyrå|^ssb\b/i, "SSB"],
];

/**
 * Reads an Excel download from SCB's Statistikdatabasen or SSB's statbank (or any sheet laid out like a PxWeb CSV)
 * into the same tidy table as its CSV twin. The sheet is read as the agencies write it — a title row, heading rows
 * over the value columns, stub cells left empty below the first row of a group, codes and texts in separate cells,
 * footnotes below — and handed to the CSV reader as the equivalent CSV, so both give the same table and the same
 * errors; an error names the sheet's row. The footnotes become provenance (source, table id, update, unit).
 *
 * @example
 * const pop = readXlsx(bytes, { file: "BE0101N1.xlsx" });
 * pop.columnNames; // ["region", "region_name", "age", "sex", "year", "value"]
 */
export function readXlsx(
  bytes: Uint8Array,
  options: {
    file?: string | undefined;
    inflateRaw?: InflateRaw | undefined;
    /** The most bytes the workbook's entries may inflate to; default 100 × the file's size, once past 64 MiB. */
    maxDecompressedBytes?: number | undefined;
    /** Read the sheet through its CSV text even where its cells can be read as they are (for tests). */
    viaText?: boolean;
  } = {},
): Table {
  const file = options.file;
  const sheet = readSheet(bytes, {
    file,
    inflate: options.inflateRaw,
    maxDecompressedBytes: options.maxDecompressedBytes,
  });
  const layout = sheetLayout(sheet);
  if (!layout || layout.rows.length === 0) {
    throw new OmvarldError(
      "FORMAT_UNKNOWN",
      `no cell of sheet "${sheet.name}" holds a number`,
      { file },
      "is this a statistics export? save the table with its values, not only its labels",
    );
  }
  const twin = csvTwin(layout, sheet.name, file);
  let table: Table;
  try {
    table = readTwin(layout, twin, file, options.viaText ?? false);
  } catch (error) {
    if (!(error instanceof OmvarldError)) throw error;
    // line 3 of the CSV is the heading, line 4 on the data rows
    const row = error.line === undefined ? undefined : error.line >= 4 ? layout.rows[error.line - 4]?.row : undefined;
    throw new OmvarldError(
      error.code,
      `sheet "${sheet.name}"${row !== undefined ? `, row ${row}` : ""}: ${error.message}`,
      { file, line: row },
      error.hint,
    );
  }
  const warnings =
    sheet.others.length > 0
      ? [`the workbook has ${sheet.others.length + 1} sheets; only the first, "${sheet.name}", was read`]
      : [];
  return table.withProvenance(sheetProvenance(layout, sheet.name, file)).withWarnings(...warnings);
}

/** The CSV a sheet's twin would be, in pieces: its top (title and heading), the header's cells, a row's line. */
interface CsvTwin {
  /** The title line, an empty line and the header line (`"Population by region"\n\n"region";"2023"\n`). */
  top: string;
  headerCells: string[];
  /** The CSV line of a data row: the labels quoted, numbers as they are, symbols trimmed, other text quoted. */
  lineOf: (r: SheetLayout["rows"][number]) => string;
  /** The sheet as the whole CSV text its twin would be; too long for one string is an error. */
  wholeCsv: () => string;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The CSV twin of a sheet's layout, semicolon-delimited (see `CsvTwin`). */
function csvTwin(layout: SheetLayout, sheetName: string, file: string | undefined): CsvTwin {
  // the stub's labels repeat down the sheet (290 regions, 101 ages): each is quoted once
  const quoted = new Map<string, string>();
  const label = (s: string) => quoted.get(s) ?? quoted.set(s, quote(s)).get(s)!;
  const headerCells = [...layout.stubNames, ...layout.valueHeaders];
  const top = `${quote(layout.title ?? sheetName)}\n\n${headerCells.map(quote).join(";")}\n`;
  const lineOf = (r: SheetLayout["rows"][number]) => {
    let line = "";
    for (let k = 0; k < r.labels.length; k++) line += k === 0 ? label(r.labels[k]!) : `;${label(r.labels[k]!)}`;
    for (const v of r.values)
      line +=
        v === null
          ? ";"
          : typeof v === "number"
            ? `;${v}`
            : isMissingSymbol(v.trim())
              ? `;${v.trim()}`
              : `;${quote(v)}`;
    return `${line.startsWith(";") && r.labels.length === 0 ? line.slice(1) : line}\n`;
  };
  const wholeCsv = () => {
    let csv = top;
    for (const r of layout.rows) {
      const line = lineOf(r);
      if (csv.length + line.length > MAX_STRING) {
        throw new OmvarldError(
          "TOO_LARGE",
          `sheet "${sheetName}" holds more cells than one string of V8 can hold as text (${MAX_STRING} characters), at row ${r.row}`,
          { file },
          "save the table as CSV, which is read in pieces",
        );
      }
      csv += line;
    }
    return csv;
  };
  return { top, headerCells, lineOf, wholeCsv };
}

/**
 * Reads the sheet with the CSV reader: from its cells as they are where they give what the text gives (see
 * `readsDirectly`), the CSV reader planning its columns from the head's text; else from the whole CSV text.
 */
function readTwin(layout: SheetLayout, twin: CsvTwin, file: string | undefined, viaText: boolean): Table {
  const { top, headerCells, lineOf, wholeCsv } = twin;
  if (viaText || !readsDirectly(layout, headerCells, top))
    return readCsv(wholeCsv(), { file, delimiter: ";", decimalComma: false });
  let head = top;
  for (let k = 0; k < Math.min(layout.rows.length, HEAD_ROWS); k++) head += lineOf(layout.rows[k]!);
  const body: ParallelBody = (_offset, delimiter, plans) =>
    plans.length !== headerCells.length ||
    !layout.rows.every(
      (r) => (r.labels.length === 0 ? r.values.length : r.labels.length + r.values.length) === plans.length,
    )
      ? undefined
      : (xlsxStats.direct++,
        bodyFromSpans(plans, file, delimiter, layout.rows.length, (sink) => sheetCells(layout, sink)));
  return readCsvWithBody(head, body, wholeCsv, { file, delimiter: ";", decimalComma: false });
}

/**
 * The provenance the footnotes give (source, table id, update, unit), with the title (its table id cut) and the
 * footnotes: `Source: Statistics Sweden` → source "SCB"; a table id from the title (`BE0101N1: …`), the sheet's name
 * or the "Internal reference code".
 */
function sheetProvenance(layout: SheetLayout, sheetName: string, file: string | undefined): Provenance {
  const meta = layout.meta;
  const sourceText = meta["Source"] ?? meta["Kilde"] ?? meta["Källa"] ?? "";
  const named = AGENCIES.find(([re]) => re.test(sourceText.trim()))?.[1] ?? (sourceText.trim() || undefined);
  const idFromTitle = /^(\w{3,12}):\s/.exec(layout.title ?? "")?.[1];
  const matrix = /^[A-Z]{2}\d{4}[A-Z0-9]*$|^\d{5}$|^[0-9A-Z]{8}$/.test(sheetName) ? sheetName : undefined;
  const tableId = idFromTitle ?? matrix ?? meta["Internal reference code"] ?? meta["Intern referansekode"];
  const source = named ?? agencyOfTableId(tableId);
  const updated = meta["Latest update"] ?? meta["Siste oppdatering"] ?? meta["Senast uppdaterad"];
  const unit = meta["Units"] ?? meta["Måleenhet"] ?? meta["Enhet"];
  return {
    format: "xlsx",
    ...(layout.title ? { title: layout.title.replace(/^\w{3,12}:\s*/, "") } : {}),
    ...(source ? { source } : {}),
    ...(tableId ? { tableId } : {}),
    ...(updated ? { updated } : {}),
    ...(unit ? { unit } : {}),
    ...(layout.footnotes.length > 0 ? { footnotes: layout.footnotes } : {}),
    ...(file ? { file } : {}),
  };
}

/** How many sheets were read as cells rather than through their CSV text in this process (for tests). */
export const xlsxStats = { direct: 0 };

/** Data rows put in the head's text, from which the CSV reader plans its columns (its sample is 2 000 rows). */
const HEAD_ROWS = 2100;

/** Characters the CSV text of a cell must not hold for its cells to be read without the text. */
const BREAKS = /[\r\n\ufeff]/;

/**
 * True when the sheet's cells can be read as cells (see `bodyFromSpans`) and give what its CSV text gives: no line
 * break in any text (a quoted line break moves the lines that errors name), no text that the CSV reader's repairs
 * would change (a byte order mark inside, UTF-8 read as Latin-1), no row that repeats the header line, and a header
 * whose cells are not cut from the end.
 */
function readsDirectly(layout: SheetLayout, headerCells: readonly string[], top: string): boolean {
  if (BREAKS.test(top.slice(0, -1).replace("\n\n", "")) || repairText(top).warnings.length > 0) return false;
  if (headerCells.length === 0 || headerCells.at(-1) === "") return false;
  const seen = new Set<string>();
  const clean = (s: string) => {
    if (seen.has(s)) return true;
    seen.add(s);
    return !BREAKS.test(s) && repairText(s).warnings.length === 0;
  };
  for (const r of layout.rows) {
    for (const l of r.labels) if (!clean(l)) return false;
    let header = r.labels.length + r.values.length === headerCells.length;
    for (let k = 0; k < r.labels.length && header; k++) header = r.labels[k] === headerCells[k];
    for (let k = 0; k < r.values.length; k++) {
      const v = r.values[k];
      if (typeof v !== "string") {
        header = false;
        continue;
      }
      if (!clean(v)) return false;
      // a symbol is written as it is, unquoted: it must not hold the delimiter or a quote
      if (isMissingSymbol(v.trim()) && /[;"]/.test(v.trim())) return false;
      if (header && (isMissingSymbol(v.trim()) || v !== headerCells[r.labels.length + k])) header = false;
    }
    if (header) return false;
  }
  return true;
}

/** Hands each data row's cells to the sink as the tokenizer gives them from the row's CSV line (see `lineOf`). */
function sheetCells(layout: SheetLayout, sink: SpanSink): void {
  const rows = layout.rows;
  const escape = (s: string) => (s.includes('"') ? s.replace(/"/g, '""') : s);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const line = k + 4;
    // an empty row (every cell empty) is passed over
    let empty = true;
    for (const l of r.labels) if (l !== "") empty = false;
    for (const v of r.values) {
      if (v === null) continue;
      if (typeof v === "number" || (isMissingSymbol(v.trim()) ? v.trim() !== "" : v !== "")) empty = false;
    }
    if (empty) continue;
    let j = 0;
    for (const l of r.labels) sink.cell(j++, escape(l), l.includes('"'), line);
    for (const v of r.values) {
      if (v === null) sink.cell(j++, "", false, line);
      else if (typeof v === "number") sink.cell(j++, `${v}`, false, line);
      else if (isMissingSymbol(v.trim())) sink.cell(j++, v.trim(), false, line);
      else sink.cell(j++, escape(v), v.includes('"'), line);
    }
    sink.endRow(line);
  }
}
