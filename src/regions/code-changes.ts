import { OmvarldError } from "../errors.ts";
import { type CodeChange, SE_CHANGES } from "./data/changes.ts";
import { NO_CODE_LINKS, NO_KOMMUNER } from "./data/no-klass.ts";
import type { Country } from "./registry.ts";

// Kept apart from the registry's region list: building Norway's changes from KLASS's links takes a fifth of a small
// command's start-up, and reading a file needs the regions, not their history.

/**
 * Groups KLASS's change rows (old → new per year) into changes: the rows of one year that share a code form one
 * change (a merger, a split, a renumbering, or several kommuner redrawn together, as Stokke, Andebu, Sandefjord and
 * Tønsberg in 2017). Names are those of the old codes the year before and of the new codes in the year.
 */
function norwegianChanges(): CodeChange[] {
  // the names by code, looked up once: a scan of every kommune per code made this a third of the CLI's start
  const byCode = new Map<string, (typeof NO_KOMMUNER)[number][]>();
  for (const k of NO_KOMMUNER) (byCode.get(k[0]) ?? byCode.set(k[0], []).get(k[0])!).push(k);
  const nameOf = (code: string, year: number): string =>
    byCode.get(code)?.find(([, , from, to]) => from <= year && (to === 0 || year <= to))?.[1] ?? code;
  const byYear = new Map<number, [string, string][]>();
  for (const [year, from, to] of NO_CODE_LINKS) {
    let rows = byYear.get(year);
    if (!rows) byYear.set(year, (rows = []));
    rows.push([from, to]);
  }
  const changes: CodeChange[] = [];
  for (const [year, rows] of byYear) {
    const done = new Set<number>();
    // the rows of each old and each new code: a group is found through them, not by scanning every row
    const rowsOf = (index: 0 | 1) => {
      const map = new Map<string, number[]>();
      rows.forEach((row, k) => (map.get(row[index]) ?? map.set(row[index], []).get(row[index])!).push(k));
      return map;
    };
    const [byOld, byNew] = [rowsOf(0), rowsOf(1)];
    for (let i = 0; i < rows.length; i++) {
      if (done.has(i)) continue;
      // the connected group of rows around row i: the rows that share an old or a new code, transitively
      const members = new Set([i]);
      for (const queue = [i]; queue.length > 0;) {
        const [o, n] = rows[queue.pop()!]!;
        for (const k of [...byOld.get(o)!, ...byNew.get(n)!]) {
          if (!members.has(k)) {
            members.add(k);
            queue.push(k);
          }
        }
      }
      // the group's rows in the order of repeated passes from row i (the order its links are listed in)
      const candidates = [...members].sort((a, b) => a - b);
      const olds = new Set([rows[i]![0]]);
      const news = new Set([rows[i]![1]]);
      const group: [string, string][] = [];
      for (let grew = true; grew;) {
        grew = false;
        for (const k of candidates) {
          const [o, n] = rows[k]!;
          if (!done.has(k) && (olds.has(o) || news.has(n))) {
            done.add(k);
            group.push([o, n]);
            olds.add(o);
            news.add(n);
            grew = true;
          }
        }
      }
      const from = [...olds].sort();
      const to = [...news].sort();
      const note = `${from.map((c) => nameOf(c, year - 1)).join(", ")} → ${to.map((c) => nameOf(c, year)).join(", ")}`;
      changes.push({
        country: "NO",
        year,
        from,
        to,
        note,
        ...(from.length > 1 && to.length > 1 ? { links: group } : {}),
      });
    }
  }
  return changes;
}

/** Every code change known to the registry, oldest first: Sweden's (SCB) and Norway's (SSB KLASS, from 1972). */
export const CODE_CHANGES: readonly CodeChange[] = [...SE_CHANGES, ...norwegianChanges()].sort(
  (a, b) => a.year - b.year,
);

const BY_COUNTRY: Record<Country, readonly CodeChange[]> = {
  SE: CODE_CHANGES.filter((c) => c.country === "SE"),
  NO: CODE_CHANGES.filter((c) => c.country === "NO"),
};

/**
 * The code changes of one country, oldest first. Every lookup of changes goes through the country: the same numbers
 * are codes in both (1121 was Östra Göinge in Sweden until 1996 and is Time in Norway).
 *
 * @example
 * codeChangesOf("SE").find((c) => c.from.includes("1121"))?.to // ["1256"]
 * codeChangesOf("NO").find((c) => c.from.includes("1121"))      // undefined: Time kept its code
 */
