import { OmvarldError } from "../../errors.ts";
import { type Column, NumberColumn, StringColumn } from "../column.ts";
import { type Role, Table } from "../table.ts";

/**
 * Stacks tables with the same columns (in any order) one below the other: the rows of the first, then of the second,
 * and so on. String columns are re-encoded into one dictionary. Provenance and warnings are the first table's, plus
 * the others' warnings.
 *
 * @example
 * concatTables([janToJun, julToDec]).numRows === janToJun.numRows + julToDec.numRows
 */
export function concatTables(tables: readonly Table[]): Table {
  if (tables.length === 0) throw new OmvarldError("ARGUMENT", "concatTables needs at least one table");
  const first = tables[0]!;
  const names = first.columnNames;
  for (const t of tables.slice(1)) {
    const missing = names.filter((n) => !t.has(n));
    const extra = t.columnNames.filter((n) => !first.has(n));
    if (missing.length > 0 || extra.length > 0) {
      throw new OmvarldError(
        "ARGUMENT",
        `cannot stack tables with different columns (${[...missing, ...extra].join(", ")})`,
        { file: t.provenance.file },
        "select the same columns first",
      );
    }
  }
  const rows = tables.reduce((n, t) => n + t.numRows, 0);
  const map = new Map<string, Column>();
  const roles: Record<string, Role> = {};
  for (const field of first.schema) {
    roles[field.name] = field.role;
    if (tables.some((t) => t.column(field.name).type !== field.type)) {
      throw new OmvarldError("ARGUMENT", `column "${field.name}" holds numbers in one table and text in another`);
    }
    if (field.type === "number") {
      const out = new Float64Array(rows);
      let at = 0;
      for (const t of tables) {
        out.set(t.numbers(field.name).values, at);
        at += t.numRows;
      }
      map.set(field.name, new NumberColumn(out));
    } else {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(rows);
      let at = 0;
      for (const t of tables) {
        const column = t.strings(field.name);
        const remap = column.dictionary.map((d) => {
          let code = index.get(d);
          if (code === undefined) index.set(d, (code = dictionary.push(d) - 1));
          return code;
        });
        for (let i = 0; i < column.codes.length; i++)
          codes[at + i] = column.codes[i]! < 0 ? -1 : remap[column.codes[i]!]!;
        at += t.numRows;
      }
      map.set(field.name, new StringColumn(codes, dictionary));
    }
  }
  return new Table(map, { roles, provenance: first.provenance, warnings: tables.flatMap((t) => t.warnings) });
}
