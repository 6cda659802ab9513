import { beforeAll, describe, expect, it } from "vitest";
import type { Chart } from "../../src/charts/chart.ts";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { loadBoundarySet } from "../../src/regions/boundaries.ts";
import { buildReport, type BuiltReport } from "../../src/report/pipelines/report.ts";
import { reportData } from "../../src/report/report-data.ts";
import { buildSections } from "../../src/report/sections.ts";
import { populationMap } from "../../src/report/maps.ts";
import { summaryOf } from "../../src/report/municipal-data.ts";
import { countyOf, municipalities } from "../../src/regions/registry.ts";

// The maps of a kommun's report: its county's kommuner with the kommun outlined, for population change and, where
// the data have them, attractiveness and commuting. Built the way `omvarld report` builds them (buildReport).

interface Layer {
  mark: { type: string; stroke?: string; filled?: boolean } | string;
  data?: { values?: { id?: string; focus?: boolean }[] };
}

/** The section's maps: its charts with a geoshape layer. */
function maps(report: BuiltReport, id: string): Chart[] {
  const section = report.sections.find((s) => s.id === id)!;
  return section.charts.filter((c) => JSON.stringify(c).includes('"geoshape"'));
}

/** The codes a map colours (its first layer) and the codes it outlines in black. */
function areas(chart: Chart): { coloured: string[]; outlined: string[] } {
  const layers = (chart.toJSON() as { layer: Layer[] }).layer;
  const ids = (l: Layer | undefined) => (l?.data?.values ?? []).map((v) => String(v.id)).sort();
  const outline = layers.find((l) => typeof l.mark === "object" && l.mark.stroke === "black");
  return { coloured: ids(layers[0]), outlined: ids(outline) };
}

