import { localeOr } from "../../charts/words/locales.ts";
import { OmvarldError } from "../../errors.ts";
import { cacheFolder, fileCache } from "../../io/api/cache-node.ts";
import { fetchTable } from "../../io/api/fetch-table.ts";
import type { HttpOptions } from "../../io/api/http.ts";
import { Kolada } from "../../io/api/kolada.ts";
import { PxWeb2 } from "../../io/api/pxweb2.ts";
import type { Selection } from "../../io/api/selection.ts";
import { toCSV } from "../../io/csv/write.ts";
import { writeTableFile } from "../table-file.ts";
import type { Table } from "../../table/table.ts";
import type { Locale } from "../../charts/locale.ts";
import { formatNumber } from "../../charts/locale.ts";

/** How the agencies' APIs are asked: the cache, the server, the labels' language and the numbers' format. */
export interface FetchOptions {
  /** The folder of cached answers (default `cacheFolder()`: OMVARLD_CACHE, else the platform's cache folder). */
  cacheDir?: string;
  /** The API's base URL, for a mirror or a test server (default the agency's own). */
  baseUrl?: string;
  /** Answer from the cache only; an answer not cached is an error. */
  offline?: boolean;
  /** Ask the API again even when the cache holds a fresh answer. */
  refresh?: boolean;
  /** The language of the labels at the API: sv, nb (sent as PxWeb's "no") or en; default the API's (sv at SCB). */
  lang?: "sv" | "nb" | "no" | "en";
  /** The format of the numbers in the text returned and in progress lines (default sv: "150 000"). */
  locale?: Locale;
}

/** What to fetch of a table and where the rows go. */
export interface FetchTableTextOptions extends FetchOptions {
  /** What to fetch of each variable, e.g. `{ Region: "2021", Tid: "top(1)" }`; variables left out are summed. */
  selection?: Selection;
  /** Write the table to this file (.csv, .xlsx or .json), complete or not at all, instead of returning CSV. */
  file?: string;
  /** Eurostat: the first and last period, e.g. "2015" and "2023". */
  from?: string;
  to?: string;
  /** Progress lines of a selection that takes several calls; `final` is true on the last. */
  onProgress?: (line: string, final: boolean) => void;
}

/** The HTTP options: the file cache, offline, refresh. */
function httpOptions(options: FetchOptions): HttpOptions {
  return {
    cache: fileCache(options.cacheDir ?? cacheFolder()),
    ...(options.offline ? { offline: true } : {}),
    ...(options.refresh ? { refresh: true } : {}),
  };
}

/** PxWebApi's language codes: Norwegian is "no" (nb is taken for it). */
function apiLang(lang: string): string {
  return lang === "nb" ? "no" : lang;
}

function pxweb(agency: string, options: FetchOptions): PxWeb2 {
  if (agency !== "scb" && agency !== "ssb") {
    throw new OmvarldError("ARGUMENT", `unknown agency "${agency}" for PxWeb`, {}, "scb or ssb");
  }
  return new PxWeb2(agency, {
    ...httpOptions(options),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.lang ? { lang: apiLang(options.lang) } : {}),
  });
}

/**
 * The tables of SCB's or SSB's PxWebApi 2 (or, for agency "kolada", the Kolada KPIs) whose titles hold the words,
 * one a line with its id and last update; what `omvarld search` prints.
 *
 * @example
 * console.log(await searchText("befolkning", "scb")); // "TAB638   Folkmängden efter region, … (updated 2025-02-21)"
 */
