import { concatBytes } from "../bytes.ts";
import { Inflate } from "fflate";
import { OmvarldError } from "../../errors.ts";
import { decompressedLimit, expansionError, limitSoFar } from "../expansion.ts";

/**
 * Inflates raw DEFLATE data (no zlib header) whole; `size` is the inflated size the archive declares, a hint for the
 * output buffer, and `maxBytes` the most it may produce (beyond it, it throws). `omvarld/node` passes zlib's native
 * inflateRawSync.
 */
export type InflateRaw = (bytes: Uint8Array, size?: number, maxBytes?: number) => Uint8Array;

/** An entry of a zip archive: its compressed data and the size it declares. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 DEFLATE. */
  method: number;
  data: Uint8Array;
  /** The uncompressed size the central directory declares (0xFFFFFFFF: not given, a ZIP64 archive). */
  size: number;
}

/**
 * Entries that declare at most this (64 MiB) are inflated whole by the `inflate` given (zlib: on SSB's 2.3 MB
 * commuting workbook, 26 MB of sheet XML, fflate's JavaScript inflate took 0.43 s in a fresh process, zlib 0.13 s);
 * larger ones by fflate's streaming inflate, piece by piece, so that the sheet's text is never held whole.
 */
const WHOLE = 1 << 26;

/** Compressed bytes handed to fflate per push: each push inflates to at most 1032 times as much (66 MiB). */
const SLICE = 1 << 16;

/**
 * The entries of a zip archive whose names pass `wanted`, read from the central directory at the end of the archive,
 * and inflated on demand (stored or DEFLATE), in pieces or whole. Written here rather than through fflate's
 * `unzipSync` so that Node can inflate natively, and so that what the entries inflate to is bounded: together at
 * most `maxDecompressedBytes` (default max(64 MiB, 100 × the archive's size), and for an entry inflated in pieces no
 * more than 100 times what was read of it once past 64 MiB), stopped as soon as inflating passes it; an entry that
 * declares more than the limit is first inflated with nothing kept, up to the limit, before anything is parsed.
 */
