// Every "docs/methods.md §…" citation in the code and the tests names a section that docs/methods.md has, and
// every "§…" inside docs/methods.md points to one of its own headings.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const methods = readFileSync(join(root, "docs/methods.md"), "utf8");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "fixtures" || e.name === "golden") return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : /\.(ts|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** The sections a citation names: "§1.4, §2.3" → 1.4, 2.3; a range "§5.1-5.2" or "§2-3" → both ends. */
function sectionsCited(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/methods\.md ((?:§\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?(?:,\s*)?)+)/g)) {
    for (const part of m[1]!.matchAll(/§(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?/g)) {
      out.push(part[1]!);
      if (part[2]) out.push(part[2]);
    }
  }
  return out;
}

/** The section numbers of the headings: "## §1 Population …", "### §1.1 Definitions …". */
const headings = new Set([...methods.matchAll(/^#{2,4} §(\d+(?:\.\d+)?) /gm)].map((m) => m[1]!));

describe("docs/methods.md", () => {
  test("the citation parser reads lists and ranges", () => {
    expect(sectionsCited("(docs/methods.md §1.4, §2.3): x; docs/methods.md §5.1-5.2 and docs/methods.md §2-3")).toEqual(
      ["1.4", "2.3", "5.1", "5.2", "2", "3"],
    );
  });

  test("every section cited in src/ and tests/ exists", () => {
    const cited = new Map<string, string[]>();
    for (const file of [...files(join(root, "src")), ...files(join(root, "tests"))]) {
      if (file.endsWith("methods-references.test.ts")) continue;
      for (const s of sectionsCited(readFileSync(file, "utf8")))
        cited.set(s, [...(cited.get(s) ?? []), relative(root, file)]);
    }
    // the code cites the methods some 76 times; a parser that finds none would pass vacuously
    expect([...cited.values()].flat().length).toBeGreaterThan(70);
    const dangling = [...cited]
      .filter(([s]) => !headings.has(s))
      .map(([s, where]) => `§${s} (${[...new Set(where)].join(", ")})`);
    expect(dangling).toEqual([]);
  });

  test("no citation of the old name is left", () => {
    const old = [...files(join(root, "src")), ...files(join(root, "tests"))].filter(
      (f) => !f.endsWith("methods-references.test.ts") && /METHODS §/.test(readFileSync(f, "utf8")),
    );
    expect(old.map((f) => relative(root, f))).toEqual([]);
  });

  test("every § inside the document points to one of its headings", () => {
    const body = methods.replace(/^#{2,4} §\d+(?:\.\d+)? .*$/gm, "");
    const inner = [...body.matchAll(/§(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?/g)].flatMap((m) =>
      m[2] ? [m[1]!, m[2]] : [m[1]!],
    );
    expect(inner.length).toBeGreaterThan(10);
    expect([...new Set(inner.filter((s) => !headings.has(s)))]).toEqual([]);
  });

  test("section numbers are unique and in order", () => {
    const order = [...methods.matchAll(/^#{2,4} §(\d+(?:\.\d+)?) /gm)].map((m) => m[1]!);
    expect(new Set(order).size).toBe(order.length);
    const key = (s: string) => s.split(".").map(Number);
    const sorted = [...order].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0]! - y[0]! || (x[1] ?? 0) - (y[1] ?? 0);
    });
    expect(order).toEqual(sorted);
  });
});
