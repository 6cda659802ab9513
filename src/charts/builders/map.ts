import { OmvarldError } from "../../errors.ts";
import { type Boundaries, loadBoundaries, type UndrawnArea } from "../../regions/boundaries.ts";
import { type Country, countyOf, findRegion } from "../../regions/registry.ts";
import type { Table } from "../../table/table.ts";
import { localiseAria } from "../aria.ts";
import { Chart } from "../chart.ts";
import type { Locale } from "../locale.ts";
import type { Layer } from "../spec.ts";
import { highlighted } from "../words/describe.ts";
import { localeOr } from "../words/locales.ts";
import { MAP_WORDS } from "../words/map.ts";
import { ariaLabel, type ChartOptions, type Focus, focusSet, frame } from "./common.ts";
import { choroplethClasses, classOf } from "./map-classes.ts";
import { type MapFrame, mapCountry, mapFrame, mapHeight, mapYear, SCANDINAVIA } from "./map-frame.ts";

/** Grey for a kommun the data give no value for, and a darker grey for an area with no boundary of the data's year. */
const NO_DATA = "#d0d0d0";
const UNDRAWN = "#9e9e9e";

/** What a map shows: which measure, of which year, framed how. */
export interface MapOptions extends ChartOptions {
  /** The measure column to colour the kommuner by (`growth_pct`, `net_migration`, `residential`, …). */
  value: string;
  /** The measure's name in the legend (default: the column's name). */
  valueTitle?: string;
  /** Appended to the legend's numbers (" %"). */
  unit?: string;
  /** The year shown, and whose kommun codes the table holds (default: the table's last year). */
  year?: number;
  /** The kommun or kommuner outlined. */
  focus?: Focus;
  /** The focus kommun's county (default where there is a focus) or the whole country. */
  frame?: "county" | "country";
  /** The county shown where there is no focus. */
  county?: string;
  /**
   * A diverging scale around zero, for a measure with a natural zero (growth, net migration, attractiveness); a
   * sequential one otherwise (a ratio, a share). Default: diverging where the values have both signs.
   */
  diverging?: boolean;
  /** Default: the table's agency (SCB, SSB), else the country whose kommun codes the table holds. */
  country?: Country;
  /** Boundaries already loaded (`loadBoundaries`); loaded on first use otherwise. */
  boundaries?: Boundaries;
}

/**
 * A choropleth of a measure by kommun: each kommun of the frame (the focus kommun's county, or the country) coloured
 * by its class (`choroplethClasses`: diverging around zero or sequential), the focus kommun outlined and named, the
 * county borders drawn, and kommuner without a value in grey, named in the legend (never the lowest class). Areas that
 * stand for no kommun of the data's year (merged or split since) are a darker grey, named too. Boundaries are
 * joined by code (`loadBoundaries`), in a transverse Mercator on 15° E.
 *
 * @example
 * // growth_pct is the change since the year before; the map shows the table's last year (2019)
 * const growth = om.growth(population, { value: "population" });
 * await mapChart(growth, { value: "growth_pct", valueTitle: "Tillväxt 2018–2019", unit: " %", focus: "2021" });
 */
export async function mapChart(table: Table, options: MapOptions): Promise<Chart> {
  return choropleth(table, options.boundaries ?? (await boundariesFor(table, options)), options);
}

/** The boundaries of a table's country and year (see `mapCountry`, `mapYear`). */
export function boundariesFor(table: Table, options: { year?: number; country?: Country }): Promise<Boundaries> {
  const year = mapYear(table, options.year);
  return loadBoundaries(mapCountry(table, year ?? new Date().getFullYear(), options.country), year);
}

