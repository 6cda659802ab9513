import { describe, expect, test } from "vitest";
import { industryCube, industryPanel } from "../../src/indicators/shiftshare/data.ts";
import { industryShifts, shiftShare } from "../../src/indicators/shiftshare/shiftshare.ts";
import { locationQuotients } from "../../src/indicators/specialisation/specialisation.ts";
import { denseCodes } from "../../src/indicators/util/codes.ts";
import { Table } from "../../src/table/table.ts";

// a small panel written by hand: region b appears first, the nation N in the middle, a suppressed cell (a, x, 2001),
// an industry z that region a lacks, and a year (2002) outside the period
const rows = [
  { region: "b", industry: "x", year: 2000, value: 10 },
  { region: "b", industry: "y", year: 2000, value: 30 },
  { region: "N", industry: "x", year: 2000, value: 100 },
  { region: "a", industry: "x", year: 2000, value: 5 },
  { region: "b", industry: "x", year: 2001, value: 12 },
  { region: "b", industry: "y", year: 2001, value: 27 },
  { region: "a", industry: "x", year: 2001, value: null },
  { region: "b", industry: "z", year: 2002, value: 4 },
];

describe("whole-column panels", () => {
  const t = Table.fromRows(rows);

  test("denseCodes numbers values in order of first appearance, over text and numbers", () => {
    expect(denseCodes(t, "region")).toEqual({
      codes: Int32Array.from([0, 0, 1, 2, 0, 0, 2, 0]),
      labels: ["b", "N", "a"],
    });
    expect(denseCodes(t, "year")).toEqual({
      codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2]),
      labels: ["2000", "2001", "2002"],
    });
  });

  test("industryCube: e[(r·Y + y)·I + i], 0 where absent, NaN where suppressed; the nation summed row by row", () => {
    const cube = industryCube(t, {}, [2000, 2001]);
    expect(cube.regions).toEqual(["b", "N", "a"]);
    expect(cube.industries).toEqual(["x", "y", "z"]);
    // b 2000: x 10, y 30, z absent; b 2001: 12, 27, 0; N 2000: 100; a 2000: 5; a 2001: suppressed
    expect(Array.from(cube.e)).toEqual([10, 30, 0, 12, 27, 0, 100, 0, 0, 0, 0, 0, 5, 0, 0, NaN, 0, 0]);
    // nation = Σ regions: 2000 x 10 + 100 + 5 = 115, y 30; 2001 x 12 + NaN = NaN, y 27
    expect(Array.from(cube.nation)).toEqual([115, 30, 0, NaN, 27, 0]);
  });

  test("industryCube with a national row: the nation is that row, and it is not a region", () => {
    const cube = industryCube(t, { national: "N" }, [2001, 2000]);
    expect(cube.regions).toEqual(["b", "a"]);
    // year slots in the order asked for: 2001 first
    expect(Array.from(cube.nation)).toEqual([0, 0, 0, 100, 0, 0]);
    expect(Array.from(cube.e.subarray(0, 6))).toEqual([12, 27, 0, 10, 30, 0]);
  });

  test("shiftShare on the cube gives what industryShifts gives on the nested maps", () => {
    const jobs = Table.fromRows([
      { region: "p", industry: "1", year: 1, value: 40 },
      { region: "p", industry: "2", year: 1, value: 60 },
      { region: "q", industry: "1", year: 1, value: 10 },
      { region: "q", industry: "2", year: 1, value: 90 },
      { region: "p", industry: "1", year: 2, value: 50 },
      { region: "p", industry: "2", year: 2, value: 66 },
      { region: "q", industry: "1", year: 2, value: 9 },
      { region: "q", industry: "2", year: 2, value: 99 },
    ]);
    const table = shiftShare(jobs, { from: 1, to: 2 }).toRows();
    const panel = industryPanel(jobs);
    for (const row of table) {
      const parts = industryShifts(panel, row.region as string, { from: 1, to: 2 });
      if ("missing" in parts) throw new Error(parts.missing);
      expect(row.regional_shift).toBeCloseTo(
        parts.reduce((s, x) => s + x.regionalShift, 0),
        12,
      );
      expect(row.industry_mix).toBeCloseTo(
        parts.reduce((s, x) => s + x.industryMix, 0),
        12,
      );
    }
    // by hand for p: nation 50+100 → 59+165, G_N = 224/150 − 1; G_1 = 59/50 − 1 = 0.18, G_2 = 165/150 − 1 = 0.1
    // RS_p = (50 − 40·1.18) + (66 − 60·1.1) = 2.8 + 0 = 2.8
    expect(table[0]!.regional_shift).toBeCloseTo(2.8, 12);
    expect(table[0]!.change).toBe(16);
  });

  test("locationQuotients built as columns: the LQ by hand, a suppressed region blocked, and the roles", () => {
    const jobs = Table.fromRows([
      { region: "p", industry: "1", value: 20 },
      { region: "p", industry: "2", value: 80 },
      { region: "q", industry: "1", value: 30 },
      { region: "q", industry: "2", value: 870 },
      { region: "s", industry: "1", value: null },
      { region: "s", industry: "2", value: 5 },
    ]);
    const lq = locationQuotients(jobs);
    // nation: 1 → 20 + 30 + 0 = 50, 2 → 955, E_N = 1005; LQ_p1 = (20/100)/(50/1005) = 4.02
    expect(lq.get("location_quotient", 0)).toBeCloseTo(4.02, 12);
    expect(lq.get("location_quotient", 4)).toBeNull();
    expect(lq.get("note", 4)).toBe("a cell of s is suppressed (1)");
    expect(lq.get("note", 0)).toBeNull();
    expect(lq.schema.map((f) => `${f.name}:${f.type}:${f.role}`)).toEqual([
      "region:string:dimension",
      "industry:string:dimension",
      "employment:number:measure",
      "location_quotient:number:measure",
      "additive_lq:number:measure",
      "standardised_lq:number:measure",
      "flq:number:measure",
      "note:string:status",
    ]);
  });
});
