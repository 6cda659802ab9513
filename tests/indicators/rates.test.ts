import { describe, expect, test } from "vitest";
import { sexOf } from "../../src/io/sex.ts";
import { projectPopulation } from "../../src/indicators/population/projection.ts";
import { estimateRates } from "../../src/indicators/population/rates.ts";
import { Table } from "../../src/table/table.ts";

const AGES = Array.from({ length: 101 }, (_, a) => a);
const label = (a: number) => (a === 100 ? "100+" : String(a));

/** A tidy table by region, year, sex and single age from value(region, year, sex, age). */
function table(
  regions: string[],
  years: number[],
  value: (region: string, year: number, sex: string, age: number) => number | null,
  bySex = true,
): Table {
  return Table.fromRows(
    regions.flatMap((region) =>
      years.flatMap((year) =>
        (bySex ? ["K", "M"] : ["-"]).flatMap((sex) =>
          AGES.map((age) => ({
            region,
            year,
            ...(bySex ? { sex } : {}),
            age: label(age),
            value: value(region, year, sex, age),
          })),
        ),
      ),
    ),
  );
}

const years = [2019, 2020, 2021];

describe("rates from historical events (docs/methods.md §8.1)", () => {
  test("sex labels as the agencies write them", () => {
    expect(["F", "kvinnor", "Kvinner", "2", "M", "män", "menn", "1", "T", "totalt"].map(sexOf)).toEqual([
      "female",
      "female",
      "female",
      "female",
      "male",
      "male",
      "male",
      "male",
      null,
      null,
    ]);
  });

  test("constant events give back the rates exactly: deaths a per 1 000 at age a, 0,05 births per woman 20-39", () => {
    const rates = estimateRates(
      {
        population: table(["X"], years, () => 1000),
        deaths: table(["X"], years, (_r, _y, _s, a) => a),
        births: table(["X"], years, (_r, _y, _s, a) => (a >= 20 && a <= 39 ? 50 : 0), false),
      },
      { region: "X", from: 2019, to: 2021 },
    );
    expect(rates.mortality.female[37]).toBeCloseTo(0.037, 14);
    expect(rates.mortality.male[100]).toBeCloseTo(0.1, 14);
    expect(rates.fertility[25]).toBeCloseTo(0.05, 14);
    expect(rates.fertility[45]).toBe(0);
  });

  test("time weights: exponential (α = 0.33) over two years weighs the later year 1/0.67 times the earlier", () => {
    const rates = estimateRates(
      {
        population: table(["X"], [2020, 2021], () => 100),
        deaths: table(["X"], [2020, 2021], () => 0),
        births: table(["X"], [2020, 2021], (_r, y, _s, a) => (a === 30 ? (y === 2020 ? 10 : 20) : 0), false),
      },
      { region: "X", from: 2020, to: 2021 },
    );
    // (0,67·10 + 1·20) / (0,67·100 + 1·100)
    expect(rates.fertility[30]).toBeCloseTo((0.67 * 10 + 20) / (0.67 * 100 + 100), 12);
  });

  test("with the nation: mortality is national × the group's ratio, 1 below 50 deaths, clipped to 0,7-1,3", () => {
    const population = table(["S", "L", "F"], years, () => 1000);
    // the nation: 2 per 1 000 at every age; L: four times as many deaths at 60-64 (100 a year: clipped to 1,3);
    // F: a few deaths at 60-64 (under 50 in the window: the national rate)
    const deaths = table(["S", "L", "F"], years, (r, _y, _s, a) =>
      r === "S" ? 2 : a >= 60 && a <= 64 ? (r === "L" ? 8 : 1) : 2,
    );
    const births = table(
      ["S", "L", "F"],
      years,
      (r, _y, _s, a) => (a >= 20 && a <= 39 ? (r === "L" ? 100 : 50) : 0),
      false,
    );
    const at = (region: string) =>
      estimateRates({ population, deaths, births }, { region, national: "S", from: 2019, to: 2021 });
    expect(at("L").mortality.male[62]).toBeCloseTo(0.002 * 1.3, 14);
    expect(at("F").mortality.male[62]).toBeCloseTo(0.002, 14);
    expect(at("L").mortality.male[30]).toBeCloseTo(0.002, 14); // the same as the nation: ratio 1
    // fertility: twice the national total, so twice the national rates
    expect(at("L").fertility[25]).toBeCloseTo(2 * 0.05, 14);
  });

  test("migration: out-migration and emigration as risks, in-migration and immigration as mean counts; the projection balances", () => {
    const tables = {
      population: table(["X"], years, () => 200),
      deaths: table(["X"], years, () => 1),
      births: table(["X"], years, (_r, _y, _s, a) => (a >= 20 && a <= 39 ? 10 : 0), false),
      outMigration: table(["X"], years, () => 4),
      emigration: table(["X"], years, () => 2),
      inMigration: table(["X"], years, () => 3),
      immigration: table(["X"], years, () => 1),
    };
    const rates = estimateRates(tables, { region: "X", from: 2019, to: 2021 });
    expect(rates.outMigration!.female[50]).toBeCloseTo(0.02, 14);
    expect(rates.emigration!.male[50]).toBeCloseTo(0.01, 14);
    expect(rates.inMigration!.male[50]).toBeCloseTo(3, 12);
    const start = { female: AGES.map(() => 200), male: AGES.map(() => 200) };
    const { components } = projectPopulation({ population: start, start: 2022, horizon: 2023, rates: () => rates });
    const c = components.toRows()[0]!;
    // 2 × 101 ages: in 3 − out 4 + imm 1 − emi 2 − deaths 1 per age and sex, plus births 20 ages × 0,05 × 200
    expect(c.end_population as number).toBeCloseTo(
      (c.start_population as number) + (c.births as number) - (c.deaths as number) + 202 * (3 - 4 + 1 - 2),
      8,
    );
    expect(c.births as number).toBeCloseTo(20 * 0.05 * 200, 10);
  });

  test("a missing cell in the window is an error naming the table, year and age", () => {
    expect(() =>
      estimateRates(
        {
          population: table(["X"], years, () => 100),
          deaths: table(["X"], years, (_r, y, s, a) => (y === 2020 && s === "M" && a === 7 ? null : 1)),
          births: table(["X"], years, () => 0, false),
        },
        { region: "X", from: 2019, to: 2021 },
      ),
    ).toThrow(/deaths of X lacks a value for 2020, age 7, M/);
    expect(() =>
      estimateRates(
        {
          population: table(["X"], years, () => 100),
          deaths: table(["X"], years, () => 1),
          births: table(["X"], years, () => 0, false),
        },
        { region: "X", from: 2018, to: 2021 },
      ),
    ).toThrow(/population has no figures for X in 2018/);
  });
});
