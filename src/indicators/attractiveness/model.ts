import type { Table } from "../../table/table.ts";
import type { CommutingStructure } from "../commuting/structure.ts";
import { type BusinessResult, businessAttractiveness } from "./business.ts";
import { type ResidentialResult, residentialAttractiveness } from "./residential.ts";

export interface ModelOptions {
  from: number;
  to: number;
  /** "pooled" (default): one regression over the window; "yearly": one a year. */
  estimation?: "pooled" | "yearly";
  /** The commuting structure (`commutingStructure(flows, { panelCodes })`): neighbours' job growth and integration. */
  commuting?: CommutingStructure;
}

const fitted = new WeakMap<Table, Map<string, { residential: ResidentialResult; business: BusinessResult }>>();
const commutingIds = new WeakMap<CommutingStructure, number>();
let nextId = 1;

/**
 * Residential and business attractiveness of one panel over one period. Tables are immutable, so the model is fitted
 * once per panel, period, estimation and commuting structure and shared by every caller (the printout, the report
 * and the scenarios).
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
  let commutingId = 0;
  if (options.commuting) {
    commutingId = commutingIds.get(options.commuting) ?? nextId++;
    commutingIds.set(options.commuting, commutingId);
  }
  const key = `${options.from}-${options.to}-${estimation}-${commutingId}`;
  let byPeriod = fitted.get(panel);
  if (!byPeriod) fitted.set(panel, (byPeriod = new Map()));
  let model = byPeriod.get(key);
  if (!model) {
    const common = { from: options.from, to: options.to, estimation };
    model = {
      residential: residentialAttractiveness(panel, {
        ...common,
        ...(options.commuting ? { commuting: options.commuting } : {}),
      }),
      business: businessAttractiveness(panel, common),
    };
    byPeriod.set(key, model);
  }
  return model;
}
