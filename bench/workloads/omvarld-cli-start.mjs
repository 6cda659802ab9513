// The CLI's start: `omvarld --help` and `omvarld inspect` of a small file (SCB's 6 KB kommun CSV), each as a whole
// process, 9 times; the medians of wall time, and `node -e 0` for the start-up of Node itself.
import { spawnSync } from "node:child_process";

const cli = new URL("../../dist/cli/main.js", import.meta.url).pathname;
const file = new URL("../../data/scb/anderssundell-stathelp__data__befolkning.csv", import.meta.url).pathname;

function median(args) {
  const walls = [];
  let stdout = "";
  for (let k = 0; k < 9; k++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    walls.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
    stdout = r.stdout;
  }
  return { ms: walls.sort((a, b) => a - b)[4], stdout };
}

const node = median(["-e", "0"]);
const help = median([cli, "--help"]);
const inspect = median([cli, "inspect", file]);
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    node: node.ms,
    help: help.ms,
    inspect: inspect.ms,
    check: { help: help.stdout.includes("Commands:"), rows: /rows:\s+290\n/.test(inspect.stdout) },
  }),
);
