import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { OmvarldError } from "../errors.ts";
import { assembleDatasets, type Datasets } from "./datasets.ts";
import { fileSize, type NodeReadOptions, read, readThrough } from "./node.ts";
import {
  type CacheEntry,
  cacheEntry,
  derivedEntry,
  loadCachedValue,
  storeCachedValue,
  tableCacheFor,
} from "./table-cache-node.ts";

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
      throw new OmvarldError("ARGUMENT", "no such file or folder", { file: p }, "check the path");
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
 * Reads every statistics file under the paths and recognises what each holds (see `assembleDatasets`). With a
 * table cache (`options.cache`, or the program's default: `omvarld` turns it on), the datasets assembled from the
 * same files (the same bytes, names and readers) are read back from the cache whole, and each file's table too.
 *
 * @example
 * const found = readDatasets(["data/scb"]);
 * found.population?.reference; // "end"
 */
export function readDatasets(
  paths: readonly string[],
  options: Pick<NodeReadOptions, "cache" | "threads"> = {},
): Datasets {
  const files = statisticsFiles(paths);
  const cache = tableCacheFor(options.cache);
  const entries = cache ? files.map((file) => cacheEntry(file, file, {}, cache)) : [];
  if (!cache || files.length === 0 || !entries.every((e) => e !== undefined))
    return assembleDatasets(files.map((file) => read(file, { ...options, cache: false })));
  const entry = derivedEntry("datasets", entries as CacheEntry[]);
  const cached = loadCachedValue(entry) as Datasets | undefined;
  if (cached && Array.isArray(cached.births) && Array.isArray(cached.deaths) && Array.isArray(cached.unused))
    return cached;
  const own = { ...(options.threads !== undefined ? { threads: options.threads } : {}) };
  const datasets = assembleDatasets(
    files.map((file, k) => readThrough(file, fileSize(file, file), file, own, entries[k])),
  );
  storeCachedValue(entry, datasets);
  return datasets;
}
