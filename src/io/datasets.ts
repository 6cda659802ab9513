import type { Table } from "../table/table.ts";
import { parseAgeBand } from "./ages.ts";
import { combineRecognised, type DatasetKind, kindOf, type Recognised, recognise } from "./recognise.ts";

/**
 * The datasets found among a user's tables, each kind combined across files: what the report and the annex draw on.
 * Population by single age and sex (the agencies' kommun tables) is `population`; population by broad age groups
 * (Eurostat's NUTS tables) stays as read in `groupPopulation`.
 */
export interface Datasets {
  population?: Recognised;
  groupPopulation?: Table;
  births: Recognised[];
  deaths: Recognised[];
  change?: Table;
  commuting?: Table;
  commutingStocks?: Table;
  panel?: Table;
  gdp?: Table;
  /** Employment by region, industry and year. */
  employment?: Table;
  /** Tables no pipeline uses, with the reason. */
  unused: { file: string; why: string }[];
}

/** True when a table's ages are single years ("0", "0 years", "1 år" … at least 50 of them), not broad groups. */
function bySingleAge(table: Table): boolean {
  if (!table.has("age")) return false;
  const single = (table.distinct("age") as (string | null)[]).filter((a) => {
    const band = a === null ? null : parseAgeBand(a);
    return band !== null && band.from === band.to;
  });
  return single.length >= 50;
}

/**
 * Recognises each table (see `recognise`) and combines the tables of one kind and layout (SCB's population two
 * years a file, SSB's deaths in half-year files) into one. Of several population tables the one by single age with
 * the most years is used; the others are listed as unused.
 *
 * @example
 * const found = assembleDatasets(files.map((f) => read(f)));
 * found.population?.table.distinct("year"); // [2010, …, 2019]
 */
export function assembleDatasets(tables: readonly Table[]): Datasets {
  const groups = new Map<string, Recognised[]>();
  const file = (t: Table) => t.provenance.file ?? "(table)";
  const out: Datasets = { births: [], deaths: [], unused: [] };
  for (const table of tables) {
    // population by broad age groups (Eurostat's NUTS tables) is used as read, by the group projection
    if (kindOf(table) === "population" && table.has("age") && !bySingleAge(table)) {
      if (out.groupPopulation)
        out.unused.push({ file: file(table), why: "another population table by age group is used" });
      else out.groupPopulation = table;
      continue;
    }
    const r = recognise(table);
    // one group per kind, table id and columns: files of one table are stacked, different tables kept apart
    const key = `${r.kind}|${r.table.provenance.tableId ?? ""}|${[...r.table.columnNames].sort().join(",")}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const combined = [...groups.values()].map((g) => combineRecognised(g));
  const single = (kind: DatasetKind) => combined.filter((r) => r.kind === kind);
  const populations = single("population")
    .filter((r) => r.table.has("sex") && bySingleAge(r.table))
    .sort((a, b) => b.table.distinct("year").length - a.table.distinct("year").length);
  if (populations[0]) out.population = populations[0];
  for (const r of single("population")) {
    if (r !== out.population)
      out.unused.push({
        file: file(r.table),
        why: r.table.has("age") ? "another population table by age is used" : "population without age and sex",
      });
  }
  out.births = single("births");
  out.deaths = single("deaths");
  for (const r of combined) {
    if (r.kind === "population-change") out.change ??= r.table;
    else if (r.kind === "commuting") out.commuting ??= r.table;
    else if (r.kind === "commuting-stocks") out.commutingStocks ??= r.table;
    else if (r.kind === "attractiveness-panel") out.panel ??= r.table;
    else if (r.kind === "gdp") out.gdp ??= r.table;
    else if (r.kind === "employment" && r.table.has("industry")) out.employment ??= r.table;
    else if (r.kind === "employment" || r.kind === "other")
      out.unused.push({
        file: file(r.table),
        why:
          r.kind === "employment"
            ? "employment without industries: no section uses it yet"
            : "not a dataset the report uses",
      });
  }
  return out;
}
