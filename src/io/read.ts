import { inFile, OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import { decode, decoderFor, isGzip, sniffEncoding } from "./decode.ts";
import { ByteStream, gunzipForRead } from "./byte-stream.ts";
import { type CsvOptions, readCsv, readCsvBytes } from "./readers/csv.ts";
import { readEurostatChunks, readEurostatTsv } from "./readers/eurostat.ts";
import { recordPieces } from "./csv/chunks.ts";
import { readJsonStat } from "./readers/jsonstat.ts";
import { readKolada } from "./readers/kolada.ts";
import { readPx } from "./readers/px.ts";
import { readPxWebJson } from "./readers/pxweb-json.ts";
import { readSdmxCsv } from "./readers/sdmx.ts";
import { agencyOfTableId, readXlsx } from "./readers/xlsx.ts";
import { repairText } from "./repair.ts";
import { isZip } from "./xlsx/sheet.ts";

export type Format =
  "csv" | "xlsx" | "px" | "json-stat" | "json-stat2" | "pxweb-json" | "kolada" | "eurostat-tsv" | "sdmx-csv";

export interface ReadOptions {
  /** Name of the file, for provenance and error messages. */
  file?: string;
  /** Skip sniffing and use this format. */
  format?: Format;
  /** CSV: force the delimiter. */
  delimiter?: string;
  /** CSV: force decimal comma (true) or point (false). */
  decimalComma?: boolean;
  /**
   * The most bytes decompressing a gzip file, or the entries read from an Excel workbook, may produce; beyond it
   * reading stops with a `TOO_LARGE` error. Default: 100 times the compressed size, checked as the data inflate once
   * they pass 64 MiB (agency files expand 3-12 times, a "zip bomb" about 1000). Raise it for a genuine file that
   * expands more; `Infinity` lifts it.
   */
  maxDecompressedBytes?: number;
  /**
   * Decompresses gzip bytes whole, producing at most `maxBytes`; used where the file declares at most 64 MiB (larger
   * data are streamed with fflate). `omvarld/node` passes its `gunzip` on zlib.
   */
  gunzip?: (bytes: Uint8Array, maxBytes?: number) => Uint8Array;
  /**
   * Inflates raw DEFLATE data (Excel workbooks are zip archives) whole, producing at most `maxBytes`; used for entries
   * that declare at most 64 MiB. `omvarld/node` passes zlib's inflateRawSync.
   */
  inflateRaw?: (bytes: Uint8Array, size?: number, maxBytes?: number) => Uint8Array;
  /**
   * Keep only the rows whose codes are among these (or pass a test), by column (canonical names: `region`, `sex`,
   * `age`, ...), e.g. `{ region: ["SE312", "SE"] }` or `{ region: (code) => code.startsWith("SE") }`. Eurostat TSV
   * applies it while reading, to the codes as the file writes them, which skips parsing the other lines.
   */
  where?: Readonly<Record<string, string | number | readonly (string | number)[] | ((code: string) => boolean)>>;
}

/** Guesses the format from the text. */
export function sniffFormat(text: string): Format | null {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith("{") || head.startsWith("[")) {
    if (/"class"\s*:\s*"dataset"/.test(text.slice(0, 1 << 16)) || /"dimension"\s*:/.test(head)) return "json-stat2";
    if (/"columns"\s*:/.test(head) && /"data"\s*:/.test(text)) return "pxweb-json";
    if (/"kpi"\s*:/.test(text.slice(0, 1 << 16))) return "kolada";
    return "json-stat2";
  }
  if (/^(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|MATRIX)(\[[^\]]*\])?\s*=/m.test(head.slice(0, 400))) return "px";
  const firstLine = head.split(/\r?\n|\r/, 1)[0] ?? "";
  if (/^[^\t]*\\(time|TIME_PERIOD)\s*\t/.test(firstLine)) return "eurostat-tsv";
  if (/^"?DATAFLOW"?[,;\t]/.test(firstLine)) return "sdmx-csv";
  if (firstLine.trim() === "" && head.trim() === "") return null;
  return "csv";
}

/**
 * Reads an agency export from bytes or text: sniffs gzip, the encoding, the format and (for CSV) the delimiter,
 * and returns a tidy table with provenance.
 *
 * @example
 * const t = readBytes(bytes, { file: "BE0101N1.csv" });
 * t.provenance.encoding // "windows-1252"
 */
