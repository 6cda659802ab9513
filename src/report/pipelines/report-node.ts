import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OmvarldError } from "../../errors.ts";
import { readDatasets } from "../../io/datasets-node.ts";
import { printPdf } from "../pdf.ts";
import { reportData } from "../report-data.ts";
import type { ReportData, ReportOptions } from "../sections.ts";
import { buildReport } from "./report.ts";

/** Options of `writeReport`: the report's (see `buildReport`), the data and where to write. */
export interface WriteReportOptions extends ReportOptions {
  /** Files or folders of statistics (recognised by `readDatasets`), or data already read. */
  data: readonly string[] | ReportData;
  /** The output folder (default out/report). */
  out?: string;
  /** Also print report.pdf with headless Chromium. */
  pdf?: boolean;
  /** The Chromium executable that prints the PDF (default: the first found, see `findChromium`). */
  chromium?: string;
  /** Where the files not used are listed (default: standard error). */
  log?: (line: string) => void;
}

/**
 * Reads the files under the paths and recognises the datasets a report can use; the others are listed as not used.
 *
 * @example
 * const { data, unused } = loadReportData(["data/ssb", "data/tf/no-regions-2003-2016.csv"], "3421");
 */
export function loadReportData(paths: readonly string[], region: string): { data: ReportData; unused: string[] } {
  return reportData(readDatasets(paths), region);
}

/**
 * `omvarld report` as a library call: writes report.html (and, with `pdf`, report.pdf) for a region into the output
 * folder and returns the paths.
 *
 * @example
 * await writeReport({ data: ["data/tf/no-regions-2003-2016.csv"], region: "0428", out: "out/trysil" });
 * // ["out/trysil/report.html"]
 */
export async function writeReport(options: WriteReportOptions): Promise<string[]> {
  const { data: input, out = "out/report", pdf = false, chromium, log = console.error, ...report } = options;
  let data: ReportData;
  if (Array.isArray(input)) {
    const paths = input as readonly string[];
    if (paths.length === 0)
      throw new OmvarldError(
        "ARGUMENT",
        "no data given for the report",
        {},
        'give files or folders of statistics, e.g. writeReport({ data: ["data/tf"], region: "0428" })',
      );
    const loaded = loadReportData(paths, report.region);
    for (const u of loaded.unused) log(`not used: ${u}`);
    data = loaded.data;
    if (Object.keys(data).length === 0)
      throw new OmvarldError(
        "ARGUMENT",
        `no table the report can use in ${paths.join(", ")}`,
        {},
        loaded.unused.length
          ? "the files there are listed above as not used"
          : "give the folder or files of SCB's or SSB's population by age and sex (with births and deaths), Telemarksforsking's panel, or Eurostat's tables",
      );
  } else data = input as ReportData;
  const built = await buildReport(data, report);
  for (const w of built.warnings) log(`warning: ${w}`);
  mkdirSync(out, { recursive: true });
  const html = join(out, "report.html");
  writeFileSync(html, built.html);
  const written = [html];
  if (pdf) {
    const file = join(out, "report.pdf");
    printPdf(html, file, chromium ? { chromium } : {});
    written.push(file);
  }
  return written;
}
