import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Chart } from "../charts/chart.ts";
import { OmvarldError } from "../errors.ts";

/** DejaVu Sans from the dejavu-fonts-ttf package: the font the charts name, so text renders on a machine with none. */
function fontFiles(): string[] {
  const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => join(dir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) throw new OmvarldError("DEPENDENCY", `the font ${missing} is missing`, {}, "reinstall: npm ci");
  return files;
}

/**
 * Renders a chart to PNG with resvg, loading only the shipped DejaVu fonts (no system fonts, so the result is the
 * same on every machine). `scale` 2 gives print resolution.
 */
export async function toPNG(chart: Chart, options: { scale?: number } = {}): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const svg = await chart.toSVG();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "white",
  });
  return resvg.render().asPng();
}
