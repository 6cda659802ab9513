/**
 * Code changes that matter for time series. `from` codes become `to` codes on 1 January of `year`:
 * one → one is a new code, many → one a merger, one → many a split (which needs weights to recast). Where several
 * codes go to several codes in one change, `links` says which old code went to which new one (old, new).
 *
 * Norway: every change of SSB's KLASS change table (generated into no-klass.ts, grouped in registry.ts).
 * Sweden: the changes below, from SCB (sources at each entry).
 */
export interface CodeChange {
  country: "SE" | "NO";
  year: number;
  from: readonly string[];
  to: readonly string[];
  note?: string;
  /** Which old code went to which new one, where both `from` and `to` hold several codes. */
  links?: readonly (readonly [string, string])[];
}

/**
 * Swedish kommun code changes since 1992. Sources: SCB's notes to TAB638 (BE0101N1), "Hebys kommunkod ändras från
 * 1917 till 0331"; FORMATS.md §7.1 (first years of Knivsta, Nykvarn, Gnesta and Trosa in SCB's series).
 */
export const SE_CHANGES: readonly CodeChange[] = [
  { country: "SE", year: 1992, from: ["0480"], to: ["0480", "0461", "0488"], note: "Gnesta and Trosa split from Nyköping" },
  { country: "SE", year: 1999, from: ["0181"], to: ["0181", "0140"], note: "Nykvarn split from Södertälje" },
  { country: "SE", year: 2003, from: ["0380"], to: ["0380", "0330"], note: "Knivsta split from Uppsala" },
  { country: "SE", year: 2007, from: ["1917"], to: ["0331"], note: "Heby moved from Västmanlands to Uppsala län" },
];

/** Former Swedish kommun codes: [code, name, from, to] (0: not known), from the changes above. */
export const SE_FORMER_KOMMUNER: readonly (readonly [string, string, number, number])[] = [
  ["1917", "Heby", 0, 2006],
];
