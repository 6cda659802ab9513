import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { attractivenessScatter, decompositionChart, structureQuadrant } from "../../charts/builders/attractiveness.ts";
import { choropleth } from "../../charts/builders/map.ts";
import { indexChart } from "../../charts/builders/population.ts";
import { rankedBars } from "../../charts/builders/ranking.ts";
import type { Chart } from "../../charts/chart.ts";
import { rankAttractiveness } from "../../indicators/attractiveness/rank.ts";
import { growth } from "../../indicators/population/growth.ts";
import { toPNGs } from "../png.ts";
import { jobsToKeepPopulation, projectScenario } from "../../indicators/attractiveness/scenario.ts";
import { asPopulationChange } from "../../io/canonical.ts";
import { read } from "../../io/node.ts";
import { type Boundaries, loadBoundaries } from "../../regions/boundaries.ts";
import { findRegion } from "../../regions/registry.ts";
import { recast } from "../../regions/recast.ts";
import { annexPipeline } from "./annex.ts";
import { writeAnnexSheets } from "./annex-node.ts";
import { attractivenessAnalysis } from "./attractiveness.ts";
import type { MigrationCounts } from "../../indicators/attractiveness/net-migration.ts";
import { writeReport } from "./report-node.ts";
import { readDatasets } from "../../io/datasets-node.ts";
import { reportData } from "../report-data.ts";
import type { ReportData } from "../sections.ts";
import type { Table } from "../../table/table.ts";
import { formatNumber } from "../../charts/locale.ts";
import type { Locale } from "../../charts/locale.ts";
import { migrationCounts, municipalProjection } from "../municipal.ts";
import { buildAnnex } from "../annex/index.ts";
import { countryLocale } from "../../charts/words/locales.ts";
import { readUnitCosts } from "../annex/costs-file.ts";
import { writeSheets } from "../workbook.ts";
import { backtestError } from "../../indicators/population/backtest-errors.ts";

/** The folder of shipped data, next to `src/` and `dist/`. */
export const DATA_DIR: string = fileURLToPath(new URL("../../../data/", import.meta.url));

/** Options of the demo: where its files go, where its lines go and the format of the numbers it prints. */
export interface DemoOptions {
  /** The output folder (default out/demo). */
  out?: string;
  /** Where the printed lines go (default standard output). */
  log?: (line: string) => void;
  /** The format of the numbers (default sv: "10 120 242", "−0,01"). */
  locale?: Locale;
}

/** What every step of the demo takes: where its lines go, the number format and the output folder. */
interface Step {
  log: (line: string) => void;
  f: (value: number | null, digits?: number) => string;
  out: string;
}

/**
 * `omvarld demo` as a library call: reads the real exports in data/, prints what the library computes (populations,
 * a code recast, components of change, the attractiveness of Trysil and Rendalen, projections) and writes its
 * charts, reports and budget annexes into the output folder.
 *
 * @example
 * await demo({ out: "out/demo", locale: "en" });
 */
export async function demo(options: DemoOptions = {}): Promise<void> {
  const { out = "out/demo", log = console.log, locale = "sv" } = options;
  const step: Step = { log, out, f: (value, digits = 0) => formatNumber(value, locale, digits) };
  swedishPopulation(step);
  norwegianRecast(step);
  componentsOfChange(step);
  // the kommune tables, the panel and the commuting matrix are read once: the printout, its charts and the reports
  // share them and the fitted model
  const { data } = reportData(readDatasets([`${DATA_DIR}ssb`, `${DATA_DIR}tf/no-regions-2003-2016.csv`]), "3421");
  const boundaries = await loadBoundaries("NO", 2017);
  const charts = attractivenessDemo(data.panel!, data.flows, migrationCounts(data.municipal!), boundaries, step);
  const { names: written, pngs } = await writeCharts(charts, join(out, "charts"));
  log("");
  log(
    "Kommuner projected from the agencies' own tables (cohort-component by sex and single age, net migration as the residual):",
  );
  const scb = reportData(readDatasets([`${DATA_DIR}scb`]), "2021").data;
  await projectKommun(step, { code: "2021", data: scb, folder: "vansbro", annex: true });
  await projectKommun(step, { code: "3421", data, folder: "trysil" });
  await projectKommun(step, { code: "3424", data, folder: "rendalen" });
  await dalarna(step);
  await pngs;
  log(`Charts (SVG and PNG) in ${join(out, "charts")}/: ${written.join(", ")}`);
}

