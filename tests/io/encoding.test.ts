import { describe, expect, test } from "vitest";
import { decodeWindows1252, sniffEncoding } from "../../src/io/decode.ts";
import { readBytes } from "../../src/io/read.ts";
import { readCsvBytes } from "../../src/io/readers/csv.ts";
import { repairText } from "../../src/io/repair.ts";
import { visible } from "../../src/io/visible.ts";
import { failure, fixtureBytes, one, total } from "../helpers.ts";

const befolkning = fixtureBytes("scb/anderssundell-stathelp__data__befolkning.csv");
const bilinnehav = fixtureBytes("scb/Cawke99-Dalarna__bilinnehav_2.csv");
const lagostra = fixtureBytes("ssb/Lagostra-population-center__data__befolkning.csv");

/** Replaces every byte `from` that stands alone in a `;` cell by `to`. */
function replaceCells(bytes: Buffer, from: number, to: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) {
    if (out[i] === from && out[i - 1] === 0x3b && (out[i + 1] === 0x0a || out[i + 1] === 0x3b || out[i + 1] === 0x0d))
      out[i] = to;
  }
  return out;
}

describe("Windows-1252", () => {
  test("0x80-0x9F decode as Windows-1252 has them, not as C1 controls", () => {
    expect(decodeWindows1252(new Uint8Array([0x96, 0x80, 0x93, 0x94, 0xe4]))).toBe("–€“”ä");
    expect(new TextDecoder("windows-1252").decode(new Uint8Array([0x96]))).not.toBe("–"); // why the own decoder exists
  });

  test("an en dash (0x96) as missing marker in SCB's Dalarna file: every row kept, the dash as status", () => {
    const dashes = replaceCells(bilinnehav, 0x2d, 0x96);
    expect(dashes.filter((b) => b === 0x96).length).toBeGreaterThan(3);
    const original = readBytes(bilinnehav, { file: "bilinnehav.csv" });
    const t = readBytes(dashes, { file: "bilinnehav.csv" });
    expect(t.provenance.encoding).toBe("windows-1252");
    expect(t.numRows).toBe(15);
    // the same rows as the original, where "-" stood, "–" stands as the status
    const dash = JSON.stringify(original.toRows()).replaceAll('"-"', '"–"');
    expect(JSON.stringify(t.toRows())).toBe(dash);
    expect(dash).toContain('"–"');
  });
});

