// Runs the benchmark workloads as whole processes, omvarld beside polars, DuckDB and pandas, checks that every tool
// computes the same numbers, and writes the top of bench/RESULTS.md (the sections from "## Back-test" on are kept).
// Usage: npm run bench            (builds dist/, generates bench/tmp/ once, installs the peers in bench/peers/)
//   BENCH_QUICK=1 npm run bench   one run each, the scaling table at 0.5 × only, no omvarld-only workloads, and
//                                 RESULTS.md left alone (for iterating)
//   BENCH_RUNS=5                  runs per workload and tool (default 3; the median by wall time is shown)
//   BENCH_ONLY=pop-long,emp       only these workloads (ids as in the tables)
//   BENCH_ONLY=maps               the maps workload alone (no generated data or peers); it rewrites "## Maps"
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { generateEmployment, generateOd, generatePopulation, generateScaled } from "./generate.mjs";

const here = new URL(".", import.meta.url).pathname;
const QUICK = Boolean(process.env.BENCH_QUICK);
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const ONLY = process.env.BENCH_ONLY?.split(",");
const PYTHON = "/usr/bin/python3";
const NODE = process.execPath;

function log(message) {
  process.stderr.write(`${message}\n`);
}

function pandasVersion() {
  const probe = () => spawnSync(PYTHON, ["-c", "import pandas; print(pandas.__version__)"], { encoding: "utf8" });
  let r = probe();
  if (r.status !== 0 && process.getuid?.() === 0) {
    log("pandas is missing: installing Debian's python3-pandas …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["install", "-y", "-q", "python3-pandas"], { stdio: "ignore", env });
    r = probe();
    if (r.status !== 0) {
      spawnSync("apt-get", ["update", "-q"], { stdio: "ignore", env });
      spawnSync("apt-get", ["install", "-y", "-q", "python3-pandas"], { stdio: "ignore", env });
      r = probe();
    }
  }
  return r.status === 0 ? { version: r.stdout.trim() } : { skipped: `pandas could not be imported by ${PYTHON}` };
}

/** polars and DuckDB live in bench/peers/, with their own package.json, apart from omvarld's dependencies. */
function peerVersions() {
  const peers = `${here}peers/`;
  if (!existsSync(`${peers}node_modules/nodejs-polars`) || !existsSync(`${peers}node_modules/@duckdb/node-api`)) {
    log("installing the peers in bench/peers/ (npm install) …");
    spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: peers, stdio: "ignore" });
  }
  const version = (name) => {
    try {
      return JSON.parse(readFileSync(`${peers}node_modules/${name}/package.json`, "utf8")).version;
    } catch {
      return null;
    }
  };
  return { polars: version("nodejs-polars"), duckdb: version("@duckdb/node-api") };
}

