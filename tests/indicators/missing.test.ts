// Never a silent zero: for every exported indicator that takes plain numbers, inserting a missing value (null or
// NaN) gives either null or the value computed without it (the value left out), never the value computed with 0
// in its place.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as om from "../../src/index.ts";
import { standardDeviation, variance } from "../../src/indicators/util/stats.ts";

type Maybe = number | null;
type Indicator = [
  name: string,
  f: (x: Maybe[]) => unknown,
  minLength?: number,
  drop?: (x: number[], k: number) => unknown,
];
const without = <T>(xs: T[], k: number) => xs.filter((_, i) => i !== k);

const pairs = (x: Maybe[]) => x.map((v, i) => (v === null ? null : 1 + ((i * 37) % 11)));
const ref = (x: Maybe[]) => x.map((_, i) => 10 + ((i * 13) % 17));

// each adapter takes the values (one may be missing) and returns a number, an array or an object of numbers
const indicators: Indicator[] = [
  ["gini", (x) => om.gini({ values: x })],
  ["gini weighted", (x) => om.gini({ values: x, weights: ref(x) })],
  ["theilT", (x) => om.theilT({ values: x })],
  ["theilL", (x) => om.theilL({ values: x })],
  ["atkinson 0.5", (x) => om.atkinson({ values: x }, 0.5)],
  ["atkinson 2", (x) => om.atkinson({ values: x }, 2)],
  ["coefficientOfVariation", (x) => om.coefficientOfVariation({ values: x })],
  ["coefficientOfVariation sample", (x) => om.coefficientOfVariation({ values: x }, { ddof: 1 })],
  ["williamson", (x) => om.williamson(x, ref(x))],
  // a weight of 0 leaves the region out, so here the zero version and the value left out agree
  [
    "williamson weights missing",
    (x) => om.williamson({ values: ref(x), weights: x }),
    2,
    (x, k) => om.williamson({ values: without(ref(x), k), weights: without(x, k) }),
  ],
  ["inequality", (x) => om.inequality({ values: x })],
  ["variance", (x) => variance(x)],
  ["standardDeviation", (x) => standardDeviation(x, 1)],
  ["herfindahl", (x) => om.herfindahl(x)],
  ["herfindahlNormalised", (x) => om.herfindahlNormalised(x)],
  ["equivalentNumber", (x) => om.equivalentNumber(x)],
  ["shares", (x) => om.shares(x)],
  ["krugman", (x) => om.krugman(x, ref(x))],
  ["krugman nation missing", (x) => om.krugman(ref(x), x)],
  ["krugmanAgainst", (x) => om.krugmanAgainst(x, [ref(x), pairs(x).map((v) => v ?? 1)])],
  ["hoover", (x) => om.hoover(x, ref(x))],
  ["relativeGini", (x) => om.relativeGini(x, ref(x))],
  ["relativeDiversity", (x) => om.relativeDiversity(x, ref(x))],
  ["specialisationOf", (x) => om.specialisationOf(x, ref(x))],
  ["locationQuotient", (x) => om.locationQuotient(x[0]!, 1000, 50, 10_000)],
  ["additiveLocationQuotient", (x) => om.additiveLocationQuotient(x[0]!, 1000, 50, 10_000)],
  ["standardisedLocationQuotients", (x) => om.standardisedLocationQuotients(x.map((v) => (v === null ? null : v / 5)))],
  ["flq", (x) => om.flq(x[0]!, 100, 1000)],
  ["economicBase", (x) => om.economicBase(x, ref(x))],
  ["litzenberger", (x) => om.litzenberger({ eij: x[0]!, ei: 1000, aj: 10, a: 100, pj: 50, p: 1000, bij: 3, bi: 30 })],
  ["hansen", (x) => om.hansen([x.map((v) => (v === null ? null : v + 1))], ref(x))],
  ["hansen opportunities", (x) => om.hansen([ref(x)], x)],
  ["huff", (x) => om.huff([x.map((v) => (v === null ? null : v + 1))], ref(x))],
  [
    "huff demand",
    (x) =>
      om.huff(
        x.map(() => [1, 2]),
        [10, 20],
        { demand: x },
      ),
  ],
  [
    "fitTrend linear",
    (x) =>
      om.fitTrend(
        x.map((_, i) => i),
        x,
        "linear",
      ),
    4,
  ],
  [
    "fitTrend exponential",
    (x) =>
      om.fitTrend(
        x.map((_, i) => i),
        x,
        "exponential",
      ),
    4,
    (x, k) =>
      om.fitTrend(
        without(
          x.map((_, i) => i),
          k,
        ),
        without(x, k),
        "exponential",
      ),
  ],
  [
    "curveFit",
    (x) =>
      om.curveFit(
        x.map((_, i) => i + 1),
        x,
      ).fits.power,
    4,
    (x, k) =>
      om.curveFit(
        without(
          x.map((_, i) => i + 1),
          k,
        ),
        without(x, k),
      ).fits.power,
  ],
  ["sigmaOf", (x) => om.sigmaOf(x)],
  ["sigmaOf levels cv", (x) => om.sigmaOf(x, { on: "level", measure: "cv", ddof: 1 })],
  [
    "betaConvergenceOf",
    (x) =>
      om.betaConvergenceOf({ start: x, end: x.map((v, i) => (v === null ? 5 : v * (1 + i / 10))), years: 5 })?.beta ??
      null,
    4,
    (x, k) =>
      om.betaConvergenceOf({
        start: without(x, k),
        end: without(
          x.map((v, i) => v * (1 + i / 10)),
          k,
        ),
        years: 5,
      })?.beta ?? null,
  ],
  ["meanGrowthRate", (x) => om.meanGrowthRate(x)],
  ["meanGrowthRate geometric", (x) => om.meanGrowthRate(x, { mean: "geometric" })],
  [
    "shiftShareOf",
    (x) =>
      om.shiftShareOf({
        regionStart: x,
        regionEnd: ref(x),
        nationStart: ref(x).map((v) => v * 10),
        nationEnd: ref(x).map((v) => v * 11),
      }),
  ],
  [
    "shiftShareOf end",
    (x) =>
      om.shiftShareOf({
        regionStart: ref(x),
        regionEnd: x,
        nationStart: ref(x).map((v) => v * 10),
        nationEnd: ref(x).map((v) => v * 11),
      }),
  ],
  [
    "projectShiftShare",
    (x) =>
      om.projectShiftShare({
        regionStart: ref(x),
        regionEnd: x,
        nationStart: ref(x),
        nationEnd: ref(x),
        nationTarget: ref(x),
      }),
  ],
  ["cagr", (x) => om.cagr(x[0]!, 120, 5)],
  ["growthPercent", (x) => om.growthPercent(100, x[0]!)],
  ["logGrowth", (x) => om.logGrowth(x[0]!, 120)],
  ["perEmployee", (x) => om.perEmployee(x[0]!, 10)],
  ["gini normalised", (x) => om.gini({ values: x }, { normalise: true })],
  [
    "coefficientOfVariation around the unweighted mean",
    (x) => om.coefficientOfVariation({ values: x, weights: ref(x) }, { centre: "unweighted" }),
  ],
  ["coulter", (x) => om.coulter({ values: x })],
  ["coulter weighted", (x) => om.coulter({ values: x, weights: ref(x) })],
  ["dalton", (x) => om.dalton(x)],
  ["meanSquaredSuccessiveDifference", (x) => om.meanSquaredSuccessiveDifference(x)],
  [
    "ellisonGlaeser",
    (x) =>
      om.ellisonGlaeser(
        { region: x.map((_, i) => `r${i % 3}`), employment: x },
        { r0: 10_000, r1: 20_000, r2: 30_000 },
      ),
  ],
  ["ellisonGlaeserOf", (x) => om.ellisonGlaeserOf({ industry: x, total: ref(x).map((v) => v * 10), herfindahl: 0.1 })],
  ["gifpro", (x) => om.gifpro(x, { share: 50, resettlement: 0.3, relocation: 0.7, areaPerEmployee: 150, years: 2 })],
  [
    "linearRegression",
    (x) => om.linearRegression(x, { t: x.map((_, i) => i) }),
    4,
    (x, k) =>
      om.linearRegression(without(x, k), {
        t: without(
          x.map((_, i) => i),
          k,
        ),
      }),
  ],
];

