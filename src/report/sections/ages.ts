import { pyramidChart } from "../../charts/builders/demography.ts";
import { formatNumber } from "../../charts/locale.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import { type MunicipalProjection, serviceAgeGroups } from "../../indicators/population/municipal-projection.ts";
import { sexOf } from "../../io/sex.ts";
import { Table } from "../../table/table.ts";
import { bandsOf, kommunerOf, type MunicipalData } from "../municipal-data.ts";
import { roundToTotal } from "../round.ts";
import { sources } from "../source-lines.ts";
import type { Section } from "../sections.ts";
import type { KommunSectionOptions } from "./kommun.ts";

/** One year's service age groups: the labels ("0-5") and the populations, in order. */
interface YearGroups {
  year: number;
  labels: readonly string[];
  values: readonly number[];
  /** The share at the old-age threshold or older, in percent. */
  old: number | null;
}

/**
 * The ages section: a pyramid and the service age groups of the last observed year and, with a projection, of its
 * horizon, each column rounded so that its groups add up to its total (`roundToTotal`), and the share of the
 * inhabitants at the country's old-age threshold or older (`oldShare`).
 */
function agesSectionOf(
  pyramid: Table,
  years: { start: YearGroups; horizon?: YearGroups },
  data: MunicipalData,
  options: KommunSectionOptions,
): Section {
  const { locale, name, region } = options;
  const mw = MUNICIPAL_WORDS[locale];
  const w = REPORT_WORDS[locale];
  const shown = [years.start, ...(years.horizon ? [years.horizon] : [])];
  const columns = shown.map((y) => roundToTotal(y.values));
  const totals = columns.map((c) => c.reduce((a, b) => a + b, 0));
  const old = (k: number) => formatNumber(shown[k]!.old, locale, 1);
  const f = (v: number) => formatNumber(v, locale);
  return {
    id: "ages",
    heading: mw.ages,
    sentence: mw.agesSentence({
      name,
      year: years.start.year,
      old: old(0),
      age: bandsOf(data).old.from,
      ...(years.horizon ? { projected: { horizon: years.horizon.year, old: old(1) } } : {}),
    }),
    charts: [
      pyramidChart(pyramid, {
        year: years.start.year,
        ...(years.horizon ? { compareYear: years.horizon.year } : {}),
        region,
        locale,
      }),
    ],
    table: {
      columns: [
        mw.ageGroup,
        mw.observedHead(years.start.year),
        ...(years.horizon ? [mw.projectedHead(years.horizon.year)] : []),
      ],
      rows: [
        ...years.start.labels.map((g, k) => [`${g.replace("-", "–")} ${mw.years}`, ...columns.map((c) => f(c[k]!))]),
        [w.total, ...totals.map(f)],
      ],
    },
    sources: sources([data.population], locale),
  };
}

/** The ages section of a projection: the last observed year beside the horizon. */
export function agesSection(p: MunicipalProjection, data: MunicipalData, options: KommunSectionOptions): Section {
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
  const threshold = bandsOf(data).old.from;
  const of = (year: number): YearGroups => {
    const values = labels.map(
      (g) => (groups.filter({ year, age_group: g }).toRows()[0]?.population as number | undefined) ?? null,
    );
    const total = (p.total.filter({ year }).toRows()[0]?.population as number | undefined) ?? null;
    return { year, labels, values: values.map((v) => v ?? 0), old: oldShare(labels, values, total, threshold) };
  };
  return agesSectionOf(pyramid, { start: of(start), horizon: of(horizon) }, data, options);
}

/** The ages section where the data allow no projection: the last observed year with people, from single ages. */
export function observedAgesSection(data: MunicipalData, options: KommunSectionOptions): Section | null {
  const own = kommunerOf(data).filter({ region: options.region });
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
  const labels = groups.map(([lo, hi]) => (hi === Infinity ? `${lo}+` : `${lo}-${hi}`));
  const values = groups.map(([lo, hi]) =>
    rows.filter((r) => r.age >= lo && r.age <= hi).reduce((s, r) => s + r.value, 0),
  );
  // the observed share is that of the rounded groups the table prints
  const rounded = roundToTotal(values);
  const total = rounded.reduce((a, b) => a + b, 0);
  const start: YearGroups = { year, labels, values, old: oldShare(labels, rounded, total, bandsOf(data).old.from) };
  return agesSectionOf(pyramid, { start }, data, options);
}

/** The share of the groups from the threshold up in the total, 100·Σ_{g ≥ threshold} P_g / P (null without a total). */
function oldShare(
  labels: readonly string[],
  values: readonly (number | null)[],
  total: number | null,
  threshold: number,
) {
  const old = labels.reduce((s, g, k) => s + (Number.parseInt(g, 10) >= threshold ? (values[k] ?? 0) : 0), 0);
  return total ? (100 * old) / total : null;
}
