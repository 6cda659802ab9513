// `omvarld report --data data/scb` for one kommun with an empty table cache (it parses SCB's workbooks and fills
// the cache), then for another kommun from the same folder (it reads the parsed tables), each a whole CLI process;
// then the second once more with --no-cache. The cache is a fresh folder (OMVARLD_CACHE). Peak memory is each
// process's, where /usr/bin/time can tell it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliRunner } from "./cli-process.mjs";

const cache = mkdtempSync(join(tmpdir(), "omvarld-bench-cache-"));
const out = mkdtempSync(join(tmpdir(), "omvarld-bench-report-"));
const run = cliRunner(cache);

try {
  const first = run("report", "--data", "data/scb", "--region", "2021", "--out", join(out, "2021"));
  const second = run("report", "--data", "data/scb", "--region", "2080", "--out", join(out, "2080"));
  const parsed = run("report", "--data", "data/scb", "--region", "2080", "--out", join(out, "x"), "--no-cache");
  console.log(
    JSON.stringify({
      maxRssMB: Math.max(first.mb ?? 0, second.mb ?? 0, parsed.mb ?? 0) || process.resourceUsage().maxRSS / 1024,
      first: first.ms,
      second: second.ms,
      noCache: parsed.ms,
      firstMB: first.mb,
      secondMB: second.mb,
      check: { html: [first, second, parsed].every((r) => r.stdout.includes("report.html")) },
    }),
  );
} finally {
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
