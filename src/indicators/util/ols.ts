import { inverse, Matrix, QrDecomposition } from "ml-matrix";
import { fPValue, tPValue } from "./distributions.ts";
import { sum } from "./stats.ts";

/**
 * Ordinary least squares with an intercept: y = Xβ + ε, solved by QR decomposition (ml-matrix), with standard
 * errors from σ²(X'X)⁻¹ = σ²R⁻¹R⁻ᵀ, σ² = e'e/(n − k), and R² = 1 − e'e/Σ(y − ȳ)². Weights scale the rows by √w.
 * p values: two-sided t tests with n − k degrees of freedom; the F test of all slopes being 0,
 * F = (R²/(k − 1)) / ((1 − R²)/(n − k)) (as R's summary.lm). A rank-deficient design (collinear columns) or
 * n ≤ k gives null.
 */
export interface OlsResult {
  /** Names of the coefficients: "intercept" and then the regressors. */
  names: string[];
  coefficients: number[];
  standardErrors: number[];
  /** t statistics (coefficient / standard error). */
  t: number[];
  /** Two-sided p values of the t statistics (t distribution with n − k degrees of freedom); null where t is not finite. */
  pValues: (number | null)[];
  /** Residual degrees of freedom n − k. */
  df: number;
  /** F statistic of the regression (all slopes 0); null without slopes or with a perfect fit. */
  f: number | null;
  /** p value of the F statistic. */
  fPValue: number | null;
  residuals: number[];
  fitted: number[];
  r2: number;
  /** Adjusted R²: 1 − (1 − R²)(n − 1)/(n − k). */
  r2Adjusted: number;
  n: number;
  /** Residual variance σ². */
  sigma2: number;
  /**
   * Standardised (beta) coefficients b_k·s_k/s_y (docs/methods.md §7.8; REAT's `lm.beta`): how many standard
   * deviations y moves when regressor k moves by one of its own, to compare regressors measured in different units.
   * s are (weighted) standard deviations. Null for the intercept and for a 0/1 dummy, which cannot move by a
   * standard deviation (REAT's `dummy.na = TRUE`), and where s_y = 0.
   */
  standardised: (number | null)[];
}

/**
 * Fits y on the regressors (each an array with one value per observation) plus an intercept.
 *
 * @example
 * ols([1, 3, 5], { x: [0, 1, 2] })?.coefficients // [1, 2]
 */
export function ols(
  y: readonly number[],
  regressors: Readonly<Record<string, readonly number[]>>,
  options: { intercept?: boolean; weights?: readonly number[] } = {},
): OlsResult | null {
  const intercept = options.intercept ?? true;
  const names = [...(intercept ? ["intercept"] : []), ...Object.keys(regressors)];
  const columns = [...(intercept ? [y.map(() => 1)] : []), ...Object.values(regressors)];
  const n = y.length;
  const k = columns.length;
  if (n <= k) return null;
  const w = options.weights ?? y.map(() => 1);
  const root = w.map(Math.sqrt);
  const X = new Matrix(Array.from({ length: n }, (_, i) => columns.map((c) => c[i]! * root[i]!)));
  const Y = Matrix.columnVector(y.map((v, i) => v * root[i]!));
  const qr = new QrDecomposition(X);
  if (!qr.isFullRank()) return null;
  const coefficients = qr.solve(Y).to1DArray();
  const fitted = y.map((_, i) => columns.reduce((s, c, a) => s + c[i]! * coefficients[a]!, 0));
  const residuals = y.map((v, i) => v - fitted[i]!);
  const sw = sum(w);
  const mean = y.reduce((s, v, i) => s + v * w[i]!, 0) / sw;
  const sse = residuals.reduce((s, e, i) => s + w[i]! * e * e, 0);
  const sst = y.reduce((s, v, i) => s + w[i]! * (v - mean) ** 2, 0);
  const sigma2 = sse / (n - k);
  const rInverse = inverse(qr.upperTriangularMatrix);
  const covariance = rInverse.mmul(rInverse.transpose());
  const standardErrors = coefficients.map((_, a) => Math.sqrt(sigma2 * covariance.get(a, a)));
  const r2 = sst === 0 ? 0 : 1 - sse / sst;
  const t = coefficients.map((c, a) => c / standardErrors[a]!);
  const slopes = k - (intercept ? 1 : 0);
  const f =
    slopes > 0 && sse > 0
      ? (intercept ? (sst - sse) / slopes : (sst - sse + sw * mean * mean) / slopes) / sigma2
      : null;
  return {
    names,
    coefficients,
    standardErrors,
    t,
    pValues: t.map((x) => tPValue(x, n - k)),
    df: n - k,
    f,
    fPValue: f === null ? null : fPValue(f, slopes, n - k),
    residuals,
    fitted,
    r2,
    r2Adjusted: 1 - ((1 - r2) * (n - (intercept ? 1 : 0))) / (n - k),
    n,
    sigma2,
    standardised: columns.map((c, a) => (intercept && a === 0 ? null : standardise(coefficients[a]!, c, y, w))),
  };
}

/** b·s_x/s_y with weighted standard deviations; null for a 0/1 dummy or a constant y. */
function standardise(b: number, x: readonly number[], y: readonly number[], w: readonly number[]): number | null {
  if (x.every((v) => v === 0 || v === 1)) return null;
  const sd = (v: readonly number[]) => {
    const sw = sum(w);
    const mean = v.reduce((s, x, i) => s + w[i]! * x, 0) / sw;
    return Math.sqrt(v.reduce((s, x, i) => s + w[i]! * (x - mean) ** 2, 0) / sw);
  };
  const sy = sd(y);
  return sy > 0 ? b * (sd(x) / sy) : null;
}
