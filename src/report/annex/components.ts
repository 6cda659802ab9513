import type { Table } from "../../table/table.ts";
import { type CellValue, cellAddress, type Sheet, type SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "../../charts/words/annex.ts";

/** The columns a projection's components may have, in the order shown, with their words. */
const PARTS = [
  ["start_population", "start"],
  ["births", "births"],
  ["deaths", "deaths"],
  ["net_migration", "netMigration"],
  ["entrants", "entrants"],
  ["net_other", "netOther"],
  ["end_population", "end"],
] as const;

/**
 * The components of change by year: the columns the projection gives, observed years (a `kind` column) marked.
 * With births, deaths and net migration (the cohort-component projection of a kommun), the end of the year is a
 * formula on its row, written where the table's own end agrees with it:
 *
 *     end = start + births − deaths + net migration
 *
 * Otherwise (entrants and the rest, for a projection on age groups) every cell is a value.
 */
export function componentsSheet(
  components: Table,
  options: { words: AnnexWords; region: string; name: string },
): Sheet {
  const t = options.words;
  const own = components.filter({ region: options.region });
  const parts = PARTS.filter(([key]) => own.has(key));
  const hasKind = own.has("kind");
  const columns: SheetColumn[] = [
    { key: "year", header: t.year, format: "0", width: 8 },
    ...(hasKind ? [{ key: "kind", header: t.kind, width: 14 }] : []),
    ...parts.map(([key, word]) => ({ key, header: t[word], format: "#,##0", width: 15 })),
  ];
  const sheet: Sheet = {
    name: t.components,
    title: t.componentsTitle(options.name),
    columns,
    rows: [],
    projectedRows: [],
    notes: own.has("entrants") ? [t.componentsNote] : [],
  };
  const balance = ["start_population", "births", "deaths", "net_migration", "end_population"].every((k) => own.has(k));
  own.toRows().forEach((r, k) => {
    const projected = !hasKind || r.kind === "projected";
    const row: Record<string, CellValue> = { year: r.year as number };
    if (hasKind) row.kind = projected ? t.projected : t.observed;
    for (const [key] of parts) row[key] = (r[key] as number | null | undefined) ?? null;
    if (balance) {
      const [start, births, deaths, net, end] = [
        "start_population",
        "births",
        "deaths",
        "net_migration",
        "end_population",
      ].map((c) => r[c] as number | null);
      if (start !== null && births !== null && deaths !== null && net !== null && end !== null) {
        const sum = start! + births! - deaths! + net!;
        if (Math.abs(sum - end!) <= 1e-6 * Math.max(1, Math.abs(end!))) {
          const at = (c: string) => cellAddress(sheet, c, k);
          row.end_population = {
            formula: `${at("start_population")}+${at("births")}-${at("deaths")}+${at("net_migration")}`,
            result: end!,
          };
        }
      }
    }
    sheet.rows.push(row);
    sheet.projectedRows!.push(projected);
  });
  return sheet;
}
