import { OmvarldError } from "../../errors.ts";
import { greatCircle, type LatLon } from "./distance.ts";

/** A point: latitude and longitude in degrees (great-circle distances), or planar coordinates x, y (Euclidean). */
export type Point = LatLon | { x: number; y: number };

/** How distances between latitude/longitude points are measured (see `greatCircle`); planar points ignore it. */
export interface DistanceOptions {
  /** Unit of distances and of `distance`/`distances`: "km" (default), "m" or "mile". */
  unit?: "km" | "m" | "mile";
  /** Earth radius in km (default 6371.0088; REAT uses 6378). */
  radius?: number;
}

function distanceFn(options: DistanceOptions): (a: Point, b: Point) => number {
  const sphere = { unit: options.unit ?? "km", ...(options.radius === undefined ? {} : { radius: options.radius }) };
  return (a, b) => {
    if ("x" in a && "x" in b) return Math.hypot(a.x - b.x, a.y - b.y);
    if ("lat" in a && "lat" in b) return greatCircle(a, b, sphere);
    throw new OmvarldError(
      "ARGUMENT",
      "points mix latitude/longitude and planar coordinates",
      {},
      "give every point as { lat, lon } or every point as { x, y }",
    );
  };
}

/**
 * Points within a distance (a buffer) of each origin (docs/methods.md §5.6; REAT's `dist.buf`, de Lange 2013): the
 * count of `points` at most `distance` away, and the sum of their `weights` (e.g. jobs or population; default 1).
 * Without `points`, the origins are counted among themselves, each leaving itself out (REAT's
 * `extract_local = TRUE`).
 *
 * @example
 * countWithin(cities, { distance: 300 }).count // Göttingen, Karlsruhe, Freiburg: [0, 1, 1] (REAT's dist.buf example)
 */
export function countWithin(
  origins: readonly Point[],
  options: DistanceOptions & { distance: number; points?: readonly Point[]; weights?: readonly number[] },
): { count: number[]; sum: number[] } {
  const points = options.points ?? origins;
  const self = options.points === undefined;
  if (options.weights && options.weights.length !== points.length)
    throw new OmvarldError("ARGUMENT", `${points.length} points but ${options.weights.length} weights`);
  if (!(options.distance >= 0)) throw new OmvarldError("ARGUMENT", `a buffer distance ≥ 0, got ${options.distance}`);
  const d = distanceFn(options);
  const count = origins.map(() => 0);
  const total = origins.map(() => 0);
  origins.forEach((o, i) => {
    points.forEach((p, j) => {
      if (self && i === j) return;
      if (d(o, p) <= options.distance) {
        count[i]!++;
        total[i]! += options.weights ? options.weights[j]! : 1;
      }
    });
  });
  return { count, sum: total };
}

/** One distance of Ripley's K function. */
export interface RipleyRow {
  /** The distance t. */
  t: number;
  /** K under complete spatial randomness, πt². */
  expected: number;
  /** K(t) = A/n² · Σ_i Σ_{j≠i} 1(d_ij ≤ t). */
  k: number;
  /** L(t) = √(K(t)/π): t under complete spatial randomness. */
  l: number;
  /** H(t) = L(t) − t: > 0 clustering at distance t, < 0 dispersion. */
  h: number;
}

/**
 * Ripley's K and L functions of a point pattern in a region of area A (docs/methods.md §5.6; Ripley 1976; REAT's
 * `ripley`; Kiskowski, Hancock and Kenworthy 2009):
 *
 *     K(t) = (1/λ)·(1/n)·Σ_i Σ_{j≠i} 1(d_ij ≤ t),   λ = n/A;   L(t) = √(K(t)/π);   H(t) = L(t) − t
 *
 * at each distance of `distances` (in the unit of `unit`, A in that unit squared: km² by default). No edge
 * correction, as REAT: points near the region's border have fewer neighbours inside it, so K is biased down at
 * distances that are large against the region. Under complete spatial randomness K(t) = πt² and H(t) = 0.
 *
 * @example
 * ripley(pharmacies, { area: 3020, distances: [1, 2, 5, 10, 20] }) // area of Landkreis Göttingen + Northeim, km²
 */
export function ripley(
  points: readonly Point[],
  options: DistanceOptions & { area: number; distances: readonly number[] },
): RipleyRow[] {
  const n = points.length;
  if (!(options.area > 0))
    throw new OmvarldError("ARGUMENT", `the region's area must be positive, got ${options.area}`);
  if (n < 2) throw new OmvarldError("ARGUMENT", `Ripley's K needs at least two points, got ${n}`);
  const d = distanceFn(options);
  const pairs = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs[k++] = d(points[i]!, points[j]!);
  pairs.sort();
  return options.distances.map((t) => {
    // each unordered pair within t counts twice (i→j and j→i)
    const K = (options.area * 2 * upperBound(pairs, t)) / (n * n);
    const L = Math.sqrt(K / Math.PI);
    return { t, expected: Math.PI * t * t, k: K, l: L, h: L - t };
  });
}

/** The number of sorted values ≤ t. */
function upperBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
