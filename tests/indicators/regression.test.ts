import { describe, expect, test } from "vitest";
import { linearRegression } from "../../src/indicators/regression/linear.ts";

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const correlation = (a: number[], b: number[]) => {
  const [ma, mb] = [mean(a), mean(b)];
  const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0);
  const va = a.reduce((s, x) => s + (x - ma) ** 2, 0);
  const vb = b.reduce((s, x) => s + (x - mb) ** 2, 0);
  return cov / Math.sqrt(va * vb);
};

describe("linearRegression: the public regression with its statistics", () => {
  test("the textbook line y = 2.2 + 0.6x; its standardised slope is the correlation r = √0.6", () => {
    const fit = linearRegression([2, 4, 5, 4, 5], { x: [1, 2, 3, 4, 5] })!;
    expect(fit.names).toEqual(["intercept", "x"]);
    expect(fit.coefficients[0]).toBeCloseTo(2.2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.6, 12);
    expect(fit.r2).toBeCloseTo(0.6, 12);
    expect(fit.standardised[0]).toBeNull();
    expect(fit.standardised[1]).toBeCloseTo(Math.sqrt(0.6), 12);
    // exact p values: F(1, 3) = t² and both tests agree
    expect(Math.abs(fit.fPValue! - fit.pValues[1]!) / fit.pValues[1]!).toBeLessThan(1e-12);
    expect(fit.missing).toBe(0);
    expect(fit.note).toBeNull();
  });

  test("two regressors: β*_1 = (r_y1 − r_y2·r_12)/(1 − r_12²) (the standardised normal equations)", () => {
    const x1 = [1, 2, 3, 4, 5, 6, 7, 8];
    const x2 = [3, 1, 4, 1, 5, 9, 2, 6];
    const y = [2.1, 2.9, 4.2, 4.1, 6.3, 8.8, 6.1, 9.4];
    const fit = linearRegression(y, { x1, x2 })!;
    const [ry1, ry2, r12] = [correlation(y, x1), correlation(y, x2), correlation(x1, x2)];
    expect(fit.standardised[1]).toBeCloseTo((ry1 - ry2 * r12) / (1 - r12 ** 2), 12);
    expect(fit.standardised[2]).toBeCloseTo((ry2 - ry1 * r12) / (1 - r12 ** 2), 12);
    // R² = Σ β*_k·r_yk
    expect(fit.r2).toBeCloseTo(fit.standardised[1]! * ry1 + fit.standardised[2]! * ry2, 12);
  });

  test("a 0/1 dummy gets no standardised coefficient (REAT's lm.beta, dummy.na = TRUE)", () => {
    const fit = linearRegression([1, 2, 4, 3, 6, 5], { x: [1, 2, 3, 4, 5, 6], east: [0, 0, 1, 0, 1, 1] })!;
    expect(fit.standardised).toEqual([null, expect.any(Number), null]);
  });

  test("missing observations are left out and counted; lengths must agree", () => {
    const fit = linearRegression([2, 4, null, 5, 4, 5], { x: [1, 2, 9, 3, 4, NaN] })!;
    expect(fit.n).toBe(4);
    expect(fit.missing).toBe(2);
    expect(fit.note).toBe("2 missing values left out");
    expect(fit.coefficients).toEqual(linearRegression([2, 4, 5, 4], { x: [1, 2, 3, 4] })!.coefficients);
    expect(() => linearRegression([1, 2, 3], { x: [1, 2] })).toThrow(/x has 2 values for 3 observations/);
    expect(linearRegression([1, 2, 3], { a: [1, 2, 3], b: [2, 4, 6] })).toBeNull();
  });
});
