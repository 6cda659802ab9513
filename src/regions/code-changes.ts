import { type CodeChange, SE_CHANGES } from "./data/changes.ts";
import { NO_CODE_LINKS, NO_KOMMUNER } from "./data/no-klass.ts";

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
