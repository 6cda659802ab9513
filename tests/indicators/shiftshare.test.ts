import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  dynamicShiftShare,
  portfolio,
  shiftShare,
  shiftShareByIndustry,
  shiftShareOf,
} from "../../src/indicators/shiftshare/shiftshare.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture } from "../helpers.ts";

/** REAT's Freiburg data as region × industry × year, with Germany as the nation. */
function freiburg(): Table {
  const t = readFixture("../reat/Freiburg.csv");
  const rows = t.toRows().map((r) => ({
    region: r.contents === "e_Freiburg" ? "Freiburg" : "Germany",
    industry: r.industry ?? null,
    year: r.year ?? null,
    value: r.value ?? null,
  }));
  return Table.fromRows(rows);
}

describe("shift-share on REAT's Freiburg data (docs/methods.md §7)", () => {
  const t = freiburg();
  const result = shiftShare(t, { from: 2008, to: 2014, national: "Germany" }).toRows()[0]!;

  test("Dunn: the components by hand, and they sum to the change", () => {
    const rows = t.toRows();
    const e = (region: string, year: number) => rows.filter((r) => r.region === region && r.year === year);
    const E = (region: string, year: number) => e(region, year).reduce((s, r) => s + (r.value as number), 0);
    const GN = E("Germany", 2014) / E("Germany", 2008) - 1;
    let mix = 0;
    let shift = 0;
    for (const r0 of e("Freiburg", 2008)) {
      const r1 = rows.find((r) => r.region === "Freiburg" && r.year === 2014 && r.industry === r0.industry)!;
      const n0 = rows.find((r) => r.region === "Germany" && r.year === 2008 && r.industry === r0.industry)!
        .value as number;
      const n1 = rows.find((r) => r.region === "Germany" && r.year === 2014 && r.industry === r0.industry)!
        .value as number;
      const Gi = n1 / n0 - 1;
      mix += (r0.value as number) * (Gi - GN);
      shift += (r0.value as number) * ((r1.value as number) / (r0.value as number) - 1 - Gi);
    }
    expect(result.start).toBe(100_056);
    expect(result.end).toBe(114_429);
    expect(result.national_share).toBeCloseTo(100_056 * GN, 6);
    expect(result.industry_mix).toBeCloseTo(mix, 6);
    expect(result.regional_shift).toBeCloseTo(shift, 6);
    expect(
      (result.national_share as number) + (result.industry_mix as number) + (result.regional_shift as number),
    ).toBeCloseTo(114_429 - 100_056, 6);
  });

  test("Esteban-Marquillas splits the regional shift; Gerfin's factors multiply to the total", () => {
    expect((result.competitive as number) + (result.allocation as number)).toBeCloseTo(
      result.regional_shift as number,
      6,
    );
    expect((result.mix_factor as number) * (result.regional_factor as number)).toBeCloseTo(
      result.total_factor as number,
      12,
    );
    const germanyGrowth = 29_924_479 / 27_233_349;
    expect(result.total_factor).toBeCloseTo(114_429 / 100_056 / germanyGrowth, 12);
  });

  test("per industry, the parts add up to each industry's change", () => {
    const byIndustry = shiftShareByIndustry(t, { from: 2008, to: 2014, national: "Germany" });
    expect(byIndustry.numRows).toBe(9);
    for (const r of byIndustry.toRows()) {
      expect((r.national_share as number) + (r.industry_mix as number) + (r.regional_shift as number)).toBeCloseTo(
        r.change as number,
        8,
      );
    }
    expect(one(byIndustry, { industry: "Baugewerbe (F)" }, "change")).toBe(3154 - 2931);
  });

  test("portfolio: regional against national growth, and the LQ", () => {
    const p = portfolio(t, { from: 2008, to: 2014, national: "Germany" });
    const row = p.filter({ industry: "Baugewerbe (F)" }).toRows()[0]!;
    expect(row.regional_growth_pct).toBeCloseTo(7.608324803821222, 10); // REAT's own e_g_Freiburg_0814 column
    expect(row.national_growth_pct).toBeCloseTo(7.923222024220639, 10); // e_g_Germany_0814
    expect(row.location_quotient).toBeCloseTo(3154 / 114_429 / (1_696_961 / 29_924_479), 12);
  });
});

