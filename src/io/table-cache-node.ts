import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Column, NumberColumn, StringColumn } from "../table/column.ts";
import { type Role, Table } from "../table/table.ts";
import { cacheFolder } from "./api/cache-node.ts";
import type { ReadOptions } from "./read.ts";

/**
 * Where and how much the parsed-table cache keeps: `folder` (default `cacheFolder()/tables`, e.g.
 * `~/.cache/omvarld/tables` on Linux; `OMVARLD_CACHE` moves the whole cache) and `maxBytes` (default 2 GiB: past
 * it the least recently used tables are removed).
 */
export interface TableCacheOptions {
  folder?: string;
  maxBytes?: number;
}

/** The default size limit of the table cache: 2 GiB. */
export const TABLE_CACHE_MAX_BYTES = 2 ** 31;

/** First bytes of a cached table: the format's name and version. */
const MAGIC = "omvarld-tables 2\n";

/**
 * The table cache the readers use when a read names none: off (`false`) unless a program turns it on (the command
 * line does, unless `--no-cache` or `OMVARLD_NO_CACHE=1`).
 */
let processDefault: TableCacheOptions | false = false;

/**
 * Sets the table cache that `read` and `readDatasets` use when their options do not say (`cache` undefined).
 *
 * @example
 * useTableCache({});    // the default folder, for every read of this process
 * useTableCache(false); // parse every file
 */
export function useTableCache(options: TableCacheOptions | false): void {
  processDefault = options;
}

/**
 * The cache a read uses: its own option, else the process default.
 *
 * @example
 * tableCacheFor(true);      // {}: the default folder
 * tableCacheFor(undefined); // the process default: false, or {} under `omvarld`
 */
export function tableCacheFor(option: boolean | TableCacheOptions | undefined): TableCacheOptions | false {
  if (option === undefined) return processDefault;
  if (option === false) return false;
  return option === true ? {} : option;
}

/**
 * The folder of parsed tables: `folder` when given, else `cacheFolder()` + `tables`.
 *
 * @example
 * tableCacheFolder({}); // "/home/me/.cache/omvarld/tables"
 */
export function tableCacheFolder(options: TableCacheOptions = {}): string {
  return options.folder ?? join(cacheFolder(), "tables");
}

let fingerprint: string | null | undefined;

/**
 * The readers' version: a hash of the package's version and of the code of every module a read runs (io/,
 * table/, regions/ and errors, as shipped: `dist/*.js` or `src/*.ts`), computed once per process. A changed
 * reader is a new version, so its tables are parsed again. Null when the code cannot be read (then no cache).
 *
 * @example
 * readerVersion(); // "3f1c…" (32 hex digits), the same until a reader's code or the version changes
 */
export function readerVersion(): string | null {
  fingerprint ??= codeFingerprint(dirname(dirname(fileURLToPath(import.meta.url))));
  return fingerprint;
}

/**
 * The hash of `readerVersion` for the code under `root` (the package's `dist/` or `src/`); null where unreadable.
 *
 * @example
 * codeFingerprint("node_modules/omvarld/dist"); // what readerVersion() gives for that copy of omvarld
 */
export function codeFingerprint(root: string): string | null {
  try {
    const hash = createHash("sha256");
    const pkg = JSON.parse(readFileSync(join(root, "..", "package.json"), "utf8")) as { version?: string };
    hash.update(`omvarld ${pkg.version ?? "?"}\n`);
    const files = [
      ...["io", "table", "regions"].flatMap((d) => codeFiles(join(root, d), d)),
      ...readdirSync(root)
        .filter((f) => /^errors\.(js|ts)$/.test(f))
        .map((f) => ({ path: join(root, f), name: f })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (files.length < 10) throw new Error("not the package's layout");
    for (const f of files) hash.update(`${f.name}\n`).update(readFileSync(f.path));
    return hash.digest("hex").slice(0, 32);
  } catch {
    return null;
  }
}

/** The .js and .ts files under a folder, with their names relative to the package's code root. */
function codeFiles(dir: string, name: string): { path: string; name: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const relative = `${name}/${entry.name}`;
    if (entry.isDirectory()) return codeFiles(path, relative);
    return /\.(js|ts|json)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [{ path, name: relative }] : [];
  });
}

