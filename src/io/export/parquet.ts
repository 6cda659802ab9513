import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";

/** How a table is written as Parquet. */
export interface ParquetWriteOptions {
  /** Compression: "SNAPPY" (default, what every Parquet reader takes) or "UNCOMPRESSED". */
  codec?: "SNAPPY" | "UNCOMPRESSED";
  /** Rows per row group (default: hyparquet-writer's, 100 000). */
  rowGroupSize?: number;
}

/** Whole-number dimensions (year, age as a number) are written as INT32; other numbers as DOUBLE. */
function isInt32(values: Float64Array): boolean {
  for (const v of values)
    if (!Number.isNaN(v) && (!Number.isInteger(v) || v < -2147483648 || v > 2147483647)) return false;
  return true;
}

/**
 * A table as Parquet bytes, written by hyparquet-writer (pure JavaScript, no WebAssembly, no Arrow needed): text as
 * STRING (UTF-8, dictionary-encoded where that pays), numbers as DOUBLE, whole-number dimensions such as the year
 * as INT32, missing as null; Snappy-compressed; the provenance as JSON in the key-value metadata under
 * "omvarld.provenance".
 *
 * @example
 * const bytes = await toParquet(table);
 * await writeFile("befolkning.parquet", bytes); // DuckDB: SELECT * FROM 'befolkning.parquet'
 */
export async function toParquet(table: Table, options: ParquetWriteOptions = {}): Promise<Uint8Array> {
  let writer: typeof import("hyparquet-writer");
  try {
    writer = await import("hyparquet-writer");
  } catch {
    throw new OmvarldError("DEPENDENCY", "hyparquet-writer cannot be loaded", {}, "npm install hyparquet-writer");
  }
  const columnData = table.schema.map((field) => {
    const column = table.column(field.name);
    const data = Array.from({ length: table.numRows }, (_, i) => column.get(i));
    if (column.type === "string") return { name: field.name, data, type: "STRING" as const, nullable: true };
    const int = field.role === "dimension" && isInt32(column.values);
    return { name: field.name, data, type: int ? ("INT32" as const) : ("DOUBLE" as const), nullable: true };
  });
  const buffer = writer.parquetWriteBuffer({
    columnData,
    codec: options.codec ?? "SNAPPY",
    ...(options.rowGroupSize ? { rowGroupSize: options.rowGroupSize } : {}),
    kvMetadata: [{ key: "omvarld.provenance", value: JSON.stringify(table.provenance) }],
    createdBy: "omvarld",
  });
  return new Uint8Array(buffer);
}
