import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { decodeWindows1252 } from "../decode.ts";

/** How a table is written as CSV. */
export interface CsvWriteOptions {
  /**
   * A preset for a spreadsheet in that language: "sv" and "nb" give ";", decimal comma, a UTF-8 BOM and CRLF (what
   * Swedish and Norwegian Excel open by a double click with å, ä, ö and numbers as numbers); "en" gives ",", decimal
   * point, BOM and CRLF. Options given beside it win.
   */
  excel?: "sv" | "nb" | "en";
  /** Between cells: "," (default), ";" or "\t". */
  delimiter?: string;
  /** Decimal mark of numbers: "." (default) or ",". Numbers are never grouped and keep every digit they have. */
  decimal?: "." | ",";
  /** Line ending: "\n" (default) or "\r\n". */
  newline?: "\n" | "\r\n";
  /** Start with a byte order mark (U+FEFF), as Excel needs to take a file as UTF-8. Default false. */
  bom?: boolean;
  /** Encoding of `toCSVBytes`: "utf-8" (default) or "windows-1252" (Latin-1 as old Excel and PxWeb write it; no BOM). */
  encoding?: "utf-8" | "windows-1252";
  /** How a missing value is written; default "" (an empty cell). */
  missing?: string;
  /** Write the header line of column names (default true). */
  header?: boolean;
}

const PRESETS: Record<NonNullable<CsvWriteOptions["excel"]>, CsvWriteOptions> = {
  sv: { delimiter: ";", decimal: ",", bom: true, newline: "\r\n" },
  nb: { delimiter: ";", decimal: ",", bom: true, newline: "\r\n" },
  en: { delimiter: ",", decimal: ".", bom: true, newline: "\r\n" },
};

/** The options in force: the preset's, then those given. */
function resolve(options: CsvWriteOptions): Required<Omit<CsvWriteOptions, "excel">> {
  const preset = options.excel ? PRESETS[options.excel] : {};
  if (options.excel && !preset)
    throw new OmvarldError("ARGUMENT", `unknown excel preset "${options.excel}"`, {}, 'use "sv", "nb" or "en"');
  const o = { ...preset, ...definedOnly(options) };
  const resolved = {
    delimiter: o.delimiter ?? ",",
    decimal: o.decimal ?? ".",
    newline: o.newline ?? "\n",
    bom: o.bom ?? false,
    encoding: o.encoding ?? "utf-8",
    missing: o.missing ?? "",
    header: o.header ?? true,
  };
  if (resolved.delimiter.length !== 1 || /["\r\n]/.test(resolved.delimiter)) {
    throw new OmvarldError(
      "ARGUMENT",
      `delimiter ${JSON.stringify(resolved.delimiter)} cannot separate CSV cells`,
      {},
      'use ",", ";" or "\\t"',
    );
  }
  if (resolved.delimiter === resolved.decimal) {
    throw new OmvarldError(
      "ARGUMENT",
      `the delimiter and the decimal mark are both "${resolved.decimal}"`,
      {},
      'with decimal ",", use delimiter ";"',
    );
  }
  return resolved;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A table as CSV text: a header, then one line per row; quotes around a cell holding the delimiter, a quote or a line
 * break (quotes doubled, RFC 4180); missing values as empty cells; numbers as JavaScript writes them (every digit,
 * no grouping, ASCII minus), with a decimal comma when asked. `{ excel: "sv" }` gives what Swedish Excel opens as it
 * should: ";", decimal comma, a BOM and CRLF.
 *
 * @example
 * toCSV(Table.fromRows([{ region: "0114", value: -1234.5 }])) // "region,value\n0114,-1234.5\n"
 * toCSV(table, { excel: "sv" }) // "\ufeffregion;value\r\n0114;-1234,5\r\n"
 */
export function toCSV(table: Table, options: CsvWriteOptions = {}): string {
  const o = resolve(options);
  const special = new RegExp(`["\\r\\n${o.delimiter === "\t" ? "\\t" : o.delimiter.replace(/[\\^\]-]/g, "\\$&")}]`);
  const text = (s: string) => (special.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const number = o.decimal === "." ? (v: number) => String(v) : (v: number) => String(v).replace(".", o.decimal);
  const names = table.columnNames;
  const columns = names.map((n) => table.column(n));
  const lines: string[] = o.header ? [names.map(text).join(o.delimiter)] : [];
  const missing = text(o.missing);
  const cells: string[] = new Array(columns.length);
  for (let r = 0; r < table.numRows; r++) {
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k]!.get(r);
      cells[k] = v === null ? missing : typeof v === "number" ? number(v) : text(v);
    }
    lines.push(cells.join(o.delimiter));
  }
  return `${o.bom && o.encoding === "utf-8" ? "\ufeff" : ""}${lines.join(o.newline)}${o.newline}`;
}

/**
 * A table as CSV bytes in the chosen encoding: UTF-8 (with a BOM when asked) or Windows-1252, which fails on a
 * character it cannot hold instead of writing "?".
 *
 * @example
 * toCSVBytes(table, { excel: "sv" }) // Uint8Array [0xef, 0xbb, 0xbf, ...]
 */
export function toCSVBytes(table: Table, options: CsvWriteOptions = {}): Uint8Array {
  const text = toCSV(table, options);
  return resolve(options).encoding === "windows-1252" ? encodeWindows1252(text) : new TextEncoder().encode(text);
}

let cp1252: Map<number, number> | undefined;

/** Encodes text as Windows-1252: Latin-1 plus "€", "–", "’" ... in 0x80-0x9F. */
function encodeWindows1252(text: string): Uint8Array {
  if (!cp1252) {
    const high = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    cp1252 = new Map([...high].map((c, i) => [c.charCodeAt(0), 0x80 + i]));
  }
  const out = new Uint8Array(text.length);
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    const byte = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : cp1252.get(c);
    if (byte === undefined) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      throw new OmvarldError(
        "ARGUMENT",
        `"${ch}" (U+${c.toString(16).toUpperCase().padStart(4, "0")}) cannot be written in Windows-1252`,
        { line },
        'write UTF-8 (encoding: "utf-8")',
      );
    }
    out[i] = byte;
  }
  return out;
}