export function readBytes(input: Uint8Array | string, options: ReadOptions = {}): Table {
  const file = options.file;
  try {
    let text: string;
    let encoding = "utf-8";
    if (typeof input === "string") text = input.replace(/^\ufeff/, "");
    else {
      let bytes: Uint8Array | null = input;
      if (isGzip(bytes)) {
        // Eurostat's bulk TSVs come gzipped, sometimes under a .tsv name: a large CSV or TSV is read as it inflates
        const unpacked = gunzipForRead(bytes, options);
        if (unpacked instanceof ByteStream && unpacked.holdsMoreThan(LARGE)) {
          const { encoding, head } = unpacked.sniff();
          const format = options.format ?? sniffFormat(head);
          if ((format === "csv" || format === "eurostat-tsv") && !encoding.startsWith("utf-16")) {
            const table = unpacked.readDelimited(format, { csv: csvOptions(options), where: options.where });
            return keepWhere(table, options.where, file);
          }
        }
        bytes = unpacked instanceof ByteStream ? unpacked.all() : unpacked;
      }
      if (bytes.length === 0) throw new OmvarldError("FILE_TRUNCATED", "the file is empty", { file });
      if (isZip(bytes)) {
        const { inflateRaw, maxDecompressedBytes } = options;
        return keepWhere(readXlsx(bytes, { file, inflateRaw, maxDecompressedBytes }), options.where, file);
      }
      const sniffed = sniffEncoding(bytes, file);
      const headText = decoderFor(sniffed.encoding).decode(bytes.subarray(sniffed.bom, sniffed.bom + 4096));
      const format = options.format ?? sniffFormat(headText);
      // a large CSV is read from its bytes in pieces (see readCsvBytes), never as one string
      if (format === "csv" && bytes.length > LARGE && !sniffed.encoding.startsWith("utf-16")) {
        const table = keepWhere(
          readCsvBytes(bytes, sniffed.encoding, sniffed.bom, csvOptions(options)),
          options.where,
          file,
        );
        return table.withProvenance({ encoding: sniffed.encoding, ...(file ? { file } : {}) });
      }
      // so is a large Eurostat TSV (Eurostat's bulk files unpack to gigabytes)
      if (format === "eurostat-tsv" && bytes.length > LARGE && !sniffed.encoding.startsWith("utf-16")) {
        const decoder = decoderFor(sniffed.encoding);
        const pieces = recordPieces(bytes.subarray(sniffed.bom), 1 << 24);
        const table = readEurostatChunks(
          (function* () {
            for (const piece of pieces) yield decoder.decode(piece);
          })(),
          { file, where: options.where },
        );
        return keepWhere(table, options.where, file).withProvenance({
          encoding: sniffed.encoding,
          ...(file ? { file } : {}),
        });
      }
      ({ text, encoding } = decode(bytes, file));
      // let the raw bytes go before parsing: the decoded text is all the readers need
      bytes = null;
      input = "";
    }
    const format = options.format ?? sniffFormat(text);
    if (format === null) throw new OmvarldError("FILE_TRUNCATED", "the file holds no data", { file });
    const table = keepWhere(parse(text, format, options), options.where, file);
    return withTableId(table).withProvenance({ encoding, ...(file ? { file } : {}) });
  } catch (error) {
    throw inFile(error, file);
  }
}

/** Applies the `where` option; after Eurostat's reader, which skipped the unwanted lines, only the rows left are checked. */
export function keepWhere(table: Table, where: ReadOptions["where"], file: string | undefined): Table {
  if (!where) return table;
  const absent = Object.keys(where).find((name) => !table.has(name));
  if (absent !== undefined) {
    throw new OmvarldError(
      "ARGUMENT",
      `the option where names the column "${absent}", which the table does not have`,
      { file },
      `its columns: ${table.columnNames.join(", ")}`,
    );
  }
  return table.filter(
    Object.fromEntries(
      Object.entries(where).map(([name, spec]) => [
        name,
        typeof spec === "function" ? (v: unknown) => v !== null && spec(String(v)) : spec,
      ]),
    ),
  );
}

/** A statbank title starts with the table's id ("07459: Population, by region, ..."): it becomes the table id. */
function withTableId(table: Table): Table {
  const title = table.provenance.title;
  const id =
    title === undefined || table.provenance.tableId
      ? undefined
      : /^(\d{5}|[A-Z]{2}\d{4}[A-Z0-9]*|TAB\d+):\s+(.*)$/.exec(title);
  if (!id) return table;
  const source = table.provenance.source ?? agencyOfTableId(id[1]);
  return table.withProvenance({ tableId: id[1]!, title: id[2]!, ...(source ? { source } : {}) });
}

/** Files above this size (bytes) are read as bytes where the format allows it. */
export const LARGE: number = 1 << 22;

/** The CSV options among the read options. */
export function csvOptions(options: ReadOptions): CsvOptions {
  return {
    file: options.file,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.decimalComma !== undefined ? { decimalComma: options.decimalComma } : {}),
  };
}

function parse(text: string, format: Format, options: ReadOptions): Table {
  if (format === "csv" || format === "xlsx") return parseFormat(text, format, options);
  // the structured formats get the CSV reader's text repairs too: double-encoded UTF-8, BOMs inside the text
  const repaired = repairText(text);
  const table = parseFormat(repaired.text, format, options);
  return repaired.warnings.length ? table.withWarnings(...repaired.warnings) : table;
}

function parseFormat(text: string, format: Format, options: ReadOptions): Table {
  const file = options.file;
  switch (format) {
    case "csv":
      return readCsv(text, csvOptions(options));
    case "px":
      return readPx(text, { file });
    case "eurostat-tsv":
      return readEurostatTsv(text, { file, where: options.where });
    case "sdmx-csv":
      return readSdmxCsv(text, { file });
    case "xlsx":
      throw new OmvarldError(
        "ARGUMENT",
        "an Excel workbook must be read from its bytes, not from text",
        { file },
        "pass the file's bytes (a Uint8Array) or its path to read()",
      );
    default: {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        const position = /position (\d+)/.exec(String(error))?.[1];
        const at = position === undefined ? undefined : Number(position);
        const before = at === undefined ? "" : text.slice(0, at);
        throw new OmvarldError(
          at !== undefined && at >= text.trimEnd().length - 1 ? "FILE_TRUNCATED" : "PARSE",
          `invalid JSON: ${String((error as Error).message).replace(/^.*?: /, "")}`,
          { file, line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") },
          "the file may be cut off, or it is not JSON",
        );
      }
      if (format === "pxweb-json") return readPxWebJson(json, { file });
      if (format === "kolada") return readKolada(json, { file });
      return readJsonStat(json, { file });
    }
  }
}
