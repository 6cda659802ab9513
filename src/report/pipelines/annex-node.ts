import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OmvarldError } from "../../errors.ts";
import { readDatasets } from "../../io/datasets-node.ts";
import type { Datasets } from "../../io/datasets.ts";
import type { Table } from "../../table/table.ts";
import { readUnitCosts } from "../annex/costs-file.ts";
import type { UnitCosts } from "../annex/costs.ts";
import type { AnnexData } from "../annex/index.ts";
import type { Sheet } from "../annex/sheet.ts";
import { writeExcelCsv, writeSheets } from "../workbook.ts";
import { type AnnexPipelineOptions, annexPipeline } from "./annex.ts";

/** Options of `writeAnnex`: the annex's (see `buildAnnex`), the data and where to write. */
export interface WriteAnnexOptions extends Omit<AnnexPipelineOptions, "costs"> {
  /**
   * Files or folders of statistics, the datasets found among tables, a population table already read, or the
   * report's data (`ReportData`).
   */
  data: string | readonly string[] | Datasets | Table | AnnexData;
  /** Unit costs: a JSON file (see `readUnitCosts`) or costs already read. */
  costs?: string | UnitCosts;
  /**
   * Where to write (default out/annex.xlsx): a workbook (.xlsx), or a .csv file, which gets the population sheet
   * alone (the model's other sheets and its formulas need the workbook).
   */
  out?: string;
  /** Also one CSV per sheet beside the workbook, for Swedish Excel (semicolon, decimal comma, UTF-8 BOM). */
  csv?: boolean;
  /** Where figures to check before use are told (default: standard error). */
  log?: (line: string) => void;
}

/** What a path ends in, for the output's format: "xlsx", "csv", or the other ending (null for none). */
function formatOf(path: string): string | null {
  return /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? null;
}

/**
 * `omvarld annex` as a library call: the budget annex (see `buildAnnex`) written as an XLSX workbook and, with
 * `csv`, one Excel CSV per sheet beside it; or, for an output path ending in .csv, its population sheet as one
 * Excel CSV. Returns the paths. Every file is written to a temporary file and renamed, so none is left half-written.
 *
 * @example
 * await writeAnnex({ data: ["data/scb"], region: "2021", horizon: 2040, costs: "data/costs/example-unit-costs.json", out: "out/vansbro.xlsx" });
 * // ["out/vansbro.xlsx"]
 */
export async function writeAnnex(options: WriteAnnexOptions): Promise<string[]> {
  const { data, costs, out = "out/annex.xlsx", csv = false, log = console.error, ...rest } = options;
  const format = formatOf(out);
  if (format !== "xlsx" && format !== "csv")
    throw new OmvarldError(
      "ARGUMENT",
      `the output path ${out} must end in .xlsx (the workbook) or .csv (its population sheet)`,
    );
  // the unit costs are read before the data, so that a wrong file is told at once
  const unitCosts = typeof costs === "string" ? readUnitCosts(costs) : costs;
  const input = typeof data === "string" ? readDatasets([data]) : isPaths(data) ? readDatasets(data) : data;
  const { sheets, warnings } = annexPipeline(input, { ...rest, ...(unitCosts ? { costs: unitCosts } : {}) });
  for (const w of warnings) log(`warning: ${w}`);
  if (format === "csv") {
    mkdirSync(dirname(out), { recursive: true });
    await writeExcelCsv(sheets[0]!, out);
    return [out];
  }
  return writeAnnexSheets(sheets, { out, csv });
}

function isPaths(data: WriteAnnexOptions["data"]): data is readonly string[] {
  return Array.isArray(data);
}

/**
 * Writes the annex's sheets as a workbook and, with `csv`, one Excel CSV per sheet named after the workbook and the
 * sheet ("annex-befolkning.csv"); returns the paths.
 *
 * @example
 * await writeAnnexSheets(buildAnnex(data, { region: "2021" }).sheets, { out: "out/annex.xlsx", csv: true });
 */
export async function writeAnnexSheets(
  sheets: readonly Sheet[],
  options: { out: string; csv?: boolean },
): Promise<string[]> {
  const { out } = options;
  mkdirSync(dirname(out), { recursive: true });
  await writeSheets([...sheets], out);
  const written = [out];
  if (options.csv) {
    const stem = basename(out).replace(/\.xlsx$/i, "");
    for (const sheet of sheets) {
      const path = join(dirname(out), `${stem}-${sheet.name.toLowerCase().replace(/[^\p{L}\d]+/gu, "-")}.csv`);
      await writeExcelCsv(sheet, path);
      written.push(path);
    }
  }
  return written;
}
