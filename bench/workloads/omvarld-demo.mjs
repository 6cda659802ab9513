// The demo end to end: read the shipped data, compute, print, write 6 charts as SVG and PNG and the HTML report.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demo } from "../../dist/node.js";

const out = mkdtempSync(join(tmpdir(), "omvarld-demo-"));
const lines = [];
const t0 = performance.now();
await demo({ out, log: (line) => lines.push(line) });
const t1 = performance.now();
console.log(
  JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, demo: t1 - t0, check: { lines: lines.length } }),
);
