import { describe, expect, test } from "vitest";
import { parseAgeBand } from "../../src/indicators/population/ages.ts";
import { demographicCost } from "../../src/indicators/population/cost.ts";
import { dependencyRatios, EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../../src/indicators/population/dependency.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture } from "../helpers.ts";

describe("age labels", () => {
  test.each([
    ["0 år", 0, 0],
    ["1-4", 1, 4],
    ["65–79 år", 65, 79],
    ["90+ år", 90, Infinity],
    ["100 år och äldre", 100, Infinity],
    ["Y_LT15", 0, 14],
    ["Y15-64", 15, 64],
    ["Y_GE65", 65, Infinity],
    ["F0-19", 0, 19],
    ["45-54", 45, 54],
  ])("%s", (label, from, to) => expect(parseAgeBand(label)).toEqual({ from, to }));

  test("totals and unknown ages are not bands", () => {
    expect(parseAgeBand("TOTAL")).toBeNull();
    expect(parseAgeBand("UNK")).toBeNull();
    expect(parseAgeBand("totalt ålder")).toBeNull();
  });
});

describe("dependency ratios (docs/methods.md §8.2)", () => {
  test("Dalarna 2022 from Eurostat's broad age groups: (48 609 + 72 482) / 167 296", () => {
    const pop = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv").filter({
      unit: "NR",
      sex: "T",
      region: "SE312",
    });
    const r = dependencyRatios(pop, { bands: EUROSTAT_BANDS });
    expect(one(r, { year: 2022 }, "ratio")).toBeCloseTo((100 * (48_609 + 72_482)) / 167_296, 10);
    expect(one(r, { year: 2022 }, "total_ratio")).toBeCloseTo((100 * 288_387) / 167_296, 10);
    expect(one(r, { year: 2022 }, "support")).toBeCloseTo(167_296 / 72_482, 10);
  });

  test("Swedish bands need ages that fit them: Eurostat's 15-64 straddles 19/20", () => {
    const pop = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv").filter({
      unit: "NR",
      sex: "T",
      region: "SE312",
      year: 2022,
    });
    expect(() => dependencyRatios(pop, { bands: SE_BANDS })).toThrow(/"Y15-64" straddles/);
  });

  test("single years: SE försörjningskvot and NO aldersbæreevne by hand", () => {
    const rows = Array.from({ length: 101 }, (_, age) => ({
      region: "X",
      year: 2024,
      age: age === 100 ? "100+" : String(age),
      value: 10,
    }));
    const t = Table.fromRows(rows);
    // SE: (20 + 36) ages × 10 / (45 × 10); NO: 47 ages 20-66 over 34 ages 67+
    expect(dependencyRatios(t).get("ratio", 0)).toBeCloseTo((100 * (20 + 36)) / 45, 12);
    expect(dependencyRatios(t, { bands: NO_BANDS }).get("support", 0)).toBeCloseTo(47 / 34, 12);
  });
});

describe("demographic cost pressure (docs/methods.md §8.3)", () => {
  // Sjöbo's budget 2020: population = mean of 31/12 2019 and 2020; 1-5 år 107.4 tkr × 1 103.5 = 118.5 mnkr,
  // 65-79 år 17.7 tkr × 3 419.5 = 60.5 mnkr, 90- år 374.9 tkr × 186.5 = 69.9 mnkr
  const population = Table.fromRows([
    { region: "1230", year: 2019, age: "1-5", value: 1100 },
    { region: "1230", year: 2020, age: "1-5", value: 1107 },
    { region: "1230", year: 2019, age: "65-79", value: 3400 },
    { region: "1230", year: 2020, age: "65-79", value: 3439 },
    { region: "1230", year: 2019, age: "90+", value: 180 },
    { region: "1230", year: 2020, age: "90+", value: 193 },
    { region: "1230", year: 2019, age: "20-64", value: 10_000 },
    { region: "1230", year: 2020, age: "20-64", value: 10_100 },
  ]);
  const costs = [
    { service: "förskola", ages: "1-5", cost: 107.4 },
    { service: "äldreomsorg", ages: "65-79", cost: 17.7 },
    { service: "äldreomsorg", ages: "90+", cost: 374.9 },
  ];

  test("the Sjöbo budget 2020, to its 0.1 mnkr", () => {
    const c = demographicCost(population, costs).filter({ year: 2020 });
    const mnkr = (service: string) => Math.round((one(c, { service }, "cost") as number) / 100) / 10;
    expect(mnkr("förskola")).toBe(118.5);
    expect(one(c, { service: "förskola" }, "cost") as number).toBeCloseTo(107.4 * 1103.5, 8);
    expect(Math.round((17.7 * 3419.5) / 100) / 10).toBe(60.5);
    expect(Math.round((374.9 * 186.5) / 100) / 10).toBe(69.9);
    expect(one(c, { service: "äldreomsorg" }, "cost")).toBeCloseTo(17.7 * 3419.5 + 374.9 * 186.5, 8);
    expect(one(c, { service: "all" }, "cost")).toBeCloseTo(107.4 * 1103.5 + 17.7 * 3419.5 + 374.9 * 186.5, 8);
    expect(one(c, { service: "all" }, "tax_base")).toBe(10_050);
  });

  test("2019 has no year before it: null with a note, never 0", () => {
    const c = demographicCost(population, costs).filter({ year: 2019, service: "all" }).toRows()[0]!;
    expect(c.cost).toBeNull();
    expect(c.note).toBe("no population for 2018 or 2019");
  });

  test("year-end populations, yearly change and the index against a base year", () => {
    const c = demographicCost(population, costs, { population: "end", base: 2019 })
      .filter({ service: "förskola" })
      .toRows();
    expect(c.map((r) => r.cost)).toEqual([107.4 * 1100, 107.4 * 1107]);
    expect(c[1]!.change).toBeCloseTo(107.4 * 7, 10);
    expect(c[1]!.index).toBeCloseTo((100 * 1107) / 1100, 12);
    expect(c[1]!.tax_base_index).toBeCloseTo(101, 12);
  });
});
