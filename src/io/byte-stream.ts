import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import type { Body, Chunk, ColumnPlan } from "./csv/body.ts";
import { recordCut } from "./csv/chunks.ts";
import { decoderFor, type Encoding, sniffEncoding, utf8Kind } from "./decode.ts";
import { decompressedLimit, expansionError } from "./expansion.ts";
import { declaredGzipSize, gunzipOrExplain, gunzipPieces } from "./gunzip.ts";
import type { ReadOptions } from "./read.ts";
import { type CsvOptions, readCsvChunks } from "./readers/csv.ts";
import { readEurostatChunks } from "./readers/eurostat.ts";

/**
 * Reads a file's data rows on several threads (see `readBodyParallel`), given the header row's byte offset, the
 * encoding, the delimiter and the column plans; undefined to read them in one pass.
 */
export type ParallelFile = (
  start: number,
  encoding: Encoding,
  delimiter: string,
  plans: ColumnPlan[],
  trailing: boolean,
) => Body | undefined;

/** Bytes read in order: a file through its descriptor, or what gunzip produces. */
export interface ByteSource {
  /** Reads up to `length` bytes into `into` at `at`, as many as there are: fewer only at the end (0 after it). */
  read(into: Uint8Array, at: number, length: number): number;
}

/** A source over pieces of bytes as they come (gunzip's output), copied out as they are read. */
export function piecesSource(pieces: Iterable<Uint8Array>): ByteSource {
  const iterator = pieces[Symbol.iterator]();
  let piece: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return {
    read(into, at, length) {
      let n = 0;
      while (n < length) {
        if (offset === piece.length) {
          const next = iterator.next();
          if (next.done) break;
          piece = next.value;
          offset = 0;
          continue;
        }
        const take = Math.min(length - n, piece.length - offset);
        into.set(piece.subarray(offset, offset + take), at + n);
        offset += take;
        n += take;
      }
      return n;
    },
  };
}

/** Bytes probed for the encoding and the format: 1 MiB, cut at the last line end in it. */
const PROBE = 1 << 20;

/** Chunk size when reading a stream (bytes). */
export const STREAM_CHUNK = 1 << 24;

/**
 * A stream of bytes read ahead as far as asked (`holdsMoreThan`, `sniff`), then either read whole (`all`) or as CSV or
 * Eurostat TSV in chunks that end at record ends (`readDelimited`), so that memory holds the table, not the text.
 */
export class ByteStream {
  readonly #source: ByteSource;
  readonly #file: string | undefined;
  /** The bytes read ahead; `#length` of them are filled. */
  #ahead = new Uint8Array(0);
  #length = 0;
  #ended = false;
  #sniffed: { encoding: Encoding; bom: number; head: string } | null = null;
  /** Bytes to expect in all (a hint for sizing the column builders). */
  readonly size: number;

  constructor(source: ByteSource, size: number, file: string | undefined) {
    this.#source = source;
    this.size = size;
    this.#file = file;
  }

