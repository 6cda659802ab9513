import { sourceLine } from "../charts/builders/common.ts";
import { dependencyChart, pyramidChart } from "../charts/builders/demography.ts";
import { componentsChart, indexChart } from "../charts/builders/population.ts";
import { ageGroupChart, projectionChart } from "../charts/builders/projection.ts";
import type { Locale } from "../charts/locale.ts";
import { backtestError, empiricalInterval } from "../indicators/population/backtest-errors.ts";
import { implausibleFigures } from "../indicators/population/plausibility.ts";
import { prepareProjectionData, type ProjectionData } from "../indicators/population/projection-data.ts";
import { OmvarldError } from "../errors.ts";
import type { MigrationCounts } from "../indicators/attractiveness/net-migration.ts";
import { dependencyRatios, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { growth } from "../indicators/population/growth.ts";
import {
  type MunicipalProjection,
  type MunicipalProjectionOptions,
  projectMunicipality,
  serviceAgeGroups,
} from "../indicators/population/municipal-projection.ts";
import type { Provenance } from "../table/provenance.ts";
import { Table } from "../table/table.ts";
import { sexOf } from "../io/sex.ts";
import { MUNICIPAL_WORDS } from "../charts/words/municipal.ts";
import type { Section } from "./sections.ts";
import { type ReportRegion, reportRegion } from "./region.ts";
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
  /** The projection's settings beside its defaults: a scenario's multipliers, the window, the pooling of migration. */
  projection?: ProjectionSettings;
}

/** The settings of `projectMunicipality` a report or annex may change (the region, horizon and interval are its own). */
export type ProjectionSettings = Pick<
  MunicipalProjectionOptions,
  "multipliers" | "windowYears" | "migration" | "mortalityImprovement" | "oldAgeMortality" | "smoothing"
>;

/**
 * The kommun's sections: population against the county and the country, age structure, components of change and the
 * projection, as far as the data allow; `missing` names what they do not allow and why ("Befolkningsframskrivning:
 * tabell över döda saknas").
 */
export function municipalSections(
  data: MunicipalData,
  options: MunicipalOptions,
): { sections: Section[]; projection: MunicipalProjection | null; missing: string[]; warnings: string[] } {
  const mw = MUNICIPAL_WORDS[options.locale];
  const kommuner = kommunerOf(data);
  const sections = [populationSection(data, options)];
  let projection: MunicipalProjection;
  try {
    projection = municipalProjection(data, options.region, options.horizon ?? 2040, options.projection);
  } catch (error) {
    if (!(error instanceof OmvarldError) || error.code !== "ARGUMENT") throw error;
    const why = !data.deaths?.length ? mw.noDeaths : /one year only/.test(error.message) ? mw.oneYear : mw.noWindow;
    const observed = observedAgesSection(kommuner, data, options);
    return {
      sections: observed ? [...sections, observed] : sections,
      projection: null,
      missing: [mw.components, mw.projection].map((h) => `${h}: ${why}`),
      warnings: [],
    };
  }
  sections.push(
    agesSection(projection, data, options),
    componentsSection(projection, data, options),
    projectionSection(projection, data, options),
  );
  return { sections, projection, missing: [], warnings: projectionWarnings(projection, data.country, options) };
}

/** What every section of every kommun reads from the same tables, computed once per data. */
interface MunicipalSummary {
  /** The population without SSB's pseudo-regions (Svalbard, the shelf, "Rest"). */
  kommuner: Table;
  /** region, year, value: each kommun's total (missing where a cell is). */
  totals: Table;
  /** The country by year: every region of the table, pseudo-regions too, without the years a region lacks
   * altogether (a kommun before it existed); missing where a region lacks part of a year. */
  national: { year: number; population: number | null }[];
  /** The kommuner's codes and the names the tables give them. */
  names: Map<string, string | null>;
}

const summaries = new WeakMap<MunicipalData, MunicipalSummary>();

