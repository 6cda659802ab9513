import type { Table } from "../../table/table.ts";
import { toArrow } from "../../table/arrow.ts";

/** How a table is written as Arrow IPC. */
export interface ArrowWriteOptions {
  /** "file" (default; `.arrow`, random access, what pyarrow.feather and DuckDB read) or "stream" (`.arrows`). */
  format?: "file" | "stream";
}

/**
 * A table as Arrow IPC bytes (numbers as Float64, text as dictionary-encoded Utf8, missing as null), with the
 * provenance as JSON in the schema metadata under "omvarld.provenance". Needs the optional peer dependency
 * apache-arrow.
 *
 * @example
 * const bytes = await toArrowIPC(table);
 * tableFromIPC(bytes).numRows === table.numRows; // true (apache-arrow)
 */
export async function toArrowIPC(table: Table, options: ArrowWriteOptions = {}): Promise<Uint8Array> {
  const arrowTable = await toArrow(table);
  // the Arrow table is new, so its schema's metadata is ours to fill
  arrowTable.schema.metadata.set("omvarld.provenance", JSON.stringify(table.provenance));
  const { tableToIPC } = await import("apache-arrow");
  return tableToIPC(arrowTable, options.format ?? "file");
}
