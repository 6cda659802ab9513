import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { measureOf, toTable } from "../util/panel.ts";
import { type AgeBand, parseAgeBand, within } from "./ages.ts";

/** The cost per inhabitant of one service for one age band (e.g. from Kolada or KOSTRA). */
export interface UnitCost {
  service: string;
  ages: string | AgeBand;
  /** Cost per inhabitant of the band, in the currency unit of the result (e.g. tkr). */
  cost: number;
}

export interface CostOptions {
  /** The measure (default: the table's only measure). */
  value?: string;
  /** Mean of the year-end populations of the year before and the year (budget practice, default), or the year-end. */
  population?: "mean" | "end";
  /** Base year of the index (default: the first year with a cost). */
  base?: number;
  /** The tax-base band shown alongside (default 20–64). */
  taxBase?: AgeBand;
}

/**
 * Demographic cost pressure (docs/methods.md §8.3): for each service and year,
 *
 *     C_t = Σ_a c_a·N_{a,t},   ΔC_t = C_t − C_{t−1},   index_t = 100·C_t/C_base
 *
 * with N_{a,t} the mean of the year-end populations of t − 1 and t (as in municipal budgets, e.g. Sjöbo), at
 * constant unit costs c_a (standard and coverage held fixed), and a `service` "all" summing the services. The tax
 * base (population 20–64, its index) is given alongside. Input: year-end population by region, year and age.
 */
export function demographicCost(table: Table, costs: readonly UnitCost[], options: CostOptions = {}): Table {
  const value = measureOf(table, options.value);
  const bands = costs.map((c) => {
    const band = typeof c.ages === "string" ? parseAgeBand(c.ages) : c.ages;
    if (!band)
      throw new OmvarldError(
        "ARGUMENT",
        `cannot read the age band "${String(c.ages)}" of ${c.service}`,
        {},
        'write it as "1-5", "90+" or { from: 1, to: 5 }',
      );
    return { ...c, band };
  });
  const taxBase = options.taxBase ?? { from: 20, to: 64 };
  // year-end population per region, year and cost band (and the tax base)
  const pop = new Map<string, number | null>();
  const add = (key: string, v: number | null) =>
    pop.set(key, pop.has(key) && pop.get(key) === null ? null : v === null ? null : (pop.get(key) ?? 0) + v);
  const labels = new Map<string, AgeBand | null>();
  const years = new Set<number>();
  const regions = new Set<string>();
  for (let i = 0; i < table.numRows; i++) {
    const label = String(table.get("age", i));
    if (!labels.has(label)) labels.set(label, parseAgeBand(label));
    const band = labels.get(label)!;
    if (!band) continue;
    const region = table.get("region", i) as string;
    const year = table.get("year", i) as number;
    const v = table.get(value, i) as number | null;
    regions.add(region);
    years.add(year);
    bands.forEach((b, k) => within(band, b.band) && add(`${region}|${year}|${k}`, v));
    if (within(band, taxBase)) add(`${region}|${year}|tax`, v);
  }
  const mean = (options.population ?? "mean") === "mean";
  const at = (region: string, year: number, k: number | "tax"): number | null => {
    const end = pop.get(`${region}|${year}|${k}`) ?? null;
    if (!mean) return end;
    const before = pop.get(`${region}|${year - 1}|${k}`) ?? null;
    return end === null || before === null ? null : (end + before) / 2;
  };
  const services = [...new Set(bands.map((b) => b.service))];
  const rows: Record<string, string | number | null>[] = [];
  for (const region of regions) {
    const sorted = [...years].sort((a, b) => a - b);
    for (const service of [...services, "all"]) {
      const series = sorted.map((year) => {
        let cost: number | null = 0;
        bands.forEach((b, k) => {
          if (service !== "all" && b.service !== service) return;
          const n = at(region, year, k);
          cost = cost === null || n === null ? null : cost + b.cost * n;
        });
        return { year, cost: cost as number | null, tax: at(region, year, "tax") };
      });
      const base = series.find((s) => (options.base === undefined ? s.cost !== null : s.year === options.base));
      series.forEach((s, k) => {
        const previous = k > 0 ? series[k - 1]!.cost : null;
        rows.push({
          region,
          service,
          year: s.year,
          cost: s.cost,
          change: s.cost === null || previous === null ? null : s.cost - previous,
          index: s.cost === null || !base?.cost ? null : (100 * s.cost) / base.cost,
          tax_base: s.tax,
          tax_base_index: s.tax === null || !base?.tax ? null : (100 * s.tax) / base.tax,
          note:
            s.cost === null
              ? mean
                ? `no population for ${s.year - 1} or ${s.year}`
                : `no population for ${s.year}`
              : null,
        });
      });
    }
  }
  return toTable(rows, ["region", "service"], table.provenance);
}
