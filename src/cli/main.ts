#!/usr/bin/env node
import { parseArgs } from "node:util";
import { OmvarldError } from "../errors.ts";
import { annex } from "./annex.ts";
import { attractiveness } from "./attractiveness.ts";
import { demo } from "./demo.ts";
import { inspect } from "./inspect.ts";
import { report } from "./report.ts";

const HELP: Record<string, string> = {
  main: `omvarld: environmental scanning of municipalities and regions

Usage: omvarld <command> [options]

Commands:
  inspect FILE [--json]   what a statistics export holds: format, encoding, dimensions, years, missing cells
  attractiveness FILE     residential and business attractiveness of every region, with components and ranks
  report                  a self-contained HTML report (and PDF) for one region
  annex                   an XLSX budget annex (and Excel CSV): population by age, dependency ratio, costs
  demo                    read the real exports shipped in data/ and print what omvarld computes from them
  search TEXT             tables at SCB or SSB (or Kolada KPIs) whose titles hold the words
  meta AGENCY TABLE       a table's variables, codes, code lists and the API's limits
  fetch AGENCY TABLE      a table from SCB, SSB, Eurostat or Kolada with a selection, as CSV, XLSX or JSON

Run "omvarld <command> --help" for the options of a command.`,
  inspect: `Usage: omvarld inspect FILE [--json]

Reads FILE (SCB/SSB PxWeb CSV, PX, JSON-stat, PxWeb json, Kolada json, Eurostat TSV or SDMX-CSV; any encoding)
and prints the detected format, encoding and delimiter, the dimensions with their distinct counts, the measures,
the year range, the number of rows and of missing cells.

Options:
  --json   print one JSON object with the keys format, encoding, rows, dimensions, measures, years, missing
  --help   this text`,
  attractiveness: `Usage: omvarld attractiveness FILE [--commuting FILE] [--level kommune] [--from 2007] [--to 2016] [--min-population 1000] [--estimation pooled|yearly] [--json]

Runs the Telemarksforsking attractiveness model on a region × year panel (population on 1 January, its growth,
natural increase, the national net immigration rate and private jobs; Telemarksforsking's own panel is read as
it is) and prints, for every region of the level, the mean residential and business attractiveness over the
period, their components and the rank. Regions below the minimum population are listed but not ranked.
The residential model is one regression pooled over all regions and years of the period; with a commuting matrix
(home × work kommune, e.g. SSB 03321) it adds the job growth of the places residents work in and labour-market
integration (the out-commuting share). One year of flows is taken as the structure of every year.

Options:
  --commuting FILE         commuting flows by place of residence and place of work (repeat for several years)
  --estimation MODE        pooled (default: one regression, one constant) or yearly (one regression a year)
  --level LEVEL            kommune (default), region or fylke, where the panel has a level column
  --from YEAR, --to YEAR   the period (default 2007-2016)
  --min-population N       smallest population that is ranked (default 1000)
  --json                   an array of objects: code, name, population, residential, business, rank,
                           rank_business, residential_components, business_components, note
  --help                   this text`,
  report: `Usage: omvarld report --data FILES_OR_FOLDER --region CODE [--name NAME] [--peers CODES] [--horizon YEAR] [--lang sv|nb|en] [--out DIR] [--pdf]

Writes DIR/report.html (default DIR: out/report): one self-contained page with charts (inline SVG), a sentence
with the key number and the source of every figure, for the region; sections whose data are missing are listed
at the end. With --pdf it also prints DIR/report.pdf with headless Chromium.

Options:
  --data PATH     a file or a folder of statistics files (repeat or separate with commas)
  --region CODE   the region, e.g. 0428
  --name NAME     the region's name, where neither the data nor the registry give one (Sweden's NUTS 3 codes are named)
  --peers CODES   regions to compare with, comma-separated (default: the region's county)
  --horizon YEAR  last year of the projection, made when the data have population by age group and sex (default 2040)
  --lang LANG     sv, nb or en (default: nb for SSB's kommune tables, else sv)
  --out DIR       the output folder
  --pdf           also write report.pdf (needs Chromium: apt-get install chromium)
  --help          this text`,
  annex: `Usage: omvarld annex --data FILE --region CODE [--compare CODES] [--horizon YEAR] [--bands se|no|eurostat] [--costs FILE] [--lang sv|nb|en] [--out annex.xlsx] [--csv]

Writes an XLSX workbook for the budget document from population by region, year and age: population by the age
groups the data give, with --horizon projected to that year with an 80 % interval and the components of the
projection; the dependency ratio for the region and its comparisons; the demographic cost pressure when unit costs
are given; and the sources. Numbers are stored as numbers with display formats that Swedish Excel
shows as "1 234"; headers are frozen and columns sized. With --csv, each sheet also as CSV for Swedish Excel.

Options:
  --data FILE       population by region, year and age (Eurostat tables are narrowed to persons of both sexes)
  --region CODE     the region, e.g. SE312
  --compare CODES   regions to compare with, comma-separated (county, country)
  --bands B         dependency bands: se (0-19/20-64/65+), no (20-66/67+) or eurostat (0-14/15-64/65+, default)
  --horizon YEAR    project the regions to YEAR from their age groups by sex (cohort change ratios of the last 10 years)
  --costs FILE      JSON unit costs: [{ "service": "förskola", "ages": "1-5", "cost": 107.4 }, ...] or { "source": "...", "costs": [...] }
  --out FILE        the workbook (default out/annex.xlsx)
  --csv             also one CSV per sheet (semicolon, decimal comma, UTF-8 BOM)
  --help            this text`,
  demo: `Usage: omvarld demo

Reads the real SCB and SSB exports and Telemarksforsking's panel in data/, prints population figures, a code
recast across Norway's 2020 reform, the components of population change and the attractiveness of Trysil and
Rendalen, and writes the charts as SVG and PNG into out/demo/charts/.`,
  search: `Usage: omvarld search TEXT [--agency scb|ssb|kolada] [--offline]

Lists the tables of SCB's or SSB's PxWebApi 2 (default scb) whose titles hold the words, with their ids and
last update, or with --agency kolada the Kolada KPIs. Answers are cached (see fetch).`,
  meta: `Usage: omvarld meta AGENCY TABLE [--lang sv|no|en] [--offline]

Prints a PxWebApi 2 table's title, update time and variables (codes with labels, whether a variable may be left
out, its code lists) and the API's limits (cells per call, calls per time window). AGENCY is scb or ssb.`,
  fetch: `Usage: omvarld fetch AGENCY TABLE [--select VAR=CODES ...] [--codelist VAR=LIST ...] [--out FILE.csv|.xlsx|.json] [--offline] [--refresh]

Fetches a table with a selection and prints it as CSV (or writes FILE, complete or not at all). A selection
larger than the API allows in one call is split into several calls (a progress line on stderr) and joined.
AGENCY: scb, ssb (PxWebApi 2: TABLE like TAB638), eurostat (a dataset code; --select DIM=CODES filters,
--from/--to the period) or kolada (a KPI id; --select municipality=CODES --select year=YEARS).

CODES: codes or labels separated by commas; * all; 01* or ???? wildcards; top(5) the latest 5 periods;
from(2015), to(2020), range(2015,2020). Variables that may be left out are summed over by the API.

Options:
  --select VAR=CODES   what to fetch of a variable (repeat for each variable)
  --codelist VAR=LIST  a code list or aggregation, e.g. Region=vs_RegionKommun07 (290 kommuner), agg_RegionLän07
  --out FILE           write .csv, .xlsx or .json instead of printing CSV
  --lang LANG          labels in sv, no or en
  --offline            answer from the cache only
  --refresh            fetch again even when the cache holds a fresh answer (kept 24 hours)
  --help               this text

Environment: OMVARLD_CACHE (cache folder; default ~/.cache/omvarld, ~/Library/Caches/omvarld or
%LOCALAPPDATA%\\omvarld\\Cache), OMVARLD_SCB_URL, OMVARLD_SSB_URL, OMVARLD_EUROSTAT_URL, OMVARLD_KOLADA_URL (base URLs).

Example: omvarld fetch scb TAB638 --select Region=2021 --select Civilstand=* --select Alder=* --select Kon=* --select ContentsCode=BE0101N1 --select Tid=top(1) --out vansbro.xlsx`,
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP.main);
    return command ? 0 : 1;
  }
  if (!(command in HELP) || command === "main") {
    throw new OmvarldError("ARGUMENT", `unknown command "${command}"`, {}, `the commands are: ${Object.keys(HELP).filter((c) => c !== "main").join(", ")}`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: "boolean" }, help: { type: "boolean", short: "h" },
      level: { type: "string" }, from: { type: "string" }, to: { type: "string" }, "min-population": { type: "string" },
      data: { type: "string", multiple: true }, region: { type: "string" }, peers: { type: "string" }, lang: { type: "string" },
      out: { type: "string" }, pdf: { type: "boolean" }, compare: { type: "string" }, bands: { type: "string" }, costs: { type: "string" },
      csv: { type: "boolean" },
      horizon: { type: "string" },
      name: { type: "string" },
      commuting: { type: "string", multiple: true }, estimation: { type: "string" },
      agency: { type: "string" }, select: { type: "string", multiple: true }, codelist: { type: "string", multiple: true },
      offline: { type: "boolean" }, refresh: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }
  switch (command) {
    case "inspect": {
      const file = positionals[0];
      if (!file) throw new OmvarldError("ARGUMENT", "inspect needs a FILE", {}, "omvarld inspect data/scb/befolkning.csv");
      console.log(inspect(file, values.json === true));
      return 0;
    }
    case "attractiveness": {
      const file = positionals[0];
      if (!file) throw new OmvarldError("ARGUMENT", "attractiveness needs a FILE", {}, "omvarld attractiveness data/tf/no-regions-2003-2016.csv --level kommune");
      const year = (name: "from" | "to" | "min-population", fallback: number) => {
        const value = values[name];
        return value === undefined ? fallback : wholeNumber(name, value);
      };
      console.log(attractiveness({
        file, level: values.level ?? "kommune", from: year("from", 2007), to: year("to", 2016),
        minPopulation: year("min-population", 1000), json: values.json === true,
        commuting: values.commuting ?? [], estimation: estimationOf(values.estimation),
      }));
      return 0;
    }
    case "report": {
      const lang = values.lang;
      if (lang !== undefined && lang !== "sv" && lang !== "nb" && lang !== "en") throw new OmvarldError("ARGUMENT", `--lang ${lang} is not sv, nb or en`);
      if (!values.region) throw new OmvarldError("ARGUMENT", "report needs --region", {}, "omvarld report --data data/tf --region 0428");
      const written = await report({
        data: (values.data ?? []).flatMap((d) => d.split(",")), region: values.region, peers: values.peers ? values.peers.split(",") : [],
        ...(lang ? { locale: lang } : {}), out: values.out ?? "out/report", pdf: values.pdf === true, ...(values.name ? { name: values.name } : {}),
        ...(values.horizon === undefined ? {} : { horizon: wholeNumber("horizon", values.horizon) }),
      });
      for (const path of written) console.log(path);
      return 0;
    }
    case "annex": {
      const lang = values.lang ?? "sv";
      if (lang !== "sv" && lang !== "nb" && lang !== "en") throw new OmvarldError("ARGUMENT", `--lang ${lang} is not sv, nb or en`);
      const bands = values.bands ?? "eurostat";
      if (bands !== "se" && bands !== "no" && bands !== "eurostat") throw new OmvarldError("ARGUMENT", `--bands ${bands} is not se, no or eurostat`);
      const data = values.data?.[0];
      if (!data || !values.region) throw new OmvarldError("ARGUMENT", "annex needs --data and --region", {}, "omvarld annex --data data/eurostat/… --region SE312 --compare SE31,SE");
      const written = await annex({
        data, region: values.region, compare: values.compare ? values.compare.split(",") : [], bands, locale: lang,
        out: values.out ?? "out/annex.xlsx", csv: values.csv === true, ...(values.costs ? { costs: values.costs } : {}),
        ...(values.horizon === undefined ? {} : { horizon: wholeNumber("horizon", values.horizon) }),
      });
      for (const path of written) console.log(path);
      return 0;
    }
    case "demo":
      await demo();
      return 0;
    case "search":
    case "meta":
    case "fetch": {
      // loaded here, so that the other commands start without the HTTP clients
      const { fetchCommand, metaCommand, searchCommand } = await import("./fetch.ts");
      const flags = { ...values, offline: values.offline === true, refresh: values.refresh === true };
      if (command === "search") {
        if (!positionals[0]) throw new OmvarldError("ARGUMENT", "search needs TEXT", {}, "omvarld search befolkning --agency scb");
        console.log(await searchCommand(positionals.join(" "), values.agency ?? "scb", flags));
        return 0;
      }
      const [agency, table] = positionals;
      if (!agency || !table) throw new OmvarldError("ARGUMENT", `${command} needs AGENCY and TABLE`, {}, `omvarld ${command} scb TAB638`);
      if (command === "meta") {
        console.log(await metaCommand(agency, table, flags));
        return 0;
      }
      const tty = process.stderr.isTTY;
      const { output } = await fetchCommand(agency, table, flags, (line, final) => process.stderr.write(tty ? `\r${line}${final ? "\n" : ""}` : `${line}\n`));
      process.stdout.write(flags.out ? `${output}\n` : output);
      return 0;
    }
  }
  return 1;
}

function estimationOf(value: string | undefined): "pooled" | "yearly" {
  if (value === undefined || value === "pooled" || value === "yearly") return value ?? "pooled";
  throw new OmvarldError("ARGUMENT", `--estimation ${value} is not pooled or yearly`);
}

function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new OmvarldError("ARGUMENT", `--${option} expects a whole number, got "${value}"`);
  return Number(value);
}

/** One line on stderr and exit code 2; a stack trace only with OMVARLD_DEBUG. */
function fail(error: unknown): void {
  if (error instanceof OmvarldError) console.error(`omvarld: ${error.toString()}`);
  else if (error instanceof Error && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) console.error(`omvarld: ${error.message} (hint: omvarld --help)`);
  else {
    console.error(`omvarld: internal error: ${error instanceof Error ? error.message : String(error)} (hint: please report it with the file that caused it)`);
    if (process.env.OMVARLD_DEBUG) console.error(error);
  }
  process.exitCode = 2;
}

// no top-level await: the package must stay loadable by require() (tslab, CommonJS users)
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, fail);
