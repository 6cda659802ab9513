import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { PARALLEL_MIN_BYTES, parallelStats } from "../../src/io/csv/parallel-node.ts";
import { read } from "../../src/node.ts";
import { failure, fixture, one } from "../helpers.ts";
import { tableDigest } from "../helpers.ts";

// The parallel CSV path must give the table one pass gives: the same columns (values, dictionaries in the order
// values first occur), roles, provenance and warnings, and the same errors with the same lines.
const dir = mkdtempSync(join(tmpdir(), "omvarld-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Read on one thread, and on `threads` with every size threshold at 0 (so that small files take the path too). */
function both(path: string, threads = 2) {
  const before = parallelStats.bodies;
  const parallel = read(path, { threads, parallelAbove: 0, streamAbove: 0, chunkBytes: 4096 });
  return { single: read(path, { threads: 1 }), parallel, tookParallel: parallelStats.bodies > before };
}

function csvFixtures(folder = fixture("")): string[] {
  return readdirSync(folder).flatMap((f) => {
    const p = join(folder, f);
    return statSync(p).isDirectory() ? csvFixtures(p) : f.endsWith(".csv") ? [p] : [];
  });
}

/** The SCB population file's 290 kommun labels ("0114 Upplands Väsby"). */
function kommuner(): string[] {
  const text = new TextDecoder("windows-1252").decode(
    readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv")),
  );
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l.slice(0, l.lastIndexOf(","))) as string);
}

/** The generator's value of a (kommun, year, age, sex) cell. */
const valueOf = (k: number, y: number, a: number, s: number) => (k * 131 + y * 17 + a * 7 + s * 3) % 4999;

