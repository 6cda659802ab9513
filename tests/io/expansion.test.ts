import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, test } from "vitest";
import { run as inspect } from "../../src/cli/inspect.ts";
import { readBytes } from "../../src/io/read.ts";
import { read } from "../../src/io/node.ts";
import { failure } from "../helpers.ts";

// Files that expand without bound, generated here from real data (never shipped): a gzip of one line of SCB's
// population CSV repeated, and SCB's p1819.xlsx with one row of its sheet repeated. Limits are lowered where that
// keeps a test quick; the default (64 MiB, then 100 to 1) is met by a bomb just past 64 MiB.
const LINE = "0114;Upplands Väsby;2020;män;45000\n";
const HEADER = "region;namn;år;kön;folkmängd\n";
const MIB = 1 << 20;

/** A gzip of the header and `lines` repeats of one line. */
function csvBomb(lines: number): Buffer {
  return gzipSync(Buffer.from(HEADER + LINE.repeat(lines)), { level: 9 });
}
const linesFor = (bytes: number) => Math.ceil(bytes / Buffer.byteLength(LINE));

/** SCB's p1819.xlsx with its sheet's 11th row repeated to `bytes` of XML in place of its data rows. */
function xlsxBomb(bytes: number): { zip: Uint8Array; sheet: string } {
  const files = unzipSync(readFileSync("data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx"));
  const sheet = Object.keys(files).find((n) => /worksheets\/sheet[^/]*\.xml$/.test(n))!;
  const xml = new TextDecoder().decode(files[sheet]);
  const rows = [...xml.matchAll(/<x:row\b[\s\S]*?<\/x:row>/g)];
  const row = rows[10]!;
  const tail = rows.at(-1)!;
  const body = row[0].repeat(Math.ceil(bytes / row[0].length));
  files[sheet] = new TextEncoder().encode(xml.slice(0, row.index) + body + xml.slice(tail.index! + tail[0].length));
  return { zip: zipSync(files, { level: 9 }), sheet };
}

const dir = mkdtempSync(join(tmpdir(), "omvarld-bombs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("a gzip file that expands without bound", () => {
  const lines = linesFor(16 * MIB);
  const gz = csvBomb(lines);
  const custom = (limit: number, compressed = gz.length) =>
    `the gzip data expand to more than ${limit} bytes from ${compressed} compressed bytes ` +
    `(a ratio above ${Math.floor(limit / compressed)}:1), beyond maxDecompressedBytes = ${limit}`;

  test("stops at maxDecompressedBytes: TOO_LARGE naming the file, the ratio and the option", () => {
    const limit = 4 * MIB;
    // streamed by fflate in any runtime (the trailer declares 16 MiB: counted up to the limit before reading)
    const portable = failure(() => readBytes(gz, { file: "bomb.csv.gz", maxDecompressedBytes: limit }));
    expect([portable.code, portable.file, portable.message]).toEqual(["TOO_LARGE", "bomb.csv.gz", custom(limit)]);
    expect(portable.hint).toMatch(/raise the read option maxDecompressedBytes/);
    // inflated whole by zlib in Node, which stops at the limit
    const path = file("bomb.csv.gz", gz);
    const node = failure(() => read(path, { maxDecompressedBytes: limit }));
    expect([node.code, node.file, node.message]).toEqual(["TOO_LARGE", path, custom(limit)]);
  });

  test("a trailer that declares a small size does not get past the limit", () => {
    const lying = Buffer.from(gz);
    lying.writeUInt32LE(1000, lying.length - 4);
    const limit = 2 * MIB;
    for (const error of [
      failure(() => readBytes(lying, { file: "lying.csv.gz", maxDecompressedBytes: limit })),
      failure(() => read(lying, { file: "lying.csv.gz", maxDecompressedBytes: limit })),
    ])
      expect([error.code, error.message]).toEqual(["TOO_LARGE", custom(limit)]);
  });

  test("past what zlib holds (128 MiB) for a trailer declaring less, the data are streamed and stop at the limit", () => {
    // SSB's JSON-stat answer followed by 160 MiB of blanks (still JSON), its trailer saying 1000 bytes
    const json = readFileSync(
      "tests/fixtures/real/ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json",
    );
    const padded = gzipSync(Buffer.concat([json, Buffer.alloc(160 * MIB, 0x20)]), { level: 1 });
    padded.writeUInt32LE(1000, padded.length - 4);
    const limit = 150 * MIB;
    const error = failure(() => read(padded, { file: "padded.json.gz", maxDecompressedBytes: limit }));
    expect(error.code).toBe("TOO_LARGE");
    const compressed = Number(/from (\d+) compressed bytes/.exec(error.message)?.[1]);
    // streamed: stopped before the end of the compressed bytes (zlib, given them all, would name them all)
    expect(compressed).toBeLessThan(padded.length);
    expect(error.message).toBe(
      `the gzip data expand to more than ${limit} bytes from ${compressed} compressed bytes ` +
        `(a ratio above ${Math.floor(limit / compressed)}:1), beyond maxDecompressedBytes = ${limit}`,
    );
  });

  test("raised, the same file reads: one row, and the repeats counted as duplicates", () => {
    for (const table of [
      readBytes(gz, { file: "bomb.csv.gz", maxDecompressedBytes: 64 * MIB }),
      read(file("raised.csv.gz", gz), { maxDecompressedBytes: 64 * MIB }),
    ]) {
      expect(table.toRows()).toEqual([
        { region: "0114", namn: "Upplands Väsby", year: 2020, sex: "män", folkmängd: 45000 },
      ]);
      expect(table.warnings).toContain(
        `${lines - 1} duplicate rows (the same observation with the same value twice) were left out, the first at line 3`,
      );
    }
  });

  test("the default: past 64 MiB, no more than 100 times the compressed bytes read; also for `omvarld inspect`", () => {
    const big = csvBomb(linesFor(80 * MIB));
    // refused once 64 MiB came from the compressed bytes read so far (whole slices of 64 KiB): more than 100 to 1
    const message = failure(() => readBytes(big, { file: "big.csv.gz" })).message;
    const read = Number(/from (\d+) compressed bytes/.exec(message)?.[1]);
    expect(read % 65_536 === 0 && read < big.length && (64 * MIB) / read > 100).toBe(true);
    const expected =
      `the gzip data expand to more than ${64 * MIB} bytes from ${read} compressed bytes ` +
      `(a ratio above ${Math.floor((64 * MIB) / read)}:1), beyond the default limit of maxDecompressedBytes: ` +
      `100 times the compressed size, once past ${64 * MIB} bytes`;
    expect(message).toBe(expected);
    const path = file("big.csv.gz", big);
    const cli = failure(() => inspect([path]));
    expect([cli.code, cli.file, cli.message]).toEqual(["TOO_LARGE", path, expected]);
    // the same file allowed to expand: 2.4 M repeated lines read as one row
    const raised = readBytes(big, { maxDecompressedBytes: Infinity });
    expect(raised.numRows).toBe(1);
  });

  test("maxDecompressedBytes must be a positive number", () => {
    const error = failure(() => readBytes(gz, { maxDecompressedBytes: 0 }));
    expect([error.code, error.message]).toEqual([
      "ARGUMENT",
      "maxDecompressedBytes is 0, expected a positive number of bytes",
    ]);
  });
});

