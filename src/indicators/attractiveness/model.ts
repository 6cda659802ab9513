import type { Table } from "../../table/table.ts";
import { type BusinessResult, businessAttractiveness } from "./business.ts";
import { type ResidentialResult, residentialAttractiveness } from "./residential.ts";

const fitted = new WeakMap<Table, Map<string, { residential: ResidentialResult; business: BusinessResult }>>();

/**
 * Residential and business attractiveness of one panel over one period. Tables are immutable, so the model is fitted
 * once per panel and period and shared by every caller (the printout, the report and the scenarios).
 *
 * @example
 * const { residential, business } = attractivenessModel(panel, { from: 2007, to: 2016 });
 */
export function attractivenessModel(panel: Table, options: { from: number; to: number }): { residential: ResidentialResult; business: BusinessResult } {
  const key = `${options.from}-${options.to}`;
  let byPeriod = fitted.get(panel);
  if (!byPeriod) fitted.set(panel, (byPeriod = new Map()));
  let model = byPeriod.get(key);
  if (!model) {
    model = { residential: residentialAttractiveness(panel, options), business: businessAttractiveness(panel, options) };
    byPeriod.set(key, model);
  }
  return model;
}
