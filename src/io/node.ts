import { concatBytes } from "./bytes.ts";
import { kMaxLength } from "node:buffer";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";
import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import { ByteStream, type ParallelFile, STREAM_CHUNK } from "./byte-stream.ts";
import { readBodyParallel, startWorkers } from "./csv/parallel-node.ts";
import { isGzip } from "./decode.ts";
import { decompressedLimit, expansionError } from "./expansion.ts";
import { csvOptions, keepWhere, LARGE, readBytes, type ReadOptions, sniffFormat } from "./read.ts";
import { isZip } from "./xlsx/sheet.ts";
import {
  type CacheEntry,
  cacheEntry,
  loadCached,
  storeCached,
  tableCacheFor,
  type TableCacheOptions,
} from "./table-cache-node.ts";

/**
 * Reads an agency export from a file, or from bytes: sniffs gzip, encoding, format and delimiter.
 * A large CSV (quoted or not) is streamed in chunks, so that memory holds the table, not the file; so is a large
 * gzipped CSV or TSV as it inflates. What decompression may produce is bounded (`maxDecompressedBytes`). With
 * `cache`, a file read before (the same bytes, the same readers and options) is read from its parsed table on disk.
 *
 * @example
 * import { read } from "omvarld/node";
 * const pop = read("data/scb/befolkning.csv");
 * pop.filter({ region: "2021" }).toRows(); // [{ region: "2021", region_name: "Vansbro", year: 2017, value: 6837 }]
 */
export function read(pathOrBytes: string | Uint8Array, options: NodeReadOptions = {}): Table {
  if (typeof pathOrBytes !== "string") return readBytes(pathOrBytes, { gunzip, inflateRaw, ...options });
  const file = options.file ?? pathOrBytes;
  const size = fileSize(pathOrBytes, file);
  const cache = tableCacheFor(options.cache);
  const entry = cache ? cacheEntry(pathOrBytes, file, options, cache) : undefined;
  return readThrough(pathOrBytes, size, file, options, entry);
}

/**
 * Reads a file through its cache entry (see `cacheEntry`): the cached table where there is one, else the parsed one,
 * which is then cached.
 *
 * @example
 * readThrough("befolkning.csv", 6479, "befolkning.csv", {}, cacheEntry("befolkning.csv", "befolkning.csv", {}, {}));
 */
export function readThrough(
  path: string,
  size: number,
  file: string,
  options: NodeReadOptions,
  entry: CacheEntry | undefined,
): Table {
  if (entry) {
    const cached = loadCached(entry);
    if (cached) return cached;
  }
  const table = readFile(path, size, file, options);
  if (entry) storeCached(entry, table);
  return table;
}

/** Reads (parses) a file whose size is known. */
function readFile(path: string, size: number, file: string, options: NodeReadOptions): Table {
  if (size > (options.streamAbove ?? LARGE)) {
    const streamed = streamFile(path, size, { ...options, file }, options.chunkBytes ?? STREAM_CHUNK);
    if (streamed) return keepWhere(streamed, options.where, file);
  }
  return readBytes(readFileSync(path), { gunzip, inflateRaw, ...options, file });
}

/**
 * zlib's inflate, into one buffer of the size the zip archive declares (one more byte, so that zlib sees the end of
 * the stream in it): zlib otherwise inflates into 16 KiB chunks and copies them together at the end, which took half
 * the inflate time of SCB's 28.7 MB sheet XML in a fresh process (0.31 s against 0.15 s CPU, repeated 3 times).
 * Beyond `maxBytes` zlib stops with ERR_BUFFER_TOO_LARGE.
 */
export function inflateRaw(bytes: Uint8Array, size?: number, maxBytes?: number): Uint8Array {
  const limit = maxBytes !== undefined && maxBytes < kMaxLength ? { maxOutputLength: Math.max(1, maxBytes) } : {};
  // DEFLATE inflates at most 1032-fold: a larger declared size is not believed
  return size !== undefined && size > 0 && size < 2 ** 30 && size <= bytes.length * 1032
    ? inflateRawSync(bytes, { chunkSize: size + 1, ...limit })
    : inflateRawSync(bytes, limit);
}

