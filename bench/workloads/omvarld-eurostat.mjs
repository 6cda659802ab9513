// Eurostat's population TSV (demo_r_pjanaggr3, gzip, 31 000 series × 33 years = 1.03 M rows), whole or one region.
// Usage: node omvarld-eurostat.mjs [REGION]
import { read } from "../../dist/node.js";

const [region] = process.argv.slice(2);
const file = new URL("../../data/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv", import.meta.url).pathname;
const t0 = performance.now();
const pop = read(file, region ? { where: { region } } : {});
const t1 = performance.now();
let total = 0;
let missing = 0;
for (const v of pop.numbers("value").values) {
  if (Number.isNaN(v)) missing++;
  else total += v;
}
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    check: { rows: pop.numRows, total, missing },
  }),
);
