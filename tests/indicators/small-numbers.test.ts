import { describe, expect, test } from "vitest";
import { localRate, MORTALITY_GROUPS, SMALL_NUMBERS } from "../../src/indicators/population/small-numbers.ts";

describe("the small-number rule, in one function", () => {
  test("mortality: 50 deaths or more, the ratio clipped to 0,7-1,3", () => {
    expect(localRate(49, 40, 1, SMALL_NUMBERS.mortality)).toBe(1); // 49 < 50: the national rate
    expect(localRate(50, 40, 1, SMALL_NUMBERS.mortality)).toBeCloseTo(1.25, 15); // 50/40 = 1,25 inside the bounds
    expect(localRate(100, 40, 1, SMALL_NUMBERS.mortality)).toBeCloseTo(1.3, 15); // 2,5 clipped
    expect(localRate(60, 100, 0.02, SMALL_NUMBERS.mortality)).toBeCloseTo(0.026, 15); // 60/100/0,02 = 30, clipped to 1,3: 1,3 × 0,02
  });

  test("a weighted sum is checked against the count of events it comes from", () => {
    // 55 deaths, time-weighted to 48: the rule counts deaths, so the ratio 48/40 = 1,2 applies
    expect(localRate(48, 40, 1, { ...SMALL_NUMBERS.mortality, count: 55 })).toBeCloseTo(1.2, 15);
    // 45 deaths weighted to 60: fewer than 50 deaths, the national rate
    expect(localRate(60, 40, 1, { ...SMALL_NUMBERS.mortality, count: 45 })).toBe(1);
  });

  test("fertility: no minimum, the ratio clipped to 0,1-3", () => {
    expect(localRate(12, 1, 2, SMALL_NUMBERS.fertility)).toBe(6); // 12/1/2 = 6 → 3 × 2
    expect(localRate(0.1, 1, 2, SMALL_NUMBERS.fertility)).toBeCloseTo(0.2, 15); // 0,05 → 0,1 × 2
    expect(localRate(1, 0, 2, SMALL_NUMBERS.fertility)).toBe(2); // no exposure: the national rate
  });

  test("the mortality groups: 0, 1-4, 5-9 … 85-89, 90+", () => {
    expect(MORTALITY_GROUPS.length).toBe(20);
    expect(MORTALITY_GROUPS.slice(0, 4)).toEqual([0, 1, 5, 10]);
    expect(MORTALITY_GROUPS.at(-1)).toBe(90);
  });
});
