import { OmvarldError } from "../errors.ts";

/**
 * How many times its compressed size decompressed data may be by default. Real agency files expand 3-12 times:
 * Eurostat's gzipped TSVs 3.2-3.4, its gzipped SDMX-CSV 10.8, the sheets of SCB's and SSB's XLSX downloads 9.1-12.1
 * (the files in tests/fixtures/real and data/); DEFLATE reaches 1032 at most, and a "zip bomb" sits near it.
 */
export const MAX_EXPANSION = 100;

/** Below this many decompressed bytes (64 MiB) any expansion is allowed: a small file cannot exhaust memory. */
export const MIN_DECOMPRESSED_LIMIT = 1 << 26;

/**
 * The most bytes decompressing `compressed` bytes may produce: `maxDecompressedBytes` when given, else
 * max(64 MiB, 100 × compressed). Where data inflate as a stream, the default is checked along the way against the
 * compressed bytes read so far (see `limitSoFar`), so that a "zip bomb" stops after 64 MiB, not after its limit.
 *
 * @example
 * decompressedLimit(8_731_565) // 873_156_500: a 8.7 MB .csv.gz may expand to 873 MB
 * decompressedLimit(68_802)    // 67_108_864: 64 MiB for a small file
 */
export function decompressedLimit(compressed: number, maxDecompressedBytes?: number): number {
  if (maxDecompressedBytes === undefined) return Math.max(MIN_DECOMPRESSED_LIMIT, MAX_EXPANSION * compressed);
  if (!(maxDecompressedBytes > 0)) {
    throw new OmvarldError(
      "ARGUMENT",
      `maxDecompressedBytes is ${String(maxDecompressedBytes)}, expected a positive number of bytes`,
      {},
      "e.g. { maxDecompressedBytes: 4e9 }, or Infinity for no limit",
    );
  }
  return maxDecompressedBytes;
}

/**
 * The limit after `read` of the compressed bytes were inflated: the default rule (100 × those bytes, once past
 * 64 MiB) applied to what was read, or `maxDecompressedBytes` as given (`custom`). Agency files are tables whose
 * redundancy is spread through them (3 to 12 to 1 over the whole file); data that pass 64 MiB at more than 100 to 1
 * are refused even where later bytes would bring the ratio down.
 *
 * @example
 * limitSoFar(196_608, 873_156_500, false) // 67_108_864: past it, a bomb is refused at 64 MiB
 */
export function limitSoFar(read: number, limit: number, custom: boolean): number {
  return custom ? limit : Math.min(limit, Math.max(MIN_DECOMPRESSED_LIMIT, MAX_EXPANSION * read));
}

/**
 * The error for data that decompress beyond their limit, naming what was decompressed, the compressed bytes (read so
 * far), the limit passed, the ratio and the option that raises the limit.
 *
 * @example
 * expansionError("the gzip data", 8_731_565, 873_156_500, { file: "x.csv.gz" }).toString()
 * // "x.csv.gz: the gzip data expand to more than 873156500 bytes from 8731565 compressed bytes (a ratio above
 * //  100:1), beyond the default limit of maxDecompressedBytes: 100 times the compressed size, once past 67108864
 * //  bytes (hint: ...)"
 */
export function expansionError(
  what: string,
  compressed: number,
  limit: number,
  options: { file?: string | undefined; custom?: boolean } = {},
): OmvarldError {
  const ratio = Math.floor(limit / Math.max(1, compressed));
  const rule = options.custom
    ? `maxDecompressedBytes = ${limit}`
    : `the default limit of maxDecompressedBytes: ${MAX_EXPANSION} times the compressed size, once past ${MIN_DECOMPRESSED_LIMIT} bytes`;
  return new OmvarldError(
    "TOO_LARGE",
    `${what} expand to more than ${limit} bytes from ${compressed} compressed bytes (a ratio above ${ratio}:1), ` +
      `beyond ${rule}`,
    { file: options.file },
    "agency files expand 3 to 12 times; if this one is genuine, raise the read option maxDecompressedBytes " +
      "(e.g. { maxDecompressedBytes: 4e9 }, or Infinity)",
  );
}

/** V8's longest string (2^29 - 24 characters): text beyond it cannot be one string. */
export const MAX_STRING = 0x1fffffe8;