/** Deep equality that treats numbers within 1e-12 as equal. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => typeof (a as Record<string, unknown>)[k] !== "function");
  return ka.every(
    (k) =>
      k === "missing" ||
      k === "n" ||
      k === "note" ||
      same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** A result that carries no number at all (null, or an object/array of nulls). */
function empty(a: unknown): boolean {
  if (a === null) return true;
  if (typeof a === "number") return false;
  if (typeof a === "object")
    return Object.entries(a as object).every(
      ([k, v]) =>
        k === "missing" ||
        k === "n" ||
        k === "note" ||
        k === "method" ||
        typeof v === "function" ||
        typeof v === "string" ||
        empty(v),
    );
  return true;
}

describe("never a silent zero", () => {
  test.each(indicators)("%s: a missing value is never computed as 0", (_, f, minLength = 2, drop) => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(null, NaN),
        (values, at, gap) => {
          const k = at % values.length;
          const withGap: Maybe[] = values.map((v, i) => (i === k ? (gap as Maybe) : v));
          const withZero = values.map((v, i) => (i === k ? 0 : v));
          const result = f(withGap);
          const zero = f(withZero);
          if (!empty(result) && !empty(zero) && !same(result, zero)) return; // different from the zero version: fine
          // equal to the zero version is allowed only where there is nothing to compute (null) ...
          if (empty(result)) return;
          // ... or where leaving the value out happens to give the same number as a 0 would (checked by hand below)
          const dropped = drop ? drop(values, k) : f(values.filter((_, i) => i !== k));
          expect(same(result, dropped)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("the issue's example: gini([1, null, 3, 4]) is the Gini of [1, 3, 4], not of [1, 0, 3, 4]", () => {
    expect(om.gini({ values: [1, null, 3, 4] })).toBeCloseTo(om.gini({ values: [1, 3, 4] })!, 15);
    expect(om.gini({ values: [1, 0, 3, 4] })).toBeCloseTo(0.4375, 15);
    const s = om.inequality({ values: [1, null, 3, 4] });
    expect(s.missing).toBe(1);
    expect(s.note).toBe("1 missing value left out");
    expect(om.herfindahl([1, null, 3])).toBeNull();
    expect(om.krugman([1, NaN, 3], [1, 2, 3])).toBeNull();
    expect(om.locationQuotient(null, 100, 10, 1000)).toBeNull();
  });

  test("Atkinson is defined for zeros when ε < 1, and not for ε ≥ 1", () => {
    expect(om.atkinson({ values: [0, 4] }, 0.5)).toBeCloseTo(1 - (0.5 * Math.sqrt(2)) ** 2, 14);
    expect(om.atkinson({ values: [0, 4] }, 1)).toBeNull();
  });

  test("tables: a suppressed cell blocks the region's specialisation and LQs, with a note", () => {
    const t = om.Table.fromRows([
      { region: "a", industry: "x", value: 10 },
      { region: "a", industry: "y", value: null },
      { region: "b", industry: "x", value: 20 },
      { region: "b", industry: "y", value: 30 },
    ]);
    const s = om.specialisation(t).filter({ region: "a" }).toRows()[0]!;
    expect(s.krugman).toBeNull();
    expect(s.note).toMatch(/suppressed/);
    expect(
      om
        .locationQuotients(t)
        .filter({ region: "a" })
        .toRows()
        .every((r) => r.location_quotient === null),
    ).toBe(true);
  });
});
