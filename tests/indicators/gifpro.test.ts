import { describe, expect, test } from "vitest";
import { fitTrend, type TrendKind } from "../../src/indicators/trends/curvefit.ts";
import { gifpro, gifproTrend } from "../../src/indicators/trends/gifpro.ts";
import { readFixture } from "../helpers.ts";

describe("GIFPRO, the demand for commercial land", () => {
  test("REAT's Kempten example (2012): 133.677 employees and 19 784.196 m² a year, 13 years", () => {
    // by hand: 7228·100 % + 12452·40 % + 11589·10 % work in commercial areas; 0.3 % + 0.7 % of them need land
    const perYear = 7228 * 0.01 + 12452 * 0.4 * 0.01 + 11589 * 0.1 * 0.01;
    expect(perYear).toBeCloseTo(133.677, 12);
    const r = gifpro([7228, 12452, 11589], {
      share: [100, 40, 10],
      resettlement: 0.3,
      relocation: 0.7,
      areaPerEmployee: 148,
      years: 13,
      from: 2013,
      industries: ["Manufacturing", "Trade, transport, ICT", "Other services"],
    })!;
    expect(r.years).toHaveLength(13);
    expect(r.years[0]).toEqual({
      year: 2013,
      employment: expect.closeTo(133.677, 10),
      area: expect.closeTo(19784.196, 8),
    });
    expect(r.total.employment).toBeCloseTo(1737.801, 9);
    expect(r.total.area).toBeCloseTo(257194.548, 7);
    expect(r.mean.area).toBeCloseTo(19784.196, 8);
    const manufacturing = r.byIndustry[0]!;
    expect(manufacturing).toMatchObject({ industry: "Manufacturing", year: 2013, employment: 7228 });
    expect(manufacturing.resettlement).toBeCloseTo(7228 * 0.003, 12);
    expect(manufacturing.relocation).toBeCloseTo(7228 * 0.007, 12);
  });

  test("reuse covers part of the demand: area = demand·(1 − ru/100)·ai", () => {
    const r = gifpro([1000], { share: 50, resettlement: 1, relocation: 1, reuse: 25, areaPerEmployee: 100 })!;
    expect(r.byIndustry[0]!.demand).toBeCloseTo(10, 12);
    expect(r.byIndustry[0]!.reuse).toBeCloseTo(2.5, 12);
    expect(r.total.area).toBeCloseTo(750, 10);
    expect(gifpro([1000, null], { share: 1, resettlement: 1, relocation: 1, areaPerEmployee: 1 })).toBeNull();
    expect(() => gifpro([1, 2], { share: [1], resettlement: 1, relocation: 1, areaPerEmployee: 1 })).toThrow(
      /share has 1 values for 2 industries/,
    );
  });
});

describe("TBS-GIFPRO: employment projected by trend first (REAT's gifpro.tbs example on Göttingen)", () => {
  const long = readFixture("../reat/Goettingen.csv").filter({ contents: "Goettingen" });
  const years = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017];
  const sections = (long.distinct("WZ2008_Code") as string[]).filter((c) => c !== "A-R");
  const series = sections.map((code) =>
    years.map((year) => long.filter({ WZ2008_Code: code, year }).get("value", 0) as number),
  );
  const options = { years, horizon: 12, share: 100, resettlement: 0.3, relocation: 0.7, areaPerEmployee: 150 };

  test("15 sections, linear trends, 12 years: the totals by the closed form of the least-squares line", () => {
    expect(sections).toHaveLength(15);
    const r = gifproTrend(series, { ...options, industries: sections })!;
    expect(r.years.map((y) => y.year)).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029,
    ]);
    // the sections' linear trends add up to the linear trend of their sum, ȳ + b·(t − 2012.5); over 2018…2029 the
    // projections sum to 12·(ȳ + 11·b), and 1 % of it needs land (share 100 %, 0.3 % + 0.7 %)
    const sum = years.map((_, t) => series.reduce((s, x) => s + x[t]!, 0));
    const ybar = sum.reduce((s, v) => s + v, 0) / 10;
    const b = years.reduce((s, x, t) => s + (x - 2012.5) * (sum[t]! - ybar), 0) / 82.5; // Σ(x − x̄)² = 82.5
    expect(r.total.employment).toBeCloseTo(0.12 * (ybar + 11 * b), 8);
    expect(r.total.area).toBeCloseTo(150 * 0.12 * (ybar + 11 * b), 6);
    // each section's projection is fitTrend's line at the year
    const c = r.byIndustry.find((x) => x.industry === "C" && x.year === 2020)!;
    expect(c.employment).toBeCloseTo(fitTrend(years, series[sections.indexOf("C")]!, "linear")!.predict(2020)!, 9);
  });

  test("a trend per industry, and an unfittable series gives null", () => {
    const kinds = sections.map((_, i): TrendKind => (i === 0 ? "exponential" : "linear"));
    const r = gifproTrend(series, { ...options, trend: kinds })!;
    const first = fitTrend(years, series[0]!, "exponential")!;
    expect(r.byIndustry[0]!.employment).toBeCloseTo(first.predict(2018)!, 9);
    expect(gifproTrend([[1, 2]], { ...options, years: [1, 2] })).toBeNull(); // fewer than three points
    expect(() => gifproTrend(series, { ...options, horizon: 0 })).toThrow(/horizon/);
  });
});