export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  readonly #file: string | undefined;
  readonly #native: InflateRaw | undefined;
  readonly #limit: number;
  readonly #custom: boolean;
  readonly #compressed: number;
  #produced = 0;

  constructor(
    bytes: Uint8Array,
    wanted: (name: string) => boolean,
    options: { file?: string | undefined; inflate?: InflateRaw | undefined; maxDecompressedBytes?: number | undefined },
  ) {
    const file = (this.#file = options.file);
    this.#native = options.inflate;
    this.#compressed = bytes.length;
    this.#limit = decompressedLimit(bytes.length, options.maxDecompressedBytes);
    this.#custom = options.maxDecompressedBytes !== undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const damaged = (what: string) => zipDamaged(what, file);
    // the end-of-central-directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw damaged("no central directory at its end");
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const names = new TextDecoder("utf-8");
    for (let k = 0; k < count; k++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
        throw damaged(`entry ${k + 1} of ${count} of the central directory is missing`);
      const method = view.getUint16(at + 10, true);
      const compressed = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const local = view.getUint32(at + 42, true);
      const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\//, "");
      at += 46 + nameLength + extra + comment;
      if (!wanted(name)) continue;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
        throw damaged(`the data of ${name} are missing`);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressed > bytes.length) throw damaged(`${name} is cut off`);
      if (method !== 0 && method !== 8)
        throw new OmvarldError(
          "FORMAT_UNKNOWN",
          `${name} is compressed with method ${method}, which is not DEFLATE`,
          { file },
          "save the workbook again from Excel or LibreOffice",
        );
      this.entries.set(name, { name, method, data: bytes.subarray(start, start + compressed), size });
    }
  }

  /** The entry named so, case aside (Excel writes "xl/worksheets/sheet1.xml", others "xl/Worksheets/Sheet1.xml"). */
  entry(name: string): ZipEntry | undefined {
    const lower = name.toLowerCase();
    for (const [key, entry] of this.entries) if (key.toLowerCase() === lower) return entry;
    return undefined;
  }

  /** The entry's bytes as they inflate, in pieces; an error once all entries inflated pass the limit. */
  *pieces(entry: ZipEntry): Generator<Uint8Array> {
    const room = this.#limit - this.#produced;
    // a declared size beyond the limit is checked by inflating up to the limit with nothing kept: a damaged
    // directory may declare anything, and reading on would parse all that the entry inflates to
    if (entry.method === 8 && entry.size !== 0xffffffff && entry.size > room) {
      let produced = 0;
      for (const piece of this.#inflate(entry, room))
        if ((produced += piece.length) > room) throw this.#tooLarge(entry);
    }
    if (entry.method === 0) {
      this.#count(entry, entry.data.length);
      yield entry.data;
      return;
    }
    const inflate = this.#native;
    if (inflate && entry.size <= WHOLE) {
      // zlib holds what it inflates: at most twice what the entry declares, else it is inflated in pieces after all
      const cap = Math.min(room, 2 * WHOLE);
      let out: Uint8Array | null = null;
      try {
        out = inflate(entry.data, entry.size, Math.max(1, cap));
      } catch (error) {
        if ((error as { code?: unknown }).code !== "ERR_BUFFER_TOO_LARGE")
          throw zipDamaged(`${entry.name} cannot be inflated (${(error as Error).message})`, this.#file);
        if (cap === room) throw this.#tooLarge(entry);
      }
      if (out !== null) {
        this.#count(entry, out.length);
        yield out;
        return;
      }
    }
    for (const piece of this.#inflate(entry, room)) {
      this.#count(entry, piece.length);
      yield piece;
    }
  }

  /**
   * fflate's streaming inflate of the entry, in pieces of at most 1032 × 64 KiB; by default an error once the entry
   * inflates to more than 100 times what was read of it, past 64 MiB (see `limitSoFar`).
   */
  *#inflate(entry: ZipEntry, room: number): Generator<Uint8Array> {
    const ready: Uint8Array[] = [];
    let produced = 0;
    let pushed = 0;
    const stream = new Inflate((chunk) => {
      produced += chunk.length;
      const allowed = limitSoFar(pushed, room, this.#custom);
      if (produced > allowed && allowed < room)
        throw expansionError(`the inflated data of ${entry.name}`, pushed, allowed, { file: this.#file });
      if (chunk.length > 0) ready.push(chunk);
    });
    const data = entry.data;
    for (let at = 0; at < data.length || at === 0; at += SLICE) {
      pushed = Math.min(data.length, at + SLICE);
      try {
        stream.push(data.subarray(at, pushed), pushed === data.length);
      } catch (error) {
        if (error instanceof OmvarldError) throw error;
        throw zipDamaged(`${entry.name} cannot be inflated (${(error as Error).message})`, this.#file);
      }
      if (ready.length > 0) yield* ready.splice(0);
    }
  }

  /** The entry's bytes, whole. */
  bytes(entry: ZipEntry): Uint8Array {
    return concatBytes([...this.pieces(entry)]);
  }

  #count(entry: ZipEntry, n: number): void {
    this.#produced += n;
    if (this.#produced > this.#limit) throw this.#tooLarge(entry);
  }

  #tooLarge(entry: ZipEntry): OmvarldError {
    return expansionError(`the workbook's entries (at ${entry.name})`, this.#compressed, this.#limit, {
      file: this.#file,
      custom: this.#custom,
    });
  }
}

function zipDamaged(what: string, file: string | undefined): OmvarldError {
  return new OmvarldError(
    "FILE_TRUNCATED",
    `the zip archive is damaged: ${what}`,
    { file },
    "the .xlsx file may be cut off: download or save it again",
  );
}
