import { readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import { readBytes, type ReadOptions } from "./read.ts";

/**
 * Reads an agency export from a file, or from bytes: sniffs gzip, encoding, format and delimiter.
 *
 * @example
 * import { read } from "omvarld/node";
 * const pop = read("data/scb/befolkning.csv");
 * pop.filter({ region: "2021" }).toRows(); // [{ region: "2021", region_name: "Vansbro", year: 2017, value: 6837 }]
 */
export function read(pathOrBytes: string | Uint8Array, options: ReadOptions = {}): Table {
  if (typeof pathOrBytes !== "string") return readBytes(pathOrBytes, { gunzip: gunzipSync, ...options });
  const file = options.file ?? pathOrBytes;
  return readBytes(readFile(pathOrBytes, file), { gunzip: gunzipSync, ...options, file });
}

function readFile(path: string, file: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) {
      throw new OmvarldError("ARGUMENT", "is a folder, not a file", { file }, "name a file inside it");
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof OmvarldError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new OmvarldError("ARGUMENT", code === "ENOENT" ? "no such file" : `cannot read the file (${code})`, { file });
  }
}
