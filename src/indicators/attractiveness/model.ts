import type { Table } from "../../table/table.ts";
import type { CommutingStructure } from "../commuting/structure.ts";
import { type BusinessResult, businessAttractiveness } from "./business.ts";
import type { MigrationCounts } from "./net-migration.ts";
import { type ResidentialResult, residentialAttractiveness } from "./residential.ts";

export interface ModelOptions {
  from: number;
  to: number;
  /** "pooled" (default): one regression over the window; "yearly": one a year. */
  estimation?: "pooled" | "yearly";
  /** The commuting structure (`commutingStructure(flows, { panelCodes })`): neighbours' job growth and integration. */
  commuting?: CommutingStructure;
  /** Population, births and deaths by kommune: registered net migration as the dependent variable (see `residentialAttractiveness`). */
  counts?: MigrationCounts;
  /** Private jobs by region × industry × year: the business model's industry effect (see `businessAttractiveness`). */
  industries?: Table;
}

const fitted = new WeakMap<Table, Map<string, { residential: ResidentialResult; business: BusinessResult }>>();
const inputIds = new WeakMap<object, number>();
let nextId = 1;

/** A number for an input object, the same each time it is passed (0 when absent). */
function idOf(input: object | undefined): number {
  if (!input) return 0;
  const id = inputIds.get(input) ?? nextId++;
  inputIds.set(input, id);
  return id;
}

/**
 * Residential and business attractiveness of one panel over one period. Tables are immutable, so the model is fitted
 * once per panel, period, estimation and inputs (commuting structure, counts, jobs by industry) and shared by every
 * caller (the printout, the report and the scenarios).
 *
 * @example
 * const commuting = commutingStructure(flows, { panelCodes: panel.distinct("region") as string[] });
 * const { residential, business } = attractivenessModel(panel, { from: 2007, to: 2016, commuting });
 */
export function attractivenessModel(
  panel: Table,
  options: ModelOptions,
): { residential: ResidentialResult; business: BusinessResult } {
  const estimation = options.estimation ?? "pooled";
  const key = [options.from, options.to, estimation, options.commuting, options.counts, options.industries]
    .map((x) => (typeof x === "object" ? idOf(x) : String(x)))
    .join("-");
  let byPeriod = fitted.get(panel);
  if (!byPeriod) fitted.set(panel, (byPeriod = new Map()));
  let model = byPeriod.get(key);
  if (!model) {
    const common = { from: options.from, to: options.to, estimation };
    model = {
      residential: residentialAttractiveness(panel, {
        ...common,
        ...(options.commuting ? { commuting: options.commuting } : {}),
        ...(options.counts ? { counts: options.counts } : {}),
      }),
      business: businessAttractiveness(panel, {
        ...common,
        ...(options.industries ? { industries: options.industries } : {}),
      }),
    };
    byPeriod.set(key, model);
  }
  return model;
}
