import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { NO_BANDS, SE_BANDS } from "../../src/indicators/population/dependency.ts";
import { buildAnnex } from "../../src/report/annex/index.ts";
import { parseUnitCosts } from "../../src/report/annex/costs.ts";
import { readUnitCosts } from "../../src/report/annex/costs-file.ts";
import { writeSheets } from "../../src/report/workbook.ts";
import { Table } from "../../src/table/table.ts";
import { OmvarldError } from "../../src/errors.ts";
import { read } from "../../src/io/node.ts";
import { cached, formulaCells, headerColumn, readWorkbook, recalc, ssbKommune, yearRows } from "./annex-workbook.ts";

// Trysil (3421) from SSB's 07459 by single year of age 0-105+, both sexes, 1 January 2020-2022
const trysil = ssbKommune("3421");
const age = (a: number, year: number) =>
  trysil
    .filter({ age: a === 1 ? "1 year" : a === 105 ? "105 years or older" : `${a} years`, year })
    .get("value", 0) as number;
const sumAges = (from: number, to: number, year: number) => {
  let s = 0;
  for (let a = from; a <= to; a++) s += age(a, year);
  return s;
};
const total2022 = (trysil.filter({ year: 2022 }).numbers("value").values as Float64Array).reduce((s, v) => s + v, 0);
const costs = readUnitCosts(new URL("../../data/costs/example-unit-costs.json", import.meta.url).pathname);
const dir = mkdtempSync(join(tmpdir(), "omvarld-annex-kommune-"));

describe("a kommune by single year of age (Trysil, SSB 07459), in Norwegian", () => {
  const { sheets } = buildAnnex({ population: trysil }, { region: "3421", bands: NO_BANDS, locale: "nb", costs });
  const path = join(dir, "trysil.xlsx");
  const book = writeSheets(sheets, path).then(() => readWorkbook(path));

  test("ages are grouped into Norway's service groups, never 106 one-year columns; the age sheet has one row per age", async () => {
    const b = await book;
    const ws = b.getWorksheet("Befolkning")!;
    expect(ws.getRow(3).values).toEqual([undefined, "År", "0–5", "6–15", "16–19", "20–66", "67–79", "80+", "Totalt"]);
    const ages = b.getWorksheet("Alder")!;
    expect(ages.getCell(4, 1).value).toBe("0");
    expect(ages.getCell(4 + 105, 1).value).toBe("105+");
    expect(ages.getCell(4 + 106, 1).value).toBe("Totalt");
    const r2022 = yearRows(ws).find((r) => r.getCell(1).value === 2022)!.number;
    // by hand from the file's lines
    expect(cached(ws, r2022, 2)).toBe(sumAges(0, 5, 2022));
    expect(cached(ws, r2022, 5)).toBe(sumAges(20, 66, 2022));
    expect(cached(ws, r2022, 8)).toBe(total2022);
    expect(total2022).toBe(6603); // SSB: Trysil 1 January 2022
    expect(cached(ages, 4 + 106, headerColumn(ages, "2022"))).toBe(6603);
  });

  test("the name, not the code, in titles and headers", async () => {
    const b = await book;
    expect(b.getWorksheet("Befolkning")!.getCell("A1").value).toBe("Befolkning etter aldersgruppe, Trysil");
    expect(b.getWorksheet("Forsørgerbrøk")!.getCell("B3").value).toBe("Trysil");
    for (const ws of b.worksheets)
      for (const r of [1, 2, 3])
        ws.getRow(r).eachCell((c) => expect(String(c.value), `${ws.name}!${c.address}`).not.toMatch(/3421/));
  });

  test("the dependency ratio 20–66 / 67+ by formula, equal to a hand calculation", async () => {
    const ws = (await book).getWorksheet("Forsørgerbrøk")!;
    const r2022 = yearRows(ws).find((r) => r.getCell(1).value === 2022)!.number;
    const young = sumAges(0, 19, 2022);
    const working = sumAges(20, 66, 2022);
    const old = total2022 - young - working;
    expect(cached(ws, r2022, 2)).toBeCloseTo((100 * (young + old)) / working, 10);
  });

  test("costs in 1000 kr from the example file (0–14 at 120, 65+ at 70), by formula, recalculated with a changed input", async () => {
    const b = await book;
    const ws = b.getWorksheet("Demografikostnader")!;
    expect(b.getWorksheet("Enhetskostnader")!.getCell("C3").value).toBe("Kostnad per innbygger, 1000 kr");
    const rows = yearRows(ws);
    expect(rows.map((r) => r.getCell(1).value)).toEqual([2021, 2022]); // the mean needs the year before
    const r2022 = rows[1]!.number;
    const school = (120 * (sumAges(0, 14, 2021) + sumAges(0, 14, 2022))) / 2;
    const elderly = (70 * (sumAges(65, 105, 2021) + sumAges(65, 105, 2022))) / 2;
    expect(cached(ws, r2022, 2)).toBeCloseTo(school, 8);
    expect(cached(ws, r2022, 3)).toBeCloseTo(elderly, 8);
    expect(cached(ws, r2022, 4)).toBeCloseTo(school + elderly, 8);
    for (const c of formulaCells(b)) expect(recalc(b, c.sheet, c.row, c.column)).toBeCloseTo(c.result, 6);
    // the elderly cost at 80 instead of 70 (Enhetskostnader!C5)
    expect(recalc(b, ws.name, r2022, 4, new Map([["Enhetskostnader!3:5", 80]]))).toBeCloseTo(
      school + (elderly * 80) / 70,
      6,
    );
  });

  test("sources name SSB's table id and the file", async () => {
    const ws = (await book).getWorksheet("Kilder")!;
    expect([ws.getCell("B4").value, ws.getCell("C4").value, ws.getCell("E4").value]).toEqual([
      "Statistisk sentralbyrå (SSB)",
      "07459",
      "ikashnitsky-mun-non-surv__dat__no__no-p2022.csv",
    ]);
    expect(ws.getColumn(1).values.join(" ")).toContain("Exempelvärden, inte uppmätta");
  });
});

