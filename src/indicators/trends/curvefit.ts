import { OmvarldError } from "../../errors.ts";
import { complete, type Maybe } from "../util/missing.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { finite } from "../util/stats.ts";

/** The trend forms of `fitTrend` (as REAT's curvefit). */
export type TrendKind = "linear" | "power" | "exponential" | "logistic";

export const TREND_KINDS: readonly TrendKind[] = ["linear", "power", "exponential", "logistic"];

export interface TrendFit {
  kind: TrendKind;
  /** a and b of the formula (see `fitTrend`). */
  a: number;
  b: number;
  /** The ceiling of the logistic trend; null for the other forms. */
  yMax: number | null;
  /**
   * Standard errors, t statistics and two-sided p values of the intercept and slope of the linearised regression
   * (for the power trend those of log₁₀a and b, for the exponential those of ln a and b), as REAT reports them.
   */
  standardErrors: [number, number];
  t: [number, number];
  pValues: [number | null, number | null];
  /** R², adjusted R², F and its p value of the linearised regression. */
  r2: number;
  r2Adjusted: number;
  f: number | null;
  fPValue: number | null;
  /** Number of (x, y) pairs used, and how many were left out because x or y was missing. */
  n: number;
  missing: number;
  /** The trend's value at x (null where it is undefined, e.g. the power trend at x ≤ 0). */
  predict: (x: number) => number | null;
  regression: OlsResult;
}

/**
 * Fits a trend to a series by least squares on its linearised form (as REAT's `curvefit`, Wieland):
 *
 *     linear       y = a + b·x
 *     power        y = a·x^b            from log₁₀y = log₁₀a + b·log₁₀x      (x, y > 0)
 *     exponential  y = a·e^(b·x)        from ln y = ln a + b·x               (y > 0)
 *     logistic     y = yMax/(1 + e^(a + b·x))  from ln((yMax − y)/y) = a + b·x  (0 < y < yMax)
 *
 * `yMax` defaults to 1.001·max(y) (REAT's default). Pairs with a missing x or y are left out (`missing`). Null
 * when the form does not apply to the data (a value out of its domain) or fewer than three pairs remain.
 *
 * @example
 * fitTrend([1, 2, 3, 4], [2, 4, 8, 16], "exponential")  // a = 1, b = ln 2
 */
export function fitTrend(
  x: readonly Maybe[],
  y: readonly Maybe[],
  kind: TrendKind,
  options: { yMax?: number } = {},
): TrendFit | null {
  if (x.length !== y.length)
    throw new OmvarldError("ARGUMENT", `x has ${x.length} values and y ${y.length}`, {}, "give one x per y");
  const pairs = complete(x, y);
  const xs = pairs.x;
  const ys = pairs.w;
  if (xs.length < 3) return null;
  const yMax = kind === "logistic" ? (options.yMax ?? 1.001 * Math.max(...ys)) : null;
  let lx: number[];
  let ly: number[];
  switch (kind) {
    case "linear":
      lx = xs;
      ly = ys;
      break;
    case "power":
      if (xs.some((v) => v <= 0) || ys.some((v) => v <= 0)) return null;
      lx = xs.map(Math.log10);
      ly = ys.map(Math.log10);
      break;
    case "exponential":
      if (ys.some((v) => v <= 0)) return null;
      lx = xs;
      ly = ys.map(Math.log);
      break;
    case "logistic":
      if (ys.some((v) => v <= 0 || v >= yMax!)) return null;
      lx = xs;
      ly = ys.map((v) => Math.log((yMax! - v) / v));
      break;
  }
  const fit = ols(ly, { x: lx });
  if (!fit) return null;
  const [c0, c1] = fit.coefficients as [number, number];
  const a = kind === "power" ? 10 ** c0 : kind === "exponential" ? Math.exp(c0) : c0;
  const b = c1;
  const predict = (v: number): number | null => {
    switch (kind) {
      case "linear":
        return finite(a + b * v);
      case "power":
        return v > 0 ? finite(a * v ** b) : null;
      case "exponential":
        return finite(a * Math.exp(b * v));
      case "logistic":
        return finite(yMax! / (1 + Math.exp(a + b * v)));
    }
  };
  return {
    kind,
    a,
    b,
    yMax,
    standardErrors: fit.standardErrors as [number, number],
    t: fit.t as [number, number],
    pValues: fit.pValues as [number | null, number | null],
    r2: fit.r2,
    r2Adjusted: fit.r2Adjusted,
    f: fit.f,
    fPValue: fit.fPValue,
    n: xs.length,
    missing: pairs.missing,
    predict,
    regression: fit,
  };
}

export interface CurveFit {
  /** One fit per form; null where the form does not apply. */
  fits: Record<TrendKind, TrendFit | null>;
  /** x (observed, then the extrapolated), y (null where extrapolated) and each trend's value. */
  rows: {
    x: number;
    y: number | null;
    linear: number | null;
    power: number | null;
    exponential: number | null;
    logistic: number | null;
  }[];
}

/**
 * Fits all four trends of `fitTrend` and extrapolates them (REAT's `curvefit`): `extrapolate: k` adds k steps of 1
 * after the last x (REAT's `extrapol`); `at` gives the x values to extrapolate to instead.
 *
 * @example
 * curveFit([2010, 2011, 2012], [100, 110, 121], { extrapolate: 2 }).rows.at(-1)!.exponential // ≈ 146.41
 */
export function curveFit(
  x: readonly Maybe[],
  y: readonly Maybe[],
  options: { yMax?: number; extrapolate?: number; at?: readonly number[] } = {},
): CurveFit {
  const fits = Object.fromEntries(
    TREND_KINDS.map((k) => [k, fitTrend(x, y, k, options.yMax === undefined ? {} : { yMax: options.yMax })]),
  ) as Record<TrendKind, TrendFit | null>;
  const observed = x.map((v, i) => ({ x: v, y: y[i] }));
  const last = Math.max(...x.filter((v): v is number => typeof v === "number" && Number.isFinite(v)));
  const extra = options.at ?? Array.from({ length: options.extrapolate ?? 0 }, (_, i) => last + i + 1);
  const rows = [
    ...observed.filter((p): p is { x: number; y: Maybe } => typeof p.x === "number" && !Number.isNaN(p.x)),
    ...extra.map((v) => ({ x: v, y: null })),
  ].map((p) => ({
    x: p.x,
    y: typeof p.y === "number" && !Number.isNaN(p.y) ? p.y : null,
    ...Object.fromEntries(TREND_KINDS.map((k) => [k, fits[k]?.predict(p.x) ?? null])),
  })) as CurveFit["rows"];
  return { fits, rows };
}
