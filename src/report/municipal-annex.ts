import type { Locale } from "../charts/locale.ts";
import type { UnitCost } from "../indicators/population/cost.ts";
import { NO_BANDS, SE_BANDS } from "../indicators/population/dependency.ts";
import { findRegion } from "../regions/registry.ts";
import { implausibleFigures } from "../indicators/population/plausibility.ts";
import { formatNumber } from "../charts/locale.ts";
import { Table } from "../table/table.ts";
import { concatTables } from "../table/verbs/concat.ts";
import { buildAnnex } from "./annex/index.ts";
import { annexInputs } from "./annex/projection.ts";
import type { Sheet } from "./annex/sheet.ts";
import { kommunerOf, type MunicipalData, municipalProjection, type ProjectionSettings } from "./municipal.ts";
import { MUNICIPAL_WORDS } from "../charts/words/municipal.ts";
import { countryLocale } from "../charts/words/locales.ts";
import { nationCode } from "../regions/nation.ts";

export interface MunicipalAnnexOptions {
  region: string;
  /** Regions to compare with: kommun codes, a county's two digits (its kommuner summed) or the country ("00" SE, "0" NO). Default: the county and the country. */
  compare?: readonly string[];
  /** Project the kommun to this year (cohort-component, `municipalProjection`). */
  horizon?: number;
  costs?: readonly UnitCost[];
  costSource?: string;
  locale?: Locale;
  names?: Readonly<Record<string, string>>;
  /** Sentences on the region itself (a new number, a merger), shown on the population sheet. */
  notes?: readonly string[];
  /** The projection's settings beside its defaults (as the report's). */
  projection?: ProjectionSettings;
}

/**
 * The budget annex for a kommun from the agencies' own tables (SCB, SSB): population by single age (observed and,
 * with `horizon`, projected with its interval and components), the county and the country beside it as sums of
 * their kommuner, the dependency ratio by the country's bands (SE 20-64, NO 20-66), and costs by formula.
 *
 * @example
 * const sheets = municipalAnnex(data, { region: "2021", horizon: 2040, costs });
 * await writeSheets(sheets, "annex.xlsx");
 */
export function municipalAnnex(data: MunicipalData, options: MunicipalAnnexOptions): Sheet[] {
  const locale = countryLocale(data.country, options.locale);
  const mw = MUNICIPAL_WORDS[locale];
  const kommuner = kommunerOf(data);
  const country = nationCode(data.country);
  const county = options.region.slice(0, 2);
  const compare = options.compare ?? [county, country];
  const observed = (code: string): Table => {
    const members =
      code === country
        ? kommuner
        : code.length === 2
          ? kommuner.filter({ region: (r) => String(r).startsWith(code) })
          : kommuner.filter({ region: code });
    const sums = members.groupBy(["year", "sex", "age"]).sum("value");
    const constant = (value: string) => new Array<string>(sums.numRows).fill(value);
    return Table.fromColumns({
      region: constant(code),
      year: sums.column("year"),
      sex: sums.column("sex"),
      age: sums.column("age"),
      value: sums.column("value"),
    }).withColumn("kind", constant("observed"), "dimension");
  };
  const projected =
    options.horizon === undefined
      ? undefined
      : municipalProjection(data, options.region, options.horizon, options.projection);
  // a figure migration pushed beyond what kommuner of this size have shown is marked on its row
  const flags = projected
    ? implausibleFigures(projected, data.country).map((f) => ({
        year: f.year,
        text: mw.implausible(
          f.what === "total" ? mw.total : `${f.what} ${mw.years}`,
          f.year,
          formatNumber(f.rate, locale, 1),
          formatNumber(f.range[0], locale, 1),
          formatNumber(f.range[1], locale, 1),
        ),
      }))
    : [];
  const projection = projected ? annexInputs(projected, { locale, flags }) : undefined;
  const own = projection
    ? projection.population.select("region", "year", "sex", "age", "value", "kind")
    : observed(options.region);
  const population = concatTables([own, ...compare.map(observed)]);
  const name = (code: string) =>
    code === country ? mw.country[data.country] : findRegion(code, { country: data.country })?.name;
  const names = Object.fromEntries(
    [options.region, ...compare].flatMap((code) => {
      const n = name(code);
      return n ? [[code, n]] : [];
    }),
  );
  return buildAnnex(population, {
    region: options.region,
    compare,
    bands: data.country === "NO" ? NO_BANDS : SE_BANDS,
    locale,
    names: { ...names, ...options.names },
    provenance: data.population.provenance,
    sources: [
      ...(data.births ?? []).map((t) => ({ what: mw.births, provenance: t.provenance })),
      ...(data.deaths ?? []).map((t) => ({ what: mw.deaths, provenance: t.provenance })),
    ],
    ...(projection ? { projection: projection.projection } : {}),
    ...(options.costs ? { costs: options.costs } : {}),
    ...(options.costSource ? { costSource: options.costSource } : {}),
    ...(options.notes?.length ? { notes: options.notes } : {}),
  });
}
