import { measureText } from "./text-metrics.ts";

/** A Vega-Lite specification as plain JSON. */
export type VegaLiteSpec = Record<string, unknown>;

interface Engine {
  vega: typeof import("vega");
  vegaLite: typeof import("vega-lite");
}

let engine: Promise<Engine> | undefined;

/**
 * Loads vega and vega-lite on first use (they are large, ESM-only and have top-level await, so they are never
 * imported at the top of a module), and replaces Vega's text-width estimate with DejaVu Sans metrics.
 */
function load(): Promise<Engine> {
  engine ??= (async () => {
    // one after the other: importing both at once can race in Node's ESM loader
    const vega = await import("vega");
    const vegaLite = await import("vega-lite");
    // vega exports textMetrics (a mutable object) without declaring it in its types
    const metrics = (vega as unknown as { textMetrics: { width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number } }).textMetrics;
    metrics.width = (item, text) =>
      measureText(String(text ?? ""), item.fontSize ?? 11, item.fontWeight === "bold" || Number(item.fontWeight) >= 600);
    return { vega, vegaLite };
  })();
  return engine;
}

/** Compiles a Vega-Lite spec to Vega. */
export async function compileSpec(spec: VegaLiteSpec): Promise<Record<string, unknown>> {
  const { vegaLite } = await load();
  return vegaLite.compile(spec as never).spec as unknown as Record<string, unknown>;
}

/** Renders a Vega-Lite spec to SVG text with Vega's renderer "none" (no canvas, no browser). */
export async function renderSVG(spec: VegaLiteSpec): Promise<string> {
  const { vega } = await load();
  const view = new vega.View(vega.parse((await compileSpec(spec)) as never), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
