import type { Sex } from "../../io/sex.ts";

/** Women first, then men: the order of every by-sex array of the projections. */
export const SEXES: readonly Sex[] = ["female", "male"];

/** The age groups of the mortality ratio (0, 1-4, 5-9 … 85-89, 90+), by their first age (docs/methods.md §8.1). */
export const MORTALITY_GROUPS: readonly number[] = [0, 1, ...Array.from({ length: 18 }, (_, k) => 5 * (k + 1))];

/**
 * The small-number rules of docs/methods.md §8.1, in one place: a local mortality ratio needs at least 50 deaths in its
 * age group over the window and is clipped to [0.7, 1.3]; a local fertility level is clipped to [0.1, 3].
 */
export const SMALL_NUMBERS = {
  mortality: { minEvents: 50, clip: [0.7, 1.3] },
  fertility: { minEvents: 0, clip: [0.1, 3] },
} as const satisfies Record<string, LocalRateOptions>;

export interface LocalRateOptions {
  /** Fewer local events than this: the national rate (default 50, mortality's rule). */
  minEvents?: number;
  /** Bounds of the local/national ratio (default [0.7, 1.3], mortality's rule). */
  clip?: readonly [number, number];
  /**
   * The number of events `minEvents` is checked against, when `localEvents` is a time-weighted sum (the rule counts
   * deaths, not weighted deaths). Default: `localEvents`.
   */
  count?: number;
}

/**
 * A local rate as the national rate times a local/national ratio, with the small-number rule of docs/methods.md §8.1:
 *
 *     rate = national · clip(localEvents / localExposure / national, lo, hi)
 *
 * and the national rate itself when the local events (or `count`) are fewer than `minEvents`, or there is no local
 * exposure or national rate.
 *
 * @example
 * localRate(120, 100, 1)                      // 1.2 (an SMR of 1.2 applied to a national rate 1)
 * localRate(40, 20, 1)                        // 1   (40 deaths < 50: the national rate)
 * localRate(12, 1, 2, SMALL_NUMBERS.fertility) // 6   (ratio 6 clipped to 3)
 */
export function localRate(
  localEvents: number,
  localExposure: number,
  nationalRate: number,
  options: LocalRateOptions = {},
): number {
  const [lo, hi] = options.clip ?? SMALL_NUMBERS.mortality.clip;
  const count = options.count ?? localEvents;
  if (count < (options.minEvents ?? SMALL_NUMBERS.mortality.minEvents) || localExposure <= 0 || nationalRate <= 0)
    return nationalRate;
  const ratio = localEvents / localExposure / nationalRate;
  return nationalRate * Math.min(hi, Math.max(lo, ratio));
}
