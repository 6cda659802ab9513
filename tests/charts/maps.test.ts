import { beforeAll, describe, expect, test } from "vitest";
import { flowMap } from "../../src/charts/builders/flow-map.ts";
import { choroplethClasses, niceStep } from "../../src/charts/builders/map-classes.ts";
import { choropleth, mapChart } from "../../src/charts/builders/map.ts";
import { mapHeight } from "../../src/charts/builders/map-frame.ts";
import { attractivenessModel } from "../../src/indicators/attractiveness/model.ts";
import { rankAttractiveness } from "../../src/indicators/attractiveness/rank.ts";
import { asAttractivenessPanel } from "../../src/io/attractiveness.ts";
import { asCommutingFlows } from "../../src/io/commuting.ts";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { read } from "../../src/io/node.ts";
import { loadBoundaries } from "../../src/regions/boundaries.ts";
import { recast } from "../../src/regions/recast.ts";
import { municipalities } from "../../src/regions/registry.ts";
import { summaryOf } from "../../src/report/municipal-data.ts";
import { municipalData } from "../../src/report/report-data.ts";
import { growthPercent } from "../../src/indicators/population/growth.ts";
import { Table } from "../../src/table/table.ts";
import { matchGolden, vegaLite5 } from "./golden.ts";

/** Population change in percent between the first and last year, per kommun, from the kommun tables of a folder. */
function change(dir: string): Table {
  const totals = summaryOf(municipalData(readDatasets([dir]))!).totals;
  const years = totals.distinct("year") as number[];
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const first = new Map(
    totals
      .filter({ year: from })
      .toRows()
      .map((r) => [String(r.region), r.value as number]),
  );
  const rows = totals
    .filter({ year: to })
    .toRows()
    .map((r) => ({
      region: String(r.region),
      year: to,
      change: growthPercent(first.get(String(r.region)) ?? null, r.value as number),
    }));
  return Table.fromRows(rows, { provenance: totals.provenance });
}

/** The accessible labels of an SVG's marks: "Kommun: Vansbro; Förändring: −3,4" → name and value. */
function labels(svg: string, kommun: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(new RegExp(`aria-label="${kommun}: ([^;"]+); [^:"]+: ([^"]*)"`, "g")))
    out.set(m[1]!, m[2]!);
  return out;
}

/** The fill of the mark labelled with a kommun's name. */
function fillOf(svg: string, name: string): string | undefined {
  const path = new RegExp(`<path[^>]*aria-label="[^":]+: ${name};[^>]*>`).exec(svg)?.[0];
  return path ? /fill="([^"]+)"/.exec(path)?.[1] : undefined;
}

let se: Table;
let no: Table;
let panel: Table;
let ranking: Table;

beforeAll(() => {
  se = change("data/scb");
  no = change("data/ssb");
  panel = asAttractivenessPanel(read("data/tf/no-regions-2003-2016.csv")).filter({ level: "kommune" });
  const model = attractivenessModel(panel, { from: 2007, to: 2016 });
  ranking = rankAttractiveness(model.residential.decomposition, model.business.decomposition, { from: 2007, to: 2016 });
}, 300_000);

describe("choropleth classes", () => {
  test("round steps: 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([niceStep(7, 3), niceStep(0.9, 3), niceStep(4, 3), niceStep(9, 3), niceStep(17.7, 5)]).toEqual([
      2.5, 0.5, 2, 5, 5,
    ]);
  });

  test("diverging: the steps of each side of zero are their own, and classes no value reaches are dropped", () => {
    // below zero: step 2 (4/3 → 2), classes from −4; above: step 5 (9/3 → 5), the class from 10 is empty
    const c = choroplethClasses([-4, 1, 9], { diverging: true, locale: "en" });
    expect(c.labels).toEqual(["< -2", "-2 – 0", "0 – 5", "≥ 5"]);
    expect(c.colours).toEqual(["#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac"]);
    // every value above zero: the hue of growth only
    expect(choroplethClasses([0.4, 2.9], { diverging: true, locale: "sv", unit: " %" }).labels).toEqual([
      "< 1 %",
      "1 % – 2 %",
      "≥ 2 %",
    ]);
  });

  test("sequential: five classes of one round width from below the smallest value", () => {
    const c = choroplethClasses([31.2, 35, 48.9], { diverging: false, locale: "sv" });
    // step 5 (17.7/5 → 5) from 30: 30–35, 35–40, 40–45, 45–50; 50 and above is empty
    expect(c.labels).toEqual(["< 35", "35 – 40", "40 – 45", "≥ 45"]);
    expect(c.colours).toEqual(["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd"]);
  });
});

