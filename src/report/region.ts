import { OmvarldError } from "../errors.ts";
import { followCodes } from "../regions/code-changes.ts";
import { editDistance } from "../regions/edit-distance.ts";
import { nameKeys, nameQuery } from "../regions/labels.ts";
import { nutsName } from "../regions/nuts.ts";
import { type Country, findRegion } from "../regions/registry.ts";
import { type RegionMatch, resolveRegion } from "../regions/resolve.ts";

export type { NamedRegion, RegionNote } from "../regions/region-note.ts";
import type { NamedRegion, RegionNote } from "../regions/region-note.ts";

/** The region a report is about: its code and name in the data, and how it relates to the one asked for. */
export interface ReportRegion extends NamedRegion {
  notes: RegionNote[];
}

/** Where the data's codes come from, for the region lookup and its messages. */
export interface RegionLookup {
  /** The data's region codes with their names (null where the data give none). */
  codes: ReadonlyMap<string, string | null>;
  country?: Country;
  /** The year whose codes the data use (codes valid that year). */
  year?: number;
  /** Whether a kommun formed after the data from several of the data's regions is made of them (the panel's
   * figures are summed over its predecessors), rather than refused. */
  merge?: boolean;
  /** What the data are, for a message: "the kommun tables (SCB BE0101N1)", "the panel". */
  what: string;
}

/** The registry's name of the code (SSB's official names, in every language they have), else the data's. */
const nameOf = (code: string, lookup: RegionLookup, year?: number): string =>
  (lookup.country
    ? (findRegion(code, { country: lookup.country, ...(year !== undefined ? { year } : {}) }) ??
      findRegion(code, { country: lookup.country }))
    : undefined
  )?.name ??
  lookup.codes.get(code) ??
  (/^\d{4}$/.test(code) ? findRegion(code)?.name : undefined) ??
  nutsName(code) ??
  code;

/**
 * The region of the data a report asked for by `query` is about: a code in the data; a name (any case, with or
 * without diacritics: "vansbro"); a code with a lost leading zero; or another vintage's code, followed through the
 * registry's changes to the data's (Trysil's 0428 to 3421, Ålesund's 1508 of 2024 to 1507), with a note. A code or
 * name the data lack is one error naming what was asked, what the registry knows of it (a county, a former code and
 * its successors, a kommun of the other country) and the nearest codes and names in the data.
 *
 * @example
 * reportRegion("Vansbro", { codes, country: "SE", what: "the kommun tables" }) // { code: "2021", name: "Vansbro", notes: [] }
 * reportRegion("0428", { codes, country: "NO", year: 2022, what: "the kommune tables" })
 * // { code: "3421", name: "Trysil", notes: [{ kind: "renumbered", asked: { code: "0428", … }, data: { code: "3421", … }, year: 2020, others: [] }] }
 */
export function reportRegion(query: string, lookup: RegionLookup): ReportRegion {
  const asked = query.trim();
  if (lookup.codes.has(asked)) return { code: asked, name: nameOf(asked, lookup, lookup.year), notes: [] };
  const { country, year } = lookup;
  const resolved = resolveRegion(asked, { ...(country ? { country } : {}), ...(year !== undefined ? { year } : {}) });
  const problems: string[] = [];
  for (const m of resolved.matches) {
    const code = m.region.code;
    if (lookup.codes.has(code)) return { code, name: nameOf(code, lookup, year), notes: [] };
    if (m.region.level !== "municipality") {
      problems.push(notAKommun(m, lookup));
      continue;
    }
    const found =
      m.status === "future" ? fromLaterCode(m, lookup) : m.status === "former" ? fromEarlierCode(m, lookup) : [];
    if (!Array.isArray(found)) return found;
    problems.push(...found);
    if (lookup.country && m.region.country !== lookup.country)
      problems.push(`${code} is ${m.region.name} in ${m.region.country === "SE" ? "Sweden" : "Norway"}`);
  }
  if (resolved.matches.length === 0 && resolved.by === "name" && lookup.country) {
    const abroad = resolveRegion(asked, { country: lookup.country === "SE" ? "NO" : "SE" }).matches[0];
    if (abroad)
      problems.push(
        `${abroad.region.name} is a ${abroad.region.country === "SE" ? "Swedish" : "Norwegian"} region (${abroad.region.code})`,
      );
  }
  const nearest = nearestInData(asked, lookup);
  throw new OmvarldError(
    "ARGUMENT",
    `region "${asked}" is not in ${lookup.what} (${lookup.codes.size} regions)${problems.length ? `: ${problems.join("; ")}` : ""}`,
    {},
    problems.length
      ? "give a kommun code or name the data hold"
      : nearest.length
        ? `nearest in the data: ${nearest.join(", ")}`
        : "give a code or name the data hold",
  );
}

