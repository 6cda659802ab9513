import { followCodes } from "./code-changes.ts";
import { editDistance } from "./edit-distance.ts";
import { isCountry, nameKeys, nameQuery, parseRegionLabel } from "./labels.ts";
import { type Country, countyOf, municipalities, REGIONS, type Region } from "./registry.ts";
import { nationCode } from "./nation.ts";

/** What a code or name is in the year asked about. */
export interface RegionMatch {
  /**
   * "current": valid in the year (or, without a year, still valid); "former": valid only before it, with the codes it
   * became; "future": valid only after it, with the codes it was formed from. A county (län, fylke) or a country is
   * told by `region.level`.
   */
  status: "current" | "former" | "future";
  /** The registry's entry: code, name, country, level and validity. */
  region: Region;
  /** Former: the first year the code was no longer valid (the year of the change). Future: the code's first year. */
  changed?: number;
  /**
   * Former: the regions valid in the year asked about (today's, without a year) that the code became, through every
   * change in between; several after a split. A county's are the counties its kommuner went to.
   */
  successors?: Region[];
  /**
   * Future: the regions valid in the year asked about that the code was formed from, through every change in between
   * (every code that gave it territory). A county's are the counties its kommuner came from.
   */
  predecessors?: Region[];
}

/** A region near an unknown query: its code or name is `distance` edits away. */
export interface NearRegion {
  region: Region;
  /** Edits between the query and the code or name (a name that begins with the query counts as 1). */
  distance: number;
}

/** The answer of `resolveRegion`. */
export interface RegionResolution {
  query: string;
  /** How the query was read: as a code (digits, "2021 Vansbro", "K-3421", "Riket") or as a name. */
  by: "code" | "name";
  /** The code looked up (zeros restored: "114" → "0114") or the folded name ("ostra goinge"). */
  key: string;
  /** Every region the query is, current ones first, Swedish before Norwegian. Empty when it is unknown. */
  matches: RegionMatch[];
  /** When `matches` is empty: up to five regions whose codes (or names) are nearest to the query, nearest first. */
  nearest: NearRegion[];
}

export interface ResolveOptions {
  /** The country the query belongs to; without it both are searched. */
  country?: Country;
  /** The year (1 January) to tell the code's status in; without it, today's registry (codes still valid). */
  year?: number;
}

/** Far enough in the future to follow every change the registry knows. */
const LATEST = 9999;
const COUNTRIES: readonly Country[] = ["SE", "NO"];
/** Characters typed for digits in codes: O for 0, I and l for 1. */
const CONFUSABLE = /^[0-9OoIl|]{1,6}$/;

const validIn = (r: Region, year: number | undefined): boolean =>
  year === undefined ? r.to === undefined : (r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity);

/** The entry of `code` valid in `year`, else its latest entry. */
function regionOf(code: string, country: Country, year: number): Region | undefined {
  const entries = REGIONS.filter((r) => r.code === code && r.country === country);
  return entries.find((r) => validIn(r, year)) ?? entries.at(-1);
}

/** The regions that `code` (ended after `last`) became by `year`. */
function successorsOf(region: Region, year: number): { successors: Region[]; changed: number } {
  const last = region.to!;
  const { country, code } = region;
  const follow = (codes: string[]) => followCodes(codes, country, last, year);
  if (region.level === "county") {
    const kommuner = municipalities(country, last).filter((k) => countyOf(k.code) === code);
    const counties = [...new Set(follow(kommuner.map((k) => k.code)).codes.map(countyOf))];
    return { successors: present(counties, country, year), changed: last + 1 };
  }
  const { codes, steps } = follow([code]);
  return { successors: present(codes, country, year), changed: steps[0]?.year ?? last + 1 };
}

/** The regions valid in `year` that `region` (which began after it) was formed from. */
function predecessorsOf(region: Region, year: number): { predecessors: Region[]; changed: number } {
  const first = region.from!;
  const { country, code } = region;
  const back = (codes: string[]) => followCodes(codes, country, first, year).codes;
  if (region.level === "county") {
    const kommuner = municipalities(country, first).filter((k) => countyOf(k.code) === code);
    const counties = [...new Set(back(kommuner.map((k) => k.code)).map(countyOf))];
    return { predecessors: present(counties, country, year), changed: first };
  }
  return { predecessors: present(back([code]), country, year), changed: first };
}

