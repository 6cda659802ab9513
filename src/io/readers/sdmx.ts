import type { Table } from "../../table/table.ts";
import { readCsv } from "./csv.ts";

/**
 * Reads SDMX-CSV 1.0 (Eurostat "linear" CSV): `DATAFLOW,LAST UPDATE,<dimensions>,TIME_PERIOD,OBS_VALUE,OBS_FLAG`.
 * The dataflow becomes the table id; OBS_VALUE the `value`, OBS_FLAG the `status`.
 */
export function readSdmxCsv(text: string, options: { file?: string | undefined } = {}): Table {
  const raw = readCsv(text, { ...options, delimiter: "," });
  const dataflow = raw.has("DATAFLOW") ? String(raw.get("DATAFLOW", 0) ?? "") : "";
  const updated = raw.has("LAST UPDATE") ? String(raw.get("LAST UPDATE", 0) ?? "") : "";
  const tableId = /:([A-Z0-9_]+)\(/.exec(dataflow)?.[1]?.toLowerCase();
  let table = raw.drop(...["DATAFLOW", "LAST UPDATE"].filter((c) => raw.has(c))).rename({ OBS_VALUE: "value" });
  if (table.has("OBS_FLAG")) {
    table = table.rename({ OBS_FLAG: "status" }).withRoles({ status: "status" });
  }
  const names = table.schema.map((f) => f.name);
  const ordered = [...names.filter((n) => n !== "value" && n !== "status"), "value", ...(names.includes("status") ? ["status"] : [])];
  return table.select(...ordered).withProvenance({
    format: "sdmx-csv",
    source: "Eurostat",
    ...(tableId ? { tableId } : {}),
    ...(updated ? { updated } : {}),
  });
}
