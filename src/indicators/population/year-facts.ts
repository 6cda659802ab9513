// The observed years of a region or a sum of regions, as the projection reads them: populations at both ends,
// births, deaths onto cohorts and the residual net migration (docs/methods.md §8.1); and which regions make the
// nation and the county.
import { OmvarldError } from "../../errors.ts";
import type { Sex } from "../../io/sex.ts";
import { isCountry } from "../../regions/labels.ts";
import type { BirthCount, DeathBand, ProjectionData } from "./projection-data.ts";
import type { BySex } from "./projection.ts";
import { cohortDeaths, residualMigration } from "./residual-migration.ts";
import { spread } from "./schedules.ts";
import { SEXES } from "./small-numbers.ts";

const NATION_CACHE = new WeakMap<ProjectionData, Map<string, YearFacts>>();

/** One observed year of a region: the start and end populations, births, cohort deaths and residual net migration. */
export interface YearFacts {
  year: number;
  start: Float64Array;
  end: Float64Array;
  births: Record<Sex, number>;
  /** Single-age deaths by age at death (squares), women then men. */
  deaths: Float64Array;
  cohort: Record<Sex, { newborn: number; byStartAge: number[] }>;
  migration: Record<Sex, { newborn: number; byStartAge: number[] }>;
  /** Births by the mother's age, where given. */
  byAge: Float64Array | null;
}

/** The nation's facts for the window's years: the same for every kommun, so kept with the data for a back-test's many projections. */
export function nationFacts(
  data: ProjectionData,
  regions: readonly string[],
  years: readonly number[],
  schedule: BySex,
  givenSchedule: boolean,
): YearFacts[] {
  let cache = NATION_CACHE.get(data);
  if (!cache) NATION_CACHE.set(data, (cache = new Map()));
  return years.map((t) => {
    const key = `${givenSchedule ? "given" : "standard"}|${t}|${regions.join(",")}`;
    if (!givenSchedule && cache.has(key)) return cache.get(key)!;
    const f = yearFacts(data, regions, t, schedule);
    if (!givenSchedule) cache.set(key, f);
    return f;
  });
}

/**
 * The years before the start (up to ten) in which the nation has its population at both ends and deaths: the
 * years the improvement of mortality is estimated from.
 */
export function trendYears(data: ProjectionData, nation: readonly string[], start: number): number[] {
  const has = (t: number) =>
    nation.some(
      (r) => data.population.get(r)?.has(t) && data.population.get(r)?.has(t + 1) && data.deaths.get(r)?.has(t),
    );
  const years: number[] = [];
  for (let t = start - 1; t >= start - 10 && has(t); t--) years.unshift(t);
  return years;
}

/** The regions that make the nation: a named national region, a list, or all regions (a national row among them is used alone). */
export function nationOf(data: ProjectionData, national: string | readonly string[] | undefined): string[] {
  if (typeof national === "string") {
    if (!data.population.has(national))
      throw new OmvarldError(
        "ARGUMENT",
        `the nation ${national} is not in the population table`,
        {},
        "leave `national` out to sum all regions",
      );
    return [national];
  }
  if (national) return [...national];
  const nationalRow = data.regions.find((r) => isCountry(r));
  return nationalRow ? [nationalRow] : data.regions;
}

/**
 * The kommuner of the region's county: those whose code starts with the same two digits (Swedish län, Norwegian
 * fylke), SSB's pseudo-regions left out; the nation where the county has no other kommun.
 */
export function countyOf(data: ProjectionData, region: string, nation: readonly string[]): string[] {
  const county = data.regions.filter(
    (r) => r.length === region.length && r.slice(0, 2) === region.slice(0, 2) && data.kinds.get(r) !== "pseudo",
  );
  return county.length > 1 ? county : [...nation];
}

/**
 * The facts of one year t for the sum of some regions: populations at the start of t and t + 1, births (by sex:
 * as given, by the national share, or from the children aged 0 plus deaths at age 0), single-age deaths (given, or
 * spread within their bands by schedule × exposure) and the residual net migration.
 */
export function yearFacts(data: ProjectionData, regions: readonly string[], t: number, schedule: BySex): YearFacts {
  const A = data.maxAge;
  const n = A + 1;
  const start = new Float64Array(2 * n);
  const end = new Float64Array(2 * n);
  const deaths = new Float64Array(2 * n);
  const births: Record<Sex, number> = { female: 0, male: 0 };
  let byAge: Float64Array | null = null;
  let birthsTotal = 0;
  let birthsBySex = true;
  for (const r of regions) {
    const p0 = data.population.get(r)?.get(t);
    const p1 = data.population.get(r)?.get(t + 1);
    if (!p0 || !p1) continue;
    for (let i = 0; i < 2 * n; i++) {
      start[i]! += p0[i]!;
      end[i]! += p1[i]!;
    }
    const exposure = (sex: Sex, x: number) =>
      0.5 * (p0[(sex === "female" ? 0 : n) + x]! + p1[(sex === "female" ? 0 : n) + x]!);
    for (const band of data.deaths.get(r)?.get(t) ?? ([] as DeathBand[]))
      spreadDeaths(band, exposure, schedule, deaths, n);
    const b: BirthCount | undefined = data.births.get(r)?.get(t);
    if (b) {
      birthsTotal += b.total;
      if (b.female === null || b.male === null) birthsBySex = false;
      else {
        births.female += b.female;
        births.male += b.male;
      }
      if (b.byAge) {
        byAge ??= new Float64Array(n);
        for (let a = 0; a < n; a++) byAge[a]! += b.byAge[a]!;
      }
    }
  }
  if (data.birthDetail === "none") {
    // no births table: the children aged 0 at the end of the year and the year's deaths at age 0
    births.female = end[0]! + deaths[0]!;
    births.male = end[n]! + deaths[n]!;
  } else if (!birthsBySex) {
    births.male = 0.512 * birthsTotal;
    births.female = birthsTotal - births.male;
  }
  const cohort = {
    female: cohortDeaths(deaths.subarray(0, n)),
    male: cohortDeaths(deaths.subarray(n)),
  };
  const migration = {
    female: residualMigration(start.subarray(0, n), end.subarray(0, n), births.female, cohort.female),
    male: residualMigration(start.subarray(n), end.subarray(n), births.male, cohort.male),
  };
  return { year: t, start, end, births, deaths, cohort, migration, byAge };
}

/** Adds one band's deaths to the single-age deaths, spread by m^std_x·E_x over its ages (and sexes, where the band has none). */
export function spreadDeaths(
  band: DeathBand,
  exposure: (sex: Sex, x: number) => number,
  schedule: BySex,
  into: Float64Array,
  n: number,
): void {
  const sexes: readonly Sex[] = band.sex ? [band.sex] : SEXES;
  if (band.from === band.to && band.sex) {
    into[(band.sex === "female" ? 0 : n) + band.from]! += band.value;
    return;
  }
  const cells: { sex: Sex; x: number }[] = [];
  for (const sex of sexes) for (let x = band.from; x <= band.to; x++) cells.push({ sex, x });
  const parts = spread(
    band.value,
    cells.map((c) => (schedule[c.sex][c.x] ?? schedule[c.sex].at(-1)!) * exposure(c.sex, c.x)),
  );
  cells.forEach((c, k) => {
    into[(c.sex === "female" ? 0 : n) + c.x]! += parts[k]!;
  });
}
