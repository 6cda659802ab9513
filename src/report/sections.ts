import type { Chart } from "../charts/chart.ts";
import type { Locale } from "../charts/locale.ts";
import { countryLocale } from "../charts/words/locales.ts";
import { MUNICIPAL_WORDS } from "../charts/words/municipal.ts";
import { INDUSTRY_WORDS, REPORT_WORDS } from "../charts/words/report.ts";
import { OmvarldError } from "../errors.ts";
import { asCommutingFlows } from "../io/commuting.ts";
import { type Country, countyOf, findRegion } from "../regions/registry.ts";
import { codeVintage } from "../regions/vintage.ts";
import type { BoundarySet } from "../regions/boundaries.ts";
import type { Table } from "../table/table.ts";
import { attractivenessSections } from "./attractiveness-section.ts";
import { economySection } from "./economy.ts";
import { industrySection } from "./industry.ts";
import {
  migrationCounts,
  municipalCounty,
  type MunicipalData,
  municipalRegion,
  type ProjectionSettings,
  summaryOf,
} from "./municipal-data.ts";
import { kommunSeries, panelSeries, panelShown, totalsSeries } from "./population-series.ts";
import { type PanelUnits, panelUnits } from "./panel-units.ts";
import { type NamedRegion, type ReportRegion, reportRegion } from "./region.ts";
import { commutingMap, populationMap } from "./maps.ts";
import { commutingSection } from "./sections/commuting.ts";
import { kommunSections } from "./sections/kommun.ts";
import { populationSection } from "./sections/population.ts";
import { trendProjectionSection } from "./sections/trend-projection.ts";
import { sourceOf, sources } from "./source-lines.ts";

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
  /** The panel's kommuner, where `panel` holds fylker (a fylke's report): the map of the fylke's kommuner. */
  panelKommuner?: Table;
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
  /** Kommun boundaries of the data's country (`loadBoundarySet`): the maps. `buildReport` loads them where absent. */
  boundaries?: BoundarySet;
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
  return countryLocale(countryOf(data));
}

/** The country of the kommun tables, else Norway for Telemarksforsking's panel; none for Eurostat's tables alone. */
export function countryOf(data: ReportData): Country | undefined {
  return data.municipal?.country ?? (data.panel ? "NO" : undefined);
}

/** What every section of one report shares: the region, its name, the language, the options. */
interface Context {
  data: ReportData;
  options: ReportOptions;
  target: NamedRegion;
  locale: Locale;
  /** The kommun tables, where they hold the region. */
  municipal: MunicipalData | undefined;
  /** The kommun tables, where the region is a county whose kommuner they hold. */
  countyTables: MunicipalData | undefined;
  country: Country | undefined;
  /** The region's units in the panel, where the panel holds it. */
  units: PanelUnits | null;
}

/** What the sections' builders give: the sections made, the headings of those the data do not allow, warnings. */
interface Built {
  sections: Section[];
  missing: string[];
  warnings: string[];
}

/**
 * All sections the data allow, each kind made once from whichever data give it (population from the kommun tables,
 * the panel or Eurostat's age groups; the projection from the kommun tables or the age groups), the headings of
 * those they do not allow, and notes on the region itself.
 */
export function buildSections(
  data: ReportData,
  options: ReportOptions,
): { name: string; code: string; sections: Section[]; missing: string[]; notes: string[]; warnings: string[] } {
  const locale = options.locale ?? reportLocale(data);
  const found = targetRegion(data, options.region);
  const target = { code: found.code, name: options.name ?? found.name };
  const region = target.code;
  const municipal = data.municipal?.population.filter({ region }).numRows ? data.municipal : undefined;
  const countyTables = !municipal && region.length === 2 ? data.municipal : undefined;
  const country = (municipal ?? data.municipal)?.country ?? (data.panel ? "NO" : undefined);
  const units =
    data.panel && country ? panelUnits(new Set(data.panel.distinct("region") as string[]), region, country) : null;
  const context: Context = {
    data,
    options,
    target,
    locale,
    municipal,
    countyTables,
    country,
    units: units?.codes.length ? units : null,
  };
  const parts = [population, projection, attractiveness, commuting, economy, industry].map((make) => make(context));
  const w = REPORT_WORDS[locale];
  return {
    name: target.name,
    code: region,
    sections: parts.flatMap((p) => p.sections),
    missing: [...parts.flatMap((p) => p.missing), `${w.productivity}: ${w.missingWhy}`],
    notes: found.notes.map((n) => w.regionNote(n)),
    warnings: parts.flatMap((p) => p.warnings),
  };
}

