import { MUNICIPAL_WORDS } from "../charts/words/municipal.ts";
import type { Locale } from "../charts/locale.ts";
import { isAllAges } from "../io/ages.ts";
import { isBothSexes } from "../io/sex.ts";
import { nationCode } from "../regions/nation.ts";
import { countyOf, findRegion } from "../regions/registry.ts";
import { nutsName } from "../regions/nuts.ts";
import { Table } from "../table/table.ts";
import { type MunicipalData, summaryOf } from "./municipal-data.ts";
import type { NamedRegion } from "./region.ts";

/** One region's population in one year, as the index chart takes it. */
type SeriesRow = {
  region: string;
  region_name: string;
  year: number;
  population: number | null;
};

/** Which regions a population series shows beside the focus region (none given: its county's or country's). */
export interface SeriesOptions extends NamedRegion {
  compare?: readonly string[] | undefined;
  locale: Locale;
}

/**
 * Population by year (region, region_name, year, population) of the kommun, the county's kommuner (or the regions
 * compared) and the country from the kommun tables. The country is every region of the table, SSB's pseudo-regions
 * too ("Rest" holds the divided kommuner's people before 2020): the kommuner alone fall short of it in those years.
 */
export function kommunSeries(data: MunicipalData, options: SeriesOptions): Table {
  const summary = summaryOf(data);
  const names = new Map<string, string>();
  for (const [code, name] of summary.names) if (name !== null) names.set(code, name);
  names.set(options.code, options.name);
  const shown = options.compare?.length
    ? [options.code, ...options.compare]
    : (summary.totals.distinct("region") as string[]).filter((r) => r.slice(0, 2) === options.code.slice(0, 2));
  const national = summary.national.map((r) => ({
    region: nationCode(data.country),
    region_name: MUNICIPAL_WORDS[options.locale].country[data.country],
    year: r.year,
    population: r.population,
  }));
  const rows = summary.totals
    .filter({ region: shown })
    .toRows()
    .map((r) => ({
      region: String(r.region),
      region_name: names.get(String(r.region)) ?? String(r.region),
      year: r.year as number,
      population: r.value as number | null,
    }));
  const county = countyOf(options.code);
  const countyRows = options.compare?.length && !options.compare.includes(county) ? [] : countySeries(data, county);
  return Table.fromRows([...rows, ...countyRows, ...national], { provenance: data.population.provenance }).filter({
    population: (v) => v !== null,
  });
}

/**
 * The county by year as the sum of its kommuner in the tables (their codes begin with its two digits), named by the
 * registry; none where a kommun lacks a year the others have, since a sum over fewer kommuner is not the county.
 */
function countySeries(data: MunicipalData, county: string): SeriesRow[] {
  const name = findRegion(county, { country: data.country })?.name;
  const rows = summaryOf(data)
    .totals.filter({ region: (r) => countyOf(String(r)) === county })
    .toRows();
  if (!name || rows.length === 0 || rows.some((r) => r.value === null)) return [];
  const byYear = new Map<number, { population: number; kommuner: number }>();
  for (const r of rows) {
    const year = byYear.get(r.year as number) ?? { population: 0, kommuner: 0 };
    byYear.set(r.year as number, { population: year.population + (r.value as number), kommuner: year.kommuner + 1 });
  }
  const kommuner = new Set(rows.map((r) => r.region)).size;
  if ([...byYear.values()].some((y) => y.kommuner !== kommuner)) return [];
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, y]) => ({ region: county, region_name: name, year, population: y.population }));
}

/**
 * Population by year of the panel's regions shown, with the kommun's units summed under its code where it is made
 * of several (or only renumbered) units; a year a unit lacks is missing for the kommun.
 */
export function panelSeries(
  panel: Table,
  units: readonly string[],
  target: NamedRegion,
  shown: readonly string[],
): Table {
  const rows = panel
    .filter({ region: shown.filter((r) => !units.includes(r)) })
    .select("region", "region_name", "year", "population")
    .toRows();
  const sums = new Map<number, { sum: number; n: number }>();
  for (const r of panel.filter({ region: [...units] }).toRows()) {
    const s = sums.get(r.year as number) ?? { sum: 0, n: 0 };
    if (typeof r.population === "number") {
      s.sum += r.population;
      s.n++;
    }
    sums.set(r.year as number, s);
  }
  for (const [year, s] of sums)
    rows.push({ region: target.code, region_name: target.name, year, population: s.n === units.length ? s.sum : null });
  return Table.fromRows(rows, { provenance: panel.provenance });
}

/** The panel's regions shown beside the kommun: those compared with, else the kommuner of its county. */
export function panelShown(panel: Table, units: readonly string[], compare?: readonly string[]): string[] {
  if (compare?.length) return [...units, ...compare];
  const county = panel.has("county_name") ? panel.filter({ region: [...units] }).get("county_name", 0) : null;
  return county === null ? [...units] : (panel.filter({ county_name: county }).distinct("region") as string[]);
}

/**
 * Population totals by region and year from a table by age and sex (Eurostat's TOTAL × T rows) for the region and
 * the regions of the same level in its country (NUTS codes of the same length), named where the data name them;
 * null when the region has none.
 */
export function totalsSeries(population: Table, target: NamedRegion): Table | null {
  const region = target.code;
  const level = (code: string) => code.length === region.length && code.slice(0, 2) === region.slice(0, 2);
  const rows = population
    .filter({ sex: (s) => isBothSexes(s), age: (a) => isAllAges(String(a)), region: (c) => level(String(c)) })
    .toRows()
    .filter((r) => typeof r.value === "number")
    .map((r) => ({
      region: String(r.region),
      region_name: r.region === region ? target.name : String(r.region_name ?? nutsName(String(r.region)) ?? r.region),
      year: r.year as number,
      population: r.value as number,
    }));
  return rows.some((r) => r.region === region) ? Table.fromRows(rows, { provenance: population.provenance }) : null;
}
