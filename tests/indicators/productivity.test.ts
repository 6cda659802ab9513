import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  decomposeValueAddedGrowth,
  industryAdjustedProductivity,
  valueAddedGrowth,
  withinBetween,
} from "../../src/indicators/productivity/productivity.ts";
import { Table } from "../../src/table/table.ts";

const positive = fc.double({ min: 1, max: 1e6, noNaN: true });

describe("value-added growth decomposition (docs/methods.md §6.2)", () => {
  test("hand example: VA 100 → 132, jobs 10 → 11", () => {
    const d = decomposeValueAddedGrowth(100, 132, 10, 11)!;
    // p 10 → 12
    expect(d.interaction).toEqual({ total: 32, employment: 10, productivity: 20, interaction: 2 });
    expect(d.midpoint).toEqual({ total: 32, employment: 11, productivity: 21 });
    expect(d.log.employment).toBeCloseTo(Math.log(1.1), 14);
    expect(d.log.productivity).toBeCloseTo(Math.log(1.2), 14);
  });

  test("property: every form is exactly additive", () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, (va0, va1, j0, j1) => {
        const d = decomposeValueAddedGrowth(va0, va1, j0, j1)!;
        // tolerance relative to the size of the parts, which can be far larger than their sum
        const close = (parts: number[], total: number) =>
          expect(Math.abs(parts.reduce((s, x) => s + x, 0) - total)).toBeLessThanOrEqual(
            1e-9 * (1 + parts.reduce((s, x) => s + Math.abs(x), 0)),
          );
        close([d.log.employment, d.log.productivity], d.log.total);
        const i = d.interaction;
        close([i.employment, i.productivity, i.interaction], i.total);
        close([d.midpoint.employment, d.midpoint.productivity], d.midpoint.total);
      }),
    );
  });

  test("zero or missing values give null", () => {
    expect(decomposeValueAddedGrowth(0, 10, 1, 1)).toBeNull();
    expect(decomposeValueAddedGrowth(10, 10, 1, 0)).toBeNull();
    expect(decomposeValueAddedGrowth(10, 10, 2, 2)!.shares).toEqual({ employment: null, productivity: null });
  });

  test("the Kronoberg-type statement: fewer jobs, the same value added, a productivity gain", () => {
    const t = Table.fromRows([
      { region: "07", year: 2007, value_added: 20_000, jobs: 24_000 },
      { region: "07", year: 2017, value_added: 20_000, jobs: 20_000 },
    ]);
    const r = valueAddedGrowth(t, 2007, 2017).toRows()[0]!;
    expect(r.log_value_added).toBe(0);
    expect(r.productivity_growth_pct).toBeCloseTo(100 * ((24_000 / 20_000) ** 0.1 - 1), 10);
    expect(r.employment_effect).toBeCloseTo((-4000 * (20_000 / 24_000 + 1)) / 2, 8);
  });
});

describe("within and between industries (docs/methods.md §6.2)", () => {
  test("hand example with a shift towards the productive industry", () => {
    const r = withinBetween([
      { industry: "A", valueAdded0: 100, valueAdded1: 240, jobs0: 10, jobs1: 20 }, // p 10 → 12, s .5 → .667
      { industry: "B", valueAdded0: 50, valueAdded1: 50, jobs0: 10, jobs1: 10 }, // p 5 → 5, s .5 → .333
    ])!;
    expect(r.total).toBeCloseTo(290 / 30 - 150 / 20, 12);
    expect(r.within).toBeCloseTo(0.5 * 2 + 0.5 * 0, 12);
    expect(r.between).toBeCloseTo((2 / 3 - 0.5) * 10 + (1 / 3 - 0.5) * 5, 12);
    expect(r.interaction).toBeCloseTo((2 / 3 - 0.5) * 2, 12);
    expect(r.within + r.between + r.interaction).toBeCloseTo(r.total, 12);
  });
});

describe("industry-adjusted productivity (docs/methods.md §6.1)", () => {
  test("a region with a productive mix but average productivity in each industry scores 0", () => {
    const t = Table.fromRows([
      // industry "hi": national p = 200; "lo": national p = 50
      { region: "A", industry: "hi", value_added: 1800, jobs: 9 },
      { region: "A", industry: "lo", value_added: 50, jobs: 1 },
      { region: "B", industry: "hi", value_added: 200, jobs: 1 },
      { region: "B", industry: "lo", value_added: 450, jobs: 9 },
    ]);
    const r = industryAdjustedProductivity(t);
    const a = r.filter({ region: "A" }).toRows()[0]!;
    expect(a.productivity).toBe(185);
    expect(a.expected).toBe(185);
    expect(a.adjusted).toBe(0);
    const b = r.filter({ region: "B" }).toRows()[0]!;
    expect(b.productivity).toBe(65);
    expect(b.adjusted).toBe(0);
  });

  test("TF's definition: actual minus expected from the mix", () => {
    const t = Table.fromRows([
      { region: "NO", industry: "a", value_added: 1000, jobs: 10 },
      { region: "NO", industry: "b", value_added: 3000, jobs: 10 },
      { region: "R", industry: "a", value_added: 150, jobs: 1 },
      { region: "R", industry: "b", value_added: 300, jobs: 1 },
    ]);
    const r = industryAdjustedProductivity(t, { national: "NO" }).toRows()[0]!;
    expect(r).toMatchObject({ region: "R", productivity: 225, expected: 200, adjusted: 25 });
  });
});
