import type { Spec } from "./spec.ts";
import { measureText } from "./text-metrics.ts";

/** A Vega-Lite specification: vega-lite's own `TopLevelSpec` type, plain JSON at run time. */
export type VegaLiteSpec = Spec;

/** A spec as the renderer takes it: typed, or plain JSON read from a file. */
type AnySpec = Spec | Record<string, unknown>;

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
    const metrics = (
      vega as unknown as {
        textMetrics: { width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number };
      }
    ).textMetrics;
    metrics.width = (item, text) =>
      measureText(
        String(text ?? ""),
        item.fontSize ?? 11,
        item.fontWeight === "bold" || Number(item.fontWeight) >= 600,
      );
    return { vega, vegaLite };
  })();
  return engine;
}

/** Compiles a Vega-Lite spec to Vega. */
export async function compileSpec(spec: AnySpec): Promise<Record<string, unknown>> {
  const { vegaLite } = await load();
  return vegaLite.compile(spec as never).spec as unknown as Record<string, unknown>;
}

/** Compiled and parsed specs by shape (the spec without its inline data and title), the most recent kept. */
const runtimes = new Map<string, Promise<unknown>>();
const KEEP = 64;

/** A spec split into its shape and the parts that vary between charts of one family: inline data and the title. */
interface Parts {
  shape: Record<string, unknown>;
  values: unknown[][];
  title: { text: unknown; subtitle: unknown };
}

/**
 * The spec's inline data become named sources (`omvarld_0`, …) and its title signals, so that charts of one
 * family (a chart per region, say) compile and parse once. Null for specs this does not fit (data from URLs,
 * `datasets`, data that are not arrays), which render the plain way.
 */
function split(spec: Record<string, unknown>): Parts | null {
  if ("datasets" in spec) return null;
  const values: unknown[][] = [];
  let fits = true;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "data" && value !== null && typeof value === "object") {
        const { values: rows, ...rest } = value as { values?: unknown };
        if (!Array.isArray(rows) || Object.keys(rest).length > 0) fits = false;
        else {
          out[key] = { name: `omvarld_${values.length}` };
          values.push(rows);
          continue;
        }
      }
      out[key] = walk(value);
    }
    return out;
  };
  const { title, ...rest } = spec;
  const shape = walk(rest) as Record<string, unknown>;
  if (!fits) return null;
  const t =
    typeof title === "object" && title !== null && !Array.isArray(title)
      ? (title as Record<string, unknown>)
      : { text: title };
  if (t.text !== undefined) {
    shape.title = {
      ...t,
      text: { expr: "omvarld_title" },
      ...(t.subtitle !== undefined ? { subtitle: { expr: "omvarld_subtitle" } } : {}),
    };
    shape.params = [
      ...((shape.params as unknown[] | undefined) ?? []),
      { name: "omvarld_title", value: "" },
      ...(t.subtitle !== undefined ? [{ name: "omvarld_subtitle", value: "" }] : []),
    ];
  }
  return { shape, values, title: { text: t.text, subtitle: t.subtitle } };
}

/** Escapes text for an XML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Renders a Vega-Lite spec to SVG text with Vega's renderer "none" (no canvas, no browser). Charts that differ
 * only in their data, title and description share one compiled and parsed spec: about 20 ms a chart instead of
 * 40 (bench/). The spec's `description` becomes the SVG's accessible name (`aria-label` on the root element),
 * which Vega itself sets only on a browser's container element.
 */
export async function renderSVG(spec: AnySpec): Promise<string> {
  const { vega } = await load();
  const { description, ...plain } = spec as Record<string, unknown>;
  const parts = split(plain);
  let runtime: unknown;
  if (parts) {
    const key = JSON.stringify(parts.shape);
    let cached = runtimes.get(key);
    if (!cached) {
      cached = compileSpec(parts.shape).then((compiled) => vega.parse(compiled as never));
      runtimes.set(key, cached);
      if (runtimes.size > KEEP) runtimes.delete(runtimes.keys().next().value!);
    }
    runtime = await cached;
  } else runtime = vega.parse((await compileSpec(plain)) as never);
  const view = new vega.View(runtime as never, { renderer: "none" });
  try {
    if (parts) {
      // Vega marks the rows it ingests, so it gets copies
      parts.values.forEach((rows, k) =>
        view.data(
          `omvarld_${k}`,
          rows.map((r) => (r !== null && typeof r === "object" ? { ...r } : r)),
        ),
      );
      if (parts.title.text !== undefined) view.signal("omvarld_title", parts.title.text);
      if (parts.title.subtitle !== undefined) view.signal("omvarld_subtitle", parts.title.subtitle);
    }
    const svg = await view.toSVG();
    return typeof description === "string" && description !== ""
      ? svg.replace(/^<svg /, `<svg role="graphics-document document" aria-label="${attribute(description)}" `)
      : svg;
  } finally {
    view.finalize();
  }
}
