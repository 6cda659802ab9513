#!/usr/bin/env node
// A larger run of the fuzz test (tests/io/fuzz.test.ts): mutates the real fixtures and prints the counts per outcome,
// per mutation, and every failing (mutation, format, outcome) group with an example and whether it is a known defect.
//
//   node scripts/fuzz.mjs [count=3000] [seed=13]
//
// It runs the same harness through vitest (which compiles the TypeScript) and reads back the JSON report it writes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const count = Number(process.argv[2] ?? 3000);
const seed = Number(process.argv[3] ?? 13);
const dir = mkdtempSync(join(tmpdir(), "omvarld-fuzz-"));
const report = join(dir, "report.json");
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "tests/io/fuzz.test.ts", "--reporter=dot"],
  {
    env: { ...process.env, FUZZ_COUNT: String(count), FUZZ_SEED: String(seed), FUZZ_REPORT: report },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  },
);
let data;
try {
  data = JSON.parse(readFileSync(report, "utf8"));
} catch {
  process.stdout.write(run.stdout + run.stderr);
  console.error("the fuzz test wrote no report");
  process.exit(2);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const passing = new Set(["same", "warned", "error"]);
const order = [
  "same",
  "warned",
  "error",
  "error-unplaced",
  "false-error",
  "wrong-error",
  "silent-different",
  "warned-different",
  "crash",
];
// each column as wide as its name
const row = (counts) => order.map((o) => String(counts[o] ?? 0).padStart(Math.max(6, o.length))).join(" ");
console.log(`fuzz: seed ${data.seed}, ${data.results.length} cases (of ${data.count} drawn)`);
console.log(`${"".padEnd(30)} ${order.map((o) => o.padStart(6)).join(" ")}`);
console.log(`${"all".padEnd(30)} ${row(data.outcomes)}`);
for (const [mutation, counts] of Object.entries(data.byMutation).sort())
  console.log(`${mutation.padEnd(30)} ${row(counts)}`);
const groups = new Map();
for (const r of data.results) {
  if (passing.has(r.outcome)) continue;
  const key = `${r.mutation} | ${r.format} | ${r.outcome}`;
  const g = groups.get(key) ?? { n: 0, fixtures: new Set(), example: r };
  g.n++;
  g.fixtures.add(r.fixture);
  groups.set(key, g);
}
console.log(`\nfailures by mutation | format | outcome (${[...groups.values()].reduce((s, g) => s + g.n, 0)} cases):`);
for (const [key, g] of [...groups].sort()) {
  console.log(
    `  ${key}: ${g.n} case(s), ${g.fixtures.size} fixture(s); e.g. #${g.example.index} ${g.example.fixture}: ${g.example.detail.slice(0, 200)}`,
  );
}
const failed = /(\d+) failed/.exec(run.stdout)?.[1];
console.log(
  `\nvitest: ${failed ? `${failed} test(s) failed (unknown failures above, or see npx vitest run tests/io/fuzz.test.ts)` : "passed (every failure is a known defect)"}`,
);
