import type { Locale } from "../../charts/locale.ts";
import { readInput } from "../../io/input-node.ts";
import { indicatorKind, type IndicatorsOptions, indicatorsText } from "./indicators.ts";

/**
 * `omvarld indicators FILE --kind …` as a library call: the indicator table of a file ("-": standard input),
 * narrowed by `where` as it is read, as text, JSON or CSV (see `indicatorsText`).
 *
 * @example
 * console.log(indicatorsFile("data/reat/G.regions.emp.csv", { kind: "lq", year: 2014, total: ["Insgesamt"] }));
 */
export function indicatorsFile(
  file: string,
  options: IndicatorsOptions & {
    where?: Readonly<Record<string, string>>;
    format?: "text" | "json" | "csv";
    locale?: Locale;
  },
): string {
  const { where, ...rest } = options;
  indicatorKind(options.kind); // before the file is read
  return indicatorsText(readInput(file, where ? { where: { ...where } } : {}), rest);
}
