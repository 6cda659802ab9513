import { formatNumber, type Locale } from "../../charts/locale.ts";
import { projectionMethod, REPORT_WORDS } from "../../charts/words/report.ts";
import { parseAgeBand } from "../../indicators/population/ages.ts";
import { dependencyRatios, EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../../indicators/population/dependency.ts";
import { projectAgeGroups } from "../../indicators/population/group-projection.ts";
import type { Table } from "../../table/table.ts";
import type { NamedRegion } from "../region.ts";
import type { Section } from "../sections.ts";
import { sourceOf } from "../source-lines.ts";
import { projectionSection } from "./projection.ts";

/**
 * The projection section from population by age group and sex (e.g. Eurostat demo_r_pjanaggr3): the region projected
 * by cohort change (`projectAgeGroups`) to the horizon (default 2040, at least 10 years past the data) with its 80 %
 * interval, and a table from the last observed year every five years to the horizon.
 */
export function trendProjectionSection(
  population: Table,
  target: NamedRegion,
  options: { locale: Locale; horizon?: number | undefined },
): Section {
  const { locale } = options;
  const w = REPORT_WORDS[locale];
  const region = target.code;
  const last = Math.max(...(population.filter({ region }).distinct("year") as number[]));
  const horizon = options.horizon ?? Math.max(2040, last + 10);
  const p = projectAgeGroups(population, { region, horizon });
  const both = p.population.groupBy(["region", "year", "age", "kind"]).sum("value");
  const band = (age: string) => parseAgeBand(age)!;
  const groups = (both.distinct("age") as string[]).sort((a, b) => band(a).from - band(b).from);
  const bands = groups.some((g) => band(g).to === 64 && band(g).from === 15)
    ? EUROSTAT_BANDS
    : locale === "nb"
      ? NO_BANDS
      : SE_BANDS;
  const ratios = dependencyRatios(both.drop("kind"), { bands });
  const totals = new Map(p.total.toRows().map((r) => [r.year as number, r]));
  const start = p.method.to;
  const [now, end] = [totals.get(start)!, totals.get(horizon)!];
  const shown = [start, ...Array.from({ length: Math.floor((horizon - start) / 5) }, (_, k) => start + 5 * (k + 1))];
  if (shown.at(-1) !== horizon) shown.push(horizon);
  const value = (year: number, age: string) =>
    (both.filter({ year, age }).toRows()[0]?.value as number | undefined) ?? null;
  const fmt = (v: number | null, digits = 0) => formatNumber(v, locale, digits);
  return projectionSection({
    name: target.name,
    locale,
    heading: w.projection,
    sentence: w.projectionSentence({
      name: target.name,
      rises: (end.population as number) >= (now.population as number),
      start,
      now: fmt(now.population as number),
      horizon,
      value: fmt(end.population as number),
      low: fmt(end.low as number | null),
      high: fmt(end.high as number | null),
      trend: { from: p.method.from },
    }),
    total: p.total,
    groups: p.population,
    ratios,
    start,
    horizon,
    labels: groups.map((age) =>
      band(age).to === Infinity ? `${band(age).from}+` : `${band(age).from}–${band(age).to}`,
    ),
    rows: shown.map((year) => [
      String(year),
      ...groups.map((g) => fmt(value(year, g))),
      fmt(totals.get(year)!.population as number),
      fmt(totals.get(year)!.low as number | null),
      fmt(totals.get(year)!.high as number | null),
      fmt((ratios.filter({ year }).toRows()[0]?.ratio as number | undefined) ?? null, 1),
    ]),
    sources: [
      ...sourceOf(population, locale),
      `${w.method}: ${projectionMethod(locale, { ...p.method, level: Math.round(100 * (p.method.level ?? 0.8)), runs: p.method.runs ?? 0 })}`,
    ].filter(Boolean),
  });
}