/** `mapChart` with the boundaries given: the chart built at once. */
export function choropleth(table: Table, boundaries: Boundaries, options: MapOptions): Chart {
  const locale = localeOr(options.locale);
  const year = mapYear(table, options.year);
  const rows = (year !== undefined && table.has("year") ? table.filter({ year }) : table).toRows();
  // a value that is no finite number (null, absent, NaN) is missing: grey, never a class
  const number = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const values = new Map(rows.map((r) => [String(r.region), number(r[options.value])]));
  const focus = focusSet(options.focus);
  const first = [...focus][0];
  const county = options.frame === "country" ? null : (options.county ?? (first ? countyOf(first) : null));
  const shown = mapFrame(boundaries, county);
  const present = shown.kommuner.map((k) => values.get(k.id)).filter((v): v is number => v !== null && v !== undefined);
  if (present.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      `the table has no value of ${options.value} for the kommuner of the map${year !== undefined ? ` in ${year}` : ""}`,
      {},
      `give a table with a region column of kommun codes of ${boundaries.year} and a number column ${options.value}`,
    );
  const diverging = options.diverging ?? (Math.min(...present) < 0 && Math.max(...present) > 0);
  const classes = choroplethClasses(present, { diverging, locale, ...(options.unit ? { unit: options.unit } : {}) });
  const mw = MAP_WORDS[locale];
  const areas = [
    ...shown.kommuner.map((k) => {
      const value = values.get(k.id) ?? null;
      return { ...k, name: k.properties.name, value, class: value === null ? mw.noData : classOf(value, classes) };
    }),
    ...shown.undrawn.map((u) => ({
      ...u,
      name: u.properties.names.join(", "),
      value: null,
      class: undrawnWord(u, boundaries.year, locale),
    })),
  ];
  const extra = [mw.noData, mw.merged(boundaries.year), mw.split(boundaries.year)].filter((w) =>
    areas.some((a) => a.class === w),
  );
  const colours = extra.map((w) => (w === mw.noData ? NO_DATA : UNDRAWN));
  const valueTitle = options.valueTitle ?? options.value;
  const names = [...focus].map((c) => findRegion(c, { country: boundaries.country, year: boundaries.year })?.name ?? c);
  const width = options.width ?? 440;
  const base = frame(table, options, {
    title: `${valueTitle}${year !== undefined ? `, ${year}` : ""}`,
    width,
    height: options.height ?? mapHeight(areas, width),
    kind: "map",
    notes: [highlighted(names, locale)],
  });
  return new Chart(
    localiseAria(
      {
        ...withBoundariesSource(base, boundaries, locale),
        projection: { ...SCANDINAVIA, rotate: [...SCANDINAVIA.rotate] },
        layer: [
          {
            data: { values: areas as never },
            mark: { type: "geoshape", stroke: "white", strokeWidth: 0.6 },
            encoding: {
              color: {
                field: "class",
                type: "ordinal",
                title: valueTitle,
                scale: { domain: [...classes.labels, ...extra], range: [...classes.colours, ...colours] },
                legend: { orient: "right", symbolType: "square", labelLimit: 280 },
              },
              description: ariaLabel([
                { title: mw.kommun, field: "name" },
                { title: valueTitle, field: "value", digits: Math.max(1, classes.digits) },
              ]),
            },
          },
          ...outlines(shown, focus, county !== null, boundaries),
        ],
      },
      locale,
    ),
  );
}

/** The legend entry of an area with no boundary of the data's year. */
function undrawnWord(area: UndrawnArea, year: number, locale: Locale): string {
  const mw = MAP_WORDS[locale];
  return area.properties.why === "merged" ? mw.merged(year) : mw.split(year);
}

/** The frame's subtitle with the boundaries' source after the data's: "Källa: SCB, BE0101N1. Kartdata: Kartverket". */
export function withBoundariesSource<F extends ReturnType<typeof frame>>(base: F, b: Boundaries, locale: Locale): F {
  const line = `${MAP_WORDS[locale].boundaries}: ${b.source}`;
  const title =
    typeof base.title === "string"
      ? { text: base.title, subtitle: line }
      : { text: base.title.text, subtitle: `${base.title.subtitle}. ${line}` };
  return { ...base, title, description: base.description.replace(/\.$/, `. ${line}.`) };
}

/**
 * The county borders (the county's outline, or every county's in a country map) and the focus kommuner outlined in
 * black and named at their centre (`labelOffset` pixels above it: a flow map's lines meet there).
 */
export function outlines(
  shown: MapFrame,
  focus: ReadonlySet<string>,
  county: boolean,
  b: Boundaries,
  labelOffset = -2,
): Layer[] {
  const own = [
    ...shown.kommuner.filter((k) => focus.has(k.id)),
    ...shown.undrawn.filter((u) => u.properties.codes.some((c) => focus.has(c))),
  ];
  // one label per point: kommuner merged later share their merged area's centre, and are named together there
  const labels = new Map<string, PlaceLabel>();
  for (const code of focus) {
    const at = b.centroid(code);
    if (!at || own.length === 0) continue;
    const name = findRegion(code, { country: b.country, year: b.year })?.name ?? code;
    const here = labels.get(at.join());
    if (here) here.name = `${here.name}, ${name}`;
    else labels.set(at.join(), { name, lon: at[0], lat: at[1] });
  }
  return [
    {
      data: { values: shown.counties as never },
      mark: { type: "geoshape", filled: false, stroke: "#404040", strokeWidth: county ? 1.2 : 0.8 },
    },
    ...(own.length
      ? [
          {
            data: { values: own as never },
            mark: { type: "geoshape", filled: false, stroke: "black", strokeWidth: 2.5 },
          } satisfies Layer,
          placeLabels([...labels.values()], { type: "text", fontWeight: "bold", fontSize: 12, dy: labelOffset }),
        ]
      : []),
  ];
}

/** A place's name at its point (longitude, latitude). */
export interface PlaceLabel {
  name: string;
  lon: number;
  lat: number;
}

/** A text layer naming places at their points on the map. */
export function placeLabels(labels: readonly PlaceLabel[], mark: Extract<Layer, { mark: unknown }>["mark"]): Layer {
  return {
    data: { values: labels as never },
    mark,
    encoding: {
      longitude: { field: "lon", type: "quantitative" },
      latitude: { field: "lat", type: "quantitative" },
      text: { field: "name", type: "nominal" },
    },
  };
}
