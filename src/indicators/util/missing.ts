/**
 * Missing values in the plain-number indicators: `null`, `undefined` and NaN are missing, never 0. Indices over a
 * sample (inequality, dispersion) leave them out and count them; indices over shares of a whole (Herfindahl,
 * Krugman, location quotients) give null, because leaving a part out would change every other share.
 */

/** A value that may be missing. */
export type Maybe = number | null | undefined;

/** True when x is a finite-or-infinite number, false for null, undefined and NaN. */
export function known(x: Maybe): x is number {
  return typeof x === "number" && !Number.isNaN(x);
}

/** How many entries are missing. */
export function countMissing(values: readonly Maybe[]): number {
  return values.reduce<number>((n, v) => (known(v) ? n : n + 1), 0);
}

/**
 * Pairs of value and weight where both are known; `missing` counts the pairs left out.
 *
 * @example
 * complete([1, null, 3, NaN]) // { x: [1, 3], w: [1, 1], missing: 2 }
 */
export function complete(
  values: readonly Maybe[],
  weights?: readonly Maybe[],
): { x: number[]; w: number[]; missing: number } {
  const x: number[] = [];
  const w: number[] = [];
  let missing = 0;
  values.forEach((v, i) => {
    const weight = weights ? weights[i] : 1;
    if (known(v) && known(weight)) {
      x.push(v);
      w.push(weight);
    } else missing++;
  });
  return { x, w, missing };
}

/** The values when none is missing, else null (for indices over the shares of a whole). */
export function allKnown(values: readonly Maybe[]): number[] | null {
  return values.every(known) ? (values as number[]) : null;
}

/** A note on the values left out, or null when none were. */
export function missingNote(missing: number): string | null {
  return missing === 0 ? null : `${missing} missing value${missing === 1 ? "" : "s"} left out`;
}
