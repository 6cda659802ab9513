import { localeOr } from "../../charts/words/locales.ts";
import type { Locale } from "../../charts/locale.ts";
import type { UnitCost } from "../../indicators/population/cost.ts";
import type { DependencyBands } from "../../indicators/population/dependency.ts";
import { isBothSexes } from "../../io/sex.ts";
import { nutsName } from "../../regions/nuts.ts";
import { OmvarldError } from "../../errors.ts";
import type { Provenance } from "../../table/provenance.ts";
import type { Table } from "../../table/table.ts";
import { ageGrid } from "./ages.ts";
import { componentsSheet } from "./components.ts";
import { costSheet, unitCostSheet } from "./cost.ts";
import { dependencySheet } from "./dependency.ts";
import { defaultGroups, populationSheet } from "./population.ts";
import type { Sheet } from "./sheet.ts";
import { sourcesSheet } from "./sources.ts";
import { annexWords } from "../../charts/words/annex.ts";

/** What the sheets are made of: the population table prepared by `buildAnnex`, and how to show it. */
export interface AnnexSheetOptions {
  /** The focus region and the regions to compare with (county, country). */
  region: string;
  compare?: readonly string[];
  /** The bands of the dependency ratio (must be sums of the table's age groups for the formulas). */
  bands: DependencyBands;
  /** Unit costs per inhabitant and year in tkr, by service and age band: the input sheet and the cost sheet. */
  costs?: readonly UnitCost[];
  locale?: Locale;
  /** A name per region code for headings (before the table's `region_name` and the NUTS names). */
  names?: Readonly<Record<string, string>>;
  /** Service age groups for the population sheet (default SKR's; Norway's with working age to 66). */
  groups?: readonly string[];
  /**
   * The projection of the focus region: `population` then holds projected years too, marked by a `kind` column
   * ("observed", "projected"). Adds the interval to the population sheet, a components sheet and the method.
   */
  projection?: AnnexProjection;
  /** Sentences on the region itself (a new number, a merger, a division), on the population sheet. */
  notes?: readonly string[];
  /** Where the unit costs come from, for the sources sheet. */
  costSource?: string;
  /** The population table's origin when `population` is derived from it (a projection), for the sources sheet. */
  provenance?: Provenance;
  /** Further tables the annex rests on (deaths, births of the projection), for the sources sheet. */
  sources?: readonly { what: string; provenance: Provenance }[];
}

/** A projection as the sheets show it: the total with its interval, the components, the method in words. */
export interface AnnexProjection {
  total: Table;
  components: Table;
  level?: number;
  method: string;
  /** Figures to check before use, by year (`implausibleFigures` in words): a column beside the row. */
  flags?: readonly { year: number; text: string }[];
}

/**
 * The sheets of a budget annex as a working Excel model from population by region, year and age (single years or the source's
 * groups), docs/methods.md §8.2-8.3. The sheets, in order:
 *
 * - Befolkning: population by service age group and year, each cell a SUM over the age sheet;
 * - Ålder: population by age (rows) and year (columns), observed and projected years marked;
 * - Komponenter (with a projection): the components of change;
 * - Försörjningskvot: the dependency ratio, the region's own by formula, the regions compared as values;
 * - Enhetskostnader and Demografisk kostnad (with costs): unit costs in yellow input cells, and the cost by service,
 *   total, change, index and tax base by formulas on them and on the age sheet;
 * - Källor: the agencies' table ids and files.
 *
 * Every formula carries its cached result, so the file shows its numbers before Excel recalculates.
 */
export function annexSheets(population: Table, options: AnnexSheetOptions): Sheet[] {
  const locale = localeOr(options.locale);
  const words = annexWords(locale);
  const names = new Map<string, string>();
  if (population.has("region_name")) {
    for (const r of population.select("region", "region_name").toRows())
      if (r.region_name) names.set(String(r.region), String(r.region_name));
  }
  const name = (code: string) => options.names?.[code] ?? names.get(code) ?? nutsName(code) ?? code;
  population = bothSexes(population);
  const own = population.filter({ region: options.region });
  if (own.numRows === 0)
    throw new OmvarldError("ARGUMENT", `region ${options.region} is not in the table`, {
      file: population.provenance.file,
    });
  const grid = ageGrid(own, { words, region: options.region, name: name(options.region) });
  const projection = options.projection;
  const level = Math.round(100 * (projection?.level ?? 0.8));
  const { sheet: populationOf } = populationSheet(grid, {
    words,
    name: name(options.region),
    groups: options.groups ?? defaultGroups(options.bands),
    ...(projection
      ? { interval: { total: projection.total, level, region: options.region }, method: projection.method }
      : {}),
    ...(projection?.flags?.length ? { flags: projection.flags } : {}),
    ...(options.notes?.length ? { notes: options.notes } : {}),
  });
  const sheets: Sheet[] = [populationOf, grid.sheet];
  if (projection)
    sheets.push(componentsSheet(projection.components, { words, region: options.region, name: name(options.region) }));
  sheets.push(
    dependencySheet(population, grid, {
      words,
      region: options.region,
      compare: options.compare ?? [],
      bands: options.bands,
      name,
    }),
  );
  if (options.costs?.length) {
    const inputs = unitCostSheet(options.costs, {
      words,
      ...(options.costSource ? { source: options.costSource } : {}),
    });
    const observed = grid.years.filter((y) => !grid.projected.has(y));
    const base = grid.projected.size && observed.length ? observed.at(-1) : undefined;
    sheets.push(
      inputs.sheet,
      costSheet(grid, inputs, {
        words,
        name: name(options.region),
        taxBase: options.bands.working,
        ...(base === undefined ? {} : { base }),
      }),
    );
  }
  sheets.push(
    sourcesSheet(
      [{ what: words.population, provenance: options.provenance ?? population.provenance }, ...(options.sources ?? [])],
      {
        words,
        locale,
        bands: options.bands,
        costs: Boolean(options.costs?.length),
        ...(projection ? { method: projection.method } : {}),
        ...(options.costSource ? { costSource: options.costSource } : {}),
      },
    ),
  );
  return sheets;
}

/**
 * Both sexes: the table's total where it has one (Eurostat's T, SCB's "totalt"), else the rows as they are, which
 * the annex then sums over the sexes (SCB's and SSB's downloads of men and women without a total).
 */
export function bothSexes(table: Table): Table {
  if (!table.has("sex")) return table;
  const labels = (table.distinct("sex") as unknown[]).map(String);
  const total = labels.filter((l) => isBothSexes(l));
  return total.length ? table.filter({ sex: total }) : table;
}
