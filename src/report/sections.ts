import { sourceLine } from "../charts/builders/common.ts";
import { commutingChart } from "../charts/builders/commuting.ts";
import { indexChart } from "../charts/builders/population.ts";
import type { Chart } from "../charts/chart.ts";
import { formatNumber, type Locale, word } from "../charts/locale.ts";
import { INDUSTRY_WORDS, REPORT_WORDS } from "../charts/words/report.ts";
import { OmvarldError } from "../errors.ts";
import { growth } from "../indicators/population/growth.ts";
import { isAllAges } from "../io/ages.ts";
import { isBothSexes } from "../io/sex.ts";
import { nutsName } from "../regions/nuts.ts";
import type { Country } from "../regions/registry.ts";
import { codeVintage } from "../regions/vintage.ts";
import { Table } from "../table/table.ts";
import { attractivenessSections } from "./attractiveness-section.ts";
import { economySection } from "./economy.ts";
import { industrySection } from "./industry.ts";
import {
  migrationCounts,
  type MunicipalData,
  municipalRegion,
  municipalSections,
  type ProjectionSettings,
} from "./municipal.ts";
import { panelUnits } from "./panel-units.ts";
import { projectionSection } from "./projection.ts";
import { type NamedRegion, type ReportRegion, reportRegion } from "./region.ts";

/** One section of the report: a heading, the sentence with its key number, charts, a short table, sources. */
export interface Section {
  id: string;
  heading: string;
  sentence: string;
  charts: Chart[];
  table: { columns: string[]; rows: string[][] } | null;
  sources: string[];
}

/** The data a report draws on, each optional: a section whose data are missing is left out and listed. */
export interface ReportData {
  /** The attractiveness panel (population, its growth and components, private jobs by region and year). */
  panel?: Table;
  /** Commuting indicators by region and year (`commutingFromStocks` or `commutingFromFlows`). */
  commuting?: Table;
  /** Population by region, year, sex and age group (e.g. Eurostat demo_r_pjanaggr3), for the projection. */
  population?: Table;
  /** GDP by region, unit and year (Eurostat nama_10r_3gdp, with unit EUR_HAB: euro per inhabitant). */
  gdp?: Table;
  /** The agencies' own kommun tables: population by single age and sex, births, deaths (SCB, SSB). */
  municipal?: MunicipalData;
  /** Commuting flows between kommuner (origin, destination, value; e.g. SSB 03321): the attractiveness model's integration and neighbour terms. */
  flows?: Table;
  /** Employment by region, industry and year: shift-share, location quotients and specialisation. */
  employment?: Table;
}

export interface ReportOptions {
  region: string;
  /** Regions to compare with (default: the other regions of the focus region's county). */
  compare?: readonly string[];
  /** @deprecated the same as `compare`. */
  peers?: readonly string[];
  locale?: Locale;
  from?: number;
  to?: number;
  /** The region's name where the data give none. */
  name?: string;
  /** Last year of the projection (default 2040, at least 10 years after the data). */
  horizon?: number;
  /** The kommun projection's settings beside its defaults (a scenario's multipliers, the window). */
  projection?: ProjectionSettings;
}

/** The report's language when none is asked for: Norwegian (nb) for SSB's kommune tables and Telemarksforsking's
 * Norwegian panel, else Swedish. */
export function reportLocale(data: ReportData): Locale {
  return data.municipal?.country === "NO" || (!data.municipal && data.panel) ? "nb" : "sv";
}

