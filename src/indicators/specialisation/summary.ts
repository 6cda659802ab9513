import { countMissing, type Maybe } from "../util/missing.ts";
import {
  equivalentNumber,
  herfindahl,
  herfindahlNormalised,
  hoover,
  krugman,
  relativeDiversity,
  relativeGini,
} from "./indices.ts";

export interface SpecialisationSummary {
  krugman: number | null;
  hoover: number | null;
  gini: number | null;
  herfindahl: number | null;
  herfindahlNormalised: number | null;
  equivalentNumber: number | null;
  diversity: number | null;
  /** Missing values in the region's or the nation's structure; any makes every index null (shares of a whole). */
  missing: number;
  note: string | null;
}

/**
 * The specialisation indices of one region from plain arrays (employment by industry of the region and of the
 * nation), as `specialisation()` computes them for a table. A missing value makes them null: leaving an industry
 * out would change every other share.
 *
 * @example
 * specialisationOf([50, 50], [25, 75]) // { krugman: 0.5, hoover: 0.25, ... }
 */
export function specialisationOf(region: readonly Maybe[], nation: readonly Maybe[]): SpecialisationSummary {
  const missing = countMissing(region) + countMissing(nation);
  return {
    krugman: krugman(region, nation),
    hoover: hoover(region, nation),
    gini: relativeGini(region, nation),
    herfindahl: herfindahl(region),
    herfindahlNormalised: herfindahlNormalised(region),
    equivalentNumber: equivalentNumber(region),
    diversity: relativeDiversity(region, nation),
    missing,
    note:
      missing === 0
        ? null
        : `${missing} missing value${missing === 1 ? "" : "s"}: the shares, and so the indices, are undefined`,
  };
}
