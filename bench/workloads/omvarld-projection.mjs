// Projections: 290 municipalities × 101 ages × 2 sexes × 20 years by single year of age (projectPopulation, rates
// constant over the years), and the Nordic NUTS 3 regions in Eurostat's file (SE, NO, DK, FI) projected on their
// three age groups to 2040 with a 1 000-run bootstrap interval (projectAgeGroups).
import { projectAgeGroups, projectPopulation, read } from "../../dist/node.js";

const ages = 101;
const pattern = (f) => Array.from({ length: ages }, (_, a) => f(a));
const mortality = pattern((a) => Math.min(0.5, 0.0002 * Math.exp(a / 11)));
const rates = {
  fertility: pattern((a) => (a >= 15 && a <= 49 ? 0.05 * Math.exp(-(((a - 31) / 6) ** 2)) : 0)),
  mortality: { female: mortality, male: mortality.map((m) => Math.min(0.5, m * 1.3)) },
  outMigration: { female: pattern(() => 0.03), male: pattern(() => 0.03) },
  inMigration: { female: pattern(() => 2), male: pattern(() => 2) },
};
const t0 = performance.now();
let total = 0;
for (let k = 0; k < 290; k++) {
  const size = 2000 + 300 * k;
  const start = pattern((a) => (size / ages) * Math.exp(-a / 80));
  const p = projectPopulation({
    population: { female: start, male: start },
    start: 2024,
    horizon: 2044,
    rates: () => rates,
    region: String(k),
  });
  total += p.components.numRows;
}
const t1 = performance.now();
const eurostat = read(
  new URL("../../data/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv", import.meta.url).pathname,
  { where: { unit: "NR" } },
).filter({ region: (r) => /^(SE|NO|DK|FI)..\d$/.test(String(r)) });
const t2 = performance.now();
let regions = 0;
for (const region of eurostat.distinct("region")) {
  try {
    projectAgeGroups(eurostat, { region, horizon: 2040 });
    regions++;
  } catch {
    // regions without two complete years by sex and group (Eurostat has gaps) are left out
  }
}
const t3 = performance.now();
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    single: t1 - t0,
    load: t2 - t1,
    groups: t3 - t2,
    perRegion: (t3 - t2) / regions,
    check: { years: total, regions },
  }),
);
