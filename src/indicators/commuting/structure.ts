import { OmvarldError } from "../../errors.ts";
import { CODE_CHANGES } from "../../regions/code-changes.ts";
import type { CodeChange } from "../../regions/data/changes.ts";
import { asCommutingFlows } from "../../io/commuting.ts";
import type { Table } from "../../table/table.ts";

/** One year's commuting structure of every home kommune: employed residents, out-commuting share, work places. */
export interface CommutingYear {
  /** E_r = Σ_d C[r→d]: employed residents. */
  employed: Map<string, number>;
  /** OUT_r / E_r = 1 − C[r→r]/E_r: the share of employed residents who work in another area. */
  outShare: Map<string, number>;
  /** w[r→k] = C[r→k]/E_r for k ≠ r: where the residents work; a region's weights sum to its out-commuting share. */
  weights: Map<string, [string, number][]>;
}

export interface CommutingStructure {
  /** The matrices by year (the year of the flows, Q4). */
  years: Map<number, CommutingYear>;
  /**
   * Whether one year's matrix stands for every year (only one year given): the commuting pattern is then taken as
   * a structural property of each area.
   */
  structural: boolean;
  /** What was done to the flows: codes mapped, areas without residents dropped, one year used for all. */
  notes: string[];
}

/**
 * Where each code lands in the panel's codes: itself when the panel has it, else followed forwards or backwards
 * through the registry's changes (merges forwards, renumberings both ways) until it is one of the panel's codes;
 * null when it cannot be mapped one to one (a split, or a code the registry does not know).
 */
