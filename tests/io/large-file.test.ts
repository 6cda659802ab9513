import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, test } from "vitest";
import { read } from "../../src/node.ts";

// A quoted Latin-1 CSV larger than V8's longest string (2^29 characters, 512 MiB): read whole into one string it
// would abort Node with a fatal error; streamed in chunks it reads. Generated on the fly into a temporary folder
// (not committed). It takes minutes on a shared 2-core machine, so it runs only with OMVARLD_LARGE_TESTS=1; the same
// file is read in the bench (workload `large-quoted`), which records its time and peak memory.
const AREAS = 290;
const CATEGORIES = 100;
const YEARS = 80; // 1950-2029
const FIRST_YEAR = 1950;

/** The generator's formula for a value: each (area, category, year) once, so no observation repeats. */
const valueOf = (a: number, c: number, y: number) => (a * 7 + c * 13 + y * 3) % 1000;

/** A category label with the delimiter and a doubled quote inside its quotes, padded to make rows long. */
const category = (c: number) => `"Kategori ${c}; ""med citat"" och utfyllnad ${"x".repeat(180)}"`;

function* lines(): Generator<Buffer> {
  yield Buffer.from('"område";"kategori";"år";"värde"\r\n', "latin1");
  const labels = Array.from({ length: CATEGORIES }, (_, c) => category(c));
  for (let a = 0; a < AREAS; a++) {
    const rows: string[] = [];
    for (let c = 0; c < CATEGORIES; c++) {
      for (let y = 0; y < YEARS; y++)
        rows.push(`"A${a} Område ${a}";${labels[c]};${FIRST_YEAR + y};${valueOf(a, c, y)}\r\n`);
    }
    yield Buffer.from(rows.join(""), "latin1");
  }
}

describe.runIf(process.env.OMVARLD_LARGE_TESTS === "1")("a file larger than V8's longest string", () => {
  test(
    "a 582 MB quoted Latin-1 CSV is streamed: every row read, the sum as the generator's formula gives",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "omvarld-large-"));
      try {
        const path = join(dir, "large.csv");
        await pipeline(Readable.from(lines()), createWriteStream(path));
        // Latin-1: one byte per character, so the file's size is its length as a string
        expect(statSync(path).size).toBeGreaterThan(2 ** 29);
        const table = read(path);
        expect(table.numRows).toBe(AREAS * CATEGORIES * YEARS);
        let expected = 0;
        for (let a = 0; a < AREAS; a++)
          for (let c = 0; c < CATEGORIES; c++) for (let y = 0; y < YEARS; y++) expected += valueOf(a, c, y);
        let sum = 0;
        for (const v of table.numbers("värde").values) sum += v;
        expect(sum).toBe(expected);
        expect(table.provenance.encoding).toBe("windows-1252");
        // a doubled quote and a delimiter inside quotes, decoded from Latin-1
        expect(table.strings("kategori").dictionary).toContain(
          `Kategori 7; "med citat" och utfyllnad ${"x".repeat(180)}`,
        );
        expect(table.filter({ område: "A289 Område 289", year: 2029 }).numRows).toBe(CATEGORIES);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    30 * 60_000,
  );
});
