import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { parseAgeBand } from "./ages.ts";
import { sum } from "../util/stats.ts";
import { type Sex, sexOf } from "../../io/sex.ts";
import { type BySex, type Rates, timeWeights, weightedRate } from "./projection.ts";
import { localRate, MORTALITY_GROUPS, SMALL_NUMBERS } from "./small-numbers.ts";

/**
 * Tables the rates are estimated from, each tidy with region, year, age (single years, the last open: "100+") and
 * value; all but births also by sex. `population` is the population at the start of each year (1 January, or
 * 31 December of the year before), the exposure of that year's events.
 */
export interface RateTables {
  population: Table;
  /** Births by the mother's age. */
  births: Table;
  deaths: Table;
  /** Moves out of the region to the rest of the country. */
  outMigration?: Table;
  emigration?: Table;
  /** Moves into the region from the rest of the country (counts; projected as the window's mean counts). */
  inMigration?: Table;
  immigration?: Table;
}

export interface RateOptions {
  region: string;
  /** The nation in the same tables: local rates are then national rates × a clipped local/national ratio (docs/methods.md §8.1). */
  national?: string;
  /** The historical window, first and last year of events. */
  from: number;
  to: number;
  /** Time weights per component (docs/methods.md §8.1 defaults: exponential for fertility and migration, uniform for mortality). */
  weights?: { fertility?: Weights; mortality?: Weights; migration?: Weights };
  /** The last, open age (default 100). */
  maxAge?: number;
}

type Weights = "uniform" | "linear" | "exponential";

/**
 * Rates for `projectPopulation` from historical events (docs/methods.md §8.1): for each age a and sex s, with time weights
 * w_t over the window,
 *
 *     f_a = Σ w_t·B_{a,t} / Σ w_t·W_{a,t}          fertility (births per woman at the start of the year)
 *     m_{s,a} = Σ w_t·D_{s,a,t} / Σ w_t·P_{s,a,t}    and likewise out-migration and emigration risks (capped at 0.5)
 *     IM_{s,a} = Σ w_t·IM_{s,a,t}                    in-migrants and immigrants as weighted mean counts
 *
 * With `national`, mortality is the national rate times the local/national ratio of its age group, clipped to
 * [0.7, 1.3] and 1 where the group has fewer than 50 deaths; fertility the national rates times the ratio of the
 * 15-49 totals, clipped to [0.1, 3].
 *
 * @example
 * const rates = estimateRates(tables, { region: "2021", national: "00", from: 2017, to: 2023 });
 * projectPopulation({ population, start: 2024, horizon: 2040, rates: () => rates });
 */
