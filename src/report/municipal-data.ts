import type { MigrationCounts } from "../indicators/attractiveness/net-migration.ts";
import { empiricalInterval } from "../indicators/population/backtest-errors.ts";
import { type DependencyBands, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import {
  type MunicipalProjection,
  type MunicipalProjectionOptions,
  projectMunicipality,
  serviceAgeGroups,
} from "../indicators/population/municipal-projection.ts";
import { implausibleFigures } from "../indicators/population/plausibility.ts";
import { prepareProjectionData, type ProjectionData } from "../indicators/population/projection-data.ts";
import { countyOf } from "../regions/registry.ts";
import { resolveRegion } from "../regions/resolve.ts";
import type { Table } from "../table/table.ts";
import { type RegionLookup, type ReportRegion, reportRegion } from "./region.ts";

/** The agencies' own tables for the kommuner of one country, as `recognise()` gives them. */
export interface MunicipalData {
  country: "SE" | "NO";
  /** Population by region, year, sex and single age (all kommuner of the country, so that the county and the nation can be summed). */
  population: Table;
  /** SCB counts on 31 December ("end"), SSB on 1 January ("start"). */
  reference: "start" | "end";
  births?: readonly Table[];
  deaths?: readonly Table[];
}

/** The settings of `projectMunicipality` a report or annex may change (the region, horizon and interval are its own). */
export type ProjectionSettings = Pick<
  MunicipalProjectionOptions,
  "multipliers" | "windowYears" | "migration" | "mortalityImprovement" | "oldAgeMortality" | "smoothing"
>;

/** What every section of every kommun reads from the same tables, computed once per data. */
export interface MunicipalSummary {
  /** The population without SSB's pseudo-regions (Svalbard, the shelf, "Rest"). */
  kommuner: Table;
  /** region, year, value: each kommun's total (missing where a cell is). */
  totals: Table;
  /** The country by year: every region of the table, pseudo-regions too, without the years a region lacks
   * altogether (a kommun before it existed); missing where a region lacks part of a year. */
  national: { year: number; population: number | null }[];
  /** The kommuner's codes and the names the tables give them. */
  names: Map<string, string | null>;
}

const summaries = new WeakMap<MunicipalData, MunicipalSummary>();

/** The summary of the data, computed on the first call and kept with the data. */
export function summaryOf(data: MunicipalData): MunicipalSummary {
  let summary = summaries.get(data);
  if (summary) return summary;
  const kommuner = data.population.has("region_kind")
    ? data.population.filter({ region_kind: (k) => k !== "pseudo" })
    : data.population;
  const totals = kommuner.groupBy(["region", "year"]).sum("value");
  // a region's year with no value at all is no people (Narvik before 2020: SSB counts them in "Rest"); one with
  // some values missing makes the country's year missing
  const all = data.population.groupBy(["region", "year"]);
  const [whole, known] = [all.sum("value").toRows(), all.sum("value", { missing: "skip" }).toRows()];
  const byYear = new Map<number, number | null>();
  whole.forEach((r, k) => {
    if (known[k]!.value === null) return;
    const year = r.year as number;
    const before = byYear.has(year) ? byYear.get(year)! : 0;
    byYear.set(year, before === null || r.value === null ? null : before + (r.value as number));
  });
  const names = new Map<string, string | null>();
  const rows = kommuner.has("region_name")
    ? kommuner.groupBy(["region", "region_name"]).count().toRows()
    : kommuner.groupBy(["region"]).count().toRows();
  for (const r of rows)
    names.set(String(r.region), (r.region_name as string | null | undefined) ?? names.get(String(r.region)) ?? null);
  summary = {
    kommuner,
    totals,
    national: [...byYear].sort(([a], [b]) => a - b).map(([year, population]) => ({ year, population })),
    names,
  };
  summaries.set(data, summary);
  return summary;
}

/** The population without SSB's pseudo-regions (Svalbard, the shelf, "Rest"). */
export function kommunerOf(data: MunicipalData): Table {
  return summaryOf(data).kommuner;
}

/** The kommuner's codes with the names the tables give them (null where they give none). */
export function kommunNames(data: MunicipalData): ReadonlyMap<string, string | null> {
  return summaryOf(data).names;
}

/**
 * The kommun of the tables a report or annex asked for by code, name or another vintage's code (`reportRegion`,
 * with the tables' last year's codes).
 *
 * @example
 * municipalRegion(data, "0428") // { code: "3421", name: "Trysil", notes: [{ kind: "renumbered", … }] }
 */
export function municipalRegion(data: MunicipalData, query: string): ReportRegion {
  return reportRegion(query, municipalLookup(data));
}

/**
 * The county (län, fylke) asked for by code or name where the kommun tables hold its kommuner, for a county's report
 * (its population is theirs summed); null where the query is no county of the tables' country or none of its
 * kommuner is held.
 *
 * @example
 * municipalCounty(scb, "Dalarnas län") // { code: "20", name: "Dalarnas län", notes: [] }
 */
export function municipalCounty(data: MunicipalData, query: string): ReportRegion | null {
  const lookup = municipalLookup(data);
  const year = lookup.year!;
  const county = resolveRegion(query, { country: data.country, year }).matches.find(
    (m) => m.region.level === "county",
  )?.region;
  if (!county) return null;
  const held = [...lookup.codes.keys()].some((c) => c.length === 4 && countyOf(c) === county.code);
  return held ? { code: county.code, name: county.name, notes: [] } : null;
}

/** The kommun tables' kommuner as a region lookup, with the codes of the tables' last year. */
export function municipalLookup(data: MunicipalData): RegionLookup {
  const years = data.population.distinct("year") as number[];
  const { source, tableId } = data.population.provenance;
  const id = [source, tableId].filter(Boolean).join(" ");
  return {
    codes: kommunNames(data),
    country: data.country,
    year: Math.max(...years),
    what: `the ${data.country === "NO" ? "kommune" : "kommun"} tables${id ? ` (${id})` : ""}`,
  };
}

const counts = new WeakMap<MunicipalData, MigrationCounts>();

/**
 * The kommun tables as the counts of registered net migration for Telemarksforsking's residential model
 * (P(t + 1) − P(t) − births + deaths), one object per data so that the model is fitted once for every kommun.
 */
export function migrationCounts(data: MunicipalData): MigrationCounts {
  let c = counts.get(data);
  if (!c)
    counts.set(
      data,
      (c = {
        population: data.population,
        reference: data.reference,
        births: data.births ?? [],
        deaths: data.deaths ?? [],
      }),
    );
  return c;
}

const prepared = new WeakMap<MunicipalData, ProjectionData>();
const projections = new WeakMap<MunicipalData, Map<string, MunicipalProjection>>();

/** The tables as arrays, read once per data (every region's projection reads the same). */
function preparedOf(data: MunicipalData): ProjectionData {
  let p = prepared.get(data);
  if (!p)
    prepared.set(
      data,
      (p = prepareProjectionData({
        // every region, SSB's pseudo-regions too: the nation is all of them (the kommuner are projected, not those)
        population: data.population,
        reference: data.reference,
        ...(data.births ? { births: data.births } : {}),
        ...(data.deaths ? { deaths: data.deaths } : {}),
      })),
    );
  return p;
}

/**
 * The kommun's cohort-component projection from the data (`projectMunicipality`; the nation is the sum of every
 * region, the county its kommuner) by the country's service age groups, with the 80 % interval of the back-test's
 * errors for kommuner of its size (`empiricalInterval`), made once per data, region and horizon: the report, the
 * annex and a script asking again share it. The same data give the same projection whatever was asked before.
 *
 * @example
 * municipalProjection(data, "2021", 2040).total.filter({ year: 2030 }).toRows()
 */
export function municipalProjection(
  data: MunicipalData,
  region: string,
  horizon = 2040,
  settings: ProjectionSettings = {},
): MunicipalProjection {
  let byKey = projections.get(data);
  if (!byKey) projections.set(data, (byKey = new Map()));
  const key = `${region}|${horizon}|${JSON.stringify(settings)}`;
  let projection = byKey.get(key);
  if (!projection) {
    const input = preparedOf(data);
    // the interval from the back-test's errors for kommuner of this size: calibrated, unlike the bootstrap
    const years = [...(input.population.get(region)?.keys() ?? [])];
    const last = input.population.get(region)?.get(Math.max(...years));
    const size = last ? last.reduce((a, b) => a + b, 0) : null;
    const interval = size === null ? null : empiricalInterval(data.country, size);
    projection = projectMunicipality(input, {
      ...settings,
      region,
      horizon,
      ageGroups: serviceAgeGroups(data.country),
      ...(interval ? { interval } : {}),
    });
    byKey.set(key, projection);
  }
  return projection;
}

/**
 * One line per projected figure beyond what the back-test makes plausible (`implausibleFigures`), for a command line:
 * "Säter (2082): the projected 80+ of 2025 grows 4.6 % a year by migration, beyond -2.7 to 1.9 % for its size".
 */
export function projectionWarnings(
  p: MunicipalProjection,
  country: "SE" | "NO",
  options: { region: string; name: string },
): string[] {
  return implausibleFigures(p, country).map(
    (f) =>
      `${options.name} (${options.region}): migration changes the projected ${f.what === "total" ? "total" : `age group ${f.what}`} of ${f.year} by ${f.rate.toFixed(1)} % a year, beyond the ${f.range[0].toFixed(1)} to ${f.range[1].toFixed(1)} % that kommuner of its size showed over five years: check it before use`,
  );
}

/** The dependency bands of the kommun's country: SCB's 20-64 / 65+, SSB's 20-66 / 67+. */
export function bandsOf(data: MunicipalData): DependencyBands {
  return data.country === "NO" ? NO_BANDS : SE_BANDS;
}
