import { type Country, REGIONS, type Region } from "../regions/registry.ts";
import { NumberColumn, type StringColumn } from "../table/column.ts";
import type { Table } from "../table/table.ts";

const MUNICIPALITIES = new Map<string, Region[]>();
for (const r of REGIONS)
  if (r.level === "municipality") (MUNICIPALITIES.get(r.code) ?? MUNICIPALITIES.set(r.code, []).get(r.code)!).push(r);

const simplify = (name: string) =>
  name
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s*\(.*\)\s*$/u, "")
    .replace(/\s+(kommun|kommune)$/u, "")
    .trim();

/**
 * The country of a table's kommun codes: the one whose registry knows more of its codes under the names the table
 * gives (or, without names, knows more of its codes at all); undefined on a tie.
 */
function countryOf(codes: readonly string[], names: readonly (string | null)[]): Country | undefined {
  const votes: Record<Country, number> = { SE: 0, NO: 0 };
  codes.forEach((code, k) => {
    const found = MUNICIPALITIES.get(code) ?? [];
    const name = names[k] ?? null;
    const countries = new Set(
      found.filter((r) => name === null || simplify(r.name) === simplify(name)).map((r) => r.country),
    );
    if (countries.size === 1) votes[[...countries][0]!]++;
  });
  return votes.SE > votes.NO ? "SE" : votes.NO > votes.SE ? "NO" : undefined;
}

const validIn = (r: Region, year: number) => (r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity);

/**
 * Zeros for a kommun code in years when the code did not exist are missing, not people: SSB's tables on today's
 * borders give 0 for Narvik (1806, formed 2020) in 2008-2019, when its area was counted elsewhere. Every measure of
 * a region and year is set to null where the region registry says the code was not valid that year (in the
 * table's country) and every measure of that region and year is 0 or missing. A value that is not 0 (a figure
 * recast onto today's borders) is kept. Returns the table and a warning naming the codes, or null where nothing
 * changed.
 *
 * @example
 * missingBeforeExistence(ssb07459) // 1806 Narvik, 1875 Hamarøy, 5055 Heim, … null for 2008-2019
 */
export function missingBeforeExistence(table: Table): { table: Table; warning: string | null } {
  const unchanged = { table, warning: null };
  if (!table.has("region") || !table.has("year") || table.column("region").type !== "string") return unchanged;
  if (table.column("year").type !== "number") return unchanged;
  const measures = table.names("measure").filter((m) => table.column(m).type === "number");
  if (measures.length === 0) return unchanged;
  const region = table.strings("region");
  const names =
    table.has("region_name") && table.column("region_name").type === "string" ? table.strings("region_name") : null;
  const codes = region.dictionary;
  const nameOf: (string | null)[] = codes.map(() => null);
  if (names) {
    let missing = codes.length;
    for (let i = 0; i < table.numRows && missing > 0; i++) {
      const code = region.codes[i]!;
      if (code < 0 || nameOf[code] !== null) continue;
      const name = names.get(i);
      if (name !== null) {
        nameOf[code] = name;
        missing--;
      }
    }
  }
  const country = countryOf(codes, nameOf);
  if (!country) return unchanged;
  const entries = codes.map((c) => (MUNICIPALITIES.get(c) ?? []).filter((r) => r.country === country));
  const year = table.numbers("year").values;
  const values = measures.map((m) => table.numbers(m).values);
  const n = table.numRows;
  // the region-years outside their code's validity, in the order first met: a dense table over code × year (the
  // years' range), whose cells say whether the code was valid (1) or not (0) that year, then whether every measure
  // met there so far is 0 or missing (2: yes, 3: no)
  let low = Infinity;
  let high = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const y = year[i]!;
    if (y < low) low = y;
    if (y > high) high = y;
    if (y !== Math.floor(y) && y === y) whole = false;
  }
  if (low === Infinity) return unchanged;
  const span = high - low + 1;
  const codeCount = codes.length;
  if (!whole || span * codeCount > 1 << 24)
    return missingBeforeExistenceByRow(table, measures, region, entries, nameOf);
  const state = new Uint8Array(codeCount * span).fill(1);
  let anyOutside = false;
  entries.forEach((known, code) => {
    if (known.length === 0) return;
    for (let y = low; y <= high; y++) {
      if (!known.some((r) => validIn(r, y))) {
        state[code * span + (y - low)] = 0;
        anyOutside = true;
      }
    }
  });
  if (!anyOutside) return unchanged;
  const met: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = region.codes[i]!;
    const y = year[i]!;
    if (code < 0 || y !== y) continue;
    const cell = code * span + (y - low);
    const s = state[cell]!;
    if (s === 1 || s === 3) continue;
    let zero = true;
    for (const v of values) {
      const x = v[i]!;
      if (x !== 0 && x === x) {
        zero = false;
        break;
      }
    }
    if (s === 0) met.push(cell);
    state[cell] = zero ? 2 : 3;
  }
  const outside = met.filter((cell) => state[cell] === 2);
  if (outside.length === 0) return unchanged;
  const copies = values.map((v) => Float64Array.from(v));
  for (let i = 0; i < n; i++) {
    const code = region.codes[i]!;
    const y = year[i]!;
    if (code < 0 || y !== y || state[code * span + (y - low)] !== 2) continue;
    for (const c of copies) c[i] = NaN;
  }
  const byCode = new Map<number, number[]>();
  for (const cell of outside) {
    const code = Math.floor(cell / span);
    (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(low + (cell % span));
  }
  return withMissing(table, measures, copies, byCode, codes, nameOf, entries);
}

