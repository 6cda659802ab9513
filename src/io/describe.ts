import type { Table } from "../table/table.ts";

/** What `omvarld inspect --json` prints about a table. */
export interface Description {
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  rows: number;
  /** Dimension name → number of distinct values. */
  dimensions: Record<string, number>;
  measures: string[];
  /** [first, last] year, or null when the table has no year. */
  years: [number, number] | null;
  /** Missing cells over all measures. */
  missing: number;
  /** Missing cells by the symbol the file used (`..`, `:`, ...). */
  symbols: Record<string, number>;
  warnings: string[];
  source: string | null;
  tableId: string | null;
  title: string | null;
}

/** Summarises a table: format, dimensions with distinct counts, measures, year range, missing cells. */
export function describe(table: Table): Description {
  const dimensions: Record<string, number> = {};
  for (const name of table.names("dimension")) dimensions[name] = table.distinct(name).length;
  const measures = table.names("measure");
  let missing = 0;
  for (const m of measures) for (const v of table.numbers(m).values) if (Number.isNaN(v)) missing++;
  const symbols: Record<string, number> = {};
  for (const s of table.names("status")) {
    const column = table.strings(s);
    for (const c of column.codes)
      if (c >= 0) symbols[column.dictionary[c]!] = (symbols[column.dictionary[c]!] ?? 0) + 1;
  }
  let years: [number, number] | null = null;
  if (table.has("year")) {
    const ys = table.distinct("year") as number[];
    if (ys.length) years = [Math.min(...ys), Math.max(...ys)];
  }
  const p = table.provenance;
  return {
    format: p.format ?? null,
    encoding: p.encoding ?? null,
    delimiter: p.delimiter ?? null,
    rows: table.numRows,
    dimensions,
    measures,
    years,
    missing,
    symbols,
    warnings: [...table.warnings],
    source: p.source ?? null,
    tableId: p.tableId ?? null,
    title: p.title ?? null,
  };
}