describe("the kommun report's maps", { timeout: 300_000 }, () => {
  let vansbro: BuiltReport;
  let trysil: BuiltReport;
  beforeAll(async () => {
    vansbro = await buildReport(reportData(readDatasets(["data/scb"]), "2021").data, { region: "2021" });
    const no = readDatasets(["data/ssb", "data/tf/no-regions-2003-2016.csv"]);
    trysil = await buildReport(reportData(no, "3421").data, { region: "3421" });
  }, 300_000);

  it("Vansbro among Dalarna's 15 kommuner, outlined, with its change 2010–2019", async () => {
    const [map] = maps(vansbro, "population");
    const { coloured, outlined } = areas(map!);
    expect(coloured).toHaveLength(15);
    expect(coloured.every((c) => c.startsWith("20"))).toBe(true);
    expect(outlined).toEqual(["2021"]);
    const svg = await map!.toSVG();
    // 6 805 inhabitants on 31 December 2010 and 2019 (SCB): 0,0 %
    expect(svg).toContain('aria-label="Kommun: Vansbro; Förändring 2010–2019: 0,0"');
    expect(map!.title).toBe("Dalarnas län: befolkningsförändring 2010–2019");
    expect(vansbro.html).toContain(
      'aria-label="Karta: Dalarnas län: befolkningsförändring 2010–2019. Vansbro markerad.',
    );
  });

  it("Trysil among Innlandet's 46 kommuner (2022), and among Hedmark's 22 in the attractiveness panel (2017)", async () => {
    const [population] = maps(trysil, "population");
    expect(areas(population!).coloured.filter((c) => c.startsWith("34"))).toHaveLength(46);
    expect(areas(population!).outlined).toEqual(["3421"]);
    // Trysil: 6 741 (1 January 2008) → 6 603 (2022), SSB 07459
    expect(await population!.toSVG()).toContain('aria-label="Kommune: Trysil; Endring 2008–2022: −2,0"');
    for (const id of ["attractiveness", "jobs"]) {
      const [map] = maps(trysil, id);
      const { coloured, outlined } = areas(map!);
      expect(coloured, id).toHaveLength(22);
      expect(
        coloured.every((c) => c.startsWith("04")),
        id,
      ).toBe(true);
      expect(outlined, id).toEqual(["0428"]);
    }
  });

  it("Trysil's largest commuting flows of 2017, found under its code of then (0428)", async () => {
    const [map] = maps(trysil, "commuting");
    expect(map!.title).toBe("Trysil: største pendlingsstrømmer 2017");
    const flows = (map!.toJSON() as { layer: Layer[] }).layer.find(
      (l) => l.mark === "rule" || (l.mark as { type?: string }).type === "rule",
    )!.data!.values as unknown as { from: string; to: string; value: number }[];
    expect(flows.every((f) => f.from === "0428" || f.to === "0428")).toBe(true);
    // the matrix's in- and out-commuters sum to the section's 305 and 511; the 8 largest each way are part of them
    const [inn, out] = [flows.filter((f) => f.to === "0428"), flows.filter((f) => f.from === "0428")];
    expect(inn.length).toBeLessThanOrEqual(8);
    expect(out.length).toBeLessThanOrEqual(8);
    expect(inn.reduce((s, f) => s + f.value, 0)).toBeLessThanOrEqual(305);
    expect(out.reduce((s, f) => s + f.value, 0)).toBeLessThanOrEqual(511);
    expect(Math.max(...flows.map((f) => f.value))).toBe(flows[0]!.value);
  });

  it("a county's report from the kommun tables: its kommuner summed, and all of them on the map", async () => {
    const { data } = reportData(readDatasets(["data/scb"]), "Dalarnas län");
    const dalarna = await buildReport(data, { region: "Dalarnas län" });
    expect([dalarna.code, dalarna.name]).toEqual(["20", "Dalarnas län"]);
    // SCB: Dalarnas län 277 047 (31 December 2010), 287 966 (2019)
    const population = dalarna.sections.find((s) => s.id === "population")!;
    expect(population.sentence).toBe(
      "Befolkningen i Dalarnas län har ökat med 3,9 % sedan 2010 (från 277\u00a0047 till 287\u00a0966).",
    );
    const [map] = maps(dalarna, "population");
    expect(areas(map!).coloured).toHaveLength(15);
    expect(areas(map!).outlined).toEqual([]);
    expect(map!.title).toBe("Dalarnas län: befolkningsförändring 2010–2019");
    expect(dalarna.missing).toContain(
      "Befolkningsframskrivning och försörjningskvot: görs för en kommun i taget: välj en av länets kommuner",
    );
  });

  it("a fylke's report from Telemarksforsking's panel maps the fylke's kommuner of 2017", async () => {
    const { data } = reportData(readDatasets(["data/tf/no-regions-2003-2016.csv"]), "04");
    const hedmark = await buildReport(data, { region: "04" });
    const [map] = maps(hedmark, "population");
    expect(areas(map!).coloured).toHaveLength(22);
    expect(areas(map!).coloured.every((c) => c.startsWith("04"))).toBe(true);
    expect(areas(map!).outlined).toEqual([]);
    // Trysil in the panel: 7 025 (2003) → 6 525 (2016): −7,1 %
    expect(await map!.toSVG()).toContain('aria-label="Kommune: Trysil; Endring 2003–2016: −7,1"');
  });

  it("a county whose kommuner cannot be summed (Nordland: Narvik and Hamarøy formed in 2020) says so", () => {
    const { data } = reportData(readDatasets(["data/ssb"]), "18");
    const nordland = buildSections(data, { region: "18" });
    expect(nordland.name).toBe("Nordland");
    expect(nordland.sections.find((s) => s.id === "population")).toBeUndefined();
    expect(nordland.missing[0]).toMatch(/^Befolkning: /);
  });

  it.each([
    ["SE", "data/scb", 2019],
    ["NO", "data/ssb", 2022],
  ] as const)(
    "%s: every kommun's population map holds its county's kommuner, itself outlined",
    async (country, dir, year) => {
      const data = reportData(readDatasets([dir]), country === "SE" ? "2021" : "3421").data.municipal!;
      const totals = summaryOf(data).totals;
      const boundaries = await loadBoundarySet(country);
      const problems: string[] = [];
      for (const { code } of municipalities(country, year)) {
        const map = populationMap(totals, "value", { boundaries, focus: [code], locale: "en" });
        const { coloured, outlined } = areas(map!);
        const county = municipalities(country, year)
          .filter((r) => countyOf(r.code) === countyOf(code))
          .map((r) => r.code)
          .sort();
        if (JSON.stringify(coloured) !== JSON.stringify(county)) problems.push(`${code}: not its county's kommuner`);
        if (JSON.stringify(outlined) !== JSON.stringify([code])) problems.push(`${code}: outlined ${outlined.join()}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it("buildSections draws no map without boundaries, and the same map with them", async () => {
    const { data } = reportData(readDatasets(["data/scb"]), "2021");
    const without = buildSections(data, { region: "2021" }).sections.find((s) => s.id === "population")!;
    expect(without.charts).toHaveLength(1);
    const withMaps = buildSections({ ...data, boundaries: await loadBoundarySet("SE") }, { region: "2021" });
    const [map] = withMaps.sections.find((s) => s.id === "population")!.charts.slice(1);
    expect(JSON.stringify(map)).toBe(JSON.stringify(maps(vansbro, "population")[0]));
  });
});
