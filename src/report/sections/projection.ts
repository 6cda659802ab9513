import { dependencyChart } from "../../charts/builders/demography.ts";
import { ageGroupChart, projectionChart } from "../../charts/builders/projection.ts";
import type { Locale } from "../../charts/locale.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import type { Table } from "../../table/table.ts";
import type { Section } from "../sections.ts";

/** What a projection gives the section, whichever method made it (`projectMunicipality`, `projectAgeGroups`). */
export interface ProjectionView {
  name: string;
  locale: Locale;
  heading: string;
  sentence: string;
  /** The total by year with its interval (year, population, low, high, kind). */
  total: Table;
  /** Population by age group (region, year, age, value, kind), for the groups as index lines on the start year. */
  groups: Table;
  /** The dependency ratio by year (`dependencyRatios`). */
  ratios: Table;
  /** The last observed year and the horizon. */
  start: number;
  horizon: number;
  /** The age groups' heads ("0–5", "80+"). */
  labels: readonly string[];
  /** The table's rows: the year, each group, the total, its interval and the dependency ratio. */
  rows: string[][];
  sources: string[];
}

/**
 * The projection section for any projection: the total with its interval from the first year to the horizon, the age
 * groups as index lines (start year = 100), the dependency ratio, and a table of the years shown.
 */
export function projectionSection(view: ProjectionView): Section {
  const { locale, name } = view;
  const w = REPORT_WORDS[locale];
  const first = Math.min(...(view.total.distinct("year") as number[]));
  return {
    id: "projection",
    heading: view.heading,
    sentence: view.sentence,
    charts: [
      projectionChart(view.total, { locale, title: `${name}: ${w.population.toLowerCase()} ${first}–${view.horizon}` }),
      ageGroupChart(view.groups, { base: view.start, locale }),
      dependencyChart(view.ratios, { locale, title: `${w.dependency} ${name}` }),
    ],
    table: { columns: [w.year, ...view.labels, w.total, w.low, w.high, w.dependency], rows: view.rows },
    sources: view.sources,
  };
}
