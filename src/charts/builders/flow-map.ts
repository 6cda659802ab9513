import { OmvarldError } from "../../errors.ts";
import type { Boundaries } from "../../regions/boundaries.ts";
import { type Country, countyOf, findRegion } from "../../regions/registry.ts";
import type { Table } from "../../table/table.ts";
import { localiseAria } from "../aria.ts";
import { Chart } from "../chart.ts";
import { word } from "../locale.ts";
import { highlighted } from "../words/describe.ts";
import { localeOr } from "../words/locales.ts";
import { MAP_WORDS } from "../words/map.ts";
import { ariaLabel, type ChartOptions, frame } from "./common.ts";
import { boundariesFor, outlines, type PlaceLabel, placeLabels, withBoundariesSource } from "./map.ts";
import { niceStep } from "./map-classes.ts";
import { type MapFrame, mapHeight, mapYear, SCANDINAVIA } from "./map-frame.ts";

/** In-commuting blue, out-commuting orange (Okabe-Ito). */
const DIRECTION_COLOURS = ["#0072B2", "#E69F00"];

/** Which kommun's flows a flow map shows, and how many. */
export interface FlowMapOptions extends ChartOptions {
  /** The kommun whose commuting is drawn. */
  focus: string;
  /** The year shown, and whose kommun codes the flows hold (default: the table's last year). */
  year?: number;
  /** The largest flows drawn in each direction (default 8). */
  top?: number;
  /** The flows' measure column (default `value`). */
  value?: string;
  country?: Country;
  /** Boundaries already loaded (`loadBoundaries`); loaded on first use otherwise. */
  boundaries?: Boundaries;
}

/** One flow drawn: its ends, their names and centroids, the commuters and the direction seen from the focus. */
export interface DrawnFlow {
  from: string;
  to: string;
  from_name: string;
  to_name: string;
  value: number;
  direction: string;
  lon: number;
  lat: number;
  lon2: number;
  lat2: number;
}

/**
 * The largest commuting flows to and from a kommun (docs/methods.md §5.5) as lines between kommun centroids, wider
 * for more commuters: in-commuting (living elsewhere, working in the kommun) blue, out-commuting orange. The map shows
 * the kommuner of the counties the flows reach, the focus outlined. Flows are origin (residence) → destination
 * (workplace), as `asCommutingFlows` gives them.
 *
 * @example
 * await flowMap(asCommutingFlows(read("03321.xlsx")), { focus: "0428", top: 6, locale: "nb" });
 */
export async function flowMap(flows: Table, options: FlowMapOptions): Promise<Chart> {
  return flowLines(flows, options.boundaries ?? (await boundariesFor(flows, options)), options);
}

/**
 * The flows a flow map draws: the `top` largest from the focus (out) and to it (in), largest first, each end at its
 * kommun's centroid (a kommun merged later at the merged kommun's). Flows from or to a code that is no kommun of
 * the boundaries' year (a county, "unknown") are left out.
 */
export function largestFlows(flows: Table, b: Boundaries, options: FlowMapOptions): DrawnFlow[] {
  const mw = MAP_WORDS[localeOr(options.locale)];
  const value = options.value ?? "value";
  const year = mapYear(flows, options.year);
  const ofYear = year !== undefined && flows.has("year") ? flows.filter({ year }) : flows;
  const name = (code: string) => findRegion(code, { country: b.country, year: b.year })?.name ?? code;
  const pick = (way: "in" | "out") =>
    ofYear
      .filter(way === "out" ? { origin: options.focus } : { destination: options.focus })
      .toRows()
      .map((r) => ({ from: String(r.origin), to: String(r.destination), value: r[value] }))
      .filter(
        (r): r is { from: string; to: string; value: number } =>
          r.from !== r.to && typeof r.value === "number" && r.value > 0 && !!b.centroid(r.from) && !!b.centroid(r.to),
      )
      .sort((x, y) => y.value - x.value)
      .slice(0, options.top ?? 8)
      .map((r) => {
        const [lon, lat] = b.centroid(r.from)!;
        const [lon2, lat2] = b.centroid(r.to)!;
        const direction = way === "in" ? mw.inCommuting : mw.outCommuting;
        return { ...r, from_name: name(r.from), to_name: name(r.to), direction, lon, lat, lon2, lat2 };
      });
  // largest first, so that the thinner lines are drawn over the wider ones
  return [...pick("in"), ...pick("out")].sort((x, y) => y.value - x.value);
}

/** The kommuner at the far end of the four largest flows (the largest first), named at their centre. */
function partnerLabels(largest: readonly DrawnFlow[], focus: string): PlaceLabel[] {
  const partners = new Map<string, PlaceLabel>();
  for (const f of largest) {
    const far =
      f.from === focus
        ? { code: f.to, name: f.to_name, lon: f.lon2, lat: f.lat2 }
        : { code: f.from, name: f.from_name, lon: f.lon, lat: f.lat };
    if (partners.size < 4 && !partners.has(far.code))
      partners.set(far.code, { name: far.name, lon: far.lon, lat: far.lat });
  }
  return [...partners.values()];
}

