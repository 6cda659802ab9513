// Generates the kommun boundaries the map charts draw, src/regions/data/boundaries-*.json (--check: compares instead of
// writing), from the GeoJSON files in data/boundaries/ (see its README for their origin and licence).
// Run: node scripts/build-boundaries.mjs [--check]
//
// Each file becomes one TopoJSON topology with one object, "kommuner": a geometry per kommun whose `id` is its code as
// a string with leading zeros (Norway's 2020 file stores 301 for Oslo, 0301). Shared borders are stored once, and the
// coordinates are quantized to a 10 000 × 10 000 grid of the country's extent (about 150 m in Sweden and Norway),
// which is finer than the source files' own simplification: the shapes are those of the sources, in a fifth to a
// seventh of the bytes. Rings are wound as d3-geo and Vega draw them (exterior clockwise on the sphere): the Swedish file follows
// GeoJSON's RFC 7946 (exterior counter-clockwise), which a spherical renderer reads as the whole globe but the kommun.
// Names are not stored: the registry names each code. The script refuses to write if a file's codes are not
// exactly the registry's kommuner of its year.
import { readFileSync, writeFileSync } from "node:fs";
import { topology } from "topojson-server";
import { quantize } from "topojson-client";
import { geoArea } from "d3-geo";

const SOURCES = [
  {
    out: "boundaries-se-2007.json",
    file: "okfse-sweden-geojson__swedish_municipalities.geojson",
    country: "SE",
    year: 2007,
    code: (p) => p.id,
  },
  {
    out: "boundaries-no-2020.json",
    file: "robhop-fylker-og-kommuner__2020__Kommuner-medium.json",
    country: "NO",
    year: 2020,
    code: (p) => String(p.kommunenummer).padStart(4, "0"),
  },
  {
    out: "boundaries-no-2024.json",
    file: "robhop-fylker-og-kommuner__Kommuner-S.geojson",
    country: "NO",
    year: 2024,
    code: (p) => p.kommunenummer,
  },
];
const QUANTIZATION = 1e4;

const check = process.argv.includes("--check");
const data = new URL("../data/boundaries/", import.meta.url);
const out = new URL("../src/regions/data/", import.meta.url);

/** The kommun codes of a country in a year, from the generated registry data (read as text: no TypeScript loader). */
function registryCodes(country, year) {
  if (country === "SE") {
    const text = readFileSync(new URL("se-kommuner.ts", out), "utf8");
    return new Set([...text.matchAll(/\["(\d{4})", "/g)].map((m) => m[1]));
  }
  const text = readFileSync(new URL("no-klass.ts", out), "utf8");
  const rows = text.slice(text.indexOf("NO_KOMMUNER"));
  const codes = new Set();
  for (const [, code, from, to] of rows.matchAll(/\["(\d{4})", "[^"]*", (\d+), (\d+)\]/g))
    if (Number(from) <= year && (to === "0" || year <= Number(to))) codes.add(code);
  return codes;
}

/** The geometry with each polygon's rings reversed where the polygon, as wound, covers more than half the globe. */
function clockwise(geometry) {
  const fix = (rings) =>
    geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  if (geometry.type === "Polygon") return { ...geometry, coordinates: fix(geometry.coordinates) };
  return { ...geometry, coordinates: geometry.coordinates.map(fix) };
}

let failed = false;
for (const source of SOURCES) {
  const geojson = JSON.parse(readFileSync(new URL(source.file, data), "utf8"));
  const features = geojson.features.map((f) => ({
    type: "Feature",
    id: source.code(f.properties),
    properties: {},
    geometry: clockwise(f.geometry),
  }));
  const codes = new Set(features.map((f) => f.id));
  const expected = registryCodes(source.country, source.year);
  const extra = [...codes].filter((c) => !expected.has(c));
  const absent = [...expected].filter((c) => !codes.has(c));
  if (extra.length || absent.length || codes.size !== features.length) {
    console.error(`build-boundaries: ${source.file}: not the registry's kommuner of ${source.year}`);
    console.error(`  not in the registry: ${extra.join(", ") || "none"}; absent: ${absent.join(", ") || "none"}`);
    process.exit(1);
  }
  features.sort((a, b) => a.id.localeCompare(b.id));
  const topo = quantize(topology({ kommuner: { type: "FeatureCollection", features } }), QUANTIZATION);
  for (const g of topo.objects.kommuner.geometries) delete g.properties;
  const text = JSON.stringify(topo) + "\n";
  const target = new URL(source.out, out);
  if (check) {
    let current = "";
    try {
      current = readFileSync(target, "utf8");
    } catch {
      // a missing file is a difference
    }
    if (current !== text) {
      console.error(`build-boundaries: ${source.out} differs from what ${source.file} gives`);
      failed = true;
    }
  } else {
    writeFileSync(target, text);
    console.log(`${source.out}: ${features.length} kommuner, ${text.length} bytes`);
  }
}
if (failed) process.exit(1);
