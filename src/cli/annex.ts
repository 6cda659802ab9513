import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OmvarldError } from "../errors.ts";
import type { UnitCost } from "../indicators/population/cost.ts";
import { EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { read } from "../io/node.ts";
import { buildAnnex } from "../report/annex.ts";
import { excelCsv, writeXlsx } from "../report/workbook.ts";
import type { Locale } from "../charts/locale.ts";

export interface AnnexArgs {
  data: string;
  region: string;
  compare: string[];
  bands: "se" | "no" | "eurostat";
  costs?: string;
  locale: Locale;
  out: string;
  csv: boolean;
  names?: Record<string, string>;
}

/**
 * `omvarld annex`: an XLSX budget annex (and, with --csv, one Excel CSV per sheet) from population by region,
 * year and age. Eurostat tables are narrowed to persons (unit NR) of both sexes (sex T). Returns the paths.
 */
export async function annex(args: AnnexArgs): Promise<string[]> {
  // only the regions the annex shows: Eurostat's TSV then skips the other lines unparsed
  let population = read(args.data, { where: { region: [args.region, ...args.compare] } });
  if (population.has("unit")) population = population.filter({ unit: "NR" });
  if (population.has("sex")) population = population.filter({ sex: ["T", "totalt", "total", "Total", "Totalt"] });
  if (!population.has("age")) throw new OmvarldError("SCHEMA", "the population table has no age column", { file: args.data }, "the annex needs population by age");
  if (population.filter({ region: args.region }).numRows === 0) throw new OmvarldError("ARGUMENT", `region ${args.region} is not in the table`, { file: args.data });
  let costs: UnitCost[] | undefined;
  if (args.costs) {
    try {
      costs = JSON.parse(readFileSync(args.costs, "utf8")) as UnitCost[];
    } catch (error) {
      throw new OmvarldError("PARSE", `cannot read the unit costs: ${(error as Error).message}`, { file: args.costs }, 'a JSON array: [{ "service": "förskola", "ages": "1-5", "cost": 107.4 }, ...]');
    }
  }
  const bands = args.bands === "se" ? SE_BANDS : args.bands === "no" ? NO_BANDS : EUROSTAT_BANDS;
  const sheets = buildAnnex(population, { region: args.region, compare: args.compare, bands, locale: args.locale, ...(costs ? { costs } : {}), ...(args.names ? { names: args.names } : {}) });
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