/** Sweden's population at the end of 2017 from SCB's PxWeb CSV, and four of Dalarna's kommuner with their shares. */
function swedishPopulation({ log, f }: Step): void {
  const se = read(`${DATA_DIR}scb/anderssundell-stathelp__data__befolkning.csv`);
  const total = se.groupBy([]).sum("value").get("value", 0) as number;
  log(`Sweden, population 31 December 2017 (SCB BE0101, ${se.provenance.encoding} PxWeb CSV)`);
  log(`  ${f(se.numRows)} kommuner, ${f(total)} inhabitants`);
  const dalarna = se.filter({ region: (r) => String(r).startsWith("20") }).sort("-value");
  const dalarnaTotal = dalarna.groupBy([]).sum("value").get("value", 0) as number;
  log(`  ${findRegion("20", { country: "SE" })?.name}: ${f(dalarna.numRows)} kommuner, ${f(dalarnaTotal)} inhabitants`);
  for (const row of dalarna.toRows()) {
    if (!["2021", "2061", "2082", "2080"].includes(String(row.region))) continue;
    const share = (100 * (row.value as number)) / dalarnaTotal;
    log(
      `    ${row.region} ${String(row.region_name).padEnd(14)} ${f(row.value as number).padStart(7)}  ${f(share, 1).padStart(5)} % of the county`,
    );
  }
}

/** Norway's kommuner of Hedmark, Oppland and Østfold recast onto the 2020 codes, beside SSB's 2022 figures. */
function norwegianRecast({ log, f }: Step): void {
  const no = read(`${DATA_DIR}ssb/Lagostra-population-center__data__befolkning.csv`);
  const no2022 = read(`${DATA_DIR}ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json`);
  // Hedmark (04), Oppland (05) and Østfold (01): their 2020 changes are renumberings and mergers, no splits
  const kommuner = no.filter({ region: (r) => /^0[145]\d\d$/.test(String(r)) }).select("region", "year", "value");
  const series = recast(kommuner, { to: 2020, country: "NO" }).join(
    no2022.select("region", "year", "value").rename({ value: "v2022", year: "y2022" }),
    { on: ["region"], how: "left" },
  );
  log("");
  log("Norway, population 1 January, recast onto the 2020 kommune codes (SSB)");
  for (const code of ["3421", "3424", "3002"]) {
    const rows = series.filter({ region: code }).sort("year").toRows();
    const name = findRegion(code, { country: "NO", year: 2020 })?.name;
    const history = rows.map((r) => `${r.year}: ${f(r.value as number)}`).join(", ");
    log(`  ${code} ${String(name).padEnd(9)} ${history}, 2022: ${f(rows[0]?.v2022 as number)}`);
  }
  log("  (Trysil was 0428 and Rendalen 0432 until 2019; Moss 3002 sums 0104 Moss and 0136 Rygge)");
}

/** Four fylker's components of change in 2013 from SSB's statbank, with the residual its tables leave. */
function componentsOfChange({ log, f }: Step): void {
  const change = asPopulationChange(read(`${DATA_DIR}ssb/erleholgersen-elections-norway__folketall.csv`)).lag(
    "population",
    { by: ["region"], n: -1, as: "population_next" },
  );
  log("");
  log("Norway, components of change 2013 per fylke (SSB statbank, population on 1 January)");
  log("  fylke                births  deaths  in-mig.  out-mig.  growth  residual");
  for (const row of change.filter({ year: 2013, region: ["04", "05", "12", "20"] }).toRows()) {
    const b = row.births as number;
    const d = row.deaths as number;
    const im = row.in_migration as number;
    const om = row.out_migration as number;
    const growth = (row.population_next as number) - (row.population as number);
    const residual = growth - (b - d + im - om);
    log(
      `  ${row.region} ${String(row.region_name).padEnd(17)} ${f(b).padStart(6)} ${f(d).padStart(7)} ${f(im).padStart(8)} ${f(om).padStart(9)} ${f(growth).padStart(7)} ${f(residual).padStart(9)}`,
    );
  }
  log("  residual = growth − (births − deaths + in − out): SSB's published tables do not close exactly");
}

/**
 * A kommun projected to 2040 from the agency's own tables: its figures with the 80 % interval and the back-test's
 * error, its report, and with `annex` its budget annex on the example unit costs.
 */