/** One whole-process run: its wall time and the JSON line it printed. */
function once(command, args) {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stderr}`);
  return { wall, ...JSON.parse(r.stdout.trim().split("\n").at(-1)) };
}

const median = (runs) => [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];

/** Runs the tools of one workload interleaved (omvarld, polars, DuckDB, pandas, omvarld, …), RUNS times each. */
function measure(commands) {
  const runs = Object.fromEntries(Object.keys(commands).map((tool) => [tool, []]));
  for (let k = 0; k < RUNS; k++) {
    for (const [tool, [command, args]] of Object.entries(commands)) runs[tool].push(once(command, args));
  }
  return Object.fromEntries(Object.entries(runs).map(([tool, r]) => [tool, median(r)]));
}

/** Numbers equal to 1e-9 relative (sums in another order differ in the last bits), everything else exactly. */
function same(a, b) {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object")
    return Object.keys(a).every((k) => !(k in b) || same(a[k], b[k]));
  return a === b;
}

function check(id, results) {
  const ours = results.omvarld.check;
  for (const [tool, r] of Object.entries(results)) {
    if (!same(ours, r.check))
      throw new Error(`${id}: omvarld and ${tool} disagree: ${JSON.stringify(ours)} vs ${JSON.stringify(r.check)}`);
  }
}

const peerScript = (tool) => `${here}peers/${tool}-workloads.mjs`;
const pandasScript = `${here}peers/pandas-workloads.py`;

// Load workloads and the indicators: every tool
const shared = [
  {
    id: "pop-long",
    name: "population, tidy CSV, 2.9 M rows: load + group region×year + pivot one kommun age×year",
    omvarld: ["omvarld-pop-long.mjs"],
    peer: ["pop-long"],
    stages: ["load", "group", "pivot"],
  },
  {
    id: "pop-wide",
    name: "population, SCB wide PxWeb CSV in Latin-1 (58 000 rows × 50 years): load to tidy + group",
    omvarld: ["omvarld-load-group.mjs", "pop-wide.csv"],
    peer: ["pop-wide"],
    stages: ["load", "group"],
  },
  {
    id: "emp",
    name: "employment, 1 500 NUTS3 × 88 industries × 20 years (2.64 M rows): load + group",
    omvarld: ["omvarld-load-group.mjs", "emp-long.csv"],
    peer: ["emp"],
    stages: ["load", "group"],
  },
  {
    id: "eurostat",
    name: "Eurostat TSV (demo_r_pjanaggr3, gzip, 31 000 series × 33 years = 1.03 M rows): load to tidy",
    omvarld: ["omvarld-eurostat.mjs"],
    peer: ["eurostat"],
    stages: ["load"],
  },
  {
    id: "eurostat-region",
    name: "the same Eurostat TSV, one region (SE110, 495 rows)",
    omvarld: ["omvarld-eurostat.mjs", "SE110"],
    peer: ["eurostat", "SE110"],
    stages: ["load"],
  },
  {
    id: "indicators",
    name: "indicators on the 2.64 M-row employment file: load, growth 2005→2024, shift-share (Dunn, Esteban-Marquillas), location quotients and specialisation in 2024",
    omvarld: ["omvarld-indicators.mjs"],
    peer: ["indicators"],
    stages: ["load", "growth", "shiftShare", "locationQuotients", "specialisation"],
  },
];

// Workloads with no counterpart in the peers
const ownOnly = [
  {
    name: "the attractiveness model for all 426 Norwegian kommuner 2007-2016 (the shipped panel): residential, business, ranking",
    id: "attractiveness",
    stages: ["load", "model", "ranking"],
  },
  {
    name: "50 charts to SVG (attractiveness decomposition of 50 kommuner): first chart cold, then warm per chart",
    id: "charts",
    stages: ["cold", "warm", "all"],
  },
  {
    name: "the report for Trysil end to end (`omvarld report`: read the panel, fit the model, 5 charts, HTML)",
    id: "report",
    stages: ["report"],
  },
  {
    name: "the demo end to end (figures, 6 charts as SVG and PNG, reports for Trysil and Dalarna, the XLSX annex for Dalarna with its projection)",
    id: "demo",
    stages: ["demo"],
  },
  {
    name: "the tidy population workload (2.9 M rows) as two processes through a fresh table cache: the first parses and fills it, the second reads the cached columns",
    id: "pop-long-cache",
    stages: ["coldWall", "coldLoad", "coldMB", "warmWall", "warmLoad", "warmMB"],
  },
  {
    name: "`omvarld report --data data/scb` (SCB's XLSX downloads) as CLI processes: for 2021 with an empty table cache (parses, fills the cache), then for 2080 (reads the cache), then 2080 with --no-cache",
    id: "report-cache",
    stages: ["first", "second", "noCache", "firstMB", "secondMB"],
  },
  {
    name: "`omvarld demo` (what `npm run demo` runs after its build) as CLI processes: with an empty table cache, then with the cache warm",
    id: "demo-cache",
    stages: ["cold", "warm", "coldMB", "warmMB"],
  },
  {
    name: "projections: 290 municipalities × 101 ages × 2 sexes × 20 years by single age; the Nordic NUTS 3 regions on Eurostat's age groups to 2040 with a bootstrap interval",
    id: "projection",
    stages: ["single", "load", "groups", "perRegion"],
  },
  {
    name: "maps: the boundary files loaded, six maps built and rendered to SVG (Sweden, Norway on 2020 and 2024 codes, Dalarna, Innlandet, Trysil's commuting); details under ## Maps",
    id: "maps",
    stages: [
      "seBoundaries",
      "no2020Boundaries",
      "no2024Boundaries",
      "no2017Boundaries",
      "cold",
      "swedenSvg",
      "norwaySvg",
    ],
  },
  {
    name: "CLI start: `omvarld --help` and `omvarld inspect` of a 6 KB CSV, whole processes (median of 9 each; node: `node -e 0`)",
    id: "cli-start",
    stages: ["node", "help", "inspect"],
  },
  {
    name: "commuting OD matrix, 3 000 areas (sparse, ≈ 77 000 flows): indicators, LA regions, neighbour weights",
    id: "od",
    stages: ["load", "matrix", "indicators", "la", "weights"],
  },
  {
    name: "a quoted Latin-1 CSV of 582 MB (over V8's longest string), streamed: 2.32 M rows",
    id: "large-quoted",
    stages: ["load"],
  },
  ...(hasDuckDB()
    ? [
        {
          name: "DuckDB, 18.6 M trips (580 MB CSV) under a 64 MB memory limit: by origin × year, then one year's OD matrix",
          id: "duckdb",
          stages: ["aggregate", "od"],
        },
      ]
    : []),
];

const factors = QUICK ? [0.5] : [0.5, 1, 2, 4];

function hasDuckDB() {
  return (
    spawnSync(process.execPath, ["-e", "import('@duckdb/node-api')"], { cwd: new URL("..", import.meta.url).pathname })
      .status === 0
  );
}

// workloads that read no generated data and have no peers: run alone, they need neither
const standalone = new Set(["maps"]);
const needsGenerated = !ONLY || ONLY.some((id) => !standalone.has(id));
if (needsGenerated) {
  log("generating data in bench/tmp/ (first run only) …");
  generatePopulation();
  generateEmployment();
  generateOd();
  for (const f of factors) generateScaled(f);
}
const pandas = needsGenerated ? pandasVersion() : { skipped: "not needed" };
if (pandas.skipped) log(`pandas skipped: ${pandas.skipped}`);
const peers = needsGenerated ? peerVersions() : {};

const wanted = (id) => !ONLY || ONLY.includes(id);
const results = [];
for (const w of shared.filter((x) => wanted(x.id))) {
  log(`${w.id}: omvarld, polars, DuckDB${pandas.skipped ? "" : ", pandas"} × ${RUNS} …`);
  const commands = {
    omvarld: [NODE, [`${here}workloads/${w.omvarld[0]}`, ...w.omvarld.slice(1)]],
    ...(peers.polars ? { polars: [NODE, [peerScript("polars"), ...w.peer]] } : {}),
    ...(peers.duckdb ? { duckdb: [NODE, [peerScript("duckdb"), ...w.peer]] } : {}),
    ...(pandas.skipped ? {} : { pandas: [PYTHON, [pandasScript, ...w.peer]] }),
  };
  const r = measure(commands);
  check(w.id, r);
  results.push({ ...w, r });
}

const scaling = [];
if (wanted("scale")) {
  for (const f of factors) {
    log(`scale ${f}: omvarld, polars × ${RUNS} …`);
    const file = `pop-scale-${f}.csv`;
    const r = measure({
      omvarld: [NODE, [`${here}workloads/omvarld-pop-long.mjs`, file]],
      ...(peers.polars ? { polars: [NODE, [peerScript("polars"), "scale", file]] } : {}),
    });
    check(`scale ${f}`, r);
    scaling.push({ f, r });
  }
}

const own = QUICK
  ? []
  : ownOnly
      .filter((w) => wanted(w.id))
      .map((w) => {
        log(`${w.id}: omvarld × ${RUNS} …`);
        const loadBefore = os.loadavg()[0];
        const ours = measure({ omvarld: [NODE, [`${here}workloads/omvarld-${w.id}.mjs`]] }).omvarld;
        return { ...w, ours, load: [loadBefore, os.loadavg()[0]] };
      });

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const f = (x, d = 2) => (x === undefined || x === null ? "–" : x.toFixed(d));
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : "–");
const tools = ["omvarld", "polars", "duckdb", "pandas"];
const lines = [
  "# Benchmark results",
  "",
  "Written by `npm run bench` (bench/run.mjs). Each workload runs as a whole process (Node or Python start-up and",
  `imports included), ${RUNS} time${RUNS > 1 ? "s" : ""} per tool, the tools interleaved; the median run by wall time is shown. Peak memory is the`,
  "process's maximum resident set size. Every tool computes the same checks (row counts, grand totals, group counts,",
  "the pivot's shape and a cell; for the indicators, sums over the results), and the run fails if any disagrees",
  "(numbers to 1e-9 relative). The data are generated deterministically into bench/tmp/ (not committed).",
  "",
  "The peers are written as their users would write them (bench/peers/): polars and DuckDB read with their own",
  "readers and threads, Latin-1 is decoded before polars reads it (polars reads UTF-8 only), and SCB's wide file",
  "is read with numbers as numbers and its labels split on the wide rows before the melt in every tool.",
  "",
  `- date: ${new Date().toISOString().slice(0, 10)}`,
  `- machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; load average at the end ${os.loadavg()[0].toFixed(1)} (the machine is shared: times are noisy, compare tools within a row)`,
  `- versions: omvarld ${pkg.version}, Node ${process.version}; polars: nodejs-polars ${peers.polars ?? "not installed"}; DuckDB: @duckdb/node-api ${peers.duckdb ?? "not installed"}; ${pandas.version ? `pandas ${pandas.version} (Debian python3-pandas, ${execFileSync(PYTHON, ["--version"], { encoding: "utf8" }).trim()}, C engine)` : `pandas skipped: ${pandas.skipped}`}`,
  "- pandas 2 and pyarrow are not installable here (no PyPI, and Debian 12 ships pandas 1.5.3 and no python3-pyarrow), so pandas is 1.5.3 with its C engine.",
  "",
  "| workload | omvarld s | polars s | DuckDB s | pandas s | omvarld / polars time | omvarld MB | polars MB | DuckDB MB | pandas MB | omvarld / polars memory |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map(
    ({ name, r }) =>
      `| ${name} | ${tools.map((t) => f(r[t]?.wall)).join(" | ")} | ${ratio(r.omvarld.wall, r.polars?.wall)} | ${tools.map((t) => f(r[t]?.maxRssMB, 0)).join(" | ")} | ${ratio(r.omvarld.maxRssMB, r.polars?.maxRssMB)} |`,
  ),
  "",
  "Stages inside the process (ms):",
  "",
  "| workload | stage | omvarld | polars | DuckDB | pandas | omvarld / polars |",
  "|---|---|---:|---:|---:|---:|---:|",
  ...results.flatMap(({ id, stages, r }) =>
    stages.map(
      (s) =>
        `| ${id} | ${s} | ${tools.map((t) => f(r[t]?.[s], 0)).join(" | ")} | ${ratio(r.omvarld[s], r.polars?.[s])} |`,
    ),
  ),
  "",
];
if (scaling.length > 0) {
  lines.push(
    "Scaling: the tidy population CSV at 0.5, 1, 2 and 4 times its 2.9 M rows (load + group + pivot, whole process):",
    "",
    "| rows | omvarld s | polars s | omvarld MB | polars MB | omvarld MB per M rows |",
    "|---:|---:|---:|---:|---:|---:|",
    ...scaling.map(
      ({ r }) =>
        `| ${(r.omvarld.check.rows / 1e6).toFixed(2)} M | ${f(r.omvarld.wall)} | ${f(r.polars?.wall)} | ${f(r.omvarld.maxRssMB, 0)} | ${f(r.polars?.maxRssMB, 0)} | ${f(r.omvarld.maxRssMB / (r.omvarld.check.rows / 1e6), 1)} |`,
    ),
    "",
  );
}
if (own.length > 0) {
  lines.push(
    "Workloads with no counterpart in the peers (omvarld only):",
    "",
    "| workload | wall s | peak MB | stages (ms) |",
    "|---|---:|---:|---|",
    ...own.map(
      (r) =>
        `| ${r.name} | ${f(r.ours.wall)} | ${f(r.ours.maxRssMB, 0)} | ${r.stages.map((s) => `${s} ${f(r.ours[s], 0)}`).join(", ")} |`,
    ),
    "",
  );
}
const table = lines.join("\n");
log(table);
if (!QUICK && !ONLY) {
  const path = new URL("RESULTS.md", import.meta.url);
  const old = existsSync(path) ? readFileSync(path, "utf8") : "";
  const keep = old.indexOf("\n## ");
  writeFileSync(path, keep >= 0 ? `${table}${old.slice(keep)}` : table);
} else log("(quick or partial run: the top of RESULTS.md left as it was)");
const maps = own.find((w) => w.id === "maps");
if (maps) writeMapsSection(maps);

/** The "## Maps" section of RESULTS.md from the maps workload's median run, in place of the one before (or at the end). */
function writeMapsSection({ ours: m, load }) {
  const kb = (x) => f(x, 0);
  const drawn = (c) => `${c.valued} of ${c.areas}`;
  const rows = [
    ["Sweden, population change 2010–2019 (SCB, 2019 codes)", "sweden"],
    ["Norway, population change 2008–2022 (SSB, 2020 codes)", "norway"],
    ["Norway on 2024 boundaries, population change 2020–2022 (SSB's 2020 codes recast onto 2024's)", "norway2024"],
    ["Dalarna, change 2010–2019, Vansbro (2021) outlined", "dalarna"],
    ["Innlandet, change 2008–2022, Trysil (3421) outlined", "innlandet"],
    ["Trysil's (0428) largest commuting flows, 2017 (SSB, 2017 codes)", "trysilFlows"],
  ];
  const section = [
    "## Maps",
    "",
    `Written by \`BENCH_ONLY=maps node bench/run.mjs\` (and by the full run) from bench/workloads/omvarld-maps.mjs (${new Date().toISOString().slice(0, 10)}; ${RUNS} whole-process run${RUNS > 1 ? "s" : ""}, the median by wall time shown: ${f(m.wall)} s, ${f(m.maxRssMB, 0)} MB peak, of which reading the population tables and the flows ${f(m.data / 1000)} s). Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, shared; load average ${f(load[0], 1)} before the runs, ${f(load[1], 1)} after.`,
    "",
    "Boundaries: the first `loadBoundaries` of a vintage imports its file (and, the first of all, topojson-client and d3-geo) and makes the year's features; a later year on a loaded vintage makes its features only (NO 2017 follows 2017's codes onto the 2020 boundaries); a year asked for again is the same object.",
    "",
    "| call | file | file KB | ms | kommuner |",
    "|---|---|---:|---:|---:|",
    `| \`loadBoundaries("SE", 2019)\`, first | boundaries-se-2007.json | ${kb(m["file-se-2007-KB"])} | ${f(m.seBoundaries, 0)} | ${m.check.se2019} |`,
    `| \`loadBoundaries("NO", 2022)\`, first | boundaries-no-2020.json | ${kb(m["file-no-2020-KB"])} | ${f(m.no2020Boundaries, 0)} | ${m.check.no2022} |`,
    `| \`loadBoundaries("NO", 2024)\`, first | boundaries-no-2024.json | ${kb(m["file-no-2024-KB"])} | ${f(m.no2024Boundaries, 0)} | ${m.check.no2024} |`,
    `| \`loadBoundaries("NO", 2017)\`, file loaded | boundaries-no-2020.json | – | ${f(m.no2017Boundaries, 0)} | |`,
    `| \`loadBoundaries("NO", 2022)\` again | boundaries-no-2020.json | – | ${f(m.no2022Again, 0)} | |`,
    "",
    `Maps: build is \`mapChart\` / \`flowMap\` (the boundaries of the table's year already made; the 2024 map is given its boundaries), SVG is \`chart.toSVG()\`, both warm: the first SVG of the process (Dalarna's map, built and rendered once before the others) took ${f(m.cold, 0)} ms, vega and vega-lite loaded.`,
    "",
    "| map | kommuner coloured of areas drawn | build ms | SVG ms | SVG KB |",
    "|---|---:|---:|---:|---:|",
    ...rows.map(
      ([name, id]) =>
        `| ${name} | ${id === "trysilFlows" ? `${m.check[id].flows} flows, ${m.check[id].areas} areas` : drawn(m.check[id])} | ${f(m[`${id}Build`], 0)} | ${f(m[`${id}Svg`], 0)} | ${kb(m[`${id}KB`])} |`,
    ),
    "",
    "The 2024 map: no 2024-coded data ship, so its value is the change 2020–2022 of SSB's 2020-coded totals recast onto",
    '2024\'s codes (`recast`, `onSplit: "warn"`); Ålesund, split in 2024 into Ålesund and Haram, has no value without',
    "weights, so both are drawn as no data. Norway 2008–2022 lacks the five kommuner with no 2008 code (Heim, Hitra,",
    "Orkland, Narvik, Hamarøy).",
    "",
  ].join("\n");
  const path = new URL("RESULTS.md", import.meta.url);
  const old = existsSync(path) ? readFileSync(path, "utf8") : "";
  const start = old.indexOf("\n## Maps\n");
  const end = start >= 0 ? old.indexOf("\n## ", start + 1) : -1;
  const before = start >= 0 ? old.slice(0, start + 1) : `${old.replace(/\n*$/, "")}\n\n`;
  writeFileSync(path, `${before}${section}${end >= 0 ? old.slice(end) : ""}`);
  log("RESULTS.md: the ## Maps section written");
}
