import { Gunzip } from "fflate";
import { OmvarldError } from "../errors.ts";

const CRC_TABLE = /* @__PURE__ */ (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (ISO 3309, the polynomial 0xEDB88320 reflected) of the bytes, as gzip stores it.
 *
 * @example
 * crc32(new TextEncoder().encode("123456789")) // 0xCBF43926
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Decompresses gzip data in any runtime (fflate's streaming inflate, in JavaScript), member by member, and checks
 * each member's CRC-32 and length (RFC 1952), which fflate itself does not: damaged data, bytes that are not gzip
 * after the last member, or a cut-off file are an error, never silently different text. Zero bytes after the last
 * member (padding) are ignored. `read()` in `omvarld/node` uses zlib instead; this is `readBytes`'s default.
 *
 * @example
 * new TextDecoder().decode(portableGunzip(gzipSync(new TextEncoder().encode("a,b\n1,2\n")))) // "a,b\n1,2\n"
 */
export function portableGunzip(bytes: Uint8Array): Uint8Array {
  const members: { start: number; parts: Uint8Array[]; length: number }[] = [{ start: 0, parts: [], length: 0 }];
  const stream = new Gunzip({}, (chunk) => {
    if (chunk.length === 0) return;
    const member = members.at(-1)!;
    member.parts.push(chunk);
    member.length += chunk.length;
  });
  stream.onmember = (offset) => members.push({ start: offset, parts: [], length: 0 });
  // fflate stops with "invalid gzip data" at bytes after the last member that are no gzip header, zero padding
  // included: whether they are only padding is decided below, from the last member's trailer
  let failure: string | null = null;
  try {
    stream.push(bytes, true);
  } catch (error) {
    const reason = String((error as Error).message ?? error);
    if (/unexpected EOF/i.test(reason)) throw cutOff(bytes.length, members.at(-1)!.start);
    failure = reason;
  }
  // zero bytes after the last member are padding; its trailer's length field may itself end in zeros
  let padded = bytes.length;
  while (padded > members.at(-1)!.start && bytes[padded - 1] === 0) padded--;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const trailerAt = (end: number, start: number, out: Uint8Array, crc: number) =>
    end - 8 >= start + 10 &&
    view.getUint32(end - 8, true) === crc &&
    view.getUint32(end - 4, true) === out.length % 2 ** 32;
  members.forEach((member, k) => {
    const last = k === members.length - 1;
    const out = concat(member.parts, member.length);
    const crc = crc32(out);
    // a member's trailer sits just before the next member; the last one's at the end, before any padding
    let end = last ? padded : members[k + 1]!.start;
    if (last) while (end < Math.min(bytes.length, padded + 8) && !trailerAt(end, member.start, out, crc)) end++;
    if (!trailerAt(end, member.start, out, crc)) {
      throw new OmvarldError(
        "PARSE",
        `the gzip member from byte ${member.start} fails its CRC-32 or length check${last ? ", or bytes that are not gzip follow it" : ""}${failure ? ` (${failure})` : ""}`,
        {},
        "the file was damaged in transfer or appended to; download it again",
      );
    }
    member.parts = [out];
  });
  return concat(
    members.map((m) => m.parts[0]!),
    members.reduce((s, m) => s + m.length, 0),
  );
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function cutOff(n: number, member: number): OmvarldError {
  return new OmvarldError(
    "FILE_TRUNCATED",
    `the gzip data end too early, at byte ${n}${n - member <= 18 ? " (no more than a gzip header)" : ""}`,
    {},
    "the download was cut off; download the file again",
  );
}
