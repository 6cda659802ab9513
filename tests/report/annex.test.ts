import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { annex } from "../../src/cli/annex.ts";
import { fixture, one, readFixture } from "../helpers.ts";

const out = mkdtempSync(join(tmpdir(), "omvarld-annex-"));
const data = fixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
const costs = join(out, "costs.json");
const written = (async () => {
  const { writeFileSync } = await import("node:fs");
  writeFileSync(costs, JSON.stringify([{ service: "skola", ages: "Y_LT15", cost: 110.5 }, { service: "äldreomsorg", ages: "Y_GE65", cost: 95.2 }]));
  return annex({ data, region: "SE312", compare: ["SE31", "SE"], bands: "eurostat", costs, locale: "sv", out: join(out, "annex.xlsx"), csv: true, names: { SE312: "Dalarnas län", SE: "Sverige" } });
})();

async function workbook() {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await written)[0]!);
  return book;
}

describe("the XLSX budget annex, read back", () => {
  const eurostat = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv").filter({ unit: "NR", sex: "T", region: "SE312" });

  test("sheets, frozen headers, widths, titles", async () => {
    const book = await workbook();
    expect(book.worksheets.map((w) => w.name)).toEqual(["Befolkning", "Försörjningskvot", "Demografisk kostnad", "Källor"]);
    for (const ws of book.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      expect(ws.getColumn(1).width).toBeGreaterThan(0);
    }
    expect(book.getWorksheet("Befolkning")!.getCell("A1").value).toBe("Befolkning efter åldersgrupp, Dalarnas län");
  });

  test("population: numbers stored as numbers with a display format, equal to the source; groups sum to its total", async () => {
    const ws = (await workbook()).getWorksheet("Befolkning")!;
    expect([2, 3, 4, 5].map((c) => ws.getCell(3, c).value)).toEqual(["0–14", "15–64", "65+", "Totalt"]);
    const row2022 = ws.getRows(4, ws.rowCount)!.find((r) => r.getCell(1).value === 2022)!;
    expect(row2022.getCell(2).value).toBe(48_609);
    expect(row2022.getCell(2).numFmt).toBe("#,##0");
    expect(row2022.getCell(5).value).toBe(one(eurostat, { age: "TOTAL", year: 2022 }));
    // every year: the groups sum to Eurostat's own total
    for (const r of ws.getRows(4, 23)!) {
      const year = r.getCell(1).value as number;
      expect(r.getCell(5).value, String(year)).toBe(one(eurostat, { age: "TOTAL", year }));
    }
  });

  test("single-year ages are grouped into the service age groups", async () => {
    const { buildAnnex } = await import("../../src/report/annex.ts");
    const { SE_BANDS } = await import("../../src/indicators/population/dependency.ts");
    const { Table } = await import("../../src/table/table.ts");
    const t = Table.fromRows(Array.from({ length: 101 }, (_, age) => ({ region: "2021", year: 2024, age: age === 100 ? "100+" : String(age), value: age + 1 })));
    const sheet = buildAnnex(t, { region: "2021", bands: SE_BANDS })[0]!;
    expect(sheet.columns.map((c) => c.header)).toEqual(["År", "0–5", "6–15", "16–19", "20–64", "65–79", "80+", "Totalt"]);
    // ages 0-5 hold 1+2+…+6 = 21; 80+ holds 81+…+101 = 1911; all 101 ages 5151
    expect(sheet.rows[0]).toMatchObject({ "0-5": 21, "80+": 1911, total: 5151 });
    expect(sheet.notes).toEqual([]);
  });

  test("dependency ratio and demographic cost, by hand", async () => {
    const book = await workbook();
    const ratio = book.getWorksheet("Försörjningskvot")!;
    const r2022 = ratio.getRows(4, ratio.rowCount)!.find((r) => r.getCell(1).value === 2022)!;
    expect(r2022.getCell(2).value).toBeCloseTo((100 * (48_609 + 72_482)) / 167_296, 10);
    expect(r2022.getCell(2).numFmt).toBe("0.0");
    const cost = book.getWorksheet("Demografisk kostnad")!;
    const school2022 = cost.getRows(4, cost.rowCount)!.find((r) => r.getCell(1).value === 2022 && r.getCell(2).value === "skola")!;
    // mean of the year-ends: Eurostat counts on 1 January, so 2021 and 2022 are consecutive counts
    expect(school2022.getCell(3).value).toBeCloseTo(110.5 * ((48_756 + 48_609) / 2), 8);
  });

  test("CSV for Swedish Excel: BOM, semicolons, decimal comma, ASCII minus, CRLF", async () => {
    const paths = await written;
    const csv = readFileSync(paths.find((p) => p.endsWith("-försörjningskvot.csv"))!, "utf8");
    expect(csv.startsWith("\ufeffÅr;Dalarnas län;SE31;Sverige\r\n")).toBe(true);
    expect(csv).toContain("\r\n2022;72,4;70,1;60,9\r\n");
    const costCsv = readFileSync(paths.find((p) => p.endsWith("-demografisk-kostnad.csv"))!, "utf8");
    expect(costCsv).toMatch(/;-\d/); // a negative change, with an ASCII minus that Excel reads as a number
    expect(costCsv).not.toMatch(/\u2212/);
  });
});