/**
 * The size of a file in bytes; an error naming it when it is a folder or cannot be read.
 *
 * @example
 * fileSize("data/scb/anderssundell-stathelp__data__befolkning.csv", "befolkning.csv"); // 6479
 */
export function fileSize(path: string, file: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      throw new OmvarldError("ARGUMENT", "is a folder, not a file", { file }, "name a file inside it");
    return stat.size;
  } catch (error) {
    if (error instanceof OmvarldError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new OmvarldError("ARGUMENT", code === "ENOENT" ? "no such file" : `cannot read the file (${code})`, { file });
  }
}

export interface NodeReadOptions extends ReadOptions {
  /** Files larger than this (bytes) are streamed where they can be: CSV and Eurostat TSV. Default 4 MiB. */
  streamAbove?: number;
  /** Chunk size when streaming (bytes). Default 16 MiB. */
  chunkBytes?: number;
  /**
   * Keep the parsed table on disk, keyed by the file's content, the readers' version and the options that change
   * the table, and read it from there next time instead of parsing (a changed file or reader is parsed again):
   * `true` for the default folder (`~/.cache/omvarld/tables` on Linux; `OMVARLD_CACHE` moves it), or a folder and
   * size limit. Default: off, unless the program turned it on (`omvarld` does; `--no-cache` turns it off).
   */
  cache?: boolean | TableCacheOptions;
  /**
   * Threads that read a large CSV file (above `parallelAbove` bytes, default 32 MiB) in parallel, the calling one
   * included: default the machine's cores (at most 4); 1 reads on the calling thread only. The table is the same.
   */
  threads?: number;
  /** Files larger than this (bytes) are read on several threads (see `threads`). Default 32 MiB. */
  parallelAbove?: number;
}

/**
 * Streams a large CSV or Eurostat TSV from its file in chunks that end at record ends (quoted or not); undefined
 * when the file is something else (then it is read whole).
 */
