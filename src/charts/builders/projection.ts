import { localiseAria } from "../aria.ts";
import { localeOr } from "../words/locales.ts";
import { parseAgeBand } from "../../indicators/population/ages.ts";
import type { Row, Table } from "../../table/table.ts";
import { Chart } from "../chart.ts";
import { type Locale, word } from "../locale.ts";
import { intervalWord, shadedInterval } from "../words/chart.ts";
import { FOCUS_COLOUR, PALETTE } from "../theme.ts";
import { ariaLabel, type ChartOptions, frame, seriesDash, rows } from "./common.ts";

const YEAR_AXIS = { format: "d", tickMinStep: 1, labelOverlap: true, labelFlush: true };

/**
 * The projected population with its interval as a band (a fan chart): observed years as a solid line, projected
 * years dashed, from `projectAgeGroups().total` (region, year, kind, population, low, high) for one region.
 */
export function projectionChart(total: Table, options: ChartOptions & { level?: number } = {}): Chart {
  const locale: Locale = localeOr(options.locale);
  const data = rows(total, ["year", "kind", "population", "low", "high"]).map((r): Row => ({
    ...r,
    kind: word(r.kind === "projected" ? "projected" : "observed", locale),
  }));
  // the start year closes the observed line and opens the projected one
  const start = data.filter((r) => r.kind === word("observed", locale)).at(-1);
  const lines = start ? [...data, { ...start, kind: word("projected", locale) }] : data;
  const level = Math.round(100 * (options.level ?? 0.8));
  const [year, persons, interval] = [word("year", locale), word("persons", locale), intervalWord(level, locale)];
  return new Chart(
    localiseAria(
      {
        ...frame(total, options, {
          title: `${word("population", locale)} (${shadedInterval(level, locale)})`,
          kind: "fan",
        }),
        layer: [
          {
            data: { values: data.filter((r) => r.low !== null && r.high !== null) },
            mark: { type: "area", opacity: 0.18 },
            encoding: {
              x: { field: "year", type: "quantitative", title: year, axis: YEAR_AXIS },
              y: { field: "low", type: "quantitative", title: persons, scale: { zero: false } },
              y2: { field: "high" },
              // the band's own legend entry: "80 %-intervall"
              fill: {
                datum: interval,
                type: "nominal",
                title: null,
                scale: { range: [FOCUS_COLOUR] },
                legend: { symbolOpacity: 0.3 },
              },
              description: ariaLabel([
                { title: year, field: "year" },
                { title: interval, field: "low", digits: 0 },
                { title: "", field: "high", digits: 0 },
              ]),
            },
          },
          {
            data: { values: lines },
            mark: { type: "line", color: FOCUS_COLOUR },
            encoding: {
              x: { field: "year", type: "quantitative", title: year },
              y: { field: "population", type: "quantitative", title: persons },
              description: ariaLabel([
                { title: word("series", locale), field: "kind" },
                { title: year, field: "year" },
                { title: persons, field: "population", digits: 0 },
              ]),
              strokeDash: seriesDash(locale),
            },
          },
        ],
      },
      locale,
    ),
  );
}

/**
 * Each age group as an index (start year = 100) over the observed and projected years, from a population table
 * with region, year, age, value and kind (e.g. `projectAgeGroups().population`, both sexes summed here).
 */
