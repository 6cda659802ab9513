import type { Table } from "../../table/table.ts";
import { byRegionYear, measureOf, toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";

/** Absolute change P₁ − P₀ (METHODS §1.1). Null when either is missing. */
export function change(p0: number | null, p1: number | null): number | null {
  return p0 === null || p1 === null ? null : p1 - p0;
}

/** Growth in percent: g = 100·(P₁/P₀ − 1) (METHODS §1.1). Null when P₀ ≤ 0 or a value is missing. */
export function growthPercent(p0: number | null, p1: number | null): number | null {
  return p0 === null || p1 === null || p0 <= 0 ? null : finite(100 * (p1 / p0 - 1));
}

/** Log growth per year in percent: 100·ln(P₁/P₀)/(t₁ − t₀) (METHODS §1.1). Null when P₀ or P₁ ≤ 0. */
export function logGrowth(p0: number | null, p1: number | null, years = 1): number | null {
  return p0 === null || p1 === null || p0 <= 0 || p1 <= 0 || years <= 0 ? null : finite((100 * Math.log(p1 / p0)) / years);
}

/**
 * Compound annual growth rate in percent: 100·((P₁/P₀)^(1/(t₁ − t₀)) − 1) (METHODS §1.1).
 * Null when P₀ ≤ 0, a value is missing or the span is not positive.
 *
 * @example
 * cagr(100, 121, 2) // 10
 */
export function cagr(p0: number | null, p1: number | null, years: number): number | null {
  return p0 === null || p1 === null || p0 <= 0 || p1 < 0 || years <= 0 ? null : finite(100 * ((p1 / p0) ** (1 / years) - 1));
}

/** Index on a base: I = 100·P/P_base (METHODS §1.1, TF uses 2000 = 100). Null where P_base is missing or 0. */
export function indexOn(values: readonly (number | null)[], base: number | null): (number | null)[] {
  return values.map((v) => (v === null || base === null || base === 0 ? null : finite((100 * v) / base)));
}

export interface GrowthOptions {
  /** The measure (default: the table's only measure). */
  value?: string;
  /** Base year of the index (default: the first year of each region). */
  base?: number;
}

/**
 * Growth of a stock for every region and year (METHODS §1.1): `change` and `growth_pct` since the previous
 * year's value, `growth_log` (100·ln) and `index` on the base year. The change is labelled with the year of the
 * later value; a gap in the years gives null, not a change over two years. `note` says why a value is null.
 */
export function growth(table: Table, options: GrowthOptions = {}): Table {
  const value = measureOf(table, options.value);
  const rows: Record<string, string | number | null>[] = [];
  for (const [region, byYear] of byRegionYear(table, value)) {
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const base = byYear.get(options.base ?? years[0]!) ?? null;
    for (const year of years) {
      const p1 = byYear.get(year) ?? null;
      const p0 = byYear.get(year - 1) ?? null;
      rows.push({
        region, year, [value]: p1, change: change(p0, p1), growth_pct: growthPercent(p0, p1), growth_log: logGrowth(p0, p1),
        index: indexOn([p1], base)[0]!,
        note: !byYear.has(year - 1) ? `no value for ${year - 1}` : p0 === null || p1 === null ? "a value is missing" : p0 <= 0 ? "the earlier value is not positive" : null,
      });
    }
  }
  return toTable(rows, ["region"], table.provenance);
}

/**
 * Growth over a span for every region (METHODS §1.1): `change`, `growth_pct`, and per year `cagr` and
 * `growth_log` (both in percent), from `from` to `to`.
 *
 * @example
 * growthOver(population, 2001, 2013).filter({ region: "2021" }).get("growth_pct", 0) // Vansbro: −6.8
 */
export function growthOver(table: Table, from: number, to: number, options: { value?: string } = {}): Table {
  const value = measureOf(table, options.value);
  const rows: Record<string, string | number | null>[] = [];
  for (const [region, byYear] of byRegionYear(table, value)) {
    const p0 = byYear.get(from) ?? null;
    const p1 = byYear.get(to) ?? null;
    rows.push({
      region, start: p0, end: p1, change: change(p0, p1), growth_pct: growthPercent(p0, p1), cagr: cagr(p0, p1, to - from),
      growth_log: logGrowth(p0, p1, to - from),
      note: !byYear.has(from) ? `no value for ${from}` : !byYear.has(to) ? `no value for ${to}` : p0 === null || p1 === null ? "a value is missing" : p0 <= 0 ? "the start value is not positive" : null,
    });
  }
  return toTable(rows, ["region"], table.provenance);
}
