// Load employment by 1 500 NUTS3 regions × 88 industries × 20 years and sum it by region × year.
import { read } from "../../dist/node.js";

const file = new URL("../tmp/emp-long.csv", import.meta.url).pathname;
const t0 = performance.now();
const emp = read(file);
const t1 = performance.now();
const groups = emp.groupBy(["region", "year"]).sum("value").toRows();
const t2 = performance.now();
let total = 0;
for (const g of groups) total += g.value;
console.log(JSON.stringify({
  maxRssMB: process.resourceUsage().maxRSS / 1024, load: t1 - t0, group: t2 - t1, check: { rows: emp.numRows, total, groups: groups.length } }));
