import { describe, expect, test } from "vitest";
import { detectNumberFormat, groupingEvidence, parseNumber } from "../../src/io/csv/numbers.ts";

describe("number formats", () => {
  test("detection from a column's cells", () => {
    expect(detectNumberFormat(["1 234,5", "17,2"])).toEqual({
      ok: true,
      format: { decimal: ",", group: " " },
      ambiguous: null,
    });
    expect(detectNumberFormat(["1\u00a0234\u00a0567", "12"])).toEqual({
      ok: true,
      format: { decimal: null, group: " " },
      ambiguous: null,
    });
    expect(detectNumberFormat(["1.234.567", "12"])).toEqual({
      ok: true,
      format: { decimal: ",", group: "." },
      ambiguous: null,
    });
    expect(detectNumberFormat(["1,234,567.8"])).toEqual({
      ok: true,
      format: { decimal: ".", group: "," },
      ambiguous: null,
    });
    expect(detectNumberFormat(["12,5", "1.234,5"])).toEqual({
      ok: true,
      format: { decimal: ",", group: "." },
      ambiguous: null,
    });
    // 1.234 beside 0.5: the point is the decimal mark
    expect(detectNumberFormat(["1.234", "0.5"]).ok && detectNumberFormat(["1.234", "0.5"])).toMatchObject({
      format: { decimal: "." },
      ambiguous: null,
    });
    // 1.234 beside 1,5: the point groups thousands
    expect(detectNumberFormat(["1.234", "1,5"])).toEqual({
      ok: true,
      format: { decimal: ",", group: "." },
      ambiguous: null,
    });
    // only 1.234-like cells: ambiguous
    expect(detectNumberFormat(["1.234", "5.678"])).toEqual({
      ok: true,
      format: { decimal: null, group: null },
      ambiguous: "1.234",
    });
    // the caller's decimal mark settles it
    expect(detectNumberFormat(["1.234", "5.678"], ",")).toEqual({
      ok: true,
      format: { decimal: ",", group: "." },
      ambiguous: null,
    });
    expect(detectNumberFormat(["1.234", "5.678"], ".")).toEqual({
      ok: true,
      format: { decimal: ".", group: null },
      ambiguous: null,
    });
  });

  test("a column that mixes formats names the two cells", () => {
    expect(detectNumberFormat(["44605", "6 837"])).toEqual({
      ok: false,
      conflict: [
        { cell: "44605", row: 0 },
        { cell: "6 837", row: 1 },
      ],
    });
    expect(detectNumberFormat(["1 234,5", "1.234"])).toEqual({
      ok: false,
      conflict: [
        { cell: "1 234,5", row: 0 },
        { cell: "1.234", row: 1 },
      ],
    });
    expect(detectNumberFormat(["1,5", "2.5"])).toEqual({
      ok: false,
      conflict: [
        { cell: "1,5", row: 0 },
        { cell: "2.5", row: 1 },
      ],
    });
  });

  test("parsing in a format", () => {
    expect(parseNumber("1 234,5", { decimal: ",", group: " " })).toBe(1234.5);
    expect(parseNumber("1\u202f234\u202f567", { decimal: ",", group: " " })).toBe(1_234_567);
    expect(parseNumber("-1.234.567,25", { decimal: ",", group: "." })).toBe(-1_234_567.25);
    expect(parseNumber("1.234", { decimal: ".", group: null })).toBe(1.234);
    expect(parseNumber("1.234", { decimal: ",", group: "." })).toBe(1234);
    expect(parseNumber("12 34", { decimal: ",", group: " " })).toBeNaN();
    expect(parseNumber("1e400", { decimal: ".", group: null })).toBe(Infinity);
  });

  test("the pattern of a grouped column: three digits after every mark, whole numbers below 1000 beside them", () => {
    // Østfold's 255 122 and 75 780, Rømskog's 658 (Telemarksforsking's panel, 2003)
    expect(groupingEvidence(["255.122", "658", "75.780"], ".")).toEqual({
      whole: "658",
      marked: "255.122",
      zero: "75.780",
    });
    expect(groupingEvidence(["-1,234", "17"], ",")).toEqual({ whole: "17", marked: "-1,234", zero: null });
    // a decimal of another length, a mark after a leading zero, two groups, or no whole number: not the pattern
    expect(groupingEvidence(["255.122", "658", "0.61"], ".")).toBeNull();
    expect(groupingEvidence(["255.122", "658", "0.610"], ".")).toBeNull();
    expect(groupingEvidence(["255.122", "658", "1.234.567"], ".")).toBeNull();
    expect(groupingEvidence(["255.122", "483.283"], ".")).toBeNull();
  });
});