/**
 * The read options that change the table, in a stable form; null when one cannot be keyed (a `where` test given as
 * a function, a gunzip or inflate of the caller's own): such reads are never cached.
 */
function optionsKey(file: string, options: ReadOptions): string | null {
  const { where } = options;
  let whereKey: [string, unknown][] | null = null;
  if (where) {
    whereKey = [];
    for (const name of Object.keys(where).sort()) {
      const spec = where[name];
      if (typeof spec === "function") return null;
      whereKey.push([name, spec]);
    }
  }
  return JSON.stringify({
    file,
    format: options.format ?? null,
    delimiter: options.delimiter ?? null,
    decimalComma: options.decimalComma ?? null,
    maxDecompressedBytes: options.maxDecompressedBytes === undefined ? null : String(options.maxDecompressedBytes),
    where: whereKey,
  });
}

/** Bytes read and hashed at a time. */
const HASH_CHUNK = 1 << 24;

/** sha256 of a file's bytes, read in chunks (the file is never held whole for it). */
function contentHash(path: string): string {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(HASH_CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, HASH_CHUNK, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

/** What a cached read needs to find its entry: the key and where it lives. */
export interface CacheEntry {
  key: string;
  path: string;
  folder: string;
  maxBytes: number;
}

/**
 * The cache entry for reading `path` with `options`: its key is sha256 of the file's content, the readers' version
 * and the options that change the table. Undefined when this read cannot be cached (see `optionsKey`), or the file
 * cannot be hashed (then the read goes on without the cache and reports its own error).
 *
 * @example
 * const entry = cacheEntry("befolkning.csv", "befolkning.csv", {}, {});
 * entry?.path; // "~/.cache/omvarld/tables/<sha256>.table"
 */
export function cacheEntry(
  path: string,
  file: string,
  options: ReadOptions,
  cache: TableCacheOptions,
  reader: string | null = readerVersion(),
): CacheEntry | undefined {
  if (options.gunzip || options.inflateRaw) return undefined;
  const keyed = optionsKey(file, options);
  if (reader === null || keyed === null) return undefined;
  let content: string;
  try {
    content = contentHash(path);
  } catch {
    return undefined;
  }
  const key = createHash("sha256").update(`${reader}\n${content}\n${keyed}`).digest("hex");
  const folder = tableCacheFolder(cache);
  return { key, folder, path: join(folder, `${key}.table`), maxBytes: cache.maxBytes ?? TABLE_CACHE_MAX_BYTES };
}

/**
 * The entry of a value computed from files whose entries are `entries` (in order) by the step named `step`: its key
 * hashes theirs, so that it changes when any of them does.
 *
 * @example
 * derivedEntry("datasets", files.map((f) => cacheEntry(f, f, {}, {})!));
 */
export function derivedEntry(step: string, entries: readonly CacheEntry[]): CacheEntry {
  const first = entries[0]!;
  const hash = createHash("sha256").update(`${step}\n`);
  for (const e of entries) hash.update(`${e.key}\n`);
  const key = hash.digest("hex");
  return { ...first, key, path: join(first.folder, `${key}.table`) };
}

interface TableHeader {
  rows: number;
  columns: { name: string; type: "number" | "string"; role: Role; offset: number; dictionary?: readonly string[] }[];
  provenance: Table["provenance"];
  warnings: readonly string[];
}

interface Header {
  key: string;
  tables: TableHeader[];
  /** What the entry holds, as JSON, each table replaced by `{ "$table": k }` (a single table: `{ "$table": 0 }`). */
  shape: unknown;
}

/**
 * The cached table of an entry, or undefined (no entry, a damaged one, another key under the same name): a miss is
 * never an error. The columns are views into the file's bytes, as they were written.
 *
 * @example
 * loadCached(entry)?.numRows; // 290, or undefined on a miss
 */
export function loadCached(entry: CacheEntry): Table | undefined {
  const value = loadCachedValue(entry);
  return value instanceof Table ? value : undefined;
}

/**
 * Writes a table to its entry (see `storeCachedValue`).
 *
 * @example
 * storeCached(entry, read("befolkning.csv"));
 */
export function storeCached(entry: CacheEntry, table: Table): void {
  storeCachedValue(entry, table);
}

/**
 * The value cached under an entry: JSON data in which tables may stand anywhere (see `storeCachedValue`), or
 * undefined (no entry, a damaged one, another key under the same name).
 *
 * @example
 * loadCachedValue(derivedEntry("datasets", entries)); // the datasets stored, tables and all
 */
export function loadCachedValue(entry: CacheEntry): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch {
    return undefined;
  }
  try {
    const magic = Buffer.from(MAGIC);
    if (bytes.length < magic.length + 8 || !bytes.subarray(0, magic.length).equals(magic)) return undefined;
    const headerLength = bytes.readUInt32LE(magic.length);
    const header = JSON.parse(bytes.toString("utf8", magic.length + 4, magic.length + 4 + headerLength)) as Header;
    const start = dataStart(headerLength);
    if (header.key !== entry.key) return undefined;
    // typed views need their offsets aligned: a pooled buffer is copied out
    const data = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(new Uint8Array(bytes));
    const tables: Table[] = [];
    for (const t of header.tables) {
      const columns = new Map<string, Column>();
      const roles: Record<string, Role> = {};
      for (const c of t.columns) {
        const width = c.type === "number" ? 8 : 4;
        if (c.offset % 8 !== 0 || start + c.offset + t.rows * width > data.length) return undefined;
        const at = data.byteOffset + start + c.offset;
        columns.set(
          c.name,
          c.type === "number"
            ? new NumberColumn(new Float64Array(data.buffer, at, t.rows))
            : new StringColumn(new Int32Array(data.buffer, at, t.rows), c.dictionary ?? []),
        );
        roles[c.name] = c.role;
      }
      tables.push(new Table(columns, { roles, provenance: t.provenance, warnings: t.warnings }));
    }
    const value = revive(header.shape, tables);
    try {
      // the entry was used: the least recently used are removed first
      const now = new Date();
      utimesSync(entry.path, now, now);
    } catch {
      // a read-only cache still serves
    }
    return value;
  } catch {
    return undefined;
  }
}

/** `shape` with each `{ "$table": k }` replaced by `tables[k]`. */
function revive(shape: unknown, tables: readonly Table[]): unknown {
  if (Array.isArray(shape)) return shape.map((x) => revive(x, tables));
  if (shape && typeof shape === "object") {
    const k = (shape as { $table?: unknown }).$table;
    if (typeof k === "number" && Object.keys(shape).length === 1) {
      const table = tables[k];
      if (!table) throw new Error("a table the entry does not hold");
      return table;
    }
    return Object.fromEntries(Object.entries(shape).map(([key, x]) => [key, revive(x, tables)]));
  }
  return shape;
}

/** `value` with each table replaced by `{ "$table": k }`, its index in `tables` (which it is added to). */
function flatten(value: unknown, tables: Table[]): unknown {
  if (value instanceof Table) return { $table: tables.push(value) - 1 };
  if (Array.isArray(value)) return value.map((x) => flatten(x, tables));
  if (value && typeof value === "object") {
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error("only plain data and tables are cached");
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, x]) => x !== undefined)
        .map(([key, x]) => [key, flatten(x, tables)]),
    );
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint")
    throw new Error("only plain data and tables are cached");
  // JSON would turn NaN and the infinities into null
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("only finite numbers are cached");
  return value;
}

