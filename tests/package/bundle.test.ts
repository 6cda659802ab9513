import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "omvarld-bundle-test-"));

/**
 * Bundles `source` (which imports the built root entry) for the browser with code splitting; returns the packages
 * whose code loads at start (the entry and the chunks it imports statically) and those bytes. Libraries imported
 * lazily (vega, apache-arrow) land in chunks that load on first use.
 */
async function bundle(name: string, source: string): Promise<{ packages: Set<string>; bytes: number }> {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source.replace("ROOT", JSON.stringify(join(root, "dist/index.js"))));
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    splitting: true,
    outdir: join(dir, name),
    metafile: true,
    logLevel: "silent",
  });
  const outputs = metafile.outputs;
  const start = new Set([Object.keys(outputs).find((f) => f.endsWith(`${name}.js`))!]);
  for (const f of start)
    for (const i of outputs[f]!.imports) if (i.kind === "import-statement" && outputs[i.path]) start.add(i.path);
  const packages = new Set<string>();
  let bytes = 0;
  for (const f of start) {
    bytes += outputs[f]!.bytes;
    for (const input of Object.keys(outputs[f]!.inputs))
      packages.add(/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? "omvarld");
  }
  return { packages, bytes };
}

beforeAll(() => {
  if (!existsSync(join(root, "dist/index.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the built root entry in a browser bundle (esbuild, platform browser)", () => {
  test(
    "bundles with no Node built-in; vega and apache-arrow stay lazy; a reader and an indicator tree-shake",
    { timeout: 300_000 },
    async () => {
      // a Node built-in (node:fs, node:zlib, ...) anywhere in the root entry's graph fails the browser build
      const whole = await bundle("whole", "export * from ROOT;");
      expect(whole.packages).toContain("zod");
      for (const lazy of ["vega", "vega-lite", "apache-arrow"]) expect(whole.packages, lazy).not.toContain(lazy);
      const small = await bundle("small", "export { readCsv, growth } from ROOT;");
      expect([...small.packages].sort()).toEqual(["omvarld"]);
      expect(small.bytes).toBeLessThan(whole.bytes / 5);
    },
  );
});
