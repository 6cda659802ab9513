import { describe, expect, test } from "vitest";
import { fitTrend } from "../../src/indicators/trends/curvefit.ts";
import { fPValue, tPValue } from "../../src/indicators/util/distributions.ts";

// Reference tails from tests/indicators/reference/p_values.py: mpmath 1.3.0's regularised incomplete beta in
// 60-digit arithmetic, rounded to the nearest double (scipy.stats 1.17.1 t.sf/f.sf agree with each to 1e-12).
// Tails down to 1e-174 included.
const T: [t: number, df: number, p: number][] = [
  [2, 5, 0.10193947882985836],
  [4.24, 9, 0.0021742906280852107],
  [10, 30, 4.575251408229613e-11],
  [6, 400, 4.422400681811495e-9],
  [15, 400, 1.1391535017186453e-40],
  [30, 10, 3.961792342031324e-11],
  [50, 400, 3.67361491455279e-174],
  [0.001, 3, 0.9992648949694609],
  [5, 100000, 5.742701678641673e-7],
  [1, 1, 0.5],
  [40, 2, 0.0006244146721847406],
];
const F: [f: number, df1: number, df2: number, p: number][] = [
  [18, 1, 9, 0.0021658395350978707],
  [3.5, 3, 20, 0.03449310388512439],
  [100, 2, 400, 6.049899898193749e-36],
  [1000, 5, 50, 7.77575639059797e-49],
  [0.5, 4, 10, 0.736775548696845],
  [36, 1, 400, 4.422400681811495e-9],
  [7, 10, 1000, 1.1122535057211368e-10],
];

const relative = (a: number | null, b: number) => Math.abs(a! - b) / b;

describe("exact upper tails of t and F", () => {
  test.each(T)("two-sided t = %s with %s df", (t, df, p) => {
    expect(relative(tPValue(t, df), p)).toBeLessThan(1e-10);
    expect(relative(tPValue(-t, df), p)).toBeLessThan(1e-10);
  });

  test.each(F)("F = %s with (%s, %s) df", (f, df1, df2, p) => {
    expect(relative(fPValue(f, df1, df2), p)).toBeLessThan(1e-10);
  });

  test("F(1, ν) = t(ν)² gives the same tail, far below 1 − cdf's reach", () => {
    // 6² = 36: both are 4.422400681811495e-9 at 400 df, where 1 − cdf kept only about 8 digits
    expect(relative(fPValue(36, 1, 400), tPValue(6, 400)!)).toBeLessThan(1e-12);
    expect(relative(fPValue(15 ** 2, 1, 400), 1.1391535017186453e-40)).toBeLessThan(1e-10);
  });

  test("the edges: t = 0 and f = 0 give 1; a statistic that is not finite, or no degrees of freedom, gives null", () => {
    expect(tPValue(0, 7)).toBe(1);
    expect(fPValue(0, 2, 7)).toBe(1);
    expect(tPValue(Infinity, 7)).toBeNull();
    expect(tPValue(2, 0)).toBeNull();
    expect(fPValue(NaN, 1, 2)).toBeNull();
  });

  test("a steep trend: the t and the F test of one slope agree with the 60-digit 2.191387066228680342e-14", () => {
    const y = [3.1, 4.9, 7.2, 8.8, 11.1, 13.0, 14.9, 17.2, 18.9, 21.1];
    const fit = fitTrend(
      y.map((_, i) => i + 1),
      y,
      "linear",
    )!;
    expect(fit.t[1]).toBeCloseTo(122.59093588150488, 9);
    expect(relative(fit.pValues[1], 2.1913870662286802e-14)).toBeLessThan(1e-10);
    expect(relative(fit.fPValue, 2.1913870662286802e-14)).toBeLessThan(1e-10);
  });
});
