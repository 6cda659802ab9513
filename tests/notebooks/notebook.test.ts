import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const deno = join(root, "node_modules/.bin/deno");
const VL5 = "application/vnd.vegalite.v5+json";
const NOTEBOOKS = ["kommun-sv.ipynb", "attraktivitet-nb.ipynb"];

interface Output {
  output_type: string;
  name?: string;
  text?: string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}
interface Cell {
  cell_type: string;
  id?: string;
  source: string[];
  outputs?: Output[];
  execution_count?: number | null;
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string } };
}

const load = (path: string): Notebook => JSON.parse(readFileSync(path, "utf8")) as Notebook;
const codeCells = (nb: Notebook): Cell[] => nb.cells.filter((c) => c.cell_type === "code");
const text = (o: Output | undefined): string => {
  const plain = o?.data?.["text/plain"] ?? o?.text ?? "";
  return Array.isArray(plain) ? plain.join("") : String(plain);
};
const svg = (o: Output | undefined): string => {
  const s = o?.data?.["image/svg+xml"] ?? "";
  return Array.isArray(s) ? s.join("") : String(s);
};

interface MapArea {
  id: string;
  name: string;
  value: number | null;
  class: string;
}

/**
 * A map cell's Vega-Lite spec: the areas of its first layer (which must be geoshapes) and the names its text layers
 * show (the outlined kommun's).
 */
function mapOf(o: Output | undefined): { areas: MapArea[]; labels: string[] } {
  type Layer = { mark: { type: string }; data: { values: Record<string, unknown>[] } };
  const layers = (o?.data?.[VL5] as { layer?: Layer[] } | undefined)?.layer ?? [];
  expect(layers[0]?.mark.type).toBe("geoshape");
  return {
    areas: (layers[0]?.data.values ?? []) as unknown as MapArea[],
    labels: layers.filter((l) => l.mark.type === "text").flatMap((l) => l.data.values.map((v) => String(v.name))),
  };
}

/** Runs scripts/run-notebooks.mjs (a real Deno Jupyter kernel over ZeroMQ) and resolves when it ends; no time limit of its own beyond the kernel's generous one. */
function runNotebooks(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "scripts/run-notebooks.mjs"), "--out", out, ...NOTEBOOKS], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The two notebooks, executed as JupyterLab executes them (scripts/run-notebooks.mjs drives a Deno kernel over the
 * Jupyter protocol), into a temporary folder: every cell runs, the key numbers are the agencies', charts display as
 * Vega-Lite v5 + SVG + text, tables as HTML + text, and the outputs saved in notebooks/ are those of this run.
 */
