import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { readJsonStat } from "../readers/jsonstat.ts";
import { HttpClient, type HttpOptions, HttpStatusError } from "./http.ts";
import { type JsonStatDataset, joinJsonStat } from "./merge.ts";
import { nearestHint } from "./nearest.ts";
import { mapPool } from "./pool.ts";
import {
  resolveCodes,
  type Selection,
  chosenVariables,
  selectionParts,
  splitSelection,
  type Variable,
} from "./selection.ts";

/** PxWebApi 2 base URLs. */
export const PXWEB2_URLS = {
  scb: "https://statistikdatabasen.scb.se/api/v2/",
  ssb: "https://data.ssb.no/api/pxwebapi/v2/",
} as const;

const AGENCY_NAMES: Record<string, string> = { scb: "SCB", ssb: "Statistisk sentralbyrå" };

/** `/config` of a PxWebApi 2 server: its limits and formats. */
export interface PxWebConfig {
  apiVersion?: string;
  defaultLanguage?: string;
  /** Cells one call may return (SCB: 150 000). */
  maxDataCells: number;
  /** Calls allowed per `timeWindow` seconds (SCB: 30 per 10). */
  maxCallsPerTimeWindow: number;
  timeWindow: number;
  defaultDataFormat?: string;
  dataFormats?: string[];
  license?: string;
}

/** A table in a list or search result. */
export interface TableSummary {
  id: string;
  label: string;
  updated?: string;
  firstPeriod?: string;
  lastPeriod?: string;
  discontinued?: boolean | null;
  variableNames?: string[];
  source?: string;
}

/** What a table holds: its variables with codes and labels, and when it was updated. */
export interface TableMetadata {
  id: string;
  label: string;
  source: string;
  updated?: string;
  notes: string[];
  variables: Variable[];
}

/** A code list (value set or aggregation) of PxWebApi 2. */
export interface CodeList {
  id: string;
  label: string;
  type: string;
  values: { code: string; label: string; valueMap?: string[] }[];
}

export interface PxWebOptions extends HttpOptions {
  /** The API's base URL (default: the agency's; `OMVARLD_SCB_URL` / `OMVARLD_SSB_URL` in the CLI). */
  baseUrl?: string;
  /** Language of labels: "sv", "no", "en" (default: the server's default language, "sv" for SCB, "no" for SSB). */
  lang?: string;
  /** The HTTP layer to share between clients (a shared rate limit and in-flight calls). */
  http?: HttpClient;
}

export interface DataOptions {
  /** Called after every call of a split selection: calls done, calls in all. */
  onProgress?: (done: number, total: number) => void;
  /** Cells per call at most (default: `maxDataCells` from `/config`); lower only. */
  maxCells?: number;
  /** Calls of a split selection running at once (default 4); the rate limit applies on top. */
  concurrency?: number;
}

/**
 * A PxWebApi 2 client (SCB's Statistikdatabasen; SSB): list and search tables, read metadata and code lists, and
 * fetch data with a selection per variable. The limits come from the server's `/config`: a selection above
 * `maxDataCells` is split into calls that each stay under it, fetched under the call rate (a token bucket of
 * `maxCallsPerTimeWindow` per `timeWindow` s) and joined into one table in the order of a single call.
 *
 * @example
 * const scb = new PxWeb2("scb", { cache: fileCache() });
 * const t = await scb.data("TAB638", { Region: "2021", Civilstand: "*", Alder: "*", Kon: "*", ContentsCode: "BE0101N1", Tid: "top(1)" });
 * t.provenance.tableId; // "TAB638"
 */
export class PxWeb2 {
  readonly agency: string;
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly #lang: string | undefined;
  #config: Promise<PxWebConfig> | undefined;
  readonly #metadata = new Map<string, Promise<TableMetadata>>();

  constructor(agency: "scb" | "ssb" | (string & {}), options: PxWebOptions = {}) {
    this.agency = agency;
    const known = (PXWEB2_URLS as Record<string, string>)[agency];
    const base = options.baseUrl ?? known;
    if (!base)
      throw new OmvarldError(
        "ARGUMENT",
        `no PxWebApi 2 address known for "${agency}"`,
        {},
        "give options.baseUrl, or use scb or ssb",
      );
    this.baseUrl = base.endsWith("/") ? base : `${base}/`;
    this.http = options.http ?? new HttpClient(options);
    this.#lang = options.lang ?? (agency === "scb" ? "sv" : agency === "ssb" ? "no" : undefined);
  }

