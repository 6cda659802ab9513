import type { DependencyBands } from "../../indicators/population/dependency.ts";
import type { Provenance } from "../../table/provenance.ts";
import { bandLabel } from "./ages.ts";
import type { Sheet } from "./sheet.ts";
import type { Locale } from "../../charts/locale.ts";
import { type AnnexWords, tableTitle } from "../../charts/words/annex.ts";

/**
 * A table's origin as the sources sheet shows it: the files' names (a table stacked from several files lists them,
 * separated by ", "), or the query (a URL) as given.
 */
export function fileOrQuery(file: string | undefined): string {
  if (!file) return "";
  if (/^[a-z]+:\/\//i.test(file)) return file;
  return file
    .split(", ")
    .map((f) => f.split(/[\\/]/).pop() ?? f)
    .join(", ");
}

/**
 * The sources: one row per table the annex was made from (agency, table id, title in the annex's language where
 * `tableTitle` knows its words, file or query, last update), then the methods and where the unit costs come from.
 * The long texts wrap within their columns and the notes within the table's width, so that the sheet prints on a
 * page's width.
 */
export function sourcesSheet(
  tables: readonly { what: string; provenance: Provenance }[],
  options: {
    words: AnnexWords;
    locale: Locale;
    bands: DependencyBands;
    method?: string;
    costs?: boolean;
    costSource?: string;
  },
): Sheet {
  const t = options.words;
  const b = options.bands;
  const rows = tables.map(({ what, provenance: p }) => ({
    what,
    agency: p.source ?? "",
    table: p.tableId ?? "",
    title: tableTitle(p.title ?? "", options.locale),
    file: fileOrQuery(p.file),
    updated: p.updated ?? "",
  }));
  const notes = [
    `${t.dependencyBands}: ${bandLabel(b.young)}, ${bandLabel(b.working)}, ${bandLabel(b.old)}.`,
    ...(options.method ? [`${t.projection}: ${options.method}`] : []),
    ...(options.costs ? [`${t.method}: ${t.methodCost}`] : []),
    ...(options.costs && options.costSource ? [`${t.unitCostSource}: ${options.costSource}`] : []),
  ];
  return {
    name: t.sources,
    title: t.sources,
    frozenColumns: 0,
    columns: [
      { key: "what", header: t.what, width: 16, wrap: true },
      { key: "agency", header: t.agency, width: 18, wrap: true },
      { key: "table", header: t.table, width: 10 },
      { key: "title", header: t.tableTitle, width: 36, wrap: true },
      { key: "file", header: t.file, width: 36, wrap: true },
      { key: "updated", header: t.updated, width: 14 },
    ],
    rows,
    notes,
  };
}