function summaryOf(data: MunicipalData): MunicipalSummary {
  let summary = summaries.get(data);
  if (summary) return summary;
  const kommuner = data.population.has("region_kind")
    ? data.population.filter({ region_kind: (k) => k !== "pseudo" })
    : data.population;
  const totals = kommuner.groupBy(["region", "year"]).sum("value");
  // a region's year with no value at all is no people (Narvik before 2020: SSB counts them in "Rest"); one with
  // some values missing makes the country's year missing
  const all = data.population.groupBy(["region", "year"]);
  const [whole, known] = [all.sum("value").toRows(), all.sum("value", { missing: "skip" }).toRows()];
  const byYear = new Map<number, number | null>();
  whole.forEach((r, k) => {
    if (known[k]!.value === null) return;
    const year = r.year as number;
    const before = byYear.has(year) ? byYear.get(year)! : 0;
    byYear.set(year, before === null || r.value === null ? null : before + (r.value as number));
  });
  const names = new Map<string, string | null>();
  const rows = kommuner.has("region_name")
    ? kommuner.groupBy(["region", "region_name"]).count().toRows()
    : kommuner.groupBy(["region"]).count().toRows();
  for (const r of rows)
    names.set(String(r.region), (r.region_name as string | null | undefined) ?? names.get(String(r.region)) ?? null);
  summary = {
    kommuner,
    totals,
    national: [...byYear].sort(([a], [b]) => a - b).map(([year, population]) => ({ year, population })),
    names,
  };
  summaries.set(data, summary);
  return summary;
}

/** The population without SSB's pseudo-regions (Svalbard, the shelf, "Rest"). */
export function kommunerOf(data: MunicipalData): Table {
  return summaryOf(data).kommuner;
}

/** The kommuner's codes with the names the tables give them (null where they give none). */
export function kommunNames(data: MunicipalData): ReadonlyMap<string, string | null> {
  return summaryOf(data).names;
}

/**
 * The kommun of the tables a report or annex asked for by code, name or another vintage's code (`reportRegion`,
 * with the tables' last year's codes).
 *
 * @example
 * municipalRegion(data, "0428") // { code: "3421", name: "Trysil", notes: [{ kind: "renumbered", … }] }
 */
export function municipalRegion(data: MunicipalData, query: string): ReportRegion {
  const years = data.population.distinct("year") as number[];
  const { source, tableId } = data.population.provenance;
  const id = [source, tableId].filter(Boolean).join(" ");
  return reportRegion(query, {
    codes: kommunNames(data),
    country: data.country,
    year: Math.max(...years),
    what: `the ${data.country === "NO" ? "kommune" : "kommun"} tables${id ? ` (${id})` : ""}`,
  });
}

const counts = new WeakMap<MunicipalData, MigrationCounts>();

/**
 * The kommun tables as the counts of registered net migration for Telemarksforsking's residential model
 * (P(t + 1) − P(t) − births + deaths), one object per data so that the model is fitted once for every kommun.
 */
export function migrationCounts(data: MunicipalData): MigrationCounts {
  let c = counts.get(data);
  if (!c)
    counts.set(
      data,
      (c = {
        population: data.population,
        reference: data.reference,
        births: data.births ?? [],
        deaths: data.deaths ?? [],
      }),
    );
  return c;
}

const prepared = new WeakMap<MunicipalData, ProjectionData>();
const projections = new WeakMap<MunicipalData, Map<string, MunicipalProjection>>();

/** The tables as arrays, read once per data (every region's projection reads the same). */
function preparedOf(data: MunicipalData): ProjectionData {
  let p = prepared.get(data);
  if (!p)
    prepared.set(
      data,
      (p = prepareProjectionData({
        // every region, SSB's pseudo-regions too: the nation is all of them (the kommuner are projected, not those)
        population: data.population,
        reference: data.reference,
        ...(data.births ? { births: data.births } : {}),
        ...(data.deaths ? { deaths: data.deaths } : {}),
      })),
    );
  return p;
}