function present(codes: readonly string[], country: Country, year: number): Region[] {
  return [...codes]
    .sort()
    .map((c) => regionOf(c, country, year))
    .filter((r): r is Region => r !== undefined);
}

/** What the entries of one code in one country are in `year`: current, or former and/or future. */
function classify(entries: readonly Region[], year: number | undefined): RegionMatch[] {
  const current = entries.find((r) => validIn(r, year));
  if (current) return [{ status: "current", region: current }];
  const matches: RegionMatch[] = [];
  const before = entries.filter((r) => r.to !== undefined && (year === undefined || r.to < year));
  const former = before.sort((a, b) => b.to! - a.to!)[0];
  if (former) matches.push({ status: "former", region: former, ...successorsOf(former, year ?? LATEST) });
  if (year !== undefined) {
    const after = entries.filter((r) => r.from !== undefined && r.from > year);
    const future = after.sort((a, b) => a.from! - b.from!)[0];
    if (future) matches.push({ status: "future", region: future, ...predecessorsOf(future, year) });
  }
  return matches;
}

const STATUS_ORDER = { current: 0, former: 1, future: 2 };
const LEVEL_ORDER = { municipality: 0, county: 1, country: 2 };

/** Classifies the given entries per country and code, current first. */
function matchesOf(entries: readonly Region[], year: number | undefined, first?: (r: Region) => number): RegionMatch[] {
  const groups = new Map<string, Region[]>();
  for (const r of entries) {
    const key = `${r.country}|${r.code}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const matches = [...groups.values()].flatMap((g) => classify(g, year));
  const rank = (m: RegionMatch) => [
    first?.(m.region) ?? 0,
    STATUS_ORDER[m.status],
    LEVEL_ORDER[m.region.level],
    COUNTRIES.indexOf(m.region.country),
  ];
  return matches.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    const k = x.findIndex((v, i) => v !== y[i]);
    return k < 0 ? a.region.code.localeCompare(b.region.code) : x[k]! - y[k]!;
  });
}

/**
 * Up to five regions by a score (compared element by element; its first element must be at most `limit`, its second
 * is the distance reported), ties broken by validity in `year`, country and code; one entry per code.
 */
function nearestBy(
  candidates: readonly Region[],
  score: (r: Region) => number[],
  limit: number,
  year: number | undefined,
): NearRegion[] {
  const compare = (x: readonly number[], y: readonly number[]) => {
    const k = x.findIndex((v, i) => v !== y[i]);
    return k < 0 ? 0 : x[k]! - y[k]!;
  };
  const best = new Map<string, { region: Region; s: number[] }>();
  for (const region of candidates) {
    const s = score(region);
    if (s[0]! > limit) continue;
    const key = `${region.country}|${region.code}`;
    const seen = best.get(key);
    const c = seen ? compare(s, seen.s) : -1;
    if (c < 0 || (c === 0 && validIn(region, year) && !validIn(seen!.region, year))) best.set(key, { region, s });
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        compare(a.s, b.s) ||
        Number(validIn(b.region, year)) - Number(validIn(a.region, year)) ||
        COUNTRIES.indexOf(a.region.country) - COUNTRIES.indexOf(b.region.country) ||
        a.region.code.localeCompare(b.region.code),
    )
    .slice(0, 5)
    .map(({ region, s }) => ({ region, distance: s[1]! }));
}

/**
 * Tells what a region code or name is in a year: a current kommun/kommune, county (län, fylke) or country code; a
 * former code with the codes it became and the year of the change; a future code with the codes it was formed from;
 * or unknown, with the nearest codes or names by edit distance. Codes are looked up in the country given, else in
 * both ("1121" is Time in Norway and was Östra Göinge in Sweden until 1996); labels such as "2021 Vansbro" and
 * "K-3421" are read as codes, and a code that lost its leading zero ("114") gets it back. Names match in any case,
 * with or without diacritics ("ostra goinge", "TRONDHEIM" for "Trondheim - Tråante"), without "kommun" or "län"
 * ("Dalarna" for Dalarnas län).
 *
 * @example
 * resolveRegion("1508", { country: "NO", year: 2022 }).matches[0]
 * // { status: "future", region: { code: "1508", name: "Ålesund", from: 2024, ... }, changed: 2024,
 * //   predecessors: [{ code: "1507", name: "Ålesund", from: 2020, to: 2023, ... }] }
 * resolveRegion("1180", { country: "SE", year: 2024 }).matches[0]
 * // { status: "former", region: { code: "1180", name: "Kristianstad", to: 1996, ... }, changed: 1997,
 * //   successors: [{ code: "1290", name: "Kristianstad", ... }] }
 * resolveRegion("2O21", { country: "SE" }).nearest[0] // { region: { code: "2021", name: "Vansbro", ... }, distance: 1 }
 */
export function resolveRegion(query: string, options: ResolveOptions = {}): RegionResolution {
  const { country, year } = options;
  const text = query.trim();
  const inCountry = (r: Region) => country === undefined || r.country === country;
  const label = parseRegionLabel(text);
  // a whole country: "00", "0", "Riket", "Hele landet", "SE", "NO", "Sweden", "Norway"
  if (isCountry(text)) {
    const code = text === "SE" || text === "NO" ? nationCode(text) : label!.code;
    const entries = REGIONS.filter((r) => r.code === code && r.level === "country" && inCountry(r));
    return { query, by: "code", key: code, matches: matchesOf(entries, year), nearest: [] };
  }
  if (label && /^\d+$/.test(label.code)) {
    const code = /^\d{3}$/.test(label.code) || /^[1-9]$/.test(label.code) ? `0${label.code}` : label.code;
    let entries = REGIONS.filter((r) => r.code === code && inCountry(r));
    // "1121 Time": the name says which country's 1121 is meant
    const named = label.name === null ? [] : entries.filter((r) => nameKeys(r.name).includes(nameQuery(label.name!)));
    if (named.length > 0) entries = entries.filter((r) => named.some((n) => n.country === r.country));
    const matches = matchesOf(entries, year);
    const nearest = matches.length ? [] : nearestCodes(code, REGIONS.filter(inCountry), year);
    return { query, by: "code", key: code, matches, nearest };
  }
  if (CONFUSABLE.test(text) && /\d/.test(text)) {
    // "2O21": a code with a letter typed for a digit is no code, but its nearest codes are
    return { query, by: "code", key: text, matches: [], nearest: nearestCodes(text, REGIONS.filter(inCountry), year) };
  }
  const key = nameQuery(text);
  const entries = REGIONS.filter((r) => inCountry(r) && nameKeys(r.name).includes(key));
  let matches = matchesOf(entries, year, (r) => (foldedName(r) === key ? 0 : 1));
  // a name that is a current region's is that region, not also the older codes under the same name
  if (matches.some((m) => m.status === "current")) matches = matches.filter((m) => m.status === "current");
  const nearest = matches.length ? [] : nearestNames(key, REGIONS.filter(inCountry), year);
  return { query, by: "name", key, matches, nearest };
}

const foldedName = (r: Region) => nameKeys(r.name)[0];

function nearestCodes(code: string, candidates: readonly Region[], year: number | undefined): NearRegion[] {
  const digits = code.replace(/[Oo]/g, "0").replace(/[Il|]/g, "1");
  const common = (c: string) => {
    let n = 0;
    while (n < c.length && c[n] === digits[n]) n++;
    return n;
  };
  // ranked by the distance once the letters typed for digits are read as digits, then by the distance as typed, then
  // by the digits in common at the start (the county first: 1184 is nearer 1180-1183 than 0184)
  return nearestBy(
    candidates,
    (r) => [editDistance(digits, r.code), editDistance(code, r.code), -common(r.code)],
    Math.max(1, Math.floor(code.length / 2)),
    year,
  );
}

function nearestNames(key: string, candidates: readonly Region[], year: number | undefined): NearRegion[] {
  const distance = (r: Region): number[] => {
    let best = Infinity;
    for (const k of nameKeys(r.name)) {
      best = Math.min(best, editDistance(key, k));
      // a name that begins with the query ("malung" for Malung-Sälen) is one edit away
      if (key.length >= 3 && k.length > key.length && k.startsWith(key)) best = Math.min(best, 1);
    }
    return [best, best];
  };
  return nearestBy(candidates, distance, Math.max(2, Math.floor(key.length / 3)), year);
}
