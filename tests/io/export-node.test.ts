import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { afterAll, describe, expect, it } from "vitest";
import { read, writeArrow, writeCSV, writeParquet, writeTableFile, writeXLSX } from "../../src/node.ts";
import { readFixture } from "../helpers.ts";

const WAGES = "scb/MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv";
const folder = mkdtempSync(join(tmpdir(), "omvarld-export-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("writing files (omvarld/node)", () => {
  const wages = readFixture(WAGES);

  it("writeCSV for Swedish Excel, read back equal", async () => {
    const path = join(folder, "löner.csv");
    await writeCSV(wages, path, { excel: "sv" });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // 13200 and 11700 are the first two 1991 wages in the file
    expect(bytes.toString("utf8", 3, 200).split("\r\n").slice(0, 2)).toEqual([
      "Utbildningsnivå SUN 2000;sex;year;value;status",
      "förgymnasial utbildning kortare än 9 år;män;1991;13200;",
    ]);
    expect(read(path).toRows()).toEqual(wages.toRows());
  });

  it("writeXLSX, writeParquet, writeArrow and writeTableFile by extension; no temporary file left", async () => {
    await writeXLSX({ Löner: wages }, join(folder, "löner.xlsx"));
    expect(read(join(folder, "löner.xlsx")).toRows()).toEqual(wages.toRows());
    await writeParquet(wages, join(folder, "löner.parquet"));
    const parquet = readFileSync(join(folder, "löner.parquet"));
    expect(
      await parquetReadObjects({
        file: parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength) as ArrayBuffer,
      }),
    ).toEqual(wages.toRows());
    await writeArrow(wages, join(folder, "löner.arrow"));
    expect(readFileSync(join(folder, "löner.arrow")).subarray(0, 6).toString("latin1")).toBe("ARROW1");
    await writeTableFile(wages, join(folder, "via-extension.parquet"));
    expect(readFileSync(join(folder, "via-extension.parquet")).equals(parquet)).toBe(true);
    await expect(writeTableFile(wages, join(folder, "x.txt"))).rejects.toThrow(
      "the output file must end in .csv, .xlsx, .json, .parquet, .arrow",
    );
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
