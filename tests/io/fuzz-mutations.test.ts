import { describe, expect, test } from "vitest";
import { loadCorpus } from "./fuzz/corpus.ts";
import { classify, reference } from "./fuzz/harness.ts";
import { MUTATIONS } from "./fuzz/mutations.ts";
import { rng } from "./fuzz/prng.ts";

// The mutations that reproduce the readers' defects from real fixtures, each applied to one base: the bytes they
// write, and how the harness classifies what the readers make of them.

const bases = loadCorpus();
const base = (name: string) => bases.find((b) => b.name === name)!;
const mutation = (name: string) => MUTATIONS.find((m) => m.name === name)!;
const text = (bytes: Uint8Array, encoding: "utf-8" | "latin1" = "utf-8") => Buffer.from(bytes).toString(encoding);
/** A case's detail without the escaping of its quotes. */
const unescape = (detail: string) => detail.replaceAll('\\"', '"');

/** The mutation applied to the base with the PRNG seeded `seed`, and its outcome. */
function run(mutationName: string, baseName: string, seed = 1) {
  const m = mutation(mutationName);
  const b = base(baseName);
  const bytes = m.mutate(b, rng(seed))!;
  const expectation = typeof m.expect === "function" ? m.expect(b) : m.expect;
  return { bytes, ...classify(bytes, b, reference(b)!, expectation) };
}

describe("fuzz mutations for the readers' defects", () => {
  test("px-values-short: the last text of a variable dropped, its CODES complete; an error naming keyword and counts", () => {
    const r = run("px-values-short", "scb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__BE0101N1.px");
    // seed 1 picks kön, whose CODES are "1","2"
    expect(text(r.bytes, "latin1")).toMatch(/^VALUES\("kön"\)="män";$/m);
    expect(r.outcome).toBe("error");
    expect(unescape(r.detail)).toMatch(/\.px:24: VALUES\("kön"\) has 1 entry but CODES\("kön"\) has 2: /);
  });

  test("excel-trailing-delimiters-data: `,,,` on the data lines of the SDMX-CSV, not on its header; the same table", () => {
    const r = run(
      "excel-trailing-delimiters-data",
      "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3_page_linear.csv.gz",
    );
    const lines = text(r.bytes).split("\r\n");
    expect(lines[0]).toBe("DATAFLOW,LAST UPDATE,freq,unit,sex,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG");
    expect(lines[1]).toBe("ESTAT:DEMO_R_PJANAGGR3(1.0),28/09/23 23:00:00,A,NR,T,TOTAL,DE111,2000,582443,,,,");
    expect(r.outcome).toBe("same");
  });

  test("no-final-line-break: a Eurostat TSV's complete last line loads with a warning", () => {
    const name = "eurostat/lahackmoreno-tourism-pressure-europe__reg_area3.tsv";
    const r = run("no-final-line-break", name);
    expect(text(r.bytes).endsWith(" \r\n")).toBe(false);
    expect(r.outcome).toBe("warned");
    expect(r.detail).toMatch(/^the file does not end with a line break: if it was cut off, its last line/);
  });

  test("excel-norwegian-grouping on the Telemarksforsking panel: one locale reads the same; mixed marks refused", () => {
    const name = "tf/no-regions-2003-2016.csv";
    const variants = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => run("excel-norwegian-grouping", name, seed));
    const comma = variants.find((v) => text(v.bytes).includes('"0,61"'))!;
    const point = variants.find((v) => !text(v.bytes).includes('"0,61"'))!;
    expect(text(comma.bytes).split("\n")[1]).toBe(
      'Fylke,1,Østfold,Østfold,0,2003,255.122,"0,61","0,02","0,25",75.780,"-2,38"',
    );
    expect(comma.outcome).toBe("same");
    expect(text(point.bytes).split("\n")[1]).toBe("Fylke,1,Østfold,Østfold,0,2003,255.122,0.61,0.02,0.25,75.780,-2.38");
    expect(point.outcome).toBe("error");
    expect(unescape(point.detail)).toMatch(
      /:2:7: column "population" is ambiguous: "255\.122" may be 255\.122 or 255122; /,
    );
  });

  test("json-size-short: every variant is an error with a JSON path", () => {
    const name = "ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json";
    const details = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => run("json-size-short", name, seed));
    for (const r of details) {
      expect(r.outcome).toBe("error");
      expect(r.detail).toMatch(/: JSON-stat (size|id|dimension\.[^\s:]+): /);
    }
  });

  test("the harness: an error on a file that must load is a false error, an error that misses the point a wrong one", () => {
    const b = base("tf/no-regions-2003-2016.csv");
    const ref = reference(b)!;
    const ragged = Buffer.from("level,code\nFylke,1,2\n");
    expect(classify(ragged, b, ref).outcome).toBe("error");
    expect(classify(ragged, b, ref, "read").outcome).toBe("false-error");
    expect(classify(ragged, b, ref, /is ambiguous/).outcome).toBe("wrong-error");
    expect(classify(ragged, b, ref, /has 3 cells, expected 2/).outcome).toBe("error");
    // the same table read is "same" whatever the expectation
    expect(classify(b.bytes, b, ref, "read").outcome).toBe("same");
  });
});
