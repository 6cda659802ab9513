import { OmvarldError } from "../../errors.ts";
import { mulberry32, quantile } from "../util/random.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { sum, weightedMean } from "../util/stats.ts";
import { type AgeBand, parseAgeBand, within } from "./ages.ts";
import { type Sex, sexOf } from "../../io/sex.ts";
import { timeWeights } from "./projection.ts";
import { SEXES } from "./small-numbers.ts";

export interface GroupProjectionOptions {
  region: string;
  /** Last observed year: the projection starts from its population. Default: the last year in the table. */
  start?: number;
  /** Last projected year. */
  horizon: number;
  /** Years of history the ratios are estimated from (default 10, docs/methods.md §8.1 uses 7). */
  window?: number;
  /** Time weights over the window (default exponential, α = 0.33, as for migration in docs/methods.md §8.1). */
  weights?: "uniform" | "linear" | "exponential";
  /** The age band of the mothers' group: the group that contains it (default 15-49). */
  mothers?: string;
  /** Projection interval: runs of the block bootstrap and the level (default 1 000 runs, 0.8). `false` for none. */
  interval?: { runs?: number; level?: number; seed?: number } | false;
  /** Scenario multipliers, e.g. { component: "entrants", from: 2025, to: 2030, factor: 1.1 }. */
  multipliers?: readonly { component: "entrants" | "net_other"; from: number; to: number; factor: number }[];
}

export interface GroupProjection {
  /** region, year, sex, age (the source's labels), value, kind: "observed" up to `start`, "projected" after. */
  population: Table;
  /** region, year, kind, population (both sexes, all ages), low, high: the projection interval of the total (null before the start). */
  total: Table;
  /** region, year, start_population, entrants, net_other, end_population: end = start + entrants + net_other. */
  components: Table;
  /** The estimated ratios per sex and group (weighted means over the window), for the method note. */
  ratios: { sex: Sex; age: string; ratio: number }[];
  /** How it was made: the observed years the ratios come from, the time weights, and the interval's level and runs. */
  method: {
    from: number;
    to: number;
    weights: "uniform" | "linear" | "exponential";
    level: number | null;
    runs: number | null;
  };
}

interface Group {
  label: string;
  band: AgeBand;
  /** 1/width: the share that ages into the next group in a year, if ages are spread evenly (0 for the open group). */
  ageing: number;
}

// A year's population is a flat array: the groups of women, then those of men. A year's ratios have the same
// layout: entrants per woman of the mothers' group at each sex's youngest group, the share left of the others.

/**
 * Cohort-change projection on the age groups a table has (e.g. Eurostat's 0-14, 15-64, 65+), for data without
 * single years of age or components; a Hamilton-Perry method in yearly steps. With groups g of width w_g (the last
 * open) and ages spread evenly within a group, one year moves P_g/w_g into the next group:
 *
 *     P_0(t+1) = (1 − 1/w_0)·P_0(t) + c·W(t)                 c: entrants per woman of the mothers' group W
 *     P_g(t+1) = r_g·P_g(t) + P_{g−1}(t)/w_{g−1}             r_g: the share left after ageing out, deaths and migration
 *
 * c and r_g are estimated per sex from each year of the window (so the ratios reproduce every observed year
 * exactly) and averaged with time weights. Entrants take in births, and the deaths and migration of the youngest
 * group. The interval comes from a block bootstrap: each projected year draws the ratios of one historical year.
 *
 * @example
 * projectAgeGroups(eurostat.filter({ unit: "NR" }), { region: "SE312", horizon: 2040 }).total
 */
