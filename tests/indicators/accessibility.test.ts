import { describe, expect, test } from "vitest";
import { distanceMatrix, greatCircle } from "../../src/indicators/accessibility/distance.ts";
import { hansen } from "../../src/indicators/accessibility/hansen.ts";
import { huff } from "../../src/indicators/accessibility/huff.ts";
import { converse, reilly, reillyLambda } from "../../src/indicators/accessibility/retail.ts";

// Levy & Weitz (2009), Retailing Management, the Huff example REAT's `huff` and `hansen` document: two
// communities (Rock Creek, Oak Hammock) and two stores (existing, 5 000 sq ft; new, 10 000 sq ft), driving times
// in minutes; Rock Creek: 10 to the existing store, 5 to the new; Oak Hammock: 5 and 15.
const minutes = [
  [10, 5],
  [5, 15],
];
const size = [5000, 10_000];

describe("Huff model", () => {
  test("Levy & Weitz (2009): the new store draws 88.9 % of Rock Creek and 18.2 % of Oak Hammock", () => {
    const h = huff(minutes, size, { demand: [5_000_000, 3_000_000] });
    expect(h.shares[0]![1]).toBeCloseTo(400 / 450, 12);
    expect(h.shares[1]![1]).toBeCloseTo(44.444444444444 / 244.444444444444, 10);
    expect(h.shares[0]![1]!.toFixed(3)).toBe("0.889");
    expect(h.shares[1]![1]!.toFixed(3)).toBe("0.182");
    // expected sales of the new store: 0.889·5 M + 0.182·3 M
    expect(h.sales![1]).toBeCloseTo((400 / 450) * 5e6 + (1 / 5.5) * 3e6, 4);
  });

  test("identity: each origin's shares sum to 1, and the sales to the total demand", () => {
    const d = [
      [3, 7, 12],
      [9, 2, 4],
      [15, 8, 1.5],
    ];
    for (const options of [{}, { lambda: -1.5, gamma: 0.8 }, { decay: "exponential" as const, lambda: -0.3 }]) {
      const h = huff(d, [120, 300, 80], { ...options, demand: [10, 20, 30] });
      for (const row of h.shares) expect(row.reduce((s, p) => s! + p!, 0)).toBeCloseTo(1, 14);
      expect(h.sales!.reduce((s, v) => s! + v!, 0)).toBeCloseTo(60, 12);
      expect(h.marketShares!.reduce((s, v) => s! + v!, 0)).toBeCloseTo(1, 14);
    }
  });

  test("a missing distance makes that origin's shares null, never renormalised over the rest", () => {
    const h = huff(
      [
        [10, null],
        [5, 15],
      ],
      size,
    );
    expect(h.shares[0]).toEqual([null, null]);
    expect(h.shares[1]![0]).toBeCloseTo(200 / 244.444444444444, 10);
  });
});

describe("Hansen accessibility", () => {
  test("Levy & Weitz (2009) data (REAT's hansen example): A = Σ S_j·d_ij^−2", () => {
    const a = hansen(minutes, size).accessibility;
    expect(a[0]).toBeCloseTo(50 + 400, 12);
    expect(a[1]).toBeCloseTo(200 + 10_000 / 225, 12);
  });

  test("own zone, cut-off, exponential decay and a distance constant", () => {
    const d = [
      [0, 10, 30],
      [10, 0, 20],
      [30, 20, 0],
    ];
    const jobs = [1000, 500, 2000];
    expect(hansen(d, jobs, { includeOwn: false }).accessibility[0]).toBeCloseTo(500 / 100 + 2000 / 900, 12);
    expect(hansen(d, jobs, { includeOwn: false, maxDistance: 15 }).accessibility[0]).toBeCloseTo(5, 12);
    expect(hansen(d, jobs, { decay: "exponential", lambda: -0.1 }).accessibility[1]).toBeCloseTo(
      1000 * Math.exp(-1) + 500 + 2000 * Math.exp(-2),
      10,
    );
    expect(hansen(d, jobs, { distanceConstant: 1, lambda: -1 }).accessibility[2]).toBeCloseTo(
      1000 / 31 + 500 / 21 + 2000,
      10,
    );
  });

  test("a missing opportunity gives null and a count, not a term of 0", () => {
    const r = hansen([[1, 2]], [100, null]);
    expect(r.accessibility).toEqual([null]);
    expect(r.missing).toEqual([1]);
  });
});

describe("Reilly and Converse", () => {
  test("Converse (1949)'s example as in REAT: 39 851 and 37 366 people, 27 and 25 miles", () => {
    const r = reilly(39_851, 37_366, 27, 25)!;
    expect(r.ratio).toBeCloseTo((39_851 / 37_366) * (25 / 27) ** 2, 14);
    expect(r.ratio).toBeCloseTo(0.9143555, 6);
    expect(r.shareA + r.shareB).toBeCloseTo(1, 15);
    expect(reillyLambda(39_851, 37_366, 27, 25, 0.9143555)).toBeCloseTo(2, 5);
  });

  test("Converse's breaking point, Huff (1962)'s example: 400 000 and 200 000 people, 80 miles apart", () => {
    const b = converse(400_000, 200_000, 80)!;
    expect(b.fromA).toBeCloseTo(80 / (1 + Math.sqrt(0.5)), 12);
    expect(b.fromA.toFixed(2)).toBe("46.86");
    expect(b.fromA + b.fromB).toBeCloseTo(80, 12);
    // at the breaking point Reilly's pulls are equal
    expect(reilly(400_000, 200_000, b.fromA, b.fromB)!.ratio).toBeCloseTo(1, 12);
  });
});

describe("great-circle distance", () => {
  test("Rosetta Code's haversine task: Nashville BNA to Los Angeles LAX is 2887.26 km with R = 6372.8 km", () => {
    const bna = { lat: 36.12, lon: -86.67 };
    const lax = { lat: 33.94, lon: -118.4 };
    expect(greatCircle(bna, lax, { radius: 6372.8 })).toBeCloseTo(2887.2599506071106, 8);
  });

  test("equals REAT's law-of-cosines dist with R = 6378 km; symmetric matrix with a zero diagonal", () => {
    const rad = Math.PI / 180;
    const [a, b] = [
      { lat: 51.5523515, lon: 9.77536 },
      { lat: 51.579484, lon: 9.7524477 },
    ]; // Göttingen (REAT GoettingenHealth)
    const cosines =
      6378 *
      Math.acos(
        Math.sin(a.lat * rad) * Math.sin(b.lat * rad) +
          Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad),
      );
    expect(greatCircle(a, b, { radius: 6378 })).toBeCloseTo(cosines, 6);
    const m = distanceMatrix([a, b, { lat: 59.33, lon: 18.07 }]);
    expect(m[0]![0]).toBe(0);
    expect(m[1]![2]).toBeCloseTo(m[2]![1]!, 12);
    expect(greatCircle({ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, { unit: "m" })).toBeCloseTo(
      (6371.0088 * 1000 * Math.PI) / 180,
      6,
    );
  });
});