function streamFile(
  path: string,
  size: number,
  options: NodeReadOptions & { file: string },
  chunkBytes: number,
): Table | undefined {
  const fd = openSync(path, "r");
  try {
    let position = 0;
    const stream = new ByteStream(
      {
        read(into, at, length) {
          let n = 0;
          while (n < length) {
            const read = readSync(fd, into, at + n, length - n, position);
            if (read === 0) break;
            n += read;
            position += read;
          }
          return n;
        },
      },
      size,
      options.file,
    );
    const magic = stream.peek(4);
    if (isGzip(magic) || isZip(magic)) return undefined;
    const { encoding, head } = stream.sniff();
    if (encoding.startsWith("utf-16")) return undefined;
    const format = options.format ?? sniffFormat(head);
    if (format !== "csv" && format !== "eurostat-tsv") return undefined;
    const pool =
      format === "csv" && options.threads !== 1
        ? startWorkers(size, {
            ...(options.threads !== undefined ? { threads: options.threads } : {}),
            ...(options.parallelAbove !== undefined ? { minBytes: options.parallelAbove } : {}),
          })
        : undefined;
    const parallel: ParallelFile | undefined =
      pool &&
      ((start, encoding, delimiter, plans, trailing) => {
        try {
          return readBodyParallel(pool, path, start, size, encoding, delimiter, plans, options.file, trailing, {
            ...(options.parallelAbove !== undefined ? { minBytes: options.parallelAbove } : {}),
            chunkBytes,
          });
        } catch (error) {
          // the checks at the end of the data raise what one pass raises; anything else of the threads' own
          // (shared memory refused, a worker that cannot be reached) leaves the file to one pass
          if (error instanceof OmvarldError) throw error;
          return undefined;
        }
      });
    try {
      return stream.readDelimited(format, { csv: csvOptions(options), where: options.where }, chunkBytes, parallel);
    } finally {
      pool?.close();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Decompresses gzip data member by member (RFC 1952), checking each member's CRC-32 and length, so that a file cut
 * off, damaged, or followed by other bytes is an error naming the byte where it goes wrong; zlib's own gunzip
 * accepts trailing zeros silently and names no position. Zero bytes after the last member (padding) are ignored.
 * zlib stops as soon as the output passes `maxBytes` (default max(64 MiB, 100 × the compressed size)): a `TOO_LARGE`
 * error.
 *
 * @example
 * gunzip(gzipSync(Buffer.from("a,b\n1,2\n"))) // the 8 bytes back
 */
export function gunzip(bytes: Uint8Array, maxBytes = decompressedLimit(bytes.length)): Uint8Array {
  const parts: Uint8Array[] = [];
  const n = bytes.length;
  let produced = 0;
  let pos = 0;
  while (pos < n) {
    if (pos > 0 && bytes.subarray(pos).every((b) => b === 0)) break;
    if (bytes[pos] !== 0x1f || bytes[pos + 1] !== 0x8b) {
      throw new OmvarldError(
        "PARSE",
        `${n - pos} bytes that are not gzip follow the compressed data, from byte ${pos}`,
        {},
        "the file was appended to or damaged in transfer; download it again",
      );
    }
    const header = gzipHeaderLength(bytes, pos);
    if (header === null) throw gzipCut(n, pos);
    if (bytes[pos + 2] !== 8)
      throw new OmvarldError(
        "PARSE",
        `the gzip member at byte ${pos} uses compression method ${bytes[pos + 2]}, not deflate`,
        {},
        "the file is damaged",
      );
    let inflated: { buffer: Uint8Array; engine: { bytesWritten: number } };
    try {
      const room = maxBytes - produced < kMaxLength ? { maxOutputLength: Math.max(1, maxBytes - produced) } : {};
      inflated = inflateRawSync(bytes.subarray(pos + header), { info: true, ...room }) as unknown as typeof inflated;
    } catch (error) {
      if ((error as { code?: string }).code === "Z_BUF_ERROR") throw gzipCut(n, pos);
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw expansionError("the gzip data", n, maxBytes, { custom: true });
      throw new OmvarldError(
        "PARSE",
        `the gzip data of the member at byte ${pos} are corrupt (zlib: ${(error as Error).message})`,
        {},
        "the file was damaged in transfer; download it again",
      );
    }
    const end = pos + header + inflated.engine.bytesWritten;
    if (end + 8 > n) throw gzipCut(n, pos);
    const view = new DataView(bytes.buffer, bytes.byteOffset + end, 8);
    if (
      view.getUint32(0, true) !== crc32(inflated.buffer) ||
      view.getUint32(4, true) !== inflated.buffer.length % 2 ** 32
    ) {
      throw new OmvarldError(
        "PARSE",
        `the gzip member from byte ${pos} to byte ${end + 8} fails its CRC-32 or length check`,
        {},
        "the file was damaged in transfer; download it again",
      );
    }
    parts.push(inflated.buffer);
    produced += inflated.buffer.length;
    pos = end + 8;
  }
  return concatBytes(parts);
}

function gzipCut(n: number, member: number): OmvarldError {
  return new OmvarldError(
    "FILE_TRUNCATED",
    `the gzip data end too early, at byte ${n}${n - member <= 18 ? " (no more than a gzip header)" : ""}`,
    {},
    "the download was cut off; download the file again",
  );
}

/** Length of the gzip header at `pos` (10 bytes plus the optional fields its flags announce), null when cut off. */
function gzipHeaderLength(bytes: Uint8Array, pos: number): number | null {
  if (pos + 10 > bytes.length) return null;
  const flags = bytes[pos + 3]!;
  let i = pos + 10;
  if (flags & 4) {
    if (i + 2 > bytes.length) return null;
    i += 2 + (bytes[i]! | (bytes[i + 1]! << 8));
  }
  for (const bit of [8, 16]) {
    if (flags & bit) {
      const zero = bytes.indexOf(0, i);
      if (zero < 0) return null;
      i = zero + 1;
    }
  }
  if (flags & 2) i += 2;
  return i > bytes.length ? null : i - pos;
}
