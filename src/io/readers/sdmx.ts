import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { splitRows } from "../csv/tokenize.ts";
import { canonicalDimension, parsePeriod } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";

/** SDMX-CSV columns that are not dimensions. */
const NOT_DIMENSIONS = new Set(["DATAFLOW", "LAST UPDATE", "OBS_VALUE", "OBS_FLAG", "OBS_STATUS", "CONF_STATUS"]);

/** A row of the text as `splitRows` gives it. */
type Row = { cells: string[]; quoted: boolean[]; line: number };

/** A dimension column: its position in the header and its canonical name. */
type Dim = { k: number; name: string };

/** What the loop over the rows collects besides the table's cells. */
interface Collected {
  dataflow: string;
  updated: string;
  duplicates: number;
  boms: number;
  lineOfRow: number[];
}

/**
 * Reads SDMX-CSV 1.0 (Eurostat "linear" CSV): `DATAFLOW,LAST UPDATE,<dimensions>,TIME_PERIOD,OBS_VALUE,OBS_FLAG`.
 * The dataflow becomes the table id; OBS_VALUE the `value`; OBS_FLAG (or OBS_STATUS) the `status`, kept per
 * observation. An OBS_VALUE that is a symbol (`:`) is missing with the symbol as status, joined with its flag
 * (`: c`) as in Eurostat's TSV. A row with the wrong number of cells or an OBS_VALUE that is neither a number nor
 * a symbol is an error naming the line and column. An observation repeated exactly is left out with a warning that
 * counts them; repeated with another value it is an error naming both lines. Semicolons or tabs instead of commas
 * and Excel's trailing empty columns are accepted.
 */
export function readSdmxCsv(text: string, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  // Eurostat writes commas; a re-save may have turned them into semicolons or tabs
  const delimiter = /^\ufeff?"?DATAFLOW"?([;\t])/.exec(text)?.[1] ?? ",";
  const rows = splitRows(text, delimiter);
  const header = rows[0]?.cells.map((h) => h.trim()) ?? [];
  // Excel's trailing empty columns (`...,OBS_FLAG,,,`)
  while (header.length > 1 && header.at(-1) === "") header.pop();
  const trailing = trailingCells(rows, header, text);
  const valueAt = header.indexOf("OBS_VALUE");
  if (valueAt < 0)
    throw new OmvarldError(
      "PARSE",
      "SDMX-CSV without an OBS_VALUE column",
      { file, line: 1 },
      "expected the header DATAFLOW,...,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
    );
  const dims = header.flatMap((h, k) => (NOT_DIMENSIONS.has(h) ? [] : [{ k, name: canonicalDimension(h) }]));
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const got = readObservations(rows, header, dims, builder, { text, trailing, valueAt, file });
  const tableId = /:([A-Z0-9_]+)\(/.exec(got.dataflow)?.[1]?.toLowerCase();
  const columnOf = Object.fromEntries(dims.map((d) => [d.name, d.k + 1]));
  return normalise(builder.finish(), { file, lineOf: (r) => got.lineOfRow[r] ?? 0, columnOf })
    .withWarnings(...readWarnings(got.duplicates, got.boms))
    .withProvenance({
      format: "sdmx-csv",
      source: "Eurostat",
      ...(tableId ? { tableId } : {}),
      ...(got.updated ? { updated: got.updated } : {}),
    });
}

/**
 * How many empty cells at the end of a data line are Excel's and passed over: those the first line has beyond the
 * header's, or as many as every data line carries (`...,582443,,,,`), so that a line with one cell too many (an
 * unquoted comma) is still an error.
 */
function trailingCells(rows: Row[], header: string[], text: string): number {
  const emptyTail = (cells: string[]) => {
    let k = 0;
    while (cells.length - k > header.length && cells[cells.length - 1 - k]!.trim() === "") k++;
    return k;
  };
  let common = Infinity;
  // (a last line without a line break may be cut inside its empty cells: it does not count)
  const counted = /[\r\n]$/.test(text) ? rows.length : rows.length - 1;
  for (let r = 1; r < counted && common > 0; r++)
    if (rows[r]!.cells.some((c) => c.trim() !== "")) common = Math.min(common, emptyTail(rows[r]!.cells));
  return Math.max((rows[0]?.cells.length ?? 0) - header.length, Number.isFinite(common) ? common : 0);
}

/**
 * Pushes every data row's observation into `builder`: the BOMs of joined files are removed and counted, exact
 * repeats left out and counted, and a row of the wrong width, a repeated header, a bad OBS_VALUE or TIME_PERIOD and
 * a repeat with another value are errors naming the line.
 */
function readObservations(
  rows: Row[],
  header: string[],
  dims: Dim[],
  builder: TidyBuilder,
  where: { text: string; trailing: number; valueAt: number; file: string | undefined },
): Collected {
  const { valueAt, file } = where;
  const flagAt = header.includes("OBS_FLAG") ? header.indexOf("OBS_FLAG") : header.indexOf("OBS_STATUS");
  const timeAt = dims.findIndex((d) => d.name === "year");
  const labels = new Array<string>(dims.length);
  const got: Collected = { dataflow: "", updated: "", duplicates: 0, boms: 0, lineOfRow: [] };
  const seen = new Map<string, { line: number; value: string; flag: string }>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells[0]?.charCodeAt(0) === 0xfeff) {
      row.cells[0] = row.cells[0].slice(1);
      got.boms++;
    }
    if (row.cells.every((c) => c.trim() === "")) continue;
    fitRow(row, r === rows.length - 1, header, where);
    if (r === 1) {
      got.dataflow = header[0] === "DATAFLOW" ? row.cells[0]! : "";
      const u = header.indexOf("LAST UPDATE");
      got.updated = u >= 0 ? row.cells[u]! : "";
    }
    const raw = row.cells[valueAt]!;
    const cell = obsValue(raw, row.line, valueAt, file);
    const flag = flagAt >= 0 ? row.cells[flagAt]!.trim() : "";
    for (let d = 0; d < dims.length; d++) labels[d] = row.cells[dims[d]!.k]!;
    if (timeAt >= 0) checkPeriod(labels[timeAt]!, row.line, dims[timeAt]!.k, file);
    const key = labels.join("\u0000");
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.value === raw && earlier.flag === flag) {
        got.duplicates++;
        continue;
      }
      throw new OmvarldError(
        "PARSE",
        `line ${row.line} repeats the observation of line ${earlier.line} with another value`,
        { file, line: row.line, column: valueAt + 1 },
        "the file holds two versions of the same observation; keep one",
      );
    }
    seen.set(key, { line: row.line, value: raw, flag });
    builder.push(labels, cell.value, obsStatus(cell, flag));
    got.lineOfRow.push(row.line);
  }
  return got;
}

