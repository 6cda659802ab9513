import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { queryDuckDB } from "../../src/io/duckdb.ts";
import { fixture, readFixture, total } from "../helpers.ts";

describe("DuckDB for data larger than memory", () => {
  test("aggregating a real export in DuckDB gives what the table gives", async () => {
    const path = fixture("tf/no-regions-2003-2016.csv");
    const fromDuck = await queryDuckDB(`SELECT year, sum(private_jobs) AS value FROM read_csv('${path}') WHERE level = 'Kommune' GROUP BY year ORDER BY year`);
    const ours = readFixture("tf/no-regions-2003-2016.csv").filter({ level: "Kommune" }).groupBy(["year"]).sum("private_jobs");
    expect(fromDuck.numRows).toBe(14);
    expect(fromDuck.column("value").type).toBe("number");
    expect(fromDuck.toRows()).toEqual(ours.rename({ private_jobs: "value" }).sort("year").toRows());
    expect(total(fromDuck)).toBe(total(ours, "private_jobs"));
  });

  test("codes stay text when DuckDB is told so; SQL errors are one line", async () => {
    const codes = await queryDuckDB("SELECT '0114' AS region, NULL::DOUBLE AS value");
    expect(codes.toRows()).toEqual([{ region: "0114", value: null }]);
    await expect(queryDuckDB("SELECT * FROM no_such_table")).rejects.toThrow(OmvarldError);
  });
});
