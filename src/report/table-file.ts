import { writeFile } from "node:fs/promises";
import { OmvarldError } from "../errors.ts";
import { writeFileAtomic } from "../io/atomic-file.ts";
import { writeArrow, writeCSV, writeParquet, writeXLSX } from "../io/export/node.ts";
import type { Table } from "../table/table.ts";

const EXTENSIONS = ["csv", "xlsx", "json", "parquet", "arrow"] as const;

/**
 * Writes a table to `path` by its extension — .csv (RFC 4180), .xlsx (one sheet, the source below the table),
 * .parquet, .arrow (Arrow IPC file) or .json (provenance and rows) — never half-written (`writeFileAtomic`).
 *
 * @example
 * await writeTableFile(table, "vansbro.xlsx");
 */
export async function writeTableFile(table: Table, path: string): Promise<void> {
  const extension = /\.(\w+)$/.exec(path)?.[1]?.toLowerCase();
  switch (extension) {
    case "csv":
      return writeCSV(table, path);
    case "xlsx":
      return writeXLSX(table, path);
    case "parquet":
      return writeParquet(table, path);
    case "arrow":
      return writeArrow(table, path);
    case "json":
      return writeFileAtomic(path, (temporary) =>
        writeFile(
          temporary,
          `${JSON.stringify({ provenance: table.provenance, rows: table.toRows() }, null, 1)}\n`,
          "utf8",
        ),
      );
    default:
      throw new OmvarldError("ARGUMENT", `the output file must end in ${EXTENSIONS.map((e) => `.${e}`).join(", ")}`, {
        file: path,
      });
  }
}
