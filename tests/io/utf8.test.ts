import fc from "fast-check";
import { expect, test } from "vitest";
import { isUtf8 } from "../../src/io/decode.ts";
test("isUtf8 agrees with a fatal TextDecoder", () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
    let ok = true; try { new TextDecoder("utf-8", { fatal: true }).decode(b); } catch { ok = false; }
    expect(isUtf8(b)).toBe(ok);
  }), { numRuns: 20000 });
  fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => { expect(isUtf8(new TextEncoder().encode(s))).toBe(true); }));
});