async function projectKommun(
  { log, f, out }: Step,
  k: { code: string; data: ReportData; folder: string; annex?: boolean },
): Promise<void> {
  const municipal = k.data.municipal!;
  const p = municipalProjection(municipal, k.code, 2040);
  const name = findRegion(k.code, { country: municipal.country })?.name ?? k.code;
  const at = (year: number) => p.total.filter({ year }).toRows()[0]!;
  const start = Math.max(...(p.total.filter({ kind: "observed" }).distinct("year") as number[]));
  const interval = (year: number) =>
    `${f(at(year).population as number)} (80 % interval ${f(at(year).low as number)}-${f(at(year).high as number)})`;
  const tables = [municipal.population, ...(municipal.births ?? []), ...(municipal.deaths ?? [])].map((t) =>
    `${t.provenance.source ?? ""} ${t.provenance.tableId ?? ""}`.trim(),
  );
  log(
    `  ${k.code} ${name} (${[...new Set(tables)].join(", ")}; ${p.assumptions.reference === "end" ? "31 December" : "1 January"}):`,
  );
  log(`    ${f(at(start).population as number)} in ${start}; 2030: ${interval(2030)}; 2040: ${interval(2040)}`);
  const error = backtestError(municipal.country, at(start).population as number);
  if (error)
    log(
      `    back-test, kommuner of ${MUNICIPAL_WORDS.en.sizes(error.from, error.to)} inhabitants, ${error.years} years ahead: mean absolute error ${f(error.mape, 1)} % (no change ${f(error.noChange, 1)} %, trend ${f(error.trend, 1)} %${error.agency === null ? "" : `, Statistics Norway's own projection ${f(error.agency, 1)} %`})`,
    );
  const [html] = await writeReport({
    data: k.data,
    region: k.code,
    compare: [],
    locale: countryLocale(municipal.country),
    out: join(out, k.folder),
  });
  log(`    report: ${html}`);
  if (!k.annex) return;
  // the budget annex as a working Excel model: unit costs in input cells, costs by formula
  const costs = readUnitCosts(`${DATA_DIR}costs/example-unit-costs.json`);
  const xlsx = join(out, k.folder, "annex.xlsx");
  await writeSheets(buildAnnex({ municipal }, { region: k.code, horizon: 2040, costs }).sheets, xlsx);
  log(
    `    budget annex (population by service age group, dependency ratio, costs by formula on example unit costs): ${xlsx}`,
  );
}

/** Dalarna from Eurostat: a report against Sweden's counties, and a budget annex with its projection to 2040. */
async function dalarna({ log, f, out }: Step): Promise<void> {
  // Sweden's regions (Dalarna's comparison regions, its NUTS 2 region, the country): the report and the annex share
  // one read of Eurostat's 1 M cells
  const eurostat = read(`${DATA_DIR}eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv`, {
    where: { region: (code) => code.startsWith("SE"), unit: "NR" },
  });
  const gdp = read(`${DATA_DIR}eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv`, {
    where: { unit: "EUR_HAB" },
  });
  const [dalarnaReport] = await writeReport({
    data: { population: eurostat, gdp },
    region: "SE312",
    name: "Dalarnas län",
    compare: [],
    locale: "sv",
    out: join(out, "dalarna"),
  });
  log(
    `Report for Dalarna (population against Sweden's counties, GDP per inhabitant, projection to 2040): ${dalarnaReport}`,
  );
  const dalarnaAnnex = annexPipeline(eurostat, {
    region: "SE312",
    compare: ["SE31", "SE"],
    bands: "eurostat",
    horizon: 2040,
    costs: readUnitCosts(`${DATA_DIR}costs/example-unit-costs.json`),
    locale: "sv",
    names: { SE312: "Dalarnas län", SE31: "Norra Mellansverige", SE: "Sverige" },
  });
  const at = (year: number) => dalarnaAnnex.projection!.total.filter({ year }).toRows()[0]!;
  const [now, then] = [at(2022), at(2040)];
  log("");
  log(
    `Dalarna projected to 2040 on Eurostat's age groups by sex (cohort change ratios ${dalarnaAnnex.projection!.method.from}-${dalarnaAnnex.projection!.method.to}):`,
  );
  log(
    `  ${f(now.population as number)} on 1 January 2022, ${f(then.population as number)} in 2040 (80 % interval ${f(then.low as number)}-${f(then.high as number)})`,
  );
  const [xlsx] = await writeAnnexSheets(dalarnaAnnex.sheets, { out: join(out, "annex.xlsx"), csv: true });
  log(
    `Budget annex for Dalarna (population by age group to 2040, dependency ratio, demographic cost with example unit costs): ${xlsx}`,
  );
}

