import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { sheetLayout } from "../xlsx/layout.ts";
import { readSheet } from "../xlsx/sheet.ts";
import type { InflateRaw } from "../xlsx/zip.ts";
import { readCsv } from "./csv.ts";
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
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // the stub's labels repeat down the sheet (290 regions, 101 ages): each is quoted once
  const quoted = new Map<string, string>();
  const label = (s: string) => quoted.get(s) ?? quoted.set(s, quote(s)).get(s)!;
  let csv = `${quote(layout.title ?? sheet.name)}\n\n${[...layout.stubNames, ...layout.valueHeaders].map(quote).join(";")}\n`;
  for (const r of layout.rows) {
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
    line = `${line.startsWith(";") && r.labels.length === 0 ? line.slice(1) : line}\n`;
    if (csv.length + line.length > MAX_STRING) {
      throw new OmvarldError(
        "TOO_LARGE",
        `sheet "${sheet.name}" holds more cells than one string of V8 can hold as text (${MAX_STRING} characters), at row ${r.row}`,
        { file },
        "save the table as CSV, which is read in pieces",
      );
    }
    csv += line;
  }
  let table: Table;
  try {
    table = readCsv(csv, { file, delimiter: ";", decimalComma: false });
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
  const meta = layout.meta;
  const sourceText = meta["Source"] ?? meta["Kilde"] ?? meta["Källa"] ?? "";
  const named = AGENCIES.find(([re]) => re.test(sourceText.trim()))?.[1] ?? (sourceText.trim() || undefined);
  const idFromTitle = /^(\w{3,12}):\s/.exec(layout.title ?? "")?.[1];
  const matrix = /^[A-Z]{2}\d{4}[A-Z0-9]*$|^\d{5}$|^[0-9A-Z]{8}$/.test(sheet.name) ? sheet.name : undefined;
  const tableId = idFromTitle ?? matrix ?? meta["Internal reference code"] ?? meta["Intern referansekode"];
  const source = named ?? agencyOfTableId(tableId);
  const updated = meta["Latest update"] ?? meta["Siste oppdatering"] ?? meta["Senast uppdaterad"];
  const unit = meta["Units"] ?? meta["Måleenhet"] ?? meta["Enhet"];
  const warnings =
    sheet.others.length > 0
      ? [`the workbook has ${sheet.others.length + 1} sheets; only the first, "${sheet.name}", was read`]
      : [];
  return table
    .withProvenance({
      format: "xlsx",
      ...(layout.title ? { title: layout.title.replace(/^\w{3,12}:\s*/, "") } : {}),
      ...(source ? { source } : {}),
      ...(tableId ? { tableId } : {}),
      ...(updated ? { updated } : {}),
      ...(unit ? { unit } : {}),
      ...(layout.footnotes.length > 0 ? { footnotes: layout.footnotes } : {}),
      ...(file ? { file } : {}),
    })
    .withWarnings(...warnings);
}
