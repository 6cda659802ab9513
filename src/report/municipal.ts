import { sourceLine } from "../charts/builders/common.ts";
import { dependencyChart, pyramidChart } from "../charts/builders/demography.ts";
import { componentsChart, indexChart } from "../charts/builders/population.ts";
import { ageGroupChart, projectionChart } from "../charts/builders/projection.ts";
import type { Locale } from "../charts/locale.ts";
import { backtestError, empiricalInterval } from "../indicators/population/backtest-errors.ts";
import { dependencyRatios, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { growth } from "../indicators/population/growth.ts";
import { type MunicipalProjection, projectMunicipality } from "../indicators/population/municipal-projection.ts";
import type { Provenance } from "../table/provenance.ts";
import { Table } from "../table/table.ts";
import { MUNICIPAL_WORDS } from "../charts/words/municipal.ts";
import type { Section } from "./sections.ts";
import { formatNumber } from "../charts/locale.ts";
import { REPORT_WORDS } from "../charts/words/report.ts";

/** The agencies' own tables for the kommuner of one country, as `recognise()` gives them. */
export interface MunicipalData {
  country: "SE" | "NO";
  /** Population by region, year, sex and single age (all kommuner of the country, so that the county and the nation can be summed). */
  population: Table;
  /** SCB counts on 31 December ("end"), SSB on 1 January ("start"). */
  reference: "start" | "end";
  births?: readonly Table[];
  deaths?: readonly Table[];
}

export interface MunicipalOptions {
  region: string;
  name: string;
  locale: Locale;
  /** Last projected year (default 2040). */
  horizon?: number;
  /** Regions to compare with (default: the kommuner of the same county). */
  compare?: readonly string[];
  /** @deprecated the same as `compare`. */
  peers?: readonly string[];
}

/** The kommun's sections: population against the county and the country, age structure, components of change, projection. */
export function municipalSections(
  data: MunicipalData,
  options: MunicipalOptions,
): { sections: Section[]; projection: MunicipalProjection } {
  const kommuner = kommunerOf(data);
  const projection = municipalProjection(data, options.region, options.horizon ?? 2040);
  const sections = [
    populationSection(kommuner, data, options),
    agesSection(projection, data, options),
    componentsSection(projection, data, options),
    projectionSection(projection, data, options),
  ];
  return { sections, projection };
}

/** The population without SSB's pseudo-regions (Svalbard, the shelf, "Rest"). */
export function kommunerOf(data: MunicipalData): Table {
  return data.population.has("region_kind")
    ? data.population.filter({ region_kind: (k) => k !== "pseudo" })
    : data.population;
}

const projections = new WeakMap<MunicipalData, Map<string, MunicipalProjection>>();

/**
 * The kommun's cohort-component projection from the data (`projectMunicipality` on the kommuner, the nation their
 * sum) with the 80 % interval of the back-test's errors for kommuner of its size (`empiricalInterval`), made once
 * per data, region and horizon: the report, the annex and a script asking again share it.
 *
 * @example
 * municipalProjection(data, "2021", 2040).total.filter({ year: 2030 }).toRows()
 */
export function municipalProjection(data: MunicipalData, region: string, horizon = 2040): MunicipalProjection {
  let byKey = projections.get(data);
  if (!byKey) projections.set(data, (byKey = new Map()));
  const key = `${region}|${horizon}`;
  let projection = byKey.get(key);
  if (!projection) {
    const kommuner = kommunerOf(data);
    // the interval from the back-test's errors for kommuner of this size: calibrated, unlike the bootstrap
    const own = kommuner.filter({ region });
    const last = Math.max(...(own.distinct("year") as number[]));
    const size = own.filter({ year: last }).groupBy([]).sum("value").get("value", 0) as number | null;
    const interval = size === null ? null : empiricalInterval(data.country, size);
    projection = projectMunicipality(
      {
        population: kommuner,
        reference: data.reference,
        ...(data.births ? { births: data.births } : {}),
        ...(data.deaths ? { deaths: data.deaths } : {}),
      },
      { region, horizon, ...(interval ? { interval } : {}) },
    );
    byKey.set(key, projection);
  }
  return projection;
}

/** "Källa: SCB, BE0101N1 (file)": each table's source line, once. */
function sources(tables: readonly (Table | undefined)[], locale: Locale): string[] {
  const lines = tables
    .filter((t): t is Table => t !== undefined)
    .map((t) => sourceLine(withFile(t.provenance), locale))
    .filter((s): s is string => s !== null);
  return [...new Set(lines)];
}

function withFile(p: Provenance): Provenance {
  const file = p.file
    ?.split(", ")
    .map((f) => f.split(/[\\/]/).pop())
    .join(", ");
  return { ...p, ...(p.tableId && file ? { tableId: `${p.tableId} (${file})` } : {}) };
}

/** Population totals of the county's kommuner (or the regions compared) and the country, indexed on the kommun's first year. */
function populationSection(kommuner: Table, data: MunicipalData, options: MunicipalOptions): Section {
  const w = REPORT_WORDS[options.locale];
  const mw = MUNICIPAL_WORDS[options.locale];
  const totals = kommuner.groupBy(["region", "year"]).sum("value");
  const names = new Map<string, string>();
  if (kommuner.has("region_name"))
    for (const r of kommuner.groupBy(["region", "region_name"]).count().toRows())
      names.set(String(r.region), String(r.region_name));
  names.set(options.region, options.name);
  const compare = options.compare ?? options.peers;
  const shown = compare?.length
    ? [options.region, ...compare]
    : (totals.distinct("region") as string[]).filter((r) => r.slice(0, 2) === options.region.slice(0, 2));
  const country = data.country === "SE" ? "00" : "0";
  const national = totals
    .groupBy(["year"])
    .sum("value")
    .toRows()
    .map((r) => ({
      region: country,
      region_name: mw.country[data.country],
      year: r.year as number,
      population: r.value as number,
    }));
  const rows = [
    ...totals
      .filter({ region: shown })
      .toRows()
      .map((r) => ({
        region: String(r.region),
        region_name: names.get(String(r.region)) ?? String(r.region),
        year: r.year as number,
        population: r.value as number,
      })),
    ...national,
  ];
  const series = Table.fromRows(rows, { provenance: data.population.provenance });
  const years = series.filter({ region: options.region }).distinct("year") as number[];
  const first = Math.min(...years);
  const index = growth(series, { base: first, value: "population" }).join(
    series.groupBy(["region", "region_name"]).count().drop("count"),
    { on: ["region"], how: "left" },
  );
  const own = index.filter({ region: options.region }).sort("year").toRows();
  const p0 = own[0]!.population as number;
  const p1 = own.at(-1)!.population as number;
  const pct = 100 * (p1 / p0 - 1);
  return {
    id: "population",
    heading: w.population,
    sentence: w.populationSentence(
      options.name,
      pct >= 0 ? w.grew : w.fell,
      formatNumber(Math.abs(pct), options.locale, 1),
      first,
      formatNumber(p0, options.locale),
      formatNumber(p1, options.locale),
    ),
    charts: [
      indexChart(index, {
        focus: options.region,
        locale: options.locale,
        labels: "all",
        title: `${w.population}, index (${first} = 100)`,
      }),
    ],
    table: {
      columns: [w.year, w.inhabitants, w.change],
      rows: own
        .slice(-6)
        .map((r) => [
          String(r.year),
          formatNumber(r.population as number, options.locale),
          formatNumber(r.growth_pct as number | null, options.locale, 1),
        ]),
    },
    sources: sources([data.population], options.locale),
  };
}

/** Age groups of the start year and the horizon, as a pyramid and a table whose groups add up to the total. */
function agesSection(p: MunicipalProjection, data: MunicipalData, options: MunicipalOptions): Section {
  const mw = MUNICIPAL_WORDS[options.locale];
  const w = REPORT_WORDS[options.locale];
  const start = Math.max(...(p.total.filter({ kind: "observed" }).distinct("year") as number[]));
  const horizon = Math.max(...(p.total.distinct("year") as number[]));
  const pyramid = Table.fromRows(
    p.population
      .filter({ year: [start, horizon] })
      .toRows()
      .map((r) => ({
        region: r.region ?? null,
        year: r.year ?? null,
        sex: r.sex ?? null,
        age: Number.parseInt(String(r.age), 10),
        population: r.value ?? null,
      })),
  );
  const groups = p.groups.filter({ year: [start, horizon] });
  const labels = [...new Set(groups.toRows().map((r) => String(r.age_group)))];
  const value = (year: number, group: string) =>
    (groups.filter({ year, age_group: group }).toRows()[0]?.population as number | undefined) ?? null;
  const total = (year: number) => (p.total.filter({ year }).toRows()[0]?.population as number | undefined) ?? null;
  const old = (year: number) => {
    const t = total(year);
    const o = labels.filter((g) => Number.parseInt(g, 10) >= 65).reduce((s, g) => s + (value(year, g) ?? 0), 0);
    return t ? (100 * o) / t : null;
  };
  return {
    id: "ages",
    heading: mw.ages,
    sentence: mw.agesSentence(
      options.name,
      start,
      formatNumber(old(start), options.locale, 1),
      horizon,
      formatNumber(old(horizon), options.locale, 1),
    ),
    charts: [
      pyramidChart(pyramid, { year: start, compareYear: horizon, region: options.region, locale: options.locale }),
    ],
    table: (() => {
      const [a, b] = [start, horizon].map((year) => roundToTotal(labels.map((g) => value(year, g) ?? 0)));
      const f = (v: number) => formatNumber(v, options.locale);
      return {
        columns: [mw.ageGroup, mw.observedHead(start), mw.projectedHead(horizon)],
        rows: [
          ...labels.map((g, k) => [`${g.replace("-", "–")} ${mw.years}`, f(a![k]!), f(b![k]!)]),
          [w.total, f(a!.reduce((x, y) => x + y, 0)), f(b!.reduce((x, y) => x + y, 0))],
        ],
      };
    })(),
    sources: sources([data.population], options.locale),
  };
}

/** Births, deaths and net migration per year, observed (the window) and projected; the change is their sum. */
function componentsSection(p: MunicipalProjection, data: MunicipalData, options: MunicipalOptions): Section {
  const mw = MUNICIPAL_WORDS[options.locale];
  const w = REPORT_WORDS[options.locale];
  const rows = p.components.sort("year").toRows();
  const observed = rows.filter((r) => r.kind === "observed");
  const mean = (k: string) => observed.reduce((s, r) => s + (r[k] as number), 0) / Math.max(1, observed.length);
  const chartRows = rows
    .filter((r) => r.kind === "observed" || (r.year as number) <= (observed.at(-1)?.year as number) + 10)
    .map((r) => {
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
    });
  const fmt = (v: number) => formatNumber(v, options.locale);
  return {
    id: "components",
    heading: mw.components,
    sentence: mw.componentsSentence(
      options.name,
      observed[0]?.year as number,
      observed.at(-1)?.year as number,
      fmt(mean("births")),
      fmt(mean("deaths")),
      fmt(mean("net_migration")),
    ),
    charts: [
      componentsChart(Table.fromRows(chartRows), {
        region: options.region,
        locale: options.locale,
        title: `${options.name}: ${mw.components.toLowerCase()}`,
      }),
    ],
    table: {
      columns: [w.year, mw.births, mw.deaths, mw.netMigration, mw.change],
      rows: rows
        .filter((r) => r.kind === "observed" || (r.year as number) % 5 === 0)
        .map((r) => {
          const births = Math.round(r.births as number);
          const deaths = Math.round(r.deaths as number);
          const net = Math.round(r.net_migration as number);
          // the change is the sum of the rounded parts, so that each row adds up as printed
          return [
            r.kind === "observed" ? String(r.year) : `${r.year}*`,
            fmt(births),
            fmt(deaths),
            fmt(net),
            fmt(births - deaths + net),
          ];
        }),
    },
    sources: [
      ...sources([data.population, ...(data.births ?? []), ...(data.deaths ?? [])], options.locale),
      mw.residual,
      `* ${mw.projectedHead(0).replace(/^0 /, "").replace(/[()]/g, "")}`,
    ],
  };
}

/** The total with its interval, the age groups as index lines, the dependency ratio, a table every five years, the method and its back-tested accuracy. */
function projectionSection(p: MunicipalProjection, data: MunicipalData, options: MunicipalOptions): Section {
  const mw = MUNICIPAL_WORDS[options.locale];
  const w = REPORT_WORDS[options.locale];
  const totals = new Map(p.total.toRows().map((r) => [r.year as number, r]));
  const start = Math.max(...(p.total.filter({ kind: "observed" }).distinct("year") as number[]));
  const horizon = Math.max(...totals.keys());
  const now = totals.get(start)!;
  const end = totals.get(horizon)!;
  const bands = data.country === "NO" ? NO_BANDS : SE_BANDS;
  const byAge = p.population.groupBy(["region", "year", "age", "kind"]).sum("value");
  const ratios = dependencyRatios(byAge.drop("kind"), { bands });
  const kinds = new Map(p.total.toRows().map((r) => [r.year as number, r.kind as string]));
  const ratiosWithKind = ratios.withColumn(
    "kind",
    ratios.toRows().map((r) => kinds.get(r.year as number) ?? "observed"),
    "dimension",
  );
  const groups = p.groups
    .rename({ age_group: "age", population: "value" })
    .select("region", "year", "age", "value", "kind");
  const labels = [...new Set(p.groups.toRows().map((r) => String(r.age_group)))];
  // the start, every year ending in 0 or 5, and the horizon
  const shown = [
    start,
    ...Array.from({ length: horizon - start }, (_, k) => start + k + 1).filter((y) => y % 5 === 0 || y === horizon),
  ];
  const groupValue = (year: number, g: string) =>
    (p.groups.filter({ year, age_group: g }).toRows()[0]?.population as number | undefined) ?? null;
  const accuracy = backtestError(data.country, now.population as number);
  const fmt = (v: number | null, digits = 0) => formatNumber(v, options.locale, digits);
  return {
    id: "projection",
    heading: mw.projection,
    sentence:
      mw.projectionSentence(
        options.name,
        horizon,
        fmt(end.population as number),
        fmt(end.low as number | null),
        fmt(end.high as number | null),
        start,
        fmt(now.population as number),
        (end.population as number) >= (now.population as number) ? mw.rises : mw.falls,
      ) +
      (accuracy
        ? ` ${mw.backtest(mw.sizes(accuracy.from, accuracy.to), accuracy.years, fmt(accuracy.mape, 1), fmt(accuracy.noChange, 1))}`
        : ""),
    charts: [
      projectionChart(p.total, {
        locale: options.locale,
        title: `${options.name}: ${w.population.toLowerCase()} ${Math.min(...totals.keys())}–${horizon}`,
      }),
      ageGroupChart(groups, { base: start, locale: options.locale }),
      dependencyChart(ratiosWithKind, { locale: options.locale, title: `${w.dependency} ${options.name}` }),
    ],
    table: {
      columns: [w.year, ...labels.map((g) => g.replace("-", "–")), w.total, w.low, w.high, w.dependency],
      rows: shown.map((year) => [
        year === start ? mw.observedHead(year) : String(year),
        ...roundToTotal(labels.map((g) => groupValue(year, g) ?? 0)).map((v) => fmt(v)),
        fmt(Math.round(labels.reduce((s, g) => s + (groupValue(year, g) ?? 0), 0))),
        fmt(totals.get(year)!.low as number | null),
        fmt(totals.get(year)!.high as number | null),
        fmt((ratios.filter({ year }).toRows()[0]?.ratio as number | undefined) ?? null, 1),
      ]),
    },
    sources: [
      ...sources([data.population, ...(data.births ?? []), ...(data.deaths ?? [])], options.locale),
      `${w.method}: ${mw.method(p.assumptions)}`,
      mw.observedNote,
    ],
  };
}

/**
 * Rounds values to integers that add up to the rounded sum (largest remainders first), so that a table's parts add
 * up to the total it prints: [1.4, 1.4, 1.2] → [2, 1, 1] (sum 4).
 */
export function roundToTotal(values: readonly number[]): number[] {
  const floors = values.map(Math.floor);
  let left = Math.round(values.reduce((s, v) => s + v, 0)) - floors.reduce((s, v) => s + v, 0);
  const order = values.map((v, k) => ({ k, r: v - Math.floor(v) })).sort((x, y) => y.r - x.r);
  for (const { k } of order) {
    if (left <= 0) break;
    floors[k]!++;
    left--;
  }
  return floors;
}
