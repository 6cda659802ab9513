import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  localRate,
  projectPopulation,
  type Rates,
  timeWeights,
  weightedRate,
} from "../../src/indicators/population/projection.ts";
import { one } from "../helpers.ts";

const ages = 101;
const flat = (v: number) => Array.from({ length: ages }, () => v);
const population = { female: flat(100), male: flat(100) };

describe("cohort-component projection (docs/methods.md §8.1)", () => {
  test("no births, no migration, constant mortality: the survivors by hand", () => {
    const m = Array.from({ length: ages }, (_, a) => a / 1000);
    const rates: Rates = { fertility: flat(0), mortality: { female: m, male: m } };
    const { population: p } = projectPopulation({ population, start: 2024, horizon: 2026, rates: () => rates });
    // age 10 in 2025: 100·(1 − 0.009); age 11 in 2026: 100·(1 − 0.009)·(1 − 0.010)
    expect(one(p, { year: 2025, sex: "female", age: 10 }, "population")).toBeCloseTo(100 * (1 - 0.009), 12);
    expect(one(p, { year: 2026, sex: "male", age: 11 }, "population")).toBeCloseTo(100 * 0.991 * 0.99, 12);
    expect(one(p, { year: 2025, sex: "female", age: 0 }, "population")).toBe(0);
    // the open age 100+ keeps its own survivors and receives those of 99
    expect(one(p, { year: 2025, sex: "male", age: 100 }, "population")).toBeCloseTo(
      100 * (1 - 0.099) + 100 * (1 - 0.1),
      12,
    );
  });

  test("births: Σ f·women, 51.2 % boys, newborns exposed half a year", () => {
    const fertility = Array.from({ length: ages }, (_, a) => (a >= 15 && a <= 49 ? 0.05 : 0));
    const m = flat(0.002);
    const { population: p, components } = projectPopulation({
      population,
      start: 2024,
      horizon: 2025,
      rates: () => ({ fertility, mortality: { female: m, male: m } }),
    });
    const births = 35 * 100 * 0.05;
    expect(one(components, { year: 2024 }, "births")).toBeCloseTo(births, 12);
    expect(one(p, { year: 2025, sex: "male", age: 0 }, "population")).toBeCloseTo(births * 0.512 * (1 - 0.001), 12);
    expect(one(p, { year: 2025, sex: "female", age: 0 }, "population")).toBeCloseTo(births * 0.488 * (1 - 0.001), 12);
  });

  test("property: every year balances, end = start + births − deaths + in − out + immigration − emigration", () => {
    const rate = fc.double({ min: 0, max: 0.05, noNaN: true });
    fc.assert(
      fc.property(rate, rate, rate, rate, fc.integer({ min: 0, max: 30 }), (f, m, o, u, inflow) => {
        const rates: Rates = {
          fertility: Array.from({ length: ages }, (_, a) => (a >= 15 && a <= 49 ? f : 0)),
          mortality: { female: flat(m), male: flat(m * 1.2) },
          outMigration: { female: flat(o), male: flat(o) },
          emigration: { female: flat(u), male: flat(u) },
          inMigration: { female: flat(inflow / 10), male: flat(inflow / 10) },
          immigration: { female: flat(1), male: flat(0.5) },
        };
        const { population: p, components } = projectPopulation({
          population,
          start: 2024,
          horizon: 2030,
          rates: () => rates,
        });
        for (const c of components.toRows()) {
          const flows =
            (c.births as number) -
            (c.deaths as number) +
            (c.in_migration as number) -
            (c.out_migration as number) +
            (c.immigration as number) -
            (c.emigration as number);
          expect(c.end_population as number).toBeCloseTo((c.start_population as number) + flows, 8);
          const next = p
            .filter({ year: (c.year as number) + 1 })
            .groupBy([])
            .sum("population")
            .get("population", 0) as number;
          expect(next).toBeCloseTo(c.end_population as number, 8);
        }
      }),
      { numRuns: 30 },
    );
  });

  test("a risk that is not a probability is an error, not an exploding projection", () => {
    const m = flat(0.01);
    m[100] = 4.4;
    expect(() =>
      projectPopulation({
        population,
        start: 2024,
        horizon: 2025,
        rates: () => ({ fertility: flat(0), mortality: { female: m, male: flat(0.01) } }),
      }),
    ).toThrow(/mortality of females aged 100 in 2024 is 4.4, not a probability/);
  });

  test("scenario multipliers apply in their years only", () => {
    const rates: Rates = {
      fertility: flat(0),
      mortality: { female: flat(0), male: flat(0) },
      inMigration: { female: flat(1), male: flat(1) },
    };
    const { components } = projectPopulation({
      population,
      start: 2024,
      horizon: 2027,
      rates: () => rates,
      multipliers: [{ component: "inMigration", from: 2025, to: 2025, factor: 1.1 }],
    });
    expect(components.toRows().map((c) => c.in_migration)).toEqual([202, expect.closeTo(222.2, 10), 202]);
  });
});

describe("rates from history (docs/methods.md §8.1)", () => {
  test("time weights: uniform, linear, exponential (α 0.33)", () => {
    expect(timeWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(timeWeights(3, "linear")).toEqual([1 / 6, 2 / 6, 3 / 6]);
    const e = timeWeights(3, "exponential");
    expect(e[2]! / e[1]!).toBeCloseTo(1 / 0.67, 12);
    expect(e.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
  });

  test("a weighted rate is events over exposure, both weighted", () => {
    expect(weightedRate([10, 20], [1000, 1000], [0.5, 0.5])).toBeCloseTo(0.015, 14);
    expect(weightedRate([10, 20], [1000, 1000], [0, 1])).toBeCloseTo(0.02, 14);
    expect(weightedRate([1], [0], [1])).toBeNull();
  });

  test("small numbers fall back to the national rate; ratios are clipped", () => {
    expect(localRate(20, 1000, 0.01)).toBe(0.01); // 20 deaths < 50
    expect(localRate(60, 1000, 0.01)).toBeCloseTo(0.013, 14); // ratio 6 clipped to 1.3
    expect(localRate(60, 6000, 0.01)).toBeCloseTo(0.01, 14);
    expect(localRate(300, 10_000, 0.02, { clip: [0.1, 3], minEvents: 0 })).toBeCloseTo(0.03, 14);
  });
});
