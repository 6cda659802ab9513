import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, test } from "vitest";
import { byteCount } from "../../src/cli/args.ts";
import { fixtureBytes } from "../helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli/main.js");
const GZ = "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3_page_linear.csv.gz";

function omvarld(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

describe("omvarld inspect --max-decompressed-bytes", () => {
  test("a limit below the gzip's inflated size stops it; one above reads it", () => {
    const inflated = gunzipSync(fixtureBytes(GZ)).length;
    const file = `tests/fixtures/real/${GZ}`;
    const refused = omvarld("inspect", file, "--max-decompressed-bytes", String(inflated - 1), "--no-cache");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`expand to more than ${inflated - 1} bytes`);
    expect(refused.stderr).toContain(`maxDecompressedBytes = ${inflated - 1}`);
    const read = omvarld("inspect", file, "--json", "--max-decompressed-bytes", String(inflated), "--no-cache");
    expect(read.stderr).toBe("");
    expect(JSON.parse(read.stdout).format).toBe("sdmx-csv");
    const bad = omvarld("inspect", file, "--max-decompressed-bytes", "lots");
    expect(bad.stderr).toMatch(/--max-decompressed-bytes expects a positive number of bytes, got "lots"/);
  });

  test("units are powers of 1024", () => {
    expect(byteCount("x", "4G")).toBe(4 * 2 ** 30);
    expect(byteCount("x", "500M")).toBe(500 * 2 ** 20);
    expect(byteCount("x", "64KiB")).toBe(65_536);
    expect(byteCount("x", "123")).toBe(123);
    expect(byteCount("x", "Infinity")).toBe(Infinity);
    expect(() => byteCount("x", "0")).toThrow(/positive number of bytes/);
  });
});
