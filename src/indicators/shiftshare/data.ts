import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { measureOf } from "../util/panel.ts";

/** Employment e[region][industry][year], and the nation's e[industry][year] (given, or summed over the regions). */
export interface IndustryPanel {
  regions: Map<string, Map<string, Map<number, number | null>>>;
  nation: Map<string, Map<number, number | null>>;
  industries: string[];
}

export interface PanelOptions {
  /** The employment measure (default: the table's only measure). */
  value?: string;
  /** Region code of the nation in the table; default: the nation is the sum of the regions. */
  national?: string;
}

/** Reads a region × industry × year table into nested maps (docs/methods.md §7 notation e_ri, e_Ni). */
export function industryPanel(table: Table, options: PanelOptions = {}): IndustryPanel {
  const value = measureOf(table, options.value);
  for (const c of ["region", "industry", "year"]) {
    if (!table.has(c)) throw new OmvarldError("ARGUMENT", `shift-share needs a "${c}" column`, { file: table.provenance.file }, `the table has ${table.columnNames.join(", ")}`);
  }
  const regions = new Map<string, Map<string, Map<number, number | null>>>();
  const nation = new Map<string, Map<number, number | null>>();
  const industries = new Set<string>();
  const values = table.numbers(value);
  for (let i = 0; i < table.numRows; i++) {
    const region = table.get("region", i) as string;
    const industry = String(table.get("industry", i));
    const year = table.get("year", i) as number;
    const v = values.get(i);
    industries.add(industry);
    const target = region === options.national ? nation : (regions.get(region) ?? regions.set(region, new Map()).get(region)!);
    const series = target.get(industry) ?? target.set(industry, new Map()).get(industry)!;
    series.set(year, v);
    if (options.national === undefined) {
      const n = nation.get(industry) ?? nation.set(industry, new Map()).get(industry)!;
      const prev = n.has(year) ? n.get(year)! : 0;
      n.set(year, prev === null || v === null ? null : prev + v);
    }
  }
  return { regions, nation, industries: [...industries] };
}

/** e at a year, 0 where the region has no row for the industry (an absent industry), null where suppressed. */
export function at(series: Map<number, number | null> | undefined, year: number): number | null {
  if (!series || !series.has(year)) return 0;
  return series.get(year)!;
}
