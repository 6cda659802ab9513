import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  equivalentNumber,
  herfindahl,
  herfindahlNormalised,
  hoover,
  krugman,
  locationQuotient,
  relativeDiversity,
  relativeGini,
} from "../../src/indicators/specialisation/indices.ts";
import {
  concentration,
  locationQuotients,
  specialisation,
} from "../../src/indicators/specialisation/specialisation.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture } from "../helpers.ts";

describe("indices (docs/methods.md §7)", () => {
  test("hand calculations", () => {
    expect(locationQuotient(20, 100, 1000, 10_000)).toBe(2);
    expect(krugman([50, 50], [25, 75])).toBeCloseTo(0.5, 14);
    expect(hoover([50, 50], [25, 75])).toBeCloseTo(0.25, 14);
    expect(herfindahl([1, 1, 2])).toBeCloseTo(0.25 ** 2 * 2 + 0.5 ** 2, 14);
    expect(herfindahlNormalised([1, 1, 1, 1])).toBeCloseTo(0, 14);
    expect(herfindahlNormalised([1, 0, 0, 0])).toBe(1);
    expect(equivalentNumber([1, 1, 1, 1])).toBe(4);
    expect(relativeDiversity([50, 50], [25, 75])).toBe(2);
    // everything in one item that is half of the reference: Lorenz (0,0) → (.5,0) → (1,1): G = 1 − .5·1 = .5
    expect(relativeGini([0, 10], [5, 5])).toBeCloseTo(0.5, 14);
  });

  test("a structure equal to the nation's: LQ 1, Krugman 0, Gini 0, diversity undefined", () => {
    expect(krugman([2, 4, 6], [20, 40, 60])).toBeCloseTo(0, 14);
    expect(relativeGini([2, 4, 6], [20, 40, 60])).toBeCloseTo(0, 14);
    expect(relativeDiversity([2, 4, 6], [20, 40, 60])).toBeNull();
  });

  test("property: Krugman in [0, 2], Hoover half of it, Herfindahl in [1/n, 1]", () => {
    const v = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(v, v, (a, b) => {
        const n = Math.min(a.length, b.length);
        const x = a.slice(0, n);
        const y = b.slice(0, n);
        const k = krugman(x, y)!;
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(2 + 1e-12);
        expect(hoover(x, y)).toBeCloseTo(k / 2, 12);
        expect(herfindahl(x)!).toBeGreaterThanOrEqual(1 / n - 1e-12);
        expect(relativeGini(x, y)!).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });
});

describe("on the German Länder 2015 (REAT G.regions.industries)", () => {
  const t = readFixture("../reat/G.regions.industries.csv").rename({ ind_code: "industry" });

  test("the region codes (BY) are the region, the names (Bayern) its name", () => {
    expect(one(t.filter({ industry: "WZ08-C" }), { region: "BY" }, "region_name")).toBe("Bayern");
  });

  test("location quotients by hand, and employment-weighted LQs average to 1 in every industry", () => {
    const lq = locationQuotients(t, { value: "emp_all" });
    expect(lq.numRows).toBe(16 * 17);
    const rows = t.toRows();
    const E = (f: (r: (typeof rows)[number]) => boolean) =>
      rows.filter(f).reduce((s, r) => s + (r.emp_all as number), 0);
    const by = E((r) => r.region === "BY" && r.industry === "WZ08-C") / E((r) => r.region === "BY");
    const de = E((r) => r.industry === "WZ08-C") / E(() => true);
    expect(one(lq, { region: "BY", industry: "WZ08-C" }, "location_quotient")).toBeCloseTo(by / de, 12);
    for (const industry of lq.distinct("industry")) {
      const part = lq.filter({ industry }).toRows();
      const regionTotal = (region: unknown) => E((r) => r.region === region);
      const weighted =
        part.reduce((s, r) => s + (r.location_quotient as number) * regionTotal(r.region), 0) / E(() => true);
      expect(weighted).toBeCloseTo(1, 12);
    }
  });

  test("specialisation and concentration", () => {
    const s = specialisation(t, { value: "emp_all" });
    expect(s.numRows).toBe(16);
    for (const r of s.toRows()) {
      expect(r.hoover).toBeCloseTo((r.krugman as number) / 2, 12);
      expect(r.equivalent_number).toBeCloseTo(1 / (r.herfindahl as number), 12);
    }
    const c = concentration(t, { value: "emp_all" });
    expect(c.numRows).toBe(17);
    expect(c.toRows().every((r) => (r.gini as number) >= 0 && (r.gini as number) < 1)).toBe(true);
  });

  test("several years need a year", () => {
    const two = Table.fromRows([
      { region: "A", industry: "x", year: 1, value: 1 },
      { region: "A", industry: "x", year: 2, value: 2 },
    ]);
    expect(() => specialisation(two)).toThrow(/2 years.*/);
    expect(specialisation(two, { year: 2 }).numRows).toBe(1);
  });
});
