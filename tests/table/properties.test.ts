import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Table } from "../../src/table/table.ts";

const rows = fc.array(
  fc.record({
    region: fc.constantFrom("0114", "2021", "2082", "3421"),
    year: fc.integer({ min: 2000, max: 2005 }),
    value: fc.integer({ min: -1000, max: 100_000 }),
  }),
  { minLength: 1, maxLength: 200 },
);

describe("table identities on random tables", () => {
  test("group sums add up to the column total", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const t = Table.fromRows(data);
        const grand = data.reduce((s, r) => s + r.value, 0);
        const byRegionYear = t.groupBy(["region", "year"]).sum("value");
        const sum = byRegionYear.toRows().reduce((s, r) => s + (r.value as number), 0);
        expect(sum).toBe(grand);
        expect(byRegionYear.groupBy([]).sum("value").get("value", 0)).toBe(grand);
      }),
    );
  });

  test("filter partitions the rows", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const t = Table.fromRows(data);
        const a = t.filter({ region: ["0114", "2021"] }).numRows;
        const b = t.filter({ region: ["2082", "3421"] }).numRows;
        expect(a + b).toBe(t.numRows);
      }),
    );
  });

  test("pivotWider then pivotLonger returns the aggregated long table", () => {
    fc.assert(
      fc.property(rows, (data) => {
        const agg = Table.fromRows(data).groupBy(["region", "year"]).sum("value");
        const years = agg.distinct("year").map(String);
        const back = agg
          .pivotWider({ names: "year", values: "value" })
          .pivotLonger({ columns: years, namesTo: "year", valuesTo: "value", numericNames: true })
          .filter({ value: (v) => v !== null });
        expect(back.sort("region", "year").toRows()).toEqual(agg.sort("region", "year").toRows());
      }),
    );
  });
});