describe("the annex with a projection to 2040 (Dalarna, Eurostat's age groups by sex)", () => {
  const dir = mkdtempSync(join(tmpdir(), "omvarld-annex-projection-"));
  const costFile = join(dir, "costs.json");
  const paths = (async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(costFile, JSON.stringify({ source: "test costs", costs: [{ service: "skola", ages: "0-14", cost: 120 }, { service: "äldreomsorg", ages: "65+", cost: 70 }] }));
    return annex({ data, region: "SE312", compare: ["SE31", "SE"], bands: "eurostat", horizon: 2040, costs: costFile, locale: "sv", out: join(dir, "annex.xlsx"), csv: false });
  })();
  const book = async () => {
    const { default: ExcelJS } = await import("exceljs");
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile((await paths)[0]!);
    return b;
  };
  const rowsOf = (ws: { getRows(start: number, n: number): { getCell(c: number): { value: unknown } }[] | undefined; rowCount: number }) =>
    ws.getRows(4, ws.rowCount - 3)!.filter((r) => typeof r.getCell(1).value === "number");

  test("sheets, and the population sheet: observed to 2022, projected to 2040 with its interval, groups summing to the total", async () => {
    const b = await book();
    expect(b.worksheets.map((w) => w.name)).toEqual(["Befolkning", "Komponenter", "Försörjningskvot", "Demografisk kostnad", "Källor"]);
    const ws = b.getWorksheet("Befolkning")!;
    expect([1, 2, 6, 7, 8].map((c) => ws.getCell(3, c).value)).toEqual(["År", "Typ", "Totalt", "Nedre (80 %)", "Övre (80 %)"]);
    const rows = rowsOf(ws);
    const byYear = new Map(rows.map((r) => [r.getCell(1).value as number, r]));
    expect(byYear.get(2022)!.getCell(2).value).toBe("Utfall");
    expect(byYear.get(2022)!.getCell(6).value).toBe(288_387);
    const y2040 = byYear.get(2040)!;
    expect(y2040.getCell(2).value).toBe("Framskrivning");
    const [total, low, high] = [6, 7, 8].map((c) => y2040.getCell(c).value as number) as [number, number, number];
    expect(low).toBeLessThan(total);
    expect(high).toBeGreaterThan(total);
    for (const r of rows) expect((r.getCell(3).value as number) + (r.getCell(4).value as number) + (r.getCell(5).value as number)).toBeCloseTo(r.getCell(6).value as number, 6);
  });

  test("components: every projected year balances and continues the last", async () => {
    const rows = rowsOf((await book()).getWorksheet("Komponenter")!);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: 18 }, (_, k) => 2022 + k));
    expect(rows[0]!.getCell(2).value).toBe(288_387);
    rows.forEach((r, k) => {
      const [start, entrants, other, end] = [2, 3, 4, 5].map((c) => r.getCell(c).value as number) as [number, number, number, number];
      expect(end).toBeCloseTo(start + entrants + other, 6);
      if (k > 0) expect(start).toBeCloseTo(rows[k - 1]!.getCell(5).value as number, 6);
    });
  });

  test("demographic cost: index 100 in the last observed year, and 2040 by hand from the population sheet", async () => {
    const b = await book();
    const pop = new Map(rowsOf(b.getWorksheet("Befolkning")!).map((r) => [r.getCell(1).value as number, r]));
    const cost = (year: number) => {
      const mean = (c: number) => ((pop.get(year)!.getCell(c).value as number) + (pop.get(year - 1)!.getCell(c).value as number)) / 2;
      return 120 * mean(3) + 70 * mean(5);
    };
    const rows = rowsOf(b.getWorksheet("Demografisk kostnad")!).filter((r) => r.getCell(3).value === "Totalt");
    const at = (year: number) => rows.find((r) => r.getCell(1).value === year)!;
    expect(at(2022).getCell(6).value).toBeCloseTo(100, 10);
    expect(at(2040).getCell(4).value).toBeCloseTo(cost(2040), 6);
    expect(at(2040).getCell(6).value).toBeCloseTo((100 * cost(2040)) / cost(2022), 8);
    expect(b.getWorksheet("Demografisk kostnad")!.getCell(3, 7).value).toBe("Skattebas 15–64");
    const text = b.getWorksheet("Källor")!.getColumn(2).values.join(" ");
    expect(text).toContain("test costs");
    expect(text).toMatch(/kvoter per kön och grupp skattade 2012–2022/);
  });
});