describe("the same kommune with Swedish words and SKR's groups", () => {
  test("groups 0–5 … 80+ with working age 20–64; a cost band that the ages do not add up to is an error", () => {
    const [population] = buildAnnex({ population: trysil }, { region: "3421", bands: SE_BANDS }).sheets;
    expect(population!.columns.map((c) => c.header)).toEqual([
      "År",
      "0–5",
      "6–15",
      "16–19",
      "20–64",
      "65–79",
      "80+",
      "Totalt",
    ]);
    const eurostatLike = Table.fromRows([
      { region: "X", year: 2021, age: "Y_LT15", value: 10 },
      { region: "X", year: 2021, age: "Y15-64", value: 20 },
      { region: "X", year: 2021, age: "Y_GE65", value: 5 },
      { region: "X", year: 2022, age: "Y_LT15", value: 11 },
      { region: "X", year: 2022, age: "Y15-64", value: 21 },
      { region: "X", year: 2022, age: "Y_GE65", value: 6 },
    ]);
    expect(() => buildAnnex({ population: eurostatLike }, { region: "X", bands: SE_BANDS })).toThrow(/straddles/);
    const error = (() => {
      try {
        buildAnnex(
          { population: eurostatLike },
          {
            region: "X",
            bands: { young: { from: 0, to: 14 }, working: { from: 15, to: 64 }, old: { from: 65, to: Infinity } },
            costs: [{ service: "förskola", ages: "1-5", cost: 150 }],
          },
        );
      } catch (e) {
        return e as OmvarldError;
      }
    })();
    expect(error?.code).toBe("ARGUMENT");
    expect(error?.message).toBe(
      'the age group 1–5 of "förskola" is not a sum of the population\'s age groups (0–14, 15–64, 65+)',
    );
  });
});

