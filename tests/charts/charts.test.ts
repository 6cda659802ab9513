import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { Chart } from "../../src/charts/chart.ts";
import { compileSpec } from "../../src/charts/render.ts";
import { measureText } from "../../src/charts/text-metrics.ts";
import { toPNG, toPNGs } from "../../src/report/png.ts";
import { dodge } from "../../src/charts/builders/common.ts";
import fc from "fast-check";
import { examples } from "./examples.ts";
import { matchGolden, vegaLite5 } from "./golden.ts";

const charts = examples("sv");

describe("chart builders: golden spec and SVG, and both vega-lite versions", () => {
  test.each(Object.keys(charts))("%s", async (name) => {
    const chart = charts[name]!();
    const spec = JSON.stringify(chart, null, 1);
    matchGolden(`${name}.vl.json`, spec);
    const svg = await chart.toSVG();
    matchGolden(`${name}.svg`, svg);
    const vl6 = await import("vega-lite");
    expect(() => vl6.compile(chart.toVegaLite() as never)).not.toThrow();
    const vl5 = await vegaLite5();
    expect(() =>
      vl5.compile({ ...chart.toVegaLite(), $schema: "https://vega.github.io/schema/vega-lite/v5.json" }),
    ).not.toThrow();
  });
});

describe("charts of one family share a compiled spec", () => {
  test("each chart still gets its own data and title: the same SVG as compiling it alone", async () => {
    const { decompositionChart } = await import("../../src/charts/builders/attractiveness.ts");
    const { residentialAttractiveness } = await import("../../src/indicators/attractiveness/residential.ts");
    const { asAttractivenessPanel } = await import("../../src/io/attractiveness.ts");
    const { read } = await import("../../src/io/node.ts");
    const panel = asAttractivenessPanel(
      read(fileURLToPath(new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url))),
    ).filter({ level: "kommune" });
    const { decomposition } = residentialAttractiveness(panel, { from: 2007, to: 2016 });
    const vega = await import("vega");
    const alone = async (chart: Chart) => {
      const view = new vega.View(vega.parse((await compileSpec(chart.toVegaLite())) as never), { renderer: "none" });
      return view.toSVG();
    };
    for (const region of ["0428", "0432", "0428"]) {
      const chart = decompositionChart(decomposition, { region });
      const svg = await chart.toSVG();
      // the same drawing; the spec's description is the root's accessible name, which Vega itself leaves out
      const name = `Staplade staplar med linje: ${region === "0428" ? "Trysil" : "Rendalen"}: faktisk tillväxt.`;
      expect(svg.startsWith(`<svg role="graphics-document document" aria-label="${name}`)).toBe(true);
      expect(svg.replace(/^<svg role="graphics-document document" aria-label="[^"]*" /, "<svg ")).toBe(
        await alone(chart),
      );
      expect(svg).toContain(region === "0428" ? ">Trysil" : ">Rendalen");
    }
  });
});

