import type { Locale } from "../../charts/locale.ts";
import { OmvarldError } from "../../errors.ts";
import type { MigrationCounts } from "../../indicators/attractiveness/net-migration.ts";
import { readDatasets } from "../../io/datasets-node.ts";
import { readInput } from "../../io/input-node.ts";
import type { Table } from "../../table/table.ts";
import { municipalData } from "../report-data.ts";
import { type AttractivenessOptions, attractivenessAnalysis, attractivenessText } from "./attractiveness.ts";

/** A table the agency calls preliminary in its title (SSB "Preliminary figures", "Foreløpige tall"; SCB "preliminära"). */
const PRELIMINARY = /preliminary|foreløpig|preliminär|prelimin/i;

/** Final tables before preliminary ones, each kind's order otherwise kept: the model takes the first that has a year. */
function finalFirst(tables: readonly Table[]): Table[] {
  const preliminary = (t: Table) => PRELIMINARY.test(t.provenance.title ?? "");
  return [...tables.filter((t) => !preliminary(t)), ...tables.filter(preliminary)];
}

/**
 * Population, births and deaths by kommune from the statistics files under the paths (folders are searched), found
 * as the report finds them (`readDatasets`, `municipalData`): registered net migration for the residential model.
 * Of several births or deaths tables the agency's final figures come first and preliminary ones fill the years they
 * lack (in data/ssb: deaths from SSB 08425, not the preliminary 12983, which differs by a few deaths in some years).
 *
 * @example
 * const counts = migrationCountsOf(["data/ssb"]); // SSB 07459, 04231 and 08425 (12983 after it)
 */
export function migrationCountsOf(paths: readonly string[]): MigrationCounts {
  const found = readDatasets(paths);
  const municipal = municipalData(found);
  const lacking = [
    municipal ? null : "population by kommune",
    municipal?.births?.length ? null : "births",
    municipal?.deaths?.length ? null : "deaths",
  ].filter((x) => x !== null);
  if (!municipal || lacking.length)
    throw new OmvarldError(
      "ARGUMENT",
      `${paths.join(", ")}: no ${lacking.join(", ")} found`,
      {},
      "registered net migration needs population on 1 January, births and deaths by kommune and year (SSB 07459, 04231, 08425 or 12983)",
    );
  return {
    population: municipal.population,
    reference: municipal.reference,
    births: finalFirst(found.births.map((b) => b.table)),
    deaths: finalFirst(found.deaths.map((d) => d.table)),
  };
}

/**
 * `omvarld attractiveness FILE` as a library call: the analysis of a panel file ("-": standard input) with
 * commuting files, population, births and deaths (`data`: files or folders) and private jobs by industry, as text or
 * JSON (see `attractivenessAnalysis`, `attractivenessText`).
 *
 * @example
 * console.log(attractivenessFile("data/tf/no-regions-2003-2016.csv", { level: "kommune", data: ["data/ssb"] }));
 */
export function attractivenessFile(
  file: string,
  options: Omit<AttractivenessOptions, "commuting" | "counts" | "industries"> & {
    commuting?: readonly string[];
    data?: readonly string[];
    industries?: string;
    json?: boolean;
    locale?: Locale;
  } = {},
): string {
  const { commuting = [], data = [], industries, json, locale, ...rest } = options;
  const flows = commuting.map((path) => readInput(path, {}, "commuting"));
  const analysis = attractivenessAnalysis(readInput(file), {
    ...rest,
    commuting: flows,
    ...(data.length ? { counts: migrationCountsOf(data) } : {}),
    ...(industries ? { industries: readInput(industries, {}, "industries") } : {}),
  });
  return attractivenessText(analysis, { ...(json === undefined ? {} : { json }), ...(locale ? { locale } : {}) });
}
