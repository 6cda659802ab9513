// `omvarld report --data data/scb` for one kommun with an empty table cache (it parses SCB's workbooks and fills
// the cache), then for another kommun from the same folder (it reads the parsed tables), each a whole CLI process;
// then the second once more with --no-cache. The cache is a fresh folder (OMVARLD_CACHE). Peak memory is each
// process's, where /usr/bin/time can tell it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "dist/cli/main.js");
const cache = mkdtempSync(join(tmpdir(), "omvarld-bench-cache-"));
const out = mkdtempSync(join(tmpdir(), "omvarld-bench-report-"));
const timed = existsSync("/usr/bin/time");

function run(...args) {
  const command = timed ? "/usr/bin/time" : process.execPath;
  const argv = timed ? ["-f", "maxrss %M", process.execPath, cli, ...args] : [cli, ...args];
  const start = performance.now();
  const r = spawnSync(command, argv, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, OMVARLD_CACHE: cache, OMVARLD_NO_CACHE: "" },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`omvarld ${args.join(" ")} failed:\n${r.stderr}`);
  const rss = /maxrss (\d+)/.exec(r.stderr)?.[1];
  return { ms, mb: rss ? Number(rss) / 1024 : null, stdout: r.stdout };
}

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
