import { OmvarldError } from "../../errors.ts";
import { CODE_CHANGES } from "../../regions/registry.ts";
import type { CodeChange } from "../../regions/data/changes.ts";
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

/** Column names that mean the place of residence (home) or the place of work, in Norwegian, Swedish or English. */
const HOME = /^(origin|home|residence|bosted|bostads?|bo(sted)?kommune|bostedskommune|bostadskommun|bostadsort|residence_municipality)|bosted|bostad|residen|home/i;
const WORK = /^(destination|work|workplace)|arbeidssted|arbetsst[äa]lle|arbetsort|workplace|place_of_work|work/i;

/**
 * The flows of a commuting table as (home, work, year, value), the axes read from the column names (which the
 * readers take from the table's title, e.g. SSB 03321 "etter arbeidsstedskommune, bostedskommune"), never from
 * their order: `origin`/`destination` (the canonical commuting table: home → work), or columns whose names say
 * bosted/bostad/residence and arbeidssted/arbetsställe/workplace.
 */
export function commutingAxes(table: Table): { home: string; work: string; value: string } {
  const names = table.columnNames;
  const home = names.includes("origin") ? "origin" : names.find((n) => HOME.test(n) && !WORK.test(n));
  const work = names.includes("destination") ? "destination" : names.find((n) => WORK.test(n) && !HOME.test(n));
  if (!home || !work) {
    throw new OmvarldError(
      "SCHEMA", `cannot tell the place of residence and the place of work of the commuting table (columns ${names.join(", ")})`,
      { file: table.provenance.file }, "name them origin (home) and destination (work), or keep the agency's names (bostedskommune, arbeidsstedskommune)",
    );
  }
  const value = names.includes("value") ? "value" : table.names("measure").find((n) => n !== "year");
  if (!value) throw new OmvarldError("SCHEMA", "the commuting table has no value column", { file: table.provenance.file }, "the number of commuters goes in a column named value");
  return { home, work, value };
}

/**
 * Where each code lands in the panel's codes: itself when the panel has it, else followed forwards or backwards
 * through the registry's changes (merges forwards, renumberings both ways) until it is one of the panel's codes;
 * null when it cannot be mapped one to one (a split, or a code the registry does not know).
 */
export function panelCodeOf(code: string, panelCodes: ReadonlySet<string>, options: { country?: "SE" | "NO"; changes?: readonly CodeChange[] } = {}): string | null {
  if (panelCodes.has(code)) return code;
  const changes = (options.changes ?? CODE_CHANGES).filter((c) => !options.country || c.country === options.country);
  const seen = new Set([code]);
  let frontier = [code];
  for (let step = 0; step < 6 && frontier.length; step++) {
    const next: string[] = [];
    for (const c of frontier) {
      for (const change of changes) {
        const candidates = change.from.includes(c) && change.to.length === 1 ? change.to : change.to.includes(c) && change.from.length === 1 ? change.from : [];
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
 * The commuting structure from a table of flows (home × work [× year]; see `commutingAxes`), on the panel's
 * codes: flows of codes the panel does not hold are mapped to its codes with the registry (`panelCodeOf`) and
 * summed; areas with no employed residents (codes kept in a table after a merger) are dropped. With one year of
 * flows the matrix stands for every year of the model (`structural`); with several, each year uses its own, and a
 * year between or outside them the nearest one.
 *
 * OUT_r/E_r = 1 − C[r→r]/E_r;  w[r→k] = C[r→k]/E_r (k ≠ r).
 */
export function commutingStructure(table: Table, options: { panelCodes?: Iterable<string>; year?: number; country?: "SE" | "NO" } = {}): CommutingStructure {
  const { home, work, value } = commutingAxes(table);
  const homes = table.strings(home);
  const works = table.strings(work);
  const values = table.numbers(value);
  const years = table.has("year") ? table.numbers("year") : null;
  const panel = options.panelCodes ? new Set(options.panelCodes) : null;
  const notes: string[] = [];
  const mapped = new Map<string, string | null>();
  const unmapped = new Set<string>();
  const mapCode = (code: string) => {
    if (!panel) return code;
    let m = mapped.get(code);
    if (m === undefined) mapped.set(code, (m = panelCodeOf(code, panel, options.country ? { country: options.country } : {})));
    return m;
  };
  const flows = new Map<number, Map<string, Map<string, number>>>();
  for (let i = 0; i < table.numRows; i++) {
    const h0 = homes.get(i);
    const w0 = works.get(i);
    const v = values.get(i);
    if (h0 === null || w0 === null || v === null || v === 0) continue;
    const year = years?.get(i) ?? options.year ?? 0;
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
  if (flows.size === 0) throw new OmvarldError("ARGUMENT", "the commuting table has no flows", { file: table.provenance.file });
  const renamed = [...mapped].filter(([from, to]) => to !== null && to !== from);
  if (renamed.length) notes.push(`${renamed.length} codes mapped to the panel's codes with the registry (${renamed.slice(0, 5).map(([a, b]) => `${a} → ${b}`).join(", ")}${renamed.length > 5 ? ", …" : ""})`);
  if (unmapped.size) notes.push(`flows of ${unmapped.size} codes the panel does not hold were left out (${[...unmapped].slice(0, 5).join(", ")}${unmapped.size > 5 ? ", …" : ""})`);
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
      weights.set(h, [...row].filter(([w]) => w !== h).map(([w, v]) => [w, v / E]));
    }
    out.set(year, { employed, outShare, weights });
  }
  const structural = out.size === 1;
  if (structural) {
    const [year] = out.keys();
    notes.push(`one year of commuting flows${year ? ` (${year})` : ""}: its matrix is taken as a structural property of each area and used for every year`);
  }
  return { years: out, structural, notes };
}

/** The matrix for a year: its own, or (structural, or a year without one) the nearest given year's. */
export function commutingYear(structure: CommutingStructure, year: number): CommutingYear {
  const own = structure.years.get(year);
  if (own) return own;
  let best: number | null = null;
  for (const y of structure.years.keys()) if (best === null || Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y < best)) best = y;
  return structure.years.get(best!)!;
}
