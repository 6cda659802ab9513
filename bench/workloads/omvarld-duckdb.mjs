// 18.5 M trips (one row per trip, 580 MB of CSV) aggregated in DuckDB under a 64 MB memory limit: by origin and year,
// and the OD matrix of one year from the aggregate. Needs @duckdb/node-api (npm install --no-save @duckdb/node-api).
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { aggregateWithDuckDB, OdMatrix } from "../../dist/node.js";

const dir = new URL("../tmp/", import.meta.url).pathname;
const file = `${dir}trips.csv`;
const N = 18_560_000; // a multiple of 580 and of 5, as in tests/io/duckdb-aggregate.test.ts
const code = (k) => String(100 + 3 * k).padStart(4, "0");
const MODES = ["bil", "buss", "tåg", "kollektivtrafik"];
if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  function* trips() {
    yield "trip_id,origin,destination,year,mode,persons\n";
    const block = [];
    for (let i = 0; i < N; i++) {
      block.push(`${i},${code(i % 290)},${code((7 * i) % 290)},${2020 + (i % 4)},${MODES[i % 4]},${1 + (i % 5)}\n`);
      if (block.length === 100_000) {
        yield block.join("");
        block.length = 0;
      }
    }
    yield block.join("");
  }
  await pipeline(Readable.from(trips()), createWriteStream(`${file}.part`));
  renameSync(`${file}.part`, file);
}
const limits = { memoryLimit: "64MB", threads: 2 };
const t0 = performance.now();
const byRegion = await aggregateWithDuckDB({
  files: file,
  by: { origin: "region", year: "year" },
  sum: "persons",
  ...limits,
});
const t1 = performance.now();
const flows = await aggregateWithDuckDB({
  files: file,
  by: ["origin", "destination"],
  sum: "persons",
  where: { year: [2021] },
  ...limits,
});
const od = OdMatrix.fromTable(flows);
const t2 = performance.now();
let total = 0;
for (const v of byRegion.numbers("value").values) total += v;
// Σ (1 + i mod 5) = 3N
if (total !== 3 * N) throw new Error(`sum ${total}, expected ${3 * N}`);
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    aggregate: t1 - t0,
    od: t2 - t1,
    check: { groups: byRegion.numRows, total, flows: od.flows },
  }),
);
