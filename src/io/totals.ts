import type { Table } from "../table/table.ts";
import { keyArray } from "./duplicates.ts";

export interface TotalsChecked {
  /** The table without the total rows that were checked to be sums. */
  table: Table;
  /** Dictionary entries of the region column whose rows are kept as regions of their own. */
  kept: number[];
  warnings: string[];
}

/**
 * Total rows ("Total", "Summa", "I alt") are left out only where each of their values equals the sum of the
 * other regions' values with the same other dimensions (year, sex, age, ...), for every measure whose parts are all
 * present (a value with a missing part cannot be checked and is passed over); a total that is not a sum (an
 * index, a rate, a mean: a national row beside kommuner) or that cannot be checked at all stays as a region of its
 * own, with a warning.
 *
 * Equal means |total − Σ parts| ≤ 1e-9·max(1, |Σ parts|) + 1e-6: published sums of counts are exact.
 *
 * @example
 * // "Total;160681" under 15 kommuner summing to 160681 → dropped; "Riket;7.5" under rates → kept
 */
export function checkTotals(table: Table, totalEntries: readonly number[]): TotalsChecked {
  if (totalEntries.length === 0) return { table, kept: [], warnings: [] };
  const region = table.strings("region");
  const isTotal = new Uint8Array(region.dictionary.length);
  for (const k of totalEntries) isTotal[k] = 1;
  const others = table.names("dimension").filter((d) => d !== "region" && d !== "region_name");
  const measures = table.names("measure").filter((m) => table.column(m).type === "number");
  // the other dimensions as one mixed-radix number (or, past 2^53 combinations, a string)
  const keys = others.map((d) => keyArray(table.column(d)));
  const combinations = keys.reduce((p, k) => p * k.size, 1);
  const keyOf =
    combinations < 2 ** 53
      ? (row: number) => keys.reduce((key, k) => key * k.size + k.codes[row]!, 0)
      : (row: number) => keys.map((k) => k.codes[row]).join(",");
  const measureColumns = measures.map((m) => table.numbers(m).values);
  const sums = new Map<number | string, { sum: number[]; parts: number; missing: boolean[] }>();
  const totalRows: number[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const c = region.codes[i]!;
    if (c >= 0 && isTotal[c]) {
      totalRows.push(i);
      continue;
    }
    const key = keyOf(i);
    let s = sums.get(key);
    if (!s) sums.set(key, (s = { sum: measures.map(() => 0), parts: 0, missing: measures.map(() => false) }));
    s.parts++;
    for (let j = 0; j < measureColumns.length; j++) {
      const v = measureColumns[j]![i]!;
      if (Number.isNaN(v)) s.missing[j] = true;
      else s.sum[j]! += v;
    }
  }
  // per total label: is every one of its rows a sum?
  const verdict = new Map<number, { sums: boolean; example: string }>();
  for (const i of totalRows) {
    const c = region.codes[i]!;
    const s = sums.get(keyOf(i));
    let ok = s !== undefined && s.parts > 0;
    let checked = 0;
    let example = "";
    measures.forEach((m, j) => {
      const v = table.get(m, i);
      // a missing part ("-", ".."): this value cannot be checked; the others must do
      if (v === null || !ok || s!.missing[j]) return;
      const sum = s!.sum[j]!;
      checked++;
      if (Math.abs(Number(v) - sum) > 1e-9 * Math.max(1, Math.abs(sum)) + 1e-6) {
        ok = false;
        example = `${Number(v)} against a sum of ${Number(sum.toPrecision(12))}${others.length ? ` (${others.map((d) => `${d} ${String(table.get(d, i))}`).join(", ")})` : ""}`;
      }
    });
    if (ok && checked === 0) {
      ok = false;
      example = "a part is missing in every column, so the sum cannot be checked";
    }
    if (s === undefined && !example) example = "no other rows share its year and dimensions";
    const previous = verdict.get(c);
    if (!previous || (previous.sums && !ok)) verdict.set(c, { sums: ok && (previous?.sums ?? true), example });
  }
  const drop = [...verdict].filter(([, v]) => v.sums).map(([k]) => k);
  const kept = [...verdict].filter(([, v]) => !v.sums).map(([k]) => k);
  const warnings: string[] = [];
  let out = table;
  if (drop.length > 0) {
    const dropSet = new Set(drop);
    const index: number[] = [];
    for (let i = 0; i < table.numRows; i++) if (!dropSet.has(region.codes[i]!)) index.push(i);
    out = table.take(Int32Array.from(index));
    warnings.push(
      `a total row ("${region.dictionary[drop[0]!]}") was left out: it was checked to sum the rows listed with it`,
    );
  }
  for (const k of kept) {
    warnings.push(
      `the row "${region.dictionary[k]}" is not the sum of the other rows (${verdict.get(k)!.example}); it is kept as a region of its own, code "${region.dictionary[k]!.trim()}"`,
    );
  }
  return { table: out, kept, warnings };
}
