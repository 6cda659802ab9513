import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { readJsonStat } from "../readers/jsonstat.ts";
import { HttpClient, HttpStatusError } from "./http.ts";
import { type JsonStatDataset, joinJsonStat } from "./merge.ts";
import { nearestHint } from "./nearest.ts";
import { mapPool } from "./pool.ts";
import type { DataOptions, PxWebOptions } from "./pxweb2.ts";
import {
  resolveCodes,
  type Selection,
  chosenVariables,
  selectionParts,
  splitSelection,
  type Variable,
} from "./selection.ts";

/** PxWeb API v1 databases: SCB's `ssd` and SSB's statbank API v0. `{lang}` is filled in. */
export const PXWEB1_URLS = {
  scb: "https://api.scb.se/OV0104/v1/doris/{lang}/ssd/",
  ssb: "https://data.ssb.no/api/v0/{lang}/table/",
} as const;

/**
 * Limits when the server's `?config` does not answer, from the pxweb R package's catalogue of PxWeb hosts
 * (rOpenGov/pxweb `inst/extdata/api.json`): SCB 30 calls per 10 s and 110 000 values; SSB 30 per 60 s and 30 000.
 */
const DEFAULT_LIMITS: Record<string, { maxValues: number; maxCalls: number; timeWindow: number }> = {
  scb: { maxValues: 110_000, maxCalls: 30, timeWindow: 10 },
  ssb: { maxValues: 30_000, maxCalls: 30, timeWindow: 60 },
  other: { maxValues: 30_000, maxCalls: 10, timeWindow: 10 },
};

/** A node of the table tree: a folder (`type` "l") or a table ("t"). */
export interface PxNode {
  id: string;
  type: string;
  text: string;
  updated?: string;
}

interface V1Metadata {
  title: string;
  variables: {
    code: string;
    text: string;
    values: string[];
    valueTexts: string[];
    elimination?: boolean;
    time?: boolean;
  }[];
}

/**
 * A PxWeb API v1 client (SCB's older API, SSB's statbank API v0): browse the table tree, read a table's variables
 * (GET) and fetch data (POST with a query of `item` filters), split under the value limit like `PxWeb2`.
 * A code list is sent as the filter (`{ Region: { codelist: "vs:Kommune", codes: "*" } }` → `vs:Kommune` / `*`).
 *
 * @example
 * const scb = new PxWeb1("scb");
 * const t = await scb.data("BE/BE0101/BE0101A/BefolkningNy", { Kon: "1", ContentsCode: "BE0101N1", Tid: "2017" });
 */
export class PxWeb1 {
  readonly agency: string;
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly #format: string;
  #limits: Promise<{ maxValues: number; maxCalls: number; timeWindow: number }> | undefined;
  readonly #metadata = new Map<string, Promise<{ title: string; variables: Variable[] }>>();

  constructor(
    agency: "scb" | "ssb" | (string & {}),
    options: PxWebOptions & { format?: "json-stat2" | "json-stat" } = {},
  ) {
    this.agency = agency;
    const lang = options.lang ?? (agency === "ssb" ? "no" : "sv");
    const template = options.baseUrl ?? (PXWEB1_URLS as Record<string, string>)[agency];
    if (!template)
      throw new OmvarldError("ARGUMENT", `no PxWeb API v1 address known for "${agency}"`, {}, "give options.baseUrl");
    const base = template.replace("{lang}", lang);
    this.baseUrl = base.endsWith("/") ? base : `${base}/`;
    this.http = options.http ?? new HttpClient(options);
    this.#format = options.format ?? "json-stat2";
  }

