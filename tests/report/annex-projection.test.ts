import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { NO_BANDS } from "../../src/indicators/population/dependency.ts";
import { prepareProjectionData } from "../../src/indicators/population/projection-data.ts";
import { projectMunicipality } from "../../src/indicators/population/municipal-projection.ts";
import { read } from "../../src/io/node.ts";
import { combineRecognised, recognise } from "../../src/io/recognise.ts";
import { annexInputs } from "../../src/report/annex/projection.ts";
import { annexSheets } from "../../src/report/annex/sheets.ts";
import { MUNICIPAL_WORDS } from "../../src/charts/words/municipal.ts";
import { writeSheets } from "../../src/report/workbook.ts";
import { cached, formulaCells, headerColumn, readWorkbook, recalc, yearRows } from "./annex-workbook.ts";

// Trysil from SSB's own statbank files: population 07459 (2017-2022), births 04231, deaths 08425
const file = (name: string) =>
  new URL(`../../data/ssb/ikashnitsky-mun-non-surv__dat__no__${name}.csv`, import.meta.url).pathname;
const where = { where: { region: ["3421", "3424", "3401"] } };
const population = combineRecognised(["no-p1719", "no-p2022"].map((p) => recognise(read(file(p), where)))).table;
const deaths = recognise(read(file("no-d8621-total"), where)).table;
const births = recognise(read(file("no-b7221"), where)).table;
const p = projectMunicipality(prepareProjectionData({ population, reference: "start", deaths, births }), {
  region: "3421",
  horizon: 2040,
  interval: { runs: 100, seed: 7 },
});
const { population: projected, projection } = annexInputs(p, { locale: "nb" });
// the sheets from a projection made here (buildAnnex makes its own from the kommun tables: tests/report/kommun-journey)
const sheets = annexSheets(projected, {
  region: "3421",
  bands: NO_BANDS,
  locale: "nb",
  names: { "3421": "Trysil" },
  projection,
  provenance: population.provenance,
  costs: [{ service: "Pleie og omsorg", ages: "80+", cost: 400 }],
  sources: [
    { what: "Døde", provenance: deaths.provenance },
    { what: "Fødte", provenance: births.provenance },
  ],
});
const dir = mkdtempSync(join(tmpdir(), "omvarld-annex-projection-"));
const book = writeSheets(sheets, join(dir, "trysil.xlsx")).then(() => readWorkbook(join(dir, "trysil.xlsx")));

describe("the annex of a cohort-component projection of Trysil from SSB's tables", () => {
  test("the population sheet's totals and interval are the projection's, observed and projected years labelled", async () => {
    const ws = (await book).getWorksheet("Befolkning")!;
    const totals = new Map(p.total.toRows().map((r) => [r.year as number, r]));
    const rows = yearRows(ws);
    expect(rows[0]!.getCell(1).value).toBe(2017);
    expect(rows.at(-1)!.getCell(1).value).toBe(2040);
    const [total, low, high] = ["Totalt", "Nedre (80 %)", "Øvre (80 %)"].map((h) => headerColumn(ws, h)) as [
      number,
      number,
      number,
    ];
    for (const r of rows) {
      const year = r.getCell(1).value as number;
      expect(r.getCell(2).value).toBe(year <= 2022 ? "Observert" : "Framskriving");
      if (totals.has(year))
        expect(cached(ws, r.number, total), String(year)).toBeCloseTo(totals.get(year)!.population as number, 6);
    }
    const r2040 = rows.at(-1)!.number;
    expect(cached(ws, r2040, low)).toBeCloseTo(totals.get(2040)!.low as number, 6);
    expect(cached(ws, r2040, high)).toBeCloseTo(totals.get(2040)!.high as number, 6);
    expect(cached(ws, rows.find((r) => r.getCell(1).value === 2022)!.number, total)).toBe(6603); // SSB: 1 January 2022
    // the method note is the report's, in Norwegian
    expect(ws.getColumn(1).values).toContain(`Framskriving: ${MUNICIPAL_WORDS.nb.method(p.assumptions)}`);
    expect(MUNICIPAL_WORDS.nb.method(p.assumptions)).toMatch(/^Kohort/);
  });

  test("components: births, deaths and net migration, the end of each year by formula; every formula computes its result", async () => {
    const b = await book;
    const ws = b.getWorksheet("Komponenter")!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "År",
      "Type",
      "Folkemengde ved årets start",
      "Fødte",
      "Døde",
      "Nettoflytting",
      "Folkemengde ved årets slutt",
    ]);
    for (const r of yearRows(ws))
      expect((r.getCell(7).value as { formula: string }).formula).toBe(
        `C${r.number}+D${r.number}-E${r.number}+F${r.number}`,
      );
    for (const c of formulaCells(b))
      expect(recalc(b, c.sheet, c.row, c.column), `${c.sheet}!${c.column}:${c.row}`).toBeCloseTo(c.result, 6);
  });

  test("sources: SSB's table ids 07459, 08425 and 04231 with their files", async () => {
    const ws = (await book).getWorksheet("Kilder")!;
    expect([4, 5, 6].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 3).value])).toEqual([
      ["Befolkning", "07459"],
      ["Døde", "08425"],
      ["Fødte", "04231"],
    ]);
    expect(ws.getCell("E4").value).toBe(
      "ikashnitsky-mun-non-surv__dat__no__no-p1719.csv, ikashnitsky-mun-non-surv__dat__no__no-p2022.csv",
    );
  });
});