/** The table with its measures replaced by `copies`, and the warning naming the codes and years of `byCode`. */
function withMissing(
  table: Table,
  measures: string[],
  copies: Float64Array[],
  byCode: Map<number, number[]>,
  codes: readonly string[],
  nameOf: (string | null)[],
  entries: Region[][],
): { table: Table; warning: string } {
  let out = table;
  measures.forEach((m, k) => {
    out = out.withColumn(m, new NumberColumn(copies[k]!), "measure");
  });
  const listed = [...byCode]
    .slice(0, 5)
    .map(([code, years]) => {
      const name = nameOf[code] ?? entries[code]![0]?.name;
      return `${codes[code]}${name ? ` ${name}` : ""} ${Math.min(...years)}-${Math.max(...years)}`;
    })
    .join(", ");
  return {
    table: out,
    warning: `zeros for ${byCode.size} kommun code${byCode.size > 1 ? "s" : ""} in years when the code did not exist (${listed}${byCode.size > 5 ? ", …" : ""}) read as missing`,
  };
}

/**
 * `missingBeforeExistence` row by row through a map of region-years: for years that are not whole numbers, or too
 * many codes × years (and, in the tests, as the reference of the dense table).
 *
 * @example
 * missingBeforeExistenceByRow(table, ["value"], table.strings("region"), entries, names).warning;
 * // what missingBeforeExistence(table).warning gives
 */
export function missingBeforeExistenceByRow(
  table: Table,
  measures: string[],
  region: StringColumn,
  entries: Region[][],
  nameOf: (string | null)[],
): { table: Table; warning: string | null } {
  const unchanged = { table, warning: null };
  const codes = region.dictionary;
  const year = table.numbers("year").values;
  const values = measures.map((m) => table.numbers(m).values);
  // region-years outside the code's validity: all zero (or missing) so far?
  const outside = new Map<number, boolean>();
  const keyOf = (i: number): number | null => {
    const code = region.codes[i]!;
    const y = year[i]!;
    const known = code >= 0 ? entries[code]! : [];
    if (known.length === 0 || Number.isNaN(y) || known.some((r) => validIn(r, y))) return null;
    return code * 100_000 + y;
  };
  for (let i = 0; i < table.numRows; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const zero = values.every((v) => v[i] === 0 || Number.isNaN(v[i]!));
    outside.set(key, (outside.get(key) ?? true) && zero);
  }
  if (![...outside.values()].some(Boolean)) return unchanged;
  const copies = values.map((v) => Float64Array.from(v));
  for (let i = 0; i < table.numRows; i++) {
    const key = keyOf(i);
    if (key !== null && outside.get(key)) for (const c of copies) c[i] = NaN;
  }
  const byCode = new Map<number, number[]>();
  for (const [key, zero] of outside) {
    if (!zero) continue;
    const code = Math.floor(key / 100_000);
    (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(key % 100_000);
  }
  return withMissing(table, measures, copies, byCode, codes, nameOf, entries);
}
