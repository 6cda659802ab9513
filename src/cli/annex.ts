import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OmvarldError } from "../errors.ts";
import { EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { read } from "../io/node.ts";
import { type AnnexOptions, buildAnnex } from "../report/annex.ts";
import { readUnitCosts } from "../report/annex/costs-file.ts";
import { projectionMethod } from "../report/text.ts";
import { type GroupProjection, projectAgeGroups } from "../indicators/population/group-projection.ts";
import { Table } from "../table/table.ts";
import { excelCsv, writeXlsx } from "../report/workbook.ts";
import type { Locale } from "../charts/locale.ts";

export interface AnnexArgs {
  /** The population file, or a table already read. */
  data: string | Table;
  region: string;
  compare: string[];
  bands: "se" | "no" | "eurostat";
  costs?: string;
  locale: Locale;
  out: string;
  csv: boolean;
  names?: Record<string, string>;
  /** Project the region (and those compared) to this year from the table's age groups and sexes. */
  horizon?: number;
}

/**
 * `omvarld annex`: an XLSX budget annex (and, with --csv, one Excel CSV per sheet) from population by region,
 * year and age. Eurostat tables are narrowed to persons (unit NR); the sheets show both sexes (sex T), the
 * projection (with `horizon`) is made by sex. `onProjection` receives the focus region's projection. Returns the paths.
 */
export async function annex(args: AnnexArgs, onProjection?: (projection: GroupProjection) => void): Promise<string[]> {
  // only the regions the annex shows: Eurostat's TSV then skips the other lines unparsed
  let bySex = typeof args.data === "string" ? read(args.data, { where: { region: [args.region, ...args.compare] } }) : args.data;
  const file = typeof args.data === "string" ? args.data : args.data.provenance.file;
  if (bySex.has("unit")) bySex = bySex.filter({ unit: "NR" });
  let population = bySex.has("sex") ? bySex.filter({ sex: ["T", "totalt", "total", "Total", "Totalt"] }) : bySex;
  if (!population.has("age")) throw new OmvarldError("SCHEMA", "the population table has no age column", { file }, "the annex needs population by age");
  if (population.filter({ region: args.region }).numRows === 0) throw new OmvarldError("ARGUMENT", `region ${args.region} is not in the table`, { file });
  const costs = args.costs ? readUnitCosts(args.costs) : undefined;
  let projection: AnnexOptions["projection"];
  if (args.horizon !== undefined) {
    if (!bySex.has("sex")) throw new OmvarldError("SCHEMA", "the projection needs population by sex", { file }, "download the table with women and men");
    const regions = [args.region, ...args.compare].filter((r) => bySex.filter({ region: r }).numRows > 0);
    const projected = regions.map((region) => projectAgeGroups(bySex, { region, horizon: args.horizon!, interval: region === args.region ? {} : false }));
    const own = projected[0]!;
    onProjection?.(own);
    const futures = projected.map((p) => p.population.filter({ kind: "projected" }).groupBy(["region", "year", "age", "kind"]).sum("value").toRows());
    population = Table.fromRows([...population.select("region", "year", "age", "value").toRows().map((r) => ({ ...r, kind: "observed" })), ...futures.flat()], { provenance: population.provenance });
    projection = {
      total: own.total, components: own.components,
      method: projectionMethod(args.locale, { ...own.method, level: Math.round(100 * own.method.level!), runs: own.method.runs! }),
    };
  }
  const bands = args.bands === "se" ? SE_BANDS : args.bands === "no" ? NO_BANDS : EUROSTAT_BANDS;
  const sheets = buildAnnex(population, {
    region: args.region, compare: args.compare, bands, locale: args.locale,
    ...(costs ? { costs: costs.costs, ...(costs.source ? { costSource: costs.source } : {}) } : {}), ...(args.names ? { names: args.names } : {}), ...(projection ? { projection } : {}),
  });
  mkdirSync(dirname(args.out), { recursive: true });
  await writeXlsx(sheets, args.out);
  const written = [args.out];
  if (args.csv) {
    for (const sheet of sheets) {
      const path = join(dirname(args.out), `${args.out.replace(/^.*\//, "").replace(/\.xlsx$/, "")}-${sheet.name.toLowerCase().replace(/[^\p{L}\d]+/gu, "-")}.csv`);
      writeFileSync(path, excelCsv(sheet));
      written.push(path);
    }
  }
  return written;
}
