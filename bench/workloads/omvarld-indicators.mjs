// Growth, shift-share, location quotients and specialisation for all 1 500 NUTS3 regions × 88 industries × 20
// years. The checks are the ones bench/peers/{polars,duckdb}.mjs and pandas.py compute the same way.
import { growthOver, locationQuotients, read, shiftShare, specialisation } from "../../dist/node.js";

const file = new URL("../tmp/emp-long.csv", import.meta.url).pathname;
const t0 = performance.now();
const emp = read(file);
const t1 = performance.now();
const totals = growthOver(emp.groupBy(["region", "year"]).sum("value"), { from: 2005, to: 2024 });
const t2 = performance.now();
const shifts = shiftShare(emp, { from: 2005, to: 2024 });
const t3 = performance.now();
const lq = locationQuotients(emp, { year: 2024 });
const t4 = performance.now();
const spec = specialisation(emp, { year: 2024 });
const t5 = performance.now();
const sum = (table, name, f = (v) => v) => table.numbers(name).values.reduce((s, v) => s + f(v), 0);
let identity = 0;
for (const r of shifts.toRows()) identity += r.national_share + r.industry_mix + r.regional_shift - r.change;
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    growth: t2 - t1,
    shiftShare: t3 - t2,
    locationQuotients: t4 - t3,
    specialisation: t5 - t4,
    check: {
      growth: [totals.numRows, sum(totals, "growth_pct")],
      shiftShare: [
        shifts.numRows,
        sum(shifts, "industry_mix", Math.abs),
        sum(shifts, "regional_shift", Math.abs),
        sum(shifts, "competitive", Math.abs),
      ],
      lq: [
        lq.numRows,
        sum(lq, "location_quotient"),
        lq.numbers("location_quotient").values.reduce((m, v) => Math.max(m, v), -Infinity),
      ],
      specialisation: [spec.numRows, sum(spec, "krugman"), sum(spec, "herfindahl")],
      identity: Math.abs(identity) < 1e-3,
    },
  }),
);
