// The help texts, apart from the commands, so that `omvarld --help` loads nothing else.

/** The text of `omvarld --help` (key "main") and of each command's `--help`. */
export const HELP: Record<string, string> = {
  main: `omvarld: environmental scanning of municipalities and regions

Usage: omvarld <command> [options]

Commands:
  inspect FILE [--json]   what a statistics export holds: format, encoding, dimensions, years, missing cells
  attractiveness FILE     residential and business attractiveness of every region, with components and ranks
  indicators FILE         shift-share, location quotients, specialisation, inequality or convergence (--kind)
  report                  a self-contained HTML report (and PDF) for one region
  annex                   an XLSX budget annex (and Excel CSV): population by age, dependency ratio, costs
  demo                    read the real exports shipped in data/ and print what omvarld computes from them
  search TEXT             tables at SCB or SSB (or Kolada KPIs) whose titles hold the words
  meta AGENCY TABLE       a table's variables, codes, code lists and the API's limits
  fetch AGENCY TABLE      a table from SCB, SSB, Eurostat or Kolada with a selection, as CSV, XLSX or JSON
  cache [clear]           where the parsed tables are kept and how much they take, or remove them

Options of every command:
  --lang sv|nb|en         the format of the numbers printed (default sv: "1 234,5"), and the language of reports
                          and of the APIs' labels; no is taken as nb
  --no-cache              parse every file, neither reading nor writing the parsed-table cache (the commands
                          that read files: inspect, attractiveness, indicators, report, annex, demo)
  --help                  the options of a command
  --version               the version of omvarld

The commands that read files keep each parsed table on disk (~/.cache/omvarld/tables on Linux,
~/Library/Caches/omvarld/tables on macOS, %LOCALAPPDATA%\\omvarld\\Cache\\tables on Windows; OMVARLD_CACHE moves
the cache), keyed by the file's content and omvarld's readers, so that the next report from the same downloads
reads columns instead of parsing; a changed file is parsed again. OMVARLD_NO_CACHE=1 is --no-cache.

FILE may be - to read standard input (inspect, attractiveness, indicators).
Run "omvarld <command> --help" for the options of a command.`,
  inspect: `Usage: omvarld inspect FILE [--json] [--max-decompressed-bytes N] [--lang sv|nb|en]

Reads FILE ("-": standard input) (SCB/SSB PxWeb CSV, PX, JSON-stat, PxWeb json, Kolada json, Eurostat TSV or SDMX-CSV; any encoding)
and prints the detected format, encoding and delimiter, the dimensions with their distinct counts, the measures,
the year range, the number of rows and of missing cells.

Options:
  --json                      print one JSON object with the keys format, encoding, rows, dimensions, measures,
                              years, missing
  --max-decompressed-bytes N  the most bytes a gzip file or a workbook's entries may inflate to (default 100 times
                              the compressed size, once past 64 MiB); 4G, 500M or Infinity
  --lang                      the format of the counts: sv (default, "2 900 000"), nb (or no) or en ("2,900,000")
  --help                      this text`,
  attractiveness: `Usage: omvarld attractiveness FILE [--commuting FILE] [--data PATH] [--industries FILE] [--level kommune] [--from 2007] [--to 2016] [--min-population 1000] [--estimation pooled|yearly] [--json] [--lang sv|nb|en]

Runs the Telemarksforsking attractiveness model on a region × year panel (population on 1 January, its growth,
natural increase, the national net immigration rate and private jobs; Telemarksforsking's own panel is read as
it is) and prints, for every region of the level, the mean residential and business attractiveness over the
period, their components and the rank. Regions below the minimum population are listed but not ranked.
The residential model is one regression pooled over all regions and years of the period; with a commuting matrix
(home × work kommune, e.g. SSB 03321) it adds the job growth of the places residents work in and labour-market
integration (the out-commuting share). One year of flows is taken as the structure of every year. With population,
births and deaths by kommune (--data) the net migration is the registered one, P(t+1) − P(t) − (births − deaths),
where the counts give it on the panel's codes. The printout gives each regression's coefficients, standard errors,
R² and n, and says what the data could not give (the industry effect without private jobs by industry).

Options:
  --commuting FILE         commuting flows by place of residence and place of work (repeat for several years)
  --data PATH              population on 1 January, births and deaths by kommune (files or a folder, e.g. data/ssb)
  --industries FILE        private jobs by place of work: region, industry (NACE code or Basis/Besøk/Regionale),
                           year, value; gives the business model's industry effect
  --estimation MODE        pooled (default: one regression, one constant) or yearly (one regression a year)
  --level LEVEL            kommune (default), region or fylke, where the panel has a level column
  --from YEAR, --to YEAR   the period (default 2007-2016)
  --min-population N       smallest population that is ranked (default 1000)
  --json                   an array of objects: code, name, population, residential, business, rank,
                           rank_business, residential_components, business_components, note
  --lang LANG              the language and number format: sv (default, "−0,01"), nb (or no) or en ("-0.01")
  --help                   this text

FILE may be - to read the panel from standard input.`,
  report: `Usage: omvarld report --data FILES_OR_FOLDER --region CODE [--name NAME] [--compare CODES] [--horizon YEAR] [--lang sv|nb|en] [--out DIR] [--pdf]

Writes DIR/report.html (default DIR: out/report): one self-contained page with charts (inline SVG), a sentence
with the key number and the source of every figure, for the region; sections whose data are missing are listed
at the end. With --pdf it also prints DIR/report.pdf with headless Chromium.

Options:
  --data PATH     a file or a folder of statistics files (repeat or separate with commas)
  --region CODE   the region, e.g. 0428
  --name NAME     the region's name, where neither the data nor the registry give one (Sweden's NUTS 3 codes are named)
  --compare CODES regions to compare with, comma-separated (default: the region's county; --peers is the old name)
  --horizon YEAR  last year of the projection, made when the data have population by age group and sex (default 2040)
  --lang LANG     sv, nb (or no) or en (default: nb for SSB's kommune tables, else sv)
  --out DIR       the output folder
  --pdf           also write report.pdf (needs Chromium: apt-get install chromium; CHROMIUM=PATH names another)
  --help          this text`,
  annex: `Usage: omvarld annex --data FILES_OR_FOLDER --region CODE [--compare CODES] [--horizon YEAR] [--bands se|no|eurostat] [--costs FILE] [--lang sv|nb|en] [--out annex.xlsx] [--csv]

Writes an Excel workbook for the budget document that works as a model: unit costs in input cells, the population
by service age group, the dependency ratio and the demographic cost by formulas on them, so that changing a cost
changes the result. From SCB's or SSB's own kommun tables (population by single age and sex, births, deaths) the
kommun is projected by the cohort-component method with --horizon, beside its county and the country; from
population by age group (Eurostat) by cohort change ratios. Observed and projected years are labelled apart, each
sheet prints one page wide, and the sources name the agencies' table ids and files. With --csv, each sheet also as
CSV for Swedish Excel.

Options:
  --data PATH       a file or a folder of statistics files (repeat or separate with commas)
  --region CODE     the region, e.g. 2021 (Vansbro) or SE312
  --compare CODES   regions to compare with, comma-separated (kommun tables: default the county and the country)
  --bands B         dependency bands: se (0-19/20-64/65+), no (20-66/67+) or eurostat (0-14/15-64/65+); default by the data
  --horizon YEAR    project the region to YEAR
  --costs FILE      JSON unit costs in tkr per inhabitant: [{ "service": "förskola", "ages": "1-5", "cost": 107.4 }, ...] or { "source": "...", "costs": [...] }
  --lang LANG       sv, nb (or no) or en (default: nb for SSB's kommune tables, else sv)
  --out FILE        the workbook (default out/annex.xlsx)
  --csv             also one CSV per sheet (semicolon, decimal comma, UTF-8 BOM)
  --help            this text`,
  indicators: `Usage: omvarld indicators FILE --kind KIND [--from YEAR] [--to YEAR] [--year YEAR] [--national CODE] [--value COLUMN] [--total LABEL] [--json | --csv] [--lang sv|nb|en]
Computes regional-economics indicators from a statistics file (any format omvarld reads; "-": standard input) and
prints them as a table (numbers in the format of --lang, default sv), as JSON or as CSV.
Kinds:
  shift-share     employment by region, industry and year: national share, industry mix, regional shift
                  (Dunn), competitive and allocation effects (Esteban-Marquillas), Gerfin's factors, --from to --to
  lq              employment by region and industry: location quotients (also additive, standardised, Flegg)
  specialisation  employment by region and industry: Krugman, Hoover, locational Gini, Herfindahl, diversity
  inequality      a value by region and year (e.g. income per head): Gini, Theil T and L, Atkinson (ε = 0.5),
                  coefficient of variation per year, with the number of regions and of missing values
  convergence     a value by region and year: σ-convergence per year and β-convergence from --from to --to
Options:
  --from, --to YEAR   the period (default: the first and the last year of the file)
  --year YEAR         the year of lq and specialisation (default: the last year)
  --national CODE     the region code of the nation in the file (default: the nation is the sum of the regions)
  --value COLUMN      the measure, where the file has several
  --total LABEL       industry labels of totals to leave out, comma-separated (e.g. an "all industries" row)
  --where K=V,...     keep only the rows where dimension K is V (e.g. --where contents=gdppc)
  --json              an array of objects (convergence: { sigma, beta })
  --csv               comma-separated values with a header row, "." as decimal mark, empty cells for missing
  --lang LANG         the format of the numbers in the table: sv (default, "0,328"), nb (or no) or en ("0.328")
  --help              this text
The industry dimension is the column "industry", or the file's only other text dimension besides region and year.`,
  demo: `Usage: omvarld demo [--lang sv|nb|en] [--out DIR]

Reads the real SCB and SSB exports and Telemarksforsking's panel in data/, prints population figures, a code
recast across Norway's 2020 reform, the components of population change and the attractiveness of Trysil and
Rendalen, and writes the charts as SVG and PNG into out/demo/charts/, the reports and the budget annexes into
out/demo/. Numbers are printed in the format of --lang (default sv).`,
  search: `Usage: omvarld search TEXT [--agency scb|ssb|kolada] [--lang sv|nb|en] [--offline]

Lists the tables of SCB's or SSB's PxWebApi 2 (default scb) whose titles hold the words, with their ids and
last update, or with --agency kolada the Kolada KPIs. Answers are cached (see fetch).`,
  meta: `Usage: omvarld meta AGENCY TABLE [--lang sv|nb|en] [--offline]

Prints a PxWebApi 2 table's title, update time and variables (codes with labels, whether a variable may be left
out, its code lists) and the API's limits (cells per call, calls per time window). AGENCY is scb or ssb. --lang
gives the labels in sv, nb (no works too: PxWeb's code for Norwegian) or en.`,
  fetch: `Usage: omvarld fetch AGENCY TABLE [--select VAR=CODES ...] [--codelist VAR=LIST ...] [--out FILE.csv|.xlsx|.json|.parquet|.arrow] [--lang sv|nb|en] [--offline] [--refresh]

Fetches a table with a selection and prints it as CSV (or writes FILE, complete or not at all). A selection
larger than the API allows in one call is split into several calls (a progress line on stderr) and joined.
AGENCY: scb, ssb (PxWebApi 2: TABLE like TAB638), eurostat (a dataset code; --select DIM=CODES filters,
--from/--to the period) or kolada (a KPI id; --select municipality=CODES --select year=YEARS).

CODES: codes or labels separated by commas; * all; 01* or ???? wildcards; top(5) the latest 5 periods;
from(2015), to(2020), range(2015,2020). Variables that may be left out are summed over by the API; the contents
variable (ContentsCode), when left out, is the table's first content, as in PxWeb's own default selection.

Options:
  --select VAR=CODES   what to fetch of a variable (repeat for each variable)
  --codelist VAR=LIST  a code list or aggregation, e.g. Region=vs_RegionKommun07 (290 kommuner), agg_RegionLän07
  --out FILE           write .csv, .xlsx, .json, .parquet or .arrow instead of printing CSV
  --lang LANG          labels in sv, nb (or no) or en
  --offline            answer from the cache only
  --refresh            fetch again even when the cache holds a fresh answer (kept 24 hours)
  --help               this text

Environment: OMVARLD_CACHE (cache folder; default ~/.cache/omvarld, ~/Library/Caches/omvarld or
%LOCALAPPDATA%\\omvarld\\Cache), OMVARLD_SCB_URL, OMVARLD_SSB_URL, OMVARLD_EUROSTAT_URL, OMVARLD_KOLADA_URL (base URLs).

Examples:
  omvarld fetch scb TAB638 --select Region=2021 --select "Tid=top(1)" --out vansbro.csv
  omvarld fetch scb TAB638 --select Region=2021 --select "Alder=range(0,100+)" --select Kon=* \\
    --select ContentsCode=BE0101N1 --select "Tid=top(1)" --out vansbro.xlsx`,
  cache: `Usage: omvarld cache [clear]

Prints the folder of the parsed-table cache, the tables in it and their size; "clear" removes them (the API
answers that fetch keeps are left). The folder is OMVARLD_CACHE/tables when OMVARLD_CACHE is set, else
~/.cache/omvarld/tables (Linux), ~/Library/Caches/omvarld/tables (macOS) or %LOCALAPPDATA%\\omvarld\\Cache\\tables
(Windows). It holds at most 2 GiB: past that the tables used least recently are removed.

Options:
  --help   this text`,
};
