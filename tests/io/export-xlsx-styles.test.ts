// The project's own XLSX writer with styles, formulas, merged cells, frozen panes and print setup, read back by
// exceljs (an independent reader, a devDependency only) and by omvarld's own reader.
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { writeXlsxPackage, type XlsxSheet, XlsxStyles } from "../../src/io/export/xlsx-xml.ts";
import { read } from "../../src/node.ts";

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

const styles = new XlsxStyles();
const title = styles.add({ bold: true, size: 13 });
const input = styles.add({
  format: "#,##0.0",
  fill: "FFFFF2CC",
  color: "FF0000CC",
  border: ["top", "bottom", "left", "right"],
});
const projected = styles.add({ format: "#,##0", italic: true, fill: "FFDDEBF7" });
const wrapped = styles.add({ wrap: true, vertical: "top", horizontal: "left" });
const rotated = styles.add({ bold: true, rotate: 90, horizontal: "center" });
const sheet: XlsxSheet = {
  name: "Kostnad & år",
  rows: [
    ["Demografisk kostnad, Vansbro"],
    ["Observerat", null, "Framskrivning"],
    ["År", "Kostnad", "Folkmängd", "Text"],
    [2022, 120.5, { formula: "B4*2", result: 241 }, "en lång text som radbryts inom kolumnen"],
    [2023, 130, { formula: "SUM(B4:B5)", result: 250.5 }, { formula: 'IF(B5>100,"hög","låg")', result: "hög" }],
    [Infinity, null, { formula: "1/0" }, "<&>"],
  ],
  style: (r, k) =>
    r === 0
      ? title
      : r === 1
        ? rotated
        : r >= 3 && k === 1
          ? input
          : r >= 3 && k === 2
            ? projected
            : r === 3 && k === 3
              ? wrapped
              : 0,
  widths: [8, 12, 14, 20],
  heights: new Map([[3, 45]]),
  merges: [
    [1, 0, 1, 1],
    [0, 0, 0, 3],
  ],
  frozen: { rows: 3, columns: 1 },
  print: {
    landscape: true,
    fitToWidth: true,
    titleRows: [1, 2],
    area: { lastRow: 5, lastColumn: 3 },
    header: "&L&BDemografisk kostnad, Vansbro",
    footer: "&LKostnad && år&R&P / &N",
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  },
};
const plain: XlsxSheet = { name: "Källor", rows: [["Tabell"], ["BE0101N1"]] };
const bytes = writeXlsxPackage([sheet, plain], { styles, recalculate: true, title: "Bilaga" });

describe("writeXlsxPackage with the annex's styles", () => {
  it("formulas with their cached results (numbers, text, none), numbers, text and #NUM!", async () => {
    const ws = (await book(bytes)).getWorksheet("Kostnad & år")!;
    expect(ws.getCell("C4").value).toEqual({ formula: "B4*2", result: 241 });
    expect(ws.getCell("C5").value).toEqual({ formula: "SUM(B4:B5)", result: 250.5 });
    expect(ws.getCell("D5").value).toEqual({ formula: 'IF(B5>100,"hög","låg")', result: "hög" });
    expect(ws.getCell("C6").value).toMatchObject({ formula: "1/0" });
    expect(ws.getCell("B4").value).toBe(120.5);
    expect(ws.getCell("D6").value).toBe("<&>");
    expect(ws.getCell("A6").value).toEqual({ error: "#NUM!" });
    expect(ws.getCell("B6").value).toBeNull();
  });

  it("number formats, fonts, fills, borders, alignment and rotation as asked", async () => {
    const ws = (await book(bytes)).getWorksheet("Kostnad & år")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 13 });
    expect(ws.getCell("B4").numFmt).toBe("#,##0.0");
    expect(ws.getCell("B4").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell("B4").font?.color).toEqual({ argb: "FF0000CC" });
    expect(ws.getCell("B4").border).toMatchObject({
      top: { style: "thin" },
      bottom: { style: "thin" },
      left: { style: "thin" },
      right: { style: "thin" },
    });
    expect(ws.getCell("C5").numFmt).toBe("#,##0");
    expect(ws.getCell("C5").font?.italic).toBe(true);
    expect(ws.getCell("C5").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("D4").alignment).toMatchObject({ wrapText: true, vertical: "top", horizontal: "left" });
    expect(ws.getCell("A2").alignment).toMatchObject({ textRotation: 90, horizontal: "center" });
    expect(ws.getCell("D5").font?.italic).toBeFalsy();
  });

  it("widths, heights, merged cells and frozen panes", async () => {
    const ws = (await book(bytes)).getWorksheet("Kostnad & år")!;
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([8, 12, 14, 20]);
    expect(ws.getRow(4).height).toBe(45);
    expect(ws.getCell("B2").master.address).toBe("A2");
    expect(ws.getCell("D1").master.address).toBe("A1");
    expect(ws.getCell("C2").isMerged).toBe(false);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3, topLeftCell: "B4" });
  });

  it("print setup: A4 landscape one page wide, rows repeated, print area, page header and footer", async () => {
    const ws = (await book(bytes)).getWorksheet("Kostnad & år")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?2:\$?3$/);
    expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?D\$?6$/);
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5, top: 0.75 });
    expect(ws.headerFooter.oddHeader).toBe("&L&BDemografisk kostnad, Vansbro");
    expect(ws.headerFooter.oddFooter).toBe("&LKostnad && år&R&P / &N");
    const plainSheet = (await book(bytes)).getWorksheet("Källor")!;
    expect(plainSheet.views[0]?.state ?? "normal").toBe("normal");
  });

  it("asks Excel to recalculate on opening; the XML parts are in the schema's order", () => {
    const files = unzipSync(bytes);
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    const ws = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    const order = [
      "<sheetPr>",
      "<dimension",
      "<sheetViews>",
      "<sheetFormatPr",
      "<cols>",
      "<sheetData>",
      "<mergeCells",
      "<pageMargins",
      "<pageSetup",
      "<headerFooter>",
    ];
    const at = order.map((tag) => ws.indexOf(tag));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // one font, fill and cell format per distinct look
    expect(new XlsxStyles().add({})).toBe(0);
    expect(styles.add({ bold: true, size: 13 })).toBe(title);
  });

  it("omvarld's own reader reads a formula's cached result as the cell's value", () => {
    const tidy = writeXlsxPackage([
      {
        name: "A",
        rows: [
          ["region", "year", "value"],
          ["0114", 2022, { formula: "1+1", result: 2 }],
          ["0115", 2022, 5],
        ],
      },
    ]);
    expect(read(tidy, { file: "tidy.xlsx" }).toRows()).toEqual([
      { region: "0114", year: 2022, value: 2 },
      { region: "0115", year: 2022, value: 5 },
    ]);
  });
});