/** All sections the data allow, the headings of those they do not, and notes on the region itself. */
export function buildSections(
  data: ReportData,
  options: ReportOptions,
): { name: string; code: string; sections: Section[]; missing: string[]; notes: string[]; warnings: string[] } {
  const locale = options.locale ?? reportLocale(data);
  const w = REPORT_WORDS[locale];
  const sections: Section[] = [];
  const missing: string[] = [];
  const warnings: string[] = [];
  const target = targetRegion(data, options.region);
  const region = target.code;
  const name = options.name ?? target.name;
  const notes = target.notes.map((n) => w.regionNote(n));
  const none = (heading: string) => `${heading}: ${w.missingWhy}`;
  const municipal = data.municipal?.population.filter({ region }).numRows ? data.municipal : undefined;
  const country: Country | undefined = municipal?.country ?? (data.panel ? "NO" : undefined);
  const units =
    data.panel && country ? panelUnits(new Set(data.panel.distinct("region") as string[]), region, country) : null;
  const inPanel = units !== null && units.codes.length > 0;
  const compare = compareOf(options);
  if (municipal) {
    const built = municipalSections(municipal, {
      region,
      name,
      locale,
      ...(options.horizon ? { horizon: options.horizon } : {}),
      ...(compare ? { compare } : {}),
      ...(options.projection ? { projection: options.projection } : {}),
    });
    sections.push(...built.sections);
    missing.push(...built.missing);
    warnings.push(...built.warnings);
  } else if (inPanel) {
    const series = mergedSeries(
      data.panel!,
      units!.codes,
      { code: region, name },
      shownRegions(data.panel!, units!.codes, options),
    );
    sections.push(populationSection(series, { ...options, region }, name, locale));
  } else {
    const totals = data.population ? totalsOf(data.population, region, name) : null;
    if (totals) sections.push(populationSection(totals, { ...options, region }, name, locale, "focus"));
    else missing.push(none(w.population));
  }
  if (inPanel)
    sections.push(
      ...attractivenessSections(data.panel!, {
        target: { code: region, name },
        units: units!,
        country: country!,
        locale,
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
        ...(data.flows ? { flows: data.flows } : {}),
        ...(municipal && country === "NO" ? { counts: migrationCounts(municipal) } : {}),
      }),
    );
  else missing.push(none(w.attractiveness), none(w.jobs));
  const commuting = commutingOf(data.commuting, region, country);
  if (commuting) sections.push(commutingSection(commuting, name, locale));
  else missing.push(none(w.commuting));
  const economy = data.gdp ? economySection(data.gdp, region, name, locale) : null;
  if (economy) sections.push(economy);
  const industry = data.employment ? industrySection(data.employment, region, name, locale) : null;
  if (industry) sections.push(industry);
  else missing.push(none(INDUSTRY_WORDS[locale].heading));
  missing.push(none(w.productivity));
  if (!municipal) {
    if (data.population && data.population.filter({ region }).numRows > 0)
      sections.push(projectionSection(data.population, { ...options, region }, name, locale));
    else missing.push(none(w.projection));
  }
  return { name, code: region, sections, missing, notes, warnings };
}

/**
 * The region a report is about, in the data given (`reportRegion`): the kommun tables' codes (of the tables' last
 * year), else Telemarksforsking's panel (whose kommuner make up one formed later), else any other table's regions.
 */
export function targetRegion(data: ReportData, query: string): ReportRegion {
  if (data.municipal) return municipalRegion(data.municipal, query);
  const tables = [data.panel, data.population, data.gdp, data.employment, data.commuting].filter(
    (t): t is Table => t !== undefined,
  );
  if (tables.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      "no table the report can use was given",
      {},
      "give SCB's or SSB's population by age and sex (with births and deaths), Telemarksforsking's panel, or Eurostat's tables",
    );
  const codes = new Map<string, string | null>();
  for (const t of tables)
    for (const [code, name] of namesOf(t)) if (!codes.has(code) || codes.get(code) === null) codes.set(code, name);
  const panel = data.panel;
  // the agency tells the country of a table of kommuner (SSB: Norway, SCB: Sweden)
  const sources = new Set(tables.map((t) => t.provenance.source));
  const country = panel || sources.has("SSB") ? "NO" : sources.has("SCB") ? "SE" : undefined;
  return reportRegion(query, {
    codes,
    ...(country ? { country } : {}),
    ...(panel ? { year: codeVintage(panel.distinct("region") as string[], "NO"), merge: true } : {}),
    what: panel ? `the panel${tableId(panel)}` : `the tables${tableId(tables[0]!)}`,
  });
}

/** " (SCB BE0101N1)": the table's source and id for a message, where known. */
function tableId(t: Table): string {
  const { source, tableId: id } = t.provenance;
  const named = [source, id].filter(Boolean).join(" ");
  return named ? ` (${named})` : "";
}

/** The regions of a table with their names (null where it gives none). */
function namesOf(t: Table): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (!t.has("region")) return out;
  const rows = t.has("region_name")
    ? t.groupBy(["region", "region_name"]).count().toRows()
    : t.groupBy(["region"]).count().toRows();
  for (const r of rows) {
    const code = String(r.region);
    if (!out.has(code) || out.get(code) === null) out.set(code, (r.region_name as string | null | undefined) ?? null);
  }
  return out;
}

/** The commuting indicators of the region, or of its single unit on older codes; null when the table has neither. */
function commutingOf(commuting: Table | undefined, region: string, country: Country | undefined): Table | null {
  if (!commuting) return null;
  let own = commuting.filter({ region });
  if (own.numRows === 0 && country) {
    const units = panelUnits(new Set(commuting.distinct("region") as string[]), region, country);
    if (units.codes.length === 1) own = commuting.filter({ region: units.codes[0]! });
  }
  return own.numRows > 0 ? own : null;
}

