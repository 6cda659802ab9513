import { describe, expect, test } from "vitest";
import { asCanonical, asPopulationChange, Population } from "../../src/io/canonical.ts";
import { one, readFixture } from "../helpers.ts";

describe("canonical datasets", () => {
  test("Population from SCB's kommun export", () => {
    const pop = asCanonical(readFixture("scb/anderssundell-stathelp__data__befolkning.csv"), Population);
    expect(pop.columnNames).toEqual(["region", "year", "value", "region_name"]);
    expect(one(pop, { region: "2082" })).toBe(11_160);
  });

  test("PopulationChange from SSB's long table: components as columns", () => {
    const change = asPopulationChange(readFixture("ssb/erleholgersen-elections-norway__folketall.csv"));
    expect(change.columnNames).toEqual([
      "region",
      "year",
      "population",
      "births",
      "deaths",
      "in_migration",
      "out_migration",
      "region_name",
    ]);
    const hedmark2013 = change.filter({ region: "04", year: 2013 }).toRows()[0]!;
    expect(hedmark2013).toMatchObject({
      population: 193_719,
      births: 1714,
      deaths: 2136,
      in_migration: 6593,
      out_migration: 5438,
    });
  });

  test("a table that does not fit says which columns are wrong", () => {
    const t = readFixture("scb/grocid-personnummer__BE0101N1.csv");
    const error = (() => {
      try {
        asCanonical(t, Population);
      } catch (e) {
        return String(e);
      }
    })();
    expect(error).toMatch(
      /not a Population table: column "region" \(codes as text\) is missing \(hint: the table has columns age, year, value/,
    );
    const renamed = t.rename({ age: "region" });
    expect(() => asCanonical(renamed, Population)).not.toThrow();
    expect(() => asPopulationChange(readFixture("scb/anderssundell-stathelp__data__befolkning.csv"))).toThrow(
      /column "births" \(numbers\) is missing; column "deaths" \(numbers\) is missing/,
    );
  });
});
