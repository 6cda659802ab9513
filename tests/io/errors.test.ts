import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { readBytes } from "../../src/io/read.ts";
import { read } from "../../src/node.ts";
import { fixture } from "../helpers.ts";

function failure(run: () => unknown): OmvarldError {
  try {
    run();
  } catch (error) {
    if (error instanceof OmvarldError) return error;
    throw new Error(`expected an OmvarldError, got ${String(error)}`, { cause: error });
  }
  throw new Error("expected an error, got none");
}

describe("bad input", () => {
  test("a CSV cut off mid-row names the file, line and column", () => {
    const bytes = readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv"));
    const vansbro = bytes.indexOf(Buffer.from('"2021 Vansbro",'));
    const error = failure(() => readBytes(bytes.subarray(0, vansbro + 15), { file: "befolkning.csv" }));
    expect(error.code).toBe("FILE_TRUNCATED");
    expect(error.file).toBe("befolkning.csv");
    expect(error.line).toBe(223);
    expect(error.toString()).toMatch(/^befolkning\.csv:223:\d+: /);
    expect(error.hint).toMatch(/cut off/);
    // cut inside the number: 68 instead of 6837 cannot be told from a real value, so the table says so
    const midNumber = readBytes(bytes.subarray(0, vansbro + 17), { file: "befolkning.csv" });
    expect(midNumber.warnings.join()).toMatch(/does not end with a line break.*line 223/);
  });

  test("the first bytes of a zip (an xlsx cut off) are refused as a damaged archive with a hint", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
    const error = failure(() => readBytes(xlsx, { file: "annex.xlsx" }));
    expect(error.code).toBe("FILE_TRUNCATED");
    expect(error.toString()).toMatch(
      /^annex\.xlsx: the zip archive is damaged: no central directory at its end \(hint: the \.xlsx file may be cut off/,
    );
  });

  test("a region label without a code among coded ones is an error at its line", () => {
    const text = '"region","2017"\n"0114 Upplands Väsby",44605\n"Atlantis",12\n"2021 Vansbro",6837\n';
    const error = failure(() => readBytes(text, { file: "x.csv" }));
    expect(error.code).toBe("REGION_CODE");
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
    expect(error.message).toMatch(/"Atlantis"/);
  });

  test("text in a number column is an error, never a silent 0", () => {
    const text = '"region","2017"\n"0114 Upplands Väsby",44605\n"2021 Vansbro",6 837\n';
    const error = failure(() => readBytes(text, { file: "x.csv" }));
    expect(error.code).toBe("PARSE");
    expect([error.line, error.column]).toEqual([3, 2]);
    expect(error.message).toMatch(/found "6 837"/);
  });

  test("truncated JSON-stat and PX files", () => {
    const json = readFileSync(fixture("ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json"));
    const cutJson = failure(() => readBytes(json.subarray(0, 5000), { file: "07459.json" }));
    expect(cutJson.code).toBe("FILE_TRUNCATED");
    expect(cutJson.line).toBe(1);
    const px = readFileSync(fixture("scb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__BE0101N1.px"));
    const cutPx = failure(() => readBytes(px.subarray(0, px.length - 60), { file: "BE0101N1.px" }));
    expect(cutPx.code).toBe("FILE_TRUNCATED");
    expect(cutPx.message).toMatch(/DATA block has \d+ values, expected 64/);
  });

  test("an unknown layout: text that is not a table, a table without numbers", () => {
    const text = failure(() => readBytes("hello world\nthis is not a table\n", { file: "notes.txt" }));
    expect(text.code).toBe("FORMAT_UNKNOWN");
    expect(text.toString()).toBe(
      "notes.txt:1: no delimiter found: every line is one cell (hint: expected a CSV with commas, semicolons or tabs, a PX file, JSON-stat or a Eurostat TSV)",
    );
    const names = failure(() => readBytes("code,name\n0114,Upplands Väsby\n", { file: "codes.csv" }));
    expect(names.message).toMatch(/no column holds numbers/);
  });

  test("a missing file and an empty file", () => {
    expect(failure(() => read("no/such/file.csv")).toString()).toBe("no/such/file.csv: no such file");
    expect(failure(() => readBytes(new Uint8Array(0), { file: "empty.csv" })).code).toBe("FILE_TRUNCATED");
  });
});