/** "07 is a county (Innlandet); its kommuner in the data: …": a county or country asked for, with its kommuner held. */
function notAKommun(m: RegionMatch, lookup: RegionLookup): string {
  const code = m.region.code;
  const inside = [...lookup.codes.keys()].filter((c) => c.length === 4 && c.startsWith(code));
  const listed = inside
    .slice(0, 5)
    .map((c) => `${c} ${nameOf(c, lookup, lookup.year)}`)
    .join(", ");
  return `${code} is ${m.region.level === "county" ? `a county (${m.region.name})` : `the country (${m.region.name})`}${
    inside.length ? `; its kommuner in the data: ${listed}${inside.length > 5 ? ", …" : ""}` : ""
  }`;
}

/**
 * A kommun code newer than the data's: the data's one predecessor renumbered (or divided, the asked one a part), or,
 * where the lookup merges, a kommun formed of several predecessors; else why not.
 */
function fromLaterCode(m: RegionMatch, lookup: RegionLookup): ReportRegion | string[] {
  const { code, name } = m.region;
  const changed = m.changed;
  if (changed === undefined) return [];
  const year = lookup.year;
  const held = (m.predecessors ?? []).filter((p) => lookup.codes.has(p.code));
  if (held.length === 1) {
    const data = held[0]!;
    // did the data's unit become this kommun alone (a new number), or was it divided?
    const parts = followCodes([data.code], m.region.country, year ?? changed - 1, changed).codes;
    const others = parts.filter((c) => c !== code).map((c) => named(c, m.region.country, changed));
    const kind = others.length ? "split" : "renumbered";
    const unit = { code: data.code, name: nameOf(data.code, lookup, year) };
    return {
      ...(kind === "renumbered" ? { code: data.code, name } : unit),
      notes: [{ kind, asked: { code, name }, data: unit, year: changed, others }],
    };
  }
  if (held.length > 1 && lookup.merge) {
    const others = held.map((p) => ({ code: p.code, name: nameOf(p.code, lookup, year) }));
    return {
      code,
      name,
      notes: [{ kind: "formed", asked: { code, name }, data: { code, name }, year: changed, others }],
    };
  }
  if (held.length > 1)
    return [
      `${code} ${name} was formed in ${changed} from ${held.map((p) => `${p.code} ${p.name}`).join(", ")}, which the data hold apart`,
    ];
  return [`${code} ${name} was formed in ${changed}, after the data`];
}

/** A kommun code older than the data's: its one successor in the data (renumbered, or merged with others); else why not. */
function fromEarlierCode(m: RegionMatch, lookup: RegionLookup): ReportRegion | string[] {
  const { code, name } = m.region;
  const changed = m.changed;
  if (changed === undefined) return [];
  const held = (m.successors ?? []).filter((s) => lookup.codes.has(s.code));
  if (held.length === 1) {
    const data = held[0]!;
    const sources = followCodes([data.code], m.region.country, lookup.year ?? changed, changed - 1).codes;
    const others = sources.filter((c) => c !== code).map((c) => named(c, m.region.country, changed - 1));
    const unit = { code: data.code, name: nameOf(data.code, lookup, lookup.year) };
    const kind = others.length ? "merged" : "renumbered";
    return { ...unit, notes: [{ kind, asked: { code, name }, data: unit, year: changed, others }] };
  }
  if (held.length > 1)
    return [
      `${code} ${name} was divided in ${changed} into ${held.map((s) => `${s.code} ${s.name}`).join(", ")}: ask for one of them`,
    ];
  return [];
}

/** The registry's name of a kommun in a year (else any year's, else its code). */
function named(code: string, country: Country, year: number): NamedRegion {
  return { code, name: findRegion(code, { country, year })?.name ?? findRegion(code, { country })?.name ?? code };
}

/** Up to five of the data's regions nearest to the query, by code or by name. */
function nearestInData(query: string, lookup: RegionLookup): string[] {
  const byCode = /\d/.test(query);
  const key = byCode ? query.replace(/[Oo]/g, "0").replace(/[Il|]/g, "1") : nameQuery(query);
  const scored = [...lookup.codes.keys()].map((code) => {
    const name = nameOf(code, lookup, lookup.year);
    const distance = byCode
      ? editDistance(key, code)
      : Math.min(...nameKeys(name).map((k) => (k.startsWith(key) && key.length >= 3 ? 1 : editDistance(key, k))));
    return { code, name, distance };
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .slice(0, 5)
    .map((r) => (r.name === r.code ? r.code : `${r.code} ${r.name}`));
}