export function projectAgeGroups(table: Table, options: GroupProjectionOptions): GroupProjection {
  const own = regionRows(table, options.region);
  const groups = partition(own.distinct("age") as string[], table.provenance.file);
  const mothers = mothersGroup(groups, options.mothers ?? "15-49");
  const stock = stockOf(own, groups, own.has("value") ? "value" : own.names("measure")[0]!);
  const complete = (year: number) => stock.get(year)?.every((v) => v !== null && v > 0) ?? false;
  const start = startYear(stock, complete, options);
  const { history, first } = historyRatios(stock, complete, start, options.window ?? 10, groups, mothers);
  const weights = timeWeights(history.length, options.weights ?? "exponential");
  const mean = Float64Array.from({ length: 2 * groups.length }, (_, i) =>
    weightedMean(
      history.map((h) => h[i]!),
      weights,
    )!,
  );
  const step = stepper(groups, mothers, start, options);
  const region = options.region;
  const popRows: Row[] = [];
  for (const year of [...stock.keys()].filter((y) => y <= start).sort((a, b) => a - b))
    popRows.push(...stateRows(region, year, groups, stock.get(year)!, "observed"));
  const initial = Float64Array.from(stock.get(start) as number[]);
  const { totals, flowRows } = projectForward(region, initial, mean, start, options.horizon, groups, step, popRows);
  const bounds =
    options.interval === false
      ? null
      : bootstrap(initial, history, weights, options.horizon - start, step, options.interval ?? {});
  const totalRows = totalRowsOf(region, stock, complete, start, totals, bounds);
  const n = groups.length;
  return {
    population: toTable(popRows, ["region", "sex", "age", "kind"], table.provenance),
    total: toTable(totalRows, ["region", "kind"], table.provenance),
    components: toTable(flowRows, ["region"], table.provenance),
    ratios: SEXES.flatMap((sex, s) => groups.map((g, k) => ({ sex, age: g.label, ratio: mean[s * n + k]! }))),
    method: {
      from: first,
      to: start,
      weights: options.weights ?? "exponential",
      level: options.interval === false ? null : (options.interval?.level ?? 0.8),
      runs: options.interval === false ? null : (options.interval?.runs ?? 1000),
    },
  };
}

type Row = Record<string, string | number | null>;

/** One year forward from p into `into` with the ratios r of projected year k (0 = the first); returns the entrants. */
type Step = (p: Float64Array, into: Float64Array, r: Float64Array, k: number, flows?: Float64Array) => number;

/** The region's rows, checked for the columns year, sex and age. */
function regionRows(table: Table, region: string): Table {
  const own = table.filter({ region });
  if (own.numRows === 0)
    throw new OmvarldError("ARGUMENT", `region ${region} is not in the table`, { file: table.provenance.file });
  for (const c of ["year", "sex", "age"]) {
    if (!own.has(c))
      throw new OmvarldError(
        "SCHEMA",
        `the population table has no ${c} column`,
        { file: table.provenance.file },
        "the projection needs population by year, sex and age group",
      );
  }
  return own;
}

/** The index of the group that holds the mothers' ages (e.g. "15-49" in 15-64), or that they hold. */
function mothersGroup(groups: readonly Group[], label: string): number {
  const band = parseAgeBand(label)!;
  const mothers = groups.findIndex((g) => within(band, g.band) || within(g.band, band));
  if (mothers < 0)
    throw new OmvarldError(
      "ARGUMENT",
      `no age group holds the mothers' ages ${label}`,
      {},
      `the groups are ${groups.map((g) => g.label).join(", ")}`,
    );
  return mothers;
}

/** The year the projection starts from: `start`, or the last year with every sex and group; checked against the horizon. */
function startYear(
  stock: Map<number, (number | null)[]>,
  complete: (year: number) => boolean,
  options: GroupProjectionOptions,
): number {
  const start = options.start ?? Math.max(...[...stock.keys()].filter(complete));
  if (!complete(start))
    throw new OmvarldError(
      "ARGUMENT",
      `${options.region} lacks a population for some sex and age group in ${start}`,
      {},
      "choose a start year the table has in full",
    );
  if (!(options.horizon > start))
    throw new OmvarldError(
      "ARGUMENT",
      `the horizon ${options.horizon} is not after ${start}, the last year the projection starts from`,
      {},
      `give a horizon after ${start}, e.g. ${start + 18}`,
    );
  return start;
}

/** The ratios of each pair of complete consecutive years in the window before `start`, and the first such year. */
function historyRatios(
  stock: Map<number, (number | null)[]>,
  complete: (year: number) => boolean,
  start: number,
  windowSize: number,
  groups: readonly Group[],
  mothers: number,
): { history: Float64Array[]; first: number } {
  const history: Float64Array[] = [];
  let first = start;
  for (let year = start - windowSize; year < start; year++) {
    if (!complete(year) || !complete(year + 1)) continue;
    history.push(ratiosOf(stock.get(year) as number[], stock.get(year + 1) as number[], groups, mothers));
    first = Math.min(first, year);
  }
  if (history.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `no two consecutive years with every group before ${start}`,
      {},
      "the projection needs at least two years of population by sex and age group",
    );
  return { history, first };
}