describe("text that is not what it seems", () => {
  test("UTF-8 read as Latin-1 and saved again (Ã¤ for ä): repaired with a warning", () => {
    const twice = Buffer.from(befolkning.toString("latin1"), "utf8").toString("latin1");
    const bytes = Buffer.from(twice, "utf8");
    expect(bytes.includes(Buffer.from("VÃ¤sby", "utf8"))).toBe(true);
    const t = readBytes(bytes, { file: "befolkning.csv" });
    expect(one(t, { region: "0114" }, "region_name")).toBe("Upplands Väsby");
    expect(one(t, { region: "2082" }, "region_name")).toBe("Säter");
    expect(total(t)).toBe(10_120_242);
    expect(t.warnings.join("\n")).toMatch(/text encoded twice .* repaired in \d+ places, e\.g\. "Ã¤" → "ä"/);
  });

  test("mixed encodings: Latin-1 lines with UTF-8 lines pasted in are repaired to one text", () => {
    const text = befolkning.toString("latin1");
    const at = text.indexOf('"2021 Vansbro"');
    const mixed = Buffer.concat([Buffer.from(text.slice(0, at), "latin1"), Buffer.from(text.slice(at), "utf8")]);
    const t = readBytes(mixed, { file: "befolkning.csv" });
    expect(one(t, { region: "0114" }, "region_name")).toBe("Upplands Väsby");
    expect(one(t, { region: "2082" }, "region_name")).toBe("Säter");
    expect(t.warnings.join()).toMatch(/encoded twice/);
  });

  test("read in chunks from bytes (large files), SSB's double-encoded names are repaired in the dictionary", () => {
    const twice = Buffer.from(lagostra.subarray(3).toString("latin1"), "utf8");
    expect(
      twice.includes(Buffer.from("Ã˜stfold", "utf8")) || twice.includes(Buffer.from("Ã\u0098stfold", "utf8")),
    ).toBe(true);
    const t = readCsvBytes(twice, "utf-8", 0, { file: "befolkning.csv" });
    expect(t.toRows()).toEqual(readBytes(lagostra, { file: "befolkning.csv" }).toRows());
    expect(t.warnings.join()).toMatch(/repaired in column "region_name", e\.g\. "Ã\\u0098" → "Ø"/);
  });

  test("repairText leaves clean text alone and takes exactly one character's bytes", () => {
    expect(repairText("0114 Upplands Väsby")).toEqual({ text: "0114 Upplands Väsby", warnings: [] });
    expect(repairText("Ã…lesund Ã˜stfold").text).toBe("Ålesund Østfold");
    expect(repairText("TromsÃ¸°").text).toBe("Tromsø°");
  });

  test("a BOM in the middle (two exports joined): removed, warned, the repeated header passed over", () => {
    const body = lagostra.subarray(3);
    const joined = Buffer.concat([lagostra, Buffer.from([0xef, 0xbb, 0xbf]), body]);
    const t = readBytes(joined, { file: "befolkning.csv" });
    const lines = lagostra.toString("utf8").split("\r").length;
    expect(t.warnings.join("\n")).toMatch(
      new RegExp(`1 byte order mark \\(U\\+FEFF\\) inside the text, the first on line ${lines}, was removed`),
    );
    expect(t.warnings.join("\n")).toMatch(new RegExp(`header line is repeated once \\(first at line ${lines}\\)`));
    expect(t.warnings.join("\n")).toMatch(/882 duplicate rows/);
    expect(t.toRows()).toEqual(readBytes(lagostra, { file: "befolkning.csv" }).toRows());
  });

  test("a duplicated header line right under the header is not 'no column holds numbers'", () => {
    const text = befolkning.toString("latin1").replace('"region","2017"\r\n', '"region","2017"\r\n"region","2017"\r\n');
    const t = readBytes(text, { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(t.warnings.join()).toMatch(/header line is repeated once \(first at line 2\)/);
  });
});

describe("NUL bytes and UTF-16", () => {
  test("UTF-16 without a BOM is read as UTF-16 (LE and BE), with the values of the UTF-8 file", () => {
    const text = lagostra.toString("utf8").slice(1);
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(sniffEncoding(le).encoding).toBe("utf-16le");
    expect(sniffEncoding(be).encoding).toBe("utf-16be");
    const rows = readBytes(lagostra, { file: "befolkning.csv" }).toRows();
    expect(readBytes(le, { file: "le.csv" }).toRows()).toEqual(rows);
    expect(readBytes(be, { file: "be.csv" }).toRows()).toEqual(rows);
  });

  test("NUL bytes after the first 64 KiB: an error with offset and line, never the bytes themselves", () => {
    const csv = fixtureBytes("ssb/erleholgersen-elections-norway__folketall.csv");
    expect(csv.length).toBeGreaterThan(70_000);
    const damaged = Buffer.concat([csv.subarray(0, 70_000), Buffer.alloc(4096), csv.subarray(70_000)]);
    const line = csv.subarray(0, 70_000).toString("latin1").split("\n").length;
    const error = failure(() => readBytes(damaged, { file: "folketall.csv" }));
    expect(error.code).toBe("FILE_BINARY");
    expect(error.toString()).toBe(
      `folketall.csv:${line}: 4096 NUL bytes at offset 70000 (line ${line}): the text stops being text there (hint: the file is damaged (a failed copy or download?); download it again)`,
    );
    expect(error.toString()).not.toContain("\0");
  });

  test("visible() escapes what cannot be seen and shortens", () => {
    expect(visible("a\0\0b\ufeff\t")).toBe("a\\0\\0b\\ufeff\\t");
    expect(visible("\0".repeat(4096), 4)).toBe("\\0\\0\\0\\0… (4096 characters)");
  });
});
