import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import { followEach } from "./code-changes.ts";
import { type Country, countyOf, findRegion, municipalities } from "./registry.ts";

/** A polygon or multipolygon in WGS84 longitude/latitude (GeoJSON). */
export interface Shape {
  type: "Polygon" | "MultiPolygon";
  coordinates: number[][][] | number[][][][];
}

/** A kommun's or a county's boundary as a GeoJSON feature, named through the registry. */
export interface AreaFeature {
  type: "Feature";
  /** The code in the data's year. */
  id: string;
  properties: { code: string; name: string; county: string };
  geometry: Shape;
}

/**
 * An area of the boundaries' year that cannot stand for one kommun of the data's year: several kommuner of the data's
 * year merged into it later, or it is a part of one split later. It is drawn as missing, and `why` says which.
 */
export interface UndrawnArea {
  type: "Feature";
  id: string;
  properties: { codes: string[]; names: string[]; county: string; why: "merged" | "split" };
  geometry: Shape;
}

/** The kommun boundaries of one country for one year's codes. */
export interface Boundaries {
  country: Country;
  /** The year (1 January) whose kommun codes the features carry. */
  year: number;
  /** The year of the boundaries drawn: the data's own, or the nearest that the codes can be followed to. */
  vintage: number;
  /** Whose boundaries they are, for a map's source line ("Kartverket, CC BY 4.0"). */
  source: string;
  /** One feature per kommun of `year` that has a boundary of its own. */
  kommuner: AreaFeature[];
  /** Areas that stand for no single kommun of `year` (see `UndrawnArea`), with the kommuner they hold. */
  undrawn: UndrawnArea[];
  /** The counties (län, fylker) of `year`, each the union of its kommuner's areas. */
  counties: AreaFeature[];
  /**
   * The centroid [longitude, latitude] of a kommun of `year`: of its own area, else of the undrawn area that holds it
   * (a kommun merged later sits at the centre of the merged kommun); null for a code that is no kommun of `year`.
   */
  centroid(code: string): [number, number] | null;
}

type KommunTopology = Topology<{ kommuner: GeometryCollection }>;

interface Vintage {
  country: Country;
  year: number;
  source: string;
  load: () => Promise<unknown>;
}

/** The boundary files shipped (src/regions/data, built by scripts/build-boundaries.mjs), oldest first per country. */
const VINTAGES: readonly Vintage[] = [
  {
    country: "SE",
    year: 2007,
    source: "Valmyndigheten via Open Knowledge Sweden",
    load: () => import("./data/boundaries-se-2007.json", { with: { type: "json" } }),
  },
  {
    country: "NO",
    year: 2020,
    source: "Kartverket, CC BY 4.0",
    load: () => import("./data/boundaries-no-2020.json", { with: { type: "json" } }),
  },
  {
    country: "NO",
    year: 2024,
    source: "Kartverket, CC BY 4.0",
    load: () => import("./data/boundaries-no-2024.json", { with: { type: "json" } }),
  },
];

const loaded = new Map<Vintage, Promise<KommunTopology>>();

/** The boundaries' year that serves a data year: the latest not after it, else the earliest. */
function vintageFor(country: Country, year: number): Vintage {
  const own = VINTAGES.filter((v) => v.country === country);
  return own.filter((v) => v.year <= year).at(-1) ?? own[0]!;
}

/**
 * The kommun boundaries for the codes of `year` (default: the latest boundaries), loaded on first use: Sweden's
 * kommuner of 2007 onwards (290), Norway's of 2020-2023 (356) and of 2024 (357). A year without boundaries of its
 * own draws on the nearest, following each code through the registry's code changes: a renumbered kommun (Trysil
 * 0428 → 3421) keeps its area, one split later is the union of its parts (Uppsala before Knivsta, 2003), and kommuner
 * merged later have no area of their own, so their merged area is listed in `undrawn`. Features are joined by code,
 * never by name, and named by the registry in the year asked for.
 *
 * @example
 * const se = await loadBoundaries("SE", 2019);
 * se.kommuner.length // 290
 * (await loadBoundaries("NO", 2017)).kommuner.find((k) => k.id === "0428")?.properties.name // "Trysil"
 */
export async function loadBoundaries(country: Country, year?: number): Promise<Boundaries> {
  const vintage = vintageFor(country, year ?? Infinity);
  const [topology, tools] = await Promise.all([topologyOf(vintage), toolsOf()]);
  return boundariesAt(topology, tools, vintage, year ?? vintage.year);
}

/** The boundaries of one country for the codes of any year, loaded once. */
export interface BoundarySet {
  country: Country;
  /** The boundaries for the codes of `year` (default: the latest boundaries'), worked out on first use. */
  at(year?: number): Boundaries;
}

/**
 * Every boundary file of a country, loaded once, for a document that maps data of several years (a report's
 * population of 2022 and its commuting of 2017): `set.at(year)` is `loadBoundaries(country, year)` without waiting.
 *
 * @example
 * const set = await loadBoundarySet("NO");
 * set.at(2017).vintage // 2020
 * set.at(2024).kommuner.length // 357
 */
export async function loadBoundarySet(country: Country): Promise<BoundarySet> {
  const vintages = VINTAGES.filter((v) => v.country === country);
  const [tools, ...topologies] = await Promise.all([toolsOf(), ...vintages.map((v) => topologyOf(v))]);
  return {
    country,
    at(year) {
      const vintage = vintageFor(country, year ?? Infinity);
      return boundariesAt(topologies[vintages.indexOf(vintage)]!, tools, vintage, year ?? vintage.year);
    },
  };
}

