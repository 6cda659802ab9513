import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { krugman, krugmanAgainst, locationQuotient } from "../../src/indicators/specialisation/indices.ts";
import {
  additiveLocationQuotient,
  economicBase,
  fleggLambda,
  flq,
  litzenberger,
  standardisedLocationQuotients,
} from "../../src/indicators/specialisation/quotients.ts";
import { locationQuotients, specialisation } from "../../src/indicators/specialisation/specialisation.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture } from "../helpers.ts";

describe("location quotients", () => {
  test("Farhauer & Kröll (2013)'s example (REAT locq): LQ 0.3847623, additive LQ = share of the industry − share of all jobs", () => {
    expect(locationQuotient(1714, 79_006, 879_213, 15_593_224)).toBeCloseTo(0.3847623, 7);
    expect(additiveLocationQuotient(1714, 79_006, 879_213, 15_593_224)).toBeCloseTo(
      1714 / 879_213 - 79_006 / 15_593_224,
      15,
    );
    expect(additiveLocationQuotient(1714, 79_006, 879_213, 15_593_224)).toBeCloseTo(-0.0031172, 7);
    // ALQ = (E_r/E_N)·(LQ − 1): the two agree on the sign, always
    expect(additiveLocationQuotient(1714, 79_006, 879_213, 15_593_224)).toBeCloseTo(
      (79_006 / 15_593_224) * (0.3847623 - 1),
      9,
    );
  });

  test("standardised LQ (O'Donoghue & Gleave 2004): z values with mean 0 and sample SD 1; Tian (2013) on logs", () => {
    expect(standardisedLocationQuotients([0.5, 1, 1.5])).toEqual([-1, 0, 1]);
    const z = standardisedLocationQuotients([0.2, 0.9, 1.4, 3.1, null]);
    expect(z[4]).toBeNull();
    const known = z.slice(0, 4) as number[];
    expect(known.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 14);
    expect(known.reduce((s, v) => s + v * v, 0) / 3).toBeCloseTo(1, 14);
    expect(standardisedLocationQuotients([0.5, 2], { log: true })).toEqual([-Math.SQRT1_2, Math.SQRT1_2]);
  });

  test("Flegg: λ = [log₂(1 + E_r/E_N)]^δ; FLQ ≤ LQ for every region (the region is part of the nation)", () => {
    // Flegg & Webber (1997): a region with 10 % of national employment and δ = 0.3
    expect(fleggLambda(1, 10)).toBeCloseTo(Math.log2(1.1) ** 0.3, 15);
    expect(fleggLambda(1, 10)).toBeCloseTo(0.5514, 4);
    expect(fleggLambda(10, 10)).toBe(1);
    const f = flq(2, 100, 1000)!;
    expect(f.flq).toBeCloseTo(2 * f.lambda, 15);
    expect(f.aflq).toBeCloseTo(f.flq * Math.log2(3), 14);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (lq, a, b, delta) => {
          const [Er, EN] = [Math.min(a, b), Math.max(a, b)];
          expect(flq(lq, Er, EN, delta)!.flq).toBeLessThanOrEqual(lq + 1e-12);
        },
      ),
    );
  });

  test("economic base: basic jobs e·(1 − 1/LQ) where LQ > 1; multiplier E_r/basic; FLQ makes it larger", () => {
    // region 60/40 in two industries, nation 1000/3000: LQ = 0.6/0.25 = 2.4 and 0.4/0.75
    const b = economicBase([60, 40], [1000, 3000], { industries: ["tillverkning", "tjänster"] })!;
    expect(b.industries[0]!.locationQuotient).toBeCloseTo(2.4, 14);
    expect(b.basic).toBeCloseTo(60 * (1 - 1 / 2.4), 12);
    expect(b.basic + b.nonBasic).toBe(100);
    expect(b.multiplier).toBeCloseTo(100 / 35, 12);
    const f = economicBase([600, 400], [1000, 3000], { method: "flq" })!; // a quarter of the nation: λ = 0.712, FLQ 1.71
    expect(f.multiplier!).toBeGreaterThan(economicBase([600, 400], [1000, 3000])!.multiplier!);

    expect(economicBase([60, null], [1000, 3000])).toBeNull();
  });

  test("Litzenberger-Sternberg cluster index on REAT's G.regions.industries (2015), by its formula", () => {
    const rows = readFixture("../reat/G.regions.industries.csv").toRows();
    const C = rows.filter((r) => r.ind_code === "WZ08-C");
    const by = rows.find((r) => r.region === "BY" && r.ind_code === "WZ08-C")!;
    const regions = [...new Map(rows.map((r) => [r.region, r])).values()];
    const ei = C.reduce((s, r) => s + (r.emp_all as number), 0);
    const bi = C.reduce((s, r) => s + (r.firms as number), 0);
    const a = regions.reduce((s, r) => s + (r.area_sqkm as number), 0);
    const p = regions.reduce((s, r) => s + (r.pop as number), 0);
    const eij = by.emp_all as number;
    const ci = litzenberger({
      eij,
      ei,
      aj: by.area_sqkm as number,
      a,
      pj: by.pop as number,
      p,
      bij: by.firms as number,
      bi,
    })!;
    // the three factors: density, stocking and size
    const density = eij / (by.area_sqkm as number) / (ei / a);
    const stocking = eij / (by.pop as number) / (ei / p);
    const size = eij / (by.firms as number) / (ei / bi);
    expect(ci).toBeCloseTo((density * stocking) / size, 12);
    expect(litzenberger({ eij, ei, aj: null, a, pj: 1, p, bij: 1, bi })).toBeNull();
  });
});

