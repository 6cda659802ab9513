import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli/main.js");
const cache = mkdtempSync(join(tmpdir(), "omvarld-cli-cache-"));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function omvarld(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    cwd: root,
    timeout: 280_000,
    env: { ...process.env, OMVARLD_NO_CACHE: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tables = () => (existsSync(join(cache, "tables")) ? readdirSync(join(cache, "tables")) : []);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

describe("the command line's table cache", () => {
  test("on by default, off with --no-cache or OMVARLD_NO_CACHE=1; `cache` tells and `cache clear` empties", () => {
    const env = { OMVARLD_CACHE: cache };
    const file = "tests/fixtures/real/scb/anderssundell-stathelp__data__befolkning.csv";
    const off = omvarld(env, "inspect", file, "--json", "--no-cache");
    expect(off.code).toBe(0);
    expect(omvarld({ ...env, OMVARLD_NO_CACHE: "1" }, "inspect", file, "--json").code).toBe(0);
    expect(tables()).toEqual([]);
    const first = omvarld(env, "inspect", file, "--json");
    expect(tables().filter((f) => f.endsWith(".table"))).toHaveLength(1);
    // the second answer comes from the cache and is the same: 290 kommuner, one year
    const second = omvarld(env, "inspect", file, "--json");
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toBe(off.stdout);
    expect(JSON.parse(second.stdout).rows).toBe(290);
    expect(omvarld(env, "cache").stdout).toMatch(/tables: 1 parsed table, \d+\.\d MB/);
    expect(omvarld(env, "cache", "clear").stdout).toMatch(/^removed 1 parsed table /);
    expect(tables()).toEqual([]);
    expect(omvarld(env, "cache", "flush").stderr).toMatch(/unknown cache action "flush"/);
  });
});
