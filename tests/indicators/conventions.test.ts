// Conventions the literature leaves open, offered as options (docs/methods.md §7.1, §7.3): each checked against a
// published value or a hand calculation. The Gini normalisation and the weighted CV's centre are in
// inequality-more.test.ts.
import { describe, expect, test } from "vitest";
import { industryPanel } from "../../src/indicators/shiftshare/data.ts";
import { industryShifts, portfolio, shiftShareByIndustry } from "../../src/indicators/shiftshare/shiftshare.ts";
import { concentration } from "../../src/indicators/specialisation/specialisation.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture } from "../helpers.ts";

/** REAT's Freiburg data as region × industry × year, with Germany as the nation. */
function freiburg(): Table {
  const rows = readFixture("../reat/Freiburg.csv")
    .toRows()
    .map((r) => ({
      region: r.contents === "e_Freiburg" ? "Freiburg" : "Germany",
      industry: r.industry ?? null,
      year: r.year ?? null,
      value: r.value ?? null,
    }));
  return Table.fromRows(rows);
}

describe("concentration's Gini on location quotients (REAT's gini.conc)", () => {
  test("Farhauer and Kröll's (2013) example: 0.4068966", () => {
    // an industry's jobs in five regions, and all jobs there (the rest is "other")
    const industry = [500, 500, 1000, 7000, 1000];
    const all = [20000, 15000, 20000, 40000, 5000];
    const t = Table.fromRows(
      industry.flatMap((e, r) => [
        { region: `r${r}`, industry: "x", value: e },
        { region: `r${r}`, industry: "other", value: all[r]! - e },
      ]),
    );
    const lq = concentration(t, { gini: "lq" }).filter({ industry: "x" }).get("gini", 0) as number;
    expect(lq).toBeCloseTo(0.4068966, 7);
    // the default, the locational Gini of the jobs against all jobs, is another number
    const weighted = concentration(t).filter({ industry: "x" }).get("gini", 0) as number;
    expect(Math.abs(weighted - lq)).toBeGreaterThan(0.01);
  });
});

describe("portfolio's location quotient as the mean of start and end (REAT's locq.growth)", () => {
  test("Freiburg 2008/2014: the mean of the two quotients, by hand for construction", () => {
    const t = freiburg();
    const rows = t.toRows();
    const E = (region: string, year: number) =>
      rows.filter((r) => r.region === region && r.year === year).reduce((s, r) => s + (r.value as number), 0);
    // construction (F): 2931 and 3154 in Freiburg, 1 572 378 and 1 696 961 in Germany
    const lq08 = 2931 / E("Freiburg", 2008) / (1572378 / E("Germany", 2008));
    const lq14 = 3154 / E("Freiburg", 2014) / (1696961 / E("Germany", 2014));
    const options = { from: 2008, to: 2014, national: "Germany" };
    const end = portfolio(t, options).filter({ industry: "Baugewerbe (F)" }).get("location_quotient", 0);
    const mean = portfolio(t, { ...options, lq: "mean" })
      .filter({ industry: "Baugewerbe (F)" })
      .get("location_quotient", 0);
    expect(end as number).toBeCloseTo(lq14, 14);
    expect(mean as number).toBeCloseTo((lq08 + lq14) / 2, 14);
  });
});

describe("Esteban-Marquillas on one industry at a time (REAT's shifti)", () => {
  // one region with two industries; the nation grows 10 % in a and 0 % in b
  const t = Table.fromRows([
    { region: "r", industry: "a", year: 0, value: 10 },
    { region: "r", industry: "b", year: 0, value: 30 },
    { region: "r", industry: "a", year: 1, value: 14 },
    { region: "r", industry: "b", year: 1, value: 27 },
    { region: "N", industry: "a", year: 0, value: 100 },
    { region: "N", industry: "b", year: 0, value: 100 },
    { region: "N", industry: "a", year: 1, value: 110 },
    { region: "N", industry: "b", year: 1, value: 100 },
  ]);
  const period = { from: 0, to: 1 };

  test("homothetic employment from the nation's structure (default) against the industry's own employment", () => {
    const panel = industryPanel(t, { national: "N" });
    const [a, b] = industryShifts(panel, "r", period) as Exclude<
      ReturnType<typeof industryShifts>,
      { missing: string }
    >;
    // RS_a = 14 − 10·1.1 = 3, RS_b = 27 − 30 = −3; ê = 40·100/200 = 20 each: CE_a = 20·0.3 = 6, AE_a = −10·0.3 = −3
    expect(a!.regionalShift).toBeCloseTo(3, 12);
    expect(a!.competitive).toBeCloseTo(6, 12);
    expect(a!.allocation).toBeCloseTo(-3, 12);
    expect(b!.competitive).toBeCloseTo(20 * -0.1, 12);
    const own = industryShifts(panel, "r", { ...period, homothetic: "industry" }) as (typeof a)[];
    // ê = e_ri0: the competitive effect is the regional shift, no allocation effect
    expect(own.map((x) => x!.competitive)).toEqual([expect.closeTo(3, 12), expect.closeTo(-3, 12)]);
    expect(own.map((x) => x!.allocation)).toEqual([0, 0]);
  });

  test("the table form passes the option through", () => {
    const rows = shiftShareByIndustry(t, { ...period, national: "N", homothetic: "industry" }).toRows();
    for (const r of rows) {
      expect(r.competitive as number).toBeCloseTo(r.regional_shift as number, 12);
      expect(r.allocation).toBe(0);
    }
  });
});