  /** The limits: the server's `?config` (one level above the database), else the catalogue's. */
  limits(): Promise<{ maxValues: number; maxCalls: number; timeWindow: number }> {
    this.#limits ??= (async () => {
      const fallback = DEFAULT_LIMITS[this.agency] ?? DEFAULT_LIMITS.other!;
      let limits = fallback;
      try {
        const { json } = await this.http.json<Partial<typeof fallback>>(
          `${this.baseUrl.replace(/[^/]+\/$/, "")}?config`,
        );
        if (json.maxValues && json.maxCalls && json.timeWindow)
          limits = { maxValues: json.maxValues, maxCalls: json.maxCalls, timeWindow: json.timeWindow };
      } catch {
        // SCB answers ?config with an empty body or 404 at some levels: the catalogue's limits apply
      }
      this.http.limitTo(limits.maxCalls, limits.timeWindow * 1000);
      return limits;
    })();
    return this.#limits;
  }

  /** The folders and tables under a path (`""` = the top). */
  async list(path = ""): Promise<PxNode[]> {
    const { json } = await this.http.json<PxNode[]>(`${this.baseUrl}${path}`);
    return json;
  }

  /** Searches table titles (`?query=`). */
  async search(text: string): Promise<{ id: string; path: string; title: string; published?: string }[]> {
    const { json } = await this.http.json<{ id: string; path: string; title: string; published?: string }[]>(
      `${this.baseUrl}?query=${encodeURIComponent(text)}`,
    );
    return json;
  }

  /** A table's title and variables (GET), once per client. */
  metadata(path: string): Promise<{ title: string; variables: Variable[] }> {
    let promise = this.#metadata.get(path);
    if (!promise) {
      promise = this.#fetchMetadata(path);
      promise.catch(() => this.#metadata.delete(path));
      this.#metadata.set(path, promise);
    }
    return promise;
  }

  async #fetchMetadata(path: string): Promise<{ title: string; variables: Variable[] }> {
    let json: V1Metadata;
    try {
      ({ json } = await this.http.json<V1Metadata>(`${this.baseUrl}${path}`));
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404) {
        const folder = path.split("/").slice(0, -1).join("/");
        let hint = "browse the tree with list()";
        try {
          const nodes = await this.list(folder);
          hint = nearestHint(
            path.split("/").at(-1)!,
            nodes.map((n) => n.id),
            `tables in ${folder || "the top folder"}`,
          );
        } catch {
          // the general hint stays
        }
        throw new OmvarldError("ARGUMENT", `no table "${path}" at ${this.baseUrl}`, {}, hint);
      }
      throw error;
    }
    if (!Array.isArray(json.variables))
      throw new OmvarldError("ARGUMENT", `"${path}" is a folder, not a table`, {}, "name a table inside it");
    return {
      title: json.title,
      variables: json.variables.map((v) => ({
        code: v.code,
        label: v.text,
        values: v.values,
        labels: Object.fromEntries(v.values.map((c, i) => [c, v.valueTexts[i] ?? c])),
        elimination: v.elimination === true,
        time: v.time === true,
        codelists: [],
      })),
    };
  }

  /** Fetches data as a tidy table, split under the value limit; provenance as for `PxWeb2.data`. */
  async data(path: string, selection: Selection, options: DataOptions = {}): Promise<Table> {
    const [limits, metadata] = await Promise.all([this.limits(), this.metadata(path)]);
    const chosen: { code: string; filter: string; codes: string[] }[] = chosenVariables(
      path,
      metadata.variables,
      selection,
    ).map(({ variable, spec }) => {
      const { expressions, codelist } = selectionParts(spec);
      return codelist
        ? { code: variable.code, filter: codelist, codes: expressions }
        : { code: variable.code, filter: "item", codes: resolveCodes(variable, expressions, ` in ${path}`) };
    });
    const url = `${this.baseUrl}${path}`;
    const body = (codes: readonly (readonly string[])[]) => ({
      query: chosen.map((c, k) => ({ code: c.code, selection: { filter: c.filter, values: codes[k] } })),
      response: { format: this.#format },
    });
    const calls = splitSelection(
      chosen.map((c) => (c.filter === "item" ? c.codes : [c.codes.join("\u0000")])),
      Math.min(limits.maxValues, options.maxCells ?? Infinity),
    ).map((call) => call.map((codes, k) => (chosen[k]!.filter === "item" ? codes : chosen[k]!.codes)));
    let done = 0;
    const answers = await mapPool(calls, options.concurrency ?? 4, async (codes) => {
      const answer = await this.http.json<JsonStatDataset | { dataset: JsonStatDataset }>(url, body(codes));
      options.onProgress?.(++done, calls.length);
      return answer;
    });
    const datasets = answers.map((a) =>
      "dataset" in a.json ? unwrapV1(a.json.dataset as JsonStatDataset) : (a.json as JsonStatDataset),
    );
    const joined = joinJsonStat(datasets, url);
    const table = readJsonStat(joined, { file: url });
    return table.withProvenance({
      source: typeof joined.source === "string" ? joined.source : this.agency.toUpperCase(),
      tableId: table.provenance.tableId ?? path.split("/").at(-1)!,
      title: typeof joined.label === "string" ? joined.label : metadata.title,
      url,
      query: JSON.stringify(body(chosen.map((c) => c.codes))),
      ...(typeof joined.updated === "string" ? { updated: joined.updated } : {}),
      retrieved: answers.map((a) => a.response.retrieved).sort()[0]!,
    });
  }
}

/** JSON-stat 1.0 (`dimension.id`, `dimension.size`) as 2.0 (`id`, `size` at the top), for joining. */
function unwrapV1(dataset: JsonStatDataset): JsonStatDataset {
  const d = dataset.dimension as unknown as Record<string, unknown> & {
    id?: string[];
    size?: number[];
    role?: unknown;
  };
  if (dataset.id || !d.id) return dataset;
  const { id, size, role, ...dimension } = d;
  return { ...dataset, id: id!, size: size!, role, dimension: dimension as JsonStatDataset["dimension"] };
}