/** Writes each chart as SVG, showing progress on stderr; `pngs` settles when the PNGs, rasterised in a worker, are written. */
async function writeCharts(
  charts: Record<string, Chart>,
  dir: string,
): Promise<{ names: string[]; pngs: Promise<unknown> }> {
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(charts);
  const svgs: string[] = [];
  for (const [k, name] of names.entries()) {
    if (process.stderr.isTTY) process.stderr.write(`\rrendering charts ${k + 1}/${names.length} `);
    svgs.push(await charts[name]!.toSVG());
    writeFileSync(join(dir, `${name}.svg`), svgs[k]!);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  const pngs = toPNGs(svgs).then((images) =>
    images.forEach((png, k) => writeFileSync(join(dir, `${names[k]}.png`), png)),
  );
  return { names, pngs };
}

/** Trysil and Rendalen in the attractiveness model: yearly decomposition, rank, scenarios to 2040; its charts. */
function attractivenessDemo(
  panel: Table,
  flows: Table | undefined,
  counts: MigrationCounts,
  boundaries: Boundaries,
  { log, f }: Step,
): Record<string, Chart> {
  const { rows, residential, business } = attractivenessAnalysis(panel, {
    level: "kommune",
    from: 2007,
    to: 2016,
    minPopulation: 1000,
    counts,
    ...(flows ? { commuting: [flows] } : {}),
  });
  const ranked = rows.filter((r) => r.rank !== null).length;
  const n = (x: unknown, w = 6) => (x === null || x === undefined ? "–" : f(x as number, 2)).padStart(w);
  log("");
  log(
    `Attractiveness of Norway's ${rows.length} kommuner 2007-2016 (Telemarksforsking's model, SSB data), percent of population a year`,
  );
  log(`  left out, for want of data: ${[...residential.missing, ...business.missing].join("; ")}`);
  for (const code of ["0428", "0432"]) {
    const r = rows.find((x) => x.code === code)!;
    log("");
    log(
      `  ${code} ${r.name}: residential attractiveness ${n(r.residential, 0)} (rank ${r.rank} of ${ranked}), business ${n(r.business, 0)} (rank ${r.rank_business})`,
    );
    log(
      "    year  growth = natural + immigr. + constant + own jobs + neighb. + integr. +   size + attractiveness   | private jobs: growth = national + population + attractiveness",
    );
    const res = residential.decomposition.filter({ region: code }).toRows();
    const bus = business.decomposition.filter({ region: code }).toRows();
    res.forEach((y, k) => {
      const b = bus[k]!;
      log(
        `    ${y.year}  ${n(y.growth)}   ${n(y.natural_increase, 7)}  ${n(y.immigration, 7)}  ${n(y.constant, 8)}  ${n(y.own_jobs, 8)}  ${n(y.neighbour_jobs, 7)}  ${n(y.integration, 7)}  ${n(y.size)}  ${n(y.attractiveness, 14)}   |  ${n(b.growth)}   ${n(b.national, 8)}   ${n(b.population, 10)}   ${n(b.attractiveness, 14)}`,
      );
    });
    const scenario = (lever: "zero" | "mean" | "high") =>
      projectScenario(panel, residential, business, {
        region: code,
        horizon: 2040,
        residential: lever,
        business: lever,
      })
        .toRows()
        .at(-1)!;
    const [zero, mean, high] = [scenario("zero"), scenario("mean"), scenario("high")];
    const keep = jobsToKeepPopulation(panel, residential, business, {
      region: code,
      horizon: 2040,
      residential: "zero",
      business: "zero",
    });
    log(
      `    2040: ${f(zero.population as number)} inhabitants with average attractiveness, ${f(mean.population as number)} as in 2007-2016, ${f(high.population as number)} at the top quartile;`,
    );
    log(
      `          ${keep === null ? "no number of extra jobs" : `${f(keep, 0)} extra private jobs a year`} would keep the population at ${f(panel.filter({ region: code, year: 2016 }).get("population", 0) as number)} with average attractiveness`,
    );
  }
  const hedmark = panel
    .filter({ region: (r) => String(r).startsWith("04") })
    .select("region", "region_name", "year", "population");
  const names = hedmark.groupBy(["region", "region_name"]).count().drop("count");
  const index = growth(hedmark, { base: 2003, value: "population" }).join(names, { on: ["region"], how: "left" });
  const ranking = rankAttractiveness(residential.decomposition, business.decomposition, { from: 2007, to: 2016 });
  const focus = ["0428", "0432"];
  return {
    "befolkning-hedmark-index": indexChart(index, {
      focus: "0428",
      title: "Befolkning i Hedmarks kommuner, index (2003 = 100)",
    }),
    "boendeattraktivitet-rangordning": rankedBars(ranking, {
      value: "residential",
      focus,
      limit: 10,
      title: "Boendeattraktivitet 2007–2016, procent per år",
    }),
    "boendeattraktivitet-jobb": attractivenessScatter(residential.decomposition, { focus }),
    "struktur-attraktivitet": structureQuadrant(residential.decomposition, { focus }),
    "trysil-tillvaxt": decompositionChart(residential.decomposition, { region: "0428" }),
    "rendalen-tillvaxt": decompositionChart(residential.decomposition, { region: "0432" }),
    // the panel holds 2017's codes: Hedmark's kommuner as they were, Trysil and Rendalen outlined
    "boendeattraktivitet-karta": choropleth(ranking, boundaries, {
      value: "residential",
      valueTitle: "Boendeattraktivitet",
      focus,
      county: "04",
      year: 2017,
      title: "Boendeattraktivitet i Hedmarks kommuner 2007–2016",
    }),
  };
}