describe("labels at line ends", () => {
  test("dodge: neighbours at least the gap apart, inside the range, in their order, unmoved where there is room", () => {
    expect(dodge([10, 10.5, 20], 2, [0, 30])).toEqual([10, 12, 20]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 20 }), (values) => {
        const placed = dodge(values, 3, [0, 100]);
        const order = values
          .map((v, i) => ({ v, i }))
          .sort((a, b) => a.v - b.v || a.i - b.i)
          .map((o) => placed[o.i]!);
        for (let k = 1; k < order.length; k++) expect(order[k]! - order[k - 1]!).toBeGreaterThanOrEqual(3 - 1e-9);
        if (values.length <= 34) for (const p of placed) expect(p).toBeGreaterThanOrEqual(0 - 1e-9);
        for (const p of placed) expect(p).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  test("the index chart of 8 of Hedmark's kommuner: every name at its line's end, no two overlapping", async () => {
    const svg = await charts.indexFew!().toSVG();
    const ys = [
      ...svg.matchAll(
        /aria-roledescription="text mark" text-anchor="start" transform="translate\([\d.]+,([\d.]+)\)" font-family="DejaVu Sans" font-size="10px"/g,
      ),
    ]
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    expect(ys).toHaveLength(8);
    for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(10);
  });

  test("the index chart of Hedmark's 22 kommuner: the focus region named, the 21 others faint and unnamed", async () => {
    const svg = await charts.index!().toSVG();
    expect([...svg.matchAll(/aria-roledescription="text mark" text-anchor="start"/g)]).toHaveLength(1);
    expect(svg).toMatch(/role-legend-label[^]*>Trysil<[^]*>Övriga kommuner</);
  });
});

describe("the Chart object", () => {
  const chart = charts.index!();

  test("JSON.stringify gives the plain Vega-Lite v6 spec; toVegaLite a copy", () => {
    const spec = JSON.parse(JSON.stringify(chart));
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    const copy = chart.toVegaLite();
    copy.title = "changed";
    expect(chart.toVegaLite().title).not.toBe("changed");
  });

  test("the notebook bundle: Vega-Lite under the v5 MIME type, SVG, text; never HTML", async () => {
    const bundle = await (chart as unknown as Record<symbol, () => Promise<Record<string, unknown>>>)[
      Symbol.for("Jupyter.display")
    ]!();
    expect(Object.keys(bundle).sort()).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
    expect((bundle["application/vnd.vegalite.v5+json"] as { $schema: string }).$schema).toMatch(/vega-lite\/v5\.json$/);
    expect(bundle["text/plain"]).toMatch(/^Chart "Index \(2003 = 100\)" \(3 layers, \d+ rows\)$/);
  });

  test("the Swedish locale formats the axes: grouping with a space, decimal comma, minus sign", async () => {
    const svg = await new Chart({ ...charts.components!().toVegaLite() }).toSVG();
    expect(svg).toMatch(/>1\u00a0\d00</); // thousands grouped with a no-break space
    expect(svg).toMatch(/\u2212\d/); // U+2212 minus on negative ticks
    const en = await examples("en").components!().toSVG();
    expect(en).toMatch(/>1,\d00</);
    expect(en).toMatch(/Natural increase/);
  });
});

describe("text and PNG", () => {
  test("text widths from DejaVu Sans metrics", () => {
    expect(measureText("W", 100)).toBeCloseTo((2025 / 2048) * 100, 10);
    expect(measureText("ii", 10)).toBeCloseTo(2 * measureText("i", 10), 12);
    expect(measureText("Tillväxt", 12, true)).toBeGreaterThan(measureText("Tillväxt", 12));
    // Vega's estimate without a canvas: 0.8 em a character, 72 px for "120 000,0" at 10 px
    expect(measureText("120 000,0", 10)).toBeLessThan(55);
  });

  test("PNG with the shipped font: text is drawn, not dropped", async () => {
    const png = await toPNG(charts.ranked!(), { scale: 1 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { Resvg } = await import("@resvg/resvg-js");
    const title = new Chart({
      title: "Ååäö",
      width: 100,
      height: 10,
      mark: "point",
      data: { values: [] },
      config: { font: "DejaVu Sans" },
    });
    const dark = (fonts: string[]) => {
      const image = new Resvg(svgOf, {
        font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: "DejaVu Sans" },
      }).render();
      let n = 0;
      for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i + 3]! > 128 && image.pixels[i]! < 100) n++;
      return n;
    };
    const svgOf = await title.toSVG();
    const font = fileURLToPath(import.meta.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
    expect(dark([])).toBe(0); // without a font, resvg draws no text at all
    expect(dark([font])).toBeGreaterThan(50);
  });

  test("PNGs rendered in a worker thread are the same images, in the same order", async () => {
    const svgs = [await charts.ranked!().toSVG(), await charts.index!().toSVG()];
    const inWorker = await toPNGs(svgs, { scale: 1 });
    expect(inWorker.map((png) => Buffer.from(png).toString("base64"))).toEqual(
      await Promise.all(svgs.map(async (svg) => Buffer.from(await toPNG(svg, { scale: 1 })).toString("base64"))),
    );
    expect(inWorker[0]!.length).not.toBe(inWorker[1]!.length);
  });
});
