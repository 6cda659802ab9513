import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { denseCodes } from "../util/codes.ts";
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
    if (!table.has(c))
      throw new OmvarldError(
        "ARGUMENT",
        `shift-share needs a "${c}" column`,
        { file: table.provenance.file },
        `the table has ${table.columnNames.join(", ")}`,
      );
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
    const target =
      region === options.national ? nation : (regions.get(region) ?? regions.set(region, new Map()).get(region)!);
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

/**
 * The same panel as dense arrays for the years asked for: e[(r·Y + y)·I + i] for region r, year slot y (the index
 * of the year in `years`) and industry i, 0 where a region has no row for an industry and NaN where the cell is
 * suppressed; the nation's n[y·I + i] (given, or summed over the regions row by row, NaN once a summand is).
 * Regions and industries are in order of first appearance, as in `industryPanel`; a year's slice of a region,
 * `e.subarray((r·Y + y)·I, (r·Y + y + 1)·I)`, is a view, not a copy.
 */
export interface IndustryCube {
  regions: string[];
  industries: string[];
  years: number[];
  e: Float64Array;
  nation: Float64Array;
}

/** Reads a region × industry × year table into an `IndustryCube` for `years`, in one pass over whole columns. */
export function industryCube(table: Table, options: PanelOptions, years: readonly number[]): IndustryCube {
  const value = measureOf(table, options.value);
  for (const c of ["region", "industry", "year"]) {
    if (!table.has(c))
      throw new OmvarldError(
        "ARGUMENT",
        `shift-share needs a "${c}" column`,
        { file: table.provenance.file },
        `the table has ${table.columnNames.join(", ")}`,
      );
  }
  const region = denseCodes(table, "region");
  const industry = denseCodes(table, "industry", "null");
  const national = options.national === undefined ? -1 : region.labels.indexOf(options.national);
  // a region's slot: its code, less one after the nation's
  const regions = region.labels.filter((_, k) => k !== national) as string[];
  const I = industry.labels.length;
  const Y = years.length;
  const low = Math.min(...years);
  const slotOfYear = new Int32Array(Y === 0 ? 0 : Math.max(...years) - low + 1).fill(-1);
  years.forEach((y, k) => (slotOfYear[y - low] = k));
  const e = new Float64Array(regions.length * Y * I);
  const nation = new Float64Array(Y * I);
  const rc = region.codes;
  const ic = industry.codes;
  const yv = table.numbers("year").values;
  const vv = table.numbers(value).values;
  const summed = options.national === undefined;
  for (let k = 0; k < rc.length; k++) {
    const d = yv[k]! - low;
    if (!(d >= 0 && d < slotOfYear.length) || d !== Math.floor(d)) continue;
    const y = slotOfYear[d]!;
    if (y < 0) continue;
    const r = rc[k]!;
    const v = vv[k]!;
    if (r === national) {
      nation[y * I + ic[k]!] = v;
      continue;
    }
    e[((r > national && national >= 0 ? r - 1 : r) * Y + y) * I + ic[k]!] = v;
    if (summed) {
      const j = y * I + ic[k]!;
      nation[j] = nation[j]! + v;
    }
  }
  return { regions, industries: industry.labels as string[], years: [...years], e, nation };
}