export function ageGroupChart(population: Table, options: ChartOptions & { base: number }): Chart {
  const locale: Locale = localeOr(options.locale);
  const sums = new Map<string, { year: number; age: string; value: number; kind: string }>();
  for (const r of rows(population, ["year", "age", "value", "kind"])) {
    if (parseAgeBand(String(r.age)) === null || r.value === null) continue;
    const key = `${r.year}|${r.age}`;
    const entry = sums.get(key) ?? {
      year: r.year as number,
      age: String(r.age),
      value: 0,
      kind: String(r.kind ?? "observed"),
    };
    entry.value += r.value as number;
    sums.set(key, entry);
  }
  const base = new Map([...sums.values()].filter((e) => e.year === options.base).map((e) => [e.age, e.value]));
  const label = (age: string) => {
    const b = parseAgeBand(age)!;
    return b.to === Infinity ? `${b.from}+` : `${b.from}–${b.to}`;
  };
  const ages = [...base.keys()].sort((a, b) => parseAgeBand(a)!.from - parseAgeBand(b)!.from);
  const points = [...sums.values()]
    .filter((e) => base.has(e.age))
    .map((e) => ({ year: e.year, age: label(e.age), kind: e.kind, index: (100 * e.value) / base.get(e.age)! }));
  // the last observed year also starts the dashed projected line, so that the two join
  const lastObserved = Math.max(...points.filter((p) => p.kind === "observed").map((p) => p.year));
  const joins = points.some((p) => p.kind === "projected")
    ? points.filter((p) => p.year === lastObserved).map((p) => ({ ...p, kind: "projected" }))
    : [];
  const kinds = { observed: word("observed", locale), projected: word("projected", locale) };
  const data = [...points, ...joins].map((p) => ({
    ...p,
    kind: p.kind === "projected" ? kinds.projected : kinds.observed,
  }));
  const [year, index, ageGroup] = [word("year", locale), word("index", locale), word("age_group", locale)];
  return new Chart(
    localiseAria(
      {
        ...frame(population, options, {
          title: `${ageGroup}, ${index.toLowerCase()} (${options.base} = 100)`,
          kind: "line",
        }),
        data: { values: data },
        layer: [
          {
            mark: { type: "rule", color: "#888", strokeDash: [2, 2], aria: false },
            encoding: { x: { datum: options.base, type: "quantitative", scale: { zero: false } } },
          },
          {
            mark: { type: "line" },
            encoding: {
              x: { field: "year", type: "quantitative", title: year, axis: YEAR_AXIS, scale: { zero: false } },
              y: { field: "index", type: "quantitative", title: index, scale: { zero: false } },
              // observed solid, projected dashed: the legend says which is which
              strokeDash: {
                field: "kind",
                type: "nominal",
                title: word("series", locale),
                legend: { title: null },
                scale: {
                  domain: [kinds.observed, kinds.projected],
                  range: [
                    [1, 0],
                    [5, 3],
                  ],
                },
              },
              color: {
                field: "age",
                type: "nominal",
                title: ageGroup,
                sort: ages.map(label),
                scale: { range: [...PALETTE] },
              },
              description: ariaLabel([
                { title: ageGroup, field: "age" },
                { title: word("series", locale), field: "kind" },
                { title: year, field: "year" },
                { title: index, field: "index", digits: 1 },
              ]),
            },
          },
        ],
      },
      locale,
    ),
  );
}

/**
 * Demographic cost index against the tax-base index (docs/methods.md §8.3 presentation), from `demographicCost()` for
 * one region: the cost of all services and the population of working age, both with the base year = 100.
 */
export function costChart(cost: Table, options: ChartOptions & { service?: string } = {}): Chart {
  const locale: Locale = localeOr(options.locale);
  const picked = rows(cost.filter({ service: options.service ?? "all" }), ["year", "index", "tax_base_index"]).filter(
    (r) => r.index !== null,
  );
  const data = picked
    .flatMap((r) => [
      { year: r.year, series: word("cost_index", locale), index: r.index },
      { year: r.year, series: word("tax_base_index", locale), index: r.tax_base_index },
    ])
    .filter((r) => r.index !== null);
  const base = picked.find((r) => r.index === 100)?.year;
  const [year, index] = [word("year", locale), word("index", locale)];
  return new Chart(
    localiseAria(
      {
        ...frame(cost, options, {
          title: `${word("cost_index", locale)} ${word("and", locale)} ${word("tax_base_index", locale).toLowerCase()}${base === undefined ? "" : `, ${index.toLowerCase()} (${base} = 100)`}`,
          kind: "line",
        }),
        data: { values: data },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "year", type: "quantitative", title: year, axis: YEAR_AXIS },
          y: { field: "index", type: "quantitative", title: index, scale: { zero: false } },
          color: {
            field: "series",
            type: "nominal",
            title: word("series", locale),
            legend: { title: null },
            scale: { range: [FOCUS_COLOUR, PALETTE[0]!] },
          },
          description: ariaLabel([
            { title: word("series", locale), field: "series" },
            { title: year, field: "year" },
            { title: index, field: "index", digits: 1 },
          ]),
        },
      },
      locale,
    ),
  );
}
