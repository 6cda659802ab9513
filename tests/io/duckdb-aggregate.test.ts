import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aggregateSql, aggregateWithDuckDB } from "../../src/io/duckdb-aggregate.ts";
import { queryDuckDB } from "../../src/io/duckdb.ts";
import { OdMatrix } from "../../src/indicators/commuting/od.ts";
import { one } from "../helpers.ts";

// @duckdb/node-api is optional (CI installs it without saving it); without it the DuckDB tests are skipped.
const installed = (() => {
  try {
    createRequire(import.meta.url).resolve("@duckdb/node-api");
    return true;
  } catch {
    return false;
  }
})();

test("the aggregate is one GROUP BY: codes read as text, year as integers, missing cells counted", () => {
  const sql = aggregateSql({
    files: ["a.csv", "b's.csv"],
    by: { kommun: "region", ar: "year" },
    sum: "antal",
    where: { kon: ["1", 2] },
  });
  expect(sql).toBe(
    [
      `SELECT CAST("kommun" AS VARCHAR) AS "region", CAST("ar" AS INTEGER) AS "year", sum(CAST("antal" AS DOUBLE)) AS "value", count(*) AS "rows", count(*) - count("antal") AS "missing"`,
      `FROM read_csv(['a.csv', 'b''s.csv'], types = {'kommun': 'VARCHAR'}, nullstr = ['', '..', ':', '.'])`,
      `WHERE CAST("kon" AS VARCHAR) IN ('1', '2')`,
      "GROUP BY ALL ORDER BY ALL",
    ].join("\n"),
  );
  expect(aggregateSql({ files: "trips/*.parquet", by: ["origin", "destination"] })).toContain(
    "FROM read_parquet(['trips/*.parquet'])",
  );
  expect(() => aggregateSql({ files: "a.csv", by: { a: "value" } })).toThrow(/two columns named "value"/);
  expect(() => aggregateSql({ files: [], by: ["a"] })).toThrow(/no files/);
});

