import { describe, expect, test } from "vitest";
import { industryPanel } from "../../src/indicators/shiftshare/data.ts";
import {
  dynamicShiftShare,
  industryShifts,
  projectShiftShare,
  shiftShare,
  shiftShareByIndustry,
  shiftShareOf,
} from "../../src/indicators/shiftshare/shiftshare.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture } from "../helpers.ts";

/** REAT's Göttingen data 2008–2017 (the data of REAT's shiftd/shiftid examples), the 15 sections, Germany (BRD) as nation. */
function goettingen(): Table {
  const rows = readFixture("../reat/Goettingen.csv")
    .toRows()
    .filter((r) => r.WZ2008_Code !== "A-R");
  return Table.fromRows(
    rows.map((r) => ({
      region: r.contents as string,
      industry: r.WZ2008_Code as string,
      year: r.year as number,
      value: r.value as number,
    })),
  );
}

describe("dynamic shift-share (Barff & Knight 1988) on REAT's Göttingen data", () => {
  const t = goettingen();
  const period = { from: 2008, to: 2017, national: "BRD" };

  test("Dunn parts sum to the change; Esteban-Marquillas parts to the regional shift; Gerfin chained is exact", () => {
    const d = dynamicShiftShare(t, period).toRows()[0]!;
    const e = (y: number) =>
      t
        .filter({ region: "Goettingen", year: y })
        .toRows()
        .reduce((s, r) => s + (r.value as number), 0);
    const n = (y: number) =>
      t
        .filter({ region: "BRD", year: y })
        .toRows()
        .reduce((s, r) => s + (r.value as number), 0);
    expect(d.change).toBe(e(2017) - e(2008));
    expect((d.national_share as number) + (d.industry_mix as number) + (d.regional_shift as number)).toBeCloseTo(
      d.change as number,
      8,
    );
    expect((d.competitive as number) + (d.allocation as number)).toBeCloseTo(d.regional_shift as number, 8);
    // the product of the yearly total factors telescopes to (E_r,2017/E_r,2008)/(E_N,2017/E_N,2008)
    expect(d.total_factor).toBeCloseTo(e(2017) / e(2008) / (n(2017) / n(2008)), 12);
    expect((d.mix_factor as number) * (d.regional_factor as number)).toBeCloseTo(d.total_factor as number, 12);
  });

  test("REAT's gerfin.shifts: the mean and the sum of the yearly factors", () => {
    const years = dynamicShiftShare(t, { ...period, byYear: true }).toRows();
    expect(years).toHaveLength(9);
    const yearly = years.map((r) => r.regional_factor as number);
    const sum = yearly.reduce((s, v) => s + v, 0);
    expect(dynamicShiftShare(t, { ...period, gerfin: "sum" }).toRows()[0]!.regional_factor).toBeCloseTo(sum, 12);
    expect(dynamicShiftShare(t, { ...period, gerfin: "mean" }).toRows()[0]!.regional_factor).toBeCloseTo(sum / 9, 12);
    // a one-year dynamic analysis is the static one
    const one = dynamicShiftShare(t, { from: 2008, to: 2009, national: "BRD" }).toRows()[0]!;
    const stat = shiftShare(t, { from: 2008, to: 2009, national: "BRD" }).toRows()[0]!;
    for (const k of [
      "national_share",
      "industry_mix",
      "regional_shift",
      "competitive",
      "allocation",
      "regional_factor",
    ])
      expect(one[k]).toBeCloseTo(stat[k] as number, 9);
  });

  test("per industry (REAT shiftid): the industries' dynamic parts add up to the region's", () => {
    const byIndustry = dynamicShiftShare(t, { ...period, byIndustry: true })
      .filter({ region: "Goettingen" })
      .toRows();
    expect(byIndustry).toHaveLength(15);
    const whole = dynamicShiftShare(t, period).filter({ region: "Goettingen" }).toRows()[0]!;
    for (const k of ["change", "national_share", "industry_mix", "regional_shift", "competitive", "allocation"]) {
      expect(byIndustry.reduce((s, r) => s + (r[k] as number), 0)).toBeCloseTo(whole[k] as number, 7);
    }
    for (const r of byIndustry)
      expect((r.national_share as number) + (r.industry_mix as number) + (r.regional_shift as number)).toBeCloseTo(
        r.change as number,
        8,
      );
  });
});

