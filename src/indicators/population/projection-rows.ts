// A kommun projection's output rows: population by sex and age, components, totals and age groups with their
// interval, and the five-year runs without migration of the plausibility guard.
import type { Table } from "../../table/table.ts";
import { sum } from "../util/stats.ts";
import type { EmpiricalInterval } from "./backtest-errors.ts";
import { SEXES } from "./small-numbers.ts";
import type { YearFacts } from "./year-facts.ts";

export type Row = Record<string, string | number | null>;

/** The kommun's population by year and where the projection starts and ends, in its own dating (1 January). */
export interface Period {
  own: Map<number, Float64Array>;
  /** 1 where the source dates its population 31 December (SCB): its year t is 1 January t + 1 inside. */
  shift: number;
  popYears: number[];
  start: number;
  horizon: number;
  /** The window of observed years the rates come from. */
  from: number;
  to: number;
  years: number[];
}

/** The population by sex and single age: observed up to the start, projected after; years in the source's dating. */
export function populationRows(region: string, period: Period, A: number, projected: Table): Row[] {
  const { own, shift, start } = period;
  const n = A + 1;
  const label = (a: number) => (a === A ? `${A}+` : String(a));
  const rows: Row[] = [];
  for (const year of period.popYears.filter((y) => y < start)) {
    const p = own.get(year)!;
    SEXES.forEach((sex, si) => {
      for (let a = 0; a < n; a++)
        rows.push({ region, year: year - shift, sex, age: label(a), value: p[si * n + a]!, kind: "observed" });
    });
  }
  for (const [year, p] of statesOf(projected, n)) {
    SEXES.forEach((sex, si) => {
      for (let a = 0; a < n; a++)
        rows.push({
          region,
          year: year - shift,
          sex,
          age: label(a),
          value: p[si * n + a]!,
          kind: year === start ? "observed" : "projected",
        });
    });
  }
  return rows;
}

/** The components of change: the window's observed years, then the projected ones. */
export function componentRows(region: string, local: readonly YearFacts[], projected: Table): Row[] {
  const rows: Row[] = local.map((f) => ({
    region,
    year: f.year,
    kind: "observed",
    start_population: sum(f.start),
    births: f.births.female + f.births.male,
    deaths: sum(f.deaths),
    net_migration: sum(SEXES.map((s) => f.migration[s].newborn + sum(f.migration[s].byStartAge))),
    end_population: sum(f.end),
  }));
  const columns = ["start_population", "births", "deaths", "net_migration", "end_population"] as const;
  for (let i = 0; i < projected.numRows; i++) {
    const row: Row = { region, year: projected.get("year", i) as number, kind: "projected" };
    for (const c of columns) row[c] = projected.get(c, i) as number;
    rows.push(row);
  }
  return rows;
}

/**
 * The total and the age groups by year with their interval: the bootstrap's percentiles, or the back-test's
 * errors scaled with the horizon, P_h·(1 + e·h/years/100) (totals only).
 */
export function totalAndGroupRows(
  region: string,
  period: Period,
  A: number,
  projected: Table,
  groups: readonly (readonly [number, number])[],
  bounds: { low: number[][]; high: number[][] } | null,
  empirical: EmpiricalInterval | null,
): { totals: Row[]; groupRows: Row[] } {
  const { own, shift, start, horizon } = period;
  const n = A + 1;
  const totals: Row[] = [];
  const groupRows: Row[] = [];
  const years = [
    ...period.popYears.filter((y) => y < start),
    ...Array.from({ length: horizon - start + 1 }, (_, k) => start + k),
  ];
  const states = statesOf(projected, n);
  const stateOf = (year: number): Float64Array => (year <= start ? own.get(year)! : states.get(year)!);
  for (const year of years) {
    const state = stateOf(year);
    const k = year - start;
    const kind = year <= start ? "observed" : "projected";
    const withBand = k >= 0 && bounds;
    const point = sum(state);
    const band = withBand
      ? [bounds!.low[k]![0]!, bounds!.high[k]![0]!]
      : empirical && k >= 0
        ? [
            Math.max(0, point * (1 - (empirical.error * k) / empirical.years / 100)),
            point * (1 + (empirical.error * k) / empirical.years / 100),
          ]
        : [null, null];
    totals.push({ region, year: year - shift, kind, population: point, low: band[0]!, high: band[1]! });
    groups.forEach((g, gi) => {
      groupRows.push({
        region,
        year: year - shift,
        kind,
        age_group: groupLabel(g, n - 1),
        population: groupSum(state, n, g),
        low: withBand ? bounds!.low[k]![gi + 1]! : null,
        high: withBand ? bounds!.high[k]![gi + 1]! : null,
      });
    });
  }
  return { totals, groupRows };
}

/**
 * The closed five-year runs of the plausibility guard: for each projected year t, the projection's population of
 * max(start, t − 5) carried to t by births and deaths alone (`step`, one year without migration).
 */
export function withoutMigration(
  region: string,
  period: Period,
  projected: Table,
  n: number,
  groups: readonly (readonly [number, number])[],
  step: (state: Float64Array, into: Float64Array, year: number) => void,
): { totals: Row[]; groupRows: Row[] } {
  const { start, horizon, shift } = period;
  const states = statesOf(projected, n);
  const totals: Row[] = [];
  const groupRows: Row[] = [];
  for (let t = start + 1; t <= horizon; t++) {
    const from = Math.max(start, t - 5);
    let state = Float64Array.from(states.get(from)!);
    let next = new Float64Array(2 * n);
    for (let y = from; y < t; y++) {
      step(state, next, y);
      [state, next] = [next, state];
    }
    totals.push({ region, year: t - shift, kind: "projected", population: sum(state) });
    for (const g of groups)
      groupRows.push({
        region,
        year: t - shift,
        kind: "projected",
        age_group: groupLabel(g, n - 1),
        population: groupSum(state, n, g),
      });
  }
  return { totals, groupRows };
}

/** A projection's population (year, sex, age, population) as one array per year: women's ages, then men's. */
export function statesOf(projected: Table, n: number): Map<number, Float64Array> {
  const states = new Map<number, Float64Array>();
  const [py, ps, pa, pv] = [
    projected.numbers("year"),
    projected.strings("sex"),
    projected.numbers("age"),
    projected.numbers("population"),
  ];
  for (let i = 0; i < projected.numRows; i++) {
    const year = py.get(i)!;
    let state = states.get(year);
    if (!state) states.set(year, (state = new Float64Array(2 * n)));
    state[(ps.get(i) === "female" ? 0 : n) + pa.get(i)!] = pv.get(i)!;
  }
  return states;
}

/** An age group's label: "20-64", or "80+" for the open one (its end at or past the open age A). */
export function groupLabel([lo, hi]: readonly [number, number], A: number): string {
  return hi === Infinity || hi >= A ? `${lo}+` : `${lo}-${hi}`;
}

export function groupSum(state: Float64Array, n: number, [lo, hi]: readonly [number, number]): number {
  let s = 0;
  for (let x = lo; x <= Math.min(hi, n - 1); x++) s += state[x]! + state[n + x]!;
  return s;
}
