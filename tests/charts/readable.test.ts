import { describe, expect, test } from "vitest";
import { commutingChart } from "../../src/charts/builders/commuting.ts";
import { componentsChart, indexChart, MAX_NAMED_OTHERS } from "../../src/charts/builders/population.ts";
import { Table } from "../../src/table/table.ts";

type Json = Record<string, unknown> & { layer?: Json[]; data?: { values?: Json[] }; encoding?: Record<string, Json> };
const json = (chart: unknown) => JSON.parse(JSON.stringify(chart)) as Json;

/** 46 kommuner of county "34" (Trysil, 3421, among them), the county and the country; index = 100 + k·(year − 2010). */
function innlandet(): Table {
  const regions = [
    ...Array.from({ length: 46 }, (_, k) => ({ region: String(3401 + k), region_name: `K${3401 + k}`, slope: k - 23 })),
    { region: "34", region_name: "Innlandet", slope: 0.5 },
    { region: "0", region_name: "Norge", slope: 2.5 },
  ].map((r) => (r.region === "3421" ? { ...r, region_name: "Trysil", slope: -2 } : r));
  return Table.fromRows(
    regions.flatMap((r) =>
      [2010, 2011, 2012].map((year) => ({
        region: r.region,
        region_name: r.region_name,
        year,
        index: 100 + r.slope * (year - 2010),
      })),
    ),
    { provenance: { source: "SSB", tableId: "07459" } },
  );
}

