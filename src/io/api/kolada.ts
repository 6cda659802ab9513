import type { Table } from "../../table/table.ts";
import { readKolada } from "../readers/kolada.ts";
import { HttpClient, type HttpOptions } from "./http.ts";

/** Kolada's API v3. */
export const KOLADA_URL = "https://api.kolada.se/v3/";

/** A Kolada key figure. */
export interface Kpi {
  id: string;
  title: string;
  description?: string;
  municipality_type?: string;
  is_divided_by_gender?: boolean | number;
  [key: string]: unknown;
}

/** A municipality group, e.g. "Liknande kommuner, …" with its members. */
export interface MunicipalityGroup {
  id: string;
  title: string;
  members: { id: string; title: string }[];
}

interface Page<T> {
  values: T[];
  count?: number;
  next_url?: string | null;
  next_page?: string | null;
}

/** Years per call: long year lists are refused, public scripts send 25 at a time. */
const YEARS_PER_CALL = 25;

/**
 * Kolada (RKA's municipal key figures, API v3): search KPIs, fetch values for municipalities and years (pages
 * followed through `next_url`, years sent 25 per call), and municipality groups for comparisons with similar
 * kommuner. Values come back through `readKolada` as a tidy table (kpi, region, year, sex, value).
 *
 * @example
 * const kolada = new Kolada({ cache: fileCache() });
 * const t = await kolada.values("N01951", ["2021", "0180"], [2022, 2023]);
 */
export class Kolada {
  readonly baseUrl: string;
  readonly http: HttpClient;

  constructor(options: HttpOptions & { baseUrl?: string; http?: HttpClient } = {}) {
    this.baseUrl = (options.baseUrl ?? KOLADA_URL).replace(/\/?$/, "/");
    this.http = options.http ?? new HttpClient(options);
  }

  async #all<T>(url: string): Promise<{ values: T[]; retrieved: string }> {
    const values: T[] = [];
    let next: string | null | undefined = url;
    let retrieved = "";
    while (next) {
      const { json, response }: { json: Page<T>; response: { retrieved: string } } =
        await this.http.json<Page<T>>(next);
      values.push(...(json.values ?? []));
      retrieved ||= response.retrieved;
      next = json.next_url ?? json.next_page;
    }
    return { values, retrieved };
  }

  /** KPIs whose title contains the words. */
  async searchKpi(text: string): Promise<Kpi[]> {
    return (await this.#all<Kpi>(`${this.baseUrl}kpi?title=${encodeURIComponent(text)}`)).values;
  }

  /** Values of a KPI for municipalities (`"0180"`, regions `"0013"`, the country `"0000"`, groups `"G…"`) and years. */
  async values(kpi: string, municipalities: readonly string[], years: readonly (number | string)[]): Promise<Table> {
    const all: unknown[] = [];
    let retrieved = "";
    const urls: string[] = [];
    for (let i = 0; i < years.length; i += YEARS_PER_CALL) {
      const url = `${this.baseUrl}data/kpi/${encodeURIComponent(kpi)}/municipality/${municipalities.map(encodeURIComponent).join(",")}/year/${years.slice(i, i + YEARS_PER_CALL).join(",")}`;
      urls.push(url);
      const page = await this.#all(url);
      all.push(...page.values);
      retrieved ||= page.retrieved;
    }
    return readKolada({ values: all }, { file: urls[0] }).withProvenance({
      source: "Kolada",
      tableId: kpi,
      url: urls[0]!,
      query: `municipality=${municipalities.join(",")}&year=${years.join(",")}`,
      retrieved,
    });
  }

  /** Municipality groups whose title contains the words (all without). */
  async municipalityGroups(text?: string): Promise<MunicipalityGroup[]> {
    return (
      await this.#all<MunicipalityGroup>(
        `${this.baseUrl}municipality_groups${text ? `?title=${encodeURIComponent(text)}` : ""}`,
      )
    ).values;
  }
}
