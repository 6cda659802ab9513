import { indexChart } from "../../charts/builders/population.ts";
import type { Chart } from "../../charts/chart.ts";
import { formatNumber, type Locale } from "../../charts/locale.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import { growth } from "../../indicators/population/growth.ts";
import type { Table } from "../../table/table.ts";
import type { Section } from "../sections.ts";

/** What the population section shows: the focus region among the series' regions, named, with the sources. */
export interface PopulationSectionOptions {
  region: string;
  name: string;
  locale: Locale;
  /** Which lines are labelled: every region's, or the focus region's only (many regions). */
  labels?: "all" | "focus";
  sources: readonly string[];
  /** Maps shown after the index chart (the county's kommuner). */
  maps?: readonly Chart[];
}

/**
 * The population section for any data: the series' regions (region, region_name, year, population; the kommun's
 * county and country, the panel's regions, Eurostat's NUTS regions) as index lines on the focus region's first year,
 * the change since then, 100·(P_last/P_first − 1), and the last six years with their yearly change.
 */
export function populationSection(series: Table, options: PopulationSectionOptions): Section {
  const { region, name, locale } = options;
  const w = REPORT_WORDS[locale];
  // the base year is the region's first (Narvik, formed 2020, has none before): longer series start there too
  const first = Math.min(...(series.filter({ region }).distinct("year") as number[]));
  series = series.filter({ year: (y) => (y as number) >= first });
  const names = series.groupBy(["region", "region_name"]).count().drop("count");
  const index = growth(series, { base: first, value: "population" }).join(names, { on: ["region"], how: "left" });
  const own = index.filter({ region }).sort("year").toRows();
  const p0 = own[0]!.population as number;
  const p1 = own.at(-1)!.population as number;
  const pct = 100 * (p1 / p0 - 1);
  return {
    id: "population",
    heading: w.population,
    sentence: w.populationSentence({
      name,
      grew: pct >= 0,
      pct: formatNumber(Math.abs(pct), locale, 1),
      year: first,
      from: formatNumber(p0, locale),
      to: formatNumber(p1, locale),
    }),
    charts: [
      indexChart(index, {
        focus: region,
        locale,
        labels: options.labels ?? "all",
        title: `${w.population}, index (${first} = 100)`,
      }),
      ...(options.maps ?? []),
    ],
    table: {
      columns: [w.year, w.inhabitants, w.change],
      rows: own
        .slice(-6)
        .map((r) => [
          String(r.year),
          formatNumber(r.population as number, locale),
          formatNumber(r.growth_pct as number | null, locale, 1),
        ]),
    },
    sources: [...options.sources],
  };
}
