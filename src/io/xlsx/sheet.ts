import { OmvarldError } from "../../errors.ts";
import { MAX_STRING } from "../expansion.ts";
import { type InflateRaw, ZipArchive, type ZipEntry } from "./zip.ts";

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

/** Options of `readSheet`. */
export interface ReadSheetOptions {
  file?: string | undefined;
  /** Inflates an entry whole (zlib's inflateRawSync from `omvarld/node`); fflate's when absent. */
  inflate?: InflateRaw | undefined;
  /** The most bytes the entries read may inflate to (see `ReadOptions.maxDecompressedBytes`). */
  maxDecompressedBytes?: number | undefined;
  /** The sheet's XML is decoded and parsed in pieces of about this many bytes (default 64 MiB), cut after a row. */
  chunkBytes?: number | undefined;
}

/**
 * Reads the first worksheet of an Office Open XML workbook (.xlsx) into rows of cells. The sheet XML is scanned with
 * `indexOf` rather than parsed into a DOM or matched with regular expressions (an SCB export of 58 000 rows has
 * 400 000 cells; in a profile of the regular-expression version, taken on a busy machine, garbage collection took
 * 2.0 s of 7.5 s). Shared strings, inline strings, numbers and booleans are read; formulas give their cached value.
 * The sheet (and the shared strings) are decoded in pieces of 64 MiB that end after a row (a shared string) as they
 * inflate, so that a sheet larger than V8's longest string reads and is never one string; a sheet that declares more
 * than 64 MiB inflates in pieces too, so that its bytes are never held whole either.
 *
 * @example
 * const sheet = readSheet(bytes, { file: "p1819.xlsx" });
 * sheet.rows[0].cells[0]; // "Population by region, age, sex and year"
 */
export function readSheet(bytes: Uint8Array, options: ReadSheetOptions = {}): Sheet {
  const file = options.file;
  const zip = new ZipArchive(
    bytes,
    (name) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/i.test(name),
    { file, inflate: options.inflate, maxDecompressedBytes: options.maxDecompressedBytes },
  );
  const whole = (name: string) => {
    const found = zip.entry(name);
    return found === undefined ? undefined : wholeText(zip, found, file);
  };
  const workbook = whole("xl/workbook.xml");
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
  const rels = whole("xl/_rels/workbook.xml.rels") ?? "";
  const target = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)]
    .map((m) => m[1]!)
    .find((a) => quickAttr(a, "Id") === sheets[0]!.rid);
  const path = target
    ? quickAttr(target, "Target")!
        .replace(/^\//, "")
        .replace(/^(?!xl\/)/, "xl/")
    : "xl/worksheets/sheet1.xml";
  const sheet = zip.entry(path);
  if (sheet === undefined)
    throw new OmvarldError(
      "FILE_TRUNCATED",
      `the workbook's sheet "${sheets[0]!.name}" (${path}) is missing`,
      { file },
      "the .xlsx file may be damaged: save it again",
    );
  const chunkBytes = options.chunkBytes ?? CHUNK;
  const sharedEntry = zip.entry("xl/sharedStrings.xml");
  const shared = sharedEntry
    ? sharedStrings(xmlPieces(zip.pieces(sharedEntry), "si", chunkBytes, sharedEntry.name, file))
    : [];
  const rows = parseRows(xmlBytePieces(zip.pieces(sheet), "row", chunkBytes, sheet.name, file), shared, file);
  return { name: sheets[0]!.name, rows, others: sheets.slice(1).map((s) => s.name) };
}

/**
 * Pieces of the sheet's XML decoded at a time (bytes): 64 MiB, so that the agencies' sheets (up to 29 MB) are one
 * piece. Cut into two pieces of 16 MiB, SCB's 28.7 MB d1019 took 35-45 ms more CPU in a fresh process (277-283 ms
 * against 229-243 ms for the sheet, 3 runs each; warm runs alike), a second run of the parse loop before it is
 * optimised again.
 */
const CHUNK = 1 << 26;

/** An entry read as one string (the workbook and its relationships, a few KiB), its byte order mark dropped. */
function wholeText(zip: ZipArchive, entry: ZipEntry, file: string | undefined): string {
  const bytes = zip.bytes(entry);
  if (bytes.length > MAX_STRING) throw tooLong(entry.name, bytes.length, file);
  return text.decode(bytes).replace(/^\ufeff/, "");
}

function tooLong(name: string, bytes: number, file: string | undefined): OmvarldError {
  return new OmvarldError(
    "TOO_LARGE",
    `${name} holds ${bytes} bytes without a place to cut them, more than V8's longest string (${MAX_STRING} characters)`,
    { file },
    "the workbook is not an agency export; save the table as CSV, which is read in pieces",
  );
}

