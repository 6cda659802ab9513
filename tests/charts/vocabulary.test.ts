import { describe, expect, test } from "vitest";
import { indexChart } from "../../src/charts/builders/population.ts";
import { pyramidChart } from "../../src/charts/builders/demography.ts";
import { rankedBars } from "../../src/charts/builders/ranking.ts";
import { Table } from "../../src/table/table.ts";

const spec = (chart: unknown) => JSON.stringify(chart);

describe("one vocabulary: focus a code or an array, a year compared as compareYear", () => {
  const growth = Table.fromRows([
    { region: "A", region_name: "Aa", year: 2020, index: 100 },
    { region: "A", region_name: "Aa", year: 2021, index: 103 },
    { region: "B", region_name: "Bb", year: 2020, index: 100 },
    { region: "B", region_name: "Bb", year: 2021, index: 98 },
  ]);

  test('focus: "A" is focus: ["A"], and only A is drawn in the focus colour', () => {
    const one = indexChart(growth, { focus: "A" });
    expect(spec(one)).toBe(spec(indexChart(growth, { focus: ["A"] })));
    const values = (JSON.parse(spec(one)) as { data: { values: { region: string; focus: boolean }[] } }).data.values;
    expect(values.filter((v) => v.focus).map((v) => v.region)).toEqual(["A", "A"]);
    const ranking = Table.fromRows([
      { region: "A", value: 2 },
      { region: "B", value: 1 },
    ]);
    expect(spec(rankedBars(ranking, { value: "value", focus: "B" }))).toBe(
      spec(rankedBars(ranking, { value: "value", focus: ["B"] })),
    );
  });

  test("pyramidChart: the deprecated compare is compareYear", () => {
    const population = Table.fromRows(
      [2024, 2040].flatMap((year) =>
        ["female", "male"].flatMap((sex) =>
          [0, 1].map((age) => ({ region: "X", year, sex, age, population: 10 + age + (year - 2024) })),
        ),
      ),
    );
    const chart = pyramidChart(population, { year: 2024, compareYear: 2040, locale: "nb" });
    expect(spec(chart)).toBe(spec(pyramidChart(population, { year: 2024, compare: 2040, locale: "nb" })));
    expect((JSON.parse(spec(chart)) as { title: unknown }).title).toBe(
      "Befolkning etter alder og kjønn: 2024 (søyler) og 2040 (linje)",
    );
  });
});
