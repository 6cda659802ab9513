import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { sum } from "../util/stats.ts";

import type { Sex } from "../../io/sex.ts";
import { SEXES } from "./small-numbers.ts";

export { localRate } from "./small-numbers.ts";

/** One value per single year of age, 0 … maxAge, the last age open ("100+"). */
export type ByAge = readonly number[];
export type BySex = Readonly<Record<Sex, ByAge>>;

/** Rates for one projection year (docs/methods.md §8.1). Risks apply to the population at the start of the year. */
export interface Rates {
  /** Births per woman of each age (0 outside 15-49). */
  fertility: ByAge;
  /** Probability of dying during the year, by sex and age; newborns are exposed for half a year at age 0's rate. */
  mortality: BySex;
  /** Probability of moving to another municipality. */
  outMigration?: BySex;
  /** Probability of emigrating. */
  emigration?: BySex;
  /** In-migrants from the rest of the country, by sex and age at the start of the year (counts). */
  inMigration?: BySex;
  /** Immigrants, by sex and age at the start of the year (counts). */
  immigration?: BySex;
  /**
   * Net migration per person at the start of the year, by sex and age (may be negative): the residual method's
   * migration, for places without migration tables. NM = n·P; n ≥ −(1 − m) is required.
   */
  netMigration?: BySex;
  /** Risk that a child born in the year dies before the year ends (default: half of age 0's mortality). */
  newbornMortality?: Readonly<Record<Sex, number>>;
  /** Net migration of the year's newborns per birth (may be negative; default 0). */
  newbornNetMigration?: Readonly<Record<Sex, number>>;
}

export interface ProjectionOptions {
  /** Population on 1 January of `start` (or 31 December of the year before) by sex and single year of age. */
  population: BySex;
  start: number;
  /** Last year whose start population is projected. */
  horizon: number;
  /** The rates of a year (constant: return the same object). */
  rates: (year: number) => Rates;
  /** Share of boys among births (default 0.512, docs/methods.md §8.1). */
  boys?: number;
  /** Scenario multipliers on components for some years, e.g. { component: "inMigration", from: 2025, to: 2029, factor: 1.1 }. */
  multipliers?: readonly { component: keyof Rates; from: number; to: number; factor: number }[];
  region?: string;
}

export interface Projection {
  /** region, year, sex, age, population: the start population of every year from `start` to `horizon`. */
  population: Table;
  /** region, year and the flows of each year: births, deaths, in- and out-migration, immigration, emigration, with
   * the start and end population; end = start + births − deaths + in − out + immigration − emigration exactly. */
  components: Table;
}

/**
 * Cohort-component projection by sex and single year of age (docs/methods.md §8.1):
 *
 *     D = m·P,  OM = o·P,  EMI = u·P                         (risks on the start population)
 *     P(a+1, t+1) = P(a, t) − D − OM − EMI + IM + IMM          (the last age is open: it keeps its survivors)
 *     B(t) = Σ_{a} f_a·P_female(a, t);  boys = 0.512·B, girls = 0.488·B
 *     P(0, t+1) = births − deaths of the newborns (half a year at age 0's mortality)
 *
 * With net migration (the residual method, `netMigration` n and `newbornNetMigration` n₀ per birth):
 *
 *     P(a+1, t+1) = P(a, t)·(1 − m_a + n_a),   P(0, t+1) = B·(1 − m₀ + n₀)      (m₀: `newbornMortality`)
 *
 * Every year balances: end = start + births − deaths + in-migration − out-migration + immigration − emigration
 * (+ net_migration, a column present only when net migration is given).
 */
