/**
 * Ordinary least squares with an intercept: y = Xβ + ε, β = (X'X)⁻¹X'y, standard errors from σ² (X'X)⁻¹ with
 * σ² = e'e / (n − k), R² = 1 − e'e / Σ(y − ȳ)². Solved by Gauss-Jordan elimination with partial pivoting;
 * a singular design (collinear columns, too few observations) gives null.
 */
export interface OlsResult {
  /** Names of the coefficients: "intercept" and then the regressors. */
  names: string[];
  coefficients: number[];
  standardErrors: number[];
  /** t statistics (coefficient / standard error). */
  t: number[];
  residuals: number[];
  fitted: number[];
  r2: number;
  /** Adjusted R²: 1 − (1 − R²)(n − 1)/(n − k). */
  r2Adjusted: number;
  n: number;
  /** Residual variance σ². */
  sigma2: number;
}

/**
 * Fits y on the columns of `x` (each an array of regressors' values, one per observation) plus an intercept.
 *
 * @example
 * ols([1, 3, 5], { x: [0, 1, 2] }).coefficients // [1, 2]
 */
export function ols(y: readonly number[], regressors: Readonly<Record<string, readonly number[]>>, options: { intercept?: boolean; weights?: readonly number[] } = {}): OlsResult | null {
  const intercept = options.intercept ?? true;
  const names = [...(intercept ? ["intercept"] : []), ...Object.keys(regressors)];
  const columns = [...(intercept ? [y.map(() => 1)] : []), ...Object.values(regressors)];
  const n = y.length;
  const k = columns.length;
  if (n <= k) return null;
  const w = options.weights ?? y.map(() => 1);
  // X'WX and X'Wy
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) {
      const xa = columns[a]![i]! * w[i]!;
      xty[a]! += xa * y[i]!;
      for (let b = a; b < k; b++) xtx[a]![b]! += xa * columns[b]![i]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtx[a]![b] = xtx[b]![a]!;
  const inverse = invert(xtx);
  if (!inverse) return null;
  const coefficients = inverse.map((row) => row.reduce((s, v, j) => s + v * xty[j]!, 0));
  const fitted = y.map((_, i) => columns.reduce((s, col, a) => s + col[i]! * coefficients[a]!, 0));
  const residuals = y.map((v, i) => v - fitted[i]!);
  const sw = w.reduce((s, v) => s + v, 0);
  const mean = y.reduce((s, v, i) => s + v * w[i]!, 0) / sw;
  const sse = residuals.reduce((s, e, i) => s + w[i]! * e * e, 0);
  const sst = y.reduce((s, v, i) => s + w[i]! * (v - mean) ** 2, 0);
  const sigma2 = sse / (n - k);
  const standardErrors = inverse.map((row, a) => Math.sqrt(sigma2 * row[a]!));
  const r2 = sst === 0 ? 0 : 1 - sse / sst;
  return {
    names, coefficients, standardErrors, t: coefficients.map((c, a) => c / standardErrors[a]!),
    residuals, fitted, r2, r2Adjusted: 1 - ((1 - r2) * (n - (intercept ? 1 : 0))) / (n - k), n, sigma2,
  };
}

/** The inverse of a symmetric positive (semi)definite matrix by Gauss-Jordan; null when it is singular. */
function invert(matrix: number[][]): number[][] | null {
  const k = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i]!)), 1e-300);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12 * scale) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * k; j++) a[col]![j]! /= p;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}