/**
 * Writes a value, plain JSON data holding tables anywhere (a table, or `readDatasets`' datasets), to its entry: a
 * temporary file beside it, renamed over it (a reader sees the whole entry or none), then removes the least
 * recently used entries past the size limit. Fails silently (a read-only disk, a full one, a value that is not
 * plain data): the cache only saves time.
 *
 * The file: a magic line, the header's length (4 bytes), the header (JSON: the key, each table's rows, columns with
 * their roles, dictionaries and offsets, provenance and warnings, and the value's shape), zeros to an 8-byte
 * boundary, then each column's typed array (Float64 numbers, Int32 dictionary codes), 8-aligned. Written by hand
 * rather than as Arrow IPC or Parquet: apache-arrow is an optional dependency that takes longer to import than a
 * cached report takes to read, and hyparquet is not a runtime dependency; this reads back as views of one buffer,
 * with no copy, and holds provenance, warnings and several tables as they are.
 *
 * @example
 * storeCachedValue(entry, { population: table, notes: ["…"] });
 */
export function storeCachedValue(entry: CacheEntry, value: unknown): void {
  const temporary = `${entry.path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  let fd: number | undefined;
  try {
    const tables: Table[] = [];
    const shape = flatten(value, tables);
    mkdirSync(entry.folder, { recursive: true });
    const parts: Uint8Array[] = [];
    let offset = 0;
    const headers: TableHeader[] = tables.map((table) => ({
      rows: table.numRows,
      columns: table.schema.map((field) => {
        const column = table.column(field.name);
        const view =
          column.type === "number"
            ? new Uint8Array(column.values.buffer, column.values.byteOffset, column.values.byteLength)
            : new Uint8Array(column.codes.buffer, column.codes.byteOffset, column.codes.byteLength);
        const at = offset;
        parts.push(view);
        offset += view.length;
        const pad = (8 - (offset % 8)) % 8;
        if (pad) parts.push(new Uint8Array(pad));
        offset += pad;
        return {
          name: field.name,
          type: field.type,
          role: field.role,
          offset: at,
          ...(column.type === "string" ? { dictionary: column.dictionary } : {}),
        };
      }),
      provenance: table.provenance,
      warnings: table.warnings,
    }));
    const header: Header = { key: entry.key, tables: headers, shape };
    // the magic, the header's length, the header (JSON), zeros to an 8-byte boundary, the columns (their offsets
    // count from there)
    const magic = Buffer.from(MAGIC);
    const json = Buffer.from(JSON.stringify(header), "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32LE(json.length);
    const start = dataStart(json.length);
    fd = openSync(temporary, "w");
    for (const p of [magic, length, json, new Uint8Array(start - magic.length - 4 - json.length), ...parts])
      writeSync(fd, p);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, entry.path);
    evict(entry.folder, entry.maxBytes, entry.path);
  } catch {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Where the columns start in a cache file whose header (JSON) has `headerLength` bytes: 8-aligned after it. */
function dataStart(headerLength: number): number {
  return Math.ceil((MAGIC.length + 4 + headerLength) / 8) * 8;
}

/** Removes the least recently used entries (by modification time, which a hit renews) until the folder fits. */
function evict(folder: string, maxBytes: number, keep: string): void {
  const entries = readdirSync(folder)
    .filter((f) => f.endsWith(".table"))
    .flatMap((f) => {
      try {
        const s = statSync(join(folder, f));
        return [{ path: join(folder, f), size: s.size, used: s.mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.used - b.used);
  let total = entries.reduce((s, e) => s + e.size, 0);
  for (const e of entries) {
    if (total <= maxBytes) break;
    if (e.path === keep) continue;
    rmSync(e.path, { force: true });
    total -= e.size;
  }
}

/**
 * Removes every parsed table from the cache folder; returns how many files and bytes were removed.
 *
 * @example
 * clearTableCache(); // { files: 12, bytes: 48_213_504 }
 */
export function clearTableCache(options: TableCacheOptions = {}): { files: number; bytes: number } {
  const folder = tableCacheFolder(options);
  let files = 0;
  let bytes = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return { files, bytes };
  }
  for (const name of names) {
    if (!name.endsWith(".table") && !name.endsWith(".tmp")) continue;
    const path = join(folder, name);
    try {
      bytes += statSync(path).size;
      rmSync(path, { force: true });
      files++;
    } catch {
      // removed meanwhile
    }
  }
  return { files, bytes };
}

/**
 * The entries and bytes in the cache folder.
 *
 * @example
 * tableCacheSize(); // { folder: "/home/me/.cache/omvarld/tables", files: 12, bytes: 48_213_504 }
 */
export function tableCacheSize(options: TableCacheOptions = {}): { folder: string; files: number; bytes: number } {
  const folder = tableCacheFolder(options);
  let files = 0;
  let bytes = 0;
  try {
    for (const name of readdirSync(folder)) {
      if (!name.endsWith(".table")) continue;
      files++;
      bytes += statSync(join(folder, name)).size;
    }
  } catch {
    // no folder yet
  }
  return { folder, files, bytes };
}
