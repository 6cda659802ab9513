import { describe, expect, test } from "vitest";
import { betaConvergenceOf } from "../../src/indicators/inequality/convergence.ts";
import { coulter, dalton } from "../../src/indicators/inequality/coulter.ts";
import { coefficientOfVariation, gini, williamson } from "../../src/indicators/inequality/inequality.ts";
import { meanSquaredSuccessiveDifference } from "../../src/indicators/inequality/mssd.ts";
import { convergenceSpeed } from "../../src/indicators/inequality/speed.ts";

describe("Coulter and Dalton (Portnov and Felsenstein 2010; REAT's examples)", () => {
  test("Coulter: REAT's example, four regions of 400 with populations 1, 1, 1, 200 (the NA pair left out)", () => {
    // shares of x: ¼ each; of the weights 1/203, 1/203, 1/203, 200/203
    const byHand = Math.sqrt((3 * (0.25 - 1 / 203) ** 2 + (0.25 - 200 / 203) ** 2) / 2);
    expect(coulter({ values: [400, 400, 400, 400, null], weights: [1, 1, 1, 200, null] })).toBeCloseTo(byHand, 15);
    expect(byHand).toBeCloseTo(0.600305983760902, 14);
    // unweighted: the shares against 1/n; equal values give 0, one region with everything √((1 − 1/n)² + (n − 1)/n²)/√2
    expect(coulter({ values: [5, 5, 5] })).toBe(0);
    expect(coulter({ values: [9, 0, 0] })).toBeCloseTo(Math.sqrt(((2 / 3) ** 2 + 2 / 9) / 2), 15);
    expect(coulter({ values: [0, 0] })).toBeNull();
  });

  test("Dalton: REAT's examples: equal values 1, (10, 0, 0, 0) undefined, (10, 1, 1, 1) ln 3.25/ln 10^¼", () => {
    expect(dalton([10, 10, 10, 10])).toBeCloseTo(1, 15);
    expect(dalton([10, 0, 0, 0])).toBeNull();
    expect(dalton([10, 1, 1, 1])).toBeCloseTo(Math.log(3.25) / Math.log(10 ** 0.25), 14);
    expect(dalton([1, 1])).toBeNull(); // g = 1: ln g = 0
    expect(dalton([10, null, 1, 1, 1])).toBeCloseTo(dalton([10, 1, 1, 1])!, 15);
  });

  test("mean squared successive difference: REAT's two series with the same mean and variance", () => {
    const stable = [10, 10, 10, 20, 20, 20, 30, 30, 30];
    const volatile = [20, 10, 30, 10, 30, 20, 30, 20, 10];
    // steps 0,0,10,0,0,10,0,0 → 200/8; steps −10,20,−20,20,−10,10,−10,−10 → 1700/8
    expect(meanSquaredSuccessiveDifference(stable)).toBe(25);
    expect(meanSquaredSuccessiveDifference(volatile)).toBe(212.5);
    expect(coefficientOfVariation({ values: stable })).toBeCloseTo(coefficientOfVariation({ values: volatile })!, 14);
    expect(meanSquaredSuccessiveDifference([1, null, 3])).toBeNull();
    expect(meanSquaredSuccessiveDifference([1])).toBeNull();
  });
});

describe("conventions as options", () => {
  test("Gini normalised by n/(n − 1): Dörsam's (2004) sales 0.3 and 0.4, and his income classes 0.5278", () => {
    expect(gini({ values: [20, 50, 20, 10] })).toBeCloseTo(0.3, 15);
    expect(gini({ values: [20, 50, 20, 10] }, { normalise: true })).toBeCloseTo(0.4, 15);
    expect(gini({ values: [0, 0, 0, 7] }, { normalise: true })).toBeCloseTo(1, 15);
    expect(gini({ values: [7] }, { normalise: true })).toBeNull();
    const classes = { values: [500, 1500, 2500, 4000, 7500, 15000], weights: [1000, 1200, 1600, 400, 200, 600] };
    expect(gini(classes)).toBeCloseTo(0.5278, 4);
  });

  test("weighted CV around the unweighted mean (Sheret 1984, REAT's default): x̄ = 15, σ² = 25, CV = 1/3", () => {
    // values 10 and 20 with weights 100 and 300: around the weighted mean 17.5 the textbook gives √18.75/17.5
    const d = { values: [10, 20], weights: [100, 300] };
    expect(coefficientOfVariation(d)).toBeCloseTo(Math.sqrt(18.75) / 17.5, 15);
    expect(coefficientOfVariation(d, { centre: "unweighted" })).toBeCloseTo(1 / 3, 15);
    expect(williamson([10, 20], [100, 300], { centre: "unweighted" })).toBeCloseTo(1 / 3, 15);
    // unweighted data: both centres are the same mean
    expect(coefficientOfVariation({ values: [1, 2, 3, 4] }, { centre: "unweighted" })).toBeCloseTo(
      coefficientOfVariation({ values: [1, 2, 3, 4] })!,
      15,
    );
  });
});

describe("the speed of convergence and the half-life on their own", () => {
  test("REAT's betaconv.speed example (β = −0.008070533 over one year): λ = −ln(1 + β), H = ln 2/λ", () => {
    const s = convergenceSpeed(-0.008070533, 1);
    expect(s.speed).toBeCloseTo(-Math.log(1 - 0.008070533), 15);
    expect(s.speed).toBeCloseTo(0.008103276039634273, 14);
    expect(s.halfLife).toBeCloseTo(85.53912975069146, 10);
  });

  test("over T years λ = −ln(1 + βT)/T: β = −0.02 over 10 years gives λ = ln(1/0.8)/10; β ≥ 0 has no half-life", () => {
    const s = convergenceSpeed(-0.02, 10);
    expect(s.speed).toBeCloseTo(Math.log(1.25) / 10, 15);
    expect(s.halfLife).toBeCloseTo((10 * Math.LN2) / Math.log(1.25), 12);
    expect(convergenceSpeed(0.01, 10)).toEqual({ speed: -Math.log1p(0.1) / 10, halfLife: null });
    expect(convergenceSpeed(-0.2, 10)).toEqual({ speed: null, halfLife: null }); // 1 + βT ≤ 0
    expect(() => convergenceSpeed(-0.01, 0)).toThrow(/span must be positive/);
  });

  test("betaConvergence reports the same speed as convergenceSpeed of its β", () => {
    const b = betaConvergenceOf({ start: [100, 200, 400, 800], end: [150, 260, 470, 880], years: 10 })!;
    expect(b.speed).toBe(convergenceSpeed(b.beta, 10).speed);
    expect(b.halfLife).toBe(convergenceSpeed(b.beta, 10).halfLife);
  });
});
