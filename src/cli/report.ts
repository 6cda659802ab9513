import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "../charts/locale.ts";
import { OmvarldError } from "../errors.ts";
import { commutingFromFlows, commutingFromStocks } from "../indicators/commuting/indicators.ts";
import { asAttractivenessPanel } from "../io/attractiveness.ts";
import { asCommutingFlows, asCommutingStocks } from "../io/commuting.ts";
import { assembleDatasets } from "../io/datasets.ts";
import type { Table } from "../table/table.ts";
import { read } from "../io/node.ts";
import { renderHtml } from "../report/html.ts";
import { printPdf } from "../report/pdf.ts";
import { buildSections, type ReportData } from "../report/sections.ts";

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

/** The files behind --data: files as given, folders expanded to the statistics files in them. */
function files(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory() ? readdirSync(p).filter((f) => /\.(csv|px|json|tsv|gz|xlsx)$/i.test(f)).sort().map((f) => join(p, f)) : [p]);
}

/** Recognises the datasets a report can use among the files; the others are reported as not used. */
export function loadReportData(paths: readonly string[], region: string): { data: ReportData; unused: string[] } {
  const found = assembleDatasets(files(paths).map((file) => read(file)));
  const data: ReportData = {};
  const unused = found.unused.map((u) => `${u.file}: ${u.why}`);
  if (found.panel) {
    const panel = asAttractivenessPanel(found.panel);
    const level = panel.filter({ region }).numRows ? String(panel.filter({ region }).get("level", 0)) : null;
    // a kommun's panel rows may sit under its code before a renumbering: keep the kommune level then
    data.panel = panel.filter({ level: level ?? "kommune" });
  }
  if (found.commutingStocks) data.commuting = commutingFromStocks(asCommutingStocks(found.commutingStocks));
  else if (found.commuting) data.commuting = commutingFromFlows(asCommutingFlows(found.commuting));
  if (found.gdp) data.gdp = found.gdp;
  if (found.groupPopulation) data.population = found.groupPopulation.has("unit") ? found.groupPopulation.filter({ unit: "NR" }) : found.groupPopulation;
  if (found.population && found.population.reference) {
    const source = found.population.table.provenance.source;
    data.municipal = {
      // SSB's tables carry pseudo-regions and SSB as their source; SCB's name SCB
      country: source === "SCB" ? "SE" : source === "SSB" || found.population.table.has("region_kind") ? "NO" : "SE",
      population: found.population.table,
      reference: found.population.reference,
      ...(found.births.length ? { births: found.births.map((b) => b.table) } : {}),
      ...(found.deaths.length ? { deaths: preferredDeaths(found.deaths) } : {}),
    };
  }
  if (found.change) unused.push(`${found.change.provenance.file}: components of change are computed from population, births and deaths`);
  return { data, unused };
}

/** Of several deaths tables, the one with the finest age detail (single ages, then age groups, then by sex only). */
function preferredDeaths(deaths: readonly { table: Table }[]): Table[] {
  const detail = (t: Table) => (!t.has("age") ? 0 : (t.distinct("age") as string[]).length > 20 ? 2 : 1);
  const best = Math.max(...deaths.map((d) => detail(d.table)));
  return deaths.filter((d) => detail(d.table) === best).map((d) => d.table);
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