describe("Krugman against the other regions", () => {
  test("aggregate of the others (REAT krugman.spec) and unweighted mean of their shares (krugman.spec2)", () => {
    expect(
      krugmanAgainst(
        [10, 30],
        [
          [20, 20],
          [5, 15],
        ],
        { reference: "mean" },
      ),
    ).toBeCloseTo(0.25, 15);
    // aggregate: others sum to [25, 35] → shares 25/60, 35/60
    expect(
      krugmanAgainst(
        [10, 30],
        [
          [20, 20],
          [5, 15],
        ],
      ),
    ).toBeCloseTo(Math.abs(0.25 - 25 / 60) * 2, 15);
    expect(
      krugmanAgainst(
        [10, 30],
        [
          [20, 20],
          [5, 15],
        ],
      ),
    ).toBeCloseTo(krugman([10, 30], [25, 35])!, 15);
  });

  test("specialisation() options: krugman others/othersMean, Gini of the LQs", () => {
    const t = Table.fromRows([
      { region: "A", industry: "x", value: 10 },
      { region: "A", industry: "y", value: 30 },
      { region: "B", industry: "x", value: 20 },
      { region: "B", industry: "y", value: 20 },
      { region: "C", industry: "x", value: 5 },
      { region: "C", industry: "y", value: 15 },
    ]);
    const a = (o: Parameters<typeof specialisation>[1]) => specialisation(t, o).filter({ region: "A" }).toRows()[0]!;
    expect(a({ krugman: "othersMean" }).krugman).toBeCloseTo(0.25, 15);
    expect(a({ krugman: "others" }).krugman).toBeCloseTo(krugman([10, 30], [25, 35])!, 15);
    expect(a({}).krugman).toBeCloseTo(krugman([10, 30], [35, 65])!, 15);
    // LQs of A: (0.25/0.35, 0.75/0.65); Gini of two values = |a − b|/(4·mean)
    const lqs = [0.25 / 0.35, 0.75 / 0.65];
    expect(a({ gini: "lq" }).gini).toBeCloseTo(Math.abs(lqs[0]! - lqs[1]!) / (2 * (lqs[0]! + lqs[1]!)), 14);
  });

  test("locationQuotients() adds the additive, standardised and Flegg quotients", () => {
    const emp = readFixture("../reat/G.regions.emp.csv").filter({
      industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)",
      year: 2014,
    });
    const lq = locationQuotients(emp, { value: "emp", national: "Insgesamt" });
    const rows = lq.filter({ industry: "Baugewerbe (F)" }).toRows();
    const z = rows.map((r) => r.standardised_lq as number);
    expect(z.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    for (const r of rows) expect(r.flq as number).toBeLessThanOrEqual(r.location_quotient as number);
  });
});