describe("the map's height", () => {
  test("the projected extent's height over its width: a band of 2° × 0.5° at 60° N", () => {
    // transverse Mercator on 15° E, at the corners (Δλ = ±1°): x = atanh(cos φ sin Δλ) spans 0,0174528 at 60° N;
    // y = atan2(tan φ, cos Δλ) runs from 1,0472744 (60° N) to 1,0560028 (60,5° N): 0,0087284 / 0,0174528 = 0,5001
    const band = {
      type: "Polygon" as const,
      coordinates: [
        [
          [14, 60],
          [16, 60],
          [16, 60.5],
          [14, 60.5],
          [14, 60],
        ],
      ],
    };
    expect(mapHeight([{ geometry: band }], 800)).toBe(400);
    // clamped to [200, 760] pixels
    expect(mapHeight([{ geometry: band }], 200)).toBe(200);
    expect(
      mapHeight(
        [
          {
            geometry: {
              ...band,
              coordinates: [
                [
                  [14, 60],
                  [16, 60],
                  [16, 62],
                  [14, 60],
                ],
              ],
            },
          },
        ],
        800,
      ),
    ).toBe(760);
  });
});

describe("map charts: golden spec and SVG, and both vega-lite versions", () => {
  const cases: Record<string, () => Promise<{ toJSON(): unknown; toSVG(): Promise<string>; toVegaLite(): unknown }>> = {
    "map-county": () =>
      mapChart(se, {
        value: "change",
        valueTitle: "Förändring 2010–2019",
        unit: " %",
        focus: "2021",
        locale: "sv",
      }),
    "map-attractiveness": () =>
      mapChart(ranking, {
        value: "residential",
        valueTitle: "Bostedsattraktivitet",
        focus: "0428",
        year: 2017,
        locale: "nb",
      }),
    "map-flows": () =>
      flowMap(asCommutingFlows(read("data/ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx")), {
        focus: "0428",
        top: 6,
        locale: "nb",
      }),
  };
  test.each(Object.keys(cases))(
    "%s",
    async (name) => {
      const chart = await cases[name]!();
      // one line: the boundaries' coordinates, a line each, would make the file four times as long
      matchGolden(`${name}.vl.json`, JSON.stringify(chart));
      matchGolden(`${name}.svg`, await chart.toSVG());
      const vl6 = await import("vega-lite");
      expect(() => vl6.compile(chart.toVegaLite() as never)).not.toThrow();
      const vl5 = await vegaLite5();
      expect(() =>
        vl5.compile({ ...(chart.toVegaLite() as object), $schema: "https://vega.github.io/schema/vega-lite/v5.json" }),
      ).not.toThrow();
    },
    120_000,
  );
});

