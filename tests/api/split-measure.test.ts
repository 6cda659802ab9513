import { expect, test } from "vitest";
import { PxWeb2 } from "../../src/io/api/pxweb2.ts";
import { replay, syntheticTab638 } from "./replay.ts";

/**
 * A measurement, not a test: calls and wall time of split selections against the replay server, printed for
 * bench/RESULTS.md. Runs only with OMVARLD_MEASURE=1:
 *   OMVARLD_MEASURE=1 npx vitest run tests/api/split-measure.test.ts
 * The server is the synthetic TAB638 endpoint (real metadata, written values) in this process, with /config's
 * limit set per case; the rate limit is SCB's recorded 30 calls per 10 s.
 */
test.runIf(process.env.OMVARLD_MEASURE === "1")(
  "calls and wall time of split selections",
  async () => {
    const kommuner = { Region: "????", Civilstand: "*", Alder: "*", Kon: "*", ContentsCode: "BE0101N1" };
    const cases = [
      { name: "290 kommuner × 4 × 102 × 2, latest year", limit: 150_000, selection: { ...kommuner, Tid: "top(1)" } },
      { name: "290 kommuner × 4 × 102 × 2, last 10 years", limit: 150_000, selection: { ...kommuner, Tid: "top(10)" } },
      {
        name: "290 kommuner × 4 × 102 × 2, latest year, server limit 5 000 cells",
        limit: 5_000,
        selection: { ...kommuner, Tid: "top(1)" },
      },
    ];
    for (const c of cases) {
      const server = await replay(syntheticTab638(c.limit));
      const client = new PxWeb2("scb", { baseUrl: `${server.url}/api/v2/` });
      const plan = await client.plan("TAB638", c.selection);
      const started = performance.now();
      const table = await client.data("TAB638", c.selection);
      const ms = performance.now() - started;
      const calls = server.hits.filter((h) => h.startsWith("POST")).length;
      expect(calls).toBe(plan.calls);
      expect(table.numRows).toBe(plan.cells);
      console.log(`| ${c.name} | ${c.limit} | ${plan.cells} | ${calls} | ${(ms / 1000).toFixed(2)} |`);
      await server.close();
    }
  },
  600_000,
);
