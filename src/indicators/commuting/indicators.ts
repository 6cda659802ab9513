import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { concatTables } from "../../table/verbs/concat.ts";
import { toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";
import { OdMatrix } from "./od.ts";

type Cell = number | null;

const ratio = (a: Cell, b: Cell): Cell => (a === null || b === null || b <= 0 ? null : finite(a / b));
const minus = (a: Cell, b: Cell): Cell => (a === null || b === null ? null : a - b);

/** The commuting indicators of one area from its stocks (docs/methods.md §5.2). */
function indicatorsOf(E: Cell, IN: Cell, OUT: Cell, W: Cell) {
  const implied = E === null || IN === null || OUT === null ? null : E + IN - OUT;
  return {
    employed_residents: E,
    in_commuters: IN,
    out_commuters: OUT,
    jobs: W ?? implied,
    net_commuting: minus(IN, OUT),
    out_share: ratio(OUT, E),
    in_share: ratio(IN, W ?? implied),
    job_balance: ratio(W ?? implied, E),
    self_containment_supply: ratio(minus(E, OUT), E),
    self_containment_demand: ratio(minus(W ?? implied, IN), W ?? implied),
    intensity: ratio(IN === null || OUT === null ? null : IN + OUT, E),
    identity_gap: W === null || implied === null ? null : W - implied,
  };
}

/**
 * Commuting indicators from stocks per area and year (docs/methods.md §5.1-5.2): net commuting IN − OUT, out-commuting
 * share OUT/E, in-commuting share IN/W, job balance W/E, self-containment (E − OUT)/E (supply) and (W − IN)/W
 * (demand), intensity (IN + OUT)/E, and the gap in the identity W = E + IN − OUT, which published tables leave
 * because they round and suppress small cells (SSB turns ones and twos into 0 or 3).
 *
 * Input: region, year, employed_residents, in_commuters, out_commuters and, where published, jobs.
 */
export function commutingFromStocks(table: Table): Table {
  for (const c of ["employed_residents", "in_commuters", "out_commuters"]) {
    if (!table.has(c))
      throw new OmvarldError(
        "SCHEMA",
        `commuting stocks need a column "${c}"`,
        { file: table.provenance.file },
        "map the table with asCommutingStocks() first",
      );
  }
  const get = (name: string, i: number): Cell => (table.has(name) ? (table.get(name, i) as Cell) : null);
  const rows = Array.from({ length: table.numRows }, (_, i) => {
    const x = indicatorsOf(
      get("employed_residents", i),
      get("in_commuters", i),
      get("out_commuters", i),
      get("jobs", i),
    );
    return {
      region: table.get("region", i) as string,
      year: get("year", i),
      ...x,
      note:
        x.identity_gap !== null && x.identity_gap !== 0
          ? "jobs ≠ employed residents + in − out (rounding or suppressed cells)"
          : null,
    };
  });
  return toTable(rows, ["region"], table.provenance);
}

/**
 * Commuting indicators from an origin-destination matrix (docs/methods.md §5.2): the stocks (E = Σ_d C[o→d],
 * W = Σ_o C[o→d], OUT = E − C[o→o], IN = W − C[d→d]), the indicators of `commutingFromStocks`, and the dominant
 * destination with its share of employed residents, C[r→d*]/E_r.
 */
export function commutingFromMatrix(od: OdMatrix, year: number | null = null): Table {
  const E = od.employedResidents();
  const W = od.jobs();
  const own = od.internal();
  const rows = od.codes.map((region, k) => {
    let best = -1;
    let bestFlow = 0;
    od.forEachFrom(k, (d, f) => {
      if (d !== k && (f > bestFlow || (f === bestFlow && best >= 0 && od.codes[d]! < od.codes[best]!))) {
        best = d;
        bestFlow = f;
      }
    });
    return {
      region,
      year,
      ...indicatorsOf(E[k]!, W[k]! - own[k]!, E[k]! - own[k]!, W[k]!),
      internal: own[k]!,
      dominant_destination: best < 0 ? null : od.codes[best]!,
      dominant_share: best < 0 ? null : ratio(bestFlow, E[k]!),
      note: best < 0 ? "nobody commutes out" : null,
    };
  });
  return toTable(rows, ["region", "dominant_destination"]);
}

/** Commuting indicators for every year of a long table of flows (origin, destination, year, value). */
export function commutingFromFlows(table: Table, options: { value?: string } = {}): Table {
  const years = table.has("year") ? (table.distinct("year") as number[]).sort((a, b) => a - b) : [null];
  const parts = years
    .map((year) => {
      const slice = year === null ? table : table.filter({ year });
      return commutingFromMatrix(OdMatrix.fromTable(year === null ? slice : slice.drop("year"), options), year);
    })
    .filter((part) => part.numRows > 0);
  if (parts.length === 0) return toTable([], ["region", "dominant_destination"], table.provenance);
  // the years' tables stacked as whole columns, not rebuilt from row objects
  return concatTables(parts).withProvenance(table.provenance);
}

/**
 * Internal integration of a group of areas (TF "intern arbeidsmarkedsintegrasjon", docs/methods.md §5.2):
 * Σ_{o≠d ∈ R} C[o→d] / Σ_{o ∈ R} E_o, the share of the group's employed residents who commute between its members.
 */
export function internalIntegration(od: OdMatrix, members: readonly string[]): number | null {
  const inGroup = new Set(members.map((m) => od.indexOf(m)).filter((k) => k >= 0));
  let between = 0;
  let employed = 0;
  for (const k of inGroup) {
    od.forEachFrom(k, (d, f) => {
      employed += f;
      if (d !== k && inGroup.has(d)) between += f;
    });
  }
  return employed > 0 ? between / employed : null;
}

/**
 * Neighbour weights from commuting (docs/methods.md §2.3, JGnb): w[r→k] = C[r→k]/E_r for k ≠ r, the share of r's
 * employed residents who work in k. A region's weights sum to its out-commuting share.
 */
export function neighbourWeights(od: OdMatrix): Table {
  const E = od.employedResidents();
  const rows: { origin: string; destination: string; weight: number }[] = [];
  for (let k = 0; k < od.size; k++) {
    if (E[k]! <= 0) continue;
    od.forEachFrom(k, (d, f) => {
      if (d !== k) rows.push({ origin: od.codes[k]!, destination: od.codes[d]!, weight: f / E[k]! });
    });
  }
  return toTable(rows, ["origin", "destination"]);
}
