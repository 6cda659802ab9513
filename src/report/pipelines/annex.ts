import type { Locale } from "../../charts/locale.ts";
import { OmvarldError } from "../../errors.ts";
import { type GroupProjection, projectAgeGroups } from "../../indicators/population/group-projection.ts";
import { EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../../indicators/population/dependency.ts";
import type { Datasets } from "../../io/datasets.ts";
import { isBothSexes } from "../../io/sex.ts";
import { Table } from "../../table/table.ts";
import { type AnnexOptions, buildAnnex } from "../annex.ts";
import type { UnitCosts } from "../annex/costs.ts";
import type { Sheet } from "../annex/sheet.ts";
import { municipalAnnex } from "../municipal-annex.ts";
import { municipalProjection, municipalRegion, type ProjectionSettings, projectionWarnings } from "../municipal.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import { municipalData } from "../report-data.ts";
import { projectionMethod } from "../../charts/words/report.ts";
import { countryLocale, localeOr } from "../../charts/words/locales.ts";

/** Options of the annex pipeline (`omvarld annex` without the files). */
export interface AnnexPipelineOptions {
  region: string;
  /** Regions to compare with (kommun tables: default the county and the country). */
  compare?: readonly string[];
  /** Dependency bands. Default: the country's for kommun tables (SE 20-64, NO 20-66), else Eurostat's 15-64. */
  bands?: "se" | "no" | "eurostat";
  /** Unit costs (see `parseUnitCosts`, `readUnitCosts`). */
  costs?: UnitCosts;
  /** Default: nb for SSB's kommune tables, else sv. */
  locale?: Locale;
  /** Names of regions the data do not name. */
  names?: Readonly<Record<string, string>>;
  /** Project the region (and those compared) to this year. */
  horizon?: number;
  /** The kommun projection's settings beside its defaults (a scenario's multipliers, the window). */
  projection?: ProjectionSettings;
}

/** The annex's sheets and, for population by age group projected to a horizon, the focus region's projection. */
export interface AnnexResult {
  sheets: Sheet[];
  /** Figures to check before use (a projection beyond what its size class makes plausible), in English, for a log. */
  warnings?: string[];
  projection?: GroupProjection;
}

/**
 * The XLSX budget annex as sheets (write them with `writeSheets` or `writeAnnex`), from the datasets found among a
 * user's tables or from a population table by region, year and age. From SCB's or SSB's kommun tables (population
 * by single age and sex, births, deaths) the kommun is projected by the cohort-component method; from population by
 * age group (Eurostat) by cohort change ratios. Eurostat tables are narrowed to persons (unit NR); the sheets show
 * both sexes, the projection is made by sex.
 *
 * @example
 * const { sheets } = annexPipeline(readDatasets(["data/scb"]), { region: "2021", horizon: 2040 });
 * await writeSheets(sheets, "out/vansbro.xlsx");
 */
export function annexPipeline(data: Datasets | Table, options: AnnexPipelineOptions): AnnexResult {
  if (data instanceof Table) return groupAnnex(data, options);
  const municipal = municipalData(data);
  // a kommun of the kommun tables (by code, name or another vintage's code), else a region of Eurostat's table
  const inGroups = data.groupPopulation?.filter({ region: options.region }).numRows ?? 0;
  if (municipal && !inGroups) {
    const target = municipalRegion(municipal, options.region);
    const locale = countryLocale(municipal.country, options.locale);
    const { costs } = options;
    const sheets = municipalAnnex(municipal, {
      region: target.code,
      locale,
      names: { [target.code]: target.name, ...options.names },
      notes: target.notes.map((n) => REPORT_WORDS[locale].regionNote(n)),
      ...(options.compare?.length ? { compare: options.compare } : {}),
      ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
      ...(options.projection ? { projection: options.projection } : {}),
      ...(costs ? { costs: costs.costs, ...(costs.source ? { costSource: costs.source } : {}) } : {}),
    });
    const warnings =
      options.horizon === undefined
        ? []
        : projectionWarnings(
            municipalProjection(municipal, target.code, options.horizon, options.projection),
            municipal.country,
            {
              region: target.code,
              name: target.name,
            },
          );
    return { sheets, warnings };
  }
  if (!data.groupPopulation) {
    const files = filesOf(data);
    throw new OmvarldError(
      "ARGUMENT",
      `region ${options.region} is not in a population table by age among the data`,
      files.length ? { file: files.join(", ") } : {},
      "give SCB's or SSB's population by region, age and sex (e.g. BE0101N1, 07459), or Eurostat's demo_r_pjanaggr3",
    );
  }
  return groupAnnex(data.groupPopulation.filter({ region: [options.region, ...(options.compare ?? [])] }), options);
}

/** The files the datasets were read from, for an error message. */
function filesOf(data: Datasets): string[] {
  const tables = [
    data.population?.table,
    ...data.births.map((b) => b.table),
    ...data.deaths.map((d) => d.table),
    data.change,
    data.commuting,
    data.commutingStocks,
    data.panel,
    data.gdp,
    data.employment,
  ];
  const files = [...tables.map((t) => t?.provenance.file), ...data.unused.map((u) => u.file)];
  return [...new Set(files.filter((f): f is string => typeof f === "string"))];
}

/** The annex from population by region, year and age (group): observed, and projected by sex with `horizon`. */
function groupAnnex(table: Table, options: AnnexPipelineOptions): AnnexResult {
  const compare = options.compare ?? [];
  const locale = localeOr(options.locale);
  const file = table.provenance.file;
  const bySex = table.has("unit") ? table.filter({ unit: "NR" }) : table;
  let population = bySex.has("sex") ? bySex.filter({ sex: isBothSexes }) : bySex;
  if (!population.has("age"))
    throw new OmvarldError(
      "SCHEMA",
      "the population table has no age column",
      { file },
      "the annex needs population by age",
    );
  if (population.filter({ region: options.region }).numRows === 0)
    throw new OmvarldError("ARGUMENT", `region ${options.region} is not in the table`, { file });
  let projection: AnnexOptions["projection"];
  let own: GroupProjection | undefined;
  if (options.horizon !== undefined) {
    const horizon = options.horizon;
    if (!bySex.has("sex"))
      throw new OmvarldError(
        "SCHEMA",
        "the projection needs population by sex",
        { file },
        "download the table with women and men",
      );
    const regions = [options.region, ...compare].filter((r) => bySex.filter({ region: r }).numRows > 0);
    const projected = regions.map((region) =>
      projectAgeGroups(bySex, { region, horizon, interval: region === options.region ? {} : false }),
    );
    own = projected[0]!;
    const futures = projected.map((p) =>
      p.population.filter({ kind: "projected" }).groupBy(["region", "year", "age", "kind"]).sum("value").toRows(),
    );
    const observed = population
      .select("region", "year", "age", "value")
      .toRows()
      .map((r) => ({ ...r, kind: "observed" }));
    population = Table.fromRows([...observed, ...futures.flat()], { provenance: population.provenance });
    projection = {
      total: own.total,
      components: own.components,
      method: projectionMethod(locale, {
        ...own.method,
        level: Math.round(100 * own.method.level!),
        runs: own.method.runs!,
      }),
    };
  }
  const bands = options.bands === "se" ? SE_BANDS : options.bands === "no" ? NO_BANDS : EUROSTAT_BANDS;
  const { costs } = options;
  const sheets = buildAnnex(population, {
    region: options.region,
    compare: [...compare],
    bands,
    locale,
    ...(costs ? { costs: costs.costs, ...(costs.source ? { costSource: costs.source } : {}) } : {}),
    ...(options.names ? { names: options.names } : {}),
    ...(projection ? { projection } : {}),
  });
  return { sheets, ...(own ? { projection: own } : {}) };
}
