import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { eurostat } from "./eurostat.ts";
import type { HttpOptions } from "./http.ts";
import { Kolada } from "./kolada.ts";
import { PxWeb2 } from "./pxweb2.ts";
import type { Selection } from "./selection.ts";

/** The agencies `fetchTable` reaches: SCB's and SSB's PxWebApi 2.0, Eurostat, Kolada. */
export const AGENCIES = ["scb", "ssb", "eurostat", "kolada"] as const;
export type Agency = (typeof AGENCIES)[number];

export interface FetchTableOptions {
  http?: HttpOptions;
  /** The API's address, where it is not the agency's own (a mirror, a replay server in tests). */
  baseUrl?: string;
  /** PxWeb: the language of the labels ("sv", "en", "no"). */
  lang?: string;
  /** Eurostat: the first and last period. */
  from?: string;
  to?: string;
  /** PxWeb: told before the calls when the selection needs several (cells, calls, cells one call may hold). */
  onPlan?: (plan: { cells: number; calls: number; maxCells: number }) => void;
  /** PxWeb: after each call of a split selection (calls done, calls in all). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A table from an agency by its id and a selection per variable, as a tidy `Table` with provenance: PxWebApi 2.0
 * (SCB, SSB) splits a large selection under the API's cell limit; Eurostat takes the selection as dimension filters;
 * Kolada takes `municipality` and `year`.
 *
 * @example
 * await fetchTable("scb", "TAB638", { Region: "2021", Tid: "top(1)" }, { http: { cache: fileCache() } });
 */
export async function fetchTable(
  agency: string,
  tableId: string,
  selection: Selection,
  options: FetchTableOptions = {},
): Promise<Table> {
  if (!(AGENCIES as readonly string[]).includes(agency))
    throw new OmvarldError("ARGUMENT", `unknown agency "${agency}"`, {}, `one of ${AGENCIES.join(", ")}`);
  const client = { ...options.http, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) };
  if (agency === "eurostat") {
    const filters = Object.fromEntries(
      Object.entries(selection).map(([k, v]) => [k, typeof v === "string" ? v.split(",") : []]),
    );
    return eurostat(
      tableId,
      { filters, ...(options.from ? { since: options.from } : {}), ...(options.to ? { until: options.to } : {}) },
      client,
    );
  }
  if (agency === "kolada") {
    const list = (name: string) => {
      const v = selection[name];
      if (typeof v !== "string")
        throw new OmvarldError(
          "ARGUMENT",
          `kolada needs a selection for ${name}`,
          {},
          "e.g. municipality=2021,0180 and year=2020,2021",
        );
      return v.split(",");
    };
    return new Kolada(client).values(tableId, list("municipality"), list("year"));
  }
  const pxweb = new PxWeb2(agency as "scb" | "ssb", { ...client, ...(options.lang ? { lang: options.lang } : {}) });
  const plan = await pxweb.plan(tableId, selection);
  if (plan.calls > 1) options.onPlan?.(plan);
  return pxweb.data(tableId, selection, { ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}
