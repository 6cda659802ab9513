import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { alignToTotal } from "../../src/indicators/population/align.ts";
import { projectAgeGroups } from "../../src/indicators/population/group-projection.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture } from "../helpers.ts";

const EUROSTAT = "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv";
const dalarna = () => readFixture(EUROSTAT, { where: { region: "SE312", unit: "NR" } });

/** Population by year, sex and three groups, from rows [year, sex, 0-14, 15-64, 65+]. */
function groups(rows: [number, string, number, number, number][]): Table {
  return Table.fromRows(
    rows.flatMap(([year, sex, young, working, old]) => [
      { region: "X", year, sex, age: "0-14", value: young },
      { region: "X", year, sex, age: "15-64", value: working },
      { region: "X", year, sex, age: "65+", value: old },
    ]),
  );
}

describe("projection on the data's age groups (Eurostat 0-14, 15-64, 65+)", () => {
  test("by hand: one year of ratios, carried forward", () => {
    // 2020 → 2021: women 0-14 1 500 → 1 530, so entrants per woman of 15-64 = (1 530 − 14/15·1 500)/5 000 = 0.026
    const t = groups([
      [2020, "F", 1500, 5000, 2000],
      [2020, "M", 1500, 5000, 2000],
      [2021, "F", 1530, 4990, 2050],
      [2021, "M", 1530, 4990, 2050],
    ]);
    const p = projectAgeGroups(t, { region: "X", horizon: 2022, window: 1, interval: false });
    const c = (1530 - (14 / 15) * 1500) / 5000;
    const r15 = (4990 - 1500 / 15) / 5000; // what is left of 15-64 after ageing in and out, deaths and migration
    const r65 = (2050 - 5000 / 50) / 2000;
    expect(p.ratios.find((r) => r.sex === "female" && r.age === "0-14")!.ratio).toBeCloseTo(c, 14);
    expect(one(p.population, { year: 2022, sex: "female", age: "0-14" })).toBeCloseTo((14 / 15) * 1530 + c * 4990, 9);
    expect(one(p.population, { year: 2022, sex: "male", age: "15-64" })).toBeCloseTo(r15 * 4990 + 1530 / 15, 9);
    expect(one(p.population, { year: 2022, sex: "male", age: "65+" })).toBeCloseTo(r65 * 2050 + 4990 / 50, 9);
  });

  test("Dalarna: the ratios of a year carry that year exactly onto the next", () => {
    const data = dalarna().filter({ year: (y) => (y as number) <= 2020 });
    const p = projectAgeGroups(data, { region: "SE312", horizon: 2021, window: 1, interval: false });
    const at = (year: number, sex: string, age: string) => one(data, { year, sex, age }) as number;
    const ratio = (sex: string, age: string) => p.ratios.find((r) => r.sex === sex && r.age === age)!.ratio;
    for (const [sex, code] of [
      ["female", "F"],
      ["male", "M"],
    ] as const) {
      const women = at(2019, "F", "Y15-64");
      expect(ratio(sex, "Y_LT15") * women + (14 / 15) * at(2019, code, "Y_LT15")).toBeCloseTo(
        at(2020, code, "Y_LT15"),
        8,
      );
      expect(ratio(sex, "Y15-64") * at(2019, code, "Y15-64") + at(2019, code, "Y_LT15") / 15).toBeCloseTo(
        at(2020, code, "Y15-64"),
        8,
      );
      expect(ratio(sex, "Y_GE65") * at(2019, code, "Y_GE65") + at(2019, code, "Y15-64") / 50).toBeCloseTo(
        at(2020, code, "Y_GE65"),
        8,
      );
    }
    // and carried on from 2020 with the same ratios
    expect(one(p.population, { year: 2021, sex: "male", age: "Y_GE65" })).toBeCloseTo(
      ratio("male", "Y_GE65") * at(2020, "M", "Y_GE65") + at(2020, "M", "Y15-64") / 50,
      8,
    );
  });

  test("Dalarna to 2040: every year balances, end = start + entrants + net other change; the interval holds the central path", () => {
    const p = projectAgeGroups(dalarna(), { region: "SE312", horizon: 2040 });
    expect(p.components.numRows).toBe(2040 - 2022);
    for (const r of p.components.toRows()) {
      expect(r.end_population as number).toBeCloseTo(
        (r.start_population as number) + (r.entrants as number) + (r.net_other as number),
        6,
      );
    }
    expect(one(p.total, { year: 2022 }, "population")).toBe(288_387); // Eurostat, 1 January 2022
    const last = p.total.filter({ year: 2040 }).toRows()[0]!;
    expect(last.low as number).toBeLessThan(last.population as number);
    expect(last.high as number).toBeGreaterThan(last.population as number);
    // the same seed gives the same interval
    expect(projectAgeGroups(dalarna(), { region: "SE312", horizon: 2040 }).total.toRows()).toEqual(p.total.toRows());
  });

  test("a scenario multiplier on entrants changes only the youngest group in its first year", () => {
    const base = projectAgeGroups(dalarna(), { region: "SE312", horizon: 2024, interval: false });
    const more = projectAgeGroups(dalarna(), {
      region: "SE312",
      horizon: 2024,
      interval: false,
      multipliers: [{ component: "entrants", from: 2022, to: 2022, factor: 1.1 }],
    });
    const at = (p: typeof base, age: string) => one(p.population, { year: 2023, sex: "female", age }) as number;
    expect(at(more, "Y15-64")).toBeCloseTo(at(base, "Y15-64"), 9);
    expect(one(more.components, { year: 2022 }, "entrants")).toBeCloseTo(
      1.1 * (one(base.components, { year: 2022 }, "entrants") as number),
      9,
    );
  });

  test("groups with a gap, or one sex missing, are refused with the reason", () => {
    const gap = groups([
      [2020, "F", 1, 1, 1],
      [2021, "F", 1, 1, 1],
    ]).filter({ age: ["0-14", "65+"] });
    expect(() => projectAgeGroups(gap, { region: "X", horizon: 2025 })).toThrow(
      /do not cover the ages 0 and up without gaps/,
    );
    const women = groups([
      [2020, "F", 1, 1, 1],
      [2021, "F", 1, 1, 1],
    ]);
    expect(() => projectAgeGroups(women, { region: "X", horizon: 2025 })).toThrow(
      /lacks a population for some sex and age group/,
    );
    expect(() => projectAgeGroups(dalarna(), { region: "SE312", horizon: 2010 })).toThrow(
      /the horizon 2010 is not after 2022/,
    );
  });
});

describe("alignment to a given total (RU-modellen's utjämning)", () => {
  test("by hand: 60 and 40 against a county total of 110 become 66 and 44; observed years stay", () => {
    const kommuner = Table.fromRows([
      { region: "A", year: 2030, value: 60 },
      { region: "B", year: 2030, value: 40 },
      { region: "A", year: 2022, value: 50 },
      { region: "B", year: 2022, value: 45 },
    ]);
    const county = Table.fromRows([{ year: 2030, value: 110 }]);
    const aligned = alignToTotal(kommuner, county);
    expect(aligned.toRows().map((r) => r.value)).toEqual([66, 44, 50, 45]);
  });

  test("property: after alignment the regions sum to the target in every key", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (values, goal) => {
          const t = Table.fromRows(values.map((value, k) => ({ region: `R${k}`, year: 2030, value })));
          const aligned = alignToTotal(t, Table.fromRows([{ year: 2030, value: goal }]));
          const sum = aligned.toRows().reduce((s, r) => s + (r.value as number), 0);
          expect(sum).toBeCloseTo(goal, 6);
        },
      ),
    );
  });
});