/** Three round values for the line-width legend, the largest at or below the widest flow. */
function legendValues(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const step = niceStep(max, 3);
  return [step, 2 * step, 3 * step].filter((v) => v <= max).slice(-3);
}

/**
 * The flows moved sideways by `gap` degrees (on the map, about the same distance across at every latitude), in-flows
 * to one side and out-flows to the other, so that a pair of kommuner with commuting both ways shows two lines.
 */
function apart(drawn: readonly DrawnFlow[], gap: number): DrawnFlow[] {
  return drawn.map((f) => {
    const k = Math.cos((((f.lat + f.lat2) / 2) * Math.PI) / 180);
    const [dx, dy] = [(f.lon2 - f.lon) * k, f.lat2 - f.lat];
    const length = Math.hypot(dx, dy) || 1;
    // the left-hand normal of the direction of travel: in- and out-flows travel opposite ways, so they part
    const [nx, ny] = [(-dy / length) * gap, (dx / length) * gap];
    return { ...f, lon: f.lon + nx / k, lat: f.lat + ny, lon2: f.lon2 + nx / k, lat2: f.lat2 + ny };
  });
}

/** `flowMap` with the boundaries given: the chart built at once. */
export function flowLines(flows: Table, b: Boundaries, options: FlowMapOptions): Chart {
  const locale = localeOr(options.locale);
  const mw = MAP_WORDS[locale];
  const largest = largestFlows(flows, b, options);
  if (largest.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `the flows hold no commuting to or from ${options.focus} between kommuner of ${b.year}`,
      {},
      "give origin-destination flows (origin = residence, destination = workplace) with the kommun among them",
    );
  // the two directions drawn apart by a fraction of the flows' north-south extent (at least 0.01°, about 1 km)
  const lats = largest.flatMap((f) => [f.lat, f.lat2]);
  const drawn = apart(largest, Math.max(0.01, 0.008 * (Math.max(...lats) - Math.min(...lats))));
  const counties = new Set([countyOf(options.focus), ...drawn.flatMap((f) => [countyOf(f.from), countyOf(f.to)])]);
  const inFrame = (f: { properties: { county: string } }) => counties.has(f.properties.county);
  const shown: MapFrame = {
    kommuner: b.kommuner.filter(inFrame),
    undrawn: b.undrawn.filter(inFrame),
    counties: b.counties.filter((c) => counties.has(c.id)),
  };
  const name = findRegion(options.focus, { country: b.country, year: b.year })?.name ?? options.focus;
  const year = mapYear(flows, options.year);
  const width = options.width ?? 440;
  const base = frame(flows, options, {
    title: mw.flowsTitle(name, year ?? b.year),
    width,
    height: options.height ?? mapHeight([...shown.kommuner, ...shown.undrawn], width),
    kind: "map",
    notes: [highlighted([name], locale)],
  });
  const commuters = word("commuters", locale);
  return new Chart(
    localiseAria(
      {
        ...withBoundariesSource(base, b, locale),
        projection: { ...SCANDINAVIA, rotate: [...SCANDINAVIA.rotate] },
        layer: [
          {
            data: { values: [...shown.kommuner, ...shown.undrawn] as never },
            mark: { type: "geoshape", fill: "#eeeeee", stroke: "white", strokeWidth: 0.6 },
          },
          ...outlines(shown, new Set([options.focus]), counties.size === 1, b, -16),
          placeLabels(partnerLabels(largest, options.focus), {
            type: "text",
            fontSize: 10,
            color: "#333",
            align: "left",
            dx: 4,
            baseline: "middle",
          }),
          {
            data: { values: drawn as never },
            mark: { type: "rule", strokeCap: "round", opacity: 0.85 },
            encoding: {
              longitude: { field: "lon", type: "quantitative" },
              latitude: { field: "lat", type: "quantitative" },
              longitude2: { field: "lon2" },
              latitude2: { field: "lat2" },
              color: {
                field: "direction",
                type: "nominal",
                title: null,
                scale: { domain: [mw.inCommuting, mw.outCommuting], range: DIRECTION_COLOURS },
                legend: { orient: "right", symbolType: "stroke", symbolStrokeWidth: 3 },
              },
              strokeWidth: {
                field: "value",
                type: "quantitative",
                title: commuters,
                scale: { range: [1, 9], zero: true },
                legend: {
                  orient: "right",
                  format: ",.0f",
                  symbolType: "stroke",
                  symbolStrokeColor: "#555",
                  values: legendValues(drawn.map((f) => f.value)),
                },
              },
              description: ariaLabel([
                { title: mw.from, field: "from_name" },
                { title: mw.to, field: "to_name" },
                { title: commuters, field: "value", digits: 0 },
              ]),
            },
          },
        ],
      },
      locale,
    ),
  );
}
