import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { splitRows } from "../csv/tokenize.ts";
import { canonicalDimension } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import { parseCell } from "../values.ts";

/** SDMX-CSV columns that are not dimensions. */
const NOT_DIMENSIONS = new Set(["DATAFLOW", "LAST UPDATE", "OBS_VALUE", "OBS_FLAG", "OBS_STATUS", "CONF_STATUS"]);

/**
 * Reads SDMX-CSV 1.0 (Eurostat "linear" CSV): `DATAFLOW,LAST UPDATE,<dimensions>,TIME_PERIOD,OBS_VALUE,OBS_FLAG`.
 * The dataflow becomes the table id; OBS_VALUE the `value`; OBS_FLAG (or OBS_STATUS) the `status`, kept per
 * observation. An OBS_VALUE that is a symbol (`:`) is missing with the symbol as status, joined with its flag
 * (`: c`) as in Eurostat's TSV. A row with the wrong number of cells or an OBS_VALUE that is neither a number nor
 * a symbol is an error naming the line and column.
 */
export function readSdmxCsv(text: string, options: { file?: string | undefined } = {}): Table {
  const file = options.file;
  const rows = splitRows(text, ",");
  const header = rows[0]?.cells.map((h) => h.trim()) ?? [];
  const valueAt = header.indexOf("OBS_VALUE");
  if (valueAt < 0) throw new OmvarldError("PARSE", "SDMX-CSV without an OBS_VALUE column", { file, line: 1 }, "expected the header DATAFLOW,...,TIME_PERIOD,OBS_VALUE,OBS_FLAG");
  const flagAt = header.includes("OBS_FLAG") ? header.indexOf("OBS_FLAG") : header.indexOf("OBS_STATUS");
  const dims = header.flatMap((h, k) => (NOT_DIMENSIONS.has(h) ? [] : [{ k, name: canonicalDimension(h) }]));
  const builder = new TidyBuilder(dims.map((d) => d.name));
  const labels = new Array<string>(dims.length);
  let dataflow = "";
  let updated = "";
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.cells.length === 1 && row.cells[0]!.trim() === "") continue;
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
      throw new OmvarldError("PARSE", `expected a number or ":" in OBS_VALUE, found ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}...` : raw)}`, { file, line: row.line, column: valueAt + 1 });
    }
    const flag = flagAt >= 0 ? row.cells[flagAt]!.trim() : "";
    const symbol = cell.value === null ? cell.status : null;
    const status = flag === "" ? (cell.value === null ? symbol ?? ":" : cell.status) : symbol ? `${symbol} ${flag}` : flag;
    for (let d = 0; d < dims.length; d++) labels[d] = row.cells[dims[d]!.k]!;
    builder.push(labels, cell.value, status);
  }
  const tableId = /:([A-Z0-9_]+)\(/.exec(dataflow)?.[1]?.toLowerCase();
  return normalise(builder.finish(), { file }).withProvenance({
    format: "sdmx-csv",
    source: "Eurostat",
    ...(tableId ? { tableId } : {}),
    ...(updated ? { updated } : {}),
  });
}
