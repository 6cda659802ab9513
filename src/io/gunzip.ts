import { concatBytes } from "./bytes.ts";
import { Gunzip } from "fflate";
import { OmvarldError } from "../errors.ts";
import { decompressedLimit, expansionError, limitSoFar } from "./expansion.ts";

/**
 * CRC-32 tables for eight bytes at a time ("slicing by 8"): table k holds the CRC of a byte followed by k zero bytes.
 * Eight bytes a step ran at 0.7-1.0 GB/s against 0.4 GB/s byte by byte (256 MiB, Node 20), which matters when a large
 * file streams (3 GB: 3-4 s against 7 s).
 */
const CRC_TABLES = /* @__PURE__ */ (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/**
 * CRC-32 (ISO 3309, the polynomial 0xEDB88320 reflected) of the bytes, as gzip stores it; `crc` continues the CRC of
 * the bytes before them.
 *
 * @example
 * crc32(new TextEncoder().encode("123456789")) // 0xCBF43926
 * crc32(new TextEncoder().encode("6789"), crc32(new TextEncoder().encode("12345"))) // 0xCBF43926
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  const n = bytes.length;
  let c = (crc ^ 0xffffffff) >>> 0;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Options of the gzip decompressors. */
export interface GunzipOptions {
  /** The most bytes decompression may produce; default 100 × the compressed size once past 64 MiB (`limitSoFar`). */
  maxDecompressedBytes?: number | undefined;
  /** Name of the file, for errors. */
  file?: string | undefined;
}

/**
 * The uncompressed size the gzip trailer declares (its last 4 bytes: the last member's length modulo 2^32), or 0
 * when the data are too short to have one. For a sound file it is at most the size gunzip produces, so a declared
 * size beyond the limit can be refused before any inflating.
 */
export function declaredGzipSize(bytes: Uint8Array): number {
  if (bytes.length < 18) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length).getUint32(bytes.length - 4, true);
}

/** Compressed bytes handed to fflate per push: each push inflates to at most 1032 times as much (66 MiB). */
const SLICE = 1 << 16;

/**
 * Decompresses gzip data in pieces as they inflate (fflate's streaming inflate, in any runtime), member by member,
 * checking each member's CRC-32 and length (RFC 1952), which fflate itself does not: damaged data, bytes that are
 * not gzip after the last member, or a cut-off file are an error (after the pieces before the damage), never
 * silently different text. Zero bytes after the last member (padding) are ignored. Decompression stops with a
 * `TOO_LARGE` error as soon as it passes the limit (by default checked against the compressed bytes read so far, see
 * `limitSoFar`; when the trailer declares more than the limit, before any piece is yielded).
 *
 * @example
 * let n = 0;
 * for (const piece of gunzipPieces(gzipSync(Buffer.from("a,b\n1,2\n")))) n += piece.length; // n = 8
 */
export function* gunzipPieces(bytes: Uint8Array, options: GunzipOptions = {}): Generator<Uint8Array> {
  const limit = decompressedLimit(bytes.length, options.maxDecompressedBytes);
  const custom = options.maxDecompressedBytes !== undefined;
  // a trailer declaring more than the limit is believed only once inflating has passed the limit: the last bytes
  // of a file cut off in transfer declare anything. Counting first (nothing kept) costs inflating up to the limit,
  // where reading on would parse all of it.
  if (declaredGzipSize(bytes) > limit)
    for (const piece of inflateMembers(bytes, limit, custom, options.file)) void piece;
  yield* inflateMembers(bytes, limit, custom, options.file);
}

