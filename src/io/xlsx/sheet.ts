import { OmvarldError } from "../../errors.ts";
import { type InflateRaw, unzipEntries } from "./zip.ts";

/** A cell value as the sheet stores it: text, a number, or null for an empty cell. */
export type CellValue = string | number | null;

/**
 * One row of a sheet: its 1-based row number and its cells by 0-based column, `null` where a cell is empty (an array
 * rather than a Map per row: SCB's d1019 has 58 000 rows, and the Maps were most of the reader's garbage).
 */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Names of the workbook's other sheets (only the first is read). */
  others: string[];
}

/** True when the bytes start a zip archive (an .xlsx file is one): "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const text = new TextDecoder("utf-8");

/**
 * Reads the first worksheet of an Office Open XML workbook (.xlsx) into rows of cells. The sheet XML is scanned with
 * `indexOf` rather than parsed into a DOM or matched with regular expressions (an SCB export of 58 000 rows has
 * 400 000 cells; in a profile of the regular-expression version, taken on a busy machine, garbage collection took
 * 2.0 s of 7.5 s). Shared strings, inline
 * strings, numbers and booleans are read; formulas give their cached value.
 *
 * @example
 * const sheet = readSheet(bytes, "p1819.xlsx");
 * sheet.rows[0].cells.get(0); // "Population by region, age, sex and year"
 */
export function readSheet(bytes: Uint8Array, file?: string, inflate?: InflateRaw): Sheet {
  const entries = unzipEntries(
    bytes,
    (name) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i.test(name),
    file,
    inflate,
  );
  const entry = (name: string) => {
    const found = [...entries.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    return found === undefined ? undefined : text.decode(entries.get(found)!).replace(/^\ufeff/, "");
  };
  const workbook = entry("xl/workbook.xml");
  if (workbook === undefined) {
    throw new OmvarldError(
      "FORMAT_UNKNOWN",
      "a zip archive, but not an Excel workbook (no xl/workbook.xml)",
      { file },
      "save the table as .xlsx, CSV or PX",
    );
  }
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: decodeXml(quickAttr(m[1]!, "name") ?? ""),
    rid: quickAttr(m[1]!, "r:id") ?? quickAttr(m[1]!, "id"),
  }));
  if (sheets.length === 0) throw new OmvarldError("FORMAT_UNKNOWN", "the workbook has no sheet", { file });
  const rels = entry("xl/_rels/workbook.xml.rels") ?? "";
  const target = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)]
    .map((m) => m[1]!)
    .find((a) => quickAttr(a, "Id") === sheets[0]!.rid);
  const path = target
    ? quickAttr(target, "Target")!
        .replace(/^\//, "")
        .replace(/^(?!xl\/)/, "xl/")
    : "xl/worksheets/sheet1.xml";
  const xml = entry(path);
  if (xml === undefined)
    throw new OmvarldError(
      "FILE_TRUNCATED",
      `the workbook's sheet "${sheets[0]!.name}" (${path}) is missing`,
      { file },
      "the .xlsx file may be damaged: save it again",
    );
  const shared = sharedStrings(entry("xl/sharedStrings.xml") ?? "");
  return { name: sheets[0]!.name, rows: parseRows(xml, shared, file), others: sheets.slice(1).map((s) => s.name) };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replaces XML's five entities and numeric character references. */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? whole),
  );
}

/** The text of each `<si>`: its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)) out.push(runs(si[1]!));
  return out;
}

function runs(xml: string): string {
  const clean = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let s = "";
  for (const t of clean.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) s += t[1]!;
  return decodeXml(s);
}

/** The value of attribute `name` in the text of a start tag, by indexOf (no regular expression per cell). */
function quickAttr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return tag.slice(from, tag.indexOf('"', from));
}

/** The value of attribute `needle` (` r="`) in the start tag `xml[from, to)`, without slicing the tag. */
function attrIn(xml: string, needle: string, from: number, to: number): string | undefined {
  const at = xml.indexOf(needle, from);
  if (at < 0 || at >= to) return undefined;
  const start = at + needle.length;
  return xml.slice(start, xml.indexOf('"', start));
}

/**
 * Where the value of attribute `needle` (` t="`) starts in the start tag `xml[from, to)`, or -1: nothing is sliced,
 * and the search stays inside the tag (an `indexOf` on the whole text ran on to the next text cell when a number's
 * tag had no type: a tenth of the reader's time on SCB's d1019).
 */
function attrAt(xml: string, needle: string, from: number, to: number): number {
  const last = to - needle.length;
  for (let i = from; i <= last; i++)
    if (xml.charCodeAt(i) === 32 && xml.startsWith(needle, i)) return i + needle.length;
  return -1;
}

/**
 * The rows of the sheet XML. Element names are told by their characters and attributes found between the tag's
 * bounds, so that a cell costs no slices but its value's (SCB's d1019 has 2.9 M cells).
 */
