/** The industry groups of the attractiveness model (docs/methods.md §3.3). */
export type IndustryGroup = "basic" | "visitor" | "regional" | "local" | "public";

/**
 * The working mapping of NACE Rev. 2 / SN2007 / SNI2007 divisions (2 digits) to groups, from docs/methods.md §3.3:
 * basic = natural resources, manufacturing and technology services; visitor = retail, accommodation, food,
 * travel, culture and personal services; local = education, health and care (merged with the public sector);
 * public = public administration; regional = the rest of the private sector. A working assumption to confirm
 * against a Telemarksforsking appendix: pass your own mapping where you have one.
 */
export const DEFAULT_GROUPS: Readonly<Record<IndustryGroup, readonly string[]>> = {
  basic: ["01", "02", "03", "05", "06", "07", "08", "09", ...range(10, 33), "62", "63", "71", "72"],
  visitor: ["47", "55", "56", "79", "90", "91", "92", "93", "96"],
  local: ["85", "86", "87", "88"],
  public: ["84"],
  regional: [
    "35",
    "36",
    "37",
    "38",
    "39",
    "41",
    "42",
    "43",
    "45",
    "46",
    "49",
    "50",
    "51",
    "52",
    "53",
    "58",
    "59",
    "60",
    "61",
    "64",
    "65",
    "66",
    "68",
    "69",
    "70",
    "73",
    "74",
    "75",
    "77",
    "78",
    "80",
    "81",
    "82",
    "94",
    "95",
    "97",
    "98",
    "99",
  ],
};

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, k) => String(from + k).padStart(2, "0"));
}

/**
 * Telemarksforsking's names of the industry types (næringstyper) in Norwegian, Swedish and English, lower case: a
 * table of jobs by type rather than by NACE division ("Basis", "Besøk", "Regionale", "Lokale") is read with them.
 */
const TYPE_NAMES: Readonly<Record<string, IndustryGroup>> = {
  basic: "basic",
  basis: "basic",
  bas: "basic",
  basnäringar: "basic",
  basisnæringer: "basic",
  visitor: "visitor",
  besøk: "visitor",
  besök: "visitor",
  besøksnæringer: "visitor",
  besöksnäringar: "visitor",
  regional: "regional",
  regionale: "regional",
  "regionale næringer": "regional",
  regionala: "regional",
  "regionala näringar": "regional",
  local: "local",
  lokal: "local",
  lokale: "local",
  "lokale næringer": "local",
  lokala: "local",
  "lokala näringar": "local",
  public: "public",
  offentlig: "public",
  "offentlig sektor": "public",
};

/**
 * The group of an industry code ("55", "55.1", "I55", "55 Overnatting"): its first two digits; a group's own name
 * ("visitor", or Telemarksforsking's "Besøk", "Basis", "Regionale", "Lokale"); null if unknown (a total such as
 * "00-99" or a letter section).
 *
 * @example
 * industryGroup("55.1"); // "visitor"
 * industryGroup("Basis"); // "basic"
 */
export function industryGroup(
  code: string,
  groups: Readonly<Record<string, readonly string[]>> = DEFAULT_GROUPS,
): string | null {
  const name = code.trim().toLowerCase();
  if (Object.hasOwn(groups, name)) return name;
  const type = TYPE_NAMES[name];
  if (type && Object.hasOwn(groups, type)) return type;
  const division = /(\d{2})/.exec(code)?.[1];
  if (!division) return null;
  for (const [group, divisions] of Object.entries(groups)) if (divisions.includes(division)) return group;
  return null;
}
