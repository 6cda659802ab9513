import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { read } from "../../src/io/node.ts";
import type { Table } from "../../src/table/table.ts";

// The real Excel downloads the project ships. Their tables were digested with the reader as it was before the sheet
// was read into arrays (sheet → layout → CSV text → readCsv); every later reader must give the same tables.
const FILES = ["data/scb", "data/ssb"]
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(dir, f)),
  )
  .sort();
const SUMS_FILE = "tests/io/xlsx-identity.sums.json";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** Each column's name, type, role and values (JSON, row by row), the provenance and the warnings, each as a digest. */
function digest(table: Table): Record<string, string | number> {
  const out: Record<string, string | number> = { rows: table.numRows, schema: JSON.stringify(table.schema) };
  for (const field of table.schema) {
    const column = table.column(field.name);
    const hash = createHash("sha256");
    for (let i = 0; i < table.numRows; i++) hash.update(`${JSON.stringify(column.get(i))}\n`);
    out[`column ${field.name}`] = hash.digest("hex");
  }
  out.provenance = sha(JSON.stringify(table.provenance));
  out.warnings = JSON.stringify(table.warnings);
  return out;
}

describe("the Excel reader gives the tables it always gave", { timeout: 300_000 }, () => {
  const sums = JSON.parse(readFileSync(SUMS_FILE, "utf8")) as Record<string, Record<string, string | number>>;
  it("knows every shipped workbook", () => {
    expect(Object.keys(sums).sort()).toEqual(FILES);
  });
  for (const file of FILES) {
    it(`reads ${file} into the same table`, () => {
      const got = digest(read(file));
      if (process.env.XLSX_IDENTITY_WRITE === "1")
        writeFileSync(`${SUMS_FILE}.${file.replace(/\W/g, "_")}`, JSON.stringify(got));
      expect(got).toEqual(sums[file]);
    });
  }
});