/**
 * Population by year of the panel's regions shown, with the kommun's units summed under its code where it is made
 * of several (or only renumbered) units.
 */
function mergedSeries(panel: Table, units: readonly string[], target: NamedRegion, shown: readonly string[]): Table {
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

/** The regions to compare with as asked (`compare`, or the deprecated `peers`). */
function compareOf(options: ReportOptions): readonly string[] | undefined {
  return options.compare ?? options.peers;
}

/** The panel's regions shown beside the kommun: those compared with, else the kommuner of its county. */
function shownRegions(panel: Table, units: readonly string[], options: ReportOptions): string[] {
  const compare = compareOf(options);
  if (compare?.length) return [...units, ...compare];
  const county = panel.has("county_name") ? panel.filter({ region: [...units] }).get("county_name", 0) : null;
  return county === null ? [...units] : (panel.filter({ county_name: county }).distinct("region") as string[]);
}

/**
 * Population totals by region and year from a table by age and sex (Eurostat's TOTAL × T rows) for the region and
 * the regions of the same level in its country (NUTS codes of the same length), named where the data name them.
 */
function totalsOf(population: Table, region: string, name: string): Table | null {
  const level = (code: string) => code.length === region.length && code.slice(0, 2) === region.slice(0, 2);
  const rows = population
    .filter({ sex: (s) => isBothSexes(s), age: (a) => isAllAges(String(a)), region: (c) => level(String(c)) })
    .toRows()
    .filter((r) => typeof r.value === "number")
    .map((r) => ({
      region: String(r.region),
      region_name: r.region === region ? name : String(r.region_name ?? nutsName(String(r.region)) ?? r.region),
      year: r.year as number,
      population: r.value as number,
    }));
  return rows.some((r) => r.region === region) ? Table.fromRows(rows, { provenance: population.provenance }) : null;
}

/** Population as index lines against the regions compared, the change since the first year, and the last six years. */
function populationSection(
  series: Table,
  options: ReportOptions,
  name: string,
  locale: Locale,
  labels: "all" | "focus" = "all",
): Section {
  const w = REPORT_WORDS[locale];
  // the base year is the region's first: regions compared with longer series start there too
  const first = Math.min(...(series.filter({ region: options.region }).distinct("year") as number[]));
  series = series.filter({ year: (y) => (y as number) >= first });
  const names = series.groupBy(["region", "region_name"]).count().drop("count");
  const index = growth(series, { base: first, value: "population" }).join(names, { on: ["region"], how: "left" });
  const own = index.filter({ region: options.region }).sort("year").toRows();
  const p0 = own[0]!.population as number;
  const p1 = own.at(-1)!.population as number;
  const pct = 100 * (p1 / p0 - 1);
  const recent = own.slice(-6);
  return {
    id: "population",
    heading: w.population,
    sentence: w.populationSentence(
      name,
      pct >= 0 ? w.grew : w.fell,
      formatNumber(Math.abs(pct), locale, 1),
      first,
      formatNumber(p0, locale),
      formatNumber(p1, locale),
    ),
    charts: [
      indexChart(index, { focus: options.region, locale, labels, title: `${w.population}, index (${first} = 100)` }),
    ],
    table: {
      columns: [w.year, w.inhabitants, w.change],
      rows: recent.map((r) => [
        String(r.year),
        formatNumber(r.population as number, locale),
        formatNumber(r.growth_pct as number | null, locale, 1),
      ]),
    },
    sources: [sourceLine(series.provenance, locale) ?? ""].filter(Boolean),
  };
}

function commutingSection(commuting: Table, name: string, locale: Locale): Section {
  const w = REPORT_WORDS[locale];
  const rows = commuting.sort("year").toRows();
  const last = rows.at(-1)!;
  return {
    id: "commuting",
    heading: w.commuting,
    sentence: w.commutingSentence(
      name,
      last.year as number,
      formatNumber(last.in_commuters as number | null, locale),
      formatNumber(last.out_commuters as number | null, locale),
      formatNumber(last.net_commuting as number | null, locale),
    ),
    charts: [
      commutingChart(commuting, {
        region: String(last.region),
        locale,
        title: `${name}: ${w.commuting.toLowerCase()}`,
      }),
    ],
    table: {
      columns: [w.year, word("in_commuters", locale), word("out_commuters", locale), word("net_commuting", locale)],
      rows: rows.map((r) => [
        String(r.year),
        formatNumber(r.in_commuters as number | null, locale),
        formatNumber(r.out_commuters as number | null, locale),
        formatNumber(r.net_commuting as number | null, locale),
      ]),
    },
    sources: [sourceLine(commuting.provenance, locale) ?? ""].filter(Boolean),
  };
}