export function estimateRates(tables: RateTables, options: RateOptions): Rates {
  const maxAge = options.maxAge ?? 100;
  const years = Array.from({ length: options.to - options.from + 1 }, (_, k) => options.from + k);
  if (years.length < 1)
    throw new OmvarldError("ARGUMENT", `the window ${options.from}-${options.to} holds no year`, {}, "give from ≤ to");
  const weightsOf = (kind: Weights | undefined, fallback: Weights) => timeWeights(years.length, kind ?? fallback);
  const wf = weightsOf(options.weights?.fertility, "exponential");
  const wm = weightsOf(options.weights?.mortality, "uniform");
  const wg = weightsOf(options.weights?.migration, "exponential");
  const cube = (t: Table, region: string, name: string, bySex = true) =>
    eventsBy(t, region, years, maxAge, name, bySex);

  const local = (region: string) => ({
    population: cube(tables.population, region, "population"),
    births: cube(tables.births, region, "births", false),
    deaths: cube(tables.deaths, region, "deaths"),
  });
  const own = local(options.region);
  const rate = (events: number[][], exposure: number[][], w: number[], age: number) =>
    weightedRate(
      events.map((e) => e[age]!),
      exposure.map((p) => p[age]!),
      w,
    ) ?? 0;

  let fertility = Array.from({ length: maxAge + 1 }, (_, a) => rate(own.births.female, own.population.female, wf, a));
  let mortality = bySex((s) =>
    Array.from({ length: maxAge + 1 }, (_, a) => rate(own.deaths[s], own.population[s], wm, a)),
  );

  if (options.national !== undefined) {
    const nation = local(options.national);
    const nationalFertility = Array.from({ length: maxAge + 1 }, (_, a) =>
      rate(nation.births.female, nation.population.female, wf, a),
    );
    // the ratio of the 15-49 totals (a TFR ratio), clipped
    const tfr = (f: number[]) => sum(f.slice(15, 50));
    const ratio = localRate(tfr(fertility), tfr(nationalFertility), 1, SMALL_NUMBERS.fertility);
    fertility = nationalFertility.map((f) => f * ratio);
    mortality = bySex((s) => {
      const national = Array.from({ length: maxAge + 1 }, (_, a) =>
        rate(nation.deaths[s], nation.population[s], wm, a),
      );
      const adjusted = [...national];
      MORTALITY_GROUPS.forEach((from, g) => {
        const to = Math.min(maxAge, g + 1 < MORTALITY_GROUPS.length ? MORTALITY_GROUPS[g + 1]! - 1 : maxAge);
        const ages = Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
        // Σ over the window (weighted, or plain counts) and the group's ages
        const total = (byYear: number[][], w?: number[]) =>
          sum(years.map((_, y) => (w?.[y] ?? 1) * sum(ages.map((a) => byYear[y]![a]!))));
        const expected = sum(
          ages.map((a) => national[a]! * sum(years.map((_, y) => wm[y]! * own.population[s][y]![a]!))),
        );
        // the small-number rule on the group's standardised mortality ratio (weighted deaths / expected), counted in deaths
        const r = localRate(total(own.deaths[s], wm), expected, 1, {
          ...SMALL_NUMBERS.mortality,
          count: total(own.deaths[s]),
        });
        for (const a of ages) adjusted[a] = national[a]! * r;
      });
      return adjusted;
    });
  }

  const risk = (t: Table | undefined, name: string) => {
    if (!t) return undefined;
    const events = cube(t, options.region, name);
    return bySex((s) =>
      Array.from({ length: maxAge + 1 }, (_, a) => Math.min(0.5, rate(events[s], own.population[s], wg, a))),
    );
  };
  const counts = (t: Table | undefined, name: string) => {
    if (!t) return undefined;
    const events = cube(t, options.region, name);
    return bySex((s) =>
      Array.from({ length: maxAge + 1 }, (_, a) => years.reduce((sum, _, y) => sum + wg[y]! * events[s][y]![a]!, 0)),
    );
  };
  const out = risk(tables.outMigration, "outMigration");
  const emi = risk(tables.emigration, "emigration");
  const inn = counts(tables.inMigration, "inMigration");
  const imm = counts(tables.immigration, "immigration");
  return {
    fertility,
    mortality,
    ...(out ? { outMigration: out } : {}),
    ...(emi ? { emigration: emi } : {}),
    ...(inn ? { inMigration: inn } : {}),
    ...(imm ? { immigration: imm } : {}),
  };
}

function bySex(f: (sex: Sex) => number[]): BySex {
  return { female: f("female"), male: f("male") };
}

/** events[sex][yearIndex][age] for one region (births: under "female", by the mother's age); missing cells are errors. */
function eventsBy(
  t: Table,
  region: string,
  years: readonly number[],
  maxAge: number,
  name: string,
  bySex: boolean,
): Record<Sex, number[][]> {
  const out = {
    female: years.map(() => new Array<number>(maxAge + 1).fill(0)),
    male: years.map(() => new Array<number>(maxAge + 1).fill(0)),
  };
  const seen = new Set<number>();
  const mine = t.filter({ region, year: years as number[] });
  const value = mine.has("value") ? "value" : mine.names("measure")[0]!;
  for (const r of mine.toRows()) {
    const band = parseAgeBand(String(r.age));
    if (!band || (band.from !== band.to && band.to !== Infinity)) continue; // totals and age groups
    const sex: Sex | null = bySex ? sexOf(r.sex) : "female";
    if (!sex) continue;
    const v = r[value];
    const y = years.indexOf(r.year as number);
    if (v === null || v === undefined) {
      throw new OmvarldError(
        "SCHEMA",
        `${name} of ${region} lacks a value for ${r.year}, age ${r.age}${bySex ? `, ${r.sex}` : ""}`,
        { file: t.provenance.file },
        "rates need every age and year of the window; shorten the window or fill the gap",
      );
    }
    out[sex][y]![Math.min(band.from, maxAge)]! += v as number;
    seen.add(r.year as number);
  }
  const absent = years.find((y) => !seen.has(y));
  if (absent !== undefined)
    throw new OmvarldError(
      "ARGUMENT",
      `${name} has no figures for ${region} in ${absent}`,
      { file: t.provenance.file },
      "the window must lie inside every table's years",
    );
  return out;
}