export function projectPopulation(options: ProjectionOptions): Projection {
  const boys = options.boys ?? 0.512;
  const maxAge = options.population.female.length - 1;
  if (options.population.male.length !== maxAge + 1)
    throw new OmvarldError("ARGUMENT", "female and male populations have different numbers of ages");
  const factor = (component: keyof Rates, year: number) =>
    (options.multipliers ?? [])
      .filter((m) => m.component === component && m.from <= year && year <= m.to)
      .reduce((p, m) => p * m.factor, 1);
  let current: Record<Sex, number[]> = { female: [...options.population.female], male: [...options.population.male] };
  const region = options.region ?? "region";
  const popRows: Record<string, string | number | null>[] = [];
  const flowRows: Record<string, string | number | null>[] = [];
  for (let year = options.start; year <= options.horizon; year++) {
    for (const sex of SEXES)
      current[sex].forEach((value, age) => popRows.push({ region, year, sex, age, population: value }));
    if (year === options.horizon) break;
    const r = options.rates(year);
    checkRisks(r, year);
    const scale = (v: BySex | undefined, component: keyof Rates, sex: Sex, age: number) =>
      (v?.[sex][age] ?? 0) * factor(component, year);
    let births = 0;
    for (let age = 0; age <= maxAge; age++)
      births += (r.fertility[age] ?? 0) * factor("fertility", year) * current.female[age]!;
    const next: Record<Sex, number[]> = {
      female: new Array<number>(maxAge + 1).fill(0),
      male: new Array<number>(maxAge + 1).fill(0),
    };
    const flows: Record<string, number> = {
      births,
      deaths: 0,
      in_migration: 0,
      out_migration: 0,
      immigration: 0,
      emigration: 0,
    };
    if (r.netMigration || r.newbornNetMigration) flows.net_migration = 0;
    for (const sex of SEXES) {
      for (let age = 0; age <= maxAge; age++) {
        const p = current[sex][age]!;
        const deaths = scale(r.mortality, "mortality", sex, age) * p;
        const out = scale(r.outMigration, "outMigration", sex, age) * p;
        const emi = scale(r.emigration, "emigration", sex, age) * p;
        const inn = scale(r.inMigration, "inMigration", sex, age);
        const imm = scale(r.immigration, "immigration", sex, age);
        const net = r.netMigration ? scale(r.netMigration, "netMigration", sex, age) * p : 0;
        next[sex][Math.min(age + 1, maxAge)]! += p - deaths - out - emi + inn + imm + net;
        if (r.netMigration) flows.net_migration! += net;
        flows.deaths! += deaths;
        flows.out_migration! += out;
        flows.emigration! += emi;
        flows.in_migration! += inn;
        flows.immigration! += imm;
      }
      const newborns = births * (sex === "male" ? boys : 1 - boys);
      const newbornRisk = r.newbornMortality
        ? r.newbornMortality[sex] * factor("mortality", year)
        : 0.5 * scale(r.mortality, "mortality", sex, 0);
      const infantDeaths = newbornRisk * newborns;
      const newbornNet = r.newbornNetMigration
        ? r.newbornNetMigration[sex] * factor("netMigration", year) * newborns
        : 0;
      next[sex][0]! += newborns - infantDeaths + newbornNet;
      flows.deaths! += infantDeaths;
      if (r.newbornNetMigration) flows.net_migration! += newbornNet;
    }
    const start = sum(SEXES.map((sex) => sum(current[sex])));
    const end = sum(SEXES.map((sex) => sum(next[sex])));
    flowRows.push({ region, year, start_population: start, ...flows, end_population: end });
    current = next;
  }
  return { population: toTable(popRows, ["region", "sex"]), components: toTable(flowRows, ["region"]) };
}

/** Risks are probabilities: a death or emigration risk above 1 would make people negative and the projection explode. */
function checkRisks(r: Rates, year: number): void {
  for (const [name, risks] of [
    ["mortality", r.mortality],
    ["outMigration", r.outMigration],
    ["emigration", r.emigration],
  ] as const) {
    if (!risks) continue;
    for (const sex of SEXES) {
      const bad = risks[sex].findIndex((v) => !(v >= 0 && v <= 1));
      if (bad >= 0) {
        throw new OmvarldError(
          "ARGUMENT",
          `${name} of ${sex}s aged ${bad} in ${year} is ${risks[sex][bad]}, not a probability between 0 and 1`,
          {},
          "risks are events per person at the start of the year; check the rates' units",
        );
      }
    }
  }
  if (r.netMigration) {
    for (const sex of SEXES) {
      const bad = r.netMigration[sex].findIndex((n, a) => !(Number.isFinite(n) && 1 - r.mortality[sex][a]! + n >= 0));
      if (bad >= 0)
        throw new OmvarldError(
          "ARGUMENT",
          `net migration of ${sex}s aged ${bad} in ${year} is ${r.netMigration[sex][bad]} per person, more than the survivors`,
          {},
          "net migration rates must be at least the survival probability below 0",
        );
    }
  }
  const together = SEXES.some((sex) =>
    r.mortality[sex].some((m, a) => m + (r.outMigration?.[sex][a] ?? 0) + (r.emigration?.[sex][a] ?? 0) > 1),
  );
  if (together)
    throw new OmvarldError(
      "ARGUMENT",
      `in ${year} the risks of dying, moving and emigrating add up to more than 1 for some age`,
      {},
      "check the rates",
    );
}

/** Time weights over a historical window of n years, oldest first, summing to 1 (docs/methods.md §8.1). */
export function timeWeights(n: number, kind: "uniform" | "linear" | "exponential" = "uniform", alpha = 0.33): number[] {
  const raw = Array.from({ length: n }, (_, k) =>
    kind === "uniform" ? 1 : kind === "linear" ? k + 1 : (1 - alpha) ** (n - 1 - k),
  );
  const total = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / total);
}

/**
 * A rate from a window of years: Σ_k w_k·events_k / Σ_k w_k·exposure_k with time weights (uniform, linear, or
 * exponential with α = 0.33, the Analytikernätverket default for fertility and migration). Null without exposure.
 */
export function weightedRate(
  events: readonly number[],
  exposure: readonly number[],
  weights: readonly number[],
): number | null {
  let e = 0;
  let x = 0;
  events.forEach((v, k) => {
    e += weights[k]! * v;
    x += weights[k]! * exposure[k]!;
  });
  return x > 0 ? e / x : null;
}