/**
 * The XML of `pieces` (an entry as it inflates) as strings of about `chunkBytes` bytes, each ending just after a
 * closing tag of element `local` (`</row>`, `</x:row>`), so that no element `local` spans two strings. The bytes
 * are decoded as UTF-8; a byte order mark at the start is dropped. Nothing longer than V8's longest string is built:
 * XML that runs on beyond it without such a tag is a `TOO_LARGE` error.
 */
export function* xmlPieces(
  pieces: Iterable<Uint8Array>,
  local: string,
  chunkBytes: number,
  name: string,
  file: string | undefined,
): Generator<string> {
  for (const bytes of xmlBytePieces(pieces, local, chunkBytes, name, file)) yield text.decode(bytes);
}

/**
 * The XML of `pieces` as bytes, cut as `xmlPieces` cuts it (and within the same limit), the byte order mark dropped:
 * the sheet is scanned as bytes, so that its text is never decoded but for the cells' values (SCB's d1019 is
 * 28.7 MB of XML, which as strings were most of the garbage the reader made).
 *
 * @example
 * [...xmlBytePieces(zip.pieces(sheet), "row", 1 << 26, sheet.name, file)].length; // 1 for SCB's 28.7 MB sheet
 */
export function* xmlBytePieces(
  pieces: Iterable<Uint8Array>,
  local: string,
  chunkBytes: number,
  name: string,
  file: string | undefined,
): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let held = 0;
  // the next size at which a cut is tried: doubled after a try that found no tag, so bytes are copied O(n) times
  let attempt = chunkBytes;
  let first = true;
  const emit = (bytes: Uint8Array) => {
    const bom = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    first = false;
    return bom ? bytes.subarray(3) : bytes;
  };
  for (const piece of pieces) {
    parts.push(piece);
    held += piece.length;
    if (held < attempt) continue;
    const buffer = concat(parts, held);
    let start = 0;
    while (buffer.length - start >= chunkBytes) {
      let end = start + chunkBytes;
      let cut = lastClose(buffer, start, end, local);
      while (cut < 0 && end < buffer.length) {
        end = Math.min(buffer.length, start + 2 * (end - start));
        cut = lastClose(buffer, start, end, local);
      }
      if (cut < 0) break;
      if (cut - start > MAX_STRING) throw tooLong(name, cut - start, file);
      yield emit(buffer.subarray(start, cut));
      first = false;
      start = cut;
    }
    parts = [buffer.subarray(start)];
    held = buffer.length - start;
    if (held > MAX_STRING) throw tooLong(name, held, file);
    attempt = held >= chunkBytes ? 2 * held : chunkBytes;
  }
  if (held > 0) yield emit(concat(parts, held));
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One past the last closing tag of element `local` (any prefix) that ends in `bytes[start, end)`, or -1. */
function lastClose(bytes: Uint8Array, start: number, end: number, local: string): number {
  const n = local.length;
  for (let gt = bytes.lastIndexOf(0x3e, end - 1); gt >= start; gt = gt > 0 ? bytes.lastIndexOf(0x3e, gt - 1) : -1) {
    let k = 0;
    while (k < n && bytes[gt - n + k] === local.charCodeAt(k)) k++;
    if (k < n) continue;
    let i = gt - n - 1;
    if (bytes[i] === 0x3a) {
      // a prefix: back over its name characters
      i--;
      while (i > start && isNameByte(bytes[i]!)) i--;
    }
    if (i - 1 >= start && bytes[i] === 0x2f && bytes[i - 1] === 0x3c) return gt + 1;
  }
  return -1;
}

const isNameByte = (b: number) =>
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x5f ||
  b === 0x2d ||
  b === 0x2e;

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

/** The text of each `<si>`: its `<t>` runs joined, phonetic runs (`<rPh>`) left out; `pieces` end after an `</si>`. */
function sharedStrings(pieces: Iterable<string>): string[] {
  const out: string[] = [];
  for (const xml of pieces)
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

/** The bytes of an ASCII needle ("</c>", ` r="`). */
const ascii = (needle: string): Uint8Array => Uint8Array.from(needle, (c) => c.charCodeAt(0));

/** Where `needle` next occurs in `bytes` from `from`, or -1: its first byte found natively, the rest compared. */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const n = needle.length;
  const head = needle[0]!;
  for (let at = bytes.indexOf(head, from); at >= 0 && at + n <= bytes.length; at = bytes.indexOf(head, at + 1)) {
    let k = 1;
    while (k < n && bytes[at + k] === needle[k]) k++;
    if (k === n) return at;
  }
  return -1;
}

