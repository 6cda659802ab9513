import type { Table } from "../../table/table.ts";

/**
 * A table as RFC 4180 CSV: a header, commas, quotes where a cell needs them, empty for missing, "." decimals.
 *
 * @example
 * toCsv(Table.fromRows([{ region: "2021", value: 6805 }])) // "region,value\n2021,6805\n"
 */
export function toCsv(table: Table): string {
  const quote = (v: unknown) => {
    if (v === null || v === undefined) return "";
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const names = table.columnNames;
  const lines = [names.map(quote).join(",")];
  for (const row of table.toRows()) lines.push(names.map((n) => quote(row[n])).join(","));
  return `${lines.join("\n")}\n`;
}
