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
 * max(64 MiB, 100 × compressed).
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
 * The error for data that decompress beyond their limit, naming what was decompressed, the compressed bytes, the
 * limit passed, the ratio and the option that raises the limit.
 *
 * @example
 * expansionError("the gzip data", 8_731_565, 873_156_500, { file: "x.csv.gz" }).toString()
 * // "x.csv.gz: the gzip data expand to more than 873156500 bytes from 8731565 compressed bytes (a ratio above
 * //  100:1), beyond maxDecompressedBytes = 873156500 (the default: 100 times the compressed size, at least
 * //  67108864 bytes) (hint: ...)"
 */
export function expansionError(
  what: string,
  compressed: number,
  limit: number,
  options: { file?: string | undefined; custom?: boolean } = {},
): OmvarldError {
  const ratio = Math.floor(limit / Math.max(1, compressed));
  const rule = options.custom
    ? ""
    : ` (the default: ${MAX_EXPANSION} times the compressed size, at least ${MIN_DECOMPRESSED_LIMIT} bytes)`;
  const suggestion = Math.min(1000, Math.ceil((4 * limit) / 1e9));
  return new OmvarldError(
    "TOO_LARGE",
    `${what} expand to more than ${limit} bytes from ${compressed} compressed bytes (a ratio above ${ratio}:1), ` +
      `beyond maxDecompressedBytes = ${limit}${rule}`,
    { file: options.file },
    "agency files expand 3 to 12 times; if this one is genuine, raise the read option maxDecompressedBytes " +
      `(e.g. { maxDecompressedBytes: ${suggestion}e9 }, or Infinity)`,
  );
}

/** V8's longest string (2^29 - 24 characters): text beyond it cannot be one string. */
export const MAX_STRING = 0x1fffffe8;
