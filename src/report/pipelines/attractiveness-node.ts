import type { Locale } from "../../charts/locale.ts";
import { readInput } from "../../io/input-node.ts";
import { type AttractivenessOptions, attractivenessAnalysis, attractivenessText } from "./attractiveness.ts";

/**
 * `omvarld attractiveness FILE` as a library call: the analysis of a panel file ("-": standard input) with
 * commuting files, as text or JSON (see `attractivenessAnalysis`, `attractivenessText`).
 *
 * @example
 * console.log(attractivenessFile("data/tf/no-regions-2003-2016.csv", { level: "kommune", json: true }));
 */
export function attractivenessFile(
  file: string,
  options: Omit<AttractivenessOptions, "commuting"> & {
    commuting?: readonly string[];
    json?: boolean;
    locale?: Locale;
  } = {},
): string {
  const { commuting = [], json, locale, ...rest } = options;
  const flows = commuting.map((path) => readInput(path, {}, "--commuting"));
  const analysis = attractivenessAnalysis(readInput(file), { ...rest, commuting: flows });
  return attractivenessText(analysis, { ...(json === undefined ? {} : { json }), ...(locale ? { locale } : {}) });
}