export function panelCodeOf(
  code: string,
  panelCodes: ReadonlySet<string>,
  options: { country?: "SE" | "NO"; changes?: readonly CodeChange[] } = {},
): string | null {
  if (panelCodes.has(code)) return code;
  const changes = (options.changes ?? CODE_CHANGES).filter((c) => !options.country || c.country === options.country);
  const seen = new Set([code]);
  let frontier = [code];
  for (let step = 0; step < 6 && frontier.length; step++) {
    const next: string[] = [];
    for (const c of frontier) {
      for (const change of changes) {
        const candidates =
          change.from.includes(c) && change.to.length === 1
            ? change.to
            : change.to.includes(c) && change.from.length === 1
              ? change.from
              : [];
        for (const k of candidates) {
          if (panelCodes.has(k)) return k;
          if (!seen.has(k)) {
            seen.add(k);
            next.push(k);
          }
        }
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * The commuting structure from a table of flows (home × work [× year]: `origin` and `destination`, or the
 * agency's dimensions — bostedskommune/bostadskommun = residence, arbeidsstedskommune/arbetsställekommun = place
 * of work — told apart by their names, which the readers take from the table's title, never by their order; see
 * `asCommutingFlows`), on the panel's
 * codes: flows of codes the panel does not hold are mapped to its codes with the registry (`panelCodeOf`) and
 * summed; areas with no employed residents (codes kept in a table after a merger) are dropped. With one year of
 * flows the matrix stands for every year of the model (`structural`); with several, each year uses its own, and a
 * year between or outside them the nearest one.
 *
 * OUT_r/E_r = 1 − C[r→r]/E_r;  w[r→k] = C[r→k]/E_r (k ≠ r).
 */
export function commutingStructure(
  table: Table,
  options: { panelCodes?: Iterable<string>; year?: number; country?: "SE" | "NO" } = {},
): CommutingStructure {
  if (!table.has("year") && options.year === undefined) {
    throw new OmvarldError(
      "SCHEMA",
      "the commuting table has no year",
      { file: table.provenance.file },
      "pass the year of the flows: commutingStructure(flows, { year: 2017 })",
    );
  }
  const dated = table.has("year")
    ? table
    : table.withColumn(
        "year",
        Array.from({ length: table.numRows }, () => options.year!),
        "dimension",
      );
  const flowsTable = asCommutingFlows(dated);
  const homes = flowsTable.strings("origin");
  const works = flowsTable.strings("destination");
  const values = flowsTable.numbers("value");
  const years = flowsTable.has("year") ? flowsTable.numbers("year") : null;
  const panel = options.panelCodes ? new Set(options.panelCodes) : null;
  const notes: string[] = [];
  const mapped = new Map<string, string | null>();
  const unmapped = new Set<string>();
  const mapCode = (code: string) => {
    if (!panel) return code;
    let m = mapped.get(code);
    if (m === undefined)
      mapped.set(code, (m = panelCodeOf(code, panel, options.country ? { country: options.country } : {})));
    return m;
  };
  const flows = new Map<number, Map<string, Map<string, number>>>();
  for (let i = 0; i < flowsTable.numRows; i++) {
    const h0 = homes.get(i);
    const w0 = works.get(i);
    const v = values.get(i);
    if (h0 === null || w0 === null || v === null || v === 0) continue;
    const year = years?.get(i) ?? options.year!;
    const h = mapCode(h0);
    const w = mapCode(w0);
    if (h === null || w === null) {
      unmapped.add(h === null ? h0 : w0);
      continue;
    }
    const byYear = flows.get(year) ?? flows.set(year, new Map()).get(year)!;
    const row = byYear.get(h) ?? byYear.set(h, new Map()).get(h)!;
    row.set(w, (row.get(w) ?? 0) + v);
  }
  if (flows.size === 0)
    throw new OmvarldError("ARGUMENT", "the commuting table has no flows", { file: table.provenance.file });
  const renamed = [...mapped].filter(([from, to]) => to !== null && to !== from);
  if (renamed.length)
    notes.push(
      `${renamed.length} codes mapped to the panel's codes with the registry (${renamed
        .slice(0, 5)
        .map(([a, b]) => `${a} → ${b}`)
        .join(", ")}${renamed.length > 5 ? ", …" : ""})`,
    );
  if (unmapped.size)
    notes.push(
      `flows of ${unmapped.size} codes the panel does not hold were left out (${[...unmapped].slice(0, 5).join(", ")}${unmapped.size > 5 ? ", …" : ""})`,
    );
  const out = new Map<number, CommutingYear>();
  for (const [year, byHome] of flows) {
    const employed = new Map<string, number>();
    const outShare = new Map<string, number>();
    const weights = new Map<string, [string, number][]>();
    for (const [h, row] of byHome) {
      let E = 0;
      for (const v of row.values()) E += v;
      if (E <= 0) continue;
      employed.set(h, E);
      outShare.set(h, 1 - (row.get(h) ?? 0) / E);
      weights.set(
        h,
        [...row].filter(([w]) => w !== h).map(([w, v]) => [w, v / E]),
      );
    }
    out.set(year, { employed, outShare, weights });
  }
  const structural = out.size === 1;
  if (structural) {
    const [year] = out.keys();
    notes.push(
      `one year of commuting flows (${year}): its matrix is taken as a structural property of each area and used for every year`,
    );
  }
  return { years: out, structural, notes };
}

/** The matrix for a year: its own, or (structural, or a year without one) the nearest given year's. */
export function commutingYear(structure: CommutingStructure, year: number): CommutingYear {
  const own = structure.years.get(year);
  if (own) return own;
  let best: number | null = null;
  for (const y of structure.years.keys())
    if (
      best === null ||
      Math.abs(y - year) < Math.abs(best - year) ||
      (Math.abs(y - year) === Math.abs(best - year) && y < best)
    )
      best = y;
  return structure.years.get(best!)!;
}

/**
 * The job growth of the places a region's residents work in, weighted by where they work:
 *
 *     NB_r = Σ_{k≠r} w[r→k]·g_k,   w[r→k] = C[r→k]/E_r
 *
 * A place missing from `growth` (outside the panel) adds nothing; one whose growth is null makes the sum null.
 *
 * @example
 * // A's residents: 80 work in A, 20 in B; B's jobs grew by 2 per 100 inhabitants → 0.2·2 = 0.4
 */
export function neighbourGrowth(
  year: CommutingYear,
  region: string,
  growth: ReadonlyMap<string, number | null>,
): number | null {
  let sum = 0;
  for (const [k, w] of year.weights.get(region) ?? []) {
    const g = growth.get(k);
    if (g === undefined) continue;
    if (g === null) return null;
    sum += w * g;
  }
  return sum;
}
