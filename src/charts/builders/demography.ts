import type { Row, Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR, PALETTE } from "../theme.ts";
import { type ChartOptions, frame } from "./common.ts";

const TEXT = {
  sv: { women: "Kvinnor", men: "Män", age: "Ålder", persons: "Personer", pyramid: "Befolkning efter ålder och kön", ratio: "Försörjningskvot", year: "År" },
  nb: { women: "Kvinner", men: "Menn", age: "Alder", persons: "Personer", pyramid: "Befolkning etter alder og kjønn", ratio: "Forsørgerbrøk", year: "År" },
  en: { women: "Women", men: "Men", age: "Age", persons: "Persons", pyramid: "Population by age and sex", ratio: "Dependency ratio", year: "Year" },
} as const;

/**
 * A population pyramid by single year of age (docs/methods.md §8): men to the left, women to the right, as bars for one
 * year with the outline of another (today against the horizon of a projection). Input: region, year, sex
 * ("male"/"female"), age (number), population, e.g. `projectPopulation().population`.
 */
export function pyramidChart(population: Table, options: ChartOptions & { year: number; compare?: number; region?: string }): Chart {
  const locale: Locale = options.locale ?? "sv";
  const t = TEXT[locale];
  const pick = (year: number) => population.filter({ year, ...(options.region ? { region: options.region } : {}) }).toRows()
    .map((r) => ({ age: r.age, sex: r.sex === "male" ? t.men : t.women, value: r.sex === "male" ? -(r.population as number) : (r.population as number), year }));
  const layers: Record<string, unknown>[] = [{
    data: { values: pick(options.year) },
    mark: { type: "bar", orient: "horizontal" },
    encoding: {
      y: { field: "age", type: "quantitative", title: t.age, scale: { nice: false } },
      x: { field: "value", type: "quantitative", title: t.persons, axis: { labelExpr: "format(abs(datum.value), ',')" } },
      color: { field: "sex", type: "nominal", title: null, scale: { range: [PALETTE[0]!, PALETTE[1]!] } },
    },
  }];
  if (options.compare !== undefined) {
    layers.push({
      data: { values: pick(options.compare) },
      mark: { type: "line", interpolate: "step", color: FOCUS_COLOUR, strokeWidth: 1.5 },
      encoding: { y: { field: "age", type: "quantitative" }, x: { field: "value", type: "quantitative" }, detail: { field: "sex" }, order: { field: "age" } },
    });
  }
  return new Chart({
    ...frame(population, options, { title: options.compare === undefined ? `${t.pyramid} ${options.year}` : `${t.pyramid}: ${options.year} (${locale === "en" ? "bars" : locale === "nb" ? "søyler" : "staplar"}) och ${options.compare} (${locale === "en" ? "line" : "linje"})`.replace(" och ", locale === "sv" ? " och " : locale === "nb" ? " og " : " and "), height: 420, width: 480 }),
    layer: layers,
  });
}

/** Rows with a `kind` get it in words, and the last observed year of each region also opens the projected line. */
function withJoin(rows: Row[], locale: Locale): Row[] {
  if (!rows.some((r) => "kind" in r)) return rows;
  const named: Row[] = rows.map((r) => ({ ...r, kind: word(r.kind === "projected" ? "projected" : "observed", locale) }));
  const joins = [...new Set(rows.map((r) => r.region))].flatMap((region) => {
    const observed = named.filter((r) => r.region === region && r.kind === word("observed", locale));
    const last = observed.reduce<Row | null>((a, r) => (a === null || (r.year as number) > (a.year as number) ? r : a), null);
    return last && named.some((r) => r.region === region && r.kind === word("projected", locale)) ? [{ ...last, kind: word("projected", locale) }] : [];
  });
  return [...named, ...joins];
}

/** The dependency ratio over the years per region, from `dependencyRatios()`; projected years (a `kind` column) dashed. */
export function dependencyChart(ratios: Table, options: ChartOptions = {}): Chart {
  const locale: Locale = options.locale ?? "sv";
  const t = TEXT[locale];
  return new Chart({
    ...frame(ratios, options, { title: t.ratio }),
    // years without a ratio (a missing age group) are left out, so that the axis spans the ratios
    data: { values: withJoin(ratios.select("region", "year", "ratio", ...(ratios.has("kind") ? ["kind"] : [])).toRows().filter((r) => r.ratio !== null), locale) },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "year", type: "quantitative", title: t.year, axis: { format: "d", tickMinStep: 1 } },
      y: { field: "ratio", type: "quantitative", title: t.ratio, scale: { zero: false } },
      color: { field: "region", type: "nominal", title: null, ...(ratios.distinct("region").length === 1 ? { legend: null, scale: { range: [FOCUS_COLOUR] } } : {}) },
      // projected years (a `kind` column) are dashed, observed ones solid
      ...(ratios.has("kind") ? { strokeDash: { field: "kind", type: "nominal", title: null, sort: [word("observed", locale), word("projected", locale)], scale: { range: [[1, 0], [5, 3]] } } } : {}),
    },
  });
}
