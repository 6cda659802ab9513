import type { Locale } from "../charts/locale.ts";
import { type AgeBand, parseAgeBand, within } from "../indicators/population/ages.ts";
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
  /** Service age groups for the population sheet, used where the data's ages fit into them. */
  groups?: readonly string[];
}

/** The age groups of municipal services (SKR's presentation, METHODS §8.2). */
export const SERVICE_GROUPS: readonly string[] = ["0-5", "6-15", "16-19", "20-64", "65-79", "80+"];

/**
 * The sheets of a budget annex from population by region, year and age (METHODS §8.2-8.3): population by the
 * age groups the data give, with the total; the dependency ratio for the region and its comparisons; the
 * demographic cost pressure when unit costs are given; and the sources.
 */
export function buildAnnex(population: Table, options: AnnexOptions): Sheet[] {
  const t = TEXT[options.locale ?? "sv"];
  const name = (code: string) => options.names?.[code] ?? code;
  const own = population.filter({ region: options.region });
  const ages = (own.distinct("age") as string[]).filter((a) => parseAgeBand(a) !== null);
  // the service groups where every age of the data falls inside one of them, else the data's own groups
  const service = (options.groups ?? SERVICE_GROUPS).map((g) => ({ key: g, band: parseAgeBand(g)! }));
  const fits = ages.every((a) => service.some((s) => within(parseAgeBand(a)!, s.band)));
  const groups = fits ? service : ages.map((a) => ({ key: a, band: parseAgeBand(a)! })).sort((a, b) => a.band.from - b.band.from);
  const label = (band: AgeBand) => (band.to === Infinity ? `${band.from}+` : band.from === band.to ? String(band.from) : `${band.from}–${band.to}`);
  const years = (own.distinct("year") as number[]).sort((a, b) => a - b);
  const sums = new Map<string, number | null>();
  for (const r of own.toRows()) {
    const band = parseAgeBand(String(r.age));
    const group = band && groups.find((g) => within(band, g.band));
    if (!group) continue;
    const key = `${r.year}|${group.key}`;
    const v = r.value as number | null;
    sums.set(key, sums.has(key) && sums.get(key) === null ? null : v === null ? null : (sums.get(key) ?? 0) + v);
  }
  const popRows = years.map((year) => {
    const row: Record<string, number | null> = { year };
    let total: number | null = 0;
    for (const g of groups) {
      const v = sums.has(`${year}|${g.key}`) ? sums.get(`${year}|${g.key}`)! : null;
      row[g.key] = v;
      total = total === null || v === null ? null : total + v;
    }
    row.total = total;
    return row;
  }).filter((row) => groups.some((g) => row[g.key] !== null)); // years the source has no figures for are left out
  const regions = [options.region, ...(options.compare ?? [])];
  const ratios = dependencyRatios(population.filter({ region: regions }), { bands: options.bands });
  const ratioYears = (ratios.distinct("year") as number[]).sort((a, b) => a - b);
  const ratioRows = ratioYears
    .map((year) => Object.fromEntries([["year", year], ...regions.map((r) => [r, (ratios.filter({ region: r, year }).toRows()[0]?.ratio as number | null | undefined) ?? null])]))
    .filter((row) => regions.some((r) => row[r] !== null));
  const sheets: Sheet[] = [
    {
      name: t.population, title: t.populationTitle(name(options.region)),
      columns: [{ key: "year", header: t.year, format: "0", width: 8 }, ...groups.map((g) => ({ key: g.key, header: label(g.band), format: "#,##0", width: 12 })), { key: "total", header: t.total, format: "#,##0", width: 12 }],
      rows: popRows, notes: fits ? [] : [t.groupsNote(groups.map((g) => label(g.band)).join(", "))],
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