describe("a map of every kommun, from the shipped data", () => {
  test("Sweden: all 290 kommuner, each with its change since 2010 and the colour of its class", async () => {
    const chart = await mapChart(se, { value: "change", valueTitle: "Förändring", frame: "country", locale: "sv" });
    const svg = await chart.toSVG();
    const shown = labels(svg, "Kommun");
    expect([...shown.keys()].sort()).toEqual(
      municipalities("SE", 2019)
        .map((r) => r.name)
        .sort(),
    );
    // Vansbro had 6 805 inhabitants in 2010 and in 2019 (SCB): 0,0 %, the lowest class above zero; Pajala shrank
    // from 6 282 to 6 052 (−3,7 %): below zero; Sundbyberg grew most: the top class
    expect(shown.get("Vansbro")).toBe("0,0");
    expect(fillOf(svg, "Vansbro")).toBe("#c7eae5");
    expect(shown.get("Pajala")).toBe("−3,7");
    expect(["#8c510a", "#d8b365", "#f6e8c3"]).toContain(fillOf(svg, "Pajala"));
    const range = (chart.toJSON() as { layer: { encoding?: { color?: { scale: { range: string[] } } } }[] }).layer[0]!
      .encoding!.color!.scale.range;
    expect(fillOf(svg, "Sundbyberg")).toBe(range.at(-1));
  }, 120_000);

  test("Norway on 2020 codes: all 356 kommuner", async () => {
    const svg = await (await mapChart(no, { value: "change", frame: "country", locale: "nb" })).toSVG();
    expect(labels(svg, "Kommune").size).toBe(356);
    // Trysil: 6 741 (2008) → 6 603 (2022), SSB 07459
    expect(labels(svg, "Kommune").get("Trysil")).toBe("−2,0");
  }, 120_000);

  test("Norway on 2024 boundaries: the 2022 figures followed to 2024 codes; where no change can be had, missing", async () => {
    const followed = recast(no.rename({ change: "value" }), { to: 2024, country: "NO", onSplit: "warn" });
    const boundaries = await loadBoundaries("NO", 2024);
    const chart = choropleth(followed, boundaries, { value: "value", frame: "country", locale: "en" });
    const svg = await chart.toSVG();
    const shown = labels(svg, "Municipality");
    expect(shown.size).toBe(357);
    // a missing value reads "–" and is grey, named in the legend, never the lowest class: Ålesund and Haram (split
    // in 2024: the change of 1507 cannot be divided without weights) and the five kommuner that did not exist in
    // 2008 (SSB's zeros for them are missing, not people)
    const missing = [...shown].filter(([, v]) => v === "–").map(([name]) => name);
    expect(missing.sort()).toEqual(
      ["Hábmer - Hamarøy", "Haram", "Heim", "Hitra", "Narvik", "Orkland", "Ålesund"].sort(),
    );
    expect(fillOf(svg, "Haram")).toBe("#d0d0d0");
    const spec = chart.toJSON() as { layer: { encoding?: { color?: { scale: { domain: string[] } } } }[] };
    expect(spec.layer[0]!.encoding!.color!.scale.domain.at(-1)).toBe("No data");
  }, 120_000);
});

describe("missing kommuner and areas without a boundary of the data's year", () => {
  test("a kommun without a value is grey and named, and the classes are those of the others", async () => {
    const some = se.filter({ region: (r) => r !== "2021" && r !== "2062" });
    const chart = await mapChart(some, { value: "change", focus: "2021", locale: "sv" });
    const svg = await chart.toSVG();
    expect(fillOf(svg, "Vansbro")).toBe("#d0d0d0");
    expect(fillOf(svg, "Mora")).toBe("#d0d0d0");
    expect(svg).toContain(">Uppgift saknas<");
    const all = await mapChart(se, { value: "change", focus: "2021", locale: "sv" });
    const legend = (c: typeof chart) =>
      (c.toJSON() as { layer: { encoding?: { color?: { scale: { domain: string[] } } } }[] }).layer[0]!.encoding!.color!
        .scale.domain;
    expect(legend(chart).slice(0, -1)).toEqual(legend(all).filter((l) => l !== "Uppgift saknas"));
  });

  test("Østfold on the panel's codes of 2017: kommuner merged in 2020 are one area, named, in its own grey", async () => {
    const chart = await mapChart(ranking, { value: "residential", county: "01", year: 2017, locale: "sv" });
    const svg = await chart.toSVG();
    expect(svg).toContain(">Sammanslagen efter 2017: ingen egen gräns<");
    expect(fillOf(svg, "Moss, Rygge")).toBe("#9e9e9e");
    expect(labels(svg, "Kommun").get("Halden")).toMatch(/^−?\d,\d+$/);
  });

  test("kommuner merged later, both outlined, are named once together at their merged area's centre", async () => {
    const chart = await mapChart(ranking, { value: "residential", focus: ["0104", "0136"], year: 2017, locale: "nb" });
    const layers = (chart.toJSON() as { layer: { mark: { type?: string }; data: { values: { name: string }[] } }[] })
      .layer;
    const text = layers.filter((l) => l.mark.type === "text").flatMap((l) => l.data.values.map((v) => v.name));
    expect(text).toEqual(["Moss, Rygge"]);
  });

  test("flows that never reach the kommun are an error that says what to give", async () => {
    const flows = Table.fromRows([{ origin: "0403", destination: "0412", year: 2017, value: 120 }]);
    await expect(flowMap(flows, { focus: "0428", country: "NO" })).rejects.toThrow(
      /no commuting to or from 0428 between kommuner of 2017/,
    );
  });

  test("a table with no value for the map's kommuner is an error that says what to give", async () => {
    const empty = Table.fromRows([{ region: "2021", year: 2019, change: null }], { types: { change: "number" } });
    await expect(mapChart(empty, { value: "change", country: "SE", frame: "country" })).rejects.toThrow(
      /no value of change for the kommuner of the map in 2019/,
    );
  });
});
