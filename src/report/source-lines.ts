import { sourceLine } from "../charts/builders/common.ts";
import type { Locale } from "../charts/locale.ts";
import type { Provenance } from "../table/provenance.ts";
import type { Table } from "../table/table.ts";

/** "Källa: SCB, BE0101N1 (file)": each table's source line, once. */
export function sources(tables: readonly (Table | undefined)[], locale: Locale): string[] {
  const lines = tables
    .filter((t): t is Table => t !== undefined)
    .map((t) => sourceLine(withFile(t.provenance), locale))
    .filter((s): s is string => s !== null);
  return [...new Set(lines)];
}

/** The provenance with the files' names (not their paths) after the table id, where it has both. */
function withFile(p: Provenance): Provenance {
  const file = p.file
    ?.split(", ")
    .map((f) => f.split(/[\\/]/).pop())
    .join(", ");
  return { ...p, ...(p.tableId && file ? { tableId: `${p.tableId} (${file})` } : {}) };
}

/**
 * "Källa: Eurostat, nama_10r_3gdp": the table's source line, with a Eurostat table's dataset code taken from its
 * file's name where the file gives no id (Eurostat's bulk files are named by it: nama_10r_3gdp.tsv.gz).
 *
 * @example
 * sourceOf(gdp, "sv") // ["Källa: Eurostat, nama_10r_3gdp"]
 */
export function sourceOf(table: Table, locale: Locale): string[] {
  const p = table.provenance;
  const id = p.tableId ?? (p.source === "Eurostat" ? eurostatCode(p.file) : undefined);
  const line = sourceLine({ ...p, ...(id ? { tableId: id } : {}) }, locale);
  return line ? [line] : [];
}

/** The Eurostat dataset code a file is named by ("…__demo_r_pjanaggr3.tsv" → "demo_r_pjanaggr3"), if any. */
function eurostatCode(file: string | undefined): string | undefined {
  const name = file
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/(\.(tsv|csv|gz|sdmx|xml))+$/i, "");
  const code = name?.split("__").pop();
  return code && /^[a-z]+(_[a-z0-9]+)+$/.test(code) ? code : undefined;
}