function* inflateMembers(
  bytes: Uint8Array,
  limit: number,
  custom: boolean,
  file: string | undefined,
): Generator<Uint8Array> {
  const n = bytes.length;
  if (n >= 3 && bytes[2] !== 8) {
    throw new OmvarldError(
      "PARSE",
      `the gzip member at byte 0 uses compression method ${bytes[2]}, not deflate`,
      { file },
      "the file is damaged",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  const trailerAt = (end: number, m: Member) =>
    end - 8 >= m.start + 10 &&
    end <= n &&
    view.getUint32(end - 8, true) === m.crc &&
    view.getUint32(end - 4, true) === m.length % 2 ** 32;
  const members: Member[] = [{ start: 0, crc: 0, length: 0 }];
  const ready: Uint8Array[] = [];
  let produced = 0;
  let pushed = 0;
  const stream = new Gunzip((chunk) => {
    if (chunk.length === 0) return;
    const member = members.at(-1)!;
    member.crc = crc32(chunk, member.crc);
    member.length += chunk.length;
    produced += chunk.length;
    const allowed = limitSoFar(pushed, limit, custom);
    if (produced > allowed) throw expansionError("the gzip data", pushed, allowed, { file, custom });
    ready.push(chunk);
  });
  // a member's trailer sits just before the next member
  stream.onmember = (offset) => {
    const member = members.at(-1)!;
    if (!trailerAt(offset, member)) throw damaged(member.start, offset, file);
    members.push({ start: offset, crc: 0, length: 0 });
  };
  // fflate stops with "invalid gzip data" at bytes after the last member that are no gzip header, zero padding
  // included, and with "unexpected EOF" at fewer than 4 of them: what they are is decided below, from the trailer
  let failure: string | null = null;
  try {
    for (let at = 0; at < n; at += SLICE) {
      pushed = Math.min(n, at + SLICE);
      stream.push(bytes.subarray(at, pushed), pushed === n);
      if (ready.length > 0) yield* ready.splice(0);
    }
  } catch (error) {
    if (error instanceof OmvarldError) throw error;
    failure = String((error as Error).message ?? error);
  }
  if (ready.length > 0) yield* ready.splice(0);
  const last = members.at(-1)!;
  // the last member's trailer ends where only zeros follow (its length field may itself end in zeros)
  let padded = n;
  while (padded > last.start && bytes[padded - 1] === 0) padded--;
  let end = padded;
  while (end < Math.min(n, padded + 8) && !trailerAt(end, last)) end++;
  if (trailerAt(end, last)) return;
  // not at the end: found further in, the bytes after it are not gzip (or a member cut in its header)
  end = findTrailer(bytes, last);
  if (end > 0 && (failure === null || /invalid gzip data|unexpected EOF/i.test(failure))) {
    // a member that starts after it but ends too early (fflate lets one cut inside its header pass)
    if (bytes[end] === 0x1f && bytes[end + 1] === 0x8b) throw cutOff(n, end, file);
    throw new OmvarldError(
      "PARSE",
      `${n - end} bytes that are not gzip follow the compressed data, from byte ${end}`,
      { file },
      "the file was appended to or damaged in transfer; download it again",
    );
  }
  if (failure !== null && /unexpected EOF/i.test(failure)) throw cutOff(n, last.start, file);
  if (failure !== null && !/invalid gzip data/i.test(failure)) {
    throw new OmvarldError(
      "PARSE",
      `the gzip data of the member at byte ${last.start} are corrupt (${failure})`,
      { file },
      "the file was damaged in transfer; download it again",
    );
  }
  throw damaged(last.start, n, file);
}

interface Member {
  start: number;
  crc: number;
  length: number;
}

/** One past the first place after the member's header where its CRC-32 and length stand, or 0. */
function findTrailer(bytes: Uint8Array, member: Member): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const first = member.crc & 0xff;
  for (
    let i = bytes.indexOf(first, member.start + 10);
    i >= 0 && i + 8 <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  )
    if (view.getUint32(i, true) === member.crc && view.getUint32(i + 4, true) === member.length % 2 ** 32) return i + 8;
  return 0;
}

/**
 * Decompresses gzip data whole in any runtime (see `gunzipPieces`): `readBytes`' default, also for several members.
 * A `TOO_LARGE` error when the data expand beyond `maxDecompressedBytes` (default 100 × their size, once past 64 MiB).
 *
 * @example
 * new TextDecoder().decode(portableGunzip(gzipSync(new TextEncoder().encode("a,b\n1,2\n")))) // "a,b\n1,2\n"
 */
export function portableGunzip(bytes: Uint8Array, options: GunzipOptions = {}): Uint8Array {
  return concatBytes([...gunzipPieces(bytes, options)]);
}

/**
 * Runs a whole-buffer `gunzip` (such as `omvarld/node`'s, on zlib) and turns what it throws into a one-line error:
 * truncated data (zlib `Z_BUF_ERROR`, "unexpected end of file"; also a file that holds only the 10-byte gzip header)
 * and corrupt data or bytes after the compressed stream that are not gzip (`Z_DATA_ERROR`). The position is the
 * byte count of the compressed file.
 */
export function gunzipOrExplain(
  bytes: Uint8Array,
  gunzip: (bytes: Uint8Array) => Uint8Array,
  file: string | undefined,
): Uint8Array {
  try {
    return gunzip(bytes);
  } catch (error) {
    if (error instanceof OmvarldError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = String((error as Error).message ?? error)
      .split("\n")[0]!
      .slice(0, 80);
    if (code === "Z_BUF_ERROR" || /unexpected end/i.test(reason)) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `the gzip data end too early, at byte ${bytes.length}${bytes.length <= 18 ? " (the file holds no more than a gzip header)" : ""}`,
        { file },
        "the download was cut off; download the file again",
      );
    }
    throw new OmvarldError(
      "PARSE",
      `the gzip data are corrupt or followed by bytes that are not gzip (zlib: ${reason}; ${bytes.length} bytes)`,
      { file },
      "the file was damaged in transfer or appended to; download it again",
    );
  }
}

function damaged(start: number, end: number, file: string | undefined): OmvarldError {
  return new OmvarldError(
    "PARSE",
    `the gzip member from byte ${start} to byte ${end} fails its CRC-32 or length check`,
    { file },
    "the file was damaged in transfer; download it again",
  );
}

function cutOff(n: number, member: number, file: string | undefined): OmvarldError {
  return new OmvarldError(
    "FILE_TRUNCATED",
    `the gzip data end too early, at byte ${n}${n - member <= 18 ? " (no more than a gzip header)" : ""}`,
    { file },
    "the download was cut off; download the file again",
  );
}
