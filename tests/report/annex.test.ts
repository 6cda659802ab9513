import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { writeAnnex } from "../../src/report/pipelines/annex-node.ts";
import { fixture, one, readFixture } from "../helpers.ts";
import { references } from "./annex-formula.ts";
import { cached, formulaCells, headerColumn, readWorkbook, recalc, yearRows } from "./annex-workbook.ts";

const out = mkdtempSync(join(tmpdir(), "omvarld-annex-"));
const data = fixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
const costs = join(out, "costs.json");
writeFileSync(
  costs,
  JSON.stringify([
    { service: "skola", ages: "Y_LT15", cost: 110.5 },
    { service: "äldreomsorg", ages: "Y_GE65", cost: 95.2 },
  ]),
);
const written = writeAnnex({
  data,
  region: "SE312",
  compare: ["SE31", "SE"],
  bands: "eurostat",
  costs,
  locale: "sv",
  out: join(out, "annex.xlsx"),
  csv: true,
  names: { SE312: "Dalarnas län", SE: "Sverige" },
});
const workbook = async () => readWorkbook((await written)[0]!);

describe("the XLSX budget annex for Dalarna (Eurostat's age groups), read back", () => {
  const eurostat = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv").filter({
    unit: "NR",
    sex: "T",
    region: "SE312",
  });

  test("sheets, frozen headers and first column, widths, titles", async () => {
    const book = await workbook();
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "Befolkning",
      "Ålder",
      "Försörjningskvot",
      "Enhetskostnader",
      "Demografisk kostnad",
      "Källor",
    ]);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(ws.getColumn(1).width).toBeGreaterThan(0);
    }
    expect(book.getWorksheet("Befolkning")!.views[0]).toMatchObject({ xSplit: 1 });
    expect(book.getWorksheet("Befolkning")!.getCell("A1").value).toBe("Befolkning efter åldersgrupp, Dalarnas län");
  });

  test("population: formulas over the age sheet whose cached results equal Eurostat's figures; groups sum to its total", async () => {
    const ws = (await workbook()).getWorksheet("Befolkning")!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(3, c).value)).toEqual(["År", "0–14", "15–64", "65+", "Totalt"]);
    const row2022 = yearRows(ws).find((r) => r.getCell(1).value === 2022)!;
    expect(cached(ws, row2022.number, 2)).toBe(48_609);
    expect(row2022.getCell(2).numFmt).toBe("#,##0");
    // the 0-14 cell of 2022 sums the 0–14 row of the age sheet in the column of 2022
    const [from, to] = references((row2022.getCell(2).value as { formula: string }).formula, "Befolkning")[0]!;
    const ages = (await workbook()).getWorksheet("Ålder")!;
    expect(from.sheet).toBe("Ålder");
    expect(ages.getCell(3, from.column).value).toBe("2022");
    expect([ages.getCell(from.row, 1).value, ages.getCell(to.row, 1).value]).toEqual(["0–14", "0–14"]);
    for (const r of yearRows(ws)) {
      const year = r.getCell(1).value as number;
      expect(cached(ws, r.number, 5), String(year)).toBe(one(eurostat, { age: "TOTAL", year }));
    }
    // observed throughout: no kind column, and never "Utfall"
    expect(ws.getCell(3, 2).value).not.toBe("Typ");
  });

  test("every formula's cached result is what the formula computes (a tiny evaluator over the workbook)", async () => {
    const book = await workbook();
    const cells = formulaCells(book);
    expect(cells.length).toBeGreaterThan(200);
    for (const c of cells)
      expect(recalc(book, c.sheet, c.row, c.column), `${c.sheet}!${c.column}:${c.row} ${c.formula}`).toBeCloseTo(
        c.result,
        6,
      );
  });

  test("dependency ratio: Dalarna's by formula, by hand; the regions compared as values", async () => {
    const ratio = (await workbook()).getWorksheet("Försörjningskvot")!;
    expect([2, 3, 4].map((c) => ratio.getCell(3, c).value)).toEqual(["Dalarnas län", "SE31", "Sverige"]);
    const r2022 = yearRows(ratio).find((r) => r.getCell(1).value === 2022)!;
    expect(cached(ratio, r2022.number, 2)).toBeCloseTo((100 * (48_609 + 72_482)) / 167_296, 10);
    // 100*(young + old)/working, each a cell of the age sheet in the column of 2022
    const formula = (r2022.getCell(2).value as { formula: string }).formula;
    expect(formula).toMatch(/^100\*\('Ålder'!\w+\+'Ålder'!\w+\)\/'Ålder'!\w+$/);
    const ages = (await workbook()).getWorksheet("Ålder")!;
    expect(
      references(formula, ratio.name).map(([a]) => [
        a.sheet,
        ages.getCell(3, a.column).value,
        ages.getCell(a.row, 1).value,
      ]),
    ).toEqual([
      ["Ålder", "2022", "0–14"],
      ["Ålder", "2022", "65+"],
      ["Ålder", "2022", "15–64"],
    ]);
    expect(typeof r2022.getCell(3).value).toBe("number");
    expect(r2022.getCell(2).numFmt).toBe("0.0");
  });

  test("demographic cost: unit costs in yellow input cells; each cost cell reads its input and the right population cells", async () => {
    const book = await workbook();
    const inputs = book.getWorksheet("Enhetskostnader")!;
    expect([1, 2, 3].map((c) => inputs.getCell(3, c).value)).toEqual([
      "Verksamhet",
      "Åldersgrupp",
      "Kostnad per invånare, tkr",
    ]);
    expect([inputs.getCell("A4").value, inputs.getCell("B4").value, inputs.getCell("C4").value]).toEqual([
      "skola",
      "0–14",
      110.5,
    ]);
    expect(inputs.getCell("C4").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFF2CC" },
    });
    const cost = book.getWorksheet("Demografisk kostnad")!;
    expect([2, 3, 4, 5, 6].map((c) => cost.getCell(3, c).value)).toEqual([
      "skola 0–14, tkr",
      "äldreomsorg 65+, tkr",
      "Totalt, tkr",
      "Förändring, tkr",
      "Index",
    ]);
    const row = yearRows(cost).find((r) => r.getCell(1).value === 2022)!;
    const formula = (row.getCell(2).value as { formula: string }).formula;
    const refs = references(formula, cost.name);
    expect(refs[0]).toEqual([
      { sheet: "Enhetskostnader", column: 3, row: 4 },
      { sheet: "Enhetskostnader", column: 3, row: 4 },
    ]);
    const ages = book.getWorksheet("Ålder")!;
    // the mean of the 0–14 population at the two year-ends 2021 and 2022
    expect(
      refs
        .slice(1)
        .map(([a, b]) => [ages.getCell(3, a.column).value, ages.getCell(a.row, 1).value, ages.getCell(b.row, 1).value]),
    ).toEqual([
      ["2021", "0–14", "0–14"],
      ["2022", "0–14", "0–14"],
    ]);
    // Eurostat counts on 1 January, so 2021 and 2022 are consecutive counts
    expect(cached(cost, row.number, 2)).toBeCloseTo(110.5 * ((48_756 + 48_609) / 2), 8);
  });

  test("changing a unit cost changes the cost rows, the total and the index as a hand calculation says", async () => {
    const book = await workbook();
    const cost = book.getWorksheet("Demografisk kostnad")!;
    const row = yearRows(cost).find((r) => r.getCell(1).value === 2022)!.number;
    const school = cached(cost, row, 2) as number;
    const elderly = cached(cost, row, 3) as number;
    const changed = new Map([["Enhetskostnader!3:4", 221]]); // 110.5 → 221 tkr: the school cost doubles
    expect(recalc(book, cost.name, row, 2, changed)).toBeCloseTo(2 * school, 6);
    expect(recalc(book, cost.name, row, 3, changed)).toBeCloseTo(elderly, 6);
    expect(recalc(book, cost.name, row, 4, changed)).toBeCloseTo(2 * school + elderly, 6);
    // the index against the first year: both years' school costs double
    const first = yearRows(cost)[0]!.number;
    const s0 = cached(cost, first, 2) as number;
    const e0 = cached(cost, first, 3) as number;
    expect(recalc(book, cost.name, row, 6, changed)).toBeCloseTo((100 * (2 * school + elderly)) / (2 * s0 + e0), 8);
  });

  test("print setup: A4, one page wide, landscape when wide, header rows repeated, title in the page header", async () => {
    const book = await workbook();
    for (const ws of book.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^\$?[23]:\$?3$/);
      expect(ws.headerFooter.oddHeader).toContain(ws.getCell("A1").value as string);
    }
    expect(book.getWorksheet("Ålder")!.pageSetup.orientation).toBe("landscape");
    expect(book.getWorksheet("Enhetskostnader")!.pageSetup.orientation).toBe("portrait");
    // the print area ends with the last note: 2 unit costs on rows 4-5, a blank row, 1 note (the file names no source)
    expect(book.getWorksheet("Enhetskostnader")!.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?C\$?7$/);
  });

  test("sources name the agency and the file", async () => {
    const ws = (await workbook()).getWorksheet("Källor")!;
    expect([1, 2, 3, 5].map((c) => ws.getCell(3, c).value)).toEqual([
      "Uppgift",
      "Myndighet",
      "Tabell",
      "Fil eller fråga",
    ]);
    expect(ws.getCell("B4").value).toBe("Eurostat");
    expect(ws.getCell("E4").value).toBe("Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
  });

  test("CSV for Swedish Excel: BOM, semicolons, decimal comma, ASCII minus, CRLF; formulas as their results", async () => {
    const paths = await written;
    const csv = readFileSync(
      paths.find((p) => p.endsWith("-försörjningskvot.csv"))!,
      "utf8",
    );
    expect(csv.startsWith("\ufeffÅr;Dalarnas län;SE31;Sverige\r\n")).toBe(true);
    expect(csv).toContain("\r\n2022;72,4;70,1;60,9\r\n");
    const costCsv = readFileSync(
      paths.find((p) => p.endsWith("-demografisk-kostnad.csv"))!,
      "utf8",
    );
    expect(costCsv).toMatch(/;-\d/); // a negative change, with an ASCII minus that Excel reads as a number
    expect(costCsv).not.toMatch(/\u2212|SUM\(/);
  });
});

