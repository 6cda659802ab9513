import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parallelStats } from "../../src/io/csv/parallel-node.ts";
import { read } from "../../src/node.ts";
import { loadCorpus } from "./fuzz/corpus.ts";
import { fingerprint, pairs } from "./fuzz/harness.ts";
import { caseSeed, rng } from "./fuzz/prng.ts";

// The fuzz corpus's CSV mutations (damaged, re-saved, cut, concatenated real files), each written to a file and read
// on 2 threads with every threshold at 0, against the same file read in one pass: the same table and warnings, or
// the same error. The seed and count are those of FUZZ_SEED and FUZZ_COUNT (default 7 and 300).
const SEED = Number(process.env.FUZZ_SEED ?? 7);
const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
const dir = mkdtempSync(join(tmpdir(), "omvarld-parallel-fuzz-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function outcome(path: string, threads: number) {
  try {
    const t = read(path, { threads, parallelAbove: 0, streamAbove: 0, chunkBytes: 1024 });
    return { rows: fingerprint(t), warnings: t.warnings, provenance: t.provenance };
  } catch (error) {
    return { error: String(error) };
  }
}

describe("reading mutated CSV files on two threads", () => {
  test(`${COUNT} cases: what one pass gives, table or error`, { timeout: 300_000 }, () => {
    const csv = pairs(loadCorpus().filter((b) => b.format === "csv" && !b.gzip));
    expect(csv.length).toBeGreaterThan(100);
    const before = parallelStats.bodies;
    let compared = 0;
    for (let i = 0; i < COUNT; i++) {
      const { base, mutation } = csv[(i * 7919) % csv.length]!;
      const bytes = mutation.mutate(base, rng(caseSeed(SEED, i)));
      if (bytes === null) continue;
      const path = join(dir, `case-${i}.csv`);
      writeFileSync(path, bytes);
      expect(outcome(path, 2), `#${i} ${mutation.name} ${base.name}`).toEqual(outcome(path, 1));
      compared++;
    }
    expect(compared).toBeGreaterThan(COUNT / 2);
    // the cases without quotes took the parallel path
    expect(parallelStats.bodies - before).toBeGreaterThan(20);
  });
});
