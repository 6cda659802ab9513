import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";

/**
 * The region × year panel the attractiveness model runs on (docs/methods.md §2-3). Per region and year t:
 * `population` on 1 January of t, `population_growth_pct`, `natural_increase_pct` and
 * `national_net_immigration_pct` during t (percent of the 1 January population), and `private_jobs` (and, where
 * given, all `jobs`) by place of work in the fourth quarter of t.
 */
export interface PanelRow {
  region: string;
  name: string | null;
  year: number;
  population: number | null;
  growth: number | null;
  naturalIncrease: number | null;
  nationalImmigration: number | null;
  privateJobs: number | null;
  jobs: number | null;
}

export const PANEL_COLUMNS = [
  "region",
  "year",
  "population",
  "population_growth_pct",
  "natural_increase_pct",
  "national_net_immigration_pct",
  "private_jobs",
] as const;

/** Region → year → row, checked for the columns the model needs. */
export function panelOf(table: Table): Map<string, Map<number, PanelRow>> {
  const missing = PANEL_COLUMNS.filter((c) => !table.has(c));
  if (missing.length) {
    throw new OmvarldError(
      "SCHEMA",
      `the attractiveness panel needs the columns ${missing.join(", ")}`,
      { file: table.provenance.file },
      "see PANEL_COLUMNS; Telemarksforsking's panel is read with asAttractivenessPanel()",
    );
  }
  const num = (name: string, i: number) => (table.has(name) ? (table.get(name, i) as number | null) : null);
  const out = new Map<string, Map<number, PanelRow>>();
  for (let i = 0; i < table.numRows; i++) {
    const region = table.get("region", i) as string;
    const year = table.get("year", i) as number;
    const series = out.get(region) ?? out.set(region, new Map()).get(region)!;
    if (series.has(year))
      throw new OmvarldError(
        "ARGUMENT",
        `more than one row for region ${region}, year ${year}`,
        {},
        "filter one level of regions first",
      );
    series.set(year, {
      region,
      year,
      name: table.has("region_name") ? (table.get("region_name", i) as string | null) : null,
      population: num("population", i),
      growth: num("population_growth_pct", i),
      naturalIncrease: num("natural_increase_pct", i),
      nationalImmigration: num("national_net_immigration_pct", i),
      privateJobs: num("private_jobs", i),
      jobs: num("jobs", i),
    });
  }
  return out;
}
