import { mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readDatasets } from "../../io/datasets-node.ts";
import { checkPath } from "../../io/input-node.ts";
import type { Datasets } from "../../io/datasets.ts";
import { Table } from "../../table/table.ts";
import { readUnitCosts } from "../annex/costs-file.ts";
import type { UnitCosts } from "../annex/costs.ts";
import type { Sheet } from "../annex/sheet.ts";
import { writeExcelCsv, writeSheets } from "../workbook.ts";
import { type AnnexPipelineOptions, annexPipeline } from "./annex.ts";

/** Options of `writeAnnex`: the pipeline's (see `annexPipeline`), the data and where to write. */
export interface WriteAnnexOptions extends Omit<AnnexPipelineOptions, "costs"> {
  /** Files or folders of statistics, the datasets found among tables, or a population table already read. */
  data: string | readonly string[] | Datasets | Table;
  /** Unit costs: a JSON file (see `readUnitCosts`) or costs already read. */
  costs?: string | UnitCosts;
  /** The workbook (default out/annex.xlsx). */
  out?: string;
  /** Also one CSV per sheet for Swedish Excel (semicolon, decimal comma, UTF-8 BOM). */
  csv?: boolean;
  /** Where figures to check before use are told (default: standard error). */
  log?: (line: string) => void;
}

/**
 * `omvarld annex` as a library call: the budget annex (see `annexPipeline`) written as an XLSX workbook and, with
 * `csv`, one Excel CSV per sheet beside it; returns the paths.
 *
 * @example
 * await writeAnnex({ data: ["data/scb"], region: "2021", horizon: 2040, costs: "data/costs/example-unit-costs.json", out: "out/vansbro.xlsx" });
 * // ["out/vansbro.xlsx"]
 */
export async function writeAnnex(options: WriteAnnexOptions): Promise<string[]> {
  const { data, costs, out = "out/annex.xlsx", csv = false, log = console.error, ...rest } = options;
  // a wrong path to the costs is told before the data are read
  if (typeof costs === "string") checkPath(costs, "--costs");
  const input =
    typeof data === "string"
      ? readDatasets([data])
      : Array.isArray(data)
        ? readDatasets(data as readonly string[])
        : (data as Datasets | Table);
  const unitCosts = typeof costs === "string" ? readUnitCosts(costs) : costs;
  const { sheets, warnings = [] } = annexPipeline(input, { ...rest, ...(unitCosts ? { costs: unitCosts } : {}) });
  for (const w of warnings) log(`warning: ${w}`);
  return writeAnnexSheets(sheets, { out, csv });
}

/**
 * Writes the annex's sheets as a workbook and, with `csv`, one Excel CSV per sheet named after the workbook and the
 * sheet ("annex-befolkning.csv"); returns the paths.
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
    const stem = basename(out).replace(/\.xlsx$/, "");
    for (const sheet of sheets) {
      const path = join(dirname(out), `${stem}-${sheet.name.toLowerCase().replace(/[^\p{L}\d]+/gu, "-")}.csv`);
      await writeExcelCsv(sheet, path);
      written.push(path);
    }
  }
  return written;
}
