import type { Table } from "../table.ts";

/** A column name; prefix with "-" for descending order. */
export type SortKey = string;

/** A stable ordering of the rows by the keys; missing values sort last. */
export function sortRows(table: Table, keys: readonly SortKey[]): Int32Array {
  const specs = keys.map((key) => {
    const descending = key.startsWith("-");
    const column = table.column(descending ? key.slice(1) : key);
    let rank: Float64Array;
    if (column.type === "string") {
      // rank dictionary entries once, then compare ranks
      const order = column.dictionary
        .map((_, i) => i)
        .sort((a, b) => compareText(column.dictionary[a]!, column.dictionary[b]!));
      const rankOfCode = new Float64Array(column.dictionary.length);
      order.forEach((code, r) => (rankOfCode[code] = r));
      rank = new Float64Array(column.length);
      for (let i = 0; i < column.length; i++) {
        const c = column.codes[i]!;
        rank[i] = c < 0 ? NaN : rankOfCode[c]!;
      }
    } else {
      rank = column.values;
    }
    return { rank, sign: descending ? -1 : 1 };
  });
  const index = Array.from({ length: table.numRows }, (_, i) => i);
  index.sort((a, b) => {
    for (const { rank, sign } of specs) {
      const x = rank[a]!;
      const y = rank[b]!;
      const xm = Number.isNaN(x);
      const ym = Number.isNaN(y);
      if (xm || ym) {
        if (xm !== ym) return xm ? 1 : -1;
        continue;
      }
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return a - b;
  });
  return Int32Array.from(index);
}

// made on the first text sort: building it loads ICU's collation data, which a command that sorts no text (`omvarld
// inspect`) should not pay for at start-up
let collator: Intl.Collator | undefined;

function compareText(a: string, b: string): number {
  return (collator ??= new Intl.Collator("sv", { numeric: true })).compare(a, b);
}
