import type { Locale } from "../../charts/locale.ts";
import { projectionMethod } from "../../charts/words/report.ts";
import { OmvarldError } from "../../errors.ts";
import { type GroupProjection, projectAgeGroups } from "../../indicators/population/group-projection.ts";
import { Table } from "../../table/table.ts";
import { type AnnexProjection, bothSexes } from "./sheets.ts";

/** The annex's population from a table by region, year and age (group), with its projection when asked for. */
export interface GroupInputs {
  /** Both sexes; with a horizon, observed and projected years marked by a `kind` column. */
  population: Table;
  projection?: AnnexProjection;
  /** The focus region's projection by sex (cohort change ratios with a bootstrap interval). */
  own?: GroupProjection;
}

/**
 * The annex's inputs from population by region, year, sex and age (group) (Eurostat's demo_r_pjanaggr3, or any
 * table of that shape): persons only (Eurostat's unit NR), both sexes (the table's total, else its sexes, which the
 * sheets sum), and with `horizon` each region projected by
 * sex on its own age groups (`projectAgeGroups`, cohort change ratios), the focus region with its interval.
 *
 * @example
 * groupInputs(eurostat, { region: "SE312", compare: ["SE"], horizon: 2040, locale: "sv" }).projection?.method
 */
export function groupInputs(
  table: Table,
  options: { region: string; compare: readonly string[]; horizon?: number; locale: Locale },
): GroupInputs {
  const file = table.provenance.file;
  const bySex = table.has("unit") ? table.filter({ unit: "NR" }) : table;
  const population = bothSexes(bySex);
  if (!population.has("age"))
    throw new OmvarldError(
      "SCHEMA",
      "the population table has no age column",
      { file },
      "the annex needs population by age",
    );
  if (options.horizon === undefined) return { population };
  const horizon = options.horizon;
  if (!bySex.has("sex"))
    throw new OmvarldError(
      "SCHEMA",
      "the projection needs population by sex",
      { file },
      "download the table with women and men",
    );
  const regions = [options.region, ...options.compare].filter((r) => bySex.filter({ region: r }).numRows > 0);
  const projected = regions.map((region) =>
    projectAgeGroups(bySex, { region, horizon, interval: region === options.region ? {} : false }),
  );
  const own = projected[0]!;
  const futures = projected.map((p) =>
    p.population.filter({ kind: "projected" }).groupBy(["region", "year", "age", "kind"]).sum("value").toRows(),
  );
  const observed = population
    .select("region", "year", "age", "value")
    .toRows()
    .map((r) => ({ ...r, kind: "observed" }));
  return {
    population: Table.fromRows([...observed, ...futures.flat()], { provenance: population.provenance }),
    projection: {
      total: own.total,
      components: own.components,
      method: projectionMethod(options.locale, {
        ...own.method,
        level: Math.round(100 * own.method.level!),
        runs: own.method.runs!,
      }),
    },
    own,
  };
}
