// Parses the command and loads only its module: `omvarld --help` and `omvarld inspect` start without the charts,
// the workbook writer, the schemas or the projection code.
import { readFileSync } from "node:fs";
import { OmvarldError } from "../errors.ts";
import { HELP } from "./help.ts";
import { didYouMean } from "./suggest.ts";

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

/**
 * Runs `omvarld ARGV…` in this process and gives its exit code; errors are thrown (see `errorLine`). The
 * environment is read here and nowhere in the library: OMVARLD_NO_CACHE=1 (the table cache), and in the commands
 * OMVARLD_CACHE, OMVARLD_<AGENCY>_URL and CHROMIUM.
 *
 * @example
 * await main(["inspect", "data/scb/befolkning.csv", "--json"]); // 0, the JSON on standard output
 */
export async function main(argv: readonly string[]): Promise<number> {
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
  if (!load) {
    const near = didYouMean(command, Object.keys(COMMANDS));
    throw new OmvarldError(
      "ARGUMENT",
      `unknown command "${command}"${near ? `: did you mean ${near}?` : ""}`,
      {},
      `the commands are: ${Object.keys(COMMANDS).join(", ")}`,
    );
  }
  // --no-cache is an option of every command that reads files (and OMVARLD_NO_CACHE=1 of the environment)
  const noCache = rest.includes("--no-cache") || process.env.OMVARLD_NO_CACHE === "1";
  if (READING.has(command)) {
    const { useTableCache } = await import("../io/table-cache-node.ts");
    useTableCache(noCache ? false : {});
  }
  return (await load())(READING.has(command) ? rest.filter((a) => a !== "--no-cache") : rest);
}

/**
 * The one line an error ends the command with on standard error: omvarld's own errors as they read, anything
 * else as an internal error to report.
 *
 * @example
 * errorLine(new OmvarldError("ARGUMENT", "report needs --region")) // "omvarld: report needs --region"
 */
export function errorLine(error: unknown): string {
  if (error instanceof OmvarldError) return `omvarld: ${inFlagWords(error).toString()}`;
  return `omvarld: internal error: ${error instanceof Error ? error.message : String(error)} (hint: please report it with the file that caused it)`;
}

/** The library's hints that name an option, as the command line's flags (the library never speaks of flags). */
const FLAG_HINTS: readonly (readonly [RegExp, string])[] = [
  [/^ask once with offline off to fill the cache$/, "run once without --offline to fill the cache"],
  [/exists: ask again with offline on to use it$/, "exists: run again with --offline"],
  [/^find its id among the tables of (\w+) by words \(search\)$/, "search for it: omvarld search WORDS --agency $1"],
  [/^check the path$/, "check the path given to --data"],
];

/** The error with its hint reworded for the command line (see `FLAG_HINTS`); others as they are. */
function inFlagWords(error: OmvarldError): OmvarldError {
  const rule = error.hint === undefined ? undefined : FLAG_HINTS.find(([pattern]) => pattern.test(error.hint!));
  if (!rule) return error;
  const hint = error.hint!.replace(rule[0], (...m) => rule[1].replace("$1", String(m[1]).toLowerCase()));
  const place = {
    ...(error.file !== undefined ? { file: error.file } : {}),
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
  };
  return new OmvarldError(error.code, error.message, place, hint);
}