/**
 * Drops Excel's empty cells from the end of a data row (`trailing` of them, and the one a last line ending in a
 * delimiter without a line break has), then checks it: a repeated header line, or a width other than the
 * header's, is an error (a short last line: the file was cut).
 */
function fitRow(
  row: Row,
  last: boolean,
  header: string[],
  where: { text: string; trailing: number; file: string | undefined },
): void {
  const { text, trailing, file } = where;
  for (let k = 0; k < trailing && row.cells.length > header.length && row.cells.at(-1)!.trim() === ""; k++)
    row.cells.pop();
  // a last line that ends in a delimiter and no line break (a spreadsheet's save) has one empty cell too many
  if (last && row.cells.length === header.length + 1 && row.cells.at(-1) === "" && !/[\r\n]$/.test(text))
    row.cells.pop();
  if (row.cells[0] === "DATAFLOW") {
    throw new OmvarldError(
      "PARSE",
      `the header line is repeated at line ${row.line}`,
      { file, line: row.line, column: 1 },
      "two files were joined into one; read them one by one",
    );
  }
  if (row.cells.length !== header.length) {
    throw new OmvarldError(
      last && row.cells.length < header.length ? "FILE_TRUNCATED" : "PARSE",
      `the line has ${row.cells.length} cells, expected ${header.length}`,
      { file, line: row.line },
      row.cells.length < header.length ? "the file may be cut off" : "a label may hold an unquoted comma",
    );
  }
}

/** An OBS_VALUE as a value and symbol (`582443`, `:`); text that is neither, or an over-long number, is an error. */
function obsValue(raw: string, line: number, valueAt: number, file: string | undefined): ReturnType<typeof parseCell> {
  const cell = parseCell(raw);
  if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
    throw new OmvarldError(
      "PARSE",
      `expected a number or ":" in OBS_VALUE, found ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}...` : raw)}`,
      { file, line, column: valueAt + 1 },
    );
  }
  return cell;
}

/**
 * An observation's status: its flag (`p`), the symbol of a missing value joined with its flag (`: c`), the symbol
 * alone, or `:` for an empty OBS_VALUE without a flag.
 */
function obsStatus(cell: ReturnType<typeof parseCell>, flag: string): string | null {
  const symbol = cell.value === null ? cell.status : null;
  if (flag === "") return cell.value === null ? (symbol ?? ":") : cell.status;
  return symbol ? `${symbol} ${flag}` : flag;
}

/** A TIME_PERIOD that is no year, quarter, month or week (`2020Q1`) is an error naming its cell. */
function checkPeriod(label: string, line: number, k: number, file: string | undefined): void {
  if (parsePeriod(label)) return;
  throw new OmvarldError(
    "PARSE",
    `TIME_PERIOD ${JSON.stringify(label.slice(0, 40))} is not a year, quarter, month or week`,
    { file, line, column: k + 1 },
    'expected "2017", "2020Q1", "2020M01" or "2023W29"',
  );
}

/** The warnings of a read: exact repeats left out (`2 lines repeated …`) and byte order marks removed. */
function readWarnings(duplicates: number, boms: number): string[] {
  return [
    ...(duplicates
      ? [
          `${duplicates} line${duplicates > 1 ? "s" : ""} repeated an earlier observation exactly and ${duplicates > 1 ? "were" : "was"} left out`,
        ]
      : []),
    ...(boms
      ? [`${boms} line${boms > 1 ? "s" : ""} started with a byte order mark (U+FEFF), removed (were files joined?)`]
      : []),
  ];
}
