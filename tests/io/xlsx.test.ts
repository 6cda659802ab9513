import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { read } from "../../src/io/node.ts";
import { titleVariables } from "../../src/io/xlsx/layout.ts";

const SCB_POP = "data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx";
const SCB_DEATHS = "data/scb/ikashnitsky-mun-non-surv__dat__scb-deaths__d1019.xlsx";
const SSB_COMMUTING = "data/ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx";

const one = (rows: Record<string, unknown>[]) => {
  expect(rows).toHaveLength(1);
  return rows[0]!.value;
};

describe("Excel downloads from SCB and SSB", { timeout: 120_000 }, () => {
  it("reads SCB BE0101N1 (Statistikdatabasen XLSX, codes and texts in separate cells, empty stub cells) into the CSV twin's tidy table", () => {
    const pop = read(SCB_POP);
    expect(pop.columnNames).toEqual(["region", "region_name", "age", "sex", "year", "value"]);
    // 290 kommuner × 101 ages × 2 sexes × 2 years
    expect(pop.numRows).toBe(290 * 101 * 2 * 2);
    expect(pop.provenance).toMatchObject({
      format: "xlsx",
      source: "SCB",
      tableId: "BE0101N1",
      title: "Population by region, age, sex and year",
    });
    // spot values read from the cells (Vansbro 2021, men): age 0 → 27 (2018), 31 (2019); age 50 → 47, 45
    expect(one(pop.filter({ region: "2021", sex: "men", age: "0 years", year: 2018 }).toRows())).toBe(27);
    expect(one(pop.filter({ region: "2021", sex: "men", age: "0 years", year: 2019 }).toRows())).toBe(31);
    expect(one(pop.filter({ region: "2021", sex: "men", age: "50 years", year: 2018 }).toRows())).toBe(47);
    expect(one(pop.filter({ region: "2021", sex: "men", age: "50 years", year: 2019 }).toRows())).toBe(45);
    expect(pop.filter({ region: "2021" }).get("region_name", 0)).toBe("Vansbro");
    expect(pop.distinct("age")).toContain("100+ years");
    expect(pop.provenance.footnotes?.some((f) => f.includes("December 31st"))).toBe(true);
  });

  it("reads SCB BE0101D9 deaths by single age, whose stub runs over ten years without footnotes", () => {
    const deaths = read(SCB_DEATHS);
    expect(deaths.numRows).toBe(290 * 101 * 2 * 10);
    expect(one(deaths.filter({ region: "2021", sex: "men", age: "50 years", year: 2010 }).toRows())).toBe(1);
    expect(one(deaths.filter({ region: "2021", sex: "men", age: "50 years", year: 2011 }).toRows())).toBe(0);
  });

  it("reads SSB 03321 with the axes named from the title: place of work is the destination, residence the origin", () => {
    const flows = read(SSB_COMMUTING);
    expect(flows.columnNames).toEqual(["destination", "origin", "year", "value"]);
    expect(flows.numRows).toBe(440 * 440);
    expect(flows.provenance).toMatchObject({ source: "SSB", tableId: "03321", measure: "Sysselsatte personer" });
    const value = (destination: string, origin: string) => one(flows.filter({ destination, origin }).toRows());
    expect(value("0301 Oslo kommune", "0219 Bærum")).toBe(26610);
    expect(value("0301 Oslo kommune", "0301 Oslo kommune")).toBe(294763);
    expect(value("1201 Bergen", "1201 Bergen")).toBe(125079);
    expect(value("0428 Trysil", "0432 Rendalen")).toBe(2);
    const sum = (t: typeof flows) => t.toRows().reduce((s, r) => s + (r.value as number), 0);
    expect(sum(flows)).toBe(2_609_737);
    // jobs located in Oslo, and employed Oslo residents (SSB's published totals)
    expect(sum(flows.filter({ destination: "0301 Oslo kommune" }))).toBe(468_375);
    expect(sum(flows.filter({ origin: "0301 Oslo kommune" }))).toBe(357_276);
  });

  it("reads an Excel sheet laid out like a PxWeb CSV (written by exceljs from SCB's CSV) into the same table", async () => {
    const csvFile = "data/scb/anderssundell-stathelp__data__befolkning.csv";
    const csv = read(csvFile);
    const ExcelJS = createRequire(import.meta.url)("exceljs") as typeof import("exceljs");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Blad1");
    sheet.addRow(["region", "2017"]);
    for (const r of csv.toRows()) sheet.addRow([`${r.region} ${r.region_name}`, r.value]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const xlsx = read(bytes, { file: "befolkning.xlsx" });
    expect(xlsx.columnNames).toEqual(csv.columnNames);
    expect(xlsx.toRows()).toEqual(csv.toRows());
  });

  it("a cut-off workbook is a one-line error naming the file", () => {
    const bytes = readFileSync(SCB_POP);
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    let error: unknown;
    try {
      read(cut, { file: "p1819.xlsx" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OmvarldError);
    expect((error as OmvarldError).code).toBe("FILE_TRUNCATED");
    expect(String(error)).toMatch(/^p1819\.xlsx: the zip archive is damaged: .*\(hint: /);
  });

  it("reads the variables from the agencies' titles in English, Norwegian and Swedish", () => {
    expect(titleVariables("Population by region, age, sex and year")).toEqual(["region", "age", "sex", "year"]);
    expect(
      titleVariables(
        "03321: Sysselsatte per 4. kvartal. Pendlingsstrømmer etter arbeidsstedskommune, bostedskommune, statistikkvariabel og år",
      ),
    ).toEqual(["arbeidsstedskommune", "bostedskommune", "statistikkvariabel", "år"]);
    expect(titleVariables("Folkmängden efter region, ålder, kön och år")).toEqual(["region", "ålder", "kön", "år"]);
  });
});