export function codeChangesOf(country: Country): readonly CodeChange[] {
  return BY_COUNTRY[country];
}

/** Old → new pairs of a change: its `links`, or every old code to every new one where one side is a single code. */
export function linksOf(change: CodeChange): readonly (readonly [string, string])[] {
  if (change.links) return change.links;
  if (change.from.length > 1 && change.to.length > 1) {
    throw new OmvarldError(
      "ARGUMENT",
      `the change of ${change.year} (${change.from.join(", ")} → ${change.to.join(", ")}) has several old and several new codes but no links`,
      {},
      "give `links: [[old, new], ...]` saying which old code went to which new one",
    );
  }
  return change.from.flatMap((f) => change.to.map((t) => [f, t] as const));
}

/**
 * Where codes of one country went, or came from, between two years: forwards (`from` < `to`) through the changes in
 * force after 1 January `from` up to 1 January `to`, each code to every code it was linked to (a split to all its
 * parts); backwards (`to` < `from`) through the changes after `to` up to `from`, latest first, each code to every code
 * it was formed from. Returns the codes reached (sorted) and the changes that moved them, in the order followed.
 *
 * @example
 * followCodes(["0428"], "NO", 2019, 2024).codes // ["3421"] (Trysil, 2020)
 * followCodes(["1508"], "NO", 2024, 2021).codes // ["1507"] (Ålesund of 2020-2023)
 */
export function followCodes(
  codes: readonly string[],
  country: Country,
  from: number,
  to: number,
): { codes: string[]; steps: CodeChange[] } {
  const forward = from < to;
  const changes = codeChangesOf(country).filter((c) =>
    forward ? from < c.year && c.year <= to : to < c.year && c.year <= from,
  );
  if (!forward) changes.reverse();
  let current = new Set(codes);
  const steps: CodeChange[] = [];
  for (const change of changes) {
    const links = linksOf(change);
    let moved = false;
    const next = new Set<string>();
    for (const code of current) {
      const sinks = links.filter((l) => l[forward ? 0 : 1] === code).map((l) => l[forward ? 1 : 0]);
      if (sinks.length === 0) next.add(code);
      for (const sink of sinks) next.add(sink);
      if (sinks.length > 1 || (sinks.length === 1 && sinks[0] !== code)) moved = true;
    }
    if (moved) steps.push(change);
    current = next;
  }
  return { codes: [...current].sort(), steps };
}

/**
 * Where each of several codes went, or came from, between two years: `followCodes` of every code alone, in one pass
 * over the changes (the kommuner of a year followed to a boundary file's year: 426 codes through 50 years of changes
 * in a few milliseconds, where a `followCodes` per code scans every change for each).
 *
 * @example
 * followEach(["0428", "0104", "0136"], "NO", 2017, 2020).get("0136") // ["3002"] (Rygge → Moss)
 */
export function followEach(
  codes: readonly string[],
  country: Country,
  from: number,
  to: number,
): Map<string, string[]> {
  const forward = from < to;
  const changes = codeChangesOf(country).filter((c) =>
    forward ? from < c.year && c.year <= to : to < c.year && c.year <= from,
  );
  if (!forward) changes.reverse();
  // each code asked for → the codes it is in now, and each code now → the codes asked for that it holds
  const reached = new Map(codes.map((c) => [c, new Set([c])]));
  const holders = new Map<string, Set<string>>(codes.map((c) => [c, new Set([c])]));
  for (const change of changes) {
    const sinks = new Map<string, string[]>();
    for (const [old, now] of linksOf(change)) {
      const [source, sink] = forward ? [old, now] : [now, old];
      (sinks.get(source) ?? sinks.set(source, []).get(source)!).push(sink);
    }
    // every move of the change at once: a code both left and reached in one change (a split that keeps its code)
    const moves: [string, string, string[]][] = [];
    for (const [source, targets] of sinks)
      for (const held of holders.get(source) ?? []) moves.push([held, source, targets]);
    for (const [held, source] of moves) {
      reached.get(held)!.delete(source);
      holders.get(source)!.delete(held);
    }
    for (const [held, , targets] of moves)
      for (const t of targets) {
        reached.get(held)!.add(t);
        (holders.get(t) ?? holders.set(t, new Set()).get(t)!).add(held);
      }
  }
  return new Map([...reached].map(([code, set]) => [code, [...set].sort()]));
}
