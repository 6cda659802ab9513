import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const deno = join(root, "node_modules/.bin/deno");

/**
 * Runs a notebook's code cells in Deno, in order, as one module, the way the Deno kernel does: a cell's last line,
 * when it is an expression, is its result, and a result with Symbol.for("Jupyter.display") is displayed through
 * it. Prints one JSON line per result: the MIME types of its bundle, or the plain value.
 */
function script(notebook: string): string {
  const cells = (JSON.parse(readFileSync(notebook, "utf8")) as { cells: { cell_type: string; source: string[] }[] }).cells
    .filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
  const body = cells.map((code, k) => {
    const lines = code.trimEnd().split("\n");
    const last = lines.pop()!;
    const isStatement = /^(const|let|import|export|function|class)\b/.test(last.trimStart()) || last.trimEnd().endsWith(";");
    return `${lines.join("\n")}\n${isStatement ? last : `await __show(${k}, (${last}));`}`;
  });
  return `async function __show(cell: number, value: unknown) {
  const display = (value as Record<symbol, unknown> | null)?.[Symbol.for("Jupyter.display")];
  const bundle = typeof display === "function" ? await (display as () => Promise<Record<string, unknown>>).call(value) : null;
  console.log(JSON.stringify({ cell, mime: bundle ? Object.keys(bundle).sort() : null, svg: bundle ? String(bundle["image/svg+xml"] ?? "") : null, schema: (bundle?.["application/vnd.vegalite.v5+json"] as { $schema?: string } | undefined)?.$schema ?? null, value: bundle ? null : JSON.stringify(value)?.slice(0, 2000) ?? null }));
}
${body.join("\n")}
`;
}

describe.skipIf(!existsSync(deno))("notebooks run in Deno (deno from the npm package)", () => {
  test("attractiveness.ipynb: every cell runs; charts display as Vega-Lite v5, SVG and text, never HTML", () => {
    const dir = mkdtempSync(join(tmpdir(), "omvarld-notebook-"));
    const file = join(root, "notebooks", "run-attractiveness.test-output.ts");
    writeFileSync(file, script(join(root, "notebooks/attractiveness.ipynb")));
    const run = spawnSync(deno, ["run", "-A", "--quiet", "--node-modules-dir=manual", file], { cwd: join(root, "notebooks"), encoding: "utf8", env: { ...process.env, DENO_DIR: dir, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const results = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { cell: number; mime: string[] | null; svg: string | null; schema: string | null; value: string | null });
    expect(results.map((r) => r.cell)).toEqual([0, 1, 2, 3, 4]);
    expect(results[0]!.value).toBe("426");
    expect(results[1]!.value).toMatch(/"region":"0432","region_name":"Rendalen".*"region":"0428","region_name":"Trysil"/);
    for (const chart of results.slice(2)) {
      expect(chart.mime).toEqual(["application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]);
      expect(chart.schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
      expect(chart.svg).toMatch(/^<svg/);
    }
    expect(results[2]!.svg).toMatch(/Trysil: faktisk vekst/);
    expect(results[3]!.svg).toMatch(/Bostedsattraktivitet 2007–2016/);
  });
});
