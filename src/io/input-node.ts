import { readFileSync, statSync } from "node:fs";
import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import { type NodeReadOptions, read } from "./node.ts";

/** How an input read from standard input is named in messages and provenance. */
export const STDIN = "standard input";

/**
 * Stops with a one-line error when a path does not exist: "FILE: no such file (hint: check the path given to
 * --commuting)". `what` names where the path came from (an option such as "--costs", default "FILE").
 */
export function checkPath(path: string, what = "FILE"): void {
  try {
    statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where =
      what === "FILE" ? "check the path, or give - to read standard input" : `check the path given to ${what}`;
    throw new OmvarldError(
      "ARGUMENT",
      code === "ENOENT" ? "no such file" : `cannot read the file (${code})`,
      { file: path },
      where,
    );
  }
}

/**
 * Reads an agency export from a file, or from standard input when the path is "-" (see `read`); a path that does
 * not exist is a one-line error with a hint naming `what` gave it.
 *
 * @example
 * readInput("-");                                  // `cat befolkning.csv | omvarld inspect -`
 * readInput("flows.csv", {}, "--commuting");       // "flows.csv: no such file (hint: check the path given to --commuting)"
 */
export function readInput(path: string, options: NodeReadOptions = {}, what = "FILE"): Table {
  if (path === "-") return read(new Uint8Array(readFileSync(0)), { ...options, file: options.file ?? STDIN });
  checkPath(path, what);
  return read(path, options);
}