describe("the annex with a projection to 2040 (Dalarna, Eurostat's age groups by sex)", () => {
  const dir = mkdtempSync(join(tmpdir(), "omvarld-annex-projection-"));
  const costFile = join(dir, "costs.json");
  writeFileSync(
    costFile,
    JSON.stringify({
      source: "test costs",
      costs: [
        { service: "skola", ages: "0-14", cost: 120 },
        { service: "äldreomsorg", ages: "65+", cost: 70 },
      ],
    }),
  );
  const paths = writeAnnex({
    data,
    region: "SE312",
    compare: ["SE31", "SE"],
    bands: "eurostat",
    horizon: 2040,
    costs: costFile,
    locale: "sv",
    out: join(dir, "annex.xlsx"),
    csv: false,
  });
  const book = async () => readWorkbook((await paths)[0]!);

  test("observed years labelled Observerat, projected years Framskrivning and drawn differently; never Utfall", async () => {
    const b = await book();
    expect(b.worksheets.map((w) => w.name)).toEqual([
      "Befolkning",
      "Ålder",
      "Komponenter",
      "Försörjningskvot",
      "Enhetskostnader",
      "Demografisk kostnad",
      "Källor",
    ]);
    const ws = b.getWorksheet("Befolkning")!;
    expect([1, 2, 6, 7, 8].map((c) => ws.getCell(3, c).value)).toEqual([
      "År",
      "Typ",
      "Totalt",
      "Nedre (80 %)",
      "Övre (80 %)",
    ]);
    const byYear = new Map(yearRows(ws).map((r) => [r.getCell(1).value as number, r]));
    expect(byYear.get(2022)!.getCell(2).value).toBe("Observerat");
    expect(cached(ws, byYear.get(2022)!.number, 6)).toBe(288_387);
    const y2040 = byYear.get(2040)!;
    expect(y2040.getCell(2).value).toBe("Framskrivning");
    expect(y2040.getCell(3).font).toMatchObject({ italic: true });
    expect(y2040.getCell(3).fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(byYear.get(2022)!.getCell(3).font?.italic).toBeFalsy();
    const [total, low, high] = [6, 7, 8].map((c) => cached(ws, y2040.number, c) as number) as [number, number, number];
    expect(low).toBeLessThan(total);
    expect(high).toBeGreaterThan(total);
    // the change from the last observed year to the horizon, by formula, in persons and per cent
    const change = ws.getRows(4, ws.rowCount - 3)!.find((r) => r.getCell(1).value === "Förändring 2022–2040")!;
    expect(cached(ws, change.number, 6)).toBeCloseTo(total - 288_387, 6);
    expect((change.getCell(6).value as { formula: string }).formula).toBe(
      `F${y2040.number}-F${byYear.get(2022)!.number}`,
    );
    expect(cached(ws, change.number + 1, 6)).toBeCloseTo(100 * (total / 288_387 - 1), 8);
    expect(ws.getCell(change.number + 1, 6).numFmt).toBe("0.0");
    // the age sheet marks the columns: Observerat over 2022, Framskrivning over 2023
    const ages = b.getWorksheet("Ålder")!;
    const column = (year: number) => headerColumn(ages, String(year));
    expect(ages.getCell(2, column(2022)).value).toBe("Observerat");
    expect(ages.getCell(2, column(2023)).value).toBe("Framskrivning");
    for (const sheet of b.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.value)).not.toMatch(/Utfall/)));
  });

  test("components: every projected year balances and continues the last", async () => {
    const rows = yearRows((await book()).getWorksheet("Komponenter")!);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: 18 }, (_, k) => 2022 + k));
    expect(rows[0]!.getCell(2).value).toBe(288_387);
    rows.forEach((r, k) => {
      const [start, entrants, other, end] = [2, 3, 4, 5].map((c) => r.getCell(c).value as number) as [
        number,
        number,
        number,
        number,
      ];
      expect(end).toBeCloseTo(start + entrants + other, 6);
      if (k > 0) expect(start).toBeCloseTo(rows[k - 1]!.getCell(5).value as number, 6);
    });
  });

  test("demographic cost: index 100 in the last observed year, and 2040 by hand from the population sheet", async () => {
    const b = await book();
    const popSheet = b.getWorksheet("Befolkning")!;
    const pop = new Map(yearRows(popSheet).map((r) => [r.getCell(1).value as number, r.number]));
    const cost = (year: number) => {
      const mean = (c: number) =>
        ((cached(popSheet, pop.get(year)!, c) as number) + (cached(popSheet, pop.get(year - 1)!, c) as number)) / 2;
      return 120 * mean(3) + 70 * mean(5);
    };
    const ws = b.getWorksheet("Demografisk kostnad")!;
    const at = (year: number) => yearRows(ws).find((r) => r.getCell(1).value === year)!.number;
    expect(cached(ws, at(2022), 7)).toBeCloseTo(100, 10);
    expect(cached(ws, at(2040), 5)).toBeCloseTo(cost(2040), 6);
    expect(cached(ws, at(2040), 7)).toBeCloseTo((100 * cost(2040)) / cost(2022), 8);
    expect(ws.getCell(3, 8).value).toBe("Skattebas 15–64, medelfolkmängd");
    // every formula, projected years included, computes its cached result
    for (const c of formulaCells(b))
      expect(recalc(b, c.sheet, c.row, c.column), `${c.sheet}!${c.column}:${c.row}`).toBeCloseTo(c.result, 6);
    const notes =
      b.getWorksheet("Enhetskostnader")!.getColumn(1).values.join(" ") +
      b.getWorksheet("Källor")!.getColumn(1).values.join(" ");
    expect(notes).toContain("test costs");
    expect(notes).toMatch(/kvoter per kön och grupp skattade 2012–2022/);
  });
});
