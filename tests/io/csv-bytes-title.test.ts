import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { read } from "../../src/node.ts";
import { fixture, one } from "../helpers.ts";
import { fingerprint } from "./fuzz/harness.ts";

// SCB's kommuner (the Latin-1 population file's labels) in a tidy UTF-8 export of more than 4 MiB with SCB's
// "with heading" title line, whose "ä" and "å" take two bytes each: read from bytes, the data start at the header's
// byte offset, not at its character offset (two bytes early here, which made the header a data row: "column
// "ålder" expected a number").
const SCB = "scb/anderssundell-stathelp__data__befolkning.csv";
const YEARS = [2012, 2013, 2014, 2015, 2016, 2017];
const AGES = 101;
/** The generator's formula for a value: each (kommun, age, year) once. */
const valueOf = (k: number, age: number, year: number) => (k * 31 + age * 7 + (year - 2000) * 3) % 997;

function titled(): { bytes: Buffer; labels: string[] } {
  const text = new TextDecoder("windows-1252").decode(readFileSync(fixture(SCB)));
  const labels = text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l.slice(0, l.lastIndexOf(","))) as string);
  const lines = ['"Folkmängd efter region och år"', "", '"region","ålder","år","Folkmängd"'];
  labels.forEach((label, k) => {
    for (let age = 0; age < AGES; age++)
      for (const year of YEARS) lines.push(`"${label}",${age},${year},${valueOf(k, age, year)}`);
  });
  return { bytes: Buffer.from(`${lines.join("\n")}\n`, "utf8"), labels };
}

describe("a large UTF-8 CSV with a non-ASCII title, read from bytes", () => {
  test("whole, from a gzip and streamed from its file: the same table, every value as generated", () => {
    const { bytes, labels } = titled();
    expect(labels).toHaveLength(290);
    expect(bytes.length).toBeGreaterThan(1 << 22);
    const fromBytes = read(new Uint8Array(bytes), { file: "title.csv" });
    expect(fromBytes.numRows).toBe(290 * AGES * YEARS.length);
    expect(fromBytes.provenance.title).toBe("Folkmängd efter region och år");
    // Vansbro is 2021, the 176th kommun of the file
    const vansbro = labels.findIndex((l) => l.startsWith("2021 "));
    expect(one(fromBytes, { region: "2021", age: 17, year: 2016 }, "Folkmängd")).toBe(valueOf(vansbro, 17, 2016));
    let sum = 0;
    let expected = 0;
    for (const v of fromBytes.numbers("Folkmängd").values) sum += v;
    labels.forEach((_, k) => {
      for (let age = 0; age < AGES; age++) for (const year of YEARS) expected += valueOf(k, age, year);
    });
    expect(sum).toBe(expected);
    const print = fingerprint(fromBytes);
    expect(fingerprint(read(new Uint8Array(gzipSync(bytes)), { file: "title.csv.gz" }))).toEqual(print);
    const dir = mkdtempSync(join(tmpdir(), "omvarld-title-"));
    try {
      writeFileSync(join(dir, "title.csv"), bytes);
      expect(fingerprint(read(join(dir, "title.csv")))).toEqual(print);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
