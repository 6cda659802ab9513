#!/usr/bin/env node
// Parses the command and loads only its module: `omvarld --help` and `omvarld inspect` start without the charts,
// the workbook writer, the schemas or the projection code.
import { readFileSync } from "node:fs";
import { OmvarldError } from "../errors.ts";
import { HELP } from "./help.ts";

type Run = (argv: readonly string[]) => number | Promise<number>;

/** Each command's module, imported when the command is run. */
const COMMANDS: Record<string, () => Promise<Run>> = {
  inspect: async () => (await import("./inspect.ts")).run,
  attractiveness: async () => (await import("./attractiveness.ts")).run,
  report: async () => (await import("./report.ts")).run,
  annex: async () => (await import("./annex.ts")).run,
  indicators: async () => (await import("./indicators.ts")).run,
  demo: async () => (await import("./demo.ts")).run,
  search: async () => {
    const { run } = await import("./fetch.ts");
    return (argv) => run(argv, "search");
  },
  meta: async () => {
    const { run } = await import("./fetch.ts");
    return (argv) => run(argv, "meta");
  },
  fetch: async () => {
    const { run } = await import("./fetch.ts");
    return (argv) => run(argv, "fetch");
  },
  cache: async () => (await import("./cache.ts")).run,
};

/** Commands that read statistics files: they keep the parsed tables in the cache unless told not to. */
const READING = new Set(["inspect", "attractiveness", "report", "annex", "indicators", "demo"]);

/** The version in package.json, next to `src/` and `dist/`. */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string })
    .version;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(HELP.main);
    return command ? 0 : 1;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    console.log(version());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load)
    throw new OmvarldError(
      "ARGUMENT",
      `unknown command "${command}"`,
      {},
      `the commands are: ${Object.keys(COMMANDS).join(", ")}`,
    );
  // --no-cache is an option of every command that reads files (and OMVARLD_NO_CACHE=1 of the environment)
  const noCache = rest.includes("--no-cache") || process.env.OMVARLD_NO_CACHE === "1";
  if (READING.has(command)) {
    const { useTableCache } = await import("../io/table-cache-node.ts");
    useTableCache(noCache ? false : {});
  }
  return (await load())(READING.has(command) ? rest.filter((a) => a !== "--no-cache") : rest);
}

/** One line on stderr and exit code 2; a stack trace only with OMVARLD_DEBUG. */
function fail(error: unknown): void {
  if (error instanceof OmvarldError) console.error(`omvarld: ${error.toString()}`);
  else if (error instanceof Error && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS"))
    console.error(`omvarld: ${error.message} (hint: omvarld --help)`);
  else {
    console.error(
      `omvarld: internal error: ${error instanceof Error ? error.message : String(error)} (hint: please report it with the file that caused it)`,
    );
  }
  if (process.env.OMVARLD_DEBUG) console.error(error);
  process.exitCode = 2;
}

// no top-level await: the package must stay loadable by require() (tslab, CommonJS users)
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, fail);
