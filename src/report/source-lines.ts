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
