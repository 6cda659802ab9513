import type { Locale } from "../charts/locale.ts";
import { parseAgeBand } from "../indicators/population/ages.ts";
import { demographicCost, type UnitCost } from "../indicators/population/cost.ts";
import { dependencyRatios, type DependencyBands } from "../indicators/population/dependency.ts";
import type { Table } from "../table/table.ts";
import { sourceLine } from "../charts/builders/common.ts";
import type { Sheet } from "./workbook.ts";

const TEXT = {
  sv: {
    population: "Befolkning", dependency: "Försörjningskvot", cost: "Demografisk kostnad", sources: "Källor", year: "År", total: "Totalt",
    populationTitle: (r: string) => `Befolkning efter åldersgrupp, ${r}`, dependencyTitle: "Demografisk försörjningskvot: (unga + äldre) / arbetsföra × 100",
    costTitle: (r: string) => `Demografiskt betingade kostnader vid oförändrad standard, ${r}`, service: "Verksamhet", costCol: "Kostnad",
    change: "Förändring", index: "Index", taxBase: "Skattebas 20–64", taxIndex: "Index skattebas", source: "Källa", method: "Metod",
    groupsNote: (g: string) => `Åldersgrupperna är de som källan redovisar (${g}).`,
    methodCost: "Kostnad = Σ kostnad per invånare × medelfolkmängd (medel av två årsskiften), med oförändrade kostnader per invånare.",
  },
  nb: {
    population: "Befolkning", dependency: "Forsørgerbrøk", cost: "Demografikostnader", sources: "Kilder", year: "År", total: "Totalt",
    populationTitle: (r: string) => `Befolkning etter aldersgruppe, ${r}`, dependencyTitle: "Forsørgerbrøk: (unge + eldre) / yrkesaktiv alder × 100",
    costTitle: (r: string) => `Demografikostnader ved uendret standard, ${r}`, service: "Tjeneste", costCol: "Kostnad",
    change: "Endring", index: "Indeks", taxBase: "Skattegrunnlag 20–64", taxIndex: "Indeks skattegrunnlag", source: "Kilde", method: "Metode",
    groupsNote: (g: string) => `Aldersgruppene er de kilden oppgir (${g}).`,
    methodCost: "Kostnad = Σ kostnad per innbygger × gjennomsnittlig folkemengde (snitt av to årsskifter), med uendrede enhetskostnader.",
  },
  en: {
    population: "Population", dependency: "Dependency ratio", cost: "Demographic cost", sources: "Sources", year: "Year", total: "Total",
    populationTitle: (r: string) => `Population by age group, ${r}`, dependencyTitle: "Dependency ratio: (young + old) / working age × 100",
    costTitle: (r: string) => `Demographic cost pressure at constant standards, ${r}`, service: "Service", costCol: "Cost",
    change: "Change", index: "Index", taxBase: "Tax base 20–64", taxIndex: "Tax base index", source: "Source", method: "Method",
    groupsNote: (g: string) => `The age groups are those the source gives (${g}).`,
    methodCost: "Cost = Σ cost per inhabitant × mean population (mean of two year-ends), with constant unit costs.",
  },
} as const;

export interface AnnexOptions {
  /** The focus region and the regions to compare with (county, country). */
  region: string;
  compare?: readonly string[];
  /** The bands of the dependency ratio (must fit the table's age groups). */
  bands: DependencyBands;
  /** Unit costs per inhabitant and age band, for the cost sheet (left out without them). */
  costs?: readonly UnitCost[];
  locale?: Locale;
  /** A name per region code for headings. */
  names?: Readonly<Record<string, string>>;
}

/**
 * The sheets of a budget annex from population by region, year and age (METHODS §8.2-8.3): population by the
 * age groups the data give, with the total; the dependency ratio for the region and its comparisons; the
 * demographic cost pressure when unit costs are given; and the sources.
 */