describe.skipIf(!existsSync(deno))("the notebooks in a Deno Jupyter kernel (deno from the npm package)", () => {
  const out = mkdtempSync(join(tmpdir(), "omvarld-notebooks-"));
  const fresh: Record<string, Notebook> = {};

  beforeAll(async () => {
    // the kernel's own start-up and cell limits (OMVARLD_KERNEL_TIMEOUT, 600 s each) end a hung run before this one
    const run = await runNotebooks(out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const name of NOTEBOOKS) fresh[name] = load(join(out, name));
  }, 1_800_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("both import the package by its name, not ../src, and run in the Deno kernel", () => {
    for (const name of NOTEBOOKS) {
      const nb = load(join(root, "notebooks", name));
      const source = codeCells(nb)
        .map((c) => c.source.join(""))
        .join("\n");
      expect(source, name).toMatch(/from "omvarld(\/node)?"/);
      expect(source, name).not.toMatch(/\.\.\/src|dist\//);
      expect(nb.metadata.kernelspec?.name).toBe("deno");
    }
  });

  test("kommun-sv: Vansbro from SCB's XLSX, its growth, components, projection and dependency ratio", () => {
    const cells = codeCells(fresh["kommun-sv.ipynb"]!);
    const result = (k: number) => cells[k]!.outputs!.find((o) => o.output_type === "execute_result");
    expect(cells.every((c) => c.outputs!.every((o) => o.output_type !== "error"))).toBe(true);
    // all 290 kommuner × 202 (age × sex) × 10 years of BE0101N1
    expect(text(result(0))).toContain(`Table: ${290 * 101 * 2 * 10} rows × 6 columns`);
    // Vansbro's population on 31 December (BE0101N1): 6 805 in 2010, 6 715 in 2015, 6 884 in 2016, 6 805 in 2019
    const growth = text(result(1));
    expect(growth).toMatch(/2010\s+6805\s/);
    expect(growth).toMatch(/2016\s+6884\s+169\s+2\.516754/); // 6884 - 6715 = 169; 100 · 169 / 6715 = 2.5168
    expect(growth).toMatch(/2019\s+6805\s+-2\s/);
    // 2016's components: 55 born (children aged 0 + deaths at 0), 97 dead, net migration the residual:
    // 169 - (55 - 97) = 211
    expect(text(result(4))).toMatch(/2016\s+55\s+97\s+211\b/);
    // the projection: 6 805 observed in 2019; 2040 as municipalProjection gives it (README: 6 839)
    const projection = text(result(6));
    expect(projection).toMatch(/2019\s+observed\s+6805\s/);
    expect(projection).toMatch(/2040\s+projected\s+6838\.\d+/);
    // försörjningskvot 2019: 100 · (1 399 + 1 843) / 3 563 = 90.99
    expect(((100 * (1399 + 1843)) / 3563).toFixed(4)).toBe("90.9907");
    expect(text(result(9))).toMatch(/2019\s+1399\s+3563\s+1843\s+90\.9907/);
    for (const [k, title] of [
      [2, "Folkmängd i Dalarnas kommuner"],
      [3, "Befolkningsförändring 2010–2019 i Dalarnas kommuner"],
      [5, "Vansbro: födelsenetto och flyttnetto"],
      [7, "Vansbro: folkmängd 2010–2040"],
      [8, "Befolkning efter ålder och kön"],
      [10, "Försörjningskvot, Vansbro"],
    ] as const) {
      const chart = result(k);
      expect(Object.keys(chart?.data ?? {}).sort(), title).toEqual([VL5, "image/svg+xml", "text/plain"]);
      expect((chart!.data![VL5] as { $schema: string }).$schema).toBe(
        "https://vega.github.io/schema/vega-lite/v5.json",
      );
      expect(svg(chart), title).toMatch(/^<svg/);
      expect(svg(chart), title).toContain(title);
    }
    for (const k of [0, 1, 4, 6, 9]) expect(Object.keys(result(k)!.data!).sort()).toEqual(["text/html", "text/plain"]);
    // the map: Dalarna's 15 kommuner, Vansbro outlined and named; 6 805 in 2010 and in 2019, so a change of 0 %
    const map = mapOf(result(3));
    expect(map.areas).toHaveLength(15);
    expect(map.areas.find((a) => a.id === "2021")).toMatchObject({ name: "Vansbro", value: 0, class: "0,0 % – 2,5 %" });
    expect(map.labels).toEqual(["Vansbro"]);
  });

  test("attraktivitet-nb: Trysil and Rendalen in Telemarksforsking's pooled model", () => {
    const cells = codeCells(fresh["attraktivitet-nb.ipynb"]!);
    const result = (k: number) => cells[k]!.outputs!.find((o) => o.output_type === "execute_result");
    // 426 kommuner × 14 years (2003-2016)
    expect(text(result(0))).toContain(`Table: ${426 * 14} rows`);
    // residential attractiveness, pooled 2007-2016 without commuting: Trysil -0.25 (rank 277), Rendalen -0.08 (208)
    expect(text(result(1))).toMatch(/0432\s+Rendalen\s+1881\s+-0\.0847\d*\s+208\s/);
    expect(text(result(1))).toMatch(/0428\s+Trysil\s+6525\s+-0\.2486\d*\s+277\s/);
    for (const [k, title] of [
      [2, "Trysil: faktisk vekst"],
      [3, "Bostedsattraktivitet 2007–2016"],
      [4, "Bostedsattraktivitet i Hedmarks kommuner 2007–2016"],
      [5, "Struktur / attraktivitet"],
    ] as const) {
      expect(Object.keys(result(k)?.data ?? {}).sort(), title).toEqual([VL5, "image/svg+xml", "text/plain"]);
      expect(svg(result(k)), title).toContain(title);
    }
    // the map: Hedmark's 22 kommuner of 2016, Trysil outlined and named, coloured by its -0.2486
    const map = mapOf(result(4));
    expect(map.areas).toHaveLength(22);
    const trysil = map.areas.find((a) => a.id === "0428");
    expect(trysil).toMatchObject({ name: "Trysil", class: "−0,25 – 0,00" });
    expect(trysil!.value).toBeCloseTo(-0.2486, 4);
    expect(map.labels).toEqual(["Trysil"]);
  });

  test("the outputs saved in notebooks/ are this run's (run `node scripts/run-notebooks.mjs` after a change)", () => {
    for (const name of NOTEBOOKS) {
      const saved = codeCells(load(join(root, "notebooks", name)));
      const now = codeCells(fresh[name]!);
      expect(
        saved.map((c) => c.execution_count),
        name,
      ).toEqual(now.map((c) => c.execution_count));
      const summary = (cells: Cell[]) =>
        cells.map((c) =>
          c.outputs!.map((o) => ({ type: o.output_type, mime: Object.keys(o.data ?? {}).sort(), text: text(o) })),
        );
      expect(summary(saved), name).toEqual(summary(now));
    }
  });
});
