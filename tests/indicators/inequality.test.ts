import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { betaConvergence, sigmaConvergence } from "../../src/indicators/inequality/convergence.ts";
import {
  atkinson,
  coefficientOfVariation,
  gini,
  theilDecomposition,
  theilL,
  theilT,
  williamson,
} from "../../src/indicators/inequality/inequality.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture } from "../helpers.ts";

describe("inequality (docs/methods.md §7)", () => {
  test("Gini by hand: [1, 2, 3, 4] is Σ|x_i − x_j|/(2n²μ) = 20/80", () => {
    expect(gini({ values: [1, 2, 3, 4] })).toBeCloseTo(0.25, 14);
    expect(gini({ values: [4, 1, 3, 2] })).toBeCloseTo(0.25, 14); // unsorted input
    expect(gini({ values: [5, 5, 5] })).toBeCloseTo(0, 14);
  });

  test("property: integer weights equal repeated values (Gini, CV, Theil, Atkinson)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 2,
          maxLength: 10,
        }),
        (pairs) => {
          const weighted = { values: pairs.map((p) => p[0]), weights: pairs.map((p) => p[1]) };
          const repeated = { values: pairs.flatMap(([v, w]) => Array<number>(w).fill(v)) };
          for (const f of [gini, coefficientOfVariation, theilT, theilL, (d: typeof repeated) => atkinson(d, 2)]) {
            expect(f(weighted)!).toBeCloseTo(f(repeated)!, 10);
          }
          const naive = repeated.values
            .flatMap((a) => repeated.values.map((b) => Math.abs(a - b)))
            .reduce((s, x) => s + x, 0);
          const mu = repeated.values.reduce((s, x) => s + x, 0) / repeated.values.length;
          expect(gini(repeated)!).toBeCloseTo(naive / (2 * repeated.values.length ** 2 * mu), 10);
        },
      ),
    );
  });

  test("Williamson: population-weighted CV around the national income per head", () => {
    // two regions: 100 people at 10, 300 at 20 → national 17.5; variance (100·7.5² + 300·2.5²)/400 = 18.75
    expect(williamson([10, 20], [100, 300])).toBeCloseTo(Math.sqrt(18.75) / 17.5, 14);
  });

  test("Theil T and L split exactly into within and between groups", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom("a", "b", "c")),
          { minLength: 2, maxLength: 15 },
        ),
        (rows) => {
          const d = { values: rows.map((r) => r[0]), weights: rows.map((r) => r[1]) };
          const groups = rows.map((r) => r[2]);
          const t = theilDecomposition(d, groups, "T")!;
          expect(t.within + t.between).toBeCloseTo(theilT(d)!, 10);
          const l = theilDecomposition(d, groups, "L")!;
          expect(l.within + l.between).toBeCloseTo(theilL(d)!, 10);
        },
      ),
    );
  });

  test("Atkinson: 0 for ε = 0; for ε = 1 one minus the geometric over the arithmetic mean", () => {
    expect(atkinson({ values: [1, 4] }, 0)).toBeCloseTo(0, 14);
    expect(atkinson({ values: [1, 4] }, 1)).toBeCloseTo(1 - 2 / 2.5, 14);
    expect(atkinson({ values: [0, 4] }, 1)).toBeNull();
  });
});

describe("convergence", () => {
  test("β-convergence recovers a known speed over ten years (not −ln(1+β)/T)", () => {
    const lambda = 0.02;
    const T = 10;
    const rows = [];
    for (let i = 0; i < 30; i++) {
      const y0 = 10_000 + 2000 * i;
      // ln y_T = c + e^(−λT)·ln y_0  ⇒  (1/T)·ln(y_T/y_0) = c/T − ((1 − e^(−λT))/T)·ln y_0
      const yT = Math.exp(1 + Math.exp(-lambda * T) * Math.log(y0));
      rows.push({ region: `R${i}`, year: 2000, value: y0 }, { region: `R${i}`, year: 2000 + T, value: yT });
    }
    const b = betaConvergence(Table.fromRows(rows), 2000, 2010)!;
    expect(b.beta).toBeCloseTo(-(1 - Math.exp(-lambda * T)) / T, 12);
    expect(b.speed).toBeCloseTo(lambda, 10);
    expect(b.halfLife).toBeCloseTo(Math.LN2 / lambda, 6);
    expect(b.r2).toBeCloseTo(1, 10);
  });

  test("conditional β: a control that explains part of growth is estimated beside it", () => {
    const rows = [];
    const control: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const y0 = 10_000 + 997 * i;
      const x = (i * 7) % 5; // e.g. an education share
      control[`R${i}`] = x;
      const g = 0.05 - 0.004 * Math.log(y0) + 0.003 * x; // annualised growth, T = 5
      rows.push(
        { region: `R${i}`, year: 2010, value: y0 },
        { region: `R${i}`, year: 2015, value: y0 * Math.exp(5 * g) },
      );
    }
    const b = betaConvergence(Table.fromRows(rows), 2010, 2015, { controls: { education: control } })!;
    expect(b.beta).toBeCloseTo(-0.004, 10);
    expect(b.regression.coefficients[2]).toBeCloseTo(0.003, 10);
    expect(b.speed).toBeCloseTo(-Math.log(1 - 0.004 * 5) / 5, 10);
    // without the control, β absorbs part of its effect
    expect(betaConvergence(Table.fromRows(rows), 2010, 2015)!.beta).not.toBeCloseTo(-0.004, 4);
  });

  test("a single region: no dispersion, and no regression", () => {
    expect(gini({ values: [5] })).toBe(0);
    expect(coefficientOfVariation({ values: [5] })).toBe(0);
    const one = Table.fromRows([
      { region: "A", year: 0, value: 1 },
      { region: "A", year: 1, value: 2 },
    ]);
    expect(betaConvergence(one, 0, 1)).toBeNull();
  });

  test("German counties 2000-2014 (REAT): σ and β on GDP per head", () => {
    const gdppc = readFixture("../reat/G.counties.gdp.csv")
      .filter({ contents: "gdppc" })
      .select("region", "year", "value");
    const sigma = sigmaConvergence(gdppc)
      .filter({ year: [2000, 2014] })
      .toRows();
    expect(sigma.map((r) => r.regions)).toEqual([402, 402]);
    // σ is the standard deviation of ln y, computed here independently for 2000
    const y2000 = gdppc
      .filter({ year: 2000 })
      .toRows()
      .map((r) => Math.log(r.value as number));
    const m = y2000.reduce((s, v) => s + v, 0) / y2000.length;
    expect(sigma[0]!.sigma).toBeCloseTo(Math.sqrt(y2000.reduce((s, v) => s + (v - m) ** 2, 0) / y2000.length), 12);
    const beta = betaConvergence(gdppc, 2000, 2014)!;
    expect(beta.n).toBe(402);
    expect(beta.years).toBe(14);
    expect(beta.speed === null || Number.isFinite(beta.speed)).toBe(true);
  });
});
