import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Locale } from "../charts/locale.ts";
import { OmvarldError } from "../errors.ts";
import { HELP } from "./help.ts";
import { didYouMean } from "./suggest.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every command takes. */
const COMMON = { help: { type: "boolean", short: "h" }, lang: { type: "string" } } as const satisfies Options;

/** The values parseArgs gives for options declared as `O`, with the common ones. */
type Values<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: "boolean" }
    ? O[K] extends { multiple: true }
      ? boolean[]
      : boolean
    : O[K] extends { multiple: true }
      ? string[]
      : string;
} & { help?: boolean; lang?: string };

/**
 * A command's flags and positionals (`node:util` parseArgs, strict); `help` is true when the command's help was
 * printed, and the command then does nothing else. An unknown option is one line naming the nearest option ("unknown
 * option --regoin: did you mean --region?"), an option without its value one line naming it.
 */
export function parseCommand<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
  most: number = Infinity,
): { values: Values<O>; positionals: string[]; help: boolean } {
  const declared: Options = { ...COMMON, ...options };
  checkOptions(command, argv, declared);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: declared });
  } catch (error) {
    throw parseError(command, error);
  }
  const values = parsed.values as Values<O>;
  const help = values.help === true;
  if (!help && parsed.positionals.length > most) throw unexpected(command, parsed.positionals[most]!, declared);
  if (help) console.log(HELP[command]);
  return { values, positionals: parsed.positionals, help };
}

/** An argument the command does not take, never passed over in silence ("--data a b" would drop b). */
function unexpected(command: string, arg: string, declared: Options): OmvarldError {
  const multiple = Object.entries(declared).find(([, o]) => o.multiple)?.[0];
  return new OmvarldError(
    "ARGUMENT",
    `unexpected argument "${arg}"`,
    {},
    multiple
      ? `give each path its own --${multiple}, or a comma list: --${multiple} a,b (omvarld ${command} --help)`
      : `omvarld ${command} --help lists what it takes`,
  );
}

/** Stops at the first `--name` (before a lone "--") that the command does not declare, offering the nearest. */
function checkOptions(command: string, argv: readonly string[], declared: Options): void {
  const names = Object.keys(declared);
  for (const arg of argv) {
    if (arg === "--") return;
    if (!arg.startsWith("--")) continue;
    const name = arg.slice(2).split("=")[0]!;
    if (Object.hasOwn(declared, name)) continue;
    const near = didYouMean(name, names);
    throw new OmvarldError(
      "ARGUMENT",
      `unknown option --${name}${near ? `: did you mean --${near}?` : ""}`,
      {},
      `omvarld ${command} --help lists its options`,
    );
  }
}

/** parseArgs' own errors (a value missing, an unknown short option) as one line in the CLI's words. */
function parseError(command: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code?.startsWith("ERR_PARSE_ARGS")) return error;
  const message = (error as Error).message;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  const text =
    code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option
      ? message.includes("argument missing")
        ? `${option} needs a value`
        : `${option} takes no value`
      : code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option
        ? `unknown option ${option}`
        : message;
  return new OmvarldError("ARGUMENT", text, {}, `omvarld ${command} --help lists its options`);
}

/** `--lang`: sv, nb (or no, PxWeb's code for Norwegian) or en; undefined when not given. */
export function localeOf(value: unknown): Locale | undefined {
  if (value === undefined) return undefined;
  if (value === "sv" || value === "nb" || value === "en") return value;
  if (value === "no") return "nb";
  throw new OmvarldError(
    "ARGUMENT",
    `--lang ${String(value)} is not sv, nb, no or en`,
    {},
    "--lang sv (the default), --lang nb (or no) or --lang en",
  );
}

/** A whole number given to an option, such as --from 2007. */
export function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new OmvarldError("ARGUMENT", `--${option} expects a whole number, got "${value}"`);
  return Number(value);
}

/** The whole number of an option when given: `{ from: 2007 }` or `{}`. */
export function optionalNumber<K extends string>(option: K, value: string | undefined): { [k in K]?: number } {
  return value === undefined ? {} : ({ [option]: wholeNumber(option, value) } as { [k in K]?: number });
}

/** Values of a repeatable option, each also split at commas: `--data a,b --data c` → ["a", "b", "c"]. */
export function listOf(values: readonly string[] | string | undefined): string[] {
  if (values === undefined) return [];
  return (typeof values === "string" ? [values] : values).flatMap((v) => v.split(",")).filter((v) => v !== "");
}

/**
 * A number of bytes given to an option: digits, optionally with a unit (k, M, G: powers of 1024), or "Infinity".
 *
 * @example
 * byteCount("max-decompressed-bytes", "4G") // 4294967296
 */
export function byteCount(option: string, value: string): number {
  if (value === "Infinity") return Infinity;
  const m = /^(\d+)([kKmMgG]i?B?)?$/.exec(value.trim());
  if (!m || Number(m[1]) === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `--${option} expects a positive number of bytes, got "${value}"`,
      {},
      `--${option} 4000000000, --${option} 4G, or --${option} Infinity for no limit`,
    );
  const unit = (m[2] ?? "").charAt(0).toLowerCase();
  return Number(m[1]) * (unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1);
}
