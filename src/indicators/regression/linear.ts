import { OmvarldError } from "../../errors.ts";
import { known, type Maybe, missingNote } from "../util/missing.ts";
import { type OlsResult, ols } from "../util/ols.ts";

/** A fitted linear regression (see `OlsResult` for its fields) and the observations left out as missing. */
export interface Regression extends OlsResult {
  /** Observations left out because y, a regressor or the weight was missing (listwise deletion). */
  missing: number;
  note: string | null;
}

/**
 * Ordinary (or weighted) least squares of y on named regressors, with an intercept unless `intercept: false`
 * (docs/methods.md §7.8): coefficients with standard errors, t statistics and exact two-sided p values (t with
 * n − k degrees of freedom), the F test of all slopes with its p value, R² and adjusted R², residuals, fitted
 * values, σ² and the standardised (beta) coefficients. Solved by QR decomposition (ml-matrix). An observation
 * with a missing y, regressor or weight is left out and counted. Null when the design is rank-deficient
 * (collinear regressors) or there are no more observations than coefficients.
 *
 * @example
 * linearRegression([2, 4, 5, 4, 5], { x: [1, 2, 3, 4, 5] })
 * // { names: ["intercept", "x"], coefficients: [2.2, 0.6], r2: 0.6, standardised: [null, 0.7746], … }
 */
export function linearRegression(
  y: readonly Maybe[],
  regressors: Readonly<Record<string, readonly Maybe[]>>,
  options: { intercept?: boolean; weights?: readonly Maybe[] } = {},
): Regression | null {
  const columns = Object.entries(regressors);
  for (const [name, x] of [...columns, ...(options.weights ? [["weights", options.weights] as const] : [])])
    if (x.length !== y.length)
      throw new OmvarldError("ARGUMENT", `${name} has ${x.length} values for ${y.length} observations of y`);
  const keep = y.map(
    (v, i) => known(v) && columns.every(([, x]) => known(x[i])) && (!options.weights || known(options.weights[i])),
  );
  const pick = (v: readonly Maybe[]) => v.filter((_, i) => keep[i]) as number[];
  const missing = keep.filter((k) => !k).length;
  const fit = ols(pick(y), Object.fromEntries(columns.map(([name, x]) => [name, pick(x)])), {
    ...(options.intercept === undefined ? {} : { intercept: options.intercept }),
    ...(options.weights ? { weights: pick(options.weights) } : {}),
  });
  return fit && { ...fit, missing, note: missingNote(missing) };
}
