import { describe, expect, test } from "vitest";
import {
  betaConvergence,
  betaConvergenceOf,
  sigmaConvergence,
  sigmaOf,
} from "../../src/indicators/inequality/convergence.ts";
import { growth, growthOver, meanGrowthRate } from "../../src/indicators/population/growth.ts";
import { valueAddedGrowth } from "../../src/indicators/productivity/productivity.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture } from "../helpers.ts";

const jobs = Table.fromRows([
  { region: "0428", industry: "C", year: 2010, value: 100 },
  { region: "0428", industry: "C", year: 2011, value: 110 },
  { region: "0428", industry: "C", year: 2012, value: 99 },
  { region: "0428", industry: "F", year: 2010, value: 50 },
  { region: "0428", industry: "F", year: 2011, value: null },
  { region: "0428", industry: "F", year: 2012, value: 60 },
]);

describe("call shapes: { from, to }", () => {
  test("growthOver, valueAddedGrowth and betaConvergence take { from, to } and agree with the positional form", () => {
    const t = jobs.filter({ industry: "C" }).drop("industry");
    expect(growthOver(t, { from: 2010, to: 2012 }).toRows()).toEqual(growthOver(t, 2010, 2012).toRows());
    expect(growthOver(t, { from: 2010, to: 2012 }).toRows()[0]!.growth_pct).toBeCloseTo(-1, 12);
    const va = Table.fromRows([
      { region: "a", year: 2000, value_added: 100, jobs: 10 },
      { region: "a", year: 2010, value_added: 132, jobs: 11 },
    ]);
    expect(valueAddedGrowth(va, { from: 2000, to: 2010 }).toRows()).toEqual(valueAddedGrowth(va, 2000, 2010).toRows());
    const gdp = readFixture("../reat/G.counties.gdp.csv")
      .filter({ contents: "gdppc" })
      .select("region", "year", "value");
    expect(betaConvergence(gdp, { from: 2000, to: 2014 })!.beta).toBeCloseTo(
      betaConvergence(gdp, 2000, 2014)!.beta,
      15,
    );
    expect(() => growthOver(t, { from: 2012, to: 2010 })).toThrow(/must come after/);
  });

  test("tables with an industry dimension need no reshaping", () => {
    const over = growthOver(jobs, { from: 2010, to: 2012 }).toRows();
    expect(over.map((r) => [r.industry, r.change])).toEqual([
      ["C", -1],
      ["F", 10],
    ]);
    const yearly = growth(jobs).filter({ industry: "F", year: 2012 }).toRows()[0]!;
    expect(yearly.change).toBeNull(); // 2011 is missing: never a change from 0
    expect(yearly.note).toBe("a value is missing");
    const sigma = sigmaConvergence(
      Table.fromRows([
        { region: "a", industry: "C", year: 2010, value: 1 },
        { region: "b", industry: "C", year: 2010, value: Math.E },
        { region: "a", industry: "F", year: 2010, value: 2 },
        { region: "b", industry: "F", year: 2010, value: 2 },
      ]),
    ).toRows();
    expect(sigma.map((r) => [r.industry, r.sigma])).toEqual([
      ["C", 0.5],
      ["F", 0],
    ]);
  });
});

describe("σ-convergence options", () => {
  test("levels or logs, SD, CV or variance, population or sample", () => {
    const t = Table.fromRows([
      { region: "a", year: 1, value: 1 },
      { region: "b", year: 1, value: 2 },
      { region: "c", year: 1, value: 3 },
      { region: "d", year: 1, value: 4 },
    ]);
    const at = (o: Parameters<typeof sigmaConvergence>[1]) => sigmaConvergence(t, o).toRows()[0]!.dispersion as number;
    expect(at({ on: "level", measure: "variance" })).toBeCloseTo(1.25, 14);
    expect(at({ on: "level", measure: "variance", ddof: 1 })).toBeCloseTo(5 / 3, 14);
    expect(at({ on: "level", measure: "cv", ddof: 1 })).toBeCloseTo(Math.sqrt(5 / 3) / 2.5, 14);
    const logs = [1, 2, 3, 4].map(Math.log);
    const m = logs.reduce((s, v) => s + v, 0) / 4;
    expect(at({})).toBeCloseTo(Math.sqrt(logs.reduce((s, v) => s + (v - m) ** 2, 0) / 4), 14);
  });
});

describe("mean growth rate", () => {
  test("geometric mean of yearly rates is the CAGR; arithmetic is larger (AM–GM)", () => {
    // 100 → 110 → 99: CAGR 100·(√0.99 − 1)
    expect(meanGrowthRate([10, -10], { mean: "geometric" }).value).toBeCloseTo(100 * (Math.sqrt(0.99) - 1), 12);
    expect(meanGrowthRate([10, -10]).value).toBe(0);
    const m = meanGrowthRate([5, null, 7]);
    expect(m).toEqual({ value: 6, n: 2, missing: 1 });
  });
});

describe("plain-number variants of the convergence measures", () => {
  test("betaConvergenceOf and sigmaOf agree with the table functions on German counties (REAT G.counties.gdp)", () => {
    const gdp = readFixture("../reat/G.counties.gdp.csv")
      .filter({ contents: "gdppc" })
      .select("region", "year", "value");
    const at = (year: number) =>
      new Map(
        gdp
          .filter({ year })
          .toRows()
          .map((r) => [r.region as string, r.value as number | null]),
      );
    const [a, b] = [at(2000), at(2014)];
    const regions = [...a.keys()];
    const plain = betaConvergenceOf({
      start: regions.map((r) => a.get(r) ?? null),
      end: regions.map((r) => b.get(r) ?? null),
      years: 14,
    })!;
    const table = betaConvergence(gdp, { from: 2000, to: 2014 })!;
    expect(plain.beta).toBeCloseTo(table.beta, 14);
    expect(plain.regression.pValues[1]).toBeCloseTo(table.regression.pValues[1]!, 14);
    expect(plain.missing).toBe(0);
    const sigma = sigmaConvergence(gdp).filter({ year: 2014 }).toRows()[0]!.sigma as number;
    expect(sigmaOf([...b.values()]).value).toBeCloseTo(sigma, 14);
    expect(sigmaOf([1, null, Math.E])).toEqual({ value: 0.5, n: 2, missing: 1 });
  });
});
