import { nationCode } from "../../regions/nation.ts";
import type { Locale } from "../../charts/locale.ts";
import { countryLocale, localeOr } from "../../charts/words/locales.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import { OmvarldError } from "../../errors.ts";
import type { UnitCost } from "../../indicators/population/cost.ts";
import type { GroupProjection } from "../../indicators/population/group-projection.ts";
import { type DependencyBands, EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../../indicators/population/dependency.ts";
import { findRegion } from "../../regions/registry.ts";
import {
  type MunicipalData,
  municipalProjection,
  municipalRegion,
  type ProjectionSettings,
  projectionWarnings,
} from "../municipal.ts";
import { bandsOf as kommunBands } from "../municipal-data.ts";
import type { ReportData } from "../sections.ts";
import type { UnitCosts } from "./costs.ts";
import { groupInputs } from "./groups.ts";
import { municipalInputs } from "./municipal.ts";
import { municipalCompare, tableRegions } from "./regions.ts";
import { annexSheets, type AnnexSheetOptions } from "./sheets.ts";
import type { Sheet } from "./sheet.ts";

/**
 * The data an annex is made from: the report's (`ReportData`), of which it uses the agencies' kommun tables
 * (`municipal`: population by single age and sex, births, deaths) and population by region, year and age group
 * (`population`, e.g. Eurostat's demo_r_pjanaggr3, or any table by region, year, sex and age).
 */
export type AnnexData = Pick<ReportData, "municipal" | "population">;

/** What the annex is about and how it is made. */
export interface AnnexOptions {
  /** The region: a code, or (in the kommun tables) a name or another vintage's code. */
  region: string;
  /**
   * Regions set beside it in the dependency ratio. Kommun tables: kommuner, counties (two digits) or the country
   * ("00" Sweden, "0" Norway), default the county and the country; other tables: codes of the table, default none.
   */
  compare?: readonly string[];
  /**
   * The dependency ratio's age bands: "se" (0-19, 20-64, 65+), "no" (working age 20-66), "eurostat" (15-64), or
   * bands of your own. Default: the country's for kommun tables, else Eurostat's.
   */
  bands?: "se" | "no" | "eurostat" | DependencyBands;
  /** Unit costs per inhabitant and year in tkr (see `parseUnitCosts`, `readUnitCosts`): the cost sheets. */
  costs?: UnitCosts | readonly UnitCost[];
  /** Default: nb for SSB's kommune tables, else sv. */
  locale?: Locale;
  /** Names of regions the data do not name, by code. */
  names?: Readonly<Record<string, string>>;
  /** Service age groups of the population sheet (default SKR's; Norway's with working age to 66). */
  groups?: readonly string[];
  /** Project the region (and those compared, for tables by age group) to this year. */
  horizon?: number;
  /** The kommun projection's settings beside its defaults (a scenario's multipliers, the window). */
  projection?: ProjectionSettings;
}

/** The annex: its sheets, figures to check, and the projection of population by age group when there is one. */
export interface Annex {
  /** Write them with `writeSheets` (XLSX) or `excelCsv`. */
  sheets: Sheet[];
  /** The region's code in the data and its name. */
  region: { code: string; name: string };
  /** Figures to check before use (a projection beyond what its size class makes plausible), in English, for a log. */
  warnings: string[];
  /** The focus region's projection, for population by age group projected to a horizon. */
  projection?: GroupProjection;
}

const BANDS = { se: SE_BANDS, no: NO_BANDS, eurostat: EUROSTAT_BANDS } as const;

/**
 * The budget annex for a region as a working Excel model (docs/methods.md §8.2-8.3), from whatever the data hold:
 * for a kommun of SCB's or SSB's kommun tables (by code, name or another vintage's code) its population by single
 * age, with `horizon` projected by the cohort-component method, beside its county and country as sums of their
 * kommuner; for a region of a population table by age group (a county, a NUTS region of Eurostat's table) its
 * groups, with `horizon` projected by cohort change ratios, beside the regions compared. The sheets, in order:
 * population by service age group (each cell a SUM over the age sheet), population by age and year, the components
 * of change (with a projection), the dependency ratio, unit costs and demographic cost (with costs), and sources.
 *
 * @example
 * const { sheets } = buildAnnex(reportData(readDatasets(["data/scb"]), "2021").data, { region: "Vansbro", horizon: 2040 });
 * await writeSheets(sheets, "out/vansbro.xlsx");
 */
export function buildAnnex(data: AnnexData, options: AnnexOptions): Annex {
  const inTable = data.population?.filter({ region: options.region }).numRows ?? 0;
  if (data.municipal && !inTable) return municipalAnnex(data.municipal, options);
  if (!data.population)
    throw new OmvarldError(
      "ARGUMENT",
      `region ${options.region} is not in a population table by age among the data`,
      {},
      "give SCB's or SSB's population by region, age and sex (e.g. BE0101N1, 07459), or Eurostat's demo_r_pjanaggr3",
    );
  const { region, compare } = tableRegions(data.population, options.region, options.compare);
  const locale = localeOr(options.locale);
  const inputs = groupInputs(data.population.filter({ region: [region.code, ...compare] }), {
    region: region.code,
    compare,
    locale,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
  });
  const sheets = annexSheets(inputs.population, {
    ...sheetOptions(options, locale),
    region: region.code,
    compare,
    bands: bandsOf(options.bands, EUROSTAT_BANDS),
    ...(inputs.projection ? { projection: inputs.projection } : {}),
  });
  return {
    sheets,
    region: { code: region.code, name: options.names?.[region.code] ?? region.name },
    warnings: [],
    ...(inputs.own ? { projection: inputs.own } : {}),
  };
}

/** The annex of a kommun of the agencies' own tables. */
function municipalAnnex(data: MunicipalData, options: AnnexOptions): Annex {
  const target = municipalRegion(data, options.region);
  const region = target.code;
  const locale = countryLocale(data.country, options.locale);
  const compare = municipalCompare(data, region, options.compare);
  const inputs = municipalInputs(data, {
    region,
    compare,
    locale,
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    ...(options.projection ? { projection: options.projection } : {}),
  });
  const mw = MUNICIPAL_WORDS[locale];
  const names = Object.fromEntries(
    [region, ...compare].flatMap((code) => {
      const n =
        code === nationCode(data.country)
          ? mw.country[data.country]
          : findRegion(code, { country: data.country })?.name;
      return n ? [[code, n]] : [];
    }),
  );
  const notes = target.notes.map((n) => REPORT_WORDS[locale].regionNote(n));
  const sheets = annexSheets(inputs.population, {
    ...sheetOptions(options, locale),
    region,
    compare,
    bands: bandsOf(options.bands, kommunBands(data)),
    names: { ...names, [region]: target.name, ...options.names },
    provenance: inputs.provenance,
    sources: inputs.sources,
    ...(inputs.projection ? { projection: inputs.projection } : {}),
    ...(notes.length ? { notes } : {}),
  });
  const warnings =
    options.horizon === undefined
      ? []
      : projectionWarnings(municipalProjection(data, region, options.horizon, options.projection), data.country, {
          region,
          name: target.name,
        });
  return { sheets, region: { code: region, name: target.name }, warnings };
}

/** The dependency bands asked for, by name or as bands, else the default. */
function bandsOf(bands: AnnexOptions["bands"], fallback: DependencyBands): DependencyBands {
  return bands === undefined ? fallback : typeof bands === "string" ? BANDS[bands] : bands;
}

/** The options every annex shares: words, names, groups and costs. */
function sheetOptions(
  options: AnnexOptions,
  locale: Locale,
): Pick<AnnexSheetOptions, "locale" | "names" | "groups" | "costs" | "costSource"> {
  const costs = options.costs;
  const list =
    costs === undefined
      ? undefined
      : Array.isArray(costs)
        ? (costs as readonly UnitCost[])
        : (costs as UnitCosts).costs;
  const source = costs !== undefined && !Array.isArray(costs) ? (costs as UnitCosts).source : undefined;
  return {
    locale,
    ...(options.names ? { names: options.names } : {}),
    ...(options.groups ? { groups: options.groups } : {}),
    ...(list?.length ? { costs: list } : {}),
    ...(source ? { costSource: source } : {}),
  };
}

export { SERVICE_GROUPS, NO_SERVICE_GROUPS } from "./population.ts";
export { parseUnitCosts, type UnitCosts } from "./costs.ts";
export { type Sheet } from "./sheet.ts";