/** The step of each projected year, with its scenario multipliers worked out once (the bootstrap steps many times). */
function stepper(groups: readonly Group[], mothers: number, start: number, options: GroupProjectionOptions): Step {
  const factors = (component: "entrants" | "net_other") =>
    Array.from({ length: Math.max(0, options.horizon - start) }, (_, k) =>
      (options.multipliers ?? [])
        .filter((m) => m.component === component && m.from <= start + k && start + k <= m.to)
        .reduce((p, m) => p * m.factor, 1),
    );
  const [entrantsFactor, otherFactor] = [factors("entrants"), factors("net_other")];
  const ageing = Float64Array.from(groups, (g) => g.ageing);
  return (p, into, r, k, flows) => advance(p, into, r, ageing, mothers, entrantsFactor[k]!, otherFactor[k]!, flows);
}

/** The population rows of one year's state (women's groups, then men's). */
function stateRows(
  region: string,
  year: number,
  groups: readonly Group[],
  state: ArrayLike<number | null>,
  kind: string,
): Row[] {
  const n = groups.length;
  return SEXES.flatMap((sex, s) =>
    groups.map((g, k) => ({ region, year, sex, age: g.label, value: state[s * n + k]!, kind })),
  );
}

/**
 * The projection with the mean ratios from `start` to `horizon`: the totals by year (the start's first), the
 * components (end = start + entrants + net_other) and each projected year's population rows (into `popRows`).
 */
function projectForward(
  region: string,
  initial: Float64Array,
  mean: Float64Array,
  start: number,
  horizon: number,
  groups: readonly Group[],
  step: Step,
  popRows: Row[],
): { totals: number[]; flowRows: Row[] } {
  const flowRows: Row[] = [];
  const flows = new Float64Array(1);
  const totals = [sum(initial)];
  let current = initial;
  for (let year = start; year < horizon; year++) {
    const next = new Float64Array(current.length);
    const entrants = step(current, next, mean, year - start, flows);
    flowRows.push({
      region,
      year,
      start_population: sum(current),
      entrants,
      net_other: flows[0]!,
      end_population: sum(next),
    });
    current = next;
    totals.push(sum(current));
    popRows.push(...stateRows(region, year + 1, groups, current, "projected"));
  }
  return { totals, flowRows };
}

/**
 * The total's rows: the complete observed years before the start (no interval), then the start (its interval the
 * point itself, so that the band starts there) and the projected years with the bootstrap's bounds.
 */
function totalRowsOf(
  region: string,
  stock: Map<number, (number | null)[]>,
  complete: (year: number) => boolean,
  start: number,
  totals: readonly number[],
  bounds: { low: number[]; high: number[] } | null,
): Row[] {
  const observed = [...stock.keys()]
    .filter((y) => y < start && complete(y))
    .sort((a, b) => a - b)
    .map((year) => ({
      region,
      year,
      kind: "observed",
      population: sum(stock.get(year) as number[]),
      low: null,
      high: null,
    }));
  return [
    ...observed,
    ...totals.map((population, k) => ({
      region,
      year: start + k,
      kind: k === 0 ? "observed" : "projected",
      population,
      low: bounds?.low[k] ?? null,
      high: bounds?.high[k] ?? null,
    })),
  ];
}

/** The groups that partition the ages 0 … ∞ (totals and groups containing others are left out), youngest first. */
function partition(labels: readonly string[], file: string | undefined): Group[] {
  const parsed = labels
    .map((label) => ({ label, band: parseAgeBand(label) }))
    .filter((g): g is { label: string; band: AgeBand } => g.band !== null);
  const finest = parsed
    .filter((g) => !parsed.some((o) => o !== g && within(o.band, g.band)))
    .sort((a, b) => a.band.from - b.band.from);
  const gap = finest.findIndex((g, k) => (k === 0 ? g.band.from !== 0 : g.band.from !== finest[k - 1]!.band.to + 1));
  if (finest.length < 2 || gap >= 0 || finest.at(-1)!.band.to !== Infinity) {
    throw new OmvarldError(
      "SCHEMA",
      `the age groups ${finest.map((g) => g.label).join(", ")} do not cover the ages 0 and up without gaps`,
      { file },
      "the projection needs groups such as 0-14, 15-64, 65+ (the last open)",
    );
  }
  return finest.map((g) => ({ ...g, ageing: g.band.to === Infinity ? 0 : 1 / (g.band.to - g.band.from + 1) }));
}

