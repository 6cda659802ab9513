import { SE_CHANGES, SE_FORMER_KOMMUNER } from "./data/changes.ts";
import { SE_FORMER_LAN } from "./data/se-scb-codes.ts";
import { SE_LAN } from "./data/counties.ts";
import { NO_FYLKER, NO_KOMMUNER } from "./data/no-klass.ts";
import { SE_KOMMUNER } from "./data/se-kommuner.ts";

export type Country = "SE" | "NO";
export type Level = "country" | "county" | "municipality";

export interface Region {
  code: string;
  name: string;
  country: Country;
  level: Level;
  /** First year (1 January) the code is valid under this name, where known. */
  from?: number;
  /** Last year the code is valid under this name, where known; absent while it is valid. */
  to?: number;
}

function region(code: string, name: string, country: Country, level: Level, from = 0, to = 0): Region {
  return { code, name, country, level, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The year a Swedish kommun code began, where a known change created it. */
function swedishStart(code: string): number {
  const years = SE_CHANGES.filter((c) => c.to.includes(code) && !c.from.includes(code)).map((c) => c.year);
  return years.length ? Math.max(...years) : 0;
}

/** The year a Swedish län code began under its current name: the year after its former name ended (Skåne län 1997). */
function lanStart(code: string): number {
  const ends = SE_FORMER_LAN.filter(([c]) => c === code).map(([, , last]) => last + 1);
  return ends.length ? Math.max(...ends) : 0;
}

/**
 * All regions known to the registry. Sweden: riket, the 21 län and the län codes and names of before the mergers of
 * 1997 and 1998 (Kristianstads län 11, Malmöhus län 12 until 1996, ...), the 290 kommuner and every former code of a
 * renumbered kommun (the 49 of 1997-1998, Heby 1917), each with its validity. Norway: the country, every fylke and
 * kommune code of SSB's KLASS versions 2002-2024 with its validity (one entry per code and name; codes valid in 2002
 * have no `from`).
 */
export const REGIONS: readonly Region[] = [
  region("00", "Riket", "SE", "country"),
  ...SE_LAN.map(([code, name]) => region(code, name, "SE", "county", lanStart(code))),
  ...SE_FORMER_LAN.map(([code, name, to]) => region(code, name, "SE", "county", 0, to)),
  ...SE_KOMMUNER.map(([code, name]) => region(code, name, "SE", "municipality", swedishStart(code))),
  ...SE_FORMER_KOMMUNER.map(([code, name, to]) => region(code, name, "SE", "municipality", swedishStart(code), to)),
  region("0", "Hele landet", "NO", "country"),
  ...NO_FYLKER.map(([code, name, from, to]) => region(code, name, "NO", "county", from, to)),
  ...NO_KOMMUNER.map(([code, name, from, to]) => region(code, name, "NO", "municipality", from, to)),
];

const BY_CODE = new Map<string, Region[]>();
for (const r of REGIONS) {
  const list = BY_CODE.get(r.code);
  if (list) list.push(r);
  else BY_CODE.set(r.code, [r]);
}

const validIn = (r: Region, year: number): boolean => (r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity);

/**
 * Looks up a region by code. Codes are shared between countries ("0114" is a Swedish kommun only, but "03" is both
 * Uppsala län and Oslo, and "1121" was Östra Göinge until 1996 and is Time in Norway), so pass the country where it
 * matters; `year` picks the entry valid that year, otherwise the latest entry of the code (a code still valid before
 * one that ended; Swedish before Norwegian when both are equally recent).
 *
 * @example
 * findRegion("2021", { country: "SE" })?.name // "Vansbro"
 * findRegion("1507", { country: "NO", year: 2023 })?.name // "Ålesund"
 */
export function findRegion(code: string, options: { country?: Country; year?: number } = {}): Region | undefined {
  const candidates = (BY_CODE.get(code) ?? []).filter(
    (r) => options.country === undefined || r.country === options.country,
  );
  if (options.year !== undefined) return candidates.find((r) => validIn(r, options.year!));
  let best: Region | undefined;
  for (const r of candidates) if (!best || (r.to ?? Infinity) > (best.to ?? Infinity)) best = r;
  return best;
}

/**
 * The municipalities of a country in one year's structure; without a year, today's (codes with no end).
 * Norway: every structure from 2002 (SSB KLASS). Sweden: complete from 1996 (SCB's code key for 1996-1998, and the
 * changes since); before 1996 only the changes in CODE_CHANGES are known (Bollebygd and Lekeberg 1995, Gnesta and Trosa
 * 1992).
 *
 * @example
 * municipalities("NO", 2019).length // 422
 * municipalities("NO", 2024).length // 357
 * municipalities("SE", 1996).length // 288 (Kristianstad 1180, Borås 1583, ...)
 */
export function municipalities(country: Country, year?: number): Region[] {
  return REGIONS.filter(
    (r) =>
      r.country === country &&
      r.level === "municipality" &&
      (year === undefined ? r.to === undefined : validIn(r, year)),
  );
}

/** The county (län, fylke) code of a Swedish or Norwegian municipality code: its first two digits. */
export function countyOf(code: string): string {
  return code.slice(0, 2);
}