describe("shift-share on the German Länder 2008-2014 (REAT G.regions.emp)", () => {
  const all = readFixture("../reat/G.regions.emp.csv");
  // the ten sections that partition the economy (C is inside B-E; "Insgesamt" is the total)
  const t = all.filter({ industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)" });

  test("the nation as the sum of the Länder: a region equal to the nation has no regional shift", () => {
    const result = shiftShare(t.filter({ region: (r) => r !== "Insgesamt" }), { from: 2008, to: 2014, value: "emp" });
    expect(result.numRows).toBe(16);
    const sum = (k: string) => result.toRows().reduce((s, r) => s + (r[k] as number), 0);
    // summed over all regions, the industry mix and the regional shift cancel out: Σ_r IM_r = Σ_r RS_r = 0
    expect(sum("industry_mix")).toBeCloseTo(0, 4);
    expect(sum("regional_shift")).toBeCloseTo(0, 4);
    expect(sum("change")).toBeCloseTo(sum("national_share"), 4);
  });

  test("dynamic shift-share sums year by year to the change over the period", () => {
    const dynamic = dynamicShiftShare(t, { from: 2008, to: 2014, value: "emp", national: "Insgesamt" });
    const classic = shiftShare(t, { from: 2008, to: 2014, value: "emp", national: "Insgesamt" });
    for (const r of dynamic.toRows()) {
      const total = (r.national_share as number) + (r.industry_mix as number) + (r.regional_shift as number);
      expect(total).toBeCloseTo(one(classic, { region: r.region ?? null }, "change") as number, 6);
    }
    const byYear = dynamicShiftShare(t, { from: 2008, to: 2014, value: "emp", national: "Insgesamt", byYear: true });
    expect(byYear.filter({ region: "Bayern" }).numRows).toBe(6);
  });
});

describe("edge cases", () => {
  test("an industry absent at the start: its whole end value is regional shift; EM is undefined, with a note", () => {
    const t = Table.fromRows([
      { region: "A", industry: "x", year: 0, value: 10 },
      { region: "A", industry: "x", year: 1, value: 12 },
      { region: "A", industry: "y", year: 0, value: 0 },
      { region: "A", industry: "y", year: 1, value: 5 },
      { region: "B", industry: "x", year: 0, value: 90 },
      { region: "B", industry: "x", year: 1, value: 99 },
      { region: "B", industry: "y", year: 0, value: 10 },
      { region: "B", industry: "y", year: 1, value: 11 },
    ]);
    const a = shiftShare(t, { from: 0, to: 1 }).filter({ region: "A" }).toRows()[0]!;
    // nation: x 100 → 111 (G = 0.11), y 10 → 16 (G = 0.6); RS_y = 5 − 0·1.6 = 5; RS_x = 12 − 10·1.11 = 0.9
    expect(a.regional_shift).toBeCloseTo(5.9, 12);
    expect(a.competitive).toBeNull();
    expect(a.note).toMatch(/industry y is absent at the start/);
  });

  test("a single region is the nation: no industry mix and no regional shift", () => {
    const r = shiftShareOf({ regionStart: [10, 30], regionEnd: [15, 27], nationStart: [10, 30], nationEnd: [15, 27] });
    expect(r.change).toBe(2);
    expect(r.national_share).toBeCloseTo(2, 12);
    expect(r.industry_mix).toBeCloseTo(0, 12);
    expect(r.regional_shift).toBeCloseTo(0, 12);
  });

  test("the array form gives the same as the table form", () => {
    const r = shiftShareOf({ regionStart: [10, 0], regionEnd: [12, 5], nationStart: [100, 10], nationEnd: [111, 16] });
    expect(r.change).toBe(7);
    expect(r.regional_shift).toBeCloseTo(5.9, 12);
    expect((r.national_share as number) + (r.industry_mix as number)).toBeCloseTo(7 - 5.9, 12);
  });

  test("a suppressed cell makes the region's result null with a reason", () => {
    const t = Table.fromRows([
      { region: "A", industry: "x", year: 0, value: 10 },
      { region: "A", industry: "x", year: 1, value: null },
      { region: "B", industry: "x", year: 0, value: 90 },
      { region: "B", industry: "x", year: 1, value: 99 },
    ]);
    const a = shiftShare(t, { from: 0, to: 1, national: "B" }).toRows()[0]!;
    expect(a.change).toBeNull();
    expect(a.note).toBe("industry x is suppressed in A");
  });

  test("property: on random tables the Dunn parts sum to the change and EM to the regional shift", () => {
    const cell = fc.integer({ min: 1, max: 10_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(cell, cell, cell), { minLength: 3, maxLength: 3 }),
        (a, b) => {
          const rows = [a, b].flatMap((region, r) =>
            region.flatMap((v, i) => v.map((value, year) => ({ region: `R${r}`, industry: `I${i}`, year, value }))),
          );
          const t = Table.fromRows(rows);
          for (const s of shiftShare(t, { from: 0, to: 2 }).toRows()) {
            expect(
              (s.national_share as number) + (s.industry_mix as number) + (s.regional_shift as number),
            ).toBeCloseTo(s.change as number, 6);
            expect((s.competitive as number) + (s.allocation as number)).toBeCloseTo(s.regional_shift as number, 6);
          }
          for (const s of dynamicShiftShare(t, { from: 0, to: 2 }).toRows()) {
            expect(
              (s.national_share as number) + (s.industry_mix as number) + (s.regional_shift as number),
            ).toBeCloseTo(s.change as number, 6);
          }
        },
      ),
    );
  });
});