describe("unit costs", () => {
  test("the shipped example file: tkr per inhabitant, with its source", () => {
    expect(costs.costs).toEqual([
      { service: "Förskola och skola", ages: "0-14", cost: 120 },
      { service: "Äldreomsorg", ages: "65+", cost: 70 },
    ]);
    expect(costs.source).toMatch(/^Exempelvärden, inte uppmätta/);
    expect(
      JSON.parse(readFileSync(new URL("../../data/costs/example-unit-costs.json", import.meta.url), "utf8")).costs[0]
        .cost,
    ).toBe(120);
  });

  test("kr are turned into tkr; a bad band, a text cost, a missing list are SCHEMA errors naming the entry", () => {
    expect(
      parseUnitCosts('{ "unit": "kr", "costs": [{ "service": "Förskola", "ages": "1-5", "cost": 164000 }] }').costs,
    ).toEqual([{ service: "Förskola", ages: "1-5", cost: 164 }]);
    const fail = (text: string) => {
      try {
        parseUnitCosts(text, "c.json");
      } catch (e) {
        return (e as OmvarldError).toString();
      }
      return "";
    };
    expect(fail('[{ "service": "skola", "ages": "barn", "cost": 1 }]')).toMatch(
      /^c\.json: the unit costs are not a list of \{ service, ages, cost \} \(at 0\.ages: an age band/,
    );
    expect(fail('{ "costs": [{ "service": "skola", "ages": "0-14", "cost": "120" }] }')).toMatch(/at costs\.0\.cost/);
    expect(fail("{ ")).toMatch(/^c\.json: cannot read the unit costs: .*hint: a JSON array/);
    expect(fail("{}")).toMatch(/SCHEMA|not a list/);
  });
});

describe("Vansbro (2021) from SCB's own XLSX download (BE0101N1, men and women by single year of age, 2018-2019)", () => {
  const vansbro = read(
    new URL("../../data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx", import.meta.url).pathname,
    { where: { region: ["2021", "2062"] } },
  );
  const { sheets } = buildAnnex(
    { population: vansbro },
    { region: "2021", compare: ["2062"], bands: SE_BANDS, locale: "sv", costs: costs.costs },
  );
  const path = join(dir, "vansbro.xlsx");
  const book = writeSheets(sheets, path).then(() => readWorkbook(path));
  const sum = (year: number, from: number, to: number) =>
    vansbro
      .filter({ region: "2021", year })
      .toRows()
      .filter((r) => {
        const a = parseInt(String(r.age), 10);
        return a >= from && a <= to;
      })
      .reduce((s, r) => s + (r.value as number), 0);

  test("men and women summed into SKR's groups, with names in the title and the headers", async () => {
    const b = await book;
    const ws = b.getWorksheet("Befolkning")!;
    expect(ws.getCell("A1").value).toBe("Befolkning efter åldersgrupp, Vansbro");
    expect(b.getWorksheet("Försörjningskvot")!.getRow(3).values).toEqual([undefined, "År", "Vansbro", "Mora"]);
    const r2019 = yearRows(ws).find((r) => r.getCell(1).value === 2019)!.number;
    expect([2, 3, 4, 5, 6, 7].map((c) => cached(ws, r2019, c))).toEqual(
      [
        [0, 5],
        [6, 15],
        [16, 19],
        [20, 64],
        [65, 79],
        [80, 200],
      ].map(([a, z]) => sum(2019, a!, z!)),
    );
    expect(cached(ws, r2019, 8)).toBe(sum(2019, 0, 200));
    expect(ws.getCell(3, 2).value).toBe("0–5");
  });

  test("sources: SCB, BE0101N1, the file; the cost of 2019 by formula", async () => {
    const b = await book;
    const src = b.getWorksheet("Källor")!;
    expect([src.getCell("B4").value, src.getCell("C4").value, src.getCell("E4").value]).toEqual([
      "SCB",
      "BE0101N1",
      "ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx",
    ]);
    const cost = b.getWorksheet("Demografisk kostnad")!;
    const rows = yearRows(cost);
    expect(rows.map((r) => r.getCell(1).value)).toEqual([2019]);
    expect(cached(cost, rows[0]!.number, 2)).toBeCloseTo((120 * (sum(2018, 0, 14) + sum(2019, 0, 14))) / 2, 8);
    for (const c of formulaCells(b)) expect(recalc(b, c.sheet, c.row, c.column)).toBeCloseTo(c.result, 6);
  });
});

describe("observed and projected years in Norwegian and English", () => {
  test("Observert / Framskriving, Observed / Projection, and the cost index based on the last observed year", () => {
    const rows = trysil.toRows().map((r) => ({ ...r, kind: "observed" }));
    const future = trysil
      .filter({ year: 2022 })
      .toRows()
      .map((r) => ({ ...r, year: 2023, kind: "projected" }));
    const table = Table.fromRows([...rows, ...future], { provenance: trysil.provenance });
    for (const [locale, observed, projected] of [
      ["nb", "Observert", "Framskriving"],
      ["en", "Observed", "Projection"],
    ] as const) {
      const { sheets } = buildAnnex(
        { population: table },
        { region: "3421", bands: NO_BANDS, locale, costs: costs.costs },
      );
      const population = sheets[0]!;
      expect(population.rows.filter((r) => typeof r.year === "number").map((r) => r.kind)).toEqual([
        observed,
        observed,
        observed,
        projected,
      ]);
      expect(population.projectedRows).toEqual([false, false, false, true, false, false]);
      expect(sheets[1]!.columns.filter((c) => c.group).map((c) => [c.header, c.group])).toEqual([
        ["2020", observed],
        ["2021", observed],
        ["2022", observed],
        ["2023", projected],
      ]);
      const cost = sheets.find((s) => s.name === (locale === "nb" ? "Demografikostnader" : "Demographic cost"))!;
      // the index is based on the last observed year, 2022 (rows 2021, 2022, 2023)
      const index = cost.rows.map((r) => (r.index as { result: number }).result);
      expect(index[1]).toBeCloseTo(100, 10);
    }
  });
});

describe("the components of a cohort-component projection (the shape projectMunicipality returns)", () => {
  test("observed and projected years marked; the end of each year a formula start + births − deaths + net, with its result", async () => {
    const { componentsSheet } = await import("../../src/report/annex/components.ts");
    const { annexWords } = await import("../../src/charts/words/annex.ts");
    const components = Table.fromRows([
      {
        region: "2021",
        year: 2018,
        kind: "observed",
        start_population: 6_804,
        births: 54,
        deaths: 98,
        net_migration: 27,
        end_population: 6_787,
      },
      {
        region: "2021",
        year: 2020,
        kind: "projected",
        start_population: 6_787,
        births: 51.2,
        deaths: 96.4,
        net_migration: 12.5,
        end_population: 6_754.3,
      },
    ]);
    const sheet = componentsSheet(components, { words: annexWords("sv"), region: "2021", name: "Vansbro" });
    expect(sheet.columns.map((c) => c.header)).toEqual([
      "År",
      "Typ",
      "Folkmängd vid årets början",
      "Födda",
      "Döda",
      "Flyttnetto",
      "Folkmängd vid årets slut",
    ]);
    expect(sheet.rows.map((r) => r.kind)).toEqual(["Observerat", "Framskrivning"]);
    expect(sheet.projectedRows).toEqual([false, true]);
    // 6 804 + 54 − 98 + 27 = 6 787; 6 787 + 51.2 − 96.4 + 12.5 = 6 754.3
    expect(sheet.rows[0]!.end_population).toEqual({ formula: "C4+D4-E4+F4", result: 6_787 });
    expect(sheet.rows[1]!.end_population).toEqual({ formula: "C5+D5-E5+F5", result: 6_754.3 });
    // a row that does not balance keeps its value
    const off = componentsSheet(
      Table.fromRows([
        {
          region: "2021",
          year: 2018,
          start_population: 100,
          births: 1,
          deaths: 1,
          net_migration: 0,
          end_population: 101,
        },
      ]),
      { words: annexWords("sv"), region: "2021", name: "Vansbro" },
    );
    expect(off.rows[0]!.end_population).toBe(101);
  });
});

describe("sources of a table stacked from several files", () => {
  test("every file's name, without its folder", async () => {
    const { fileOrQuery } = await import("../../src/report/annex/sources.ts");
    expect(fileOrQuery("data/scb/a__p1011.xlsx, data/scb/a__p1213.xlsx")).toBe("a__p1011.xlsx, a__p1213.xlsx");
    expect(fileOrQuery("https://api.scb.se/OV0104/v1/doris/en/ssd/BE/BE0101/BE0101A/BefolkningNy")).toBe(
      "https://api.scb.se/OV0104/v1/doris/en/ssd/BE/BE0101/BE0101A/BefolkningNy",
    );
  });
});
