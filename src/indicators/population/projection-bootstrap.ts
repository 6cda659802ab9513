// The bootstrap interval of a kommun projection: runs that draw observed years' migration and fertility.
import type { Sex } from "../../io/sex.ts";
import { mulberry32, quantile } from "../util/random.ts";
import { sum } from "../util/stats.ts";
import type { Component, MunicipalProjectionOptions } from "./municipal-projection.ts";
import { groupSum } from "./projection-rows.ts";
import { SEXES } from "./small-numbers.ts";

/** The bootstrap's settings with their defaults, or null for the back-test's interval or none. */
export function bootstrapSettings(
  interval: MunicipalProjectionOptions["interval"],
): { runs: number; level: number; seed: number; draw: "year" | "run" } | null {
  if (interval === false || (interval && "method" in interval)) return null;
  return {
    runs: interval?.runs ?? 500,
    level: interval?.level ?? 0.8,
    seed: interval?.seed ?? 1,
    draw: interval?.draw ?? "year",
  };
}

/**
 * Quantiles of the total and the age groups when each projected year draws one observed year's net migration and
 * fertility (time weights as probabilities). Returns per projected year k (0 = start) [total, group 1, …].
 */
export function bootstrap(
  startPop: Float64Array,
  n: number,
  years: number,
  groups: readonly (readonly [number, number])[],
  interval: { runs: number; level: number; seed: number; draw: "year" | "run" },
  weights: readonly number[],
  yearOf: (k: number) => { fertility: number[]; netMigration: number[][]; newborn: Record<Sex, number> },
  fixed: {
    mortalityIn: (year: number) => number[][];
    newbornIn: (year: number) => Record<Sex, number>;
    boysShare: number;
    multipliers: readonly { component: Component; from: number; to: number; factor: number }[];
    start: number;
  },
): { low: number[][]; high: number[][] } {
  const random = mulberry32(interval.seed);
  const cumulative = weights.map((_, k) => weights.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const width = groups.length + 1;
  const values = Array.from({ length: years + 1 }, () =>
    Array.from({ length: width }, () => new Float64Array(interval.runs)),
  );
  let p = new Float64Array(2 * n);
  let q = new Float64Array(2 * n);
  const record = (k: number, run: number, state: Float64Array) => {
    values[k]![0]![run] = sum(state);
    groups.forEach((g, gi) => {
      values[k]![gi + 1]![run] = groupSum(state, n, g);
    });
  };
  const factor = (component: Component, year: number) =>
    fixed.multipliers
      .filter((m) => m.component === component && m.from <= year && year <= m.to)
      .reduce((a, m) => a * m.factor, 1);
  for (let run = 0; run < interval.runs; run++) {
    p.set(startPop);
    record(0, run, p);
    let k = 0;
    for (let y = 0; y < years; y++) {
      if (y === 0 || interval.draw === "year") {
        const u = random();
        k = 0;
        while (k < cumulative.length - 1 && u > cumulative[k]!) k++;
      }
      const r = yearOf(k);
      const year = fixed.start + y;
      stepNet(
        p,
        q,
        n,
        r.fertility,
        fixed.mortalityIn(year),
        r.netMigration,
        fixed.newbornIn(year),
        r.newborn,
        fixed.boysShare,
        factor("fertility", year),
        factor("mortality", year),
        factor("netMigration", year),
      );
      [p, q] = [q, p];
      record(y + 1, run, p);
    }
  }
  return {
    low: values.map((row) => row.map((v) => quantile(v, (1 - interval.level) / 2))),
    high: values.map((row) => row.map((v) => quantile(v, (1 + interval.level) / 2))),
  };
}

/**
 * One year of `projectPopulation` with net migration, on flat arrays (women's ages, then men's), for the bootstrap's
 * many runs; tests check it against `projectPopulation`.
 */
export function stepNet(
  p: Float64Array,
  into: Float64Array,
  n: number,
  fertility: readonly number[],
  mortality: readonly (readonly number[])[],
  net: readonly (readonly number[])[],
  newbornMortality: Record<Sex, number>,
  newbornNet: Record<Sex, number>,
  boys: number,
  fFertility = 1,
  fMortality = 1,
  fNet = 1,
): void {
  let births = 0;
  for (let a = 0; a < n; a++) births += fertility[a]! * fFertility * p[a]!;
  into.fill(0);
  SEXES.forEach((sex, si) => {
    const o = si * n;
    for (let x = 0; x < n; x++)
      into[o + Math.min(x + 1, n - 1)]! += p[o + x]! * (1 - mortality[si]![x]! * fMortality + net[si]![x]! * fNet);
    const newborns = births * (sex === "male" ? boys : 1 - boys);
    into[o]! += newborns * (1 - newbornMortality[sex] * fMortality + newbornNet[sex] * fNet);
  });
}
