// Before and after: the same workloads as whole processes from two built checkouts, interleaved, 3 runs each (RUNS),
// printing wall time, peak memory (GNU time's maximum resident set) and the load stage. BEFORE names the other
// checkout, built, with bench/tmp/ linked to this one's, e.g.:
//   git archive 0d5cc33 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/ && \
//   ln -s "$PWD/bench/tmp" /tmp/before/bench/ && (cd /tmp/before && npx tsc -p tsconfig.build.json)
//   BEFORE=/tmp/before ONLY=pop-long,report node bench/compare.mjs
// The report and the demo run twice in a row with a fresh cache folder (OMVARLD_CACHE): the second run reads the
// tables the first one cached (where the checkout has the cache).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
const here = new URL("..", import.meta.url).pathname;
const trees = { before: process.env.BEFORE ?? "/tmp/before", after: here };
const RUNS = Number(process.env.RUNS ?? 3);
const which = (process.env.ONLY ?? "pop-long,emp,pop-wide,indicators,report,demo").split(",");
function once(tree, args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "maxrss %M", process.execPath, ...args], {
    cwd: tree,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 1 << 26,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const mb = Number(/maxrss (\d+)/.exec(r.stderr)[1]) / 1024;
  // the workloads print a JSON line with their stages; the CLI prints paths
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  const load = last.startsWith("{") ? JSON.parse(last).load : undefined;
  return { wall, mb, load };
}
const jobs = {
  "pop-long": (t) => [once(t, ["bench/workloads/omvarld-pop-long.mjs"])],
  emp: (t) => [once(t, ["bench/workloads/omvarld-load-group.mjs", "emp-long.csv"])],
  "pop-wide": (t) => [once(t, ["bench/workloads/omvarld-load-group.mjs", "pop-wide.csv"])],
  indicators: (t) => [once(t, ["bench/workloads/omvarld-indicators.mjs"])],
  report: (t) => {
    const cache = mkdtempSync(join(tmpdir(), "cmp-cache-"));
    const out = mkdtempSync(join(tmpdir(), "cmp-out-"));
    const env = { OMVARLD_CACHE: cache, OMVARLD_NO_CACHE: "" };
    const a = once(
      t,
      ["dist/cli/main.js", "report", "--data", "data/scb", "--region", "2021", "--out", join(out, "a")],
      env,
    );
    const b = once(
      t,
      ["dist/cli/main.js", "report", "--data", "data/scb", "--region", "2080", "--out", join(out, "b")],
      env,
    );
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    return [a, b];
  },
  demo: (t) => {
    const cache = mkdtempSync(join(tmpdir(), "cmp-cache-"));
    const out = mkdtempSync(join(tmpdir(), "cmp-out-"));
    const env = { OMVARLD_CACHE: cache, OMVARLD_NO_CACHE: "" };
    const a = once(t, ["dist/cli/main.js", "demo", "--out", join(out, "a")], env);
    const b = once(t, ["dist/cli/main.js", "demo", "--out", join(out, "b")], env);
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    return [a, b];
  },
};
for (const w of which) {
  const res = { before: [], after: [] };
  for (let k = 0; k < RUNS; k++) for (const [name, tree] of Object.entries(trees)) res[name].push(jobs[w](tree));
  for (const [name, runs] of Object.entries(res)) {
    const fmt = runs
      .map((r) =>
        r
          .map(
            (x) => `${(x.wall / 1000).toFixed(2)}s/${x.mb.toFixed(0)}MB${x.load ? `/load ${x.load.toFixed(0)}` : ""}`,
          )
          .join(" + "),
      )
      .join(" | ");
    console.log(w, name, fmt);
  }
}
