import type { Chart } from "../charts/chart.ts";
import { flowLines } from "../charts/builders/flow-map.ts";
import { choropleth } from "../charts/builders/map.ts";
import type { Locale } from "../charts/locale.ts";
import { MAP_WORDS } from "../charts/words/map.ts";
import { OmvarldError } from "../errors.ts";
import { growthOver } from "../indicators/population/growth.ts";
import type { BoundarySet } from "../regions/boundaries.ts";
import { followCodes } from "../regions/code-changes.ts";
import { type Country, countyOf, findRegion } from "../regions/registry.ts";
import { Table } from "../table/table.ts";

/** Where a report's map is drawn: the boundaries, the kommuner outlined (none in a county's report), the language. */
export interface ReportMapOptions {
  boundaries: BoundarySet;
  /** The kommuner outlined, in the table's codes. */
  focus: readonly string[];
  /** The county shown (default: the first focus kommun's). */
  county?: string;
  locale: Locale;
}

/**
 * The map of population change, 100·(P_last/P_first − 1) (`growthOver`), of every kommun in the county between the
 * series' first and last year; null where the series holds too few of the county's kommuner to map.
 */
export function populationMap(
  series: Table,
  value: string,
  options: ReportMapOptions & { from?: number; codes?: number },
): Chart | null {
  const years = series.distinct("year") as number[];
  const from = options.from ?? Math.min(...years);
  const to = Math.max(...years);
  if (from >= to) return null;
  const change = growthOver(series.select("region", "year", value), { from, to, value });
  const mw = MAP_WORDS[options.locale];
  return safely(() =>
    choropleth(
      change,
      options.boundaries.at(options.codes ?? to),
      mapOptions(
        options,
        {
          value: "growth_pct",
          valueTitle: mw.change(from, to),
          title: mw.populationChange(from, to),
          unit: " %",
          diverging: true,
          year: to,
        },
        options.codes ?? to,
      ),
    ),
  );
}

/**
 * A map of a measure of the panel's kommuner as they were in `year` (the attractiveness ranking's `residential` or
 * `business`, an average over the model's period): the county of the focus kommuner, outlined.
 */
export function measureMap(
  table: Table,
  options: ReportMapOptions & { value: string; valueTitle: string; title: string; year: number },
): Chart | null {
  const rows = table.select("region", options.value).toRows();
  return safely(() =>
    choropleth(
      Table.fromRows(
        rows.map((r) => ({ ...r, year: options.year })),
        { provenance: table.provenance },
      ),
      options.boundaries.at(options.year),
      mapOptions(
        options,
        {
          value: options.value,
          valueTitle: options.valueTitle,
          title: options.title,
          diverging: true,
          year: options.year,
        },
        options.year,
      ),
    ),
  );
}

/**
 * The largest commuting flows to and from the kommun (`flowLines`), on the flows' codes: a kommun asked for on later
 * codes is followed back to the flows' year, where it must be one kommun. Null where the flows do not hold it.
 */
export function commutingMap(
  flows: Table,
  code: string,
  options: Omit<ReportMapOptions, "focus" | "county"> & { country: Country },
): Chart | null {
  if (!flows.has("origin") || !flows.has("destination")) return null;
  const year = flows.has("year") ? Math.max(...(flows.distinct("year") as number[])) : undefined;
  const boundaries = options.boundaries.at(year);
  const known = findRegion(code, { country: options.country, year: boundaries.year })?.level === "municipality";
  const back = followCodes([code], options.country, Infinity, boundaries.year).codes;
  const focus = known ? code : back.length === 1 ? back[0]! : null;
  if (focus === null) return null;
  return safely(() =>
    flowLines(flows, boundaries, { focus, top: 8, locale: options.locale, ...(year !== undefined ? { year } : {}) }),
  );
}

/**
 * A map's options from the report's: its focus (or the county alone), the language, and what it shows, titled with
 * the county's name ("Dalarnas län: befolkningsförändring 2010–2019").
 */
function mapOptions<T extends { title: string; year: number }>(options: ReportMapOptions, what: T, codes: number) {
  const county = options.county ?? countyOf(options.focus[0] ?? "");
  const name = options.boundaries.at(codes).counties.find((c) => c.id === county)?.properties.name;
  const title = name ? MAP_WORDS[options.locale].inCounty(name, what.title) : what.title;
  return { ...what, title, focus: options.focus, county, frame: "county" as const, locale: options.locale };
}

/** The chart, or null where its data give nothing to draw (the builder's argument error): a report leaves it out. */
function safely(make: () => Chart): Chart | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof OmvarldError && error.code === "ARGUMENT") return null;
    throw error;
  }
}
