import { describe, expect, it } from "vitest";
import { fitKannisto, kannistoHazard, openAgeRate } from "../../src/indicators/population/old-age-mortality.ts";
import { improvedRisks, mortalityImprovement } from "../../src/indicators/population/mortality-trend.ts";
import { netMigrationRates } from "../../src/indicators/population/migration-rates.ts";

describe("old-age mortality (Kannisto)", () => {
  it("recovers the parameters from deaths drawn exactly from the model", () => {
    const ages = Array.from({ length: 20 }, (_, k) => 80 + k);
    const exposure = ages.map((x) => 20_000 * Math.exp(-0.15 * (x - 80)));
    const model = { a: 0.06, b: 0.11 };
    const deaths = ages.map((x, k) => exposure[k]! * kannistoHazard(model, x + 0.5));
    const fit = fitKannisto(ages, deaths, exposure)!;
    expect(fit.a).toBeCloseTo(0.06, 8);
    expect(fit.b).toBeCloseTo(0.11, 8);
  });

  it("gives the open group the rate of its stationary population: the hazard itself when it is constant", () => {
    // b = 0: μ = a/(1 + a) at every age, so deaths over person-years above 100 are μ
    expect(openAgeRate({ a: 0.5, b: 0 }, 100)).toBeCloseTo(0.5 / 1.5, 6);
    // a rising hazard: the group's rate lies between μ(100) and the hazard's ceiling 1
    const m = openAgeRate({ a: 0.06, b: 0.11 }, 100);
    expect(m).toBeGreaterThan(kannistoHazard({ a: 0.06, b: 0.11 }, 100));
    expect(m).toBeLessThan(1);
  });

  it("needs deaths at three ages", () => {
    expect(fitKannisto([80, 81], [10, 12], [100, 90])).toBeNull();
  });
});

describe("mortality improvement", () => {
  it("finds the yearly fall of a group's death rate and applies it to the hazard from the window's centre", () => {
    // ages 0-99 of one sex (the other empty); ages 80-89 die at 0.1·e^{−0.02(t − 2013)}, the others at 0.01 flat
    const n = 100;
    const years = [2011, 2012, 2013, 2014, 2015].map((year) => {
      const start = new Float64Array(2 * n).fill(1000);
      const deaths = new Float64Array(2 * n);
      for (let x = 0; x < n; x++) deaths[x] = 1000 * (x >= 80 && x < 90 ? 0.1 * Math.exp(-0.02 * (year - 2013)) : 0.01);
      return { year, deaths, start, end: start };
    });
    const improvement = mortalityImprovement(years, 2013, n)!;
    expect(improvement.rates[0]![3]).toBeCloseTo(0.02, 10); // 80-89
    expect(improvement.rates[0]![0]).toBeCloseTo(0, 10); // 0-44: flat
    // q = 0.1 at 85 in the window; three years later the hazard is e^{−0.06} of −ln 0.9
    const [women] = improvedRisks([Array.from({ length: n }, () => 0.1), []], improvement, 2016);
    expect(women![85]).toBeCloseTo(1 - 0.9 ** Math.exp(-0.06), 12);
    expect(women![20]).toBeCloseTo(0.1, 12);
  });

  it("never projects rising death rates", () => {
    const n = 3;
    const years = [2011, 2012, 2013].map((year) => {
      const start = new Float64Array(2 * n).fill(100);
      const deaths = new Float64Array(2 * n).fill(1 + (year - 2011));
      return { year, deaths, start, end: start };
    });
    expect(
      mortalityImprovement(years, 2012, n)!
        .rates.flat()
        .every((r) => r === 0),
    ).toBe(true);
  });
});

describe("net migration rates leaning on the county", () => {
  it("weighs the kommun's rate by its person-years against the county's, and pools the oldest ages and both sexes", () => {
    // ages 0, 1, 2 (open); one year; women then men
    const local = [
      { net: { female: [2, 0, 3], male: [-4, 0, 1] }, start: Float64Array.from([100, 50, 2, 100, 50, 2]) },
    ];
    const county = [
      { net: { female: [10, 5, 0], male: [-20, 5, 0] }, start: Float64Array.from([1000, 500, 100, 1000, 500, 100]) },
    ];
    const q = [
      [0, 0, 0.3],
      [0, 0, 0.3],
    ];
    const pooling = { smoothing: 0, priorExposure: 100, oldAge: 2 };
    const [women, men] = netMigrationRates(local, county, [1], 3, q, pooling);
    // women aged 0: (2 + 100·10/1000)/(100 + 100) = 0.015
    expect(women![0]).toBeCloseTo((2 + 100 * 0.01) / 200, 12);
    // men aged 1: (0 + 100·5/500)/(50 + 100)
    expect(men![1]).toBeCloseTo((0 + 100 * 0.01) / 150, 12);
    // the open age, both sexes together: 4 events on 4 people against the county's 0 on 200
    expect(women![2]).toBeCloseTo(4 / (4 + 100), 12);
    expect(men![2]).toBe(women![2]);
    // without the county (K ignored) the kommun's own rate
    expect(netMigrationRates(local, [], [1], 3, q, pooling)[0]![0]).toBeCloseTo(0.02, 12);
  });
});