/** True when `needle` stands in `bytes` at `at`. */
function bytesAt(bytes: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at + needle.length > bytes.length) return false;
  for (let k = 0; k < needle.length; k++) if (bytes[at + k] !== needle[k]) return false;
  return true;
}

/** The text of `bytes[start, end)`: ASCII as is (attribute values, numbers), anything else decoded as UTF-8. */
function textOf(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 24) {
    let s = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return text.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return text.decode(bytes.subarray(start, end));
}

const R = ascii(' r="');
const T = ascii(' t="');
const SHEET_DATA = ascii("sheetData");
const ROW = ascii("row");

/** The value of attribute `needle` (` r="`) in the start tag `xml[from, to)`, without slicing the tag. */
function attrIn(xml: Uint8Array, needle: Uint8Array, from: number, to: number): string | undefined {
  const at = indexOfBytes(xml, needle, from);
  if (at < 0 || at >= to) return undefined;
  const start = at + needle.length;
  const quote = xml.indexOf(34, start);
  return textOf(xml, start, quote < 0 ? xml.length : quote);
}

/**
 * Where the value of attribute `needle` (` t="`) starts in the start tag `xml[from, to)`, or -1: nothing is sliced,
 * and the search stays inside the tag (an `indexOf` on the whole text ran on to the next text cell when a number's
 * tag had no type: a tenth of the reader's time on SCB's d1019).
 */
function attrAt(xml: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const last = to - needle.length;
  for (let i = from; i <= last; i++) if (xml[i] === 32 && bytesAt(xml, i, needle)) return i + needle.length;
  return -1;
}

/** Where `<sheetData` (with any prefix, as a whole name) first starts, or -1. */
function sheetDataAt(xml: Uint8Array): number {
  for (let at = indexOfBytes(xml, SHEET_DATA, 0); at >= 0; at = indexOfBytes(xml, SHEET_DATA, at + 1)) {
    const after = xml[at + SHEET_DATA.length];
    if (after !== undefined && isWordByte(after)) continue;
    if (xml[at - 1] === 60) return at - 1;
    // a prefix: word characters back to "<", then ":"
    if (xml[at - 1] !== 58) continue;
    let i = at - 2;
    while (i >= 0 && isWordByte(xml[i]!)) i--;
    if (i < at - 2 && xml[i] === 60) return i;
  }
  return -1;
}

