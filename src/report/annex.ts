import type { Locale } from "../charts/locale.ts";
import { type AgeBand, parseAgeBand, within } from "../indicators/population/ages.ts";
import { demographicCost, type UnitCost } from "../indicators/population/cost.ts";
import { dependencyRatios, type DependencyBands } from "../indicators/population/dependency.ts";
import type { Table } from "../table/table.ts";
import { sourceLine } from "../charts/builders/common.ts";
import type { Sheet } from "./workbook.ts";
import { nutsName } from "../regions/nuts.ts";

const TEXT = {
  sv: {
    population: "Befolkning", dependency: "Försörjningskvot", cost: "Demografisk kostnad", sources: "Källor", year: "År", total: "Totalt",
    populationTitle: (r: string) => `Befolkning efter åldersgrupp, ${r}`, dependencyTitle: "Demografisk försörjningskvot: (unga + äldre) / arbetsföra × 100",
    costTitle: (r: string) => `Demografiskt betingade kostnader vid oförändrad standard, ${r}`, service: "Verksamhet", costCol: "Kostnad",
    change: "Förändring", index: "Index", taxBase: "Skattebas", taxIndex: "Index skattebas", source: "Källa", method: "Metod",
    groupsNote: (g: string) => `Åldersgrupperna är de som källan redovisar (${g}).`,
    methodCost: "Kostnad = Σ kostnad per invånare × medelfolkmängd (medel av två årsskiften), med oförändrade kostnader per invånare.",
    kind: "Typ", observed: "Utfall", projected: "Framskrivning", low: (l: number) => `Nedre (${l} %)`, high: (l: number) => `Övre (${l} %)`,
    components: "Komponenter", componentsTitle: (r: string) => `Befolkningsförändringens delar i framskrivningen, ${r}`,
    start: "Folkmängd vid årets början", entrants: "Tillskott i yngsta gruppen", netOther: "Netto övriga grupper (döda, flyttningar)", end: "Folkmängd vid årets slut",
    componentsNote: "Tillskottet i yngsta gruppen är födda plus barnens flyttnetto minus döda barn; resten är döda och flyttnetto i övriga åldrar.",
    projection: "Framskrivning", unitCosts: "Kostnad per invånare",
  },
  nb: {
    population: "Befolkning", dependency: "Forsørgerbrøk", cost: "Demografikostnader", sources: "Kilder", year: "År", total: "Totalt",
    populationTitle: (r: string) => `Befolkning etter aldersgruppe, ${r}`, dependencyTitle: "Forsørgerbrøk: (unge + eldre) / yrkesaktiv alder × 100",
    costTitle: (r: string) => `Demografikostnader ved uendret standard, ${r}`, service: "Tjeneste", costCol: "Kostnad",
    change: "Endring", index: "Indeks", taxBase: "Skattegrunnlag", taxIndex: "Indeks skattegrunnlag", source: "Kilde", method: "Metode",
    groupsNote: (g: string) => `Aldersgruppene er de kilden oppgir (${g}).`,
    methodCost: "Kostnad = Σ kostnad per innbygger × gjennomsnittlig folkemengde (snitt av to årsskifter), med uendrede enhetskostnader.",
    kind: "Type", observed: "Registrert", projected: "Framskriving", low: (l: number) => `Nedre (${l} %)`, high: (l: number) => `Øvre (${l} %)`,
    components: "Komponenter", componentsTitle: (r: string) => `Befolkningsendringens deler i framskrivingen, ${r}`,
    start: "Folkemengde ved årets start", entrants: "Tilvekst i yngste gruppe", netOther: "Netto øvrige grupper (døde, flytting)", end: "Folkemengde ved årets slutt",
    componentsNote: "Tilveksten i yngste gruppe er fødte pluss barnas nettoflytting minus døde barn; resten er døde og nettoflytting i øvrige aldre.",
    projection: "Framskriving", unitCosts: "Kostnad per innbygger",
  },
  en: {
    population: "Population", dependency: "Dependency ratio", cost: "Demographic cost", sources: "Sources", year: "Year", total: "Total",
    populationTitle: (r: string) => `Population by age group, ${r}`, dependencyTitle: "Dependency ratio: (young + old) / working age × 100",
    costTitle: (r: string) => `Demographic cost pressure at constant standards, ${r}`, service: "Service", costCol: "Cost",
    change: "Change", index: "Index", taxBase: "Tax base", taxIndex: "Tax base index", source: "Source", method: "Method",
    groupsNote: (g: string) => `The age groups are those the source gives (${g}).`,
    methodCost: "Cost = Σ cost per inhabitant × mean population (mean of two year-ends), with constant unit costs.",
    kind: "Kind", observed: "Observed", projected: "Projection", low: (l: number) => `Low (${l} %)`, high: (l: number) => `High (${l} %)`,
    components: "Components", componentsTitle: (r: string) => `Components of change in the projection, ${r}`,
    start: "Population at the start of the year", entrants: "Entrants to the youngest group", netOther: "Net change of the other groups (deaths, migration)", end: "Population at the end of the year",
    componentsNote: "Entrants to the youngest group are births plus the children's net migration minus child deaths; the rest is deaths and net migration at other ages.",
    projection: "Projection", unitCosts: "Cost per inhabitant",
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
  /**
   * The projection of the focus region: `population` then holds projected years too, marked by a `kind` column
   * ("observed", "projected"). Adds the interval to the population sheet, a components sheet and the method.
   */
  projection?: { total: Table; components: Table; level?: number; method: string };
  /** Where the unit costs come from, for the sources sheet. */
  costSource?: string;
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
  const name = (code: string) => options.names?.[code] ?? nutsName(code) ?? code;
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
  // observed or projected, by year (a table without `kind` is observed throughout)
  const kinds = new Map<number, string>();
  if (own.has("kind")) for (const r of own.select("year", "kind").toRows()) kinds.set(r.year as number, String(r.kind));
  const kindOf = (year: number) => (kinds.get(year) === "projected" ? t.projected : t.observed);
  const projected = options.projection;
  const level = Math.round(100 * (projected?.level ?? 0.8));
  const bounds = new Map((projected?.total.filter({ region: options.region }).toRows() ?? []).map((r) => [r.year as number, r]));
  const popRows = years.map((year) => {
    const row: Record<string, string | number | null> = { year, ...(projected ? { kind: kindOf(year) } : {}) };
    let total: number | null = 0;
    for (const g of groups) {
      const v = sums.has(`${year}|${g.key}`) ? sums.get(`${year}|${g.key}`)! : null;
      row[g.key] = v;
      total = total === null || v === null ? null : total + v;
    }
    row.total = total;
    if (projected) Object.assign(row, { low: (bounds.get(year)?.low as number | null | undefined) ?? null, high: (bounds.get(year)?.high as number | null | undefined) ?? null });
    return row;
  }).filter((row) => groups.some((g) => row[g.key] !== null)); // years the source has no figures for are left out
  const regions = [options.region, ...(options.compare ?? [])];
  const ratios = dependencyRatios(population.filter({ region: regions }), { bands: options.bands });
  const ratioYears = (ratios.distinct("year") as number[]).sort((a, b) => a - b);
  const ratioRows = ratioYears
    .map((year) => Object.fromEntries([["year", year], ...(projected ? [["kind", kindOf(year)]] : []), ...regions.map((r) => [r, (ratios.filter({ region: r, year }).toRows()[0]?.ratio as number | null | undefined) ?? null])]))
    .filter((row) => regions.some((r) => row[r] !== null));
  const yearColumns = [{ key: "year", header: t.year, format: "0", width: 8 }, ...(projected ? [{ key: "kind", header: t.kind, width: 14 }] : [])];
  const sheets: Sheet[] = [
    {
      name: t.population, title: t.populationTitle(name(options.region)),
      columns: [
        ...yearColumns, ...groups.map((g) => ({ key: g.key, header: label(g.band), format: "#,##0", width: 12 })), { key: "total", header: t.total, format: "#,##0", width: 12 },
        ...(projected ? [{ key: "low", header: t.low(level), format: "#,##0", width: 13 }, { key: "high", header: t.high(level), format: "#,##0", width: 13 }] : []),
      ],
      rows: popRows, notes: [...(fits ? [] : [t.groupsNote(groups.map((g) => label(g.band)).join(", "))]), ...(projected ? [`${t.projection}: ${projected.method}`] : [])],
    },
  ];
  if (projected) {
    sheets.push({
      name: t.components, title: t.componentsTitle(name(options.region)),
      columns: [
        { key: "year", header: t.year, format: "0", width: 8 }, { key: "start_population", header: t.start, format: "#,##0", width: 16 },
        { key: "entrants", header: t.entrants, format: "#,##0", width: 16 }, { key: "net_other", header: t.netOther, format: "#,##0", width: 20 },
        { key: "end_population", header: t.end, format: "#,##0", width: 16 },
      ],
      rows: projected.components.filter({ region: options.region }).select("year", "start_population", "entrants", "net_other", "end_population").toRows(),
      notes: [t.componentsNote],
    });
  }
  sheets.push({
    name: t.dependency, title: t.dependencyTitle,
    columns: [...yearColumns, ...regions.map((r) => ({ key: r, header: name(r), format: "0.0", width: 16 }))],
    rows: ratioRows,
  });
  if (options.costs?.length) {
    const working = options.bands.working;
    // with a projection, the index starts at the last observed year: what the coming years add
    const lastObserved = projected ? Math.max(...years.filter((y) => kinds.get(y) !== "projected")) : undefined;
    const cost = demographicCost(own, options.costs, { taxBase: working, ...(lastObserved === undefined ? {} : { base: lastObserved }) });
    sheets.push({
      name: t.cost, title: t.costTitle(name(options.region)),
      columns: [
        ...yearColumns, { key: "service", header: t.service, width: 18 }, { key: "cost", header: t.costCol, format: "#,##0", width: 14 },
        { key: "change", header: t.change, format: "#,##0", width: 12 }, { key: "index", header: t.index, format: "0.0", width: 10 },
        { key: "tax_base", header: `${t.taxBase} ${working.from}–${working.to}`, format: "#,##0", width: 16 }, { key: "tax_base_index", header: t.taxIndex, format: "0.0", width: 14 },
      ],
      rows: cost.filter({ cost: (v) => v !== null }).toRows()
        .map((r) => ({ ...r, service: r.service === "all" ? t.total : (r.service as string), ...(projected ? { kind: kindOf(r.year as number) } : {}) })),
      notes: [t.methodCost],
    });
  }
  sheets.push({
    name: t.sources, title: t.sources,
    columns: [{ key: "what", header: t.source, width: 60 }, { key: "detail", header: "", width: 60 }],
    rows: [
      { what: sourceLine(population.provenance, options.locale ?? "sv") ?? String(population.provenance.source ?? ""), detail: population.provenance.file?.split("/").pop() ?? "" },
      { what: t.dependency, detail: `${options.bands.young.from}–${options.bands.young.to}, ${options.bands.working.from}–${options.bands.working.to}, ${options.bands.old.from}+` },
      ...(projected ? [{ what: t.projection, detail: projected.method }] : []),
      ...(options.costs?.length ? [{ what: t.method, detail: t.methodCost }] : []),
      ...(options.costs?.length && options.costSource ? [{ what: t.unitCosts, detail: options.costSource }] : []),
    ],
  });
  return sheets;
}
