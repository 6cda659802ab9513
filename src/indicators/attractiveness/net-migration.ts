import { OmvarldError } from "../../errors.ts";
import { followCodes } from "../../regions/code-changes.ts";
import { type Country, municipalities } from "../../regions/registry.ts";
import type { Table } from "../../table/table.ts";

/**
 * Population, births and deaths by kommune and year, as the agencies publish them (SSB 07459, 04231, 08425 or
 * 12983; SCB BE0101): each table has `region`, `year` and `value`, and its other columns (sex, age, month) are
 * summed. Read them with `recognise` (totals of sex and age are left out there). Several tables of one kind are
 * alternatives, not parts: a region and year is taken from the first table that has it.
 */
export interface MigrationCounts {
  population: Table;
  /** When the population is counted: "start" (1 January of `year`, SSB; the default) or "end" (31 December, SCB). */
  reference?: "start" | "end";
  births: Table | readonly Table[];
  deaths: Table | readonly Table[];
}

/** One kommune-year of registered counts on the panel's code. */
export interface RegisteredYear {
  /** Population on 1 January of the year and of the year after. */
  population: number;
  nextPopulation: number;
  births: number;
  deaths: number;
  /** Registered net migration: nextPopulation − population − (births − deaths). */
  netMigration: number;
}

/** Why a panel region keeps the panel's own dependent variable. */
export interface KeptRegion {
  region: string;
  reason: "merged" | "split" | "not in the counts" | "population differs";
  /** The counts' codes it went to ("split") or the panel's codes merged with it ("merged"). */
  codes: string[];
}

/** Registered net migration on the panel's codes, and the regions that could not be given it. */
export interface RegisteredMigration {
  /** `region|year` → counts, for every panel region and year the counts give completely. */
  years: Map<string, RegisteredYear>;
  kept: KeptRegion[];
  /** The kommune structures the panel's codes and the counts' codes were read as (1 January of the year). */
  vintages: { country: Country; panel: number; counts: number };
}

/** A region → year → sum of `value` over the other columns (null where a cell is missing). */
function totals(tables: Table | readonly Table[], shift = 0): Map<string, Map<number, number | null>> {
  const out = new Map<string, Map<number, number | null>>();
  for (const table of Array.isArray(tables) ? (tables as readonly Table[]) : [tables as Table]) {
    for (const column of ["region", "year", "value"])
      if (!table.has(column))
        throw new OmvarldError(
          "SCHEMA",
          `the counts for registered net migration need a ${column} column`,
          { file: table.provenance.file },
          "read the agency's table with recognise(read(file)).table",
        );
    const regions = table.strings("region");
    const years = table.numbers("year");
    const values = table.numbers("value");
    const mine = new Map<string, Map<number, number | null>>();
    for (let i = 0; i < table.numRows; i++) {
      const region = regions.get(i);
      const year = years.get(i);
      if (region === null || year === null) continue;
      const series = mine.get(region) ?? mine.set(region, new Map()).get(region)!;
      const v = values.get(i);
      const before = series.has(year + shift) ? series.get(year + shift)! : 0;
      series.set(year + shift, before === null || v === null ? null : before + v);
    }
    // an earlier table wins: the tables are alternatives
    for (const [region, series] of mine) {
      const known = out.get(region) ?? out.set(region, new Map()).get(region)!;
      for (const [year, v] of series) if (!known.has(year) || known.get(year) === null) known.set(year, v);
    }
  }
  return out;
}

/**
 * The country and kommune structure (1 January of a year) a set of codes fits best: the most codes valid, the fewest
 * of the structure's kommuner absent; the earliest such year. Null when no structure holds half of the codes.
 */
export function structureOf(codes: Iterable<string>): { country: Country; year: number } | null {
  const set = new Set(codes);
  let best: { country: Country; year: number; score: number } | null = null;
  for (const country of ["NO", "SE"] as const) {
    for (let year = 1996; year <= 2024; year++) {
      const kommuner = municipalities(country, year);
      if (!kommuner.length) continue;
      const present = kommuner.filter((k) => set.has(k.code)).length;
      const score = 2 * present - kommuner.length;
      if (present * 2 >= set.size && (!best || score > best.score)) best = { country, year, score };
    }
  }
  return best && { country: best.country, year: best.year };
}