/**
 * The kommun's cohort-component projection from the data (`projectMunicipality`; the nation is the sum of every
 * region, the county its kommuner) by the country's service age groups, with the 80 % interval of the back-test's
 * errors for kommuner of its size (`empiricalInterval`), made once per data, region and horizon: the report, the
 * annex and a script asking again share it. The same data give the same projection whatever was asked before.
 *
 * @example
 * municipalProjection(data, "2021", 2040).total.filter({ year: 2030 }).toRows()
 */
export function municipalProjection(
  data: MunicipalData,
  region: string,
  horizon = 2040,
  settings: ProjectionSettings = {},
): MunicipalProjection {
  let byKey = projections.get(data);
  if (!byKey) projections.set(data, (byKey = new Map()));
  const key = `${region}|${horizon}|${JSON.stringify(settings)}`;
  let projection = byKey.get(key);
  if (!projection) {
    const input = preparedOf(data);
    // the interval from the back-test's errors for kommuner of this size: calibrated, unlike the bootstrap
    const years = [...(input.population.get(region)?.keys() ?? [])];
    const last = input.population.get(region)?.get(Math.max(...years));
    const size = last ? last.reduce((a, b) => a + b, 0) : null;
    const interval = size === null ? null : empiricalInterval(data.country, size);
    projection = projectMunicipality(input, {
      ...settings,
      region,
      horizon,
      ageGroups: serviceAgeGroups(data.country),
      ...(interval ? { interval } : {}),
    });
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
function populationSection(data: MunicipalData, options: MunicipalOptions): Section {
  const w = REPORT_WORDS[options.locale];
  const mw = MUNICIPAL_WORDS[options.locale];
  const summary = summaryOf(data);
  const totals = summary.totals;
  const names = new Map<string, string>();
  for (const [code, name] of summary.names) if (name !== null) names.set(code, name);
  names.set(options.region, options.name);
  const compare = options.compare ?? options.peers;
  const shown = compare?.length
    ? [options.region, ...compare]
    : (totals.distinct("region") as string[]).filter((r) => r.slice(0, 2) === options.region.slice(0, 2));
  const country = data.country === "SE" ? "00" : "0";
  // the country is every region of the table, SSB's pseudo-regions too ("Rest" holds the divided kommuner's people
  // before 2020): the kommuner alone fall short of the national total in those years
  const national = summary.national.map((r) => ({
    region: country,
    region_name: mw.country[data.country],
    year: r.year,
    population: r.population,
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
  const series = Table.fromRows(rows, { provenance: data.population.provenance }).filter({
    population: (v) => v !== null,
  });
  // the kommun's first year with people: Narvik (formed 2020) has none before
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
  const threshold = bandsOf(data).old.from;
  const old = (year: number) => {
    const t = total(year);
    const o = labels.filter((g) => Number.parseInt(g, 10) >= threshold).reduce((s, g) => s + (value(year, g) ?? 0), 0);
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
      threshold,
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

/**
 * One line per projected figure beyond what the back-test makes plausible (`implausibleFigures`), for a command line:
 * "Säter (2082): the projected 80+ of 2025 grows 4.6 % a year by migration, beyond -2.7 to 1.9 % for its size".
 */
export function projectionWarnings(
  p: MunicipalProjection,
  country: "SE" | "NO",
  options: { region: string; name: string },
): string[] {
  return implausibleFigures(p, country).map(
    (f) =>
      `${options.name} (${options.region}): migration changes the projected ${f.what === "total" ? "total" : `age group ${f.what}`} of ${f.year} by ${f.rate.toFixed(1)} % a year, beyond the ${f.range[0].toFixed(1)} to ${f.range[1].toFixed(1)} % that kommuner of its size showed over five years: check it before use`,
  );
}

/** The dependency bands of the kommun's country: SCB's 20-64 / 65+, SSB's 20-66 / 67+. */
function bandsOf(data: MunicipalData) {
  return data.country === "NO" ? NO_BANDS : SE_BANDS;
}

/** The age structure of the last observed year, where the data allow no projection: a pyramid and the service groups. */
function observedAgesSection(kommuner: Table, data: MunicipalData, options: MunicipalOptions): Section | null {
  const mw = MUNICIPAL_WORDS[options.locale];
  const w = REPORT_WORDS[options.locale];
  const own = kommuner.filter({ region: options.region });
  const years = (own.distinct("year") as number[]).filter((y) =>
    own
      .filter({ year: y })
      .toRows()
      .some((r) => r.value !== null),
  );
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const rows = own
    .filter({ year })
    .toRows()
    .map((r) => ({ sex: r.sex ?? null, value: r.value as number | null, age: Number.parseInt(String(r.age), 10) }))
    .filter(
      (r): r is { sex: string | number | null; value: number; age: number } =>
        Number.isFinite(r.age) && typeof r.value === "number",
    );
  const pyramid = Table.fromRows(
    rows.map((r) => ({ region: options.region, year, sex: sexOf(r.sex) ?? r.sex, age: r.age, population: r.value })),
  );
  const groups = serviceAgeGroups(data.country);
  const sums = roundToTotal(
    groups.map(([lo, hi]) => rows.filter((r) => r.age >= lo && r.age <= hi).reduce((s, r) => s + r.value, 0)),
  );
  const total = sums.reduce((a, b) => a + b, 0);
  const threshold = bandsOf(data).old.from;
  const old = groups.reduce((s, [lo], k) => s + (lo >= threshold ? sums[k]! : 0), 0);
  const f = (v: number) => formatNumber(v, options.locale);
  return {
    id: "ages",
    heading: mw.ages,
    sentence: mw.agesObservedSentence(
      options.name,
      year,
      formatNumber(total ? (100 * old) / total : null, options.locale, 1),
      threshold,
    ),
    charts: [pyramidChart(pyramid, { year, region: options.region, locale: options.locale })],
    table: {
      columns: [mw.ageGroup, mw.observedHead(year)],
      rows: [
        ...groups.map(([lo, hi], k) => [`${hi === Infinity ? `${lo}+` : `${lo}–${hi}`} ${mw.years}`, f(sums[k]!)]),
        [w.total, f(total)],
      ],
    },
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
  const bands = bandsOf(data);
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
  // a figure migration has pushed beyond anything seen in kommuner of this size is marked where it is printed
  const flags = implausibleFigures(p, data.country);
  const flagged = (year: number, what: string) => flags.some((f) => f.year === year && f.what === what);
  const mark = (text: string, year: number, what: string) => (flagged(year, what) ? `${text} ⚠` : text);
  const interval = p.assumptions.interval;
  const window = p.assumptions.window;
  return {
    id: "projection",
    heading: mw.projection,
    sentence: [
      mw.projectionSentence(
        options.name,
        horizon,
        fmt(end.population as number),
        fmt(end.low as number | null),
        fmt(end.high as number | null),
        start,
        fmt(now.population as number),
        (end.population as number) >= (now.population as number) ? mw.rises : mw.falls,
      ),
      interval?.method === "empirical" ? mw.intervalMeaning(interval.years, fmt(interval.error, 1)) : "",
      accuracy
        ? mw.backtest(
            mw.sizes(accuracy.from, accuracy.to),
            accuracy.years,
            fmt(accuracy.mape, 1),
            fmt(accuracy.noChange, 1),
            accuracy.agency === null ? null : fmt(accuracy.agency, 1),
          )
        : "",
      window.years < window.requested ? mw.windowShort(window.from, window.to, window.requested) : "",
      ...flags
        .filter((f, k) => flags.findIndex((g) => g.what === f.what) === k)
        .map((f) =>
          mw.implausible(
            f.what === "total" ? w.total.toLowerCase() : `${f.what} ${mw.years}`,
            f.year,
            fmt(f.rate, 1),
            fmt(f.range[0], 1),
            fmt(f.range[1], 1),
          ),
        ),
    ]
      .filter(Boolean)
      .join(" "),
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
        ...roundToTotal(labels.map((g) => groupValue(year, g) ?? 0)).map((v, k) => mark(fmt(v), year, labels[k]!)),
        mark(fmt(Math.round(labels.reduce((s, g) => s + (groupValue(year, g) ?? 0), 0))), year, "total"),
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
