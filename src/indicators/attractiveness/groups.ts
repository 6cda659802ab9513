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

/** The group of an industry code ("55", "55.1", "I55", "55 Overnatting"): its first two digits; null if unknown. */
export function industryGroup(
  code: string,
  groups: Readonly<Record<string, readonly string[]>> = DEFAULT_GROUPS,
): string | null {
  const division = /(\d{2})/.exec(code)?.[1];
  if (!division) return null;
  for (const [group, divisions] of Object.entries(groups)) if (divisions.includes(division)) return group;
  return null;
}