/** A section the data do not allow, as "heading: why". */
function none(heading: string, locale: Locale): Built {
  return { sections: [], missing: [`${heading}: ${REPORT_WORDS[locale].missingWhy}`], warnings: [] };
}

/** One section, or none. */
function some(section: Section | null): Built {
  return { sections: section ? [section] : [], missing: [], warnings: [] };
}

/** Population: the kommun tables' (with county and country), else the panel's, else Eurostat's totals. */
function population(c: Context): Built {
  const { data, target, locale, units } = c;
  const compare = c.options.compare ?? c.options.peers;
  const base = { region: target.code, name: target.name, locale };
  if (c.countyTables) return countyPopulation(c.countyTables, c);
  if (c.municipal) {
    const series = kommunSeries(c.municipal, { ...target, locale, compare });
    const county = countyOf(target.code);
    const shown = !compare?.length || compare.includes(county);
    const name = findRegion(county, { country: c.municipal.country })?.name;
    // the county's line is left out where its kommuner cannot be summed: say so rather than leave it unexplained
    const note =
      shown && name && !series.filter({ region: county }).numRows ? [MUNICIPAL_WORDS[locale].noCountyLine(name)] : [];
    const maps = data.boundaries
      ? [
          populationMap(summaryOf(c.municipal).totals, "value", {
            boundaries: data.boundaries,
            focus: [target.code],
            locale,
          }),
        ]
      : [];
    return some(
      populationSection(series, {
        ...base,
        sources: [...sources([c.municipal.population], locale), ...note],
        maps: maps.filter((m) => m !== null),
      }),
    );
  }
  if (units) {
    const series = panelSeries(data.panel!, units.codes, target, panelShown(data.panel!, units.codes, compare));
    const maps = data.boundaries ? [panelMap(data, data.boundaries, units.codes, locale)] : [];
    return some(
      populationSection(series, {
        ...base,
        sources: sourceOf(data.panel!, locale),
        maps: maps.filter((m) => m !== null),
      }),
    );
  }
  const totals = data.population ? totalsSeries(data.population, target) : null;
  if (!totals) return none(REPORT_WORDS[locale].population, locale);
  return some(populationSection(totals, { ...base, labels: "focus", sources: sourceOf(totals, locale) }));
}

/**
 * A county's population from the kommun tables: its kommuner summed (with the country), and the map of all its
 * kommuner; none where its kommuner cannot be summed (Nordland, Trøndelag: kommuner formed after the data's first
 * year), with the reason.
 */
function countyPopulation(tables: MunicipalData, c: Context): Built {
  const { data, target, locale } = c;
  const series = kommunSeries(tables, { ...target, locale, compare: c.options.compare ?? c.options.peers });
  if (!series.filter({ region: target.code }).numRows)
    return {
      sections: [],
      missing: [`${REPORT_WORDS[locale].population}: ${MUNICIPAL_WORDS[locale].noCountyLine(target.name)}`],
      warnings: [],
    };
  const map = data.boundaries
    ? populationMap(summaryOf(tables).totals, "value", {
        boundaries: data.boundaries,
        focus: [],
        county: target.code,
        locale,
      })
    : null;
  return some(
    populationSection(series, {
      region: target.code,
      name: target.name,
      locale,
      sources: sources([tables.population], locale),
      maps: map ? [map] : [],
    }),
  );
}

/** Ages, components and the projection from the kommun tables, else the projection from the age groups. */
function projection(c: Context): Built {
  const { data, target, locale, options } = c;
  if (c.countyTables) {
    const w = REPORT_WORDS[locale];
    return { sections: [], missing: [`${w.projection}: ${w.countyProjection}`], warnings: [] };
  }
  if (c.municipal)
    return kommunSections(c.municipal, {
      region: target.code,
      name: target.name,
      locale,
      horizon: options.horizon,
      projection: options.projection,
    });
  if (data.population && data.population.filter({ region: target.code }).numRows > 0)
    return some(trendProjectionSection(data.population, target, { locale, horizon: options.horizon }));
  return none(REPORT_WORDS[locale].projection, locale);
}

