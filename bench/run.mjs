// Runs the benchmark workloads as whole processes, omvarld and pandas side by side, and writes bench/RESULTS.md.
// Usage: npm run bench   (builds dist/, generates bench/tmp/ once, installs Debian's python3-pandas if it can)
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { generateEmployment, generateOd, generatePopulation } from "./generate.mjs";

const here = new URL(".", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PYTHON = "/usr/bin/python3";

function log(message) {
  process.stderr.write(`${message}\n`);
}

function pandasVersion() {
  const probe = () => spawnSync(PYTHON, ["-c", "import pandas; print(pandas.__version__)"], { encoding: "utf8" });
  let r = probe();
  if (r.status === 0) return { version: r.stdout.trim() };
  if (process.getuid?.() === 0) {
    log("pandas is missing: installing Debian's python3-pandas …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["install", "-y", "-q", "python3-pandas"], { stdio: "ignore", env });
    r = probe();
    if (r.status !== 0) {
      spawnSync("apt-get", ["update", "-q"], { stdio: "ignore", env });
      spawnSync("apt-get", ["install", "-y", "-q", "python3-pandas"], { stdio: "ignore", env });
      r = probe();
    }
    if (r.status === 0) return { version: r.stdout.trim() };
  }
  return { skipped: `pandas could not be imported by ${PYTHON} and apt-get could not install python3-pandas` };
}

/** Runs one workload RUNS times; returns the run with the median wall time. */
function measure(command, args) {
  const runs = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 26 });
    const wall = (performance.now() - start) / 1000;
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.stderr}`);
    runs.push({ wall, ...JSON.parse(r.stdout.trim().split("\n").at(-1)) });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(runs.length / 2)];
}

// Workloads with no pandas counterpart (pandas has no shift-share or location quotients of its own)
const ownOnly = [
  { name: "growth, shift-share (Dunn, Esteban-Marquillas, Gerfin) and location quotients, 1 500 NUTS3 × 88 industries × 20 years", id: "indicators", stages: ["load", "growth", "shiftShare", "locationQuotients"] },
  { name: "the attractiveness model for all 426 Norwegian kommuner 2007-2016 (the shipped panel): residential, business, ranking", id: "attractiveness", stages: ["load", "model", "ranking"] },
  { name: "50 charts to SVG (attractiveness decomposition of 50 kommuner): first chart cold, then warm per chart", id: "charts", stages: ["cold", "warm", "all"] },
  { name: "the report for Trysil end to end (`omvarld report`: read the panel, fit the model, 5 charts, HTML)", id: "report", stages: ["report"] },
  { name: "the demo end to end (figures, 6 charts as SVG and PNG, reports for Trysil and Dalarna, the XLSX annex for Dalarna with its projection)", id: "demo", stages: ["demo"] },
  { name: "projections: 290 municipalities × 101 ages × 2 sexes × 20 years by single age; the Nordic NUTS 3 regions on Eurostat's age groups to 2040 with a bootstrap interval", id: "projection", stages: ["single", "load", "groups", "perRegion"] },
  { name: "commuting OD matrix, 3 000 areas (sparse, ≈ 77 000 flows): indicators, LA regions, neighbour weights", id: "od", stages: ["load", "matrix", "indicators", "la", "weights"] },
  { name: "a quoted Latin-1 CSV of 582 MB (over V8's longest string), streamed: 2.32 M rows", id: "large-quoted", stages: ["load"] },
  ...(hasDuckDB() ? [{ name: "DuckDB, 18.6 M trips (580 MB CSV) under a 64 MB memory limit: by origin × year, then one year's OD matrix", id: "duckdb", stages: ["aggregate", "od"] }] : []),
];

function hasDuckDB() {
  return spawnSync(process.execPath, ["-e", "import('@duckdb/node-api')"], { cwd: new URL("..", import.meta.url).pathname }).status === 0;
}

const workloads = [
  { name: "population, tidy CSV, 2.9 M rows: load + group region×year + pivot age×year", id: "pop-long", ours: ["omvarld-pop-long.mjs"], theirs: ["pandas-pop-long.py"] },
  { name: "population, SCB wide PxWeb CSV in Latin-1 (58 000 rows × 50 years): load to tidy + group", id: "pop-wide", ours: ["omvarld-load-group.mjs", "pop-wide.csv"], theirs: ["pandas-pop-wide.py"] },
  { name: "employment, 1 500 NUTS3 × 88 industries × 20 years (2.64 M rows): load + group", id: "emp", ours: ["omvarld-load-group.mjs", "emp-long.csv"], theirs: ["pandas-load-group.py", "emp-long.csv", "region,industry"] },
];

log("generating data in bench/tmp/ (first run only) …");
generatePopulation();
generateEmployment();
generateOd();
const pandas = pandasVersion();
if (pandas.skipped) log(`pandas skipped: ${pandas.skipped}`);

const results = [];
for (const w of workloads) {
  log(`${w.id}: omvarld …`);
  const ours = measure(process.execPath, [`${here}workloads/${w.ours[0]}`, ...w.ours.slice(1)]);
  let theirs = null;
  if (!pandas.skipped) {
    log(`${w.id}: pandas …`);
    theirs = measure(PYTHON, [`${here}workloads/${w.theirs[0]}`, ...w.theirs.slice(1)]);
    if (JSON.stringify(ours.check) !== JSON.stringify(theirs.check)) {
      throw new Error(`${w.id}: omvarld and pandas disagree: ${JSON.stringify(ours.check)} vs ${JSON.stringify(theirs.check)}`);
    }
  }
  results.push({ ...w, ours, theirs });
}

const own = ownOnly.map((w) => {
  log(`${w.id}: omvarld …`);
  return { ...w, ours: measure(process.execPath, [`${here}workloads/omvarld-${w.id}.mjs`]) };
});

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const f = (x, d = 2) => (x === undefined || x === null ? "–" : x.toFixed(d));
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}` : "–");
const lines = [
  "# Benchmark results",
  "",
  "Written by `npm run bench` (bench/run.mjs). Each workload runs as a whole process (Node or Python start-up and",
  `imports included), ${RUNS} times; the median run by wall time is shown. Peak memory is the process's maximum resident`,
  "set size. omvarld and pandas compute the same checks (row count, grand total, group count), and the run fails if",
  "they disagree. The data are generated deterministically into bench/tmp/ (not committed).",
  "",
  `- date: ${new Date().toISOString().slice(0, 10)}`,
  `- machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
  `- versions: omvarld ${pkg.version}, Node ${process.version}, ${pandas.version ? `pandas ${pandas.version} (Debian python3-pandas, ${execFileSync(PYTHON, ["--version"], { encoding: "utf8" }).trim()})` : `pandas skipped: ${pandas.skipped}`}`,
  "",
  "| workload | omvarld wall s | pandas wall s | time ratio | omvarld peak MB | pandas peak MB | memory ratio |",
  "|---|---:|---:|---:|---:|---:|---:|",
  ...results.map((r) => `| ${r.name} | ${f(r.ours.wall)} | ${f(r.theirs?.wall)} | ${ratio(r.ours.wall, r.theirs?.wall)} | ${f(r.ours.maxRssMB, 0)} | ${f(r.theirs?.maxRssMB, 0)} | ${ratio(r.ours.maxRssMB, r.theirs?.maxRssMB)} |`),
  "",
  "Ratios are omvarld / pandas: below 1 means omvarld is faster or smaller.",
  "",
  "Stages inside the process (ms):",
  "",
  "| workload | tool | load | group | pivot |",
  "|---|---|---:|---:|---:|",
  ...results.flatMap((r) => [
    `| ${r.id} | omvarld | ${f(r.ours.load, 0)} | ${f(r.ours.group, 0)} | ${f(r.ours.pivot, 0)} |`,
    ...(r.theirs ? [`| ${r.id} | pandas | ${f(r.theirs.load, 0)} | ${f(r.theirs.group, 0)} | ${f(r.theirs.pivot, 0)} |`] : []),
  ]),
  "",
  "Indicator workloads (omvarld only):",
  "",
  "| workload | wall s | peak MB | stages (ms) |",
  "|---|---:|---:|---|",
  ...own.map((r) => `| ${r.name} | ${f(r.ours.wall)} | ${f(r.ours.maxRssMB, 0)} | ${r.stages.map((s) => `${s} ${f(r.ours[s], 0)}`).join(", ")} |`),
  "",
];
writeFileSync(new URL("RESULTS.md", import.meta.url), lines.join("\n"));
log(lines.join("\n"));
