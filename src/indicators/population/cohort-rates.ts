// The projection's mortality (the small-number rule, the oldest ages from a Kannisto fit) and fertility (an age
// schedule times the kommun's level) from the observed years (docs/methods.md §8.1).
import type { Sex } from "../../io/sex.ts";
import { sum } from "../util/stats.ts";
import type { ProjectionAssumptions } from "./municipal-projection.ts";
import { fitKannisto, kannistoHazard, openAgeRate } from "./old-age-mortality.ts";
import type { ProjectionData } from "./projection-data.ts";
import { timeWeights } from "./projection.ts";
import { localRate, MORTALITY_GROUPS, SEXES, SMALL_NUMBERS } from "./small-numbers.ts";
import type { YearFacts } from "./year-facts.ts";

export interface MortalityEstimate {
  /** Cohort death risks by sex (women, men) and single age at the start of the year. */
  mortality: number[][];
  newbornMortality: Record<Sex, number>;
  /** Age groups that fell back to the national risk, or whose ratio was clipped. */
  fallback: number;
  clippedGroups: number;
  smr: Record<Sex, number>;
}

/** Mortality: the nation's cohort risks times the local/national ratio of each age group, by the small-number rule. */
export function estimateMortality(
  local: readonly YearFacts[],
  nation: readonly YearFacts[],
  A: number,
  oldAgeModel: boolean,
): MortalityEstimate {
  const n = A + 1;
  const nationalQ = SEXES.map((s, si) =>
    (oldAgeModel ? smoothOldAges : (q: number[]) => q)(
      Array.from({ length: n }, (_, x) =>
        ratio(
          nation.map((f) => f.cohort[s].byStartAge[x]!),
          nation.map((f) => f.start[si * n + x]!),
        ),
      ),
      nation,
      si,
    ),
  );
  let fallback = 0;
  let clippedGroups = 0;
  const smr = { female: 1, male: 1 };
  const mortality = SEXES.map((s, si) => {
    const q = [...nationalQ[si]!];
    let observedAll = 0;
    let expectedAll = 0;
    MORTALITY_GROUPS.forEach((lo, g) => {
      const hi = g + 1 < MORTALITY_GROUPS.length ? MORTALITY_GROUPS[g + 1]! - 1 : A;
      let observed = 0;
      let expected = 0;
      for (let x = lo; x <= Math.min(hi, A); x++) {
        for (const f of local) {
          observed += f.cohort[s].byStartAge[x]!;
          expected += nationalQ[si]![x]! * f.start[si * n + x]!;
        }
      }
      observedAll += observed;
      expectedAll += expected;
      const r = localRate(observed, expected, 1, SMALL_NUMBERS.mortality);
      if (observed < SMALL_NUMBERS.mortality.minEvents) fallback++;
      else if (expected > 0 && Math.abs(r - observed / expected) > 1e-12) clippedGroups++;
      for (let x = lo; x <= Math.min(hi, A); x++) q[x] = Math.min(1, nationalQ[si]![x]! * r);
    });
    smr[s] = expectedAll > 0 ? observedAll / expectedAll : 1;
    return q;
  });
  const newbornMortality = Object.fromEntries(
    SEXES.map((s) => [
      s,
      ratio(
        nation.map((f) => f.cohort[s].newborn),
        nation.map((f) => f.births[s]),
      ),
    ]),
  ) as Record<Sex, number>;
  return { mortality, newbornMortality, fallback, clippedGroups, smr };
}

/** The first age whose cohort risk comes from the fitted old-age model, and the ages the model is fitted to. */
export const OLD_AGE = { from: 90, fit: [80, 99] } as const;

/**
 * The nation's cohort risks from age 90 on from a Kannisto model fitted to its single-age deaths and exposures at
 * 80-99 (`fitKannisto`): smooth and rising with age, and the open age group's risk that of the group as a whole
 * (m_{A+} = 1/e_A). A cohort aged x at the start of a year lives through ages x to x + 2, so its risk is
 * q_x = 1 − exp(−½(μ(x + ½) + μ(x + 1½))); the open group's q_A = 1 − exp(−m_{A+}). Below 90 the observed risks stay.
 */
export function smoothOldAges(q: number[], nation: readonly YearFacts[], si: number): number[] {
  const n = q.length;
  const A = n - 1;
  const [lo, hi] = OLD_AGE.fit;
  if (A <= OLD_AGE.from) return q;
  const ages = Array.from({ length: Math.min(hi, A - 1) - lo + 1 }, (_, k) => lo + k);
  const deaths = ages.map((x) => sum(nation.map((f) => f.deaths[si * n + x]!)));
  const exposure = ages.map((x) => sum(nation.map((f) => 0.5 * (f.start[si * n + x]! + f.end[si * n + x]!))));
  const model = fitKannisto(ages, deaths, exposure);
  if (!model) return q;
  const out = [...q];
  for (let x = OLD_AGE.from; x < A; x++)
    out[x] = 1 - Math.exp(-0.5 * (kannistoHazard(model, x + 0.5) + kannistoHazard(model, x + 1.5)));
  out[A] = 1 - Math.exp(-openAgeRate(model, A));
  return out;
}

