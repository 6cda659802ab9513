// Load a data set from bench/tmp/ and sum it by region × year. Usage: node omvarld-load-group.mjs FILE [VALUE]
import { read } from "../../dist/node.js";

const [file, value = "value"] = process.argv.slice(2);
const t0 = performance.now();
const table = read(new URL(`../tmp/${file}`, import.meta.url).pathname);
const t1 = performance.now();
const groups = table.groupBy(["region", "year"]).sum(value).toRows();
const t2 = performance.now();
let total = 0;
for (const g of groups) total += g[value];
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    group: t2 - t1,
    check: { rows: table.numRows, total, groups: groups.length },
  }),
);
