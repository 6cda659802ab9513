// The report for Trysil end to end, as `omvarld report` makes it: read the panel, fit the model, 5 charts, HTML.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeReport } from "../../dist/node.js";

const out = mkdtempSync(join(tmpdir(), "omvarld-report-"));
const t0 = performance.now();
const [html] = await writeReport({
  data: [new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url).pathname],
  region: "0428",
  peers: [],
  locale: "sv",
  out,
  log: () => undefined,
});
const t1 = performance.now();
console.log(
  JSON.stringify({
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    report: t1 - t0,
    check: { html: html.endsWith("report.html") },
  }),
);
