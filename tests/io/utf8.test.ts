import fc from "fast-check";
import { expect, test } from "vitest";
import { isUtf8 } from "../../src/io/decode.ts";

const fatal = (b: Uint8Array) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

test("isUtf8 agrees with a fatal TextDecoder", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
      expect(isUtf8(b)).toBe(fatal(b));
    }),
    { numRuns: 20000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: "binary" }), (s) => {
      expect(isUtf8(new TextEncoder().encode(s))).toBe(true);
    }),
  );
});

test("isUtf8 on long, mostly ASCII bytes at every alignment (the four-byte skip) agrees with a fatal TextDecoder", () => {
  const byte = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
  );
  fc.assert(
    fc.property(fc.array(byte, { maxLength: 64 }), fc.integer({ min: 0, max: 3 }), (bytes, offset) => {
      const buffer = new Uint8Array(bytes.length + offset);
      buffer.set(bytes, offset);
      const view = buffer.subarray(offset);
      expect(isUtf8(view)).toBe(fatal(view));
    }),
    { numRuns: 20000 },
  );
});
