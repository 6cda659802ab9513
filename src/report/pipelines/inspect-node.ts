import type { Locale } from "../../charts/locale.ts";
import { readInput, STDIN } from "../../io/input-node.ts";
import type { NodeReadOptions } from "../../io/node.ts";
import { inspectText } from "./inspect.ts";

/**
 * `omvarld inspect FILE` as a library call: what was detected in a file ("-": standard input), as text or JSON.
 *
 * @example
 * console.log(inspectFile("data/scb/anderssundell-stathelp__data__befolkning.csv"));
 */
export function inspectFile(
  file: string,
  options: { json?: boolean; locale?: Locale } = {},
  read: NodeReadOptions = {},
): string {
  return inspectText(readInput(file, read), { ...options, file: file === "-" ? STDIN : file });
}
