import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const deno = join(root, "node_modules/.bin/deno");
const project = mkdtempSync(join(tmpdir(), "omvarld-deno-"));

/** Runs deno in `cwd` and resolves when it ends (no limit of its own: the test's generous one applies). */
function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(deno, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(project, ".deno") },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const SCB = join(root, "tests/fixtures/real/scb/anderssundell-stathelp__data__befolkning.csv");
const EUROSTAT = join(root, "tests/fixtures/real/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");

// a plain Deno script, as a user writes it: the root entry reads bytes (and gunzips Eurostat's TSV itself, with no
// Node API), omvarld/node reads a path
const SCRIPT = `import { readBytes } from "omvarld";
import { read } from "omvarld/node";
const scb = read(${JSON.stringify(SCB)});
const vansbro = scb.filter({ region: "2021" }).toRows()[0];
const eurostat = readBytes(Deno.readFileSync(${JSON.stringify(EUROSTAT)}), { where: { region: ["SE312"] } });
const dalarna = eurostat.filter({ unit: "NR", sex: "T", age: "TOTAL", year: 2018 }).toRows()[0];
console.log(JSON.stringify({ encoding: scb.provenance.encoding, vansbro, dalarna: dalarna.value }));
`;

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe.skipIf(!existsSync(deno) || !existsSync(join(root, "dist/index.js")))(
  "the built package from a plain Deno script (deno from the npm package)",
  () => {
    test(
      "a project that installed omvarld (package.json + node_modules) imports it by name and reads real files",
      { timeout: 600_000 },
      async () => {
        mkdirSync(join(project, "node_modules"));
        symlinkSync(root, join(project, "node_modules", "omvarld"), "dir");
        writeFileSync(
          join(project, "package.json"),
          JSON.stringify({ name: "analysis", private: true, type: "module", dependencies: { omvarld: "*" } }),
        );
        writeFileSync(join(project, "main.ts"), SCRIPT);
        const r = await run(["run", "--allow-read", "--allow-env", "--allow-sys", "main.ts"], project);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        // SCB BE0101 (31 Dec 2017): Vansbro 6 837; Eurostat demo_r_pjanaggr3: Dalarna 286 165 on 1 January 2018
        expect(JSON.parse(r.stdout)).toEqual({
          encoding: "windows-1252",
          vansbro: { region: "2021", region_name: "Vansbro", year: 2017, value: 6837 },
          dalarna: 286_165,
        });
      },
    );
  },
);
