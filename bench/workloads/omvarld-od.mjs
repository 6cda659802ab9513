// A commuting origin-destination matrix for 3 000 areas (sparse, ≈ 75 000 flows): build it, compute the commuting
// indicators, the LA regions and the neighbour weights.
import { commutingFromMatrix, laRegionTables, neighbourWeights, OdMatrix, read } from "../../dist/node.js";

const file = new URL("../tmp/od.csv", import.meta.url).pathname;
const t0 = performance.now();
const flows = read(file);
const t1 = performance.now();
const od = OdMatrix.fromTable(flows.drop("year"));
const t2 = performance.now();
const indicators = commutingFromMatrix(od);
const t3 = performance.now();
const la = laRegionTables(od);
const t4 = performance.now();
const weights = neighbourWeights(od);
const t5 = performance.now();
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    matrix: t2 - t1,
    indicators: t3 - t2,
    la: t4 - t3,
    weights: t5 - t4,
    check: {
      areas: od.size,
      flows: od.flows,
      indicators: indicators.numRows,
      regions: la.regions.numRows,
      weights: weights.numRows,
    },
  }),
);
