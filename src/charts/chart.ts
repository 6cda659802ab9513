import { renderSVG, type VegaLiteSpec } from "./render.ts";

const VL5_MIME = "application/vnd.vegalite.v5+json";
const VL5_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
export const VL6_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A chart: a plain Vega-Lite v6 spec that shows itself in notebooks and renders to SVG (and, with
 * `omvarld/node`, to PNG). `JSON.stringify(chart)` is the spec.
 *
 * In Deno's Jupyter kernel the chart is displayed when it is a cell's last expression (through
 * `Symbol.for("Jupyter.display")`, as Vega-Lite under the v5 MIME type that JupyterLab and VS Code render, with an
 * SVG for Quarto and GitHub); in tslab its inspect hook displays it; `display(chart)` shows it from a loop.
 */
export class Chart {
  readonly #spec: VegaLiteSpec;

  constructor(spec: VegaLiteSpec) {
    this.#spec = { $schema: VL6_SCHEMA, ...spec };
  }

  /** The spec itself, so that `JSON.stringify(chart)` gives plain Vega-Lite. */
  toJSON(): VegaLiteSpec {
    return this.#spec;
  }

  /** A copy of the spec to change freely. */
  toVegaLite(): VegaLiteSpec {
    return structuredClone(this.#spec);
  }

  /** The chart's title. */
  get title(): string {
    const t: unknown = this.#spec.title;
    return typeof t === "string"
      ? t
      : typeof t === "object" && t !== null
        ? String((t as { text?: unknown }).text ?? "")
        : "";
  }

  /** One line for consoles: `Chart "Title" (3 layers, 42 rows)`, the rows of the chart's data or of its layers'. */
  summary(): string {
    type Node = { data?: { values?: unknown[] }; layer?: Node[] };
    const spec = this.#spec as Node;
    const count = (n: Node): number =>
      (n.data?.values ?? []).length + (n.layer ?? []).reduce((s, l) => s + count(l), 0);
    const rows = count(spec);
    const layers = Array.isArray(spec.layer) ? `${spec.layer.length} layers, ` : "";
    return `Chart "${this.title}" (${layers}${rows} rows)`;
  }

  /** The chart as SVG text (vega with no canvas; DejaVu Sans metrics). */
  toSVG(): Promise<string> {
    return renderSVG(this.#spec);
  }

  /** The notebook MIME bundle: Vega-Lite (v5 MIME type and schema), SVG and a text summary; never text/html. */
  async mimeBundle(options: { svg?: boolean } = {}): Promise<Record<string, unknown>> {
    const bundle: Record<string, unknown> = {
      [VL5_MIME]: { ...this.#spec, $schema: VL5_SCHEMA },
      "text/plain": this.summary(),
    };
    if (options.svg ?? true) bundle["image/svg+xml"] = await this.toSVG();
    return bundle;
  }

  [Symbol.for("Jupyter.display")](): Promise<Record<string, unknown>> {
    return this.mimeBundle();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    tslab()?.display.raw(VL5_MIME, { ...this.#spec, $schema: VL5_SCHEMA });
    return this.summary();
  }
}

interface Tslab {
  display: { raw(mime: string, data: unknown): void };
}

/** tslab's display API when running inside the tslab kernel, else undefined. */
function tslab(): Tslab | undefined {
  const proc = (
    globalThis as {
      process?: {
        env?: Record<string, string | undefined>;
        argv?: string[];
        mainModule?: { require?: (id: string) => unknown };
      };
    }
  ).process;
  if (!proc?.env?.JPY_PARENT_PID || !/tslab/.test(proc.argv?.[1] ?? "")) return undefined;
  try {
    return proc.mainModule?.require?.("tslab") as Tslab | undefined;
  } catch {
    return undefined;
  }
}

/** Shows a chart from inside a loop or a function: Deno's Jupyter display, or tslab's. */
export async function display(chart: Chart): Promise<void> {
  const deno = (
    globalThis as { Deno?: { jupyter?: { display(bundle: unknown, options: { raw: boolean }): Promise<void> } } }
  ).Deno;
  if (deno?.jupyter) await deno.jupyter.display(await chart.mimeBundle(), { raw: true });
  else tslab()?.display.raw(VL5_MIME, (await chart.mimeBundle({ svg: false }))[VL5_MIME]);
}