describe("an XLSX workbook whose sheet expands without bound", () => {
  test("stops at maxDecompressedBytes: TOO_LARGE naming the file, the entry, the ratio and the option", () => {
    const { zip, sheet } = xlsxBomb(40 * MIB);
    const limit = 8 * MIB;
    const expected = (compressed: number) =>
      `the workbook's entries (at ${sheet}) expand to more than ${limit} bytes from ${compressed} compressed bytes ` +
      `(a ratio above ${Math.floor(limit / compressed)}:1), beyond maxDecompressedBytes = ${limit}`;
    // fflate in any runtime; zlib in Node (the sheet declares 40 MiB: counted up to the limit before parsing)
    const portable = failure(() => readBytes(zip, { file: "bomb.xlsx", maxDecompressedBytes: limit }));
    expect([portable.code, portable.file, portable.message]).toEqual(["TOO_LARGE", "bomb.xlsx", expected(zip.length)]);
    const node = failure(() => read(file("bomb.xlsx", zip), { maxDecompressedBytes: limit }));
    expect([node.code, node.message]).toEqual(["TOO_LARGE", expected(zip.length)]);
  });

  test("the default: a sheet past 64 MiB at more than 100 to 1 stops, in Node as in any runtime", () => {
    const { zip, sheet } = xlsxBomb(80 * MIB);
    for (const error of [
      failure(() => readBytes(zip, { file: "big.xlsx" })),
      failure(() => read(file("big.xlsx", zip))),
    ]) {
      expect(error.code).toBe("TOO_LARGE");
      expect(error.message).toMatch(
        new RegExp(
          `^the (inflated data of ${sheet.replace(/\./g, "\\.")}|workbook's entries \\(at ${sheet.replace(/\./g, "\\.")}\\)) ` +
            `expand to more than ${64 * MIB} bytes from \\d+ compressed bytes \\(a ratio above \\d+:1\\), beyond the ` +
            `default limit of maxDecompressedBytes: 100 times the compressed size, once past ${64 * MIB} bytes$`,
        ),
      );
      const ratio = Number(/a ratio above (\d+):1/.exec(error.message)![1]);
      expect(ratio).toBeGreaterThanOrEqual(100);
    }
  });

  test("raised, the bomb reads: the rows before the repeated one, and the repeated row once", () => {
    const { zip } = xlsxBomb(12 * MIB);
    for (const table of [
      read(zip, { file: "raised.xlsx", maxDecompressedBytes: 256 * MIB }),
      readBytes(zip, { file: "raised.xlsx", maxDecompressedBytes: 256 * MIB }),
    ]) {
      // p1819's sheet rows 4-11 (Upplands Väsby, ages 0-3, men and women) and row 12 (age 4, men: 317 in 2018 and
      // 331 in 2019, as the sheet holds them), each for 2018 and 2019
      expect(table.numRows).toBe(18);
      expect(table.filter({ age: "4 years" }).toRows()).toEqual([
        { region: "0114", region_name: "Upplands Väsby", age: "4 years", sex: "men", year: 2018, value: 317 },
        { region: "0114", region_name: "Upplands Väsby", age: "4 years", sex: "men", year: 2019, value: 331 },
      ]);
      expect(table.filter({ age: "0 years", sex: "women", year: 2019 }).get("value", 0)).toBe(266);
      expect(table.warnings.some((w) => /duplicate rows/.test(w))).toBe(true);
    }
  });
});
