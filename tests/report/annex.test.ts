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