/** Residential attractiveness and jobs, where the panel holds the region. */
function attractiveness(c: Context): Built {
  const { data, target, locale, options, units } = c;
  if (!units) {
    const w = REPORT_WORDS[locale];
    return { sections: [], missing: [w.attractiveness, w.jobs].map((h) => `${h}: ${w.missingWhy}`), warnings: [] };
  }
  const sections = attractivenessSections(data.panel!, {
    target,
    units,
    country: c.country!,
    locale,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(data.flows ? { flows: data.flows } : {}),
    ...(c.municipal && c.country === "NO" ? { counts: migrationCounts(c.municipal) } : {}),
    ...(data.boundaries ? { maps: { boundaries: data.boundaries, year: panelCodes(data.panel!) } } : {}),
  });
  return { sections, missing: [], warnings: [] };
}

const canonicalFlows = new WeakMap<Table, Table>();

/** The flows as `asCommutingFlows` gives them, once per table however many kommuner are mapped. */
function flowsOf(flows: Table): Table {
  if (!canonicalFlows.has(flows)) canonicalFlows.set(flows, asCommutingFlows(flows));
  return canonicalFlows.get(flows)!;
}

/** Commuting, where the indicators hold the region (or its single unit on older codes), with its flows mapped. */
function commuting(c: Context): Built {
  const own = commutingOf(c.data.commuting, c.target.code, c.country);
  if (!own) return none(REPORT_WORDS[c.locale].commuting, c.locale);
  const { flows, boundaries } = c.data;
  const map =
    flows && boundaries && c.country
      ? commutingMap(flowsOf(flows), c.target.code, { boundaries, locale: c.locale, country: c.country })
      : null;
  return some(commutingSection(own, c.target.name, c.locale, map ? [map] : []));
}

/** GDP per inhabitant against the country, where Eurostat's GDP holds the region (not listed as missing otherwise). */
function economy(c: Context): Built {
  return some(c.data.gdp ? economySection(c.data.gdp, c.target.code, c.target.name, c.locale) : null);
}

/** Employment by industry: shift-share, location quotients, specialisation. */
function industry(c: Context): Built {
  const section = c.data.employment ? industrySection(c.data.employment, c.target.code, c.target.name, c.locale) : null;
  return section ? some(section) : none(INDUSTRY_WORDS[c.locale].heading, c.locale);
}

/**
 * The region a report is about, in the data given (`reportRegion`): the kommun tables' codes (of the tables' last
 * year), else Telemarksforsking's panel (whose kommuner make up one formed later), else any other table's regions.
 */
export function targetRegion(data: ReportData, query: string): ReportRegion {
  if (data.municipal) {
    try {
      return municipalRegion(data.municipal, query);
    } catch (error) {
      // a county whose kommuner the tables hold: its report sums them
      const county = error instanceof OmvarldError ? municipalCounty(data.municipal, query) : null;
      if (county) return county;
      throw error;
    }
  }
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

/**
 * The panel's population change on the map: the kommun's units outlined among their county's kommuner, or, for a
 * fylke, all the fylke's kommuner (from `panelKommuner`); none for several fylker at once.
 */
function panelMap(data: ReportData, boundaries: BoundarySet, units: readonly string[], locale: Locale): Chart | null {
  const fylke = units[0]?.length === 2;
  const kommuner = fylke ? data.panelKommuner : data.panel;
  if (!kommuner || (fylke && units.length !== 1)) return null;
  return populationMap(kommuner, "population", {
    boundaries,
    focus: fylke ? [] : units,
    ...(fylke ? { county: units[0]! } : {}),
    locale,
    codes: panelCodes(kommuner),
  });
}

/** The year whose kommun codes Telemarksforsking's panel holds (2017 for 2003-2016: Sandefjord 0710). */
function panelCodes(panel: Table): number {
  return codeVintage(panel.distinct("region") as string[], "NO");
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