/** The boundaries made so far, by vintage and year: shared by every caller, so treat them as read-only. */
const made = new Map<string, Boundaries>();

/** The boundaries of a vintage for a year's codes, made once. */
function boundariesAt(topology: KommunTopology, tools: Tools, vintage: Vintage, year: number): Boundaries {
  const key = `${vintage.country}|${vintage.year}|${year}`;
  if (!made.has(key)) made.set(key, boundariesOf(topology, tools, vintage, year));
  return made.get(key)!;
}

/** What the boundaries are made with: topojson-client's decoding and merging, d3-geo's centroid. */
type Tools = Pick<typeof import("topojson-client"), "feature" | "merge"> & Pick<typeof import("d3-geo"), "geoCentroid">;

let tools: Promise<Tools> | undefined;

/** topojson-client and d3-geo, imported with the first boundaries, so that nothing else loads them. */
function toolsOf(): Promise<Tools> {
  tools ??= Promise.all([import("topojson-client"), import("d3-geo")]).then(([t, d]) => ({
    feature: t.feature,
    merge: t.merge,
    geoCentroid: d.geoCentroid,
  }));
  return tools;
}

/** A boundary file's topology, imported on first use. */
function topologyOf(vintage: Vintage): Promise<KommunTopology> {
  if (!loaded.has(vintage))
    loaded.set(
      vintage,
      vintage.load().then((m) => (m as { default: unknown }).default as KommunTopology),
    );
  return loaded.get(vintage)!;
}

/**
 * The boundaries of a year's kommuner from a vintage's topology: each kommun followed to the vintage's codes
 * (`followEach`); one whose areas hold no other kommun of the year is drawn as their union, the others are left to
 * `undrawn` areas; counties are the unions of their kommuner's areas.
 */
function boundariesOf(topology: KommunTopology, tools: Tools, vintage: Vintage, year: number): Boundaries {
  const { feature, merge, geoCentroid } = tools;
  const { country } = vintage;
  const geometries = new Map(topology.objects.kommuner.geometries.map((g) => [String(g.id), g]));
  const name = (code: string) => findRegion(code, { country, year })?.name ?? code;
  // each kommun of the year, and the boundaries' areas its territory is in now (or was in then)
  const codes = municipalities(country, year).map((r) => r.code);
  const followed = followEach(codes, country, year, vintage.year);
  const cover = new Map<string, string[]>();
  const holders = new Map<string, string[]>();
  for (const code of codes) {
    const areas = followed.get(code)!.filter((c) => geometries.has(c));
    cover.set(code, areas);
    for (const a of areas) (holders.get(a) ?? holders.set(a, []).get(a)!).push(code);
  }
  const shape = (areas: readonly string[]): Shape =>
    (areas.length === 1
      ? (feature(topology, geometries.get(areas[0]!)! as Polygon | MultiPolygon) as { geometry: unknown }).geometry
      : merge(
          topology,
          areas.map((a) => geometries.get(a)! as Polygon | MultiPolygon),
        )) as Shape;
  const kommuner: AreaFeature[] = [];
  for (const [code, areas] of cover) {
    if (areas.length === 0 || areas.some((a) => holders.get(a)!.length > 1)) continue;
    kommuner.push(area(code, name(code), countyOf(code), shape(areas)));
  }
  const undrawn: UndrawnArea[] = [];
  for (const [a, codes] of holders) {
    if (codes.length < 2) continue;
    // several kommuner of the year in one area: merged later (forwards) or the area is split up (backwards)
    undrawn.push({
      type: "Feature",
      id: a,
      properties: {
        codes,
        names: codes.map(name),
        county: countyOf(codes[0]!),
        why: year < vintage.year ? "merged" : "split",
      },
      geometry: shape([a]),
    });
  }
  const counties = countiesOf(cover, (areas) => shape(areas), country, year);
  const centroids = new Map<string, [number, number]>();
  for (const u of undrawn) for (const code of u.properties.codes) centroids.set(code, geoCentroid(u as never));
  for (const k of kommuner) centroids.set(k.id, geoCentroid(k as never));
  return {
    country,
    year,
    vintage: vintage.year,
    source: vintage.source,
    kommuner,
    undrawn,
    counties,
    centroid: (code) => centroids.get(code) ?? null,
  };
}

/** The counties of the year as the union of their kommuner's areas. */
function countiesOf(
  cover: ReadonlyMap<string, readonly string[]>,
  shape: (areas: readonly string[]) => Shape,
  country: Country,
  year: number,
): AreaFeature[] {
  const byCounty = new Map<string, Set<string>>();
  for (const [code, areas] of cover) {
    const set = byCounty.get(countyOf(code)) ?? byCounty.set(countyOf(code), new Set()).get(countyOf(code))!;
    for (const a of areas) set.add(a);
  }
  return [...byCounty]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, areas]) =>
      area(code, findRegion(code, { country, year })?.name ?? code, code, shape([...areas].sort())),
    );
}

/** A kommun's or county's feature. */
function area(code: string, name: string, county: string, geometry: Shape): AreaFeature {
  return { type: "Feature", id: code, properties: { code, name, county }, geometry };
}
