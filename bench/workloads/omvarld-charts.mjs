// Rendering 50 charts to SVG: the decomposition chart of 50 kommuner from the shipped panel. Reports the first
// chart (cold: vega and vega-lite loaded) and the mean of the other 49 (warm).
import { asAttractivenessPanel, decompositionChart, read, residentialAttractiveness } from "../../dist/node.js";

const file = new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url).pathname;
const panel = asAttractivenessPanel(read(file)).filter({ level: "kommune" });
const { decomposition } = residentialAttractiveness(panel, { from: 2007, to: 2016 });
const regions = decomposition.distinct("region").slice(0, 50);
const t0 = performance.now();
await decompositionChart(decomposition, { region: regions[0] }).toSVG();
const t1 = performance.now();
let bytes = 0;
for (const region of regions.slice(1)) bytes += (await decompositionChart(decomposition, { region }).toSVG()).length;
const t2 = performance.now();
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    cold: t1 - t0,
    warm: (t2 - t1) / (regions.length - 1),
    all: t2 - t0,
    check: { charts: regions.length, svgKB: Math.round(bytes / 1024) },
  }),
);