/** Population by year in the state's layout (women's groups, then men's). */
function stockOf(own: Table, groups: readonly Group[], value: string): Map<number, (number | null)[]> {
  const stock = new Map<number, (number | null)[]>();
  for (const r of own.toRows()) {
    const sex = sexOf(r.sex);
    const s = sex === "female" ? 0 : sex === "male" ? 1 : -1;
    const g = groups.findIndex((x) => x.label === r.age);
    if (s < 0 || g < 0) continue;
    const year = r.year as number;
    if (!stock.has(year)) stock.set(year, new Array<number | null>(2 * groups.length).fill(null));
    stock.get(year)![s * groups.length + g] = r[value] as number | null;
  }
  return stock;
}

/** The ratios that carry `before` exactly onto `after`. */
function ratiosOf(
  before: readonly number[],
  after: readonly number[],
  groups: readonly Group[],
  mothers: number,
): Float64Array {
  const n = groups.length;
  const women = before[mothers]!;
  const ratios = new Float64Array(2 * n);
  for (let o = 0; o < 2 * n; o += n) {
    ratios[o] = (after[o]! - (1 - groups[0]!.ageing) * before[o]!) / women;
    for (let g = 1; g < n; g++)
      ratios[o + g] = (after[o + g]! - before[o + g - 1]! * groups[g - 1]!.ageing) / before[o + g]!;
  }
  return ratios;
}

/**
 * One year forward from `p` into `into`: the state holds the groups of women, then those of men. Returns the
 * year's entrants; the net change of the other groups is written to `flows[0]` when given.
 */
function advance(
  p: Float64Array,
  into: Float64Array,
  r: Float64Array,
  ageing: Float64Array,
  mothers: number,
  entrantsFactor: number,
  otherFactor: number,
  flows?: Float64Array,
): number {
  const n = ageing.length;
  const women = p[mothers]!;
  let entrants = 0;
  let netOther = 0;
  for (let s = 0; s < 2; s++) {
    const o = s * n;
    const e = r[o]! * entrantsFactor * women;
    entrants += e;
    into[o] = (1 - ageing[0]!) * p[o]! + e;
    for (let g = 1; g < n; g++) {
      // what the group gains or loses besides ageing: deaths and migration
      const other = (r[o + g]! - 1 + ageing[g]!) * otherFactor * p[o + g]!;
      netOther += other;
      into[o + g] = (1 - ageing[g]!) * p[o + g]! + other + p[o + g - 1]! * ageing[g - 1]!;
    }
  }
  if (flows) flows[0] = netOther;
  return entrants;
}

/** Quantiles of the projected total when each year draws the ratios of one historical year (weights as probabilities). */
function bootstrap(
  start: Float64Array,
  history: readonly Float64Array[],
  weights: readonly number[],
  years: number,
  step: (p: Float64Array, into: Float64Array, r: Float64Array, k: number) => number,
  options: { runs?: number; level?: number; seed?: number },
): { low: number[]; high: number[] } {
  const runs = options.runs ?? 1000;
  const level = options.level ?? 0.8;
  const random = mulberry32(options.seed ?? 1);
  const cumulative = weights.map((_, k) => weights.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const totals = Array.from({ length: years + 1 }, () => new Float64Array(runs));
  // two states stepped into each other: no allocation in the loop
  let p = new Float64Array(start.length);
  let q = new Float64Array(start.length);
  for (let run = 0; run < runs; run++) {
    p.set(start);
    totals[0]![run] = sum(p);
    for (let y = 0; y < years; y++) {
      const u = random();
      let k = 0;
      while (k < history.length - 1 && u > cumulative[k]!) k++;
      step(p, q, history[k]!, y);
      [p, q] = [q, p];
      totals[y + 1]![run] = sum(p);
    }
  }
  return {
    low: totals.map((t) => quantile(t, (1 - level) / 2)),
    high: totals.map((t) => quantile(t, (1 + level) / 2)),
  };
}
