// The annex as written: every cell and style read back as asked, the files never half-written, a .csv output, and
// errors that name the data (a region compared that the data lack, the unit costs file, the output path).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { writeFileAtomic } from "../../src/io/atomic-file.ts";
import { read } from "../../src/io/node.ts";
import { buildAnnex } from "../../src/report/annex/index.ts";
import { readUnitCosts } from "../../src/report/annex/costs-file.ts";
import { FIRST_ROW, type Sheet } from "../../src/report/annex/sheet.ts";
import { writeAnnex } from "../../src/report/pipelines/annex-node.ts";
import { excelCsv, writeSheets } from "../../src/report/workbook.ts";
import { Table } from "../../src/table/table.ts";
import { readWorkbook, ssbKommune } from "./annex-workbook.ts";

const dir = mkdtempSync(join(tmpdir(), "omvarld-annex-write-"));
const costsFile = new URL("../../data/costs/example-unit-costs.json", import.meta.url).pathname;
const costs = readUnitCosts(costsFile);
// Trysil by single age 2020-2022 (SSB 07459) and 2022's figures again as a projected 2023
const trysil = ssbKommune("3421");
const table = Table.fromRows(
  [
    ...trysil.toRows().map((r) => ({ ...r, kind: "observed" })),
    ...trysil
      .filter({ year: 2022 })
      .toRows()
      .map((r) => ({ ...r, year: 2023, kind: "projected" })),
  ],
  { provenance: trysil.provenance },
);
const options = { region: "3421", bands: "no", locale: "nb", costs } as const;
const { sheets } = buildAnnex({ population: table }, options);
const written = writeAnnex({
  data: { population: table },
  ...options,
  costs: costsFile,
  out: join(dir, "trysil.xlsx"),
});
const book = written.then(([path]) => readWorkbook(path!));

/**
 * What a cell of a sheet should hold when read back: exceljs's shape of a formula, or the value. exceljs leaves out
 * a cached result of 0 when it reads (the file holds it: see the test of C8 below).
 */
const expected = (v: Sheet["rows"][number][string] | undefined) =>
  v !== null && v !== undefined && typeof v === "object"
    ? v.result === 0
      ? { formula: v.formula }
      : { formula: v.formula, result: v.result }
    : (v ?? null);

