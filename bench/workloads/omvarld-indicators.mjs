// Growth, shift-share and location quotients for all 1 500 NUTS3 regions × 88 industries × 20 years.
import { growthOver, locationQuotients, read, shiftShare } from "../../dist/node.js";

const file = new URL("../tmp/emp-long.csv", import.meta.url).pathname;
const t0 = performance.now();
const emp = read(file);
const t1 = performance.now();
const totals = growthOver(emp.groupBy(["region", "year"]).sum("value"), 2005, 2024);
const t2 = performance.now();
const shifts = shiftShare(emp, { from: 2005, to: 2024 });
const t3 = performance.now();
const lq = locationQuotients(emp, { year: 2024 });
const t4 = performance.now();
let check = 0;
for (const r of shifts.toRows()) check += r.national_share + r.industry_mix + r.regional_shift - r.change;
console.log(JSON.stringify({
  maxRssMB: process.resourceUsage().maxRSS / 1024, load: t1 - t0, growth: t2 - t1, shiftShare: t3 - t2, locationQuotients: t4 - t3,
  check: { regions: shifts.numRows, lq: lq.numRows, growth: totals.numRows, identity: Math.abs(check) < 1e-3 },
}));
