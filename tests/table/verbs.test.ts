import { describe, expect, test } from "vitest";
import { Table } from "../../src/table/table.ts";
import { fromArrow } from "../../src/table/arrow.ts";

const pop = Table.fromRows([
  { region: "2021", year: 2019, sex: "män", value: 3400 },
  { region: "2021", year: 2019, sex: "kvinnor", value: 3361 },
  { region: "2021", year: 2020, sex: "män", value: 3410 },
  { region: "2021", year: 2020, sex: "kvinnor", value: 3367 },
  { region: "2082", year: 2019, sex: "män", value: 5600 },
  { region: "2082", year: 2019, sex: "kvinnor", value: null },
]);

describe("Table", () => {
  test("schema: strings are dimensions, year is a dimension, numbers are measures", () => {
    expect(pop.schema.map((f) => `${f.name}:${f.type}:${f.role}`)).toEqual([
      "region:string:dimension",
      "year:number:dimension",
      "sex:string:dimension",
      "value:number:measure",
    ]);
    expect(pop.column("region").type).toBe("string");
  });

  test("group and sum: a missing part makes the sum missing, unless asked to skip it", () => {
    const sums = pop.groupBy(["region", "year"]).sum("value").toRows();
    expect(sums).toEqual([
      { region: "2021", year: 2019, value: 6761 },
      { region: "2021", year: 2020, value: 6777 },
      { region: "2082", year: 2019, value: null },
    ]);
    expect(pop.groupBy(["region"]).sum("value", { missing: "skip" }).toRows().at(-1)).toEqual({
      region: "2082",
      value: 5600,
    });
    expect(pop.groupBy(["sex"]).mean("value", { missing: "skip" }).toRows()).toEqual([
      { sex: "män", value: (3400 + 3410 + 5600) / 3 },
      { sex: "kvinnor", value: (3361 + 3367) / 2 },
    ]);
    expect(pop.groupBy(["region"]).count().toRows()).toEqual([
      { region: "2021", count: 4 },
      { region: "2082", count: 2 },
    ]);
  });

  test("filter by value, list, predicate and row", () => {
    expect(pop.filter({ region: "2082" }).numRows).toBe(2);
    expect(pop.filter({ year: [2020], sex: "män" }).toRows()).toEqual([
      { region: "2021", year: 2020, sex: "män", value: 3410 },
    ]);
    expect(pop.filter({ value: null }).numRows).toBe(1);
    expect(
      pop
        .filter({ value: (v) => typeof v === "number" && v > 3400 })
        .toRows()
        .map((r) => r.value),
    ).toEqual([3410, 5600]);
    expect(pop.filter((r) => r.region === "2021" && r.sex === "kvinnor").numRows).toBe(2);
    expect(pop.filter({ region: "9999" }).numRows).toBe(0);
  });

  test("pivot wider and longer are inverses", () => {
    const wide = pop.filter({ region: "2021" }).pivotWider({ names: "year", values: "value" });
    expect(wide.toRows()).toEqual([
      { region: "2021", sex: "män", 2019: 3400, 2020: 3410 },
      { region: "2021", sex: "kvinnor", 2019: 3361, 2020: 3367 },
    ]);
    const long = wide.pivotLonger({
      columns: ["2019", "2020"],
      namesTo: "year",
      valuesTo: "value",
      numericNames: true,
    });
    expect(long.sort("year", "-sex").toRows()).toEqual(pop.filter({ region: "2021" }).sort("year", "-sex").toRows());
    expect(() => pop.pivotWider({ names: "year", values: "value", id: ["region"] })).toThrow(/more than one value/);
  });

  test("join inner and left; a duplicate key on the right is an error", () => {
    const names = Table.fromRows([{ region: "2021", name: "Vansbro" }]);
    expect(pop.join(names, { on: ["region"] }).numRows).toBe(4);
    const left = pop.join(names, { on: ["region"], how: "left" });
    expect(left.numRows).toBe(6);
    expect(left.filter({ region: "2082" }).distinct("name")).toEqual([]);
    expect(() => pop.join(pop, { on: ["region"] })).toThrow(/more than one row/);
  });

  test("lag matches years, not row positions: a gap gives null", () => {
    const t = Table.fromRows([
      { region: "A", year: 2018, value: 10 },
      { region: "A", year: 2020, value: 14 },
      { region: "A", year: 2019, value: 12 },
      { region: "B", year: 2020, value: 5 },
      { region: "B", year: 2022, value: 7 },
    ]);
    expect(
      t
        .lag("value")
        .toRows()
        .map((r) => r.value_lag),
    ).toEqual([null, 12, 10, null, null]);
    expect(
      t
        .lag("value", { n: -1, as: "next" })
        .toRows()
        .map((r) => r.next),
    ).toEqual([12, null, 14, null, null]);
  });

  test("sort is stable, descending with '-', missing last, Swedish collation", () => {
    const t = Table.fromRows([
      { name: "Örebro" },
      { name: "Ale" },
      { name: null },
      { name: "Åre" },
      { name: "Öckerö" },
    ]);
    expect(
      t
        .sort("name")
        .toRows()
        .map((r) => r.name),
    ).toEqual(["Ale", "Åre", "Öckerö", "Örebro", null]);
    expect(pop.sort("-value").get("value", 0)).toBe(5600);
  });

  test("select, drop, rename keep roles and provenance", () => {
    const t = pop.withProvenance({ source: "SCB", tableId: "BE0101N1" }).rename({ value: "folkmangd" }).drop("sex");
    expect(t.columnNames).toEqual(["region", "year", "folkmangd"]);
    expect(t.names("measure")).toEqual(["folkmangd"]);
    expect(t.provenance).toEqual({ source: "SCB", tableId: "BE0101N1" });
  });

  test("Arrow round trip keeps codes as strings and nulls as nulls", async () => {
    const arrow = await pop.toArrow();
    expect(arrow.numRows).toBe(6);
    const back = fromArrow(arrow);
    expect(back.toRows()).toEqual(pop.toRows());
    expect(back.column("region").type).toBe("string");
  });
});
