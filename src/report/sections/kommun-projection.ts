import { formatNumber } from "../../charts/locale.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import { backtestError } from "../../indicators/population/backtest-errors.ts";
import { dependencyRatios } from "../../indicators/population/dependency.ts";
import type { MunicipalProjection } from "../../indicators/population/municipal-projection.ts";
import { implausibleFigures } from "../../indicators/population/plausibility.ts";
import type { Table } from "../../table/table.ts";
import { bandsOf, type MunicipalData } from "../municipal-data.ts";
import { roundToTotal } from "../round.ts";
import { sources } from "../source-lines.ts";
import type { Section } from "../sections.ts";
import type { KommunSectionOptions } from "./kommun.ts";
import { projectionSection } from "./projection.ts";

type Row = Record<string, string | number | null>;

/**
 * The kommun's cohort-component projection as the projection section: the start year, every year ending in 0 or 5
 * and the horizon, groups rounded to their total, a figure beyond the back-test's range for the kommun's size marked
 * ⚠; the sentence says what the interval means, the method's back-tested accuracy and a short window.
 */
export function kommunProjectionSection(
  p: MunicipalProjection,
  data: MunicipalData,
  options: KommunSectionOptions,
): Section {
  const { locale } = options;
  const totals = new Map(p.total.toRows().map((r) => [r.year as number, r]));
  const start = Math.max(...(p.total.filter({ kind: "observed" }).distinct("year") as number[]));
  const horizon = Math.max(...totals.keys());
  const ratios = dependencyRatios(p.population.groupBy(["region", "year", "age", "kind"]).sum("value").drop("kind"), {
    bands: bandsOf(data),
  });
  const kinds = new Map(p.total.toRows().map((r) => [r.year as number, r.kind as string]));
  const labels = [...new Set(p.groups.toRows().map((r) => String(r.age_group)))];
  const shown = [
    start,
    ...Array.from({ length: horizon - start }, (_, k) => start + k + 1).filter((y) => y % 5 === 0 || y === horizon),
  ];
  const row = tableRow(p, { labels, totals, ratios, start, locale, flags: implausibleFigures(p, data.country) });
  return projectionSection({
    name: options.name,
    locale,
    heading: MUNICIPAL_WORDS[locale].projection,
    sentence: sentence(p, data, options, totals.get(start)!, totals.get(horizon)!),
    total: p.total,
    groups: p.groups.rename({ age_group: "age", population: "value" }).select("region", "year", "age", "value", "kind"),
    ratios: ratios.withColumn(
      "kind",
      ratios.toRows().map((r) => kinds.get(r.year as number) ?? "observed"),
      "dimension",
    ),
    start,
    horizon,
    labels: labels.map((g) => g.replace("-", "–")),
    rows: shown.map(row),
    sources: [
      ...sources([data.population, ...(data.births ?? []), ...(data.deaths ?? [])], locale),
      `${REPORT_WORDS[locale].method}: ${MUNICIPAL_WORDS[locale].method(p.assumptions)}`,
      MUNICIPAL_WORDS[locale].observedNote,
    ],
  });
}

/** A year's row: the groups rounded to their total, the interval and the dependency ratio; flagged figures marked ⚠. */
function tableRow(
  p: MunicipalProjection,
  o: {
    labels: readonly string[];
    totals: Map<number, Row>;
    ratios: Table;
    start: number;
    locale: KommunSectionOptions["locale"];
    flags: ReturnType<typeof implausibleFigures>;
  },
): (year: number) => string[] {
  const fmt = (v: number | null, digits = 0) => formatNumber(v, o.locale, digits);
  const mark = (text: string, year: number, what: string) =>
    o.flags.some((f) => f.year === year && f.what === what) ? `${text} ⚠` : text;
  const groupValue = (year: number, g: string) =>
    (p.groups.filter({ year, age_group: g }).toRows()[0]?.population as number | undefined) ?? null;
  return (year) => [
    year === o.start ? MUNICIPAL_WORDS[o.locale].observedHead(year) : String(year),
    ...roundToTotal(o.labels.map((g) => groupValue(year, g) ?? 0)).map((v, k) => mark(fmt(v), year, o.labels[k]!)),
    mark(fmt(Math.round(o.labels.reduce((s, g) => s + (groupValue(year, g) ?? 0), 0))), year, "total"),
    fmt(o.totals.get(year)!.low as number | null),
    fmt(o.totals.get(year)!.high as number | null),
    fmt((o.ratios.filter({ year }).toRows()[0]?.ratio as number | undefined) ?? null, 1),
  ];
}

/** The projection, what its interval means, its back-tested accuracy, a short window and each implausible figure. */
function sentence(p: MunicipalProjection, data: MunicipalData, options: KommunSectionOptions, now: Row, end: Row) {
  const { locale } = options;
  const mw = MUNICIPAL_WORDS[locale];
  const w = REPORT_WORDS[locale];
  const fmt = (v: number | null, digits = 0) => formatNumber(v, locale, digits);
  const accuracy = backtestError(data.country, now.population as number);
  const { interval, window } = p.assumptions;
  const flags = implausibleFigures(p, data.country);
  return [
    w.projectionSentence({
      name: options.name,
      rises: (end.population as number) >= (now.population as number),
      start: now.year as number,
      now: fmt(now.population as number),
      horizon: end.year as number,
      value: fmt(end.population as number),
      low: fmt(end.low as number | null),
      high: fmt(end.high as number | null),
    }),
    interval?.method === "empirical"
      ? mw.intervalMeaning({ years: interval.years, error: fmt(interval.error, 1) })
      : "",
    accuracy
      ? mw.backtest({
          size: mw.sizes(accuracy.from, accuracy.to),
          years: accuracy.years,
          mape: fmt(accuracy.mape, 1),
          naive: fmt(accuracy.noChange, 1),
          agency: accuracy.agency === null ? null : fmt(accuracy.agency, 1),
        })
      : "",
    window.years < window.requested
      ? mw.windowShort({ from: window.from, to: window.to, requested: window.requested })
      : "",
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
    .join(" ");
}
