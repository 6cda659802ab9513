import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { readBytes } from "../../src/io/read.ts";
import { failure, fixture } from "../helpers.ts";

const lagostra = readFileSync(fixture("ssb/Lagostra-population-center__data__befolkning.csv"));

/**
 * A file cut at any byte of its last lines: the table has every complete row and no other, or the reader says
 * where the file ends (an error with a line, or a warning that the last row may be incomplete). Never fewer rows
 * without a word, never a value from a half-written cell without a word.
 */
function cutEverywhere(name: string, bytes: Buffer, from: number): { errors: number; warned: number; clean: number } {
  const full = readBytes(bytes, { file: name });
  const fullRows = full.toRows().map((r) => JSON.stringify(r));
  const counts = { errors: 0, warned: 0, clean: 0 };
  for (let end = from; end < bytes.length; end++) {
    const cut = bytes.subarray(0, end);
    let table;
    try {
      table = readBytes(cut, { file: name });
    } catch (error) {
      expect(error).toBeInstanceOf(OmvarldError);
      const e = error as OmvarldError;
      expect(e.line, `${name} cut at ${end}: ${e.message}`).toBeGreaterThan(0);
      expect(e.toString()).not.toMatch(/[\0\r\n]/);
      counts.errors++;
      continue;
    }
    const rows = table.toRows().map((r) => JSON.stringify(r));
    const warned = table.warnings.some((w) => /does not end with a line break/.test(w));
    // every row read is a row of the full file, except the last one when the reader warned about it
    const checked = warned ? rows.slice(0, -1) : rows;
    for (const r of checked) expect(fullRows, `${name} cut at ${end}`).toContain(r);
    if (warned) counts.warned++;
    else {
      // without a warning, no row of the complete lines before the cut is missing (a last line that ends in
      // Excel's trailing delimiter is complete too)
      const complete = cut.subarray(0, Math.max(cut.lastIndexOf(10), cut.lastIndexOf(13)) + 1);
      const before = readBytes(complete, { file: name }).numRows;
      expect(rows.length, `${name} cut at ${end}`).toBeGreaterThanOrEqual(before);
      expect(rows.length - before, `${name} cut at ${end}`).toBeLessThanOrEqual(2);
      counts.clean++;
    }
  }
  return counts;
}

describe("files cut in the middle of a line", () => {
  test("SCB's PxWeb CSV (quoted labels, CRLF) cut at each of its last 50 bytes", () => {
    const bytes = readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv"));
    const counts = cutEverywhere("befolkning.csv", bytes, bytes.length - 50);
    expect(counts.errors + counts.warned + counts.clean).toBe(50);
    expect(counts.errors).toBeGreaterThan(0);
    expect(counts.warned).toBeGreaterThan(0);
  });

  test("SSB's Excel re-save (CR only, trailing `;`, decimal comma) cut at each of its last 50 bytes", () => {
    const bytes = readFileSync(fixture("ssb/Lagostra-population-center__data__befolkning.csv"));
    const counts = cutEverywhere("befolkning.csv", bytes, bytes.length - 50);
    expect(counts.errors + counts.warned + counts.clean).toBe(50);
    expect(counts.errors).toBeGreaterThan(0);
  });

  test("a file whose lines all end in a delimiter (Excel's `;`), cut in its last number: refused, not read as 0", () => {
    // Lagostra's last line is "2030 Sør-Varanger;10171;10156;-0,1;": cut inside -0,1, it ends without its `;`
    const text = lagostra.toString("utf8");
    const cut = text.slice(0, text.lastIndexOf(";-0,1;") + 3);
    expect(cut.endsWith("Sør-Varanger;10171;10156;-0")).toBe(true);
    const error = failure(() => readBytes(cut, { file: "befolkning.csv" }));
    expect(error.code).toBe("FILE_TRUNCATED");
    expect(error.line).toBe(cut.split("\r").length);
    expect(error.message).toMatch(
      /ends without a line break and without the delimiter that ends the header and every other line/,
    );
  });

  test("SSB's long table (region × year × variable) cut inside a year's group: refused, naming the short group", () => {
    // every (region, year) has five variables; cut inside 1953's "Døde" (1642), Østfold 1953 has three
    const text = readFileSync(fixture("ssb/erleholgersen-elections-norway__folketall.csv"), "utf8");
    const cut = text.slice(0, text.indexOf('"01 Østfold";"1953";"Døde";1642') + '"01 Østfold";"1953";"Døde";16'.length);
    const error = failure(() => readBytes(cut, { file: "folketall.csv" }));
    expect(error.code).toBe("FILE_TRUNCATED");
    expect(error.line).toBe(14);
    expect(error.message).toBe(
      "line 14, the last, has no line break, and its group (01, Østfold, 1953) has 3 contents values where every other group has 5",
    );
    // cut after a whole group, the cut cannot be told from a file without a final line break: read, with the warning
    const whole = text.slice(
      0,
      text.indexOf('"01 Østfold";"1952";"Utflyttinger";9697') + '"01 Østfold";"1952";"Utflyttinger";9697'.length,
    );
    const t = readBytes(whole, { file: "folketall.csv" });
    expect(t.numRows).toBe(10);
    expect(t.warnings.join()).toMatch(
      /does not end with a line break: if it was cut off, its last row \(line 11\) may be incomplete/,
    );
  });
});