describe("the index chart with many comparison regions", () => {
  const chart = indexChart(innlandet(), { focus: "3421", locale: "nb" });
  const spec = json(chart);
  const labels = spec.layer!.at(-1)!.data!.values!;

  test("the focus region, its county and the country are named at their lines' last points, the 45 others not", () => {
    expect(labels.map((l) => l.label).sort()).toEqual(["Innlandet", "Norge", "Trysil"]);
    // at the last year, at the line's own value (96, 101, 105 lie more than a label's height apart: not moved)
    expect(labels.map((l) => [l.label, l.year, l.at, l.index])).toEqual(
      expect.arrayContaining([
        ["Trysil", 2012, 96, 96],
        ["Innlandet", 2012, 101, 101],
        ["Norge", 2012, 105, 105],
      ]),
    );
  });

  test("the legend names the focus and reference lines and says the grey lines are the other kommuner", () => {
    const colour = spec.encoding!.color! as { scale: { domain: string[]; range: string[] } };
    expect(colour.scale.domain).toEqual(["Trysil", "Innlandet", "Norge", "Andre kommuner"]);
    expect(colour.scale.range[0]).toBe("#D55E00");
    expect(new Set(colour.scale.range).size).toBe(4);
    // the country is black whether or not a county line stands before it
    expect(colour.scale.range[2]).toBe("#000000");
    const withoutCounty = json(indexChart(innlandet().filter({ region: (r) => r !== "34" }), { focus: "3421" }));
    const noCounty = withoutCounty.encoding!.color! as { scale: { domain: string[]; range: string[] } };
    expect(noCounty.scale.domain.slice(0, 2)).toEqual(["Trysil", "Norge"]);
    expect(noCounty.scale.range[1]).toBe("#000000");
    const rows = spec.data!.values!;
    expect(rows.filter((r) => r.series === "Andre kommuner")).toHaveLength(45 * 3);
    // faint lines first, the focus region's on top
    expect(spec.layer!.slice(0, 3).map((l) => (l.transform as { filter: string }[])[0]!.filter)).toEqual([
      "datum.role === 'other'",
      "datum.role === 'reference'",
      "datum.role === 'focus'",
    ]);
  });

  test("in the SVG: three names, right of the plot, each within a label's height of its line's end", async () => {
    const svg = await chart.toSVG();
    const texts = [
      ...svg.matchAll(
        /aria-label="Region: (\w+); År: 2012; Indeks: ([\d,]+)" role="graphics-symbol" aria-roledescription="text mark" text-anchor="start" transform="translate\(([\d.]+),/g,
      ),
    ];
    // 4 px right of the plot's 560 px
    for (const m of texts) expect(Number(m[3])).toBe(564);
    expect(texts.map((m) => m[1]).sort()).toEqual(["Innlandet", "Norge", "Trysil"]);
    expect(texts.find((m) => m[1] === "Trysil")![2]).toBe("96,0");
    expect(svg).toMatch(/^<svg role="graphics-document document" aria-label="Linjediagram: Indeks \(2010 = 100\)\. /);
    expect(svg).toContain("Grå linjer: andre kommuner.");
  });

  test(`up to ${MAX_NAMED_OTHERS} other regions are named too; labels: "focus" names the focus region only`, () => {
    const few = innlandet().filter({ region: (r) => ["3421", "3401", "3402", "34", "0"].includes(String(r)) });
    const named = (c: unknown) =>
      (json(c).layer!.at(-1)!.data!.values! as { label: string }[]).map((l) => l.label).sort();
    expect(named(indexChart(few, { focus: "3421" }))).toEqual(["Innlandet", "K3401", "K3402", "Norge", "Trysil"]);
    expect(named(indexChart(few, { focus: "3421", labels: "focus" }))).toEqual(["Trysil"]);
    expect(named(indexChart(few, { focus: "3421", reference: [] }))).toEqual([
      "Innlandet",
      "K3401",
      "K3402",
      "Norge",
      "Trysil",
    ]);
    const spec = json(indexChart(few, { focus: "3421", reference: [], locale: "en" }));
    expect((spec.encoding!.color as { scale: { domain: string[] } }).scale.domain).toEqual(["Trysil", "Other regions"]);
  });
});

describe("every mark has a legend entry", () => {
  const change = (adjustment: number | null, kind?: string) =>
    Table.fromRows(
      [2020, 2021, 2022].map((year) => ({
        region: "3421",
        region_name: "Trysil",
        year,
        natural_increase: -40,
        net_migration: 30,
        adjustment,
        change: -10 + (adjustment ?? 0),
        ...(kind ? { kind: year === 2022 ? "projected" : kind } : {}),
      })),
    );

  test("components: no Justering entry when the adjustment is 0 or missing everywhere; one where it is not", () => {
    for (const adjustment of [0, null]) {
      const spec = JSON.stringify(componentsChart(change(adjustment), { region: "3421" }));
      expect(spec).not.toContain("Justering");
    }
    expect(JSON.stringify(componentsChart(change(2), { region: "3421" }))).toContain("Justering");
  });

  test("components: the black change line and the lighter projected bars have their legend entries", async () => {
    const chart = componentsChart(change(0, "observed"), { region: "3421", locale: "en" });
    const [bars, line] = json(chart).layer!;
    expect(line!.encoding!.strokeDash).toMatchObject({ datum: "Total change" });
    expect(bars!.encoding!.opacity).toMatchObject({ scale: { domain: ["Observed", "Projection"], range: [1, 0.45] } });
    const svg = await chart.toSVG();
    for (const entry of ["Natural increase", "Net migration", "Total change", "Observed", "Projection"])
      expect(svg, entry).toMatch(new RegExp(`role-legend-label[^]*>${entry}<`));
  });
});

describe("a commuting chart of few years", () => {
  const stocks = (years: number[]) =>
    Table.fromRows(
      years.map((year) => ({ region: "3421", year, in_commuters: 305, out_commuters: 511, net_commuting: -206 })),
    );

  test("one year is one bar of a fixed step (56 px, 90 % of it the bar), not the chart's 560 px", async () => {
    const svg = await commutingChart(stocks([2017]), { region: "3421" }).toSVG();
    const widths = [...svg.matchAll(/aria-roledescription="bar" [^>]*d="M[\d.-]+,[\d.-]+h([\d.]+)v/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(w).toBeCloseTo(56 * 0.9, 0);
    expect(json(commutingChart(stocks([2017]), { region: "3421" })).width).toEqual({ step: 56 });
    // many years fill the default width; a width asked for is kept
    expect(json(commutingChart(stocks([...Array(12).keys()].map((k) => 2010 + k)), { region: "3421" })).width).toBe(
      560,
    );
    expect(json(commutingChart(stocks([2017]), { region: "3421", width: 300 })).width).toBe(300);
  });

  test("marks read in the chart's language: Norwegian words and numbers, no field names", async () => {
    const svg = await commutingChart(stocks([2017]), { region: "3421", locale: "nb" }).toSVG();
    expect(svg).toContain('aria-label="År: 2017; Pendlere: Utpendlere; Personer: 511"');
    expect(svg).toContain('aria-label="År: 2017; Pendlingsnetto: −206"');
    expect(svg).not.toMatch(/aria-label="year:|net: /);
  });

  test("axes and legends read in the chart's language too, never Vega's English", async () => {
    const nb = await indexChart(innlandet(), { focus: "3421", locale: "nb" }).toSVG();
    expect(nb).toContain('aria-label="X-akse: År"');
    expect(nb).toContain('aria-label="Y-akse: Indeks"');
    expect(nb).toMatch(/aria-label="Tegnforklaring(: [^"]+)?"/);
    const sv = await commutingChart(stocks([2016, 2017]), { region: "3421", locale: "sv" }).toSVG();
    expect(sv).toContain('aria-label="X-axel: År"');
    for (const svg of [nb, sv]) expect(svg).not.toMatch(/aria-label="[^"]*(axis titled|legend for)/i);
  });
});
