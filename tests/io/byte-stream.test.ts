import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, test } from "vitest";
import { ByteStream, piecesSource } from "../../src/io/byte-stream.ts";
import { gunzipPieces } from "../../src/io/gunzip.ts";
import { read } from "../../src/io/node.ts";
import { fixture, one } from "../helpers.ts";
import { fingerprint } from "./fuzz/harness.ts";

// SCB's population by kommun (Latin-1, no title) saved again as SCB's "with heading" export writes it: a title line
// and a blank line before the header, in UTF-8, so that the title's "ä" takes two bytes. Streamed, the header is
// found by its byte offset, not its character offset.
const SCB = "scb/anderssundell-stathelp__data__befolkning.csv";
const titled = () => {
  const text = new TextDecoder("windows-1252").decode(readFileSync(fixture(SCB)));
  return Buffer.from(`"Folkmängd efter region och år"\n\n${text}`, "utf8");
};

const dir = mkdtempSync(join(tmpdir(), "omvarld-stream-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("CSV read as a stream of bytes", () => {
  test("a UTF-8 title with non-ASCII letters: streamed from the file or as it inflates, the same table", () => {
    const bytes = titled();
    const whole = read(bytes, { file: "befolkning.csv" });
    expect(one(whole, { region: "2021", year: 2017 })).toBe(6837);
    const path = join(dir, "befolkning.csv");
    writeFileSync(path, bytes);
    const fromFile = read(path, { streamAbove: 0, chunkBytes: 4096 });
    expect(fingerprint(fromFile)).toEqual(fingerprint(whole));
    expect(fromFile.provenance.encoding).toBe("utf-8");
    const stream = new ByteStream(piecesSource(gunzipPieces(gzipSync(bytes))), bytes.length, "befolkning.csv.gz");
    expect(stream.sniff().encoding).toBe("utf-8");
    expect(fingerprint(stream.readDelimited("csv", { csv: {} }, 4096))).toEqual(fingerprint(whole));
  });

  test("reads ahead only as far as asked: 4 MiB + 1 bytes to tell a large stream", () => {
    const TOTAL = 5 << 20;
    let given = 0;
    const text = readFileSync(fixture(SCB));
    const stream = new ByteStream(
      {
        read(into, at, length) {
          const n = Math.min(length, TOTAL - given);
          for (let k = 0; k < n; k++) into[at + k] = text[(given + k) % text.length]!;
          given += n;
          return n;
        },
      },
      TOTAL,
      undefined,
    );
    expect(stream.holdsMoreThan(1 << 22)).toBe(true);
    expect(given).toBe((1 << 22) + 1);
    expect(stream.all().length).toBe(TOTAL);
    expect(given).toBe(TOTAL);
  });
});
