// The tidy population workload (omvarld-pop-long.mjs) as two whole processes reading through a fresh table cache:
// the first parses the file and fills the cache, the second reads the cached columns. Each process's load stage,
// wall time and peak memory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const script = new URL("./omvarld-pop-long.mjs", import.meta.url).pathname;
const cache = mkdtempSync(join(tmpdir(), "omvarld-bench-cache-"));

function run() {
  const start = performance.now();
  const r = spawnSync(process.execPath, [script, "pop-long.csv", cache], { encoding: "utf8" });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(r.stderr);
  return { wall, ...JSON.parse(r.stdout.trim().split("\n").at(-1)) };
}

try {
  const cold = run();
  const warm = run();
  console.log(
    JSON.stringify({
      maxRssMB: Math.max(cold.maxRssMB, warm.maxRssMB),
      coldWall: cold.wall,
      coldLoad: cold.load,
      coldMB: cold.maxRssMB,
      warmWall: warm.wall,
      warmLoad: warm.load,
      warmMB: warm.maxRssMB,
      check: { same: JSON.stringify(cold.check) === JSON.stringify(warm.check), rows: warm.check.rows },
    }),
  );
} finally {
  rmSync(cache, { recursive: true, force: true });
}
