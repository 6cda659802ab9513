import { describe, expect, test } from "vitest";
import { curveFit, fitTrend } from "../../src/indicators/trends/curvefit.ts";
import { ols } from "../../src/indicators/util/ols.ts";

// Anscombe (1973), "Graphs in statistical analysis", data set I: the published fit y = 3.00 + 0.500·x,
// standard error of the slope 0.118, t = 4.24, R² = 0.667, F(1, 9) = 18.0 (p = 0.0022).
const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

describe("OLS with t and F tests", () => {
  test("Anscombe (1973) data set I", () => {
    const r = ols(y, { x })!;
    expect(r.coefficients[0]).toBeCloseTo(3.0001, 4);
    expect(r.coefficients[1]).toBeCloseTo(0.5001, 4);
    expect(r.standardErrors[1]).toBeCloseTo(0.118, 3);
    expect(r.t[1]).toBeCloseTo(4.24, 2);
    expect(r.r2).toBeCloseTo(0.667, 3);
    expect(r.f).toBeCloseTo(17.99, 2);
    expect(r.df).toBe(9);
    // with one regressor F = t² and both tests give the same p value (0.0021696 by scipy.stats.linregress)
    expect(r.f).toBeCloseTo(r.t[1]! ** 2, 9);
    expect(r.pValues[1]).toBeCloseTo(0.0021696288730787905, 9);
    expect(Math.abs(r.fPValue! - r.pValues[1]!) / r.pValues[1]!).toBeLessThan(1e-12); // F(1, ν) = t(ν)²
  });
});

describe("trend fitting (REAT curvefit's forms)", () => {
  test("linear trend is the OLS line of Anscombe I", () => {
    const f = fitTrend(x, y, "linear")!;
    expect(f.a).toBeCloseTo(3.0000909090909103, 10);
    expect(f.b).toBeCloseTo(0.5000909090909091, 10);
    expect(f.predict(20)).toBeCloseTo(3.0000909090909103 + 20 * 0.5000909090909091, 10);
  });

  test("exact series recover their parameters: power, exponential, logistic", () => {
    const t = [1, 2, 3, 4, 5, 6];
    const power = fitTrend(
      t,
      t.map((v) => 3 * v ** 1.5),
      "power",
    )!;
    expect(power.a).toBeCloseTo(3, 10);
    expect(power.b).toBeCloseTo(1.5, 10);
    expect(power.r2).toBeCloseTo(1, 12);
    const exp = fitTrend(
      t,
      t.map((v) => 50 * Math.exp(0.04 * v)),
      "exponential",
    )!;
    expect(exp.a).toBeCloseTo(50, 10);
    expect(exp.b).toBeCloseTo(0.04, 12);
    const logi = fitTrend(
      t,
      t.map((v) => 1000 / (1 + Math.exp(2 - 0.7 * v))),
      "logistic",
      { yMax: 1000 },
    )!;
    expect(logi.a).toBeCloseTo(2, 10);
    expect(logi.b).toBeCloseTo(-0.7, 10);
    expect(logi.predict(100)).toBeCloseTo(1000, 6);
  });

  test("REAT's default logistic ceiling is 1.001·max(y); the fit is on ln((yMax − y)/y)", () => {
    const f = fitTrend(x, y, "logistic")!;
    expect(f.yMax).toBeCloseTo(1.001 * 10.84, 12);
    const z = y.map((v) => Math.log((1.001 * 10.84 - v) / v));
    const line = ols(z, { x })!;
    expect(f.a).toBeCloseTo(line.coefficients[0]!, 12);
    expect(f.b).toBeCloseTo(line.coefficients[1]!, 12);
  });

  test("curveFit extrapolates in steps of 1 after the last x; 10 % a year compounds", () => {
    const c = curveFit([2010, 2011, 2012], [100, 110, 121], { extrapolate: 2 });
    expect(c.rows.map((r) => r.x)).toEqual([2010, 2011, 2012, 2013, 2014]);
    expect(c.rows[4]!.exponential).toBeCloseTo(146.41, 8);
    expect(c.rows[4]!.y).toBeNull();
  });

  test("missing values are left out and counted; domains give null forms", () => {
    const f = fitTrend([1, 2, 3, 4, 5], [2, null, 6, NaN, 10], "linear")!;
    expect(f.n).toBe(3);
    expect(f.missing).toBe(2);
    expect(f.b).toBeCloseTo(2, 12);
    expect(fitTrend([1, 2, 3], [1, -1, 2], "exponential")).toBeNull();
    expect(fitTrend([0, 1, 2], [1, 2, 3], "power")).toBeNull();
  });
});
