import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const json = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8")) as Record<string, unknown>;

/** The files `npm pack` would put in the tarball (no scripts run, nothing written). */
function packed(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const child = spawn(npm, ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve((JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path))
        : reject(new Error(stderr)),
    );
  });
}

describe("the package as published", () => {
  test("LICENSE is MIT as package.json says; jsr.json has the same version and licence", () => {
    const pkg = json("package.json");
    const jsr = json("jsr.json");
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect([jsr.version, jsr.license]).toEqual([pkg.version, pkg.license]);
    expect(readFileSync(join(root, "CHANGELOG.md"), "utf8")).toMatch(
      new RegExp(`^## ${String(pkg.version).replace(/\./g, "\\.")} - \\d{4}-\\d{2}-\\d{2}$`, "m"),
    );
  });

  test(
    "the tarball: no GPL data (REAT) nor build-time data (KLASS), no tests; every data file the demo reads is in it",
    { timeout: 300_000 },
    async () => {
      const files = await packed();
      expect(files.filter((f) => /^(data\/(reat|klass)|tests|notebooks|bench)\//.test(f))).toEqual([]);
      for (const f of [
        "LICENSE",
        "CHANGELOG.md",
        "README.md",
        "dist/index.js",
        "dist/node.js",
        "dist/index.d.ts",
        "dist/cli/main.js",
      ])
        expect(files, f).toContain(f);
      // the demo (omvarld demo, from the installed package) reads these under data/
      const demo = readFileSync(join(root, "src/report/pipelines/demo-node.ts"), "utf8");
      const read = [...demo.matchAll(/\$\{DATA_DIR\}([^`"]+)/g)].map((m) => `data/${m[1]}`);
      expect(read.length).toBeGreaterThan(5);
      for (const path of read)
        expect(
          files.some((f) => f === path || f.startsWith(path.endsWith("/") ? path : `${path}/`)),
          path,
        ).toBe(true);
    },
  );
});
