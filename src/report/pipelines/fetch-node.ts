import { OmvarldError } from "../../errors.ts";
import { fileCache } from "../../io/api/cache-node.ts";
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

/** What the fetch commands take from the command line. */
export interface FetchFlags {
  select?: string[];
  codelist?: string[];
  out?: string;
  offline?: boolean;
  refresh?: boolean;
  /** The language of the labels: sv, no (or nb) or en. */
  lang?: string;
  /** The format of the numbers in progress lines (default sv). */
  locale?: Locale;
  from?: string;
  to?: string;
}

/** The HTTP options of the CLI: the file cache (OMVARLD_CACHE or the platform's cache folder), --offline, --refresh. */
function httpOptions(flags: FetchFlags): HttpOptions {
  return {
    cache: fileCache(),
    ...(flags.offline ? { offline: true } : {}),
    ...(flags.refresh ? { refresh: true } : {}),
  };
}

function pxweb(agency: string, flags: FetchFlags): PxWeb2 {
  if (agency !== "scb" && agency !== "ssb") {
    throw new OmvarldError("ARGUMENT", `unknown agency "${agency}" for PxWeb`, {}, "scb or ssb");
  }
  const baseUrl = process.env[agency === "scb" ? "OMVARLD_SCB_URL" : "OMVARLD_SSB_URL"];
  return new PxWeb2(agency, {
    ...httpOptions(flags),
    ...(baseUrl ? { baseUrl } : {}),
    ...(flags.lang ? { lang: apiLang(flags.lang) } : {}),
  });
}

/** PxWebApi's language codes: Norwegian is "no" (nb is taken for it). */
function apiLang(lang: string): string {
  return lang === "nb" ? "no" : lang;
}

/** `--select Region=2021,2023` → `{ Region: "2021,2023" }`; `--codelist Region=vs_RegionKommun07` adds the list. */
export function parseSelection(select: readonly string[] = [], codelist: readonly string[] = []): Selection {
  const selection: Record<string, string | { codes: string; codelist: string }> = {};
  for (const item of select) {
    const at = item.indexOf("=");
    if (at <= 0)
      throw new OmvarldError(
        "ARGUMENT",
        `--select expects VARIABLE=CODES, got "${item}"`,
        {},
        "--select Region=2021 --select Tid=top(5)",
      );
    const name = item.slice(0, at).trim();
    if (name in selection)
      throw new OmvarldError("ARGUMENT", `--select names ${name} twice`, {}, `one --select per variable: ${name}=A,B`);
    selection[name] = item.slice(at + 1).trim();
  }
  for (const item of codelist) {
    const at = item.indexOf("=");
    if (at <= 0)
      throw new OmvarldError(
        "ARGUMENT",
        `--codelist expects VARIABLE=LIST, got "${item}"`,
        {},
        "--codelist Region=vs_RegionKommun07",
      );
    const name = item.slice(0, at).trim();
    const codes = selection[name];
    selection[name] = { codes: typeof codes === "string" ? codes : "*", codelist: item.slice(at + 1).trim() };
  }
  return selection;
}

/** `omvarld search TEXT [--agency scb|ssb|kolada]`: tables (or Kolada KPIs) whose titles hold the words. */
export async function searchCommand(text: string, agency: string, flags: FetchFlags): Promise<string> {
  if (agency === "kolada") {
    const kpis = await new Kolada({
      ...httpOptions(flags),
      ...(process.env.OMVARLD_KOLADA_URL ? { baseUrl: process.env.OMVARLD_KOLADA_URL } : {}),
    }).searchKpi(text);
    return kpis.map((k) => `${k.id.padEnd(8)} ${k.title}`).join("\n") || `no KPI matches "${text}"`;
  }
  const { tables, total } = await pxweb(agency, flags).search(text, { pageSize: 50 });
  if (tables.length === 0) return `no table matches "${text}"`;
  const lines = tables.map(
    (t) =>
      `${t.id.padEnd(8)} ${t.label}${t.updated ? ` (updated ${t.updated.slice(0, 10)})` : ""}${t.discontinued ? " [discontinued]" : ""}`,
  );
  if (total > tables.length)
    lines.push(`… ${formatNumber(total - tables.length, flags.locale ?? "sv")} more: add words to narrow the search`);
  return lines.join("\n");
}

/** `omvarld meta AGENCY TABLE`: the variables, their codes and code lists, the time span and the API's limits. */
export async function metaCommand(agency: string, tableId: string, flags: FetchFlags): Promise<string> {
  const client = pxweb(agency, flags);
  const [metadata, config] = await Promise.all([client.metadata(tableId), client.config()]);
  const lines = [
    `${tableId}: ${metadata.label}`,
    `source: ${metadata.source}${metadata.updated ? `, updated ${metadata.updated}` : ""}`,
    "variables:",
  ];
  for (const v of metadata.variables) {
    const shown = v.values.slice(0, 6).map((c) => (v.labels[c] && v.labels[c] !== c ? `${c} ${v.labels[c]}` : c));
    const more = v.values.length > 6 ? `, … ${v.values.at(-1)}` : "";
    const flagsText = [v.time ? "time" : "", v.elimination ? "may be left out" : "required"].filter(Boolean).join(", ");
    lines.push(
      `  ${v.code} (${v.label}; ${formatNumber(v.values.length, flags.locale ?? "sv")} values; ${flagsText}): ${shown.join(", ")}${more}`,
    );
    if (v.codelists.length) lines.push(`    code lists: ${v.codelists.map((c) => c.id).join(", ")}`);
  }
  const n = (x: number) => formatNumber(x, flags.locale ?? "sv");
  lines.push(
    `limits: at most ${n(config.maxDataCells)} cells per call, ${n(config.maxCallsPerTimeWindow)} calls per ${n(config.timeWindow)} s`,
  );
  return lines.join("\n");
}

/**
 * `omvarld fetch AGENCY TABLE [--select VAR=CODES ...] [--out FILE]`: the table as CSV on stdout, or written to
 * FILE (.csv, .xlsx, .json), never half-written. A progress line goes to stderr when the selection needs several calls.
 */
export async function fetchCommand(
  agency: string,
  tableId: string,
  flags: FetchFlags,
  progress: (line: string, final: boolean) => void,
): Promise<{ table: Table; output: string }> {
  const started = Date.now();
  const n = (x: number, digits = 0) => formatNumber(x, flags.locale ?? "sv", digits);
  const baseUrl = process.env[`OMVARLD_${agency.toUpperCase()}_URL`];
  const table = await fetchTable(agency, tableId, parseSelection(flags.select, flags.codelist), {
    http: httpOptions(flags),
    ...(baseUrl ? { baseUrl } : {}),
    ...(flags.lang ? { lang: apiLang(flags.lang) } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
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
  if (!flags.out) return { table, output: toCSV(table) };
  await writeTableFile(table, flags.out);
  return { table, output: flags.out };
}
