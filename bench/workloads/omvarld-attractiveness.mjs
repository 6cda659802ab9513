// The attractiveness model for all 426 Norwegian kommuner 2007-2016 on the shipped panel: residential and
// business attractiveness (ten cross-section regressions each) and the ranking.
import {
  asAttractivenessPanel,
  businessAttractiveness,
  rankAttractiveness,
  read,
  residentialAttractiveness,
} from "../../dist/node.js";

const file = new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url).pathname;
const t0 = performance.now();
const panel = asAttractivenessPanel(read(file)).filter({ level: "kommune" });
const t1 = performance.now();
const residential = residentialAttractiveness(panel, { from: 2007, to: 2016 });
const business = businessAttractiveness(panel, { from: 2007, to: 2016 });
const t2 = performance.now();
const ranking = rankAttractiveness(residential.decomposition, business.decomposition, { from: 2007, to: 2016 });
const t3 = performance.now();
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    load: t1 - t0,
    model: t2 - t1,
    ranking: t3 - t2,
    check: { regressions: residential.regressions.length, ranked: ranking.filter({ rank: (v) => v !== null }).numRows },
  }),
);