export interface FertilityEstimate {
  method: ProjectionAssumptions["fertility"]["method"];
  /** The age schedule before its level: the nation's rates by the mother's age, or the standard shape. */
  baseShape: number[];
  /** The level k of the nation, of the kommun before and after the small-number rule. */
  kNation: number;
  kLocalRaw: number;
  kLocal: number;
  /** Births per woman by age: baseShape × kLocal. */
  fertility: number[];
  boysShare: number;
  /** The schedule at one observed year's own level (for the bootstrap). */
  yearFertility: (f: YearFacts) => number[];
}

/** Fertility: an age schedule times the kommun's level k, the national k times the clipped local/national ratio. */
export function estimateFertility(
  data: ProjectionData,
  local: readonly YearFacts[],
  nation: readonly YearFacts[],
  shape: readonly number[],
): FertilityEstimate {
  const n = data.maxAge + 1;
  const wf = timeWeights(local.length, "exponential");
  const method: FertilityEstimate["method"] =
    data.birthDetail === "mother-age" ? "asfr" : data.birthDetail === "none" ? "age-zero" : "total-births";
  const womenStart = (f: YearFacts) => f.start.subarray(0, n);
  const totalBirths = (f: YearFacts) => f.births.female + f.births.male;
  const baseShape =
    method === "asfr"
      ? Array.from({ length: n }, (_, a) =>
          weightedRatio(
            nation.map((f) => f.byAge![a]!),
            nation.map((f) => womenStart(f)[a]!),
            wf,
          ),
        )
      : shape.slice(0, n);
  const expectedBirths = (f: YearFacts) => sum(baseShape.map((sa, a) => sa * womenStart(f)[a]!));
  const kNation = weightedRatio(nation.map(totalBirths), nation.map(expectedBirths), wf);
  const kLocalRaw = weightedRatio(local.map(totalBirths), local.map(expectedBirths), wf);
  // k = national k × the local/national ratio clipped to [0.1, 3]
  const localLevel = (births: number, expected: number) =>
    localRate(births, expected, kNation, SMALL_NUMBERS.fertility);
  const kLocal = localLevel(
    sum(local.map((f, k) => wf[k]! * totalBirths(f))),
    sum(local.map((f, k) => wf[k]! * expectedBirths(f))),
  );
  const boysShare =
    ratio(
      nation.map((f) => f.births.male),
      nation.map(totalBirths),
    ) || 0.512;
  return {
    method,
    baseShape,
    kNation,
    kLocalRaw,
    kLocal,
    fertility: baseShape.map((sa) => sa * kLocal),
    boysShare,
    yearFertility: (f) => baseShape.map((sa) => sa * localLevel(totalBirths(f), expectedBirths(f))),
  };
}

/** Net migration of the children born in the year, per birth, by sex. */
export function newbornMigration(fs: readonly YearFacts[], w: readonly number[]): Record<Sex, number> {
  return Object.fromEntries(
    SEXES.map((s) => [
      s,
      weightedRatio(
        fs.map((f) => f.migration[s].newborn),
        fs.map((f) => f.births[s]),
        w,
      ),
    ]),
  ) as Record<Sex, number>;
}

/** Σ events / Σ exposure, 0 without exposure. */
export function ratio(events: readonly number[], exposure: readonly number[]): number {
  const e = sum(exposure);
  return e > 0 ? sum(events) / e : 0;
}

/** Σ w·events / Σ w·exposure, 0 without exposure. */
export function weightedRatio(events: readonly number[], exposure: readonly number[], w: readonly number[]): number {
  let a = 0;
  let b = 0;
  events.forEach((v, k) => {
    a += w[k]! * v;
    b += w[k]! * exposure[k]!;
  });
  return b > 0 ? a / b : 0;
}

/**
 * Life expectancy at birth from the projection's risks, for the method note (a period measure on the cohort risks):
 * a child born in the year dies in it with risk q⁰ (half a year lived on average), then the cohort aged x at the
 * start of a year dies in it with risk q_x (half a year lived by those who die), and the open age lives 1/q_A more:
 *
 *     l₀ = 1 − q⁰,  l_{x+1} = l_x·(1 − q_x),  e₀ = ½ + Σ_{x<A} l_x·(1 − q_x/2) + l_A/q_A
 */
export function lifeExpectancy(q: readonly number[], newborn: number): number {
  const top = q.length - 1;
  let l = 1 - Math.min(1, newborn);
  let e = 0.5;
  for (let x = 0; x < top; x++) {
    const d = Math.min(1, q[x]!);
    e += l * (1 - d / 2);
    l *= 1 - d;
  }
  return e + (q[top]! > 0 ? l / q[top]! : 0);
}
