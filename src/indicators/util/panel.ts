import { OmvarldError } from "../../errors.ts";
import type { Column } from "../../table/column.ts";
import type { Provenance } from "../../table/provenance.ts";
import { Table } from "../../table/table.ts";

/** The measure column to use: the one named, or the only measure the table has. */
export function measureOf(table: Table, name?: string): string {
  if (name) {
    table.numbers(name);
    return name;
  }
  const measures = table.names("measure");
  if (measures.length === 1) return measures[0]!;
  throw new OmvarldError(
    "ARGUMENT",
    `the table has ${measures.length} measures (${measures.join(", ")}); say which one to use`,
    {},
    'pass { value: "<column>" }',
  );
}

/** Rows grouped by region: region → year → value (null where missing). */
export function byRegionYear(
  table: Table,
  value: string,
  region = "region",
  year = "year",
): Map<string, Map<number, number | null>> {
  const out = new Map<string, Map<number, number | null>>();
  const regions = table.strings(region);
  const years = table.numbers(year).values;
  const values = table.numbers(value);
  for (let i = 0; i < table.numRows; i++) {
    const r = regions.get(i);
    if (r === null) continue;
    let series = out.get(r);
    if (!series) out.set(r, (series = new Map()));
    if (series.has(years[i]!)) {
      throw new OmvarldError(
        "ARGUMENT",
        `more than one row for region ${r}, year ${years[i]}`,
        {},
        "filter or aggregate the other dimensions first",
      );
    }
    series.set(years[i]!, values.get(i));
  }
  return out;
}

/**
 * Builds an indicator's result table from row objects: the named columns hold text (dimensions), `note` says why
 * a value is null (a status column), `year` is a dimension, every other column a measure. The source's
 * provenance is kept, so that charts and reports can cite it.
 */
export function toTable(
  rows: readonly Record<string, string | number | null>[],
  text: readonly string[],
  provenance: Provenance = {},
): Table {
  const names = rows.length > 0 ? Object.keys(rows[0]!) : [...text];
  const types = Object.fromEntries(
    names.map((n) => [n, text.includes(n) || n === "note" ? ("string" as const) : ("number" as const)]),
  );
  const roles = Object.fromEntries(
    names.map((n) => [
      n,
      n === "note"
        ? ("status" as const)
        : text.includes(n) || n === "year"
          ? ("dimension" as const)
          : ("measure" as const),
    ]),
  );
  return Table.fromRows(rows, { provenance, roles, types });
}

/**
 * The same table as `toTable` from whole columns built by the indicator (no row objects): the named columns are
 * dimensions, `note` a status column, `year` a dimension, every other column a measure.
 */
export function columnsTable(
  columns: Readonly<Record<string, Column>>,
  text: readonly string[],
  provenance: Provenance = {},
): Table {
  const roles = Object.fromEntries(
    Object.keys(columns).map((n) => [
      n,
      n === "note"
        ? ("status" as const)
        : text.includes(n) || n === "year"
          ? ("dimension" as const)
          : ("measure" as const),
    ]),
  );
  return new Table(new Map(Object.entries(columns)), { provenance, roles });
}