export async function searchText(text: string, agency: string, options: FetchOptions = {}): Promise<string> {
  if (agency === "kolada") {
    const kpis = await new Kolada({
      ...httpOptions(options),
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    }).searchKpi(text);
    return kpis.map((k) => `${k.id.padEnd(8)} ${k.title}`).join("\n") || `no KPI matches "${text}"`;
  }
  const { tables, total } = await pxweb(agency, options).search(text, { pageSize: 50 });
  if (tables.length === 0) return `no table matches "${text}"`;
  const lines = tables.map(
    (t) =>
      `${t.id.padEnd(8)} ${t.label}${t.updated ? ` (updated ${t.updated.slice(0, 10)})` : ""}${t.discontinued ? " [discontinued]" : ""}`,
  );
  if (total > tables.length)
    lines.push(
      `… ${formatNumber(total - tables.length, localeOr(options.locale))} more: add words to narrow the search`,
    );
  return lines.join("\n");
}

/**
 * A PxWebApi 2 table's title, update time, variables (codes with labels, whether each may be left out, its code
 * lists) and the API's limits; what `omvarld meta` prints.
 *
 * @example
 * console.log(await metaText("scb", "TAB638")); // "TAB638: Folkmängden efter region, …", "variables:", …
 */
export async function metaText(agency: string, tableId: string, options: FetchOptions = {}): Promise<string> {
  const client = pxweb(agency, options);
  const [metadata, config] = await Promise.all([client.metadata(tableId), client.config()]);
  const n = (x: number) => formatNumber(x, localeOr(options.locale));
  const lines = [
    `${tableId}: ${metadata.label}`,
    `source: ${metadata.source}${metadata.updated ? `, updated ${metadata.updated}` : ""}`,
    "variables:",
  ];
  for (const v of metadata.variables) {
    const shown = v.values.slice(0, 6).map((c) => (v.labels[c] && v.labels[c] !== c ? `${c} ${v.labels[c]}` : c));
    const more = v.values.length > 6 ? `, … ${v.values.at(-1)}` : "";
    const roles = [v.time ? "time" : "", v.elimination ? "may be left out" : "required"].filter(Boolean).join(", ");
    lines.push(`  ${v.code} (${v.label}; ${n(v.values.length)} values; ${roles}): ${shown.join(", ")}${more}`);
    if (v.codelists.length) lines.push(`    code lists: ${v.codelists.map((c) => c.id).join(", ")}`);
  }
  lines.push(
    `limits: at most ${n(config.maxDataCells)} cells per call, ${n(config.maxCallsPerTimeWindow)} calls per ${n(config.timeWindow)} s`,
  );
  return lines.join("\n");
}

/**
 * A table from SCB, SSB (PxWebApi 2), Eurostat or Kolada with a selection (see `fetchTable`): `output` is the table
 * as CSV, or, with `file`, the path it was written to (never half-written); what `omvarld fetch` prints.
 *
 * @example
 * const { table } = await fetchTableText("scb", "TAB638", { selection: { Region: "2021", Tid: "top(1)" } });
 * table.toRows(); // [{ region: "2021", region_name: "Vansbro", contents: "BE0101N1", …, year: 2024, value: … }]
 */
export async function fetchTableText(
  agency: string,
  tableId: string,
  options: FetchTableTextOptions = {},
): Promise<{ table: Table; output: string }> {
  const started = Date.now();
  const n = (x: number, digits = 0) => formatNumber(x, localeOr(options.locale), digits);
  const progress = options.onProgress ?? (() => {});
  const table = await fetchTable(agency, tableId, options.selection ?? {}, {
    http: httpOptions(options),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.lang ? { lang: apiLang(options.lang) } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
    onPlan: (plan) =>
      progress(
        `${tableId}: ${n(plan.cells)} cells, more than the ${n(plan.maxCells)} one call may hold: ${n(plan.calls)} calls`,
        true,
      ),
    onProgress: (done, total) => {
      if (total > 1)
        progress(
          `${tableId}: ${n(done)}/${n(total)} calls${done === total ? ` in ${n((Date.now() - started) / 1000, 1)} s` : ""}`,
          done === total,
        );
    },
  });
  if (!options.file) return { table, output: toCSV(table) };
  await writeTableFile(table, options.file);
  return { table, output: options.file };
}
