// `omvarld demo` (what `npm run demo` runs after its build) as a whole CLI process with an empty table cache (it
// parses the shipped data and fills the cache), then again with the cache warm. The cache is a fresh folder
// (OMVARLD_CACHE). Peak memory is each process's, where /usr/bin/time can tell it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "dist/cli/main.js");
const cache = mkdtempSync(join(tmpdir(), "omvarld-bench-cache-"));
const out = mkdtempSync(join(tmpdir(), "omvarld-bench-demo-"));
const timed = existsSync("/usr/bin/time");

function run(...args) {
  const command = timed ? "/usr/bin/time" : process.execPath;
  const argv = timed ? ["-f", "maxrss %M", process.execPath, cli, ...args] : [cli, ...args];
  const start = performance.now();
  const r = spawnSync(command, argv, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, OMVARLD_CACHE: cache, OMVARLD_NO_CACHE: "" },
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`omvarld ${args.join(" ")} failed:\n${r.stderr}`);
  const rss = /maxrss (\d+)/.exec(r.stderr)?.[1];
  return { ms, mb: rss ? Number(rss) / 1024 : null, lines: r.stdout.split("\n").length };
}

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
      check: { lines: cold.lines === warm.lines },
    }),
  );
} finally {
  rmSync(cache, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
