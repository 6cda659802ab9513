// Load SCB's wide PxWeb CSV (Latin-1, "0114 Upplands Väsby", one column per year) into a tidy table and group it.
import { read } from "../../dist/node.js";

const file = new URL("../tmp/pop-wide.csv", import.meta.url).pathname;
const t0 = performance.now();
const pop = read(file);
const t1 = performance.now();
const groups = pop.groupBy(["region", "year"]).sum("value").toRows();
const t2 = performance.now();
let total = 0;
for (const g of groups) total += g.value;
console.log(JSON.stringify({
  maxRssMB: process.resourceUsage().maxRSS / 1024, load: t1 - t0, group: t2 - t1, check: { rows: pop.numRows, total, groups: groups.length } }));
