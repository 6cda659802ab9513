import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readXlsx, xlsxStats } from "../../src/io/readers/xlsx.ts";
import { inflateRaw } from "../../src/io/node.ts";
import { failure } from "../helpers.ts";
import { tableDigest } from "../helpers.ts";

// A sheet's cells are read as they are (the CSV reader plans its columns from the text of the first 2 100 rows and
// takes the rest as cells) where that gives what the sheet's CSV text gives; every shipped workbook, both ways.
const FILES = ["data/scb", "data/ssb"]
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(dir, f)),
  )
  .sort();

describe("Excel sheets read as cells, not through CSV text", { timeout: 300_000 }, () => {
  it("every shipped workbook: the table its CSV text gives, and read as cells", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(7);
    const before = xlsxStats.direct;
    for (const file of FILES) {
      const bytes = new Uint8Array(readFileSync(file));
      const cells = readXlsx(bytes, { file, inflateRaw });
      const text = readXlsx(bytes, { file, inflateRaw, viaText: true });
      expect(tableDigest(cells), file).toEqual(tableDigest(text));
    }
    expect(xlsxStats.direct - before).toBe(FILES.length);
  });

  // SCB's p1819 changed in one place: the table or the error (naming the sheet's row) is the same both ways
  const P1819 = "data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx";
  const changed = (entry: string, change: (xml: string) => string) => {
    const files = unzipSync(new Uint8Array(readFileSync(P1819)));
    files[entry] = strToU8(change(strFromU8(files[entry]!)));
    return zipSync(files);
  };
  /** The last number cell of the sheet, as written. */
  const lastNumber = (xml: string) =>
    xml.slice(xml.lastIndexOf('t="n"><x:v>'), xml.indexOf("</x:c>", xml.lastIndexOf('t="n"><x:v>')));
  const cases: Record<string, [string, (xml: string) => string]> = {
    "text in a number column": [
      "xl/worksheets/sheet.xml",
      (xml) => xml.replace(lastNumber(xml), 't="str"><x:v>abc</x:v>'),
    ],
    "a symbol in a number column": [
      "xl/worksheets/sheet.xml",
      (xml) => xml.replace(lastNumber(xml), 't="str"><x:v>..</x:v>'),
    ],
    "a number too large": [
      "xl/worksheets/sheet.xml",
      (xml) => xml.replace(lastNumber(xml), 't="n"><x:v>12345678901234567890123</x:v>'),
    ],
    "a label with quotes and blanks around it": [
      "xl/sharedStrings.xml",
      (xml) => xml.replace("<x:t>Upplands Väsby</x:t>", '<x:t> Upplands "Väsby" </x:t>'),
    ],
  };
  for (const [name, [entry, change]] of Object.entries(cases)) {
    it(name, () => {
      const bytes = changed(entry, change);
      const outcome = (viaText: boolean) => {
        try {
          return tableDigest(readXlsx(bytes, { file: "p1819.xlsx", inflateRaw, viaText }));
        } catch {
          return failure(() => readXlsx(bytes, { file: "p1819.xlsx", inflateRaw, viaText })).toString();
        }
      };
      const before = xlsxStats.direct;
      const direct = outcome(false);
      expect(xlsxStats.direct).toBeGreaterThan(before);
      expect(direct).toEqual(outcome(true));
      // the change shows: an error, or another table than the file's own
      const original = tableDigest(readXlsx(new Uint8Array(readFileSync(P1819)), { file: "p1819.xlsx", inflateRaw }));
      expect(direct).not.toEqual(original);
      if (name === "a symbol in a number column") expect(JSON.stringify(direct)).toContain('"name":"status"');
    });
  }
});
