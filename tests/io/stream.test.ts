import { describe, expect, test } from "vitest";
import { read } from "../../src/node.ts";
import { fixture } from "../helpers.ts";

// Large unquoted CSVs are streamed in chunks; here the threshold and the chunk size are lowered so that real files
// cross many chunk boundaries, and the result must equal reading the file whole.
describe("streamed CSV", () => {
  test.each([
    ["tf/no-regions-2003-2016.csv", 65_536, "utf-8"],
    ["scb/Cawke99-Dalarna__bilinnehav_2.csv", 200, "windows-1252"],
    ["ssb/Lagostra-population-center__data__befolkning.csv", 1000, "utf-8-bom"],
    ["scb/anderssundell-stathelp__data__population2018.csv", 512, "utf-8-bom"],
  ])("%s in chunks of %i bytes", (path, chunkBytes, encoding) => {
    const whole = read(fixture(path));
    const streamed = read(fixture(path), { streamAbove: 0, chunkBytes });
    expect(streamed.provenance.encoding).toBe(encoding);
    expect(streamed.toRows()).toEqual(whole.toRows());
    expect(streamed.warnings).toEqual(whole.warnings);
  });

  test("a file with quotes is streamed too, in chunks that end at record ends", () => {
    const streamed = read(fixture("scb/anderssundell-stathelp__data__befolkning.csv"), {
      streamAbove: 0,
      chunkBytes: 256,
    });
    expect(streamed.numRows).toBe(290);
  });
});