/**
 * Registered net migration of each panel kommune and year from the agencies' counts:
 *
 *     NM(r,t) = P(r,t+1) − P(r,t) − (B(r,t) − D(r,t))
 *
 * with P on 1 January. The counts may be on another kommune structure than the panel (SSB's tables on the 2020
 * codes, Telemarksforsking's panel on those of 2017): a panel kommune takes the series of the one kommune it became
 * (`followCodes`), where that kommune was formed from it alone. A panel kommune merged with others, or split, cannot
 * be told apart in the counts without weights: it is listed in `kept` and keeps the panel's own figures; so is one
 * whose population in the counts differs from the panel's in a year (a boundary moved, or a revision).
 *
 * @example
 * const { years, kept } = registeredMigration(panel, { population, births, deaths });
 * years.get("0428|2016")?.netMigration; // 64 (Trysil: 6 550 − 6 525 − (43 − 82))
 */
export function registeredMigration(
  panel: Table,
  counts: MigrationCounts,
  options: { country?: Country; panelStructure?: number; countsStructure?: number } = {},
): RegisteredMigration {
  const shift = counts.reference === "end" ? 1 : 0;
  const population = totals(counts.population, shift);
  const births = totals(counts.births);
  const deaths = totals(counts.deaths);
  const panelCodes = panel.distinct("region") as string[];
  const panelFit = structureOf(panelCodes);
  const countsFit = structureOf(population.keys());
  const country = options.country ?? panelFit?.country ?? countsFit?.country;
  const panelYear = options.panelStructure ?? panelFit?.year;
  const countsYear = options.countsStructure ?? countsFit?.year;
  if (!country || panelYear === undefined || countsYear === undefined)
    throw new OmvarldError(
      "ARGUMENT",
      `the ${panelYear === undefined ? "panel's" : "counts'"} region codes are not the kommuner of any year the registry knows`,
      { file: (panelYear === undefined ? panel : counts.population).provenance.file },
      "pass { country, panelStructure, countsStructure }: the years of the two kommune structures",
    );
  const panelSet = new Set(panelCodes);
  const panelPopulation = new Map<string, number | null>();
  if (panel.has("population")) {
    const regions = panel.strings("region");
    const years = panel.numbers("year");
    const values = panel.numbers("population");
    for (let i = 0; i < panel.numRows; i++) panelPopulation.set(`${regions.get(i)}|${years.get(i)}`, values.get(i));
  }
  const years = new Map<string, RegisteredYear>();
  const kept: KeptRegion[] = [];
  for (const region of panelCodes) {
    const forward = followCodes([region], country, panelYear, countsYear).codes;
    if (forward.length !== 1) {
      kept.push({ region, reason: "split", codes: forward });
      continue;
    }
    const code = forward[0]!;
    const back = followCodes([code], country, countsYear, panelYear).codes;
    if (back.length !== 1 || back[0] !== region) {
      kept.push({ region, reason: "merged", codes: back.filter((c) => c !== region && panelSet.has(c)) });
      continue;
    }
    const p = population.get(code);
    if (!p) {
      kept.push({ region, reason: "not in the counts", codes: [code] });
      continue;
    }
    const mine: [string, RegisteredYear][] = [];
    let differs = false;
    for (const [year, p0] of p) {
      const p1 = p.get(year + 1) ?? null;
      const b = births.get(code)?.get(year) ?? null;
      const d = deaths.get(code)?.get(year) ?? null;
      const own = panelPopulation.get(`${region}|${year}`);
      if (p0 !== null && own !== undefined && own !== null && own !== p0) differs = true;
      if (p0 === null || p1 === null || b === null || d === null) continue;
      mine.push([
        `${region}|${year}`,
        { population: p0, nextPopulation: p1, births: b, deaths: d, netMigration: p1 - p0 - (b - d) },
      ]);
    }
    if (differs) kept.push({ region, reason: "population differs", codes: [code] });
    else for (const [key, value] of mine) years.set(key, value);
  }
  return { years, kept, vintages: { country, panel: panelYear, counts: countsYear } };
}
