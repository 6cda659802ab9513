import type { AreaFeature, Boundaries, Shape, UndrawnArea } from "../../regions/boundaries.ts";
import type { Country } from "../../regions/registry.ts";
import type { Table } from "../../table/table.ts";
import { findRegion } from "../../regions/registry.ts";

/**
 * Transverse Mercator on 15° E, the projection of Sweden's SWEREF 99 TM and of Norway's UTM zone 33 maps: north is
 * up and the north is not stretched as in Mercator.
 */
export const SCANDINAVIA = { type: "transverseMercator", rotate: [-15, 0, 0] } as const;

/** The areas a map shows: the kommuner and undrawn areas in its frame, and the outlines of its counties. */
export interface MapFrame {
  kommuner: AreaFeature[];
  undrawn: UndrawnArea[];
  counties: AreaFeature[];
}

/** The kommuner of one county (its code), or of the whole country (null). */
export function mapFrame(boundaries: Boundaries, county: string | null): MapFrame {
  const inFrame = (f: { properties: { county: string } }) => county === null || f.properties.county === county;
  return {
    kommuner: boundaries.kommuner.filter(inFrame),
    undrawn: boundaries.undrawn.filter(inFrame),
    counties: boundaries.counties.filter((c) => county === null || c.id === county),
  };
}

/**
 * Where a point lies in a spherical transverse Mercator on 15° E (radians on the unit sphere, y north):
 * B = cos φ · sin(λ − λ₀), x = atanh B, y = atan2(tan φ, cos(λ − λ₀)).
 */
function transverseMercator(lon: number, lat: number): [number, number] {
  const rad = Math.PI / 180;
  const dl = (lon + SCANDINAVIA.rotate[0]) * rad;
  const phi = lat * rad;
  return [Math.atanh(Math.cos(phi) * Math.sin(dl)), Math.atan2(Math.tan(phi), Math.cos(dl))];
}

/**
 * The height that fits the areas at `width` in the map's projection (their projected extent's height over its width),
 * within [200, 760] pixels: a county as tall as it is on the map, Norway long and narrow.
 *
 * @example
 * mapHeight([{ geometry: { type: "Polygon", coordinates: [[[14, 60], [16, 60], [16, 62], [14, 62], [14, 60]]] } }], 400)
 * // 760: 2° of longitude at 60° N are about 111 km, 2° of latitude 222 km; twice 400 is clamped to 760
 */
export function mapHeight(areas: readonly { geometry: Shape }[], width: number): number {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (node: unknown): void => {
    if (typeof (node as number[])[0] === "number") {
      const [x, y] = transverseMercator((node as number[])[0]!, (node as number[])[1]!);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    } else for (const child of node as unknown[]) visit(child);
  };
  for (const a of areas) visit(a.geometry.coordinates);
  const height = x1 > x0 ? (width * (y1 - y0)) / (x1 - x0) : width;
  return Math.round(Math.min(760, Math.max(200, height)));
}

/**
 * The country of a table's regions: the option, else the agency (SCB: Sweden, SSB: Norway), else the country where
 * more of the codes are kommuner in the year.
 */
export function mapCountry(table: Table, year: number, country?: Country): Country {
  if (country) return country;
  const source = table.provenance.source;
  if (source === "SCB") return "SE";
  if (source === "SSB") return "NO";
  const codes = table.distinct("region").map(String);
  const count = (c: Country) =>
    codes.filter((code) => findRegion(code, { country: c, year })?.level === "municipality").length;
  return count("NO") > count("SE") ? "NO" : "SE";
}

/** The year of a table's codes: the option, else the table's last year, else the latest boundaries'. */
export function mapYear(table: Table, year?: number): number | undefined {
  if (year !== undefined) return year;
  return table.has("year") ? Math.max(...(table.distinct("year") as number[])) : undefined;
}
