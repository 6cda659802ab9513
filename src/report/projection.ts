import { dependencyChart } from "../charts/builders/demography.ts";
import { sourceLine } from "../charts/builders/common.ts";
import { ageGroupChart, projectionChart } from "../charts/builders/projection.ts";
import type { Locale } from "../charts/locale.ts";
import { parseAgeBand } from "../indicators/population/ages.ts";
import { dependencyRatios, EUROSTAT_BANDS, NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { projectAgeGroups } from "../indicators/population/group-projection.ts";
import type { Table } from "../table/table.ts";
import type { ReportOptions, Section } from "./sections.ts";
import { formatNumber } from "../charts/locale.ts";
import { projectionMethod, REPORT_WORDS } from "../charts/words/report.ts";

/**
 * The projection section: the region's population by age group and sex projected to the horizon (default 2040,
 * at least 10 years past the data) with its 80 % interval, the age groups as index lines, the dependency ratio,
 * and a table every five years.
 */
export function projectionSection(population: Table, options: ReportOptions, name: string, locale: Locale): Section {
  const w = REPORT_WORDS[locale];
  const last = Math.max(...(population.filter({ region: options.region }).distinct("year") as number[]));
  const horizon = options.horizon ?? Math.max(2040, last + 10);
  const p = projectAgeGroups(population, { region: options.region, horizon });
  const both = p.population.groupBy(["region", "year", "age", "kind"]).sum("value");
  const groups = (both.distinct("age") as string[]).sort((a, b) => parseAgeBand(a)!.from - parseAgeBand(b)!.from);
  const bands = groups.some((g) => parseAgeBand(g)!.to === 64 && parseAgeBand(g)!.from === 15)
    ? EUROSTAT_BANDS
    : locale === "nb"
      ? NO_BANDS
      : SE_BANDS;
  const ratios = dependencyRatios(both.drop("kind"), { bands });
  const totals = new Map(p.total.toRows().map((r) => [r.year as number, r]));
  const start = p.method.to;
  const [now, end] = [totals.get(start)!, totals.get(horizon)!];
  const label = (age: string) => {
    const band = parseAgeBand(age)!;
    return band.to === Infinity ? `${band.from}+` : `${band.from}–${band.to}`;
  };
  const shown = [start, ...Array.from({ length: Math.floor((horizon - start) / 5) }, (_, k) => start + 5 * (k + 1))];
  if (shown.at(-1) !== horizon) shown.push(horizon);
  const value = (year: number, age: string) =>
    (both.filter({ year, age }).toRows()[0]?.value as number | undefined) ?? null;
  return {
    id: "projection",
    heading: w.projection,
    sentence: w.projectionSentence(
      name,
      (end.population as number) >= (now.population as number) ? w.rises : w.falls,
      horizon,
      formatNumber(end.population as number, locale),
      formatNumber(end.low as number | null, locale),
      formatNumber(end.high as number | null, locale),
      p.method.from,
      start,
      formatNumber(now.population as number, locale),
    ),
    charts: [
      projectionChart(p.total, {
        locale,
        title: `${name}: ${w.population.toLowerCase()} ${Math.min(...totals.keys())}–${horizon}`,
      }),
      ageGroupChart(p.population, { base: start, locale }),
      dependencyChart(ratios, { locale, title: `${w.dependency} ${name}` }),
    ],
    table: {
      columns: [w.year, ...groups.map(label), w.total, w.low, w.high, w.dependency],
      rows: shown.map((year) => [
        String(year),
        ...groups.map((g) => formatNumber(value(year, g), locale)),
        formatNumber(totals.get(year)!.population as number, locale),
        formatNumber(totals.get(year)!.low as number | null, locale),
        formatNumber(totals.get(year)!.high as number | null, locale),
        formatNumber((ratios.filter({ year }).toRows()[0]?.ratio as number | undefined) ?? null, locale, 1),
      ]),
    },
    sources: [
      sourceLine(population.provenance, locale) ?? "",
      `${w.method}: ${projectionMethod(locale, { ...p.method, level: Math.round(100 * (p.method.level ?? 0.8)), runs: p.method.runs ?? 0 })}`,
    ].filter(Boolean),
  };
}
