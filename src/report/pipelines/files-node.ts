import type { Locale } from "../../charts/locale.ts";
import { readInput, STDIN } from "../../io/input-node.ts";
import { type AttractivenessOptions, attractivenessAnalysis, attractivenessText } from "./attractiveness.ts";
import { type IndicatorsOptions, indicatorsText } from "./indicators.ts";
import { inspectText } from "./inspect.ts";

/**
 * `omvarld inspect FILE` as a library call: what was detected in a file ("-": standard input), as text or JSON.
 *
 * @example
 * console.log(inspectFile("data/scb/anderssundell-stathelp__data__befolkning.csv"));
 */
export function inspectFile(file: string, options: { json?: boolean; locale?: Locale } = {}): string {
  return inspectText(readInput(file), { ...options, file: file === "-" ? STDIN : file });
}

/**
 * `omvarld attractiveness FILE` as a library call: the analysis of a panel file ("-": standard input) with
 * commuting files, as text or JSON (see `attractivenessAnalysis`, `attractivenessText`).
 *
 * @example
 * console.log(attractivenessFile("data/tf/no-regions-2003-2016.csv", { level: "kommune", json: true }));
 */
export function attractivenessFile(
  file: string,
  options: Omit<AttractivenessOptions, "commuting"> & { commuting?: readonly string[]; json?: boolean; locale?: Locale } = {},
): string {
  const { commuting = [], json, locale, ...rest } = options;
  const flows = commuting.map((path) => readInput(path, {}, "--commuting"));
  const analysis = attractivenessAnalysis(readInput(file), { ...rest, commuting: flows });
  return attractivenessText(analysis, { ...(json === undefined ? {} : { json }), ...(locale ? { locale } : {}) });
}

/**
 * `omvarld indicators FILE --kind …` as a library call: the indicator table of a file ("-": standard input),
 * narrowed by `where` as it is read, as text, JSON or CSV (see `indicatorsText`).
 *
 * @example
 * console.log(indicatorsFile("data/reat/G.regions.emp.csv", { kind: "lq", year: 2014, total: ["Insgesamt"] }));
 */
export function indicatorsFile(
  file: string,
  options: IndicatorsOptions & { where?: Readonly<Record<string, string>>; format?: "text" | "json" | "csv"; locale?: Locale },
): string {
  const { where, ...rest } = options;
  return indicatorsText(readInput(file, where ? { where: { ...where } } : {}), rest);
}
