import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "../charts/locale.ts";
import { OmvarldError } from "../errors.ts";
import { readDatasets } from "../io/datasets-node.ts";
import { renderHtml } from "../report/html.ts";
import { printPdf } from "../report/pdf.ts";
import { buildSections, type ReportData } from "../report/sections.ts";
import { reportData } from "../report/report-data.ts";

export interface ReportArgs {
  data: string[];
  region: string;
  peers: string[];
  /** Default: Norwegian (nb) for SSB's kommune tables, else Swedish. */
  locale?: Locale;
  out: string;
  pdf: boolean;
  /** The region's name where the data give none. */
  name?: string;
  /** Last year of the projection. */
  horizon?: number;
}

/** Reads the files under the paths and recognises the datasets a report can use; the others are reported as not used. */
export function loadReportData(paths: readonly string[], region: string): { data: ReportData; unused: string[] } {
  return reportData(readDatasets(paths), region);
}

/** `omvarld report`: writes report.html (and report.pdf) for a region into the output folder; returns the paths. */
export async function report(args: ReportArgs, log: (line: string) => void = console.error): Promise<string[]> {
  if (args.data.length === 0) throw new OmvarldError("ARGUMENT", "report needs --data", {}, "omvarld report --data data/tf --region 0428 --out out/report");
  const { data, unused } = loadReportData(args.data, args.region);
  for (const u of unused) log(`not used: ${u}`);
  return writeReport(data, { ...args, locale: args.locale ?? (data.municipal?.country === "NO" ? "nb" : "sv") });
}

/** Writes report.html (and report.pdf) for a region from data already loaded; returns the paths. */
export async function writeReport(data: ReportData, args: Omit<ReportArgs, "data" | "locale"> & { locale: Locale }): Promise<string[]> {
  const built = buildSections(data, {
    region: args.region, peers: args.peers, locale: args.locale, ...(args.name ? { name: args.name } : {}), ...(args.horizon ? { horizon: args.horizon } : {}),
  });
  if (built.sections.length === 0) {
    throw new OmvarldError("ARGUMENT", `no section of the report can be made for region ${args.region} from the data given`, {}, "pass a panel with population and jobs, such as data/tf/no-regions-2003-2016.csv");
  }
  mkdirSync(args.out, { recursive: true });
  const html = join(args.out, "report.html");
  writeFileSync(html, await renderHtml(built, args.locale));
  const written = [html];
  if (args.pdf) {
    const pdf = join(args.out, "report.pdf");
    printPdf(html, pdf);
    written.push(pdf);
  }
  return written;
}
