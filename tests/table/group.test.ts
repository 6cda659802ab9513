import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { concatTables } from "../../src/table/verbs/concat.ts";
import { Table } from "../../src/table/table.ts";

// Population of two Dalarna municipalities by year and sex (SCB BE0101N1 style), one value suppressed.
const pop = Table.fromRows([
  { region: "2021", year: 2019, sex: "män", value: 3400 },
  { region: "2021", year: 2019, sex: "kvinnor", value: 3361 },
  { region: "2021", year: 2020, sex: "män", value: 3410 },
  { region: "2021", year: 2020, sex: "kvinnor", value: 3367 },
  { region: "2082", year: 2019, sex: "män", value: 5600 },
  { region: "2082", year: 2019, sex: "kvinnor", value: null },
  { region: "2082", year: 2020, sex: "män", value: 5610 },
]);

describe("GroupedTable: the verbs analysts expect", () => {
  test("min, max, median and quantile per group; a missing value propagates unless skipped", () => {
    const g = pop.groupBy(["region"]);
    expect(g.min("value").toRows()).toEqual([
      { region: "2021", value: 3361 },
      { region: "2082", value: null },
    ]);
    expect(g.max("value", { missing: "skip" }).toRows()).toEqual([
      { region: "2021", value: 3410 },
      { region: "2082", value: 5610 },
    ]);
    // 2021: 3361, 3367, 3400, 3410 → median (3367 + 3400)/2; 2082 skipping the gap: 5600, 5610 → 5605
    expect(g.median("value", { missing: "skip" }).toRows()).toEqual([
      { region: "2021", value: 3383.5 },
      { region: "2082", value: 5605 },
    ]);
    // type 7: h = (4 − 1)·0.9 = 2.7 → 3400 + 0.7·(3410 − 3400) = 3407
    expect(g.quantile(0.9, "value").get("value", 0)).toBeCloseTo(3407, 10);
    expect(g.quantile(0, "value").get("value", 0)).toBe(3361);
    expect(g.quantile(1, "value").get("value", 0)).toBe(3410);
  });

  test("first and last follow table order, keep a text column's type and role, and skip gaps on request", () => {
    const g = pop.groupBy(["region"]);
    expect(g.first(["sex", "value"]).toRows()).toEqual([
      { region: "2021", sex: "män", value: 3400 },
      { region: "2082", sex: "män", value: 5600 },
    ]);
    expect(g.last("value").toRows()).toEqual([
      { region: "2021", value: 3367 },
      { region: "2082", value: 5610 },
    ]);
    const byYear = pop.groupBy(["region", "year"]);
    expect(byYear.last("value").toRows().at(-2)).toEqual({ region: "2082", year: 2019, value: null });
    expect(byYear.last("value", { missing: "skip" }).toRows().at(-2)).toEqual({
      region: "2082",
      year: 2019,
      value: 5600,
    });
    const t = g.first("sex");
    expect(t.column("sex").type).toBe("string");
    expect(t.names("dimension")).toEqual(["region", "sex"]);
  });

  test("countDistinct counts known values; equal labels of a concatenated dictionary count once", () => {
    expect(pop.groupBy(["region"]).countDistinct(["year", "sex", "value"]).toRows()).toEqual([
      { region: "2021", year: 2, sex: 2, value: 4 },
      { region: "2082", year: 2, sex: 2, value: 2 },
    ]);
    const joined = concatTables([
      Table.fromRows([{ g: "a", sex: "män" }]),
      Table.fromRows([
        { g: "a", sex: "kvinnor" },
        { g: "a", sex: "män" },
      ]),
    ]);
    expect(joined.groupBy(["g"]).countDistinct("sex").get("sex", 0)).toBe(2);
  });

  test("aggregate: several outputs in one call, a custom reducer over typed arrays, in the order given", () => {
    const out = pop.groupBy(["year"]).aggregate(
      {
        total: { sum: "value" },
        mean: { mean: "value" },
        rows: { count: "value" },
        regions: { distinct: "region" },
        first_region: { first: "region" },
        range: { reduce: "value", with: (v) => Math.max(...v) - Math.min(...v) },
        typed: { reduce: "value", with: (v) => (v instanceof Float64Array ? v.length : -1) },
      },
      { missing: "skip" },
    );
    expect(out.columnNames).toEqual(["year", "total", "mean", "rows", "regions", "first_region", "range", "typed"]);
    expect(out.toRows()).toEqual([
      {
        year: 2019,
        total: 3400 + 3361 + 5600,
        mean: (3400 + 3361 + 5600) / 3,
        rows: 3,
        regions: 2,
        first_region: "2021",
        range: 5600 - 3361,
        typed: 3,
      },
      {
        year: 2020,
        total: 3410 + 3367 + 5610,
        mean: (3410 + 3367 + 5610) / 3,
        rows: 3,
        regions: 2,
        first_region: "2021",
        range: 5610 - 3367,
        typed: 3,
      },
    ]);
    // propagate: 2019 has a gap, so its sum and its reducer's result are unknown; the reducer is not called
    const strict = pop
      .groupBy(["year"])
      .aggregate({ total: { sum: "value" }, range: { reduce: "value", with: () => 1 } });
    expect(strict.toRows()).toEqual([
      { year: 2019, total: null, range: null },
      { year: 2020, total: 3410 + 3367 + 5610, range: 1 },
    ]);
  });

  test("a reducer's null, NaN or Infinity is missing; bad specifications are errors that say what to write", () => {
    const g = pop.groupBy(["region"]);
    expect(g.aggregate({ x: { reduce: "value", with: () => null } }).get("x", 0)).toBeNull();
    expect(g.aggregate({ x: { reduce: "value", with: () => Infinity } }).get("x", 0)).toBeNull();
    expect(() => g.aggregate({ x: { sum: "sex" } })).toThrow(/holds text, expected numbers for sum/);
    expect(() => g.aggregate({ x: { quantile: "value", p: 1.5 } })).toThrow(/between 0 and 1/);
    expect(() => g.aggregate({ x: {} as never })).toThrow(/names no operation/);
    expect(() => g.aggregate({ x: { sum: "nope" } })).toThrow(/no column "nope"/);
  });

  test("identities on random tables: min ≤ median ≤ max, sum = mean·count, quantiles are monotone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: -1000, max: 1000 })), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, p) => {
          const t = Table.fromRows(rows.map(([g, v]) => ({ g, v })));
          const out = t.groupBy(["g"]).aggregate({
            min: { min: "v" },
            median: { median: "v" },
            max: { max: "v" },
            sum: { sum: "v" },
            mean: { mean: "v" },
            n: { count: "v" },
            q: { quantile: "v", p },
          });
          for (const r of out.toRows()) {
            const [min, median, max, q] = [r.min, r.median, r.max, r.q] as number[];
            expect(min).toBeLessThanOrEqual(median!);
            expect(median).toBeLessThanOrEqual(max!);
            expect(q).toBeGreaterThanOrEqual(min!);
            expect(q).toBeLessThanOrEqual(max!);
            expect(r.sum as number).toBeCloseTo((r.mean as number) * (r.n as number), 6);
            const values = rows.filter(([g]) => g === r.g).map(([, v]) => v);
            expect(min).toBe(Math.min(...values));
            expect(r.n).toBe(values.length);
          }
        },
      ),
    );
  });
});
