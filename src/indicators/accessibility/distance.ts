import { OmvarldError } from "../../errors.ts";

/** Mean Earth radius in km (IUGG, R₁). REAT's `dist` uses 6378 km, the equatorial radius: pass `{ radius: 6378 }` to match it. */
export const EARTH_RADIUS_KM = 6371.0088;

/** A point in degrees (WGS 84 latitude and longitude). */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * Great-circle distance in km between two points on a sphere, by the haversine formula
 *
 *     d = 2R·asin √( sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2) )
 *
 * which equals REAT's spherical law of cosines R·acos(sin φ₁ sin φ₂ + cos φ₁ cos φ₂ cos Δλ) but stays accurate
 * for short distances. `radius` in km (default the mean Earth radius 6371.0088 km); `unit` "km", "m" or "mile"
 * (1 mile = 1.609344 km).
 *
 * @example
 * greatCircle({ lat: 59.3293, lon: 18.0686 }, { lat: 59.9139, lon: 10.7522 }) // Stockholm–Oslo ≈ 416 km
 */
export function greatCircle(
  a: LatLon,
  b: LatLon,
  options: { radius?: number; unit?: "km" | "m" | "mile" } = {},
): number {
  for (const p of [a, b]) {
    if (!(Math.abs(p.lat) <= 90) || !(Math.abs(p.lon) <= 360)) {
      throw new OmvarldError(
        "ARGUMENT",
        `not a latitude/longitude in degrees: ${p.lat}, ${p.lon}`,
        {},
        "give { lat, lon } in decimal degrees",
      );
    }
  }
  const rad = Math.PI / 180;
  const dPhi = (b.lat - a.lat) * rad;
  const dLambda = (b.lon - a.lon) * rad;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLambda / 2) ** 2;
  const km = 2 * (options.radius ?? EARTH_RADIUS_KM) * Math.asin(Math.min(1, Math.sqrt(h)));
  return options.unit === "m" ? km * 1000 : options.unit === "mile" ? km / 1.609344 : km;
}

/**
 * Distance matrix d[i][j] from every origin i to every destination j (great-circle, as `greatCircle`). Without
 * destinations, the square matrix among the origins.
 */
export function distanceMatrix(
  origins: readonly LatLon[],
  destinations: readonly LatLon[] = origins,
  options: { radius?: number; unit?: "km" | "m" | "mile" } = {},
): number[][] {
  return origins.map((o) => destinations.map((d) => greatCircle(o, d, options)));
}
