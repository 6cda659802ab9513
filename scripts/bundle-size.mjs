#!/usr/bin/env node
// Sizes of omvarld in a browser bundle (esbuild, ESM, minified, code splitting so that lazily imported libraries
// such as vega stay in their own chunks): the whole root entry, and a few imports tree-shaken.
//
//   npm run build && node scripts/bundle-size.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
const cases = [
  ['the whole root entry (import * from "omvarld")', "export * from %ROOT%;"],
  ["readBytes + growth", "export { readBytes, growth } from %ROOT%;"],
  ["readCsv + growth", "export { readCsv, growth } from %ROOT%;"],
  ["readJsonStat + dependencyRatios", "export { readJsonStat, dependencyRatios } from %ROOT%;"],
];

/** Bundles `source` for the browser: the minified and gzipped size of what loads at start, the lazy chunks' total, and the largest inputs. */
export async function bundle(source) {
  const dir = mkdtempSync(join(tmpdir(), "omvarld-bundle-"));
  try {
    const entry = join(dir, "entry.js");
    writeFileSync(entry, source.replaceAll("%ROOT%", JSON.stringify(join(root, "dist/index.js"))));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      minify: true,
      splitting: true,
      outdir: join(dir, "out"),
      metafile: true,
      logLevel: "silent",
    });
    const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith(".js")));
    const main = Object.keys(outputs).find((f) => f.endsWith("entry.js"));
    // what loads at start: the entry and the chunks it imports statically; the rest loads on first use
    const start = new Set([main]);
    for (const f of start)
      for (const i of outputs[f].imports) if (i.kind === "import-statement" && outputs[i.path]) start.add(i.path);
    const bytes = Buffer.concat([...start].map((f) => readFileSync(f)));
    const packages = {};
    for (const f of start) {
      for (const [input, { bytesInOutput }] of Object.entries(outputs[f].inputs)) {
        const name =
          /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
          `omvarld ${/dist\/([^/]+)/.exec(input)?.[1] ?? ""}`.trim();
        packages[name] = (packages[name] ?? 0) + bytesInOutput;
      }
    }
    const lazy = Object.entries(outputs)
      .filter(([f]) => !start.has(f))
      .reduce((s, [, o]) => s + o.bytes, 0);
    return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, lazy, packages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  for (const [name, source] of cases) {
    const r = await bundle(source);
    const top = Object.entries(r.packages)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([p, n]) => `${p} ${kb(n)}`)
      .join(", ");
    console.log(`${name}: ${kb(r.minified)} minified, ${kb(r.gzip)} gzip (lazy chunks ${kb(r.lazy)}); ${top}`);
  }
}
