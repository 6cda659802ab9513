import { beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/io/datasets-node.ts";
import type { Datasets } from "../../src/io/datasets.ts";
import { cellResult } from "../../src/report/annex/sheet.ts";
import { renderHtml } from "../../src/report/html.ts";
import { buildAnnex } from "../../src/report/annex/index.ts";
import { municipalProjection } from "../../src/report/municipal.ts";
import { municipalData, reportData } from "../../src/report/report-data.ts";
import { buildSections, type Section } from "../../src/report/sections.ts";

/** The numbers printed in a table cell ("6 805" → 6805, "−31" → -31). */
const num = (cell: string) =>
  Number(
    cell
      .replace(/\s|\u00a0/g, "")
      .replace("\u2212", "-")
      .replace(",", "."),
  );

/** Words that give an English sentence away, as whole words. */
const ENGLISH = /(?<!\p{L})(the|and|of|with|from|which|is|are|was|were|by)(?!\p{L})/u;

describe("a Swedish kommun from SCB's own tables (Vansbro, 2021)", { timeout: 300_000 }, () => {
  let scb: Datasets;
  beforeAll(() => {
    scb = readDatasets(["data/scb"]);
  }, 300_000);

  it("finds population by single age 2010-2019 (31 December) and deaths, and says why the 2017 total is not used", () => {
    expect(scb.population?.reference).toBe("end");
    expect(scb.population?.table.distinct("year")).toHaveLength(10);
    expect(scb.deaths.map((d) => d.table.provenance.tableId)).toEqual(["BE0101D9"]);
    expect(scb.births).toEqual([]);
  });

  it("writes a Swedish report whose tables add up and which holds no English sentence", async () => {
    const { data } = reportData(scb, "2021");
    const built = buildSections(data, { region: "2021", locale: "sv" });
    expect(built.name).toBe("Vansbro");
    const byId = new Map(built.sections.map((s) => [s.id, s]));
    expect([...byId.keys()]).toEqual(["population", "ages", "components", "projection"]);
    // the age groups add up to the total they show, observed (2019: 6 805, SCB) and projected
    const ages = byId.get("ages")!.table!;
    const total = ages.rows.at(-1)!;
    for (const column of [1, 2])
      expect(ages.rows.slice(0, -1).reduce((s, r) => s + num(r[column]!), 0)).toBe(num(total[column]!));
    expect(num(total[1]!)).toBe(6805);
    // each year of the components: births − deaths + net migration = change; 2016: 55 − 97 + 211 = 169 (SCB: 6 715 → 6 884)
    for (const row of byId.get("components")!.table!.rows)
      expect(num(row[1]!) - num(row[2]!) + num(row[3]!)).toBe(num(row[4]!));
    expect(byId.get("components")!.table!.rows.find((r) => r[0] === "2016")).toEqual([
      "2016",
      "55",
      "97",
      "211",
      "169",
    ]);
    // the projection names its method and its back-tested accuracy for kommuner of Vansbro's size
    const projection = byId.get("projection")!;
    expect(projection.sentence).toMatch(
      /kommuner med 5\u00a0000–9\u00a0999 invånare var felet i folkmängden efter 5 år i genomsnitt 2,0 %/,
    );
    expect(projection.sources.join(" ")).toMatch(/Tabell över födda saknas: födda beräknas som barn i ålder 0/);
    const text = (s: Section) =>
      [
        s.heading,
        s.sentence,
        ...(s.table?.columns ?? []),
        ...s.sources.map((x) => x.replace(/\([^)]*\.xlsx\)/g, "")),
      ].join(" ");
    for (const s of built.sections) expect(text(s), s.id).not.toMatch(ENGLISH);
    const html = await renderHtml(built, "sv", new Date("2026-11-30"));
    expect(html).toContain("<h2>Befolkningsframskrivning</h2>");
  });

  it("makes an annex whose population sheet holds Vansbro, Dalarnas län and Riket by name, with the projection's totals", () => {
    const municipal = municipalData(scb)!;
    const { sheets } = buildAnnex(
      { municipal },
      { region: "2021", horizon: 2040, costs: [{ service: "Äldreomsorg", ages: "80+", cost: 300 }] },
    );
    const dependency = sheets.find((s) => s.name === "Försörjningskvot")!;
    expect(dependency.columns.map((c) => c.header)).toEqual(
      expect.arrayContaining(["Vansbro", "Dalarnas län", "Riket"]),
    );
    const population = sheets.find((s) => s.name === "Befolkning")!;
    const totalKey = "total";
    const year = (y: number) => population.rows.find((r) => r.year === y)!;
    expect(cellResult(year(2019)[totalKey])).toBe(6805);
    const projected = municipalProjection(municipal, "2021", 2040)
      .total.filter({ year: 2040 })
      .get("population", 0) as number;
    expect(cellResult(year(2040)[totalKey])).toBeCloseTo(projected, 6);
    expect(JSON.stringify(sheets.find((s) => s.name === "Källor"))).toMatch(/BE0101N1.*BE0101D9/);
  });
});

describe("a Norwegian kommune from SSB's own tables (Trysil, 3421)", { timeout: 300_000 }, () => {
  it("leaves SSB's pseudo-regions out of the comparison and writes the report in Norwegian", () => {
    const { data } = reportData(readDatasets(["data/ssb"]), "3421");
    expect(data.municipal?.country).toBe("NO");
    const built = buildSections(data, { region: "3421", locale: "nb" });
    expect(built.name).toBe("Trysil");
    const population = built.sections.find((s) => s.id === "population")!;
    // Trysil on 1 January 2022: 6 603 (SSB 07459)
    expect(population.table!.rows.at(-1)).toEqual(["2022", "6\u00a0603", "0,3"]);
    const peers = JSON.stringify(population.charts[0]!.toVegaLite());
    expect(peers).toContain("Rendalen");
    expect(peers).not.toMatch(/Svalbard|Continental|Rest"/);
    // commuting from the 2017 matrix, found under Trysil's code before 2020 (0428)
    const commuting = built.sections.find((s) => s.id === "commuting")!;
    expect(commuting.sentence).toBe("I 2017 pendlet 305 personer inn til Trysil og 511 ut; pendlingsnettoen var −206.");
    for (const s of built.sections)
      expect([s.sentence, ...s.sources.filter((x) => !x.includes(".csv"))].join(" "), s.id).not.toMatch(ENGLISH);
  });
});