const isWordByte = (b: number) =>
  (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f;

/**
 * The rows of the sheet XML, read as bytes from pieces that each end after a row. Element names are told by their
 * bytes and attributes found between the tag's bounds, so that a cell costs no slices but its value's (SCB's d1019
 * has 2.9 M cells). Reading stops at `</sheetData>`.
 */
function parseRows(pieces: Iterable<Uint8Array>, shared: readonly string[], file: string | undefined): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let last = 0;
  let position = 0;
  // the namespace prefix of the cell elements ("" or "x:") and the needles built from it
  let prefix = new Uint8Array(0);
  let valueOpen = ascii("<v>");
  let valueClose = ascii("</v>");
  let cellClose = ascii("</c>");
  let first = true;
  let done = false;
  for (const xml of pieces) {
    let pos = first ? xml.indexOf(60, sheetDataAt(xml) + 1) : xml.indexOf(60);
    first = false;
    while (pos >= 0) {
      const gt = xml.indexOf(62, pos);
      if (gt < 0) break;
      const closing = xml[pos + 1] === 47;
      let nameEnd = closing ? pos + 2 : pos + 1;
      let localStart = nameEnd;
      while (nameEnd < gt) {
        const ch = xml[nameEnd]!;
        if (ch === 32 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
        if (ch === 58) localStart = nameEnd + 1;
        nameEnd++;
      }
      const localLength = nameEnd - localStart;
      const selfClosing = xml[gt - 1] === 47;
      let next = gt + 1;
      if (closing) {
        if (localLength === 9 && bytesAt(xml, localStart, SHEET_DATA)) {
          done = true;
          break;
        }
      } else if (localLength === 1 && xml[localStart] === 99 && row) {
        // <c r="B7" t="s">
        if (localStart - pos - 1 !== prefix.length || (prefix.length > 0 && !bytesAt(xml, pos + 1, prefix))) {
          prefix = xml.slice(pos + 1, localStart);
          valueOpen = Uint8Array.from([60, ...prefix, 118, 62]);
          valueClose = Uint8Array.from([60, 47, ...prefix, 118, 62]);
          cellClose = Uint8Array.from([60, 47, ...prefix, 99, 62]);
        }
        // the column from the letters of the reference, read in place
        const refAt = attrAt(xml, R, nameEnd, gt);
        let column = position;
        if (refAt >= 0 && xml[refAt] !== 34) {
          column = -1;
          for (let i = refAt; ; i++) {
            const ch = xml[i]!;
            if (!(ch >= 65 && ch <= 90)) break;
            column = (column + 1) * 26 + (ch - 65);
          }
        }
        position = column + 1;
        if (!selfClosing) {
          // most cells are `<c …><v>value</v></c>`: their close found without a search
          let close = -1;
          if (bytesAt(xml, gt + 1, valueOpen)) {
            const lt = xml.indexOf(60, gt + 1 + valueOpen.length);
            if (lt >= 0 && bytesAt(xml, lt, valueClose) && bytesAt(xml, lt + valueClose.length, cellClose))
              close = lt + valueClose.length;
          }
          if (close < 0) close = indexOfBytes(xml, cellClose, gt);
          if (close < 0)
            throw new OmvarldError(
              "FILE_TRUNCATED",
              `cell ${refText(xml, refAt, last)} is not closed`,
              { file },
              "the .xlsx file may be damaged: save it again",
            );
          // the type: "s" (shared string) read in place, others sliced
          const typeAt = attrAt(xml, T, nameEnd, gt);
          const type =
            typeAt < 0
              ? "n"
              : xml[typeAt] === 115 && xml[typeAt + 1] === 34
                ? "s"
                : textOf(xml, typeAt, quoteAfter(xml, typeAt));
          const value = cellValue(type, xml, gt + 1, close, valueOpen, shared, file, refAt, last);
          if (value !== null) {
            const cells = row.cells;
            while (cells.length < column) cells.push(null);
            cells[column] = value;
          }
          next = close + cellClose.length;
        }
      } else if (localLength === 3 && bytesAt(xml, localStart, ROW)) {
        last = Number(attrIn(xml, R, nameEnd, gt) ?? last + 1);
        position = 0;
        row = { row: last, cells: [] };
        rows.push(row);
      }
      pos = xml.indexOf(60, next);
    }
    if (done) break;
  }
  return rows.filter((r) => r.cells.length > 0);
}

/** The next `"` from `at`, or the end of the bytes. */
function quoteAfter(xml: Uint8Array, at: number): number {
  const quote = xml.indexOf(34, at);
  return quote < 0 ? xml.length : quote;
}

/** A cell's reference for a message ("B7"), or "in row 7" when it has none; sliced only when an error needs it. */
function refText(xml: Uint8Array, refAt: number, row: number): string {
  return refAt >= 0 && xml[refAt] !== 34 ? textOf(xml, refAt, quoteAfter(xml, refAt)) : `in row ${row}`;
}

/** The value of the cell whose content is `xml[from, to)`. */
function cellValue(
  type: string,
  xml: Uint8Array,
  from: number,
  to: number,
  valueOpen: Uint8Array,
  shared: readonly string[],
  file: string | undefined,
  refAt: number,
  rowNumber: number,
): CellValue {
  if (type === "inlineStr") return emptyToNull(runs(textOf(xml, from, to)));
  const open = bytesAt(xml, from, valueOpen) ? from : indexOfBytes(xml, valueOpen, from);
  if (open < 0 || open >= to) return null;
  const start = open + valueOpen.length;
  const lt = xml.indexOf(60, start);
  const end = lt < 0 ? xml.length : lt;
  switch (type) {
    case "s": {
      // the index, digit by digit
      let index = 0;
      let k = start;
      for (; k < end; k++) {
        const ch = xml[k]!;
        if (ch < 48 || ch > 57) break;
        index = index * 10 + (ch - 48);
      }
      const s = k === end && end > start ? shared[index] : undefined;
      if (s === undefined)
        throw new OmvarldError(
          "PARSE",
          `cell ${refText(xml, refAt, rowNumber)} refers to shared string ${textOf(xml, start, end)}, which the workbook does not have`,
          { file },
          "the .xlsx file may be damaged: save it again",
        );
      return emptyToNull(s);
    }
    case "str":
    case "e":
      return emptyToNull(decodeXml(textOf(xml, start, end)));
    case "b":
      return end - start === 1 && xml[start] === 49 ? "TRUE" : "FALSE";
    default: {
      // an integer of up to 15 digits (most agency cells), digit by digit: exactly what Number() gives, without a slice
      let k = start;
      const negative = xml[k] === 45;
      if (negative) k++;
      let int = 0;
      for (; k < end; k++) {
        const ch = xml[k]!;
        if (ch < 48 || ch > 57) break;
        int = int * 10 + (ch - 48);
      }
      const digits = end - start - (negative ? 1 : 0);
      if (k === end && digits > 0 && digits <= 15) return negative ? -int : int;
      const raw = textOf(xml, start, end);
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : emptyToNull(decodeXml(raw));
    }
  }
}

function emptyToNull(s: string): string | null {
  return s === "" ? null : s;
}
