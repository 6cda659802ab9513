import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { readEurostatTsv } from "../readers/eurostat.ts";
import { readJsonStat } from "../readers/jsonstat.ts";
import { HttpClient, type HttpOptions, HttpStatusError } from "./http.ts";

/** Eurostat's dissemination API. */
export const EUROSTAT_URL = "https://ec.europa.eu/eurostat/api/dissemination/";

export interface EurostatQuery {
  /** Dimension filters, e.g. `{ geo: ["SE", "NO"], unit: "NR", sex: "T", age: "TOTAL" }`. */
  filters?: Readonly<Record<string, string | readonly string[]>>;
  /** First and last period, e.g. 2015, "2020" or "2020-Q1". */
  since?: string | number;
  until?: string | number;
  /** "json" (JSON-stat 2, default, filtered on the server) or "tsv" (SDMX 2.1 TSV, filtered while reading). */
  format?: "json" | "tsv";
  lang?: "EN" | "FR" | "DE";
}

/**
 * A Eurostat dataset by code with dimension filters and a time range, as a tidy table: JSON-stat 2 from
 * `statistics/1.0/data/{code}?geo=SE&sinceTimePeriod=2015` (the sparse `value` object is read as it is), or the
 * SDMX 2.1 TSV of `sdmx/2.1/data/{code}?format=TSV` with the filters applied while reading.
 *
 * @example
 * const t = await eurostat("demo_r_pjanaggr3", { filters: { geo: "SE312", sex: "T", age: "TOTAL", unit: "NR" }, since: 2015 });
 */
export async function eurostat(
  code: string,
  query: EurostatQuery = {},
  options: HttpOptions & { baseUrl?: string; http?: HttpClient } = {},
): Promise<Table> {
  const http = options.http ?? new HttpClient(options);
  const base = (options.baseUrl ?? EUROSTAT_URL).replace(/\/?$/, "/");
  const params = new URLSearchParams();
  const tsv = query.format === "tsv";
  if (tsv) {
    params.append("format", "TSV");
    if (query.since !== undefined) params.append("startPeriod", String(query.since));
    if (query.until !== undefined) params.append("endPeriod", String(query.until));
  } else {
    params.append("format", "JSON");
    params.append("lang", query.lang ?? "EN");
    for (const [dimension, values] of Object.entries(query.filters ?? {}))
      for (const v of typeof values === "string" ? [values] : values) params.append(dimension, v);
    if (query.since !== undefined) params.append("sinceTimePeriod", String(query.since));
    if (query.until !== undefined) params.append("untilTimePeriod", String(query.until));
  }
  const url = `${base}${tsv ? "sdmx/2.1" : "statistics/1.0"}/data/${encodeURIComponent(code)}?${params}`;
  let table: Table;
  let retrieved: string;
  try {
    if (tsv) {
      const response = await http.request({ url, expect: "text" });
      retrieved = response.retrieved;
      const where = Object.fromEntries(
        Object.entries(query.filters ?? {}).map(([k, v]) => [
          k === "geo" ? "region" : k,
          typeof v === "string" ? [v] : [...v],
        ]),
      );
      table = readEurostatTsv(new TextDecoder().decode(response.body), { file: url, where });
    } else {
      const { json, response } = await http.json<Record<string, unknown>>(url);
      retrieved = response.retrieved;
      if (json.error)
        throw new OmvarldError("ARGUMENT", `Eurostat: ${eurostatError(json.error)} (${code})`, { file: url });
      table = readJsonStat(json, { file: url });
    }
  } catch (error) {
    if (error instanceof HttpStatusError && (error.status === 404 || error.status === 400)) {
      throw new OmvarldError(
        "ARGUMENT",
        `Eurostat has no dataset "${code}" or refused the filters: ${error.detail}`,
        { file: url },
        "dataset codes look like demo_r_pjanaggr3; dimension codes like geo=SE312",
      );
    }
    throw error;
  }
  return table.withProvenance({ source: "Eurostat", tableId: code, url, query: params.toString(), retrieved });
}

function eurostatError(error: unknown): string {
  const first = Array.isArray(error) ? error[0] : error;
  const e = first as { label?: string; status?: number } | undefined;
  return e?.label ?? JSON.stringify(error);
}
