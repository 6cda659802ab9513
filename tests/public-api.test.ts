// The public surface: the names `omvarld` and `omvarld/node` export, against the committed list in
// tests/public-api.snapshot. Adding or removing a public name means editing that list in the same commit
// (UPDATE_API=1 rewrites it; review the diff). Internals stay importable inside the package by module path only.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import * as root from "../src/index.ts";
import * as node from "../src/node.ts";
// @ts-expect-error decoderFor is a helper of the readers, not public: the type check fails if the root exports it again
import { decoderFor } from "../src/index.ts";
// @ts-expect-error TidyBuilder is the readers' row collector, not public
import { TidyBuilder } from "../src/index.ts";
// @ts-expect-error timeWeights is a helper of estimateRates, not public
import { timeWeights } from "../src/index.ts";
// @ts-expect-error parseRegionLabel is a helper of the readers, not public
import { parseRegionLabel } from "../src/index.ts";
// @ts-expect-error StringColumnBuilder is the readers' column builder; users build tables with Table.fromRows/fromColumns
import { StringColumnBuilder } from "../src/index.ts";
// @ts-expect-error ols is the regression helper of the attractiveness and convergence models, not public
import { ols } from "../src/index.ts";
// @ts-expect-error sourceLine is a helper of the chart builders, not public
import { sourceLine } from "../src/index.ts";
// @ts-expect-error statisticsFiles is a helper of readDatasets, not public
import { statisticsFiles } from "../src/node.ts";
// @ts-expect-error gunzip is a helper of read, not public
import { gunzip } from "../src/node.ts";

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, "../src");
const snapshotPath = join(here, "public-api.snapshot");

interface Name {
  name: string;
  type: boolean;
}

/**
 * The names a module exports, read from its export declarations: `export { a, type B } from "…"` lists and
 * `export * from "…"` followed into the named file. Declarations in the file itself (`export function …`) count too.
 */
function exportsOf(file: string): Name[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: Name[] = [];
  for (const s of sf.statements) {
    if (ts.isExportDeclaration(s)) {
      const from =
        s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
          ? resolve(dirname(file), s.moduleSpecifier.text)
          : null;
      if (!s.exportClause) {
        if (from) out.push(...exportsOf(from));
      } else if (ts.isNamedExports(s.exportClause)) {
        for (const e of s.exportClause.elements) out.push({ name: e.name.text, type: s.isTypeOnly || e.isTypeOnly });
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) out.push({ name: s.name.text, type: true });
    else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name)
      out.push({ name: s.name.text, type: false });
    else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations)
        if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, type: false });
    }
  }
  return out;
}

const byName = (a: Name, b: Name) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const lines = (names: Name[]) =>
  [...new Map(names.map((n) => [n.name, n])).values()].sort(byName).map((n) => (n.type ? `type ${n.name}` : n.name));

const rootNames = exportsOf(join(src, "index.ts"));
const nodeNames = exportsOf(join(src, "node.ts"));
const rootSet = new Set(rootNames.map((n) => n.name));
const nodeOnly = nodeNames.filter((n) => !rootSet.has(n.name));

function snapshot(): string {
  return [
    "# omvarld (src/index.ts)",
    ...lines(rootNames),
    "",
    "# omvarld/node adds (src/node.ts)",
    ...lines(nodeOnly),
    "",
  ].join("\n");
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("public API", () => {
  test("the names of omvarld and omvarld/node are the committed list", () => {
    if (process.env.UPDATE_API === "1") writeFileSync(snapshotPath, snapshot());
    expect(snapshot()).toBe(readFileSync(snapshotPath, "utf8"));
  });

  test("the runtime exports are the list's values (types leave no trace at runtime)", () => {
    const values = (names: Name[]) => [...new Set(names.filter((n) => !n.type).map((n) => n.name))].sort();
    expect(Object.keys(root).sort()).toEqual(values(rootNames));
    expect(Object.keys(node).sort()).toEqual(values(nodeNames));
  });

  test("internals are not exported from the root", () => {
    for (const internal of [
      decoderFor,
      TidyBuilder,
      timeWeights,
      parseRegionLabel,
      StringColumnBuilder,
      ols,
      sourceLine,
      statisticsFiles,
      gunzip,
    ]) {
      expect(internal).toBeUndefined();
    }
  });

  test("every list is explicit: no `export *` in src but omvarld/node's re-export of the root", () => {
    const star = /^export \* from "([^"]+)"/gm;
    const found = tsFiles(src).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(star)].map((m) => `${relative(src, f)} → ${m[1]}`),
    );
    expect(found).toEqual(["node.ts → ./index.ts"]);
  });

  test("every index.ts below the root lists only names the root exports", () => {
    const lists = tsFiles(src).filter((f) => f.endsWith("index.ts") && f !== join(src, "index.ts"));
    expect(lists.length).toBeGreaterThanOrEqual(9);
    for (const file of lists) {
      const missing = exportsOf(file)
        .map((n) => n.name)
        .filter((n) => !rootSet.has(n));
      expect(missing, `${relative(src, file)} exports names the root does not`).toEqual([]);
    }
  });
});
