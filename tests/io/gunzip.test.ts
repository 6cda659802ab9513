import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { crc32, gunzipPieces, portableGunzip } from "../../src/io/gunzip.ts";
import { readBytes } from "../../src/io/read.ts";
import { fixture, one } from "../helpers.ts";

// Eurostat's bulk demo_r_pjanaggr3, gzipped under a .tsv name, as downloaded
const EUROSTAT = "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv";

function error(f: () => unknown): OmvarldError {
  try {
    f();
  } catch (e) {
    if (e instanceof OmvarldError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("gzip in any runtime (readBytes without a gunzip of its own)", () => {
  test('CRC-32 check value of "123456789" (ISO 3309)', () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  test("readBytes reads Eurostat's gzipped TSV itself: Dalarna's population on 1 January 2018 is Eurostat's 286 165", () => {
    const bytes = readFileSync(fixture(EUROSTAT));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const table = readBytes(bytes, { file: "demo_r_pjanaggr3.tsv", where: { region: ["SE312"] } });
    expect(one(table, { unit: "NR", sex: "T", age: "TOTAL", region: "SE312", year: 2018 })).toBe(286_165);
  });

  test("the same bytes as zlib's gunzip, also for several members", () => {
    const bytes = readFileSync(fixture(EUROSTAT));
    const plain = gunzipSync(bytes);
    expect(Buffer.from(portableGunzip(bytes)).equals(plain)).toBe(true);
    const half = plain.length >> 1;
    const two = Buffer.concat([gzipSync(plain.subarray(0, half)), gzipSync(plain.subarray(half)), Buffer.alloc(16)]);
    expect(Buffer.from(portableGunzip(two)).equals(plain)).toBe(true);
  });

  test("damage is an error naming the place, never different text", () => {
    const good = gzipSync(Buffer.from("region\tvalue\nSE312\t286165\n".repeat(50)));
    const flipped = Buffer.from(good);
    flipped[good.length - 12]! ^= 0x01; // a bit in the last deflate bytes or the CRC
    expect(error(() => portableGunzip(flipped)).message).toMatch(/fails its CRC-32 or length check|corrupt/);
    const cut = error(() => portableGunzip(good.subarray(0, good.length - 20)));
    expect(cut.code).toBe("FILE_TRUNCATED");
    expect(cut.message).toMatch(new RegExp(`end too early, at byte ${good.length - 20}`));
    expect(error(() => portableGunzip(Buffer.concat([good, Buffer.from("<html>")]))).message).toBe(
      `6 bytes that are not gzip follow the compressed data, from byte ${good.length}`,
    );
    // through readBytes: one line with the file's name
    const named = error(() => readBytes(good.subarray(0, 15), { file: "x.tsv.gz" }));
    expect([named.code, named.file, named.message]).toEqual([
      "FILE_TRUNCATED",
      "x.tsv.gz",
      "the gzip data end too early, at byte 15 (no more than a gzip header)",
    ]);
  });
});

describe("gzip as a stream (gunzipPieces)", () => {
  test("CRC-32 continues over pieces: the check value of '123456789' from '12345' and '6789'", () => {
    const enc = new TextEncoder();
    expect(crc32(enc.encode("6789"), crc32(enc.encode("12345")))).toBe(0xcbf43926);
  });

  test("Eurostat's gzipped TSV inflates in pieces of at most 1032 × 64 KiB that join to zlib's bytes", () => {
    const bytes = readFileSync(fixture(EUROSTAT));
    const pieces = [...gunzipPieces(bytes)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(1032 * 65_536);
    expect(Buffer.concat(pieces).equals(gunzipSync(bytes))).toBe(true);
  });

  test("1 to 3 zero bytes of padding are padding; a second member cut in its header is a cut file", () => {
    const text = Buffer.from("region\tvalue\nSE312\t286165\n".repeat(50));
    const good = gzipSync(text);
    for (const zeros of [1, 2, 3, 4, 100])
      expect(Buffer.from(portableGunzip(Buffer.concat([good, Buffer.alloc(zeros)]))).equals(text)).toBe(true);
    const cut = error(() => portableGunzip(Buffer.concat([good, good.subarray(0, 6)])));
    expect([cut.code, cut.message]).toEqual([
      "FILE_TRUNCATED",
      `the gzip data end too early, at byte ${good.length + 6} (no more than a gzip header)`,
    ]);
    // a member damaged inside: its CRC-32 fails, named by its bytes
    const second = gzipSync(text);
    second[second.length - 7]! ^= 0x10;
    expect(error(() => portableGunzip(Buffer.concat([good, second, good]))).message).toBe(
      `the gzip member from byte ${good.length} to byte ${good.length + second.length} fails its CRC-32 or length check`,
    );
  });
});
