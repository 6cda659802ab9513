import type { Table } from "../../table/table.ts";
import { complete, type Maybe } from "../util/missing.ts";
import { byRegionYear, measureOf, toTable } from "../util/panel.ts";
import { type Period, periodOf } from "../util/period.ts";
import { finite, sum } from "../util/stats.ts";

/** Absolute change P₁ − P₀ (docs/methods.md §1.1). Null when either is missing. */
export function change(p0: number | null, p1: number | null): number | null {
  return p0 === null || p1 === null ? null : p1 - p0;
}

/** Growth in percent: g = 100·(P₁/P₀ − 1) (docs/methods.md §1.1). Null when P₀ ≤ 0 or a value is missing. */
export function growthPercent(p0: number | null, p1: number | null): number | null {
  return p0 === null || p1 === null || p0 <= 0 ? null : finite(100 * (p1 / p0 - 1));
}

/** Log growth per year in percent: 100·ln(P₁/P₀)/(t₁ − t₀) (docs/methods.md §1.1). Null when P₀ or P₁ ≤ 0. */
export function logGrowth(p0: number | null, p1: number | null, years = 1): number | null {
  return p0 === null || p1 === null || p0 <= 0 || p1 <= 0 || years <= 0
    ? null
    : finite((100 * Math.log(p1 / p0)) / years);
}

/**
 * Compound annual growth rate in percent: 100·((P₁/P₀)^(1/(t₁ − t₀)) − 1) (docs/methods.md §1.1).
 * Null when P₀ ≤ 0, a value is missing or the span is not positive.
 *
 * @example
 * cagr(100, 121, 2) // 10
 */
export function cagr(p0: number | null, p1: number | null, years: number): number | null {
  return p0 === null || p1 === null || p0 <= 0 || p1 < 0 || years <= 0
    ? null
    : finite(100 * ((p1 / p0) ** (1 / years) - 1));
}

/** Index on a base: I = 100·P/P_base (docs/methods.md §1.1, TF uses 2000 = 100). Null where P_base is missing or 0. */
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
 * Growth of a stock for every region and year (docs/methods.md §1.1): `change` and `growth_pct` since the previous
 * year's value, `growth_log` (100·ln) and `index` on the base year. The change is labelled with the year of the
 * later value; a gap in the years gives null, not a change over two years. `note` says why a value is null.
 */
export function growth(table: Table, options: GrowthOptions = {}): Table {
  const value = measureOf(table, options.value);
  const rows: Record<string, string | number | null>[] = [];
  for (const [key, byYear] of seriesOf(table, value)) {
    const { region, industry } = key;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const base = byYear.get(options.base ?? years[0]!) ?? null;
    for (const year of years) {
      const p1 = byYear.get(year) ?? null;
      const p0 = byYear.get(year - 1) ?? null;
      rows.push({
        region,
        ...industry,
        year,
        [value]: p1,
        change: change(p0, p1),
        growth_pct: growthPercent(p0, p1),
        growth_log: logGrowth(p0, p1),
        index: indexOn([p1], base)[0]!,
        note: !byYear.has(year - 1)
          ? `no value for ${year - 1}`
          : p0 === null || p1 === null
            ? "a value is missing"
            : p0 <= 0
              ? "the earlier value is not positive"
              : null,
      });
    }
  }
  return toTable(rows, dimensions(table), table.provenance);
}

/** The text dimensions of a growth result: region, and industry when the table has one. */
function dimensions(table: Table): string[] {
  return table.has("industry") ? ["region", "industry"] : ["region"];
}

/**
 * Series by region (and by industry when the table has an `industry` column, so that employment by industry
 * needs no reshaping): key → year → value.
 */
function seriesOf(
  table: Table,
  value: string,
): Map<{ region: string; industry: Record<string, string> }, Map<number, number | null>> {
  const out = new Map<{ region: string; industry: Record<string, string> }, Map<number, number | null>>();
  if (!table.has("industry")) {
    for (const [region, series] of byRegionYear(table, value)) out.set({ region, industry: {} }, series);
    return out;
  }
  for (const industry of table.distinct("industry").map(String)) {
    const part = table.filter({ industry: (v) => String(v) === industry }).drop("industry");
    for (const [region, series] of byRegionYear(part, value)) out.set({ region, industry: { industry } }, series);
  }
  return out;
}

/**
 * Growth over a span for every region (docs/methods.md §1.1): `change`, `growth_pct`, and per year `cagr` and
 * `growth_log` (both in percent), from `from` to `to`.
 *
 * @example
 * growthOver(population, { from: 2001, to: 2013 }).filter({ region: "2021" }).get("growth_pct", 0) // Vansbro: −6.8
 *
 * A table with an `industry` column gets one row per region and industry.
 */
export function growthOver(table: Table, period: Period & { value?: string }): Table;
/** @deprecated pass `{ from, to, value }` */
export function growthOver(table: Table, from: number, to: number, options?: { value?: string }): Table;
export function growthOver(
  table: Table,
  a: (Period & { value?: string }) | number,
  b?: number,
  c: { value?: string } = {},
): Table {
  const { from, to } = periodOf(a, b);
  const options = typeof a === "number" ? c : a;
  const value = measureOf(table, options.value);
  const rows: Record<string, string | number | null>[] = [];
  for (const [{ region, industry }, byYear] of seriesOf(table, value)) {
    const p0 = byYear.get(from) ?? null;
    const p1 = byYear.get(to) ?? null;
    rows.push({
      region,
      ...industry,
      start: p0,
      end: p1,
      change: change(p0, p1),
      growth_pct: growthPercent(p0, p1),
      cagr: cagr(p0, p1, to - from),
      growth_log: logGrowth(p0, p1, to - from),
      note: !byYear.has(from)
        ? `no value for ${from}`
        : !byYear.has(to)
          ? `no value for ${to}`
          : p0 === null || p1 === null
            ? "a value is missing"
            : p0 <= 0
              ? "the start value is not positive"
              : null,
    });
  }
  return toTable(rows, dimensions(table), table.provenance);
}

/**
 * Mean of yearly growth rates in percent: arithmetic (1/n)·Σ g_t, or geometric 100·((Π (1 + g_t/100))^(1/n) − 1),
 * the constant rate that gives the same growth over the years (the CAGR). Missing rates are left out and counted
 * (`missing`); the geometric mean of a series with a gap is then the mean of the known years, not the CAGR.
 *
 * @example
 * meanGrowthRate([10, -10], { mean: "geometric" }).value // 100·(√0.99 − 1) = −0.5013; arithmetic: 0
 */
export function meanGrowthRate(
  rates: readonly Maybe[],
  options: { mean?: "arithmetic" | "geometric" } = {},
): { value: number | null; n: number; missing: number } {
  const { x, missing } = complete(rates);
  if (x.length === 0) return { value: null, n: 0, missing };
  if ((options.mean ?? "arithmetic") === "arithmetic") return { value: sum(x) / x.length, n: x.length, missing };
  if (x.some((g) => g <= -100)) return { value: null, n: x.length, missing };
  const logMean = sum(x.map((g) => Math.log(1 + g / 100))) / x.length;
  return { value: finite(100 * (Math.exp(logMean) - 1)), n: x.length, missing };
}