export function buildAnnex(population: Table, options: AnnexOptions): Sheet[] {
  const t = TEXT[options.locale ?? "sv"];
  const name = (code: string) => options.names?.[code] ?? code;
  const own = population.filter({ region: options.region });
  const groups = (own.distinct("age") as string[]).filter((a) => parseAgeBand(a) !== null).sort((a, b) => parseAgeBand(a)!.from - parseAgeBand(b)!.from);
  const label = (a: string) => {
    const band = parseAgeBand(a)!;
    return band.to === Infinity ? `${band.from}+` : band.from === band.to ? String(band.from) : `${band.from}–${band.to}`;
  };
  const years = (own.distinct("year") as number[]).sort((a, b) => a - b);
  const popRows = years.map((year) => {
    const row: Record<string, number | null> = { year };
    let total: number | null = 0;
    for (const g of groups) {
      const v = own.filter({ year, age: g }).toRows()[0]?.value as number | null | undefined;
      row[g] = v ?? null;
      total = total === null || v === null || v === undefined ? null : total + v;
    }
    row.total = total;
    return row;
  }).filter((row) => groups.some((g) => row[g] !== null)); // years the source has no figures for are left out
  const regions = [options.region, ...(options.compare ?? [])];
  const ratios = dependencyRatios(population.filter({ region: regions }), { bands: options.bands });
  const ratioYears = (ratios.distinct("year") as number[]).sort((a, b) => a - b);
  const ratioRows = ratioYears
    .map((year) => Object.fromEntries([["year", year], ...regions.map((r) => [r, (ratios.filter({ region: r, year }).toRows()[0]?.ratio as number | null | undefined) ?? null])]))
    .filter((row) => regions.some((r) => row[r] !== null));
  const sheets: Sheet[] = [
    {
      name: t.population, title: t.populationTitle(name(options.region)),
      columns: [{ key: "year", header: t.year, format: "0", width: 8 }, ...groups.map((g) => ({ key: g, header: label(g), format: "#,##0", width: 12 })), { key: "total", header: t.total, format: "#,##0", width: 12 }],
      rows: popRows, notes: [t.groupsNote(groups.map(label).join(", "))],
    },
    {
      name: t.dependency, title: t.dependencyTitle,
      columns: [{ key: "year", header: t.year, format: "0", width: 8 }, ...regions.map((r) => ({ key: r, header: name(r), format: "0.0", width: 16 }))],
      rows: ratioRows,
    },
  ];
  if (options.costs?.length) {
    const cost = demographicCost(own, options.costs);
    sheets.push({
      name: t.cost, title: t.costTitle(name(options.region)),
      columns: [
        { key: "year", header: t.year, format: "0", width: 8 }, { key: "service", header: t.service, width: 18 }, { key: "cost", header: t.costCol, format: "#,##0", width: 14 },
        { key: "change", header: t.change, format: "#,##0", width: 12 }, { key: "index", header: t.index, format: "0.0", width: 10 },
        { key: "tax_base", header: t.taxBase, format: "#,##0", width: 16 }, { key: "tax_base_index", header: t.taxIndex, format: "0.0", width: 14 },
      ],
      rows: cost.filter({ cost: (v) => v !== null }).toRows(),
      notes: [t.methodCost],
    });
  }
  sheets.push({
    name: t.sources, title: t.sources,
    columns: [{ key: "what", header: t.source, width: 60 }, { key: "detail", header: "", width: 60 }],
    rows: [
      { what: sourceLine(population.provenance, options.locale ?? "sv") ?? String(population.provenance.source ?? ""), detail: population.provenance.file?.split("/").pop() ?? "" },
      { what: t.dependency, detail: `${options.bands.young.from}–${options.bands.young.to}, ${options.bands.working.from}–${options.bands.working.to}, ${options.bands.old.from}+` },
      ...(options.costs?.length ? [{ what: t.method, detail: t.methodCost }] : []),
    ],
  });
  return sheets;
}