  /** Reads ahead until `n` bytes are held or the stream ends. */
  #fill(n: number): void {
    while (!this.#ended && this.#length < n) {
      if (this.#ahead.length < n) {
        const larger = new Uint8Array(Math.max(n, Math.min(2 * this.#ahead.length, 2 ** 32)));
        larger.set(this.#ahead.subarray(0, this.#length));
        this.#ahead = larger;
      }
      const want = this.#ahead.length - this.#length;
      const read = this.#source.read(this.#ahead, this.#length, want);
      this.#length += read;
      if (read < want) this.#ended = true;
    }
  }

  /** True when the stream holds more than `n` bytes (it reads ahead `n` + 1 of them). */
  holdsMoreThan(n: number): boolean {
    this.#fill(n + 1);
    return this.#length > n;
  }

  /** The first bytes (up to `n`, fewer when the stream is shorter). */
  peek(n: number): Uint8Array {
    this.#fill(n);
    return this.#ahead.subarray(0, Math.min(n, this.#length));
  }

  /** The encoding, the byte order mark's length and the text of the first MiB (to its last line end). */
  sniff(): { encoding: Encoding; bom: number; head: string } {
    if (this.#sniffed) return this.#sniffed;
    const probe = this.peek(PROBE);
    const cut = probe.length < PROBE ? probe.length : probe.lastIndexOf(10) + 1 || probe.length;
    const { encoding, bom } = sniffEncoding(probe.subarray(0, cut), this.#file);
    const head = encoding.startsWith("utf-16") ? "" : decoderFor(encoding).decode(probe.subarray(bom, cut));
    this.#sniffed = { encoding, bom, head };
    return this.#sniffed;
  }

  /** All the bytes. */
  all(): Uint8Array {
    while (!this.#ended) this.#fill(Math.max(PROBE, 2 * this.#ahead.length));
    return this.#ahead.subarray(0, this.#length);
  }

  /**
   * Reads CSV or Eurostat TSV in chunks of `chunkBytes` that end at record ends (quoted or not); a record longer than
   * a chunk makes its chunk larger. A file sniffed as UTF-8 that turns out to hold other bytes further on is read as
   * Windows-1252 from there, unless UTF-8 characters came before (then it mixes encodings: an error).
   */
  readDelimited(
    format: "csv" | "eurostat-tsv",
    options: { csv: CsvOptions; where?: ReadOptions["where"] },
    chunkBytes = STREAM_CHUNK,
    parallel?: ParallelFile,
  ): Table {
    const file = this.#file;
    const { bom, head } = this.sniff();
    let encoding = this.sniff().encoding;
    let decoder = decoderFor(encoding);
    let sawNonAscii = false;
    let started = false;
    const source = this.#source;
    // the bytes read ahead from `start` on, handed over once, and whether the source has ended
    const take = (start: number) => {
      const held = this.#ahead.subarray(Math.min(start, this.#length), this.#length);
      this.#ahead = new Uint8Array(0);
      this.#length = 0;
      return { held, ended: this.#ended };
    };
    // the header's offset counts characters of the head: bytes in Windows-1252, more of them in UTF-8
    const startOf = (headerOffset: number) =>
      bom + (encoding === "windows-1252" ? headerOffset : new TextEncoder().encode(head.slice(0, headerOffset)).length);
    function* chunks(headerOffset: number): Generator<Chunk> {
      if (started) throw new Error("a byte stream is read once");
      started = true;
      const start = startOf(headerOffset);
      const { held, ended: over } = take(start);
      let buffer = new Uint8Array(Math.max(chunkBytes, held.length));
      buffer.set(held);
      let carry = held.length;
      let ended = over;
      for (;;) {
        const want = buffer.length - carry;
        const read = ended ? 0 : source.read(buffer, carry, want);
        if (read < want) ended = true;
        const total = carry + read;
        const final = ended;
        let end = final ? total : recordCut(buffer, total);
        if (end === 0) {
          // one record longer than the buffer (a quoted cell with many line breaks): read on in a larger one
          if (buffer.length >= 1 << 30) end = total;
          else {
            const larger = new Uint8Array(buffer.length * 2);
            larger.set(buffer.subarray(0, total));
            buffer = larger;
            carry = total;
            continue;
          }
        }
        const bytes = buffer.subarray(0, end);
        if (encoding === "utf-8") {
          const kind = utf8Kind(bytes);
          if (kind === "invalid") {
            if (sawNonAscii) {
              throw new OmvarldError(
                "PARSE",
                "the file mixes UTF-8 and another encoding",
                { file },
                "save it again in one encoding",
              );
            }
            encoding = "windows-1252";
            decoder = decoderFor(encoding);
          } else if (kind === "utf-8") sawNonAscii = true;
        }
        const decode = decoder;
        yield { bytes, decode: (s, e) => decode.decode(bytes.subarray(s, e)), final };
        if (final) return;
        buffer.copyWithin(0, end, total);
        carry = total - end;
      }
    }
    const table =
      format === "eurostat-tsv"
        ? readEurostatChunks(
            (function* () {
              for (const chunk of chunks(0)) yield chunk.decode(0, chunk.bytes.length);
            })(),
            { file, where: options.where },
          )
        : readCsvChunks(
            head,
            chunks,
            Math.max(0, this.size - bom),
            options.csv,
            parallel &&
              ((headerOffset, delimiter, plans, trailing) =>
                parallel(startOf(headerOffset), encoding, delimiter, plans, trailing)),
          );
    return table.withProvenance({ encoding, ...(file ? { file } : {}) });
  }
}

/**
 * Decompressed sizes up to which `omvarld/node`'s zlib gunzips whole (64 MiB): zlib inflates 4-5 times faster than
 * fflate (Eurostat's 6 MB demo_r_pjanaggr3: 25 ms against 115-180 ms, fresh processes), and the text of such a file
 * costs little memory. Larger data are streamed, so that memory follows the rows kept.
 */
const WHOLE = 1 << 26;

/**
 * Gunzips for `readBytes`: whole with `options.gunzip` (zlib, from `omvarld/node`) when the trailer declares at most
 * 64 MiB (and it inflates to at most 128 MiB), else as a stream (fflate) that the caller reads ahead, then whole or in
 * chunks. Either way decompression stops at the limit (`maxDecompressedBytes`, default max(64 MiB, 100 × the
 * compressed size)).
 */
export function gunzipForRead(
  bytes: Uint8Array,
  options: Pick<ReadOptions, "gunzip" | "maxDecompressedBytes" | "file">,
): Uint8Array | ByteStream {
  const file = options.file;
  const limit = decompressedLimit(bytes.length, options.maxDecompressedBytes);
  const custom = options.maxDecompressedBytes !== undefined;
  const declared = declaredGzipSize(bytes);
  const gunzip = options.gunzip;
  if (gunzip && declared <= WHOLE) {
    // zlib holds what it inflates: at most twice what the trailer declares, then the data are streamed after all
    const cap = Math.min(limit, 2 * WHOLE);
    try {
      const out = gunzipOrExplain(bytes, (b) => gunzip(b, cap), file);
      if (out.length > limit) throw expansionError("the gzip data", bytes.length, limit, { file, custom });
      return out;
    } catch (error) {
      if (!(error instanceof OmvarldError && error.code === "TOO_LARGE")) throw error;
      if (cap === limit) throw expansionError("the gzip data", bytes.length, limit, { file, custom });
      // several members (the trailer declares the last one's size), or a trailer that lies: streamed below
    }
  }
  const pieces = gunzipPieces(bytes, { file, maxDecompressedBytes: options.maxDecompressedBytes });
  // the declared size sizes the column builders where it is believable (Eurostat's files expand 3-11 times)
  const size = Math.min(limit, 32 * bytes.length, Math.max(declared, bytes.length));
  return new ByteStream(piecesSource(pieces), size, file);
}
