import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { OmvarldError } from "../errors.ts";
import { assembleDatasets, type Datasets } from "./datasets.ts";
import { read } from "./node.ts";

/** Extensions of the statistics files a folder is searched for. */
const STATISTICS = /\.(csv|px|json|tsv|gz|xlsx)$/i;

/**
 * The files behind paths: files as given, folders expanded to the statistics files in them (sorted by name).
 *
 * @example
 * statisticsFiles(["data/scb"]) // ["data/scb/…befolkning.csv", "data/scb/…d1019.xlsx", …]
 */
export function statisticsFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let folder: boolean;
    try {
      folder = statSync(p).isDirectory();
    } catch {
      throw new OmvarldError("ARGUMENT", "no such file or folder", { file: p }, "check the path given to --data");
    }
    return folder
      ? readdirSync(p)
          .filter((f) => STATISTICS.test(f))
          .sort()
          .map((f) => join(p, f))
      : [p];
  });
}

/**
 * Reads every statistics file under the paths and recognises what each holds (see `assembleDatasets`).
 *
 * @example
 * const found = readDatasets(["data/scb"]);
 * found.population?.reference; // "end"
 */
export function readDatasets(paths: readonly string[]): Datasets {
  return assembleDatasets(statisticsFiles(paths).map((file) => read(file)));
}
