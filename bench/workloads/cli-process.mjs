// One `omvarld` command as a whole CLI process with its own table cache folder (OMVARLD_CACHE): its wall time, its
// peak memory where /usr/bin/time can tell it, and its standard output. Shared by the cache workloads.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "dist/cli/main.js");
const timed = existsSync("/usr/bin/time");

/** A function that runs `omvarld ...args` with the table cache in `cache`: { ms, mb, stdout }; a failure throws. */
export function cliRunner(cache) {
  return (...args) => {
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
    return { ms, mb: rss ? Number(rss) / 1024 : null, stdout: r.stdout };
  };
}
