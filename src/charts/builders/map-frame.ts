import { geoPath, geoTransverseMercator } from "d3-geo";
import type { AreaFeature, Boundaries, UndrawnArea } from "../../regions/boundaries.ts";
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
 * The height that fits the areas at `width` in the map's projection, within [200, 760] pixels: a county as tall as it
 * is on the map, Norway long and narrow.
 */
export function mapHeight(areas: readonly { geometry: unknown }[], width: number): number {
  const collection = { type: "FeatureCollection", features: areas } as never;
  const projection = geoTransverseMercator()
    .rotate([...SCANDINAVIA.rotate])
    .fitWidth(width, collection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
  return Math.round(Math.min(760, Math.max(200, y1 - y0)));
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