describe("reading a CSV file on several threads", () => {
  test("every real CSV fixture: the table and warnings of one pass, on 2, 3 and 4 threads", () => {
    const files = csvFixtures();
    expect(files.length).toBeGreaterThanOrEqual(11);
    let parallel = 0;
    for (const file of files) {
      for (const threads of [2, 3, 4]) {
        let r: ReturnType<typeof both>;
        try {
          r = both(file, threads);
        } catch (error) {
          // a fixture that is an error case fails the same way on one thread
          expect(() => read(file, { threads: 1 }), file).toThrow((error as Error).message);
          continue;
        }
        expect(tableDigest(r.parallel), `${file} on ${threads} threads`).toEqual(tableDigest(r.single));
        if (r.tookParallel) parallel++;
      }
    }
    // the unquoted files with line feeds took the path (TF's panel, SCB's population 2018, Dalarna's cars): the
    // quoted ones and SSB's file with bare CRs were read in one pass
    expect(parallel).toBeGreaterThanOrEqual(9);
    const panel = both(fixture("tf/no-regions-2003-2016.csv"), 4);
    expect(panel.tookParallel).toBe(true);
    // Trysil's population 2016 in Telemarksforsking's panel (line 6964 of the file)
    expect(one(panel.parallel, { code: 428, year: 2016, level: "Kommune" }, "population")).toBe(6525);
  });

  test("a generated file above the threshold: the same table, with blank lines, symbols and a duplicate in its second half", () => {
    const labels = kommuner();
    const lines = ["region;år;ålder;kön;värde"];
    const half = 145;
    for (let k = 0; k < labels.length; k++) {
      // a kommun first seen in the second half comes after the others in its dictionary
      const label = k === 3 ? labels[labels.length - 1]! : k === labels.length - 1 ? labels[3]! : labels[k]!;
      for (let y = 1990; y < 2018; y++) {
        for (let a = 0; a < 101; a++) {
          for (let s = 1; s <= 2; s++) {
            const symbol = k === half + 10 && y === 2000 && a === 50;
            lines.push(`${label};${y};${a};${s};${symbol ? ".." : valueOf(k, y, a, s)}`);
          }
        }
        // a blank line now and then in the second half: the rows' lines are no longer one run
        if (k > half && y % 10 === 0) lines.push("");
      }
      // the same observation twice with the same value, in the second half: dropped, with its line
      if (k === half + 20) lines.push(lines.at(-1)!);
    }
    const path = join(dir, "large.csv");
    writeFileSync(path, Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1"));
    expect(statSync(path).size).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const before = parallelStats.bodies;
    const parallel = read(path, { threads: 2 });
    expect(parallelStats.bodies).toBe(before + 1);
    const single = read(path, { threads: 1 });
    expect(tableDigest(parallel)).toEqual(tableDigest(single));
    expect(parallel.numRows).toBe(290 * 28 * 101 * 2);
    expect(parallel.provenance.encoding).toBe("windows-1252");
    expect(parallel.warnings.some((w) => /1 duplicate row .* the first at line \d+/.test(w))).toBe(true);
    // Vansbro (2021), 1990, age 17, women: the generator's formula, at the kommun's place in the file
    const vansbro = labels.findIndex((l) => l.startsWith("2021 "));
    expect(one(parallel, { region: "2021", year: 1990, age: 17, sex: "2" }, "värde")).toBe(
      valueOf(vansbro, 1990, 17, 2),
    );
    expect(parallel.strings("region").dictionary.at(-1)).toBe(labels[3]!.slice(0, 4));
    expect(
      one(parallel, { region: labels[half + 10]!.slice(0, 4), year: 2000, age: 50, sex: "1" }, "värde"),
    ).toBeNull();
    // 3 threads, cut elsewhere, in smaller chunks
    expect(tableDigest(read(path, { threads: 3, chunkBytes: 1 << 20 }))).toEqual(tableDigest(single));
  });

  test("rows per byte that change along the file: a part outgrows its room in shared memory", () => {
    const labels = kommuner();
    const lines = ["region,note,year,value"];
    // long notes at the start and at the end (few rows per byte), short ones between (many): the middle range has
    // far more rows than the start's bytes foretold
    const note = (k: number) => (k < 40 || k >= 150 ? `note ${"x".repeat(400)} ${k}` : `n${k % 7}`);
    for (let k = 0; k < labels.length; k++)
      for (let y = 1990; y < 2018; y++) lines.push(`${labels[k]!.slice(0, 4)},${note(k)},${y},${valueOf(k, y, 1, 1)}`);
    const path = join(dir, "uneven.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const single = read(path, { threads: 1 });
    for (const threads of [2, 3, 4]) {
      const before = parallelStats.bodies;
      const parallel = read(path, { threads, parallelAbove: 0, streamAbove: 0 });
      expect(parallelStats.bodies).toBe(before + 1);
      expect(tableDigest(parallel), `${threads} threads`).toEqual(tableDigest(single));
    }
    expect(one(single, { region: "2021", year: 2000 })).toBe(
      valueOf(
        labels.findIndex((l) => l.startsWith("2021 ")),
        2000,
        1,
        1,
      ),
    );
  });

  test("an error in a later part is the one pass's, with its line; a quote or a new number format there reads in one pass", () => {
    const labels = kommuner();
    const rows = (bad: (line: string) => string) => {
      const lines = ["region,year,age,value"];
      for (let k = 0; k < labels.length; k++)
        for (let y = 2000; y < 2010; y++)
          for (let a = 0; a < 101; a++) lines.push(`${labels[k]!.slice(0, 4)},${y},${a},${valueOf(k, y, a, 1)}`);
      const at = bad === cases.early ? 100 : lines.length - 1000;
      lines[at] = bad(lines[at]!);
      return `${lines.join("\n")}\n`;
    };
    const cases: Record<string, (line: string) => string> = {
      // a number cell that is text: the error names the line
      text: (line) => line.replace(/,\d+$/, ",abc"),
      // the same in the first range, which the calling thread reads
      early: (line) => line.replace(/,\d+$/, ",abc"),
      // a quoted label: the quote is found in the part, which is read again in one pass
      quoted: (line) => line.replace(/^(\d+)/, '"$1"'),
      // a decimal first seen after the sample settles the column's format in one pass
      decimal: (line) => `${line}.5`,
    };
    for (const [name, bad] of Object.entries(cases)) {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, rows(bad));
      const options = { threads: 2, parallelAbove: 0 } as const;
      if (name === "text" || name === "early") {
        const e = failure(() => read(path, options));
        expect(e.message).toMatch(/column "value" expected a number/);
        expect(e.line).toBe(name === "early" ? 101 : 290 * 10 * 101 + 1 - 999);
        expect(e.toString()).toBe(failure(() => read(path, { threads: 1 })).toString());
      } else {
        const before = parallelStats.bodies;
        expect(tableDigest(read(path, options))).toEqual(tableDigest(read(path, { threads: 1 })));
        expect(parallelStats.bodies).toBe(before);
      }
    }
  });
});
