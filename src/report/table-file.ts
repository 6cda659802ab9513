import { writeFile } from "node:fs/promises";
import { OmvarldError } from "../errors.ts";
import { writeFileAtomic } from "../io/atomic-file.ts";
import { toCsv } from "../io/csv/write.ts";
import type { Table } from "../table/table.ts";
import { writeXlsx } from "./workbook.ts";

/**
 * Writes a table to `path` by its extension — .csv (RFC 4180), .json (provenance and rows) or .xlsx (one sheet with
 * the provenance as notes) — never half-written (`writeFileAtomic`).
 *
 * @example
 * await writeTableFile(table, "vansbro.xlsx");
 */
export async function writeTableFile(table: Table, path: string): Promise<void> {
  const extension = /\.(csv|xlsx|json)$/i.exec(path)?.[1]?.toLowerCase();
  if (!extension) throw new OmvarldError("ARGUMENT", `--out ${path}: the file must end in .csv, .xlsx or .json`);
  await writeFileAtomic(path, async (temporary) => {
    if (extension === "csv") await writeFile(temporary, toCsv(table), "utf8");
    else if (extension === "json") await writeFile(temporary, `${JSON.stringify({ provenance: table.provenance, rows: table.toRows() }, null, 1)}\n`, "utf8");
    else {
      const p = table.provenance;
      await writeXlsx(
        [{
          name: (p.tableId ?? "data").slice(0, 31),
          title: p.title ?? p.tableId ?? "",
          columns: table.columnNames.map((name) => ({ key: name, header: name, ...(name === "value" ? { format: "#,##0.###" } : {}) })),
          rows: table.toRows().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" || typeof v === "string" ? v : v === null ? null : String(v)]))),
          notes: [`${p.source ?? ""} ${p.tableId ?? ""}`.trim(), ...(p.updated ? [`updated ${p.updated}`] : []), ...(p.url ? [p.url] : []), ...(p.query ? [p.query] : []), ...(p.retrieved ? [`retrieved ${p.retrieved}`] : [])],
        }],
        temporary,
      );
    }
  });
}
