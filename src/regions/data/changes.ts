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
 * 1917 till 0331"; SCB's series themselves (the first years of Knivsta, Nykvarn, Gnesta and Trosa); Swedish
 * Wikipedia's kommun pages, whose "Kommunkod" entries list SCB's former codes (Kristianstads kommun: 1290, 1180;
 * Borås kommun: 1490, 1583, and "Utbrutet: Bollebygds kommun (1995)"); prop. 1995/96:38 (Skåne län from
 * 1 January 1997).
 *
 * The county mergers renumbered many more kommuner than are listed here: Skåne län 1997 (Kristianstads län 11 and
 * Malmöhus län 12 → 12; Kristianstads län's 13 kommuner got 12xx codes) and Västra Götalands län 1998 (Göteborgs och
 * Bohus län 14, Älvsborgs län 15 and Skaraborgs län 16 → 14; the 15xx and 16xx kommuner got 14xx codes, Habo and
 * Mullsjö moved to Jönköpings län). Only the codes verified against a source are listed; a recast onto 1999 or later
 * names every code it could not bring to that year's codes in a warning, so an unlisted former code is never passed
 * off as a current one. Codes of Malmöhus län's kommuner did not change (the county code 12 stayed: Malmö is 1280
 * before and after 1997; Swedish Wikipedia, "Kommunkod"). SCB's complete record of the renumbering is its kommun code
 * key (knkodnyckel.xls under scb.se/contentassets/6a74a52b28994e2bbe23dcdd6754987c/, one column pair per period:
 * 1995-1996, 1997, 1998, 1999-2002, ...); the remaining pairs are to be taken from it.
 *
 * Bollebygd split from Borås (then 1583) on 1 January 1995 and was numbered 1443 from 1998; its code of 1995-1997
 * in Älvsborgs län is not verified, so the split is given with Bollebygd under 1443. Data coded 1583 of any year
 * are thus recast correctly (before 1995 it needs weights for Borås and Bollebygd; 1995-1997 it is Borås alone).
 */
export const SE_CHANGES: readonly CodeChange[] = [
  { country: "SE", year: 1992, from: ["0480"], to: ["0480", "0461", "0488"], note: "Gnesta and Trosa split from Nyköping" },
  { country: "SE", year: 1995, from: ["1583"], to: ["1583", "1443"], note: "Bollebygd split from Borås (Bollebygd under its code from 1998)" },
  { country: "SE", year: 1995, from: ["1880"], to: ["1880", "1814"], note: "Lekeberg split from Örebro" },
  { country: "SE", year: 1997, from: ["1180"], to: ["1290"], note: "Kristianstad, Kristianstads län → Skåne län" },
  { country: "SE", year: 1998, from: ["1583"], to: ["1490"], note: "Borås, Älvsborgs län → Västra Götalands län" },
  { country: "SE", year: 1999, from: ["0181"], to: ["0181", "0140"], note: "Nykvarn split from Södertälje" },
  { country: "SE", year: 2003, from: ["0380"], to: ["0380", "0330"], note: "Knivsta split from Uppsala" },
  { country: "SE", year: 2007, from: ["1917"], to: ["0331"], note: "Heby moved from Västmanlands to Uppsala län" },
];

/** Former Swedish kommun codes: [code, name, from, to] (0: not known), from the changes above. */
export const SE_FORMER_KOMMUNER: readonly (readonly [string, string, number, number])[] = [
  ["1180", "Kristianstad", 0, 1996],
  ["1583", "Borås", 0, 1997],
  ["1917", "Heby", 0, 2006],
];
