import type { Table } from "../../table/table.ts";
import { plausibleMigration } from "./backtest-errors.ts";

/** Percentage points a year beyond the observed extremes before a figure is flagged: the kommuner that set an
 * extreme in the data are projected near it from their own window. */
export const MARGIN = 1;

/** A projected figure outside what the back-test makes plausible for a kommun of its size. */
export interface ImplausibleFigure {
  year: number;
  /** "total" or the age group ("80+"). */
  what: string;
  value: number;
  /** The yearly change net migration makes to the figure since the start, %: (P/C)^{1/h} − 1. */
  rate: number;
  /** The smallest and largest such change (%) observed over five years among kommuner of the same size. */
  range: readonly [number, number];
}

/**
 * The projected totals and age groups to which net migration adds (or takes) more a year than it did to any kommun
 * of the same size over five years in the back-test's data (`plausibleMigration`), by more than `MARGIN`:
 *
 *     r_t = (P_t / C_t)^{1/h} − 1   outside [min − 1, max + 1]
 *
 * with P the projection and C what births and deaths alone would have made of the projection h = 5 years before
 * (the projection's `closed`), in every projected year from five years after the start (or the horizon, if nearer):
 * the same measure over the same span as the ranges. Births and deaths make an age group grow as its cohorts
 * age (80+ as the large cohorts of the 1940s reach 80), which no past range of growth would allow; what runs away in
 * a projection is migration compounding on a few people, which this measures. A guard, never a forecast of its own:
 * a report prints the flag beside the figure, a command line warns.
 *
 * @example
 * implausibleFigures(p, "SE") // [] for Vansbro; for Säter without pooling: [{ year: 2029, what: "80+", rate: 9.8, range: [-2.1, 1.9], … }, …]
 */
export function implausibleFigures(
  projection: { total: Table; groups: Table; closed: { total: Table; groups: Table } },
  country: "SE" | "NO",
): ImplausibleFigure[] {
  const totals = projection.total.toRows();
  const start = totals.filter((r) => r.kind === "observed").at(-1);
  if (!start || typeof start.population !== "number") return [];
  const t0 = start.year as number;
  const limits = plausibleMigration(country, start.population);
  if (!limits) return [];
  const closed = new Map<string, number>();
  for (const r of projection.closed.total.toRows()) closed.set(`total|${r.year}`, r.population as number);
  for (const r of projection.closed.groups.toRows()) closed.set(`${r.age_group}|${r.year}`, r.population as number);
  const flags: ImplausibleFigure[] = [];
  // five-year spans, as the ranges (or the whole projection, if shorter)
  const horizon = Math.max(...totals.map((r) => r.year as number));
  const span = Math.min(5, horizon - t0);
  const check = (year: number, what: string, value: number, range: readonly [number, number] | undefined) => {
    const base = closed.get(`${what}|${year}`);
    if (!range || year - t0 < span || base === undefined || !(base > 0) || !(value >= 0)) return;
    const rate = 100 * ((value / base) ** (1 / span) - 1);
    if (rate < range[0] - MARGIN || rate > range[1] + MARGIN) flags.push({ year, what, value, rate, range });
  };
  for (const r of totals.filter((x) => x.kind === "projected"))
    check(r.year as number, "total", r.population as number, limits.total);
  for (const r of projection.groups.filter({ kind: "projected" }).toRows())
    check(r.year as number, String(r.age_group), r.population as number, limits.groups[String(r.age_group)]);
  return flags;
}
