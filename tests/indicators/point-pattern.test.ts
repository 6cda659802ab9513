import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { countWithin, ripley } from "../../src/indicators/accessibility/point-pattern.ts";

describe("points within a distance (REAT's dist.buf)", () => {
  // REAT's dist.buf example: Göttingen, Karlsruhe, Freiburg. By the spherical law of cosines with REAT's radius of
  // 6378 km: Göttingen–Karlsruhe 303.66 km, Göttingen–Freiburg 423.76 km, Karlsruhe–Freiburg 120.14 km.
  const cities = [
    { lat: 51.556307, lon: 9.947375 },
    { lat: 49.009603, lon: 8.417004 },
    { lat: 47.9874, lon: 7.8945 },
  ];

  test("within 300 km only Karlsruhe and Freiburg see each other; within 310 km Göttingen reaches Karlsruhe", () => {
    expect(countWithin(cities, { distance: 300, radius: 6378 }).count).toEqual([0, 1, 1]);
    expect(countWithin(cities, { distance: 310, radius: 6378 }).count).toEqual([1, 2, 1]);
    expect(countWithin(cities, { distance: 303.6, radius: 6378 }).count).toEqual([0, 1, 1]);
    expect(countWithin(cities, { distance: 303.7, radius: 6378 }).count).toEqual([1, 2, 1]);
    expect(countWithin(cities, { distance: 303_700, radius: 6378, unit: "m" }).count).toEqual([1, 2, 1]);
  });

  test("other points with weights: the count and the sum of what lies within the buffer", () => {
    const shops = [
      { x: 0, y: 1 },
      { x: 3, y: 4 },
      { x: 10, y: 0 },
    ];
    const r = countWithin([{ x: 0, y: 0 }], { distance: 5, points: shops, weights: [10, 20, 40] });
    expect(r).toEqual({ count: [2], sum: [30] }); // distances 1, 5 and 10
    expect(() => countWithin([{ x: 0, y: 0 }], { distance: 1, points: [cities[0]!] })).toThrow(/mix/);
  });
});

describe("Ripley's K and L (REAT's ripley)", () => {
  // distances: 0–1: 1, 0–2: 2, 1–2: √5 ≈ 2.236, and 12.8 to 14.1 to the fourth point
  const points = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 0, y: 2 },
    { x: 10, y: 10 },
  ];

  test("by hand: K(t) = A/n²·(ordered pairs within t), L = √(K/π), H = L − t", () => {
    const [k1, k25, k20] = ripley(points, { area: 100, distances: [1, 2.5, 20] });
    expect(k1!.k).toBeCloseTo((100 * 2) / 16, 14); // one pair, both ways
    expect(k25!.k).toBeCloseTo((100 * 6) / 16, 14); // three pairs
    expect(k25!.l).toBeCloseTo(Math.sqrt(37.5 / Math.PI), 14);
    expect(k25!.h).toBeCloseTo(Math.sqrt(37.5 / Math.PI) - 2.5, 14);
    expect(k25!.expected).toBeCloseTo(Math.PI * 6.25, 14);
    // beyond the largest distance every pair counts: K = A·(n − 1)/n
    expect(k20!.k).toBeCloseTo((100 * 3) / 4, 14);
  });

  test("REAT's Göttingen pharmacies: K agrees with the buffer counts, Σ_i count_i(t) = n²·K(t)/A", () => {
    const text = readFileSync(new URL("../fixtures/reat/GoettingenHealth1.csv", import.meta.url), "utf8");
    const pharmacies = text
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter((c) => c[3] === '"pharm"')
      .map((c) => ({ lat: Number(c[1]), lon: Number(c[2]) }));
    expect(pharmacies.length).toBe(120);
    const area = 1753 + 1267; // km², Landkreis Göttingen and Northeim as in REAT's example
    const rows = ripley(pharmacies, { area, distances: [0.5, 1, 5, 10, 30] });
    for (const row of rows) {
      const counted = countWithin(pharmacies, { distance: row.t }).count.reduce((s, c) => s + c, 0);
      expect(row.k).toBeCloseTo((area * counted) / pharmacies.length ** 2, 9);
    }
    // pharmacies cluster in the towns: L(1 km) far above 1 km
    expect(rows[1]!.h).toBeGreaterThan(1);
    expect(rows.map((r) => r.k)).toEqual([...rows.map((r) => r.k)].sort((a, b) => a - b));
  });

  test("bad input is an error that says what is expected", () => {
    expect(() => ripley(points, { area: 0, distances: [1] })).toThrow(/area must be positive/);
    expect(() => ripley([points[0]!], { area: 1, distances: [1] })).toThrow(/at least two points/);
  });
});
