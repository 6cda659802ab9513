import { writeFile } from "node:fs/promises";
import type { Table } from "../../table/table.ts";
import { writeFileAtomic } from "../atomic-file.ts";
import { type CsvWriteOptions, toCSVBytes } from "../csv/write.ts";
import { type ArrowWriteOptions, toArrowIPC } from "./arrow.ts";
import { type ParquetWriteOptions, toParquet } from "./parquet.ts";
import { toXLSX, type XlsxTables, type XlsxWriteOptions } from "./xlsx.ts";

/** Writes bytes to `path` so that it is never seen half-written (a temporary file renamed over it). */
async function writeBytes(path: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<void> {
  const data = await bytes;
  await writeFileAtomic(path, (temporary) => writeFile(temporary, data));
}

/**
 * Writes a table to a CSV file (see `toCSV` for the options; `{ excel: "sv" }` for Swedish Excel).
 *
 * @example
 * await writeCSV(table, "befolkning.csv", { excel: "sv" });
 */
export function writeCSV(table: Table, path: string, options: CsvWriteOptions = {}): Promise<void> {
  return writeBytes(path, toCSVBytes(table, options));
}

/**
 * Writes tables to an XLSX workbook, one sheet each (see `toXLSX`).
 *
 * @example
 * await writeXLSX({ Befolkning: population, Prognos: projection }, "annex.xlsx");
 */
export function writeXLSX(tables: XlsxTables, path: string, options: XlsxWriteOptions = {}): Promise<void> {
  return writeBytes(path, toXLSX(tables, options));
}

/**
 * Writes a table to an Arrow IPC file (`.arrow`, the file format; `{ format: "stream" }` for `.arrows`). Needs the
 * optional peer dependency apache-arrow.
 *
 * @example
 * await writeArrow(table, "befolkning.arrow");
 */
export function writeArrow(table: Table, path: string, options: ArrowWriteOptions = {}): Promise<void> {
  return writeBytes(path, toArrowIPC(table, options));
}

/**
 * Writes a table to a Parquet file (see `toParquet`).
 *
 * @example
 * await writeParquet(table, "befolkning.parquet");
 */
export function writeParquet(table: Table, path: string, options: ParquetWriteOptions = {}): Promise<void> {
  return writeBytes(path, toParquet(table, options));
}
