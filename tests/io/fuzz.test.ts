import { writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadCorpus } from "./fuzz/corpus.ts";
import { PASSING, reference, runFuzz, summarise } from "./fuzz/harness.ts";
import { isKnown } from "./fuzz/known.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const COUNT = Number(process.env.FUZZ_COUNT ?? 300);

describe("fuzz: mutated real fixtures read the same, with a warning, or fail with a placed one-line error", () => {
  const bases = loadCorpus();

  test("every fixture, cut to its first lines, reads as a base", () => {
    expect(bases.length).toBeGreaterThanOrEqual(20);
    expect(bases.filter((b) => reference(b) === null).map((b) => b.name)).toEqual([]);
  });

  test(
    `seed ${SEED}, ${COUNT} cases: no crash, no silently different value, no unplaced error`,
    { timeout: 600_000 },
    () => {
      const results = runFuzz(bases, SEED, COUNT);
      const { outcomes, byMutation } = summarise(results);
      if (process.env.FUZZ_REPORT)
        writeFileSync(
          process.env.FUZZ_REPORT,
          JSON.stringify({ seed: SEED, count: COUNT, outcomes, byMutation, results }, null, 1),
        );
      const failures = results.filter((r) => !PASSING.has(r.outcome));
      const unknown = failures.filter((r) => !isKnown(r));
      // one line per unexpected failure: mutation, fixture, outcome and what was read
      expect(unknown.map((r) => `#${r.index} ${r.mutation} × ${r.fixture}: ${r.outcome} — ${r.detail}`)).toEqual([]);
      expect(results.length).toBeGreaterThan(COUNT * 0.8);
      // the passing outcomes all occur (the corpus exercises repairs and errors, not only clean reads)
      expect(outcomes.same).toBeGreaterThan(0);
      expect(outcomes.error).toBeGreaterThan(0);
      expect(Object.keys(byMutation).length).toBeGreaterThan(30);
    },
  );
});
