import type { Table } from "../../table/table.ts";

/** A column's values as dense integer codes 0, 1, 2, … in order of first appearance, with the label of each code. */
export interface DenseCodes {
  codes: Int32Array;
  labels: (string | null)[];
}

/**
 * Codes a key column for whole-column work (one pass, no per-cell lookups): text keeps its dictionary's values,
 * numbers are written as text (`String(v)`), a missing value is labelled `missing`.
 *
 * @example
 * denseCodes(Table.fromRows([{ r: "b" }, { r: "a" }, { r: "b" }]), "r") // { codes: [0, 1, 0], labels: ["b", "a"] }
 */
export function denseCodes(table: Table, name: string, missing: string | null = null): DenseCodes {
  const column = table.column(name);
  const n = table.numRows;
  const codes = new Int32Array(n);
  const labels: (string | null)[] = [];
  if (column.type === "string") {
    const slot = new Int32Array(column.dictionary.length + 1).fill(-1);
    // a dictionary may repeat a value (after a concatenation): equal labels share one code
    const byLabel = new Map<string | null, number>();
    const source = column.codes;
    for (let i = 0; i < n; i++) {
      const c = source[i]! + 1; // missing (-1) takes slot 0
      let k = slot[c]!;
      if (k < 0) {
        const label = c === 0 ? missing : column.dictionary[c - 1]!;
        k = byLabel.get(label) ?? labels.length;
        if (k === labels.length) {
          byLabel.set(label, k);
          labels.push(label);
        }
        slot[c] = k;
      }
      codes[i] = k;
    }
    return { codes, labels };
  }
  const index = new Map<number, number>();
  const values = column.values;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let k = index.get(v);
    if (k === undefined) {
      index.set(v, (k = labels.length));
      labels.push(Number.isNaN(v) ? missing : String(v));
    }
    codes[i] = k;
  }
  return { codes, labels };
}
