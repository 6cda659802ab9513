import { nationCode } from "../../regions/nation.ts";
import { formatNumber, type Locale } from "../../charts/locale.ts";
import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { implausibleFigures } from "../../indicators/population/plausibility.ts";
import type { Provenance } from "../../table/provenance.ts";
import { Table } from "../../table/table.ts";
import { concatTables } from "../../table/verbs/concat.ts";
import { kommunerOf, type MunicipalData, municipalProjection, type ProjectionSettings } from "../municipal.ts";
import { annexInputs } from "./projection.ts";
import type { AnnexProjection } from "./sheets.ts";

/** The annex's population from the kommun tables, with the tables it rests on and its projection. */
export interface MunicipalInputs {
  /** The kommun (observed, or observed and projected) and the regions compared, by sex and single age. */
  population: Table;
  projection?: AnnexProjection;
  provenance: Provenance;
  sources: { what: string; provenance: Provenance }[];
}

/**
 * A region of the kommun tables as the sum of its kommuner by year, sex and age: a kommun, a county (its two
 * digits) or the country ("00", "0"), observed years only.
 */
function observedRegion(data: MunicipalData, code: string): Table {
  const kommuner = kommunerOf(data);
  const members =
    code === nationCode(data.country)
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
}

/**
 * The annex's inputs for a kommun of the agencies' own tables (SCB, SSB): its population by single age and sex,
 * with `horizon` projected by the cohort-component method (`municipalProjection`) with its interval, components and
 * the figures migration pushed beyond what kommuner of its size have shown marked on their rows; the regions
 * compared (kommuner, counties, the country) as sums of their kommuner; the births and deaths tables as sources.
 *
 * @example
 * municipalInputs(data, { region: "2021", compare: ["20", "00"], horizon: 2040, locale: "sv" }).projection?.method
 */
export function municipalInputs(
  data: MunicipalData,
  options: {
    region: string;
    compare: readonly string[];
    horizon?: number;
    projection?: ProjectionSettings;
    locale: Locale;
  },
): MunicipalInputs {
  const { locale } = options;
  const mw = MUNICIPAL_WORDS[locale];
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
  const inputs = projected ? annexInputs(projected, { locale, flags }) : undefined;
  const own = inputs
    ? inputs.population.select("region", "year", "sex", "age", "value", "kind")
    : observedRegion(data, options.region);
  return {
    population: concatTables([own, ...options.compare.map((code) => observedRegion(data, code))]),
    ...(inputs ? { projection: inputs.projection } : {}),
    provenance: data.population.provenance,
    sources: [
      ...(data.births ?? []).map((t) => ({ what: mw.births, provenance: t.provenance })),
      ...(data.deaths ?? []).map((t) => ({ what: mw.deaths, provenance: t.provenance })),
    ],
  };
}
