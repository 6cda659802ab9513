import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { queryDuckDB } from "../../src/io/duckdb.ts";
import { fixture, readFixture, total } from "../helpers.ts";

// @duckdb/node-api is an optional dependency (this registry serves only the Linux binary, so it cannot go into the
// lockfile); .ci/run installs it. Without it these tests are skipped, and vitest says so.
const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!installed)("DuckDB for data larger than memory (needs the optional @duckdb/node-api)", () => {
  test("aggregating a real export in DuckDB gives what the table gives", async () => {
    const path = fixture("tf/no-regions-2003-2016.csv");
    const fromDuck = await queryDuckDB(
      `SELECT year, sum(private_jobs) AS value FROM read_csv('${path}') WHERE level = 'Kommune' GROUP BY year ORDER BY year`,
    );
    const ours = readFixture("tf/no-regions-2003-2016.csv")
      .filter({ level: "Kommune" })
      .groupBy(["year"])
      .sum("private_jobs");
    expect(fromDuck.numRows).toBe(14);
    expect(fromDuck.column("value").type).toBe("number");
    expect(fromDuck.toRows()).toEqual(ours.rename({ private_jobs: "value" }).sort("year").toRows());
    expect(total(fromDuck)).toBe(total(ours, "private_jobs"));
  });

  test("codes stay text when DuckDB is told so; SQL errors are one line", async () => {
    expect(installed).toBe(true);
    const codes = await queryDuckDB("SELECT '0114' AS region, NULL::DOUBLE AS value");
    expect(codes.toRows()).toEqual([{ region: "0114", value: null }]);
    await expect(queryDuckDB("SELECT * FROM no_such_table")).rejects.toThrow(OmvarldError);
  });
});

test.runIf(!installed)("without @duckdb/node-api, queryDuckDB says how to get it", async () => {
  await expect(queryDuckDB("SELECT 1")).rejects.toThrow(/@duckdb\/node-api is not installed/);
});
