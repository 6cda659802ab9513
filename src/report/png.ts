import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
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
 * Renders a chart (or its SVG text) to PNG with resvg, loading only the shipped DejaVu fonts (no system fonts, so
 * the result is the same on every machine). `scale` 2 gives print resolution. The rasterising runs on libuv's
 * thread pool, so several charts render in parallel: `await Promise.all(charts.map((c) => toPNG(c)))`.
 */
export async function toPNG(chart: Chart | string, options: { scale?: number } = {}): Promise<Uint8Array> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const svg = typeof chart === "string" ? chart : await chart.toSVG();
  return (await renderAsync(svg, resvgOptions(options.scale))).asPng();
}

function resvgOptions(scale = 2) {
  return {
    fitTo: { mode: "zoom" as const, value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
    background: "white",
  };
}

/** The worker's code: resvg lays out the text (most of the time) and rasterises, off the main thread. */
const WORKER = `const { parentPort, workerData } = require("node:worker_threads");
const { Resvg } = require(workerData.resvg);
parentPort.once("message", ({ svgs, options }) => parentPort.postMessage(svgs.map((svg) => new Resvg(svg, options).render().asPng())));`;

/**
 * Renders several SVGs (from `chart.toSVG()`) to PNG in a worker thread, so that the main thread goes on with other
 * work meanwhile: the demo's six charts take 0.65 s there, none of it on the main thread.
 */
export function toPNGs(svgs: readonly string[], options: { scale?: number } = {}): Promise<Uint8Array[]> {
  const resvg = createRequire(import.meta.url).resolve("@resvg/resvg-js");
  const worker = new Worker(WORKER, { eval: true, workerData: { resvg } });
  // the listener methods as a structural type: Deno's check sees several @types/node in the dependency tree and
  // loses Worker's EventEmitter side
  const events = worker as unknown as { once(event: "message" | "error", listener: (value: never) => void): unknown };
  return new Promise<Uint8Array[]>((resolve, reject) => {
    events.once("message", (pngs: Uint8Array[]) => resolve(pngs));
    events.once("error", reject);
    worker.postMessage({ svgs, options: resvgOptions(options.scale) });
  }).finally(() => void worker.terminate());
}
