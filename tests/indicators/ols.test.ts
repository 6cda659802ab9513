import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ols } from "../../src/indicators/util/ols.ts";

describe("OLS (QR)", () => {
  test("a textbook example: y on x with known coefficients, standard errors and R²", () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: b = 0.6, a = 2.2, SSE = 2.4, σ² = 0.8, SE(b) = √(0.8/10), R² = 0.6
    const fit = ols([2, 4, 5, 4, 5], { x: [1, 2, 3, 4, 5] })!;
    expect(fit.coefficients[0]).toBeCloseTo(2.2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
    expect(fit.sigma2).toBeCloseTo(0.8, 12);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(0.08), 12);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(0.8 * (1 / 5 + 9 / 10)), 12);
    expect(fit.r2).toBeCloseTo(0.6, 12);
  });

  test("recovers known coefficients exactly from noiseless data, and residuals sum to 0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })), {
          minLength: 4,
          maxLength: 40,
        }),
        (xs) => {
          const a = xs.map((x) => x[0]);
          const b = xs.map((x) => x[1]);
          const fit = ols(
            a.map((v, i) => 3 - 2 * v + 0.5 * b[i]!),
            { a, b },
          );
          if (!fit) return; // collinear draws
          expect(fit.coefficients[0]).toBeCloseTo(3, 6);
          expect(fit.coefficients[1]).toBeCloseTo(-2, 6);
          expect(fit.coefficients[2]).toBeCloseTo(0.5, 6);
          const noisy = ols(
            a.map((v, i) => v * v - b[i]!),
            { a, b },
          )!;
          expect(noisy.residuals.reduce((s, e) => s + e, 0)).toBeCloseTo(0, 6);
        },
      ),
    );
  });

  test("collinear regressors and too few observations give null", () => {
    expect(ols([1, 2, 3, 4], { a: [1, 2, 3, 4], b: [2, 4, 6, 8] })).toBeNull();
    expect(ols([1, 2], { a: [1, 2] })).toBeNull();
  });
});
