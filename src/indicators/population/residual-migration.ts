/**
 * The residual (component) method for places without migration tables: deaths by age at death are split onto the
 * cohorts that die, and net migration by age is what the population change leaves after births and deaths.
 *
 * Ages are single years 0 … A, the last open (A = 100: "100+"). A cohort "aged x" is aged x at the start of the
 * year and x + 1 at its end; the open age keeps its survivors.
 */

/** Deaths of one year and sex, by the cohort that dies. */
export interface CohortDeaths {
  /** Deaths of the children born in the year, before it ends. */
  newborn: number;
  /** Deaths of the cohort aged x at the start of the year, x = 0 … A. */
  byStartAge: number[];
}

/**
 * Deaths by age at death (Lexis squares D(x), as SCB's BE0101D9 counts them) onto cohorts by the age at the start
 * of the year. A cohort aged x at the start spends the year at ages x and x + 1, so half of each square's deaths
 * fall on each of its two cohorts. Infant deaths happen mostly in the first weeks of life, so the year's deaths at
 * age 0 are counted against the year's births (`newbornShare` λ, default 1):
 *
 *     newborn = λ·D(0)
 *     Dc(0)   = (1 − λ)·D(0) + ½·D(1)
 *     Dc(x)   = ½·D(x) + ½·D(x+1)          1 ≤ x ≤ A − 1
 *     Dc(A)   = ½·D(A)                     (the open age's square: half from A − 1, half from A)
 *
 * Σ Dc + newborn = Σ D exactly.
 *
 * @example
 * cohortDeaths([4, 2, 6]) // { newborn: 4, byStartAge: [1, 4, 3] }
 */
export function cohortDeaths(deaths: ArrayLike<number>, newbornShare = 1): CohortDeaths {
  const top = deaths.length - 1;
  const byStartAge = new Array<number>(top + 1).fill(0);
  for (let x = 0; x <= top; x++) {
    const own = x === 0 ? (1 - newbornShare) * deaths[0]! : 0.5 * deaths[x]!;
    byStartAge[x] = own + (x < top ? 0.5 * deaths[x + 1]! : 0);
  }
  return { newborn: newbornShare * deaths[0]!, byStartAge };
}

/** Net migration of one year and sex: of the newborns and of each cohort by its age at the start of the year. */
export interface ResidualMigration {
  newborn: number;
  byStartAge: number[];
}

/**
 * Net migration as the residual of the population at the start (P) and end (P′) of a year, its births B and the
 * cohorts' deaths (`cohortDeaths`):
 *
 *     NM(x)        = P′(x+1) − P(x) + Dc(x)                          0 ≤ x ≤ A − 2
 *     NM(A−1)+NM(A) = P′(A) − P(A−1) − P(A) + Dc(A−1) + Dc(A)         (split in proportion to P(A−1), P(A))
 *     NM(newborn)  = P′(0) − B + Dc(newborn)
 *
 * so that Σ NM = ΣP′ − ΣP − B + ΣD, the balancing equation, exactly.
 *
 * @example
 * // 10 aged 0 and 20 aged 1+ (open); a year later 12 aged 0 and 27 aged 1+; 13 births, 1 infant death, 2 deaths at 1+
 * residualMigration([10, 20], [12, 27], 13, { newborn: 1, byStartAge: [0, 2] })
 * // { newborn: 0, byStartAge: [-1/3, -2/3] }: 12 − 13 + 1 = 0; 27 − 10 − 20 + 0 + 2 = −1, split 10 : 20
 */
export function residualMigration(
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  births: number,
  deaths: CohortDeaths,
): ResidualMigration {
  const top = start.length - 1;
  const byStartAge = new Array<number>(top + 1).fill(0);
  for (let x = 0; x <= top - 2; x++) byStartAge[x] = end[x + 1]! - start[x]! + deaths.byStartAge[x]!;
  const lo = Math.max(0, top - 1);
  if (top >= 1) {
    const pooled = end[top]! - start[lo]! - start[top]! + deaths.byStartAge[lo]! + deaths.byStartAge[top]!;
    const base = start[lo]! + start[top]!;
    const share = base > 0 ? start[lo]! / base : 0.5;
    byStartAge[lo] = pooled * share;
    byStartAge[top] = pooled * (1 - share);
  }
  return { newborn: end[0]! - births + deaths.newborn, byStartAge };
}

/**
 * Sums over a window of ages (x − h … x + h, cut at 0 and A), applied to events and exposure alike before they are
 * divided: a rate smoothed this way keeps the events' total on the exposure's total.
 *
 * @example
 * movingSum([1, 2, 3, 4], 1) // [3, 6, 9, 7]
 */
export function movingSum(values: ArrayLike<number>, halfWidth: number): number[] {
  const n = values.length;
  return Array.from({ length: n }, (_, x) => {
    let s = 0;
    for (let y = Math.max(0, x - halfWidth); y <= Math.min(n - 1, x + halfWidth); y++) s += values[y]!;
    return s;
  });
}
