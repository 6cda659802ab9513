import { MUNICIPAL_WORDS } from "../../charts/words/municipal.ts";
import { OmvarldError } from "../../errors.ts";
import { nationCode } from "../../regions/nation.ts";
import { countyOf, findRegion } from "../../regions/registry.ts";
import type { Table } from "../../table/table.ts";
import { municipalLookup, type MunicipalData } from "../municipal-data.ts";
import { type RegionLookup, type ReportRegion, reportRegion } from "../region.ts";

/**
 * `reportRegion` for a region set beside the annex's own: the same lookup (code, name, another vintage's code) and
 * the same error with the nearest codes in the data, its message saying it is a region compared.
 */
function comparedRegion(query: string, lookup: RegionLookup): string {
  try {
    return reportRegion(query, lookup).code;
  } catch (error) {
    if (!(error instanceof OmvarldError)) throw error;
    throw new OmvarldError(
      error.code,
      error.message.replace(/^region /, "the region compared "),
      { ...(error.file ? { file: error.file } : {}) },
      error.hint,
    );
  }
}

/** The kommun tables' regions as a lookup: every kommun, each county with a kommun in the data, and the country. */
function comparedLookup(data: MunicipalData): RegionLookup {
  const kommuner = municipalLookup(data);
  const codes = new Map<string, string | null>(kommuner.codes);
  for (const code of kommuner.codes.keys()) {
    const county = countyOf(code);
    if (!codes.has(county)) codes.set(county, findRegion(county, { country: data.country })?.name ?? null);
  }
  codes.set(nationCode(data.country), MUNICIPAL_WORDS.en.country[data.country]);
  return { ...kommuner, codes };
}

/**
 * The regions compared with a kommun, as the kommun tables' codes: those asked for (kommuner, counties by their two
 * digits or name, the country as "00" or "0"), or by default the kommun's county and the country. A region the
 * tables lack is an ARGUMENT error naming it and the nearest codes the tables hold.
 *
 * @example
 * municipalCompare(data, "2021", undefined) // ["20", "00"]
 * municipalCompare(data, "2021", ["Mora"]) // ["2062"]
 */
export function municipalCompare(
  data: MunicipalData,
  region: string,
  compare: readonly string[] | undefined,
): string[] {
  if (!compare?.length) return [countyOf(region), nationCode(data.country)];
  const lookup = comparedLookup(data);
  return compare.map((query) => comparedRegion(query, lookup));
}

/**
 * The focus region and the regions compared in a population table by region: each a code of the table (or a name
 * or another vintage's code that `reportRegion` leads to one). A region the table lacks is an ARGUMENT error
 * naming it and the table's nearest codes.
 *
 * @example
 * tableRegions(eurostat, "SE312", ["SE31", "SE"]) // { region: { code: "SE312", name: "Dalarnas län", notes: [] }, compare: ["SE31", "SE"] }
 */
export function tableRegions(
  table: Table,
  region: string,
  compare: readonly string[] = [],
): { region: ReportRegion; compare: string[] } {
  const codes = new Map<string, string | null>();
  const named = table.has("region_name");
  for (let i = 0; i < table.numRows; i++) {
    const code = String(table.get("region", i));
    if (!codes.has(code) || codes.get(code) === null)
      codes.set(code, named ? ((table.get("region_name", i) as string | null) ?? null) : null);
  }
  const { source, tableId } = table.provenance;
  const id = [source, tableId].filter(Boolean).join(" ");
  const lookup: RegionLookup = { codes, what: `the population table${id ? ` (${id})` : ""}` };
  const focus = reportRegion(region, lookup);
  return { region: focus, compare: compare.map((query) => comparedRegion(query, lookup)) };
}
