import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";

export interface RankOptions {
  from: number;
  to: number;
  /** Regions with fewer inhabitants (in the last year) are not ranked; Telemarksforsking's default is 1 000. */
  minPopulation?: number;
}

/** Mean of a region's yearly values in [from, to]; null when there are none. */
function means(decomposition: Table, column: string, populationColumn: string, options: RankOptions) {
  const out = new Map<
    string,
    { sum: number; n: number; name: string | null; population: number | null; lastYear: number }
  >();
  for (const row of decomposition.toRows()) {
    const year = row.year as number;
    if (year < options.from || year > options.to) continue;
    const region = row.region as string;
    const r = out.get(region) ?? {
      sum: 0,
      n: 0,
      name: (row.region_name as string | null) ?? null,
      population: null,
      lastYear: -Infinity,
    };
    if (year > r.lastYear) {
      r.lastYear = year;
      r.population = (row[populationColumn] as number | null) ?? r.population;
    }
    const v = row[column] as number | null;
    if (v !== null) {
      r.sum += v;
      r.n++;
    }
    out.set(region, r);
  }
  return out;
}

/**
 * Ranks regions by their mean attractiveness over a period (docs/methods.md §2.3; Telemarksforsking's rankings): the mean
 * of the yearly residential attractiveness and, where given, business attractiveness; `rank` orders by
 * residential attractiveness (1 = most attractive), `rank_business` by business attractiveness. Regions below
 * `minPopulation` are kept but not ranked, because small regions swing widely from year to year. Ties are broken
 * by region code, so the ranking does not depend on row order.
 */
export function rankAttractiveness(residential: Table, business: Table | null, options: RankOptions): Table {
  const min = options.minPopulation ?? 1000;
  const res = means(residential, "attractiveness", "population", options);
  const bus = business ? means(business, "attractiveness", "population_size", options) : new Map();
  const rows = [...res].map(([region, r]) => {
    const b = bus.get(region);
    return {
      region,
      region_name: r.name,
      population: r.population,
      residential: r.n ? r.sum / r.n : null,
      business: b && b.n ? b.sum / b.n : null,
      years: r.n,
      note:
        r.population === null || r.population < min
          ? `fewer than ${min} inhabitants: not ranked`
          : r.n
            ? null
            : "not estimable",
    };
  });
  const rankBy = (key: "residential" | "business") => {
    const eligible = rows
      .filter((r) => r.note === null && r[key] !== null)
      .sort((a, b) => b[key]! - a[key]! || (a.region < b.region ? -1 : 1));
    return new Map(eligible.map((r, k) => [r.region, k + 1]));
  };
  const rank = rankBy("residential");
  const rankBusiness = rankBy("business");
  const out = rows.map((r) => ({
    ...r,
    rank: rank.get(r.region) ?? null,
    rank_business: rankBusiness.get(r.region) ?? null,
  }));
  out.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.region < b.region ? -1 : 1));
  return toTable(
    out.map(({ note, ...r }) => ({ ...r, note })),
    ["region", "region_name"],
    residential.provenance,
  );
}
