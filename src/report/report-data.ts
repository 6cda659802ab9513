import { commutingFromFlows, commutingFromStocks } from "../indicators/commuting/indicators.ts";
import { asAttractivenessPanel } from "../io/attractiveness.ts";
import { asCommutingFlows, asCommutingStocks } from "../io/commuting.ts";
import type { Datasets } from "../io/datasets.ts";
import type { Table } from "../table/table.ts";
import type { MunicipalData } from "./municipal.ts";
import type { ReportData } from "./sections.ts";

/**
 * The report's data from the datasets found among a user's tables (see `assembleDatasets`): Telemarksforsking's panel
 * at the region's level, commuting indicators and flows, GDP, population by age group, and the kommun tables
 * (population by single age, births, deaths) with their country. What no section uses is listed with the reason.
 *
 * @example
 * const { data } = reportData(assembleDatasets(tables), "2021");
 * buildSections(data, { region: "2021" });
 */
export function reportData(found: Datasets, region: string): { data: ReportData; unused: string[] } {
  const data: ReportData = {};
  const unused = found.unused.map((u) => `${u.file}: ${u.why}`);
  if (found.panel) {
    // the level is the region's, never found by its code: Telemarksforsking's own region numbers (3001-3085) are
    // 2020 kommune codes too (3002 is Moss and the region Indre Østfold). A two-digit code is a fylke.
    const panel = asAttractivenessPanel(found.panel);
    const fylke = /^\d{2}$/.test(region);
    data.panel = panel.filter({ level: fylke ? "fylke" : "kommune" });
    // a fylke's report maps its kommuner
    if (fylke) data.panelKommuner = panel.filter({ level: "kommune" });
  }
  if (found.commutingStocks) data.commuting = commutingFromStocks(asCommutingStocks(found.commutingStocks));
  else if (found.commuting) data.commuting = commutingFromFlows(asCommutingFlows(found.commuting));
  if (found.commuting) data.flows = found.commuting;
  if (found.gdp) data.gdp = found.gdp;
  if (found.employment) data.employment = found.employment;
  if (found.groupPopulation)
    data.population = found.groupPopulation.has("unit")
      ? found.groupPopulation.filter({ unit: "NR" })
      : found.groupPopulation;
  const municipal = municipalData(found);
  if (municipal) data.municipal = municipal;
  if (found.change)
    unused.push(
      `${found.change.provenance.file}: components of change are computed from population, births and deaths`,
    );
  return { data, unused };
}

/** Of several deaths tables, the one with the finest age detail (single ages, then age groups, then by sex only). */
function preferredDeaths(deaths: readonly { table: Table }[]): Table[] {
  const detail = (t: Table) => (!t.has("age") ? 0 : (t.distinct("age") as string[]).length > 20 ? 2 : 1);
  const best = Math.max(...deaths.map((d) => detail(d.table)));
  return deaths.filter((d) => detail(d.table) === best).map((d) => d.table);
}

const municipal = new WeakMap<Datasets, MunicipalData | undefined>();

/**
 * The kommun tables among the datasets, with their country: SCB's are Swedish, SSB's (with pseudo-regions) Norwegian.
 * The same datasets give the same object, so that what is derived from it (the projection's arrays, the country's
 * totals) is computed once however many kommuner are asked for.
 */
export function municipalData(found: Datasets): MunicipalData | undefined {
  if (!municipal.has(found)) municipal.set(found, municipalDataOf(found));
  return municipal.get(found);
}

function municipalDataOf(found: Datasets): MunicipalData | undefined {
  if (!found.population?.reference) return undefined;
  const source = found.population.table.provenance.source;
  return {
    country: source === "SCB" ? "SE" : source === "SSB" || found.population.table.has("region_kind") ? "NO" : "SE",
    population: found.population.table,
    reference: found.population.reference,
    ...(found.births.length ? { births: found.births.map((b) => b.table) } : {}),
    ...(found.deaths.length ? { deaths: preferredDeaths(found.deaths) } : {}),
  };
}
