import { componentsChart } from "../../charts/builders/population.ts";
import { formatNumber } from "../../charts/locale.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import type { MunicipalProjection } from "../../indicators/population/municipal-projection.ts";
import { Table } from "../../table/table.ts";
import type { MunicipalData } from "../municipal-data.ts";
import { sources } from "../source-lines.ts";
import type { Section } from "../sections.ts";
import type { KommunSectionOptions } from "./kommun.ts";

type Row = Record<string, string | number | null>;

/**
 * The years a components table shows: every observed year, then the first projected year, every year ending in 0
 * or 5 and the last, so that a Swedish (31 December) and a Norwegian (1 January) table both reach the horizon.
 *
 * @example
 * shownYears([2017, 2018], [2019, 2020, 2021, 2022]) // [2017, 2018, 2019, 2020, 2022]
 */
export function shownYears(observed: readonly number[], projected: readonly number[]): number[] {
  const last = projected.at(-1);
  return [...observed, ...projected.filter((y, k) => k === 0 || y % 5 === 0 || y === last)];
}

/**
 * Births, deaths and net migration per year, observed (the window) and projected to the horizon; the change is their
 * sum, natural increase + net migration, taken over the rounded parts so that each printed row adds up.
 */
export function componentsSection(p: MunicipalProjection, data: MunicipalData, options: KommunSectionOptions): Section {
  const { locale, name, region } = options;
  const mw = MUNICIPAL_WORDS[locale];
  const w = REPORT_WORDS[locale];
  const rows = p.components.sort("year").toRows();
  const observed = rows.filter((r) => r.kind === "observed");
  const mean = (k: string) => observed.reduce((s, r) => s + (r[k] as number), 0) / Math.max(1, observed.length);
  const fmt = (v: number) => formatNumber(v, locale);
  const years = shownYears(
    observed.map((r) => r.year as number),
    rows.filter((r) => r.kind !== "observed").map((r) => r.year as number),
  );
  return {
    id: "components",
    heading: mw.components,
    sentence: mw.componentsSentence({
      name,
      from: observed[0]?.year as number,
      to: observed.at(-1)?.year as number,
      births: fmt(mean("births")),
      deaths: fmt(mean("deaths")),
      net: fmt(mean("net_migration")),
    }),
    charts: [
      componentsChart(Table.fromRows(rows.map((r) => chartRow(r, options))), {
        region,
        locale,
        title: `${name}: ${mw.components.toLowerCase()}`,
      }),
    ],
    table: {
      columns: [w.year, mw.births, mw.deaths, mw.netMigration, mw.change],
      rows: rows.filter((r) => years.includes(r.year as number)).map((r) => tableRow(r, fmt)),
    },
    sources: [
      ...sources([data.population, ...(data.births ?? []), ...(data.deaths ?? [])], locale),
      mw.residual,
      mw.projectedMark,
    ],
  };
}

/** A year's components as the chart reads them: natural increase and net migration, their sum the change. */
function chartRow(r: Row, options: KommunSectionOptions): Row {
  const natural = (r.births as number) - (r.deaths as number);
  return {
    region: options.region,
    region_name: options.name,
    year: r.year as number,
    kind: r.kind as string,
    natural_increase: natural,
    net_migration: r.net_migration as number,
    adjustment: 0,
    change: natural + (r.net_migration as number),
  };
}

/** A year's table row, projected years starred; the change is the sum of the rounded parts, so that it adds up as printed. */
function tableRow(r: Row, fmt: (v: number) => string): string[] {
  const births = Math.round(r.births as number);
  const deaths = Math.round(r.deaths as number);
  const net = Math.round(r.net_migration as number);
  return [
    r.kind === "observed" ? String(r.year) : `${r.year}*`,
    fmt(births),
    fmt(deaths),
    fmt(net),
    fmt(births - deaths + net),
  ];
}
