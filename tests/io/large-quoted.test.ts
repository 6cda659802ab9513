import { fileURLToPath } from "node:url";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { recordCut, recordPieces } from "../../src/io/csv/chunks.ts";
import { readBytes } from "../../src/io/read.ts";
import { read } from "../../src/node.ts";
import { fixture, total } from "../helpers.ts";

const data = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));

// Quoted CSVs (PxWeb quotes its labels) are streamed in chunks that end at record ends, as unquoted ones are. The
// threshold and the chunk size are lowered so that real files cross many chunk boundaries; the result must equal
// reading the file whole, value for value, warnings and line numbers included.
describe("quoted CSV in chunks", () => {
  test.each([
    // SCB, Latin-1, every label quoted, ".." symbols (a status column), title line
    [fixture("scb/MikaelLundqvist-SCB-Engineers-Jonkoping__rblog__content__post__000000CD_20210926-160259.csv"), 4096],
    [fixture("scb/anderssundell-stathelp__data__befolkning.csv"), 256],
    // SSB, UTF-8, title line and blank line, quoted labels, numbers unquoted
    [fixture("ssb/erleholgersen-elections-norway__folketall.csv"), 1000],
    [data("ssb/ikashnitsky-mun-non-surv__dat__no__no-p0810.csv"), 65_536],
  ])("%s in chunks of %i bytes", (path, chunkBytes) => {
    const whole = read(path, { streamAbove: Infinity });
    const streamed = read(path, { streamAbove: 0, chunkBytes });
    expect(streamed.numRows).toBe(whole.numRows);
    expect(streamed.toRows()).toEqual(whole.toRows());
    expect(streamed.provenance.encoding).toBe(whole.provenance.encoding);
    expect(total(streamed)).toBe(total(whole));
  });

  test("SSB's p0810 streamed: 3 years of single ages by sex for each kommun, Halden's first cells as in the file", () => {
    const t = read(data("ssb/ikashnitsky-mun-non-surv__dat__no__no-p0810.csv"), {
      streamAbove: 0,
      chunkBytes: 1 << 16,
    });
    // the file's first data line: "K-3001 Halden";"Males";"0 years";141;159;147
    const halden = t.filter({ region: "3001", sex: "Males", age: "0 years" });
    expect(
      halden
        .sort("year")
        .toRows()
        .map((r) => r.value),
    ).toEqual([141, 159, 147]);
  });

  test("a quoted file read from bytes in 16 MiB pieces gives what the text reader gives", () => {
    const bytes = readFileSync(data("ssb/ikashnitsky-mun-non-surv__dat__no__no-p1113.csv"));
    const whole = readBytes(bytes);
    // above 4 MiB readBytes takes the piecewise path: pad the file with blank lines to cross it
    const padded = Buffer.concat([bytes, Buffer.alloc(1 << 22, 10)]);
    const pieced = readBytes(padded);
    expect(pieced.toRows()).toEqual(whole.toRows());
  });

  test("an error line number is the file's line across chunk boundaries", () => {
    const lines = ['"label";"2020"'];
    for (let i = 0; i < 2000; i++) lines.push(`"r${i}, quoted";${i}`);
    lines[1500] = '"r1499, quoted";1y2';
    const dir = mkdtempSync(join(tmpdir(), "omvarld-quoted-"));
    try {
      const path = join(dir, "bad.csv");
      writeFileSync(path, lines.join("\n") + "\n");
      expect(() => read(path, { streamAbove: 0, chunkBytes: 1000 })).toThrow(
        expect.objectContaining({ line: 1501, column: 2 }),
      );
      expect(() => read(path, { streamAbove: Infinity })).toThrow(expect.objectContaining({ line: 1501, column: 2 }));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("record ends", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  test("a line end inside quotes is not a cut; doubled quotes keep the parity", () => {
    // a,"b\nc"\nd,e : the first LF (index 4) is quoted, the second (index 7) ends the record
    expect(recordCut(enc('a,"b\nc"\nd,e'), 11)).toBe(8);
    expect(recordCut(enc('"x""\ny"\n"z'), 10)).toBe(8);
    expect(recordCut(enc('"open\n'), 6)).toBe(0);
    // CR-only line ends (Excel for Mac); a CR at the very end may be the first half of CRLF
    expect(recordCut(enc('"a"\r"b"\r'), 8)).toBe(4);
  });

  test("pieces cover the bytes exactly and each ends at a record end", () => {
    const text = Array.from({ length: 500 }, (_, i) => `"r${i}\nsecond line";${i}`).join("\n") + "\n";
    const bytes = enc(text);
    const pieces = [...recordPieces(bytes, 100)];
    expect(pieces.reduce((s, p) => s + p.length, 0)).toBe(bytes.length);
    for (const p of pieces) expect(new TextDecoder().decode(p)).toMatch(/;\d+\n$/);
    expect(new TextDecoder().decode(pieces[1]!)).toMatch(/^"r\d+\n/);
  });
});
