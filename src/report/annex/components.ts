import type { Table } from "../../table/table.ts";
import type { CellValue, Sheet, SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "./words.ts";

/** The columns a projection's components may have, in the order shown, with their words. */
const PARTS = [
  ["start_population", "start"], ["births", "births"], ["deaths", "deaths"], ["net_migration", "netMigration"],
  ["entrants", "entrants"], ["net_other", "netOther"], ["end_population", "end"],
] as const;

/**
 * The components of change of the projection by year: the columns the projection gives (start, births, deaths,
 * net migration, or entrants and the rest for a projection on age groups, end), as values.
 */
export function componentsSheet(components: Table, options: { words: AnnexWords; region: string; name: string }): Sheet {
  const t = options.words;
  const own = components.filter({ region: options.region });
  const parts = PARTS.filter(([key]) => own.has(key));
  const columns: SheetColumn[] = [
    { key: "year", header: t.year, format: "0", width: 8 },
    ...parts.map(([key, word]) => ({ key, header: t[word], format: "#,##0", width: 16 })),
  ];
  const rows = own.select("year", ...parts.map(([key]) => key)).toRows() as Record<string, CellValue>[];
  return {
    name: t.components, title: t.componentsTitle(options.name), columns, rows, projectedRows: rows.map(() => true),
    notes: own.has("entrants") ? [t.componentsNote] : [],
  };
}