describe("the annex read back by exceljs: what was asked, cell by cell", () => {
  test("titles, headers, every value and formula with its cached result, every number format", async () => {
    const b = await book;
    expect(b.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    let cells = 0;
    for (const sheet of sheets) {
      const ws = b.getWorksheet(sheet.name)!;
      expect(ws.getCell(1, 1).value).toBe(sheet.title);
      expect(sheet.columns.map((_, k) => ws.getCell(3, k + 1).value)).toEqual(sheet.columns.map((c) => c.header));
      sheet.rows.forEach((row, r) =>
        sheet.columns.forEach((c, k) => {
          const cell = ws.getCell(FIRST_ROW + r, k + 1);
          const v = row[c.key];
          expect(cell.value, `${sheet.name}!${cell.address}`).toEqual(expected(v));
          const format = sheet.rowFormats?.[r] ?? c.format;
          if (format && typeof v !== "string") expect(cell.numFmt, `${sheet.name}!${cell.address}`).toBe(format);
          cells++;
        }),
      );
    }
    expect(cells).toBe(sheets.reduce((n, s) => n + s.rows.length * s.columns.length, 0));
    expect(cells).toBeGreaterThan(600);
    // a change of 0 persons (2023 repeats 2022) is in the file as a formula with its cached 0
    const xml = strFromU8(unzipSync(readFileSync((await written)[0]!))["xl/worksheets/sheet1.xml"]!);
    expect(xml).toMatch(/<c r="C8"[^>]*><f>C7-C6<\/f><v>0<\/v><\/c>/);
  });

  test("projected rows and year columns in italics on blue, inputs yellow, totals bold", async () => {
    const b = await book;
    for (const sheet of sheets) {
      const ws = b.getWorksheet(sheet.name)!;
      sheet.rows.forEach((_, r) =>
        sheet.columns.forEach((c, k) => {
          const cell = ws.getCell(FIRST_ROW + r, k + 1);
          const where = `${sheet.name}!${cell.address}`;
          const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (c.input) expect(fill, where).toBe("FFFFF2CC");
          else if (sheet.projectedRows?.[r] || c.projected) {
            expect(fill, where).toBe("FFDDEBF7");
            expect(cell.font?.italic, where).toBe(true);
          } else expect(fill, where).toBeUndefined();
          if (sheet.totalRows?.[r]) expect(cell.font?.bold, where).toBe(true);
        }),
      );
    }
    // the projected 2023 is one row of the population sheet and one column of the age sheet
    expect(sheets[0]!.projectedRows!.filter(Boolean)).toHaveLength(1);
    expect(sheets[1]!.columns.filter((c) => c.projected).map((c) => c.header)).toEqual(["2023"]);
  });

  test("the age sheet's labels over the years: one per run of columns, merged and centred, never one per column", async () => {
    const ws = (await book).getWorksheet("Alder")!;
    const years = ["2020", "2021", "2022", "2023"].map((y) => sheets[1]!.columns.findIndex((c) => c.header === y) + 1);
    expect(years).toEqual([2, 3, 4, 5]);
    expect(years.map((c) => ws.getCell(2, c).master.address)).toEqual(["B2", "B2", "B2", "E2"]);
    expect([ws.getCell("B2").value, ws.getCell("E2").value]).toEqual(["Observert", "Framskriving"]);
    expect(ws.getCell("B2").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    // and the notes below the table span its width, wrapped
    const note = FIRST_ROW + sheets[1]!.rows.length + 1;
    expect(ws.getCell(note, 1).value).toBe(sheets[1]!.notes![0]);
    expect(ws.getCell(note, 5).master.address).toBe(`A${note}`);
    expect(ws.getCell(note, 1).alignment).toMatchObject({ wrapText: true });
  });

  test("sources in Norwegian, long texts wrapped in their columns on rows tall enough, printed landscape on a page's width", async () => {
    const ws = (await book).getWorksheet("Kilder")!;
    expect(ws.getCell("D4").value).toBe("Befolkning, etter region, kjønn, alder, statistikkvariabel og år");
    expect(ws.getCell("E4").value).toBe("ikashnitsky-mun-non-surv__dat__no__no-p2022.csv");
    for (const address of ["D4", "E4"]) expect(ws.getCell(address).alignment).toMatchObject({ wrapText: true });
    // 47 characters in a column 36 wide: two lines
    expect(ws.getColumn(5).width).toBe(36);
    expect(ws.getRow(4).height).toBe(30);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    const width = [1, 2, 3, 4, 5, 6].reduce((s, c) => s + ws.getColumn(c).width!, 0);
    expect(width).toBeLessThanOrEqual(130);
  });

  test("the change labels of the population sheet wrap in a column wide enough for their longest word", async () => {
    const ws = (await book).getWorksheet("Befolkning")!;
    const change = FIRST_ROW + sheets[0]!.rows.length - 2;
    expect(ws.getCell(change, 1).value).toBe("Endring 2022–2023");
    expect(ws.getCell(change, 1).alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(1).width).toBe(11);
    expect(ws.getRow(change).height).toBe(30);
  });
});

describe("written atomically: a temporary file beside the target, renamed once complete", () => {
  test("a failed write leaves neither a partial file nor a temporary one, and an existing annex as it was", async () => {
    const folder = mkdtempSync(join(dir, "atomic-"));
    const path = join(folder, "annex.xlsx");
    await writeSheets(sheets, path);
    const before = readFileSync(path);
    // the target is a folder (rename fails), the folder does not exist (the temporary file cannot be made)
    const taken = join(folder, "taken.xlsx");
    mkdirSync(taken);
    writeFileSync(join(taken, "x"), "x");
    await expect(writeSheets(sheets, taken)).rejects.toThrow();
    await expect(writeSheets(sheets, join(folder, "missing", "annex.xlsx"))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(taken)).toEqual(["x"]);
    // an error halfway through the bytes: the annex written before is untouched
    await expect(
      writeFileAtomic(path, async (temporary) => {
        await writeFile(temporary, before.subarray(0, 100));
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(["annex.xlsx", "taken.xlsx"]);
  });

  test("the CSV beside the workbook too: a CSV that cannot be written leaves no temporary file", async () => {
    const folder = mkdtempSync(join(dir, "csv-"));
    mkdirSync(join(folder, "a-befolkning.csv"));
    writeFileSync(join(folder, "a-befolkning.csv", "x"), "x");
    await expect(
      writeAnnex({ data: { population: table }, ...options, out: join(folder, "a.xlsx"), csv: true }),
    ).rejects.toThrow();
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an output path ending in .csv", () => {
  test("writes the population sheet as Excel CSV, never a workbook named .csv", async () => {
    const path = join(dir, "trysil.csv");
    expect(await writeAnnex({ data: { population: table }, ...options, out: path })).toEqual([path]);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString("latin1")).not.toBe("PK");
    expect(bytes.toString("utf8")).toBe(excelCsv(sheets[0]!));
    // Trysil 1 January 2022: 6 603 (SSB 07459)
    expect(bytes.toString("utf8").split("\r\n")[3]).toMatch(/^2022;.*;6603$/);
  });

  test("any other ending is refused before anything is read or written", async () => {
    const error = await writeAnnex({ data: ["no-such-folder"], region: "3421", out: join(dir, "trysil.txt") }).catch(
      (e: unknown) => e as OmvarldError,
    );
    expect(error).toBeInstanceOf(OmvarldError);
    expect((error as OmvarldError).message).toBe(
      `the output path ${join(dir, "trysil.txt")} must end in .xlsx (the workbook) or .csv (its population sheet)`,
    );
    expect(existsSync(join(dir, "trysil.txt"))).toBe(false);
  });
});

describe("errors name the data, not the command line's flags", () => {
  const failure = (run: () => unknown): OmvarldError => {
    try {
      run();
    } catch (e) {
      return e as OmvarldError;
    }
    throw new Error("no error");
  };

  test("a region compared that the population table lacks: its code and the nearest codes the table holds", () => {
    const error = failure(() => buildAnnex({ population: trysil }, { region: "3421", compare: ["9999"] }));
    expect(error.code).toBe("ARGUMENT");
    expect(error.message).toBe(
      'the region compared "9999" is not in the population table (Statistisk sentralbyrå (SSB) 07459) (1 regions)',
    );
    expect(error.hint).toBe("nearest in the data: 3421 Trysil");
  });

  test("regions the data and the registry do not name are listed by code once, not as 'XX1 XX1'", () => {
    const rows = ["XX1", "XX2"].flatMap((region) =>
      ["0-14", "15-64", "65+"].map((age) => ({ region, year: 2020, age, value: 100 })),
    );
    const population = Table.fromRows(rows);
    const error = failure(() => buildAnnex({ population }, { region: "XX1", compare: ["XX9"] }));
    expect(error.hint).toBe("nearest in the data: XX1, XX2");
  });

  test("in the kommun tables: 9999 is not there, Mora and Dalarnas län are found by name", () => {
    const population = read(
      new URL("../../data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx", import.meta.url).pathname,
      { where: { region: ["2021", "2062", "2080"] } },
    );
    const municipal = { country: "SE" as const, population, reference: "end" as const };
    const error = failure(() => buildAnnex({ municipal }, { region: "2021", compare: ["9999"] }));
    expect(error.message).toMatch(/^the region compared "9999" is not in the kommun tables \(SCB BE0101N1\)/);
    expect(error.hint).toMatch(/^nearest in the data: /);
    expect(error.toString()).not.toMatch(/--/);
    const annex = buildAnnex({ municipal }, { region: "Vansbro", compare: ["Mora", "Dalarnas län", "00"] });
    expect(annex.region).toEqual({ code: "2021", name: "Vansbro" });
    const ratio = annex.sheets.find((s) => s.name === "Försörjningskvot")!;
    expect(ratio.columns.map((c) => c.header)).toEqual(["År", "Vansbro", "Mora", "Dalarnas län", "Riket"]);
    // Dalarnas län here is the sum of the kommuner the table holds (Vansbro, Mora, Falun): 0-19 and 65+ over 20-64
    const persons = (codes: string[], from: number, to: number) =>
      population
        .filter({ region: codes, year: 2019 })
        .toRows()
        .filter((r) => parseInt(String(r.age), 10) >= from && parseInt(String(r.age), 10) <= to)
        .reduce((s, r) => s + (r.value as number), 0);
    const ratioOf = (codes: string[]) =>
      (100 * (persons(codes, 0, 19) + persons(codes, 65, 200))) / persons(codes, 20, 64);
    const y2019 = ratio.rows.find((r) => r.year === 2019)!;
    const value = (v: unknown) => (v !== null && typeof v === "object" ? (v as { result: number }).result : v);
    expect(value(y2019.r2062)).toBeCloseTo(ratioOf(["2062"]), 10);
    expect(value(y2019.r20)).toBeCloseTo(ratioOf(["2021", "2062", "2080"]), 10);
  });

  test("a unit costs file that does not exist is told before the data are read", async () => {
    const error = await writeAnnex({
      data: { population: table },
      region: "3421",
      costs: join(dir, "no-such-costs.json"),
      out: join(dir, "x.xlsx"),
    }).catch((e: unknown) => e as OmvarldError);
    expect((error as OmvarldError).toString()).toBe(
      `${join(dir, "no-such-costs.json")}: cannot open the unit costs file (no such file) (hint: check the path of the unit costs file)`,
    );
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("the sources' table titles in the annex's language", () => {
  test("SCB's and SSB's English titles word by word; a title with other words as the agency gave it", async () => {
    const { tableTitle } = await import("../../src/charts/words/annex.ts");
    expect(tableTitle("Population by region, age, sex and year", "sv")).toBe(
      "Folkmängd efter region, ålder, kön och år",
    );
    expect(tableTitle("Deaths. Preliminary figures, by contents, region, sex, age, month and year", "nb")).toBe(
      "Døde. Foreløpige tall, etter statistikkvariabel, region, kjønn, alder, måned og år",
    );
    expect(tableTitle("Live births, by region, sex, year and contents", "sv")).toBe(
      "Levande födda, efter region, kön, år och tabellinnehåll",
    );
    expect(tableTitle("Population by region, marital status, age and sex", "sv")).toBe(
      "Population by region, marital status, age and sex",
    );
    expect(tableTitle("Folkmängden efter region, civilstånd, ålder och kön", "nb")).toBe(
      "Folkmängden efter region, civilstånd, ålder och kön",
    );
    expect(tableTitle("Population by region, age, sex and year", "en")).toBe("Population by region, age, sex and year");
  });
});
