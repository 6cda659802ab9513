import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "../charts/locale.ts";
import { OmvarldError } from "../errors.ts";
import { commutingFromFlows, commutingFromStocks } from "../indicators/commuting/indicators.ts";
import { asAttractivenessPanel } from "../io/attractiveness.ts";
import { asCommutingFlows, asCommutingStocks, commutingStockOf } from "../io/commuting.ts";
import type { Table } from "../table/table.ts";
import { read } from "../io/node.ts";
import { renderHtml } from "../report/html.ts";
import { printPdf } from "../report/pdf.ts";
import { buildSections, type ReportData } from "../report/sections.ts";

export interface ReportArgs {
  data: string[];
  region: string;
  peers: string[];
  locale: Locale;
  out: string;
  pdf: boolean;
  /** The region's name where the data give none. */
  name?: string;
  /** Last year of the projection. */
  horizon?: number;
}

/** The files behind --data: files as given, folders expanded to the statistics files in them. */
function files(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.(csv|px|json|tsv|gz)$/i.test(f)).map((f) => join(p, f)) : [p]);
}

/** True when the table maps to origin-destination flows. */
function isFlows(table: Table): boolean {
  try {
    asCommutingFlows(table);
    return true;
  } catch {
    return false;
  }
}

/** Recognises the datasets a report can use; the others are reported as not used. */
export function loadReportData(paths: readonly string[], region: string): { data: ReportData; unused: string[] } {
  const data: ReportData = {};
  const unused: string[] = [];
  for (const file of files(paths)) {
    const table = read(file);
    if (table.has("level") && table.has("code") && table.has("private_jobs")) {
      const panel = asAttractivenessPanel(table);
      const level = panel.filter({ region }).numRows ? String(panel.filter({ region }).get("level", 0)) : null;
      if (level) data.panel = panel.filter({ level });
      else unused.push(`${file}: region ${region} is not in it`);
    } else if (table.has("contents") && (table.distinct("contents") as string[]).some((c) => commutingStockOf(c) !== null)) {
      data.commuting = commutingFromStocks(asCommutingStocks(table));
    } else if (table.has("unit") && !table.has("age") && (table.distinct("unit") as string[]).includes("EUR_HAB")) {
      data.gdp = table;
    } else if (table.has("age") && table.has("sex") && table.has("region")) {
      data.population = table.has("unit") ? table.filter({ unit: "NR" }) : table;
    } else if (isFlows(table)) {
      data.commuting = commutingFromFlows(asCommutingFlows(table));
    } else unused.push(`${file}: not a dataset the report uses yet`);
  }
  return { data, unused };
}

/** `omvarld report`: writes report.html (and report.pdf) for a region into the output folder; returns the paths. */
export async function report(args: ReportArgs, log: (line: string) => void = console.error): Promise<string[]> {
  if (args.data.length === 0) throw new OmvarldError("ARGUMENT", "report needs --data", {}, "omvarld report --data data/tf --region 0428 --out out/report");
  const { data, unused } = loadReportData(args.data, args.region);
  for (const u of unused) log(`not used: ${u}`);
  return writeReport(data, args);
}

/** Writes report.html (and report.pdf) for a region from data already loaded; returns the paths. */
export async function writeReport(data: ReportData, args: Omit<ReportArgs, "data">): Promise<string[]> {
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
