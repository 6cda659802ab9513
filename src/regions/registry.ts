import { type CodeChange, MANUAL_CHANGES } from "./data/changes.ts";
import { NO_FYLKER_2020, NO_FYLKER_2024, SE_LAN } from "./data/counties.ts";
import { NO_KOMMUNER_2020, NO_REGIONS_2019 } from "./data/no-kommuner.ts";
import { SE_KOMMUNER } from "./data/se-kommuner.ts";

export type Country = "SE" | "NO";
export type Level = "country" | "county" | "municipality";

export interface Region {
  code: string;
  name: string;
  country: Country;
  level: Level;
  /** First year (1 January) the code is valid, where known. */
  from?: number;
  /** Last year the code is valid, where known. */
  to?: number;
}

function regions(rows: readonly (readonly [string, string])[], country: Country, level: Level, from?: number, to?: number): Region[] {
  return rows.map(([code, name]) => ({ code, name, country, level, ...(from ? { from } : {}), ...(to ? { to } : {}) }));
}

/** Kommuner and fylker valid in 2018-2019 (pre-2020 codes). */
const no2019 = NO_REGIONS_2019.map(([code, name]): Region => ({
  code, name, country: "NO", level: code.length === 2 ? "county" : "municipality", to: 2019,
}));

/** Norwegian kommuner that only got a new number in 2020, matched by name between the 2019 and 2020 lists. */
function renumbered2020(): CodeChange[] {
  const merged = new Set(MANUAL_CHANGES.filter((c) => c.country === "NO" && c.year === 2020).flatMap((c) => c.from));
  const byName = new Map(NO_KOMMUNER_2020.map(([code, name]) => [name, code]));
  const out: CodeChange[] = [];
  for (const [code, name] of NO_REGIONS_2019) {
    if (code.length !== 4 || merged.has(code)) continue;
    const to = byName.get(name.replace(/ kommune$/, "").replace(/ \((Møre og Romsdal|Nordland)\)$/, "")) ??
      byName.get(`${name.split(" - ")[0]} - Evenássi`);
    if (to !== undefined && to !== code) out.push({ country: "NO", year: 2020, from: [code], to: [to] });
  }
  return out;
}

const SPLIT_2024 = new Set(["30", "38", "54"]);

/** Every code change known to the registry, oldest first. */
export const CODE_CHANGES: readonly CodeChange[] = [...MANUAL_CHANGES, ...renumbered2020()].sort((a, b) => a.year - b.year);

/**
 * All regions known to the registry: Swedish riket, 21 län and 290 kommuner; Norway, its fylker and kommuner in the
 * 2018-2019 and 2020-2023 structures, and the 2024 fylker.
 */
export const REGIONS: readonly Region[] = [
  { code: "00", name: "Riket", country: "SE", level: "country" },
  ...regions(SE_LAN, "SE", "county"),
  ...regions(SE_KOMMUNER, "SE", "municipality"),
  { code: "0", name: "Hele landet", country: "NO", level: "country" },
  ...no2019,
  // Viken, Vestfold og Telemark and Troms og Finnmark end in 2023; the other eight fylker go on
  ...regions(NO_FYLKER_2020.filter(([c]) => SPLIT_2024.has(c)), "NO", "county", 2020, 2023),
  ...regions(NO_FYLKER_2020.filter(([c]) => !SPLIT_2024.has(c)), "NO", "county", 2020),
  ...regions(NO_KOMMUNER_2020, "NO", "municipality", 2020),
  ...regions(NO_FYLKER_2024.filter(([c]) => !NO_FYLKER_2020.some(([old]) => old === c)), "NO", "county", 2024),
];

/**
 * Looks up a region by code. Codes are shared between countries ("0114" is a Swedish kommun only, but "03" is both
 * Uppsala län and Oslo), so pass the country where it matters; `year` picks the code's valid vintage.
 *
 * @example
 * findRegion("2021", { country: "SE" })?.name // "Vansbro"
 */
export function findRegion(code: string, options: { country?: Country; year?: number } = {}): Region | undefined {
  return REGIONS.find(
    (r) =>
      r.code === code &&
      (options.country === undefined || r.country === options.country) &&
      (options.year === undefined || ((r.from ?? -Infinity) <= options.year && options.year <= (r.to ?? Infinity))),
  );
}

/** The municipalities of a country, optionally for one year's structure. */
export function municipalities(country: Country, year?: number): Region[] {
  return REGIONS.filter(
    (r) => r.country === country && r.level === "municipality" &&
      (year === undefined || ((r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity))),
  );
}

/** The county (län, fylke) code of a Swedish or Norwegian municipality code: its first two digits. */
export function countyOf(code: string): string {
  return code.slice(0, 2);
}