describe.skipIf(!installed)("DuckDB aggregates with missing cells", () => {
  test("missing cells are passed over in the sum, counted, and named in a warning; an all-missing group is null", async () => {
    const dir = mkdtempSync(join(tmpdir(), "omvarld-duckdb-"));
    try {
      const file = join(dir, "small.csv");
      writeFileSync(file, "kommun,ar,antal\n0114,2020,3\n0114,2020,..\n0180,2020,2\n0180,2021,\n0180,2021,:\n");
      const t = await aggregateWithDuckDB({
        files: file,
        by: { kommun: "region", ar: "year" },
        sum: "antal",
        counts: true,
      });
      expect(t.toRows()).toEqual([
        { region: "0114", year: 2020, value: 3, rows: 2, missing: 1 },
        { region: "0180", year: 2020, value: 2, rows: 1, missing: 0 },
        { region: "0180", year: 2021, value: null, rows: 2, missing: 2 },
      ]);
      expect(t.warnings).toEqual([
        '3 cells were missing (empty, "..", ":" or ".") in 2 groups; value sums the other cells (counts: true gives the counts per group)',
      ]);
      const plain = await aggregateWithDuckDB({ files: file, by: { kommun: "region", ar: "year" }, sum: "antal" });
      expect(plain.columnNames).toEqual(["region", "year", "value"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Trips, one row per trip (as mobile-phone commuting data come): trip i goes from area i mod 290 to area 7i mod 290
// in year 2020 + i mod 4, carrying 1 + i mod 5 persons. N = 2 320 000 rows, 74 MB, aggregated under a DuckDB
// memory limit of 32 MB (generating a larger file takes most of the test's time; bench/workloads/omvarld-duckdb.mjs
// aggregates 580 MB under the same limit).
const N = 2_320_000;
const AREAS = 290;
const code = (k: number) => String(100 + 3 * k).padStart(4, "0"); // "0100" … "0967": codes with a leading zero
const MODES = ["bil", "buss", "tåg", "kollektivtrafik"];

function* trips(): Generator<string> {
  yield "trip_id,origin,destination,year,mode,persons\n";
  const block: string[] = [];
  for (let i = 0; i < N; i++) {
    block.push(`${i},${code(i % AREAS)},${code((7 * i) % AREAS)},${2020 + (i % 4)},${MODES[i % 4]},${1 + (i % 5)}\n`);
    if (block.length === 100_000) {
      yield block.join("");
      block.length = 0;
    }
  }
  yield block.join("");
}

describe.skipIf(!installed)("DuckDB aggregates a file larger than its memory limit", () => {
  let dir = "";
  let file = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "omvarld-duckdb-"));
    file = join(dir, "trips.csv");
    await pipeline(Readable.from(trips()), createWriteStream(file));
  }, 10 * 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const limits = { memoryLimit: "32MB", threads: 1 };

  test("the memory limit is DuckDB's, and the file is larger than it", async () => {
    const setting = await queryDuckDB("SELECT current_setting('memory_limit') AS m", {}, limits);
    expect(setting.get("m", 0)).toMatch(/^3[0-9](\.\d+)? ?Mi?B$/);
    expect(statSync(file).size).toBeGreaterThan(2 * 32 * 2 ** 20);
  });

  test(
    "by region (origin) and year: the sums the generator's formula gives",
    async () => {
      const t = await aggregateWithDuckDB({
        files: file,
        by: { origin: "region", year: "year" },
        sum: "persons",
        counts: true,
        ...limits,
      });
      // an area's trips all have i of one parity (290 is even), so each area has trips in 2 of the 4 years
      expect(t.numRows).toBe(AREAS * 2);
      let rows = 0;
      let value = 0;
      for (let r = 0; r < t.numRows; r++) {
        rows += t.get("rows", r) as number;
        value += t.get("value", r) as number;
      }
      expect(rows).toBe(N);
      // Σ (1 + i mod 5) over N = 5 k rows: N + N/5 · (0 + 1 + 2 + 3 + 4) = 3N
      expect(value).toBe(3 * N);
      // area 0 in 2020: i ≡ 0 (mod 580), N/580 = 4 000 trips; 580 is a multiple of 5, so each carries 1 person
      expect(one(t, { region: "0100", year: 2020 })).toBe(4_000);
      // area 1 in 2021: i ≡ 1 (mod 580), 4 000 trips of 2 persons
      expect(one(t, { region: "0103", year: 2021 })).toBe(8_000);
      expect(t.filter({ region: "0103", year: 2020 }).numRows).toBe(0);
      expect(t.schema.map((f) => `${f.name}:${f.type}:${f.role}`)).toEqual([
        "region:string:dimension",
        "year:number:dimension",
        "value:number:measure",
        "rows:number:measure",
        "missing:number:measure",
      ]);
    },
    10 * 60_000,
  );

  test(
    "the OD matrix of 2021 from the aggregate, against a count over the formula; Parquet gives the same",
    async () => {
      const flows = await aggregateWithDuckDB({
        files: file,
        by: ["origin", "destination"],
        sum: "persons",
        where: { year: [2021] },
        ...limits,
      });
      // the same flows counted from the formula, without the file
      const expected = new Map<string, number>();
      for (let i = 1; i < N; i += 4) {
        const key = `${code(i % AREAS)}>${code((7 * i) % AREAS)}`;
        expected.set(key, (expected.get(key) ?? 0) + 1 + (i % 5));
      }
      expect(flows.numRows).toBe(expected.size);
      for (let r = 0; r < flows.numRows; r++) {
        expect(flows.get("value", r)).toBe(expected.get(`${flows.get("origin", r)}>${flows.get("destination", r)}`));
      }
      const od = OdMatrix.fromTable(flows);
      expect(od.flows).toBe(expected.size);
      // Parquet, written by DuckDB from the CSV (codes kept as text), aggregates to the same table
      const parquet = join(dir, "trips.parquet");
      await queryDuckDB(
        `COPY (SELECT * FROM read_csv('${file}', types = {'origin': 'VARCHAR', 'destination': 'VARCHAR'}, buffer_size = 4194304)) TO '${parquet}' (FORMAT parquet)`,
        {},
        limits,
      );
      const fromParquet = await aggregateWithDuckDB({
        files: parquet,
        by: ["origin", "destination"],
        sum: "persons",
        where: { year: [2021] },
        ...limits,
      });
      expect(fromParquet.toRows()).toEqual(flows.toRows());
      expect(flows.columnNames).toEqual(["origin", "destination", "value"]);
      expect(flows.warnings).toEqual([]);
    },
    10 * 60_000,
  );
});