  get #source(): string {
    return AGENCY_NAMES[this.agency] ?? this.agency;
  }

  #url(path: string, query: Record<string, string | undefined> = {}): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, v);
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ""}`;
  }

  /** The server's limits and formats (`GET /config`), once per client; the rate limit is set from them. */
  config(): Promise<PxWebConfig> {
    this.#config ??= this.http.json<PxWebConfig>(this.#url("config")).then(({ json }) => {
      const config = { ...json, maxDataCells: json.maxDataCells > 0 ? json.maxDataCells : 100_000 };
      if (json.maxCallsPerTimeWindow > 0 && json.timeWindow > 0)
        this.http.limitTo(json.maxCallsPerTimeWindow, json.timeWindow * 1000);
      return config;
    });
    return this.#config;
  }

  /**
   * Searches the tables (`GET /tables?query=`): words in the title, or a table id; `""` lists them all, page by page.
   *
   * @example
   * (await scb.search("befolkning")).tables[0]; // { id: "TAB4552", label: "…", updated: "…", … }
   */
  async search(
    text: string,
    options: { pageSize?: number; pageNumber?: number; pastDays?: number } = {},
  ): Promise<{ tables: TableSummary[]; total: number }> {
    const { json } = await this.http.json<{ tables: TableSummary[]; page?: { totalElements?: number } }>(
      this.#url("tables", {
        lang: this.#lang,
        query: text || undefined,
        pastDays: options.pastDays?.toString(),
        pageSize: options.pageSize?.toString(),
        pageNumber: options.pageNumber?.toString(),
      }),
    );
    return { tables: json.tables ?? [], total: json.page?.totalElements ?? json.tables?.length ?? 0 };
  }

  /** A table's metadata (`GET /tables/{id}/metadata`, JSON-stat 2): variables, values, code lists, `updated`. */
  metadata(tableId: string): Promise<TableMetadata> {
    let promise = this.#metadata.get(tableId);
    if (!promise) {
      promise = this.#fetchMetadata(tableId);
      promise.catch(() => this.#metadata.delete(tableId));
      this.#metadata.set(tableId, promise);
    }
    return promise;
  }

  async #fetchMetadata(tableId: string): Promise<TableMetadata> {
    let json: JsonStatDataset & {
      label?: string;
      source?: string;
      updated?: string;
      note?: string[];
      role?: { time?: string[]; metric?: string[] };
    };
    try {
      ({ json } = await this.http.json(
        this.#url(`tables/${encodeURIComponent(tableId)}/metadata`, { lang: this.#lang }),
      ));
    } catch (error) {
      if (error instanceof HttpStatusError && (error.status === 404 || error.status === 400))
        throw await this.#unknownTable(tableId);
      throw error;
    }
    const time = new Set(json.role?.time ?? []);
    const metric = new Set(json.role?.metric ?? []);
    const variables = json.id.map((id): Variable => {
      const d = json.dimension[id] as {
        label?: string;
        category: { index?: Record<string, number> | string[]; label?: Record<string, string> };
        extension?: { elimination?: boolean; codelists?: { id: string; label: string; type: string }[] };
      };
      const index = d.category.index;
      const values = Array.isArray(index)
        ? index
        : index
          ? Object.entries(index)
              .sort((a, b) => a[1] - b[1])
              .map(([k]) => k)
          : Object.keys(d.category.label ?? {});
      return {
        code: id,
        label: d.label ?? id,
        values,
        labels: d.category.label ?? {},
        elimination: d.extension?.elimination === true,
        time: time.has(id),
        contents: metric.has(id),
        codelists: (d.extension?.codelists ?? []).map(({ id: cid, label, type }) => ({ id: cid, label, type })),
      };
    });
    return {
      id: tableId,
      label: json.label ?? tableId,
      source: json.source ?? this.#source,
      ...(json.updated ? { updated: json.updated } : {}),
      notes: json.note ?? [],
      variables,
    };
  }

  async #unknownTable(tableId: string): Promise<OmvarldError> {
    let hint = `find its id among the tables of ${this.agency.toUpperCase()} by words (search)`;
    try {
      const { tables } = await this.search(tableId.replace(/^tab/i, ""), { pageSize: 10 });
      if (tables.length)
        hint = nearestHint(
          tableId,
          tables.map((t) => t.id),
          "tables",
        );
    } catch {
      // the hint stays general
    }
    return new OmvarldError("ARGUMENT", `${this.#source} has no table "${tableId}"`, {}, hint);
  }

  /** A code list (`GET /codeLists/{id}`), e.g. `vs_RegionKommun07` (the 290 kommuner) or `agg_RegionLän07`. */
  async codeList(id: string): Promise<CodeList> {
    const { json } = await this.http.json<CodeList>(
      this.#url(`codeLists/${encodeURIComponent(id)}`, { lang: this.#lang }),
    );
    return json;
  }

  /**
   * The request a selection makes: per variable, the codes (resolved against the metadata or the code list),
   * variables left out that may be eliminated, and the number of cells.
   */
  async query(
    tableId: string,
    selection: Selection,
  ): Promise<{
    metadata: TableMetadata;
    variables: { code: string; codelist?: string; codes: string[] }[];
    cells: number;
  }> {
    const metadata = await this.metadata(tableId);
    const where = ` in ${tableId}`;
    const variables: { code: string; codelist?: string; codes: string[] }[] = [];
    for (const { variable, spec } of chosenVariables(tableId, metadata.variables, selection)) {
      const { expressions, codelist } = selectionParts(spec);
      if (codelist !== undefined) {
        if (variable.codelists.length && !variable.codelists.some((c) => c.id === codelist)) {
          throw new OmvarldError(
            "ARGUMENT",
            `${variable.code}${where} has no code list "${codelist}"`,
            {},
            nearestHint(
              codelist,
              variable.codelists.map((c) => c.id),
              "code lists",
            ),
          );
        }
        const list = await this.codeList(codelist);
        const listed: Pick<Variable, "code" | "label" | "values" | "labels"> = {
          code: variable.code,
          label: `${variable.label}, ${list.label}`,
          values: list.values.map((v) => v.code),
          labels: Object.fromEntries(list.values.map((v) => [v.code, v.label])),
        };
        variables.push({ code: variable.code, codelist, codes: resolveCodes(listed, expressions, where) });
      } else variables.push({ code: variable.code, codes: resolveCodes(variable, expressions, where) });
    }
    return { metadata, variables, cells: variables.reduce((p, v) => p * v.codes.length, 1) };
  }

  /**
   * Fetches a table with a selection as a tidy `Table` (JSON-stat 2 through `readJsonStat`), split into several
   * calls when it holds more cells than the server allows in one; provenance names the agency, the table, its
   * title, the URL, the query, the API's `updated` and the time of retrieval.
   */
  async data(tableId: string, selection: Selection, options: DataOptions = {}): Promise<Table> {
    const [config, query] = await Promise.all([this.config(), this.query(tableId, selection)]);
    const maxCells = Math.min(config.maxDataCells, options.maxCells ?? Infinity);
    const url = this.#url(`tables/${encodeURIComponent(tableId)}/data`, {
      lang: this.#lang,
      outputFormat: "json-stat2",
    });
    const body = (codes: readonly (readonly string[])[]) => ({
      selection: query.variables.map((v, k) => ({
        variableCode: v.code,
        ...(v.codelist ? { codeList: v.codelist } : {}),
        valueCodes: codes[k],
      })),
    });
    const calls = splitSelection(
      query.variables.map((v) => v.codes),
      maxCells,
    );
    let done = 0;
    const answers = await mapPool(calls, options.concurrency ?? 4, async (codes) => {
      const answer = await this.http.json<JsonStatDataset>(url, body(codes));
      options.onProgress?.(++done, calls.length);
      return answer;
    });
    const joined = joinJsonStat(
      answers.map((a) => a.json),
      url,
    );
    const retrieved = answers.map((a) => a.response.retrieved).sort()[0]!;
    const table = readJsonStat(joined, { file: url });
    return table.withProvenance({
      source: query.metadata.source,
      tableId,
      title: (joined.label as string | undefined) ?? query.metadata.label,
      url,
      query: JSON.stringify(body(query.variables.map((v) => v.codes))),
      ...(typeof joined.updated === "string"
        ? { updated: joined.updated }
        : query.metadata.updated
          ? { updated: query.metadata.updated }
          : {}),
      retrieved,
      format: "json-stat2",
    });
  }

  /** How many calls a selection takes and how many cells it holds, without fetching the data. */
  async plan(tableId: string, selection: Selection): Promise<{ cells: number; calls: number; maxCells: number }> {
    const [config, query] = await Promise.all([this.config(), this.query(tableId, selection)]);
    return {
      cells: query.cells,
      calls: splitSelection(
        query.variables.map((v) => v.codes),
        config.maxDataCells,
      ).length,
      maxCells: config.maxDataCells,
    };
  }
}
