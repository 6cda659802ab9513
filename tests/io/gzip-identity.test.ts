import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { ByteStream, piecesSource } from "../../src/io/byte-stream.ts";
import { isGzip } from "../../src/io/decode.ts";
import { gunzipPieces } from "../../src/io/gunzip.ts";
import { read } from "../../src/io/node.ts";
import { readBytes, sniffFormat } from "../../src/io/read.ts";
import type { Table } from "../../src/table/table.ts";

// Every real gzipped fixture reads into the same table however it is gunzipped: beforehand (zlib, the reference),
// by zlib whole in Node's read(path), by fflate in any runtime (streamed where it is larger than 4 MiB), and as a
// stream of 64 KiB chunks forced on it.
const REAL = "tests/fixtures/real";
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
const GZIPPED = files(REAL).filter((f) => isGzip(readFileSync(f)));

/** Each column's name, type and values as a digest, the row count and the warnings. */
function digest(table: Table): Record<string, string | number> {
  const out: Record<string, string | number> = { rows: table.numRows, schema: JSON.stringify(table.schema) };
  for (const field of table.schema) {
    const column = table.column(field.name);
    const hash = createHash("sha256");
    for (let i = 0; i < table.numRows; i++) hash.update(`${JSON.stringify(column.get(i))}\n`);
    out[`column ${field.name}`] = hash.digest("hex");
  }
  out.warnings = JSON.stringify(table.warnings);
  return out;
}

describe("real gzipped files read the same however they are gunzipped", { timeout: 120_000 }, () => {
  test("the fixtures hold three gzipped files (two Eurostat TSVs under a .tsv name, one SDMX-CSV)", () => {
    expect(GZIPPED.map((f) => f.slice(REAL.length + 1)).sort()).toEqual([
      "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv",
      "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3_page_linear.csv.gz",
      "eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv",
    ]);
  });
  for (const path of GZIPPED) {
    test(path.slice(REAL.length + 1), () => {
      const bytes = readFileSync(path);
      const plain = gunzipSync(bytes);
      const reference = digest(readBytes(plain, { file: path }));
      expect(digest(read(path))).toEqual(reference);
      expect(digest(readBytes(bytes, { file: path }))).toEqual(reference);
      // CSV and Eurostat TSV are read as a stream (SDMX-CSV is read whole)
      const stream = new ByteStream(piecesSource(gunzipPieces(bytes)), plain.length, path);
      const format = sniffFormat(stream.sniff().head);
      expect(format).toBe(path.endsWith(".csv.gz") ? "sdmx-csv" : "eurostat-tsv");
      if (format === "eurostat-tsv")
        expect(digest(stream.readDelimited(format, { csv: { file: path } }, 1 << 16))).toEqual(reference);
    });
  }
});
