// The indicators' functions stay short enough to read: none longer than 100 lines from signature to closing brace.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const ROOT = new URL("../../src/indicators/", import.meta.url).pathname;
const LIMIT = 100;

/** Every .ts file under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** "file:line name (length)" of each function, method or arrow with a body longer than `limit` lines. */
function longFunctions(file: string, text: string, limit: number): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const long: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node)) &&
      node.body
    ) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      if (last - first + 1 > limit) long.push(`${file}:${first + 1} ${name} (${last - first + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

describe("the indicators' function lengths", () => {
  test("the measure counts a function's lines from its signature to its closing brace, nested ones too", () => {
    const body = (lines: number) => Array.from({ length: lines }, (_, k) => `  const x${k} = ${k};`).join("\n");
    // 98 lines of body, the signature and the brace: 100 lines, at the limit
    expect(longFunctions("a.ts", `function f() {\n${body(98)}\n}\n`, LIMIT)).toEqual([]);
    expect(longFunctions("a.ts", `function f() {\n${body(99)}\n}\n`, LIMIT)).toEqual(["a.ts:1 f (101)"]);
    const nested = `export function g() {\n  const h = () => {\n${body(99)}\n  };\n  return h;\n}\n`;
    expect(longFunctions("b.ts", nested, LIMIT)).toEqual(["b.ts:1 g (104)", "b.ts:2 (anonymous) (101)"]);
  });

  test(`no function in src/indicators is longer than ${LIMIT} lines`, () => {
    const long = files(ROOT).flatMap((f) => longFunctions(f.slice(ROOT.length), readFileSync(f, "utf8"), LIMIT));
    expect(long).toEqual([]);
  });
});
