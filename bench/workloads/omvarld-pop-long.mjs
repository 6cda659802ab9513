// Load the 2.9 M-row tidy population CSV (or the file in bench/tmp/ named), group by region × year, pivot one kommun
// to age × year. Usage: node omvarld-pop-long.mjs [FILE] [CACHE_FOLDER] (with a folder, read through the table cache)
import { read } from "../../dist/node.js";

const file = new URL(`../tmp/${process.argv[2] ?? "pop-long.csv"}`, import.meta.url).pathname;
const t0 = performance.now();
const pop = read(file, process.argv[3] ? { cache: { folder: process.argv[3] } } : {});
const t1 = performance.now();
const groups = pop.groupBy(["region", "year"]).sum("value").toRows();
const t2 = performance.now();
const pivot = pop
  .filter({ region: "0114" })
  .groupBy(["age", "year"])
  .sum("value")
  .pivotWider({ names: "year", values: "value" })
  .toRows();
const t3 = performance.now();
let total = 0;
for (const g of groups) total += g.value;
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    group: t2 - t1,
    pivot: t3 - t2,
    check: {
      rows: pop.numRows,
      total,
      groups: groups.length,
      pivot: [pivot.length, Object.keys(pivot[0]).length],
      cell: pivot[0]["1975"],
    },
  }),
);
