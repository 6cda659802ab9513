import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env.UPDATE_GOLDEN === "1";

/** Compares with a stored golden file in tests/charts/golden; UPDATE_GOLDEN=1 rewrites it. A missing golden file fails in CI. */
export function matchGolden(name: string, actual: string): void {
  const path = golden(name);
  if (update || (!existsSync(path) && !process.env.CI)) writeFileSync(path, actual);
  expect(existsSync(path), `${name} has no golden file (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

/** vega-lite 5 (what JupyterLab and VS Code render), its UMD build given vega 6's utilities for `vega`. */
export async function vegaLite5(): Promise<{ compile(spec: unknown): { spec: unknown } }> {
  const vega = await import("vega");
  const code = readFileSync(fileURLToPath(import.meta.resolve("vega-lite-5/build/vega-lite.js")), "utf8");
  const module = { exports: {} as Record<string, unknown> };
  new Function("exports", "module", "require", code)(module.exports, module, (id: string) =>
    id === "vega" ? vega : undefined,
  );
  return module.exports as never;
}
