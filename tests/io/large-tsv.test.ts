import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { readEurostatChunks, readEurostatTsv } from "../../src/io/readers/eurostat.ts";
import { read } from "../../src/node.ts";
import { fixture, total } from "../helpers.ts";

// Eurostat's TSV is read in pieces (a bulk file unpacks to more than V8's longest string): streamed from a file in
// chunks, or from bytes (a gunzipped .tsv.gz) in pieces. Real files, cut into many pieces, must read as whole.
describe("Eurostat TSV in pieces", () => {
  test.each([
    ["eurostat/lahackmoreno-tourism-pressure-europe__demo_r_pjanaggr3.tsv", 65_536],
    ["eurostat/lahackmoreno-tourism-pressure-europe__reg_area3.tsv", 777],
  ])("%s streamed in chunks of %i bytes", (path, chunkBytes) => {
    const whole = read(fixture(path), { streamAbove: Infinity });
    const streamed = read(fixture(path), { streamAbove: 0, chunkBytes });
    expect(streamed.numRows).toBe(whole.numRows);
    expect(streamed.toRows()).toEqual(whole.toRows());
    expect(streamed.warnings).toEqual(whole.warnings);
    expect(total(streamed)).toBe(total(whole));
  });

  test("pieces cut anywhere, even inside a number, read as the whole text", () => {
    const text = gunzipSync(readFileSync(fixture("eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv"))).toString(
      "utf8",
    );
    const pieces: string[] = [];
    for (let at = 0; at < text.length; at += 997) pieces.push(text.slice(at, at + 997));
    expect(readEurostatChunks(pieces).toRows()).toEqual(readEurostatTsv(text).toRows());
  });

  test("where, streamed: one region's lines, as from the whole file", () => {
    const path = fixture("eurostat/lahackmoreno-tourism-pressure-europe__demo_r_pjanaggr3.tsv");
    const whole = read(path, { streamAbove: Infinity, where: { region: "SE312" } });
    const streamed = read(path, { streamAbove: 0, chunkBytes: 2048, where: { region: "SE312" } });
    expect(whole.numRows).toBeGreaterThan(0);
    expect(streamed.toRows()).toEqual(whole.toRows());
  });

  test("a gunzipped TSV above 4 MiB is read from its bytes in pieces, as the text", () => {
    // the .tsv.gz unpacks to 6 009 825 bytes, over the 4 MiB above which bytes are read in pieces
    const gz = readFileSync(fixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv"));
    const text = gunzipSync(gz).toString("utf8");
    expect(text.length).toBe(6_009_825);
    const pieced = read(gz);
    const whole = readEurostatTsv(text);
    expect(pieced.numRows).toBe(whole.numRows);
    expect(total(pieced)).toBe(total(whole));
    expect(pieced.filter({ region: "SE312" }).toRows()).toEqual(whole.filter({ region: "SE312" }).toRows());
    expect(pieced.filter({ region: "SE312" }).numRows).toBeGreaterThan(100);
  });

  test("a repeated line is left out, a line repeating codes with other values is an error, across pieces", () => {
    const header = "unit,geo\\time\t2020 \t2019 \n";
    const a = "NR,SE1\t10 \t9 \n";
    const b = "NR,SE2\t5 \t4 \n";
    const dup = readEurostatChunks([header + a, b, a]);
    expect(dup.numRows).toBe(4);
    expect(dup.warnings).toEqual(["1 line repeated an earlier line exactly and was left out"]);
    expect(total(dup)).toBe(10 + 9 + 5 + 4);
    expect(() => readEurostatChunks([header + a, b, "NR,SE1\t10 \t8 \n"])).toThrow(
      /line 4 repeats the codes "NR,SE1" of line 2/,
    );
    expect(() => readEurostatChunks([header + a, "NR,SE2\t5"])).toThrow(
      expect.objectContaining({ code: "FILE_TRUNCATED", line: 3 }),
    );
  });
});
