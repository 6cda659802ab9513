import type { Datasets } from "../../io/datasets.ts";
import { Table } from "../../table/table.ts";
import { type Annex, type AnnexData, type AnnexOptions, buildAnnex } from "../annex/index.ts";
import { municipalData } from "../report-data.ts";

/** Options of the annex pipeline: the annex's (see `buildAnnex`). */
export type AnnexPipelineOptions = AnnexOptions;

/** The annex's sheets, figures to check, and the projection of population by age group when there is one. */
export type AnnexResult = Annex;

/**
 * The annex's data among the datasets found in a user's tables: the kommun tables (SCB's or SSB's population by
 * single age and sex, births, deaths) and population by age group (Eurostat's, persons only).
 *
 * @example
 * annexData(readDatasets(["data/scb"])).municipal?.country // "SE"
 */
export function annexData(found: Datasets): AnnexData {
  const municipal = municipalData(found);
  const groups = found.groupPopulation;
  return {
    ...(municipal ? { municipal } : {}),
    ...(groups ? { population: groups.has("unit") ? groups.filter({ unit: "NR" }) : groups } : {}),
  };
}

/**
 * `omvarld annex` without the files: `buildAnnex` on the datasets found among a user's tables (`readDatasets`), on
 * a population table by region, year and age, or on the report's data.
 *
 * @example
 * const { sheets, warnings } = annexPipeline(readDatasets(["data/scb"]), { region: "2021", horizon: 2040 });
 * await writeSheets(sheets, "out/vansbro.xlsx");
 */
export function annexPipeline(data: Datasets | Table | AnnexData, options: AnnexPipelineOptions): Annex {
  return buildAnnex(asAnnexData(data), options);
}

/** Datasets, a table or the annex's data, as the annex's data. */
export function asAnnexData(data: Datasets | Table | AnnexData): AnnexData {
  if (data instanceof Table) return { population: data };
  return "unused" in data && Array.isArray(data.unused) ? annexData(data as Datasets) : (data as AnnexData);
}
