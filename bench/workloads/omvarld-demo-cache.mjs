// `omvarld demo` (what `npm run demo` runs after its build) as a whole CLI process with an empty table cache (it
// parses the shipped data and fills the cache), then again with the cache warm. The cache is a fresh folder
// (OMVARLD_CACHE). Peak memory is each process's, where /usr/bin/time can tell it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "./cli-process.mjs";

const cache = mkdtempSync(join(tmpdir(), "omvarld-bench-cache-"));
const out = mkdtempSync(join(tmpdir(), "omvarld-bench-demo-"));
const run = cliRunner(cache);

try {
  const cold = run("demo", "--out", join(out, "cold"));
  const warm = run("demo", "--out", join(out, "warm"));
  console.log(
    JSON.stringify({
      maxRssMB: Math.max(cold.mb ?? 0, warm.mb ?? 0) || process.resourceUsage().maxRSS / 1024,
      cold: cold.ms,
      warm: warm.ms,
      coldMB: cold.mb,
      warmMB: warm.mb,
      check: { lines: cold.stdout.split("\n").length === warm.stdout.split("\n").length },
    }),
  );
} finally {
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