describe("per-industry national rate", () => {
  test("own national rate: NS_i = e_ri0·G_i, IM_i = 0, RS unchanged; rows still add to the change", () => {
    const t = goettingen();
    const all = shiftShareByIndustry(t, { from: 2008, to: 2017, national: "BRD" })
      .filter({ region: "Goettingen" })
      .toRows();
    const own = shiftShareByIndustry(t, { from: 2008, to: 2017, national: "BRD", nationalRate: "industry" })
      .filter({ region: "Goettingen" })
      .toRows();
    const p = industryPanel(t, { national: "BRD" });
    const c = p.nation.get("C")!;
    const q = own.find((r) => r.industry === "C")!;
    expect(q.national_share).toBeCloseTo((q.start as number) * (c.get(2017)! / c.get(2008)! - 1), 9);
    expect(q.industry_mix).toBe(0);
    own.forEach((r, i) => {
      expect(r.regional_shift).toBeCloseTo(all[i]!.regional_shift as number, 9);
      expect((r.national_share as number) + (r.regional_shift as number)).toBeCloseTo(r.change as number, 8);
    });
    // the positional call shape still works and agrees with { from, to }
    expect(industryShifts(p, "Goettingen", 2008, 2017)).toEqual(
      industryShifts(p, "Goettingen", { from: 2008, to: 2017 }),
    );
  });

  test("a missing cell never counts as 0: the region's result is null with a note", () => {
    const r = shiftShareOf({
      regionStart: [10, null],
      regionEnd: [12, 5],
      nationStart: [100, 10],
      nationEnd: [111, 16],
    });
    expect(r.change).toBeNull();
    expect(r.note).toMatch(/suppressed/);
  });
});

describe("shift-share projection (Gerfin's prognosis, REAT shiftp)", () => {
  test("by hand: the regional factor over the base period carried onto each industry's national trend", () => {
    // G_1 = 10 %, G_2 = 10 %: expected 33, actual 34 → RF = 34/33; nation then grows another 10 % in both
    const p = projectShiftShare({
      regionStart: [10, 20],
      regionEnd: [12, 22],
      nationStart: [100, 200],
      nationEnd: [110, 220],
      nationTarget: [121, 242],
    })!;
    expect(p.regionalFactor).toBeCloseTo(34 / 33, 15);
    expect(p.projected[0]).toBeCloseTo(12 * 1.1 * (34 / 33), 12);
    expect(p.total).toBeCloseTo(34 * 1.1 * (34 / 33), 12);
    expect(
      projectShiftShare({
        regionStart: [10, 20],
        regionEnd: [12, null],
        nationStart: [100, 200],
        nationEnd: [110, 220],
        nationTarget: [121, 242],
      }),
    ).toBeNull();
  });

  test("the regional factor is Gerfin's of shiftShare()", () => {
    const f = readFixture("../reat/Freiburg.csv").toRows();
    const col = (c: string, y: number) =>
      f.filter((r) => r.contents === c && r.year === y).map((r) => r.value as number);
    const data = {
      regionStart: col("e_Freiburg", 2008),
      regionEnd: col("e_Freiburg", 2014),
      nationStart: col("e_Germany", 2008),
      nationEnd: col("e_Germany", 2014),
    };
    const p = projectShiftShare({ ...data, nationTarget: data.nationEnd.map((v) => v * 1.05) })!;
    expect(p.regionalFactor).toBeCloseTo(shiftShareOf(data).regional_factor as number, 12);
    expect(p.total).toBeCloseTo(114_429 * 1.05 * p.regionalFactor, 8);
  });
});
