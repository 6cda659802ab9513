import { type Country, findRegion } from "./registry.ts";

/**
 * The year whose municipality codes a list of codes follows: the year (1 January, 2002 onwards, where the registry is
 * complete for both countries) in which most of them are valid, the latest of equals. Telemarksforsking's panel of
 * 2003-2016 holds the codes of 2017 (Sandefjord 0710, formed that year).
 *
 * @example
 * codeVintage(["0428", "0432", "0710"], "NO") // 2017
 */
export function codeVintage(codes: Iterable<string>, country: Country, last = new Date().getFullYear()): number {
  const list = [...new Set(codes)];
  let best = last;
  let most = -1;
  for (let year = 2002; year <= last; year++) {
    const valid = list.filter((c) => findRegion(c, { country, year })?.level === "municipality").length;
    if (valid >= most) {
      most = valid;
      best = year;
    }
  }
  return best;
}
