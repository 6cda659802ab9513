import { describe, expect, test } from "vitest";
import { readBytes } from "../../src/io/read.ts";
import { failure, fixtureBytes, one, total } from "../helpers.ts";

const befolkning = fixtureBytes("scb/anderssundell-stathelp__data__befolkning.csv");
const latin1 = (text: string) => Buffer.from(text, "latin1");

/** The fixture with `extra` inserted after the line that starts with `after`. */
function insertAfter(bytes: Buffer, after: string, extra: string): Buffer {
  const at = bytes.indexOf(latin1(after));
  const end = bytes.indexOf(10, at) + 1;
  return Buffer.concat([bytes.subarray(0, end), latin1(extra), bytes.subarray(end)]);
}

describe("duplicate observations", () => {
  test("a row pasted twice is dropped with a warning that counts it; the total is the original's", () => {
    const bytes = insertAfter(befolkning, '"2021 Vansbro"', '"2021 Vansbro",6837\r\n');
    const t = readBytes(bytes, { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(one(t, { region: "2021" })).toBe(6837);
    expect(t.warnings.join("\n")).toMatch(/^1 duplicate row .* left out, the first at line 224$/m);
  });

  test("a file concatenated with itself: 290 duplicates counted, values unchanged", () => {
    const body = befolkning.subarray(befolkning.indexOf(10) + 1);
    const t = readBytes(Buffer.concat([befolkning, body]), { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(t.warnings.join("\n")).toMatch(/^290 duplicate rows .* the first at line 292$/m);
  });

  test("the same key with another value is an error naming both lines", () => {
    const bytes = insertAfter(befolkning, '"2082 S', '"2021 Vansbro",6838\r\n');
    const error = failure(() => readBytes(bytes, { file: "befolkning.csv" }));
    expect(error.code).toBe("PARSE");
    expect(error.line).toBe(235);
    expect(error.message).toBe(
      'the same observation (region "2021 Vansbro", year "2017") occurs twice with different values: 6837 at line 223 and 6838 at line 235',
    );
  });

  test("long layout (SSB statbank): a repeated row with a missing value against a number conflicts", () => {
    const bytes = fixtureBytes("ssb/erleholgersen-elections-norway__folketall.csv");
    const text = bytes.toString("utf8");
    const lines = text.split("\n");
    const copy = lines[5]!.replace(/;[^;]*$/, ";..");
    const error = failure(() =>
      readBytes([...lines.slice(0, 9), copy, ...lines.slice(9)].join("\n"), { file: "folketall.csv" }),
    );
    expect(error.message).toMatch(/occurs twice with different values: \d+ at line 6 and missing at line 10$/);
  });
});