function parseRows(xml: string, shared: readonly string[], file: string | undefined): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let last = 0;
  let position = 0;
  // the namespace prefix of the cell elements ("" or "x:") and the needles built from it
  let prefix = "";
  let valueOpen = "<v>";
  let cellClose = "</c>";
  let pos = xml.indexOf("<", xml.search(/<(?:\w+:)?sheetData\b/) + 1);
  while (pos >= 0) {
    const gt = xml.indexOf(">", pos);
    if (gt < 0) break;
    const closing = xml.charCodeAt(pos + 1) === 47;
    let nameEnd = closing ? pos + 2 : pos + 1;
    let localStart = nameEnd;
    while (nameEnd < gt) {
      const ch = xml.charCodeAt(nameEnd);
      if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
      if (ch === 58) localStart = nameEnd + 1;
      nameEnd++;
    }
    const localLength = nameEnd - localStart;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    let next = gt + 1;
    if (closing) {
      if (localLength === 9 && xml.startsWith("sheetData", localStart)) break;
    } else if (localLength === 1 && xml.charCodeAt(localStart) === 99 && row) {
      // <c r="B7" t="s">
      if (localStart - pos - 1 !== prefix.length || (prefix !== "" && !xml.startsWith(prefix, pos + 1))) {
        prefix = xml.slice(pos + 1, localStart);
        valueOpen = `<${prefix}v>`;
        cellClose = `</${prefix}c>`;
      }
      // the column from the letters of the reference, read in place
      const refAt = attrAt(xml, ' r="', nameEnd, gt);
      let column = position;
      if (refAt >= 0 && xml.charCodeAt(refAt) !== 34) {
        column = -1;
        for (let i = refAt; ; i++) {
          const ch = xml.charCodeAt(i);
          if (ch < 65 || ch > 90) break;
          column = (column + 1) * 26 + (ch - 65);
        }
      }
      position = column + 1;
      if (!selfClosing) {
        const close = xml.indexOf(cellClose, gt);
        if (close < 0)
          throw new OmvarldError(
            "FILE_TRUNCATED",
            `cell ${refText(xml, refAt, last)} is not closed`,
            { file },
            "the .xlsx file may be damaged: save it again",
          );
        // the type: "s" (shared string) read in place, others sliced
        const typeAt = attrAt(xml, ' t="', nameEnd, gt);
        const type =
          typeAt < 0
            ? "n"
            : xml.charCodeAt(typeAt) === 115 && xml.charCodeAt(typeAt + 1) === 34
              ? "s"
              : xml.slice(typeAt, xml.indexOf('"', typeAt));
        const value = cellValue(type, xml, gt + 1, close, valueOpen, shared, file, refAt, last);
        if (value !== null) {
          const cells = row.cells;
          while (cells.length < column) cells.push(null);
          cells[column] = value;
        }
        next = close + cellClose.length;
      }
    } else if (localLength === 3 && xml.startsWith("row", localStart)) {
      last = Number(attrIn(xml, ' r="', nameEnd, gt) ?? last + 1);
      position = 0;
      row = { row: last, cells: [] };
      rows.push(row);
    }
    pos = xml.indexOf("<", next);
  }
  return rows.filter((r) => r.cells.length > 0);
}

/** A cell's reference for a message ("B7"), or "in row 7" when it has none; sliced only when an error needs it. */
function refText(xml: string, refAt: number, row: number): string {
  return refAt >= 0 && xml.charCodeAt(refAt) !== 34 ? xml.slice(refAt, xml.indexOf('"', refAt)) : `in row ${row}`;
}

/** The value of the cell whose content is `xml[from, to)`. */
function cellValue(
  type: string,
  xml: string,
  from: number,
  to: number,
  valueOpen: string,
  shared: readonly string[],
  file: string | undefined,
  refAt: number,
  rowNumber: number,
): CellValue {
  if (type === "inlineStr") return emptyToNull(runs(xml.slice(from, to)));
  const open = xml.indexOf(valueOpen, from);
  if (open < 0 || open >= to) return null;
  const start = open + valueOpen.length;
  const end = xml.indexOf("<", start);
  switch (type) {
    case "s": {
      // the index, digit by digit
      let index = 0;
      let k = start;
      for (; k < end; k++) {
        const ch = xml.charCodeAt(k);
        if (ch < 48 || ch > 57) break;
        index = index * 10 + (ch - 48);
      }
      const s = k === end && end > start ? shared[index] : undefined;
      if (s === undefined)
        throw new OmvarldError(
          "PARSE",
          `cell ${refText(xml, refAt, rowNumber)} refers to shared string ${xml.slice(start, end)}, which the workbook does not have`,
          { file },
          "the .xlsx file may be damaged: save it again",
        );
      return emptyToNull(s);
    }
    case "str":
    case "e":
      return emptyToNull(decodeXml(xml.slice(start, end)));
    case "b":
      return xml.slice(start, end) === "1" ? "TRUE" : "FALSE";
    default: {
      // an integer of up to 15 digits (most agency cells), digit by digit: exactly what Number() gives, without a slice
      let k = start;
      const negative = xml.charCodeAt(k) === 45;
      if (negative) k++;
      let int = 0;
      for (; k < end; k++) {
        const ch = xml.charCodeAt(k);
        if (ch < 48 || ch > 57) break;
        int = int * 10 + (ch - 48);
      }
      const digits = end - start - (negative ? 1 : 0);
      if (k === end && digits > 0 && digits <= 15) return negative ? -int : int;
      const raw = xml.slice(start, end);
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : emptyToNull(decodeXml(raw));
    }
  }
}

function emptyToNull(s: string): string | null {
  return s === "" ? null : s;
}
