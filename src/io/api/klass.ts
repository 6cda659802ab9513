import { HttpClient, type HttpOptions } from "./http.ts";

/** SSB's classification API (KLASS). */
export const KLASS_URL = "https://data.ssb.no/api/klass/v1/";

/** A version of a classification, e.g. "Kommuneinndeling 2024". */
export interface ClassificationVersion {
  name: string;
  validFrom: string;
  validTo?: string | null;
}

/** A code change between two dates: a merger or split shows as several rows. */
export interface KlassChange {
  oldCode: string | null;
  oldName: string | null;
  newCode: string | null;
  newName: string | null;
  changeOccurred: string;
}

/** A code valid at a date. */
export interface KlassCode {
  code: string;
  parentCode: string | null;
  level: string;
  name: string;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * SSB KLASS: a classification's versions, the code changes between two dates (used to recast kommune codes across
 * reforms) and the codes valid at a date. Kommuner are classification 131, fylker 104.
 *
 * @example
 * const changes = await new Klass().changes(131, "2019-01-01", "2020-01-02"); // [{ oldCode: "0402", newCode: "3401", … }, …]
 */
export class Klass {
  readonly baseUrl: string;
  readonly http: HttpClient;

  constructor(options: HttpOptions & { baseUrl?: string; http?: HttpClient } = {}) {
    this.baseUrl = (options.baseUrl ?? KLASS_URL).replace(/\/?$/, "/");
    this.http = options.http ?? new HttpClient(options);
  }

  /** The versions of a classification, oldest first. */
  async versions(id: number | string): Promise<ClassificationVersion[]> {
    const { json } = await this.http.json<{ versions?: ClassificationVersion[] }>(
      `${this.baseUrl}classifications/${id}`,
    );
    return (json.versions ?? [])
      .map(({ name, validFrom, validTo }) => ({ name, validFrom, validTo: validTo ?? null }))
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  }

  /** Code changes from one date to another (`YYYY-MM-DD`). */
  async changes(id: number | string, from: string, to: string): Promise<KlassChange[]> {
    const { json } = await this.http.json<{ codeChanges?: KlassChange[] }>(
      `${this.baseUrl}classifications/${id}/changes?from=${from}&to=${to}`,
    );
    return json.codeChanges ?? [];
  }

  /** The codes valid at a date. */
  async codesAt(id: number | string, date: string, language: "nb" | "nn" | "en" = "nb"): Promise<KlassCode[]> {
    const { json } = await this.http.json<{ codes?: KlassCode[] }>(
      `${this.baseUrl}classifications/${id}/codesAt?date=${date}&language=${language}`,
    );
    return json.codes ?? [];
  }
}
