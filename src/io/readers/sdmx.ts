import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { splitRows } from "../csv/tokenize.ts";
import { canonicalDimension, parsePeriod } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";

/** SDMX-CSV columns that are not dimensions. */
const NOT_DIMENSIONS = new Set(["DATAFLOW", "LAST UPDATE", "OBS_VALUE", "OBS_FLAG", "OBS_STATUS", "CONF_STATUS"]);

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
  // Excel may append empty cells to the data lines and not to the header (`...,582443,,,,`): as many as every data
  // line carries are passed over, so that a line with one cell too many (an unquoted comma) is still an error
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
  const trailing = Math.max((rows[0]?.cells.length ?? 0) - header.length, Number.isFinite(common) ? common : 0);
  const valueAt = header.indexOf("OBS_VALUE");
  if (valueAt < 0)
    throw new OmvarldError(
      "PARSE",
      "SDMX-CSV without an OBS_VALUE column",
      { file, line: 1 },
      "expected the header DATAFLOW,...,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
    );
  const flagAt = header.includes("OBS_FLAG") ? header.indexOf("OBS_FLAG") : header.indexOf("OBS_STATUS");
  const dims = header.flatMap((h, k) => (NOT_DIMENSIONS.has(h) ? [] : [{ k, name: canonicalDimension(h) }]));
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const lineOfRow: number[] = [];
  const timeAt = dims.findIndex((d) => d.name === "year");
  const labels = new Array<string>(dims.length);
  let dataflow = "";
  let updated = "";
  const seen = new Map<string, { line: number; value: string; flag: string }>();
  let duplicates = 0;
  let boms = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells[0]?.charCodeAt(0) === 0xfeff) {
      row.cells[0] = row.cells[0].slice(1);
      boms++;
    }
    if (row.cells.every((c) => c.trim() === "")) continue;
    for (let k = 0; k < trailing && row.cells.length > header.length && row.cells.at(-1)!.trim() === ""; k++)
      row.cells.pop();
    // a last line that ends in a delimiter and no line break (a spreadsheet's save) has one empty cell too many
    if (
      r === rows.length - 1 &&
      row.cells.length === header.length + 1 &&
      row.cells.at(-1) === "" &&
      !/[\r\n]$/.test(text)
    )
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
        r === rows.length - 1 && row.cells.length < header.length ? "FILE_TRUNCATED" : "PARSE",
        `the line has ${row.cells.length} cells, expected ${header.length}`,
        { file, line: row.line },
        row.cells.length < header.length ? "the file may be cut off" : "a label may hold an unquoted comma",
      );
    }
    if (r === 1) {
      dataflow = header[0] === "DATAFLOW" ? row.cells[0]! : "";
      const u = header.indexOf("LAST UPDATE");
      updated = u >= 0 ? row.cells[u]! : "";
    }
    const raw = row.cells[valueAt]!;
    const cell = parseCell(raw);
    if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
      throw new OmvarldError(
        "PARSE",
        `expected a number or ":" in OBS_VALUE, found ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}...` : raw)}`,
        { file, line: row.line, column: valueAt + 1 },
      );
    }
    const flag = flagAt >= 0 ? row.cells[flagAt]!.trim() : "";
    const symbol = cell.value === null ? cell.status : null;
    const status =
      flag === "" ? (cell.value === null ? (symbol ?? ":") : cell.status) : symbol ? `${symbol} ${flag}` : flag;
    for (let d = 0; d < dims.length; d++) labels[d] = row.cells[dims[d]!.k]!;
    if (timeAt >= 0 && !parsePeriod(labels[timeAt]!)) {
      const shown = JSON.stringify(labels[timeAt]!.slice(0, 40));
      throw new OmvarldError(
        "PARSE",
        `TIME_PERIOD ${shown} is not a year, quarter, month or week`,
        { file, line: row.line, column: dims[timeAt]!.k + 1 },
        'expected "2017", "2020Q1", "2020M01" or "2023W29"',
      );
    }
    const key = labels.join("\u0000");
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.value === raw && earlier.flag === flag) {
        duplicates++;
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
    builder.push(labels, cell.value, status);
    lineOfRow.push(row.line);
  }
  const tableId = /:([A-Z0-9_]+)\(/.exec(dataflow)?.[1]?.toLowerCase();
  const warnings = [
    ...(duplicates
      ? [
          `${duplicates} line${duplicates > 1 ? "s" : ""} repeated an earlier observation exactly and ${duplicates > 1 ? "were" : "was"} left out`,
        ]
      : []),
    ...(boms
      ? [`${boms} line${boms > 1 ? "s" : ""} started with a byte order mark (U+FEFF), removed (were files joined?)`]
      : []),
  ];
  const columnOf = Object.fromEntries(dims.map((d) => [d.name, d.k + 1]));
  return normalise(builder.finish(), { file, lineOf: (r) => lineOfRow[r] ?? 0, columnOf })
    .withWarnings(...warnings)
    .withProvenance({
      format: "sdmx-csv",
      source: "Eurostat",
      ...(tableId ? { tableId } : {}),
      ...(updated ? { updated } : {}),
    });
}
