import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import type { Row, Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { FOCUS_COLOUR, PALETTE } from "../theme.ts";
import type { Layer } from "../spec.ts";
import { ariaLabel, type ChartOptions, frame, seriesDash, yearX } from "./common.ts";

/**
 * A population pyramid by single year of age (docs/methods.md §8): men to the left, women to the right, as bars for one
 * year with the outline of another (today against the horizon of a projection). Input: region, year, sex
 * ("male"/"female"), age (number), population, e.g. `projectPopulation().population`.
 */
export function pyramidChart(
  population: Table,
  options: ChartOptions & {
    year: number;
    /** The year drawn as an outline over the bars (a projection's horizon). */
    compareYear?: number;
    /** @deprecated the same as `compareYear` (`compare` names regions elsewhere). */
    compare?: number;
    region?: string;
  },
): Chart {
  const locale: Locale = localeOr(options.locale);
  const other = options.compareYear ?? options.compare;
  const pick = (year: number) =>
    population
      .filter({ year, ...(options.region ? { region: options.region } : {}) })
      .toRows()
      .map((r) => ({
        age: r.age,
        sex: r.sex === "male" ? word("men", locale) : word("women", locale),
        value: r.sex === "male" ? -(r.population as number) : (r.population as number),
        year,
      }));
  const [age, persons, sex] = [word("age", locale), word("persons", locale), word("sex", locale)];
  const aria = ariaLabel([
    { title: word("year", locale), field: "year" },
    { title: sex, field: "sex" },
    { title: age, field: "age" },
    { title: persons, field: "value", digits: 0, abs: true },
  ]);
  const layers: Layer[] = [
    {
      data: { values: pick(options.year) },
      mark: { type: "bar", orient: "horizontal" },
      encoding: {
        y: { field: "age", type: "quantitative", title: age, scale: { nice: false } },
        x: {
          field: "value",
          type: "quantitative",
          title: persons,
          axis: { labelExpr: "format(abs(datum.value), ',')" },
        },
        color: {
          field: "sex",
          type: "nominal",
          title: sex,
          legend: { title: null },
          scale: { range: [PALETTE[0]!, PALETTE[1]!] },
        },
        description: aria,
      },
    },
  ];
  if (other !== undefined) {
    layers.push({
      data: { values: pick(other) },
      mark: { type: "line", interpolate: "step", color: FOCUS_COLOUR, strokeWidth: 1.5 },
      encoding: {
        y: { field: "age", type: "quantitative", title: age },
        x: { field: "value", type: "quantitative", title: persons },
        detail: { field: "sex" },
        order: { field: "age" },
        // the outline's own legend entry: the year it shows, in the outline's colour
        stroke: {
          datum: String(other),
          type: "nominal",
          title: null,
          scale: { range: [FOCUS_COLOUR] },
          legend: { symbolType: "stroke", symbolStrokeWidth: 2 },
        },
        description: aria,
      },
    });
  }
  return new Chart(
    localiseAria(
      {
        ...frame(population, options, {
          title:
            other === undefined
              ? `${word("pyramid", locale)} ${options.year}`
              : `${word("pyramid", locale)}: ${options.year} (${word("bars", locale)}) ${word("and", locale)} ${other} (${word("line", locale)})`,
          height: 420,
          width: 480,
          kind: "pyramid",
        }),
        layer: layers,
      },
      locale,
    ),
  );
}

/** Rows with a `kind` get it in words, and the last observed year of each region also opens the projected line. */
function withJoin(rows: Row[], locale: Locale): Row[] {
  if (!rows.some((r) => "kind" in r)) return rows;
  const named: Row[] = rows.map((r) => ({
    ...r,
    kind: word(r.kind === "projected" ? "projected" : "observed", locale),
  }));
  const joins = [...new Set(rows.map((r) => r.region))].flatMap((region) => {
    const observed = named.filter((r) => r.region === region && r.kind === word("observed", locale));
    const last = observed.reduce<Row | null>(
      (a, r) => (a === null || (r.year as number) > (a.year as number) ? r : a),
      null,
    );
    return last && named.some((r) => r.region === region && r.kind === word("projected", locale))
      ? [{ ...last, kind: word("projected", locale) }]
      : [];
  });
  return [...named, ...joins];
}

/** The dependency ratio over the years per region, from `dependencyRatios()`; projected years (a `kind` column) dashed. */
export function dependencyChart(ratios: Table, options: ChartOptions = {}): Chart {
  const locale: Locale = localeOr(options.locale);
  return new Chart(
    localiseAria(
      {
        ...frame(ratios, options, { title: word("dependency_ratio", locale), kind: "line" }),
        // years without a ratio (a missing age group) are left out, so that the axis spans the ratios
        data: {
          values: withJoin(
            ratios
              .select("region", "year", "ratio", ...(ratios.has("kind") ? ["kind"] : []))
              .toRows()
              .filter((r) => r.ratio !== null),
            locale,
          ),
        },
        mark: { type: "line", point: true },
        encoding: {
          x: yearX(locale),
          y: { field: "ratio", type: "quantitative", title: word("dependency_ratio", locale), scale: { zero: false } },
          // one region keeps its legend entry too: the line is named by it
          color: {
            field: "region",
            type: "nominal",
            title: word("region", locale),
            legend: { title: null },
            ...(ratios.distinct("region").length === 1 ? { scale: { range: [FOCUS_COLOUR] } } : {}),
          },
          description: ariaLabel([
            { title: word("region", locale), field: "region" },
            { title: word("year", locale), field: "year" },
            ...(ratios.has("kind") ? [{ title: word("series", locale), field: "kind" }] : []),
            { title: word("dependency_ratio", locale), field: "ratio", digits: 2 },
          ]),
          // projected years (a `kind` column) are dashed, observed ones solid
          ...(ratios.has("kind")
            ? {
                strokeDash: seriesDash(locale),
              }
            : {}),
        },
      },
      locale,
    ),
  );
}
