import { followCodes } from "../regions/code-changes.ts";
import { type Country, findRegion } from "../regions/registry.ts";
import { codeVintage } from "../regions/vintage.ts";
import type { NamedRegion } from "./region.ts";

/** The units of a table on older (or newer) codes that make up one kommun. */
export interface PanelUnits {
  /** The table's codes whose whole area lies in the kommun (one for a kommun only renumbered). */
  codes: string[];
  /** Codes only part of whose area lies in the kommun (divided between several): left out, and named. */
  partial: NamedRegion[];
  /** The year whose codes the table holds. */
  vintage: number;
}

const vintages = new WeakMap<ReadonlySet<string>, Map<Country, number>>();

/**
 * The units of a table (Telemarksforsking's panel on the codes of 2017, commuting flows) that make up the kommun
 * `code`: the code itself where the table has it, else the codes it had, or was formed from, in the table's year,
 * through the registry's changes (Trysil 3421 → 0428; Moss 3002 → Moss 0104 and Rygge 0136). A unit divided between
 * several kommuner (Tysfjord 1850, split between Narvik and Hamarøy in 2020) is not part of either: it is named in
 * `partial` and left out, never counted whole.
 *
 * @example
 * panelUnits(new Set(panel.distinct("region")), "3002", "NO") // { codes: ["0104", "0136"], partial: [], vintage: 2017 }
 */
export function panelUnits(codes: ReadonlySet<string>, code: string, country: Country): PanelUnits {
  let byCountry = vintages.get(codes);
  if (!byCountry) vintages.set(codes, (byCountry = new Map()));
  let vintage = byCountry.get(country);
  if (vintage === undefined) byCountry.set(country, (vintage = codeVintage(codes, country)));
  if (codes.has(code)) return { codes: [code], partial: [], vintage };
  const own = findRegion(code, { country });
  if (!own) return { codes: [], partial: [], vintage };
  // the year the code is valid nearest to the table's
  const year =
    own.from !== undefined && own.from > vintage
      ? own.from
      : own.to !== undefined && own.to < vintage
        ? own.to
        : vintage;
  const found = followCodes([code], country, year, vintage).codes.filter((c) => codes.has(c));
  const whole: string[] = [];
  const partial: NamedRegion[] = [];
  for (const c of found) {
    const parts = followCodes([c], country, vintage, year).codes;
    if (parts.length === 1 && parts[0] === code) whole.push(c);
    else partial.push({ code: c, name: findRegion(c, { country, year: vintage })?.name ?? c });
  }
  return { codes: whole, partial, vintage };
}
