/**
 * Standard age schedules, used only where a table has no age detail of its own: they shape events within the age
 * span the data give, and never set their level.
 */

/**
 * Age-specific fertility in Norway, mean of 1996-2000, live births per 1 000 women in the groups 15-19 … 45-49:
 * Statistics Norway, "Aldersavhengige fruktbarhetsrater og samlet fruktbarhetstall. 1961-2004", table 5 of the
 * births statistics (https://www.ssb.no/a/kortnavn/fodte/arkiv/tab-2005-04-21-05.html). Total fertility 1.851.
 * Only the shape is used: the level comes from the kommune's own births. Childbearing has moved to older ages
 * since, so the schedule slightly overstates births to women under 30 relative to those over 30.
 */
export const STANDARD_FERTILITY_SOURCE = "SSB, aldersavhengige fruktbarhetsrater 1996-2000 (Fødte, tabell 5, 2005)";
const FERTILITY_GROUPS: readonly (readonly [number, number, number])[] = [
  [15, 19, 12.4],
  [20, 24, 70.6],
  [25, 29, 130.9],
  [30, 34, 107.8],
  [35, 39, 43.5],
  [40, 44, 6.9],
  [45, 49, 0.2],
];

/**
 * The standard fertility schedule by single year of age 0 … maxAge, births per woman (the group rate spread evenly
 * over its five ages; 0 outside 15-49).
 *
 * @example
 * standardFertility()[27] // 0.1309
 */
export function standardFertility(maxAge = 100): number[] {
  const out = new Array<number>(maxAge + 1).fill(0);
  for (const [from, to, rate] of FERTILITY_GROUPS)
    for (let a = from; a <= Math.min(to, maxAge); a++) out[a] = rate / 1000;
  return out;
}

/**
 * Spreads a count over ages in proportion to weights (expected events, e.g. a schedule's rate × the exposure):
 * x_a = C·w_a / Σ w, or evenly where the weights sum to 0.
 *
 * @example
 * spread(10, [1, 3]) // [2.5, 7.5]
 */
export function spread(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (total > 0 ? (count * w) / total : count / weights.length));
}
