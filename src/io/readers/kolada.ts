import type { Table } from "../../table/table.ts";
import { normalise, TidyBuilder } from "../tidy.ts";

interface KoladaResponse {
  values: { kpi: string; municipality: string; period: string | number; values: { gender: string; value: number | null; status?: string }[] }[];
}

/** Reads a Kolada API response (v2/v3): `values[].values[]` by kpi, municipality, period and gender (T/K/M). */
export function readKolada(json: unknown, options: { file?: string | undefined } = {}): Table {
  const builder = new TidyBuilder(["kpi", "region", "year", "sex"]);
  for (const row of (json as KoladaResponse).values) {
    for (const v of row.values) {
      builder.push([row.kpi, row.municipality, String(row.period), v.gender], v.value, v.value === null ? v.status || ".." : null);
    }
  }
  return normalise(builder.finish(), { file: options.file }).withProvenance({ format: "kolada", source: "Kolada" });
}
