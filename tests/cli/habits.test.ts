import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";

// These tests run the built CLI (dist/), one process each: generous limits, so that a busy machine does not fail them.
const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli/main.js");
const SPAWN = { timeout: 120_000 };

function omvarld(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, ...(input ? { input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

describe("CLI habits", () => {
  test("--version prints the version in package.json", SPAWN, () => {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const r = omvarld(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("- reads standard input: inspect and indicators give what they give for the file", SPAWN, () => {
    const file = "tests/fixtures/real/scb/anderssundell-stathelp__data__befolkning.csv";
    const piped = JSON.parse(omvarld(["inspect", "-", "--json"], readFileSync(join(root, file))).stdout);
    const named = JSON.parse(omvarld(["inspect", file, "--json"]).stdout);
    expect(piped).toEqual({ ...named, file: "standard input" });
    // SCB's kommun file, Windows-1252: 290 kommuner, one year
    expect(piped).toMatchObject({ encoding: "windows-1252", rows: 290, years: [2017, 2017] });
    const gdp = "data/reat/G.counties.gdp.csv";
    const args = ["--kind", "inequality", "--where", "contents=gdppc", "--json"];
    const fromStdin = omvarld(["indicators", "-", ...args], readFileSync(join(root, gdp)));
    expect(fromStdin.stderr).toBe("");
    expect(fromStdin.stdout).toBe(omvarld(["indicators", gdp, ...args]).stdout);
    expect(
      (JSON.parse(fromStdin.stdout) as { year: number; gini: number }[]).find((r) => r.year === 2014)!.gini,
    ).toBeCloseTo(0.203, 3);
  });

  test("- reads standard input: attractiveness of Telemarksforsking's panel", SPAWN, () => {
    const panel = readFileSync(join(root, "data/tf/no-regions-2003-2016.csv"));
    const r = omvarld(["attractiveness", "-", "--json"], panel);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as { code: string; rank: number | null }[];
    expect(rows).toHaveLength(426);
    // without the commuting matrix Trysil ranks 277th (188th with it, as in the demo)
    expect(rows.find((x) => x.code === "0428")!.rank).toBe(277);
    expect(r.stdout).toBe(omvarld(["attractiveness", "data/tf/no-regions-2003-2016.csv", "--json"]).stdout);
  });

  test("every missing path is one line naming it with a hint, exit code 2", SPAWN, () => {
    const cases: [string[], string][] = [
      [
        ["inspect", "no-such.csv"],
        "omvarld: no-such.csv: no such file (hint: check the path, or give - to read standard input)",
      ],
      [
        ["indicators", "no-such.csv", "--kind", "lq"],
        "omvarld: no-such.csv: no such file (hint: check the path, or give - to read standard input)",
      ],
      [
        ["attractiveness", "no-such.csv"],
        "omvarld: no-such.csv: no such file (hint: check the path, or give - to read standard input)",
      ],
      [
        ["attractiveness", "data/tf/no-regions-2003-2016.csv", "--commuting", "no-such-flows.csv"],
        "omvarld: no-such-flows.csv: no such file (hint: check the path given to --commuting)",
      ],
      [
        ["report", "--data", "no-such-folder", "--region", "0428"],
        "omvarld: no-such-folder: no such file or folder (hint: check the path given to --data)",
      ],
      [
        ["annex", "--data", "no-such-folder", "--region", "2021"],
        "omvarld: no-such-folder: no such file or folder (hint: check the path given to --data)",
      ],
      [
        ["annex", "--data", "data/scb", "--region", "2021", "--costs", "no-such-costs.json"],
        "omvarld: no-such-costs.json: no such file (hint: check the path given to --costs)",
      ],
    ];
    for (const [args, message] of cases) {
      const r = omvarld(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr, args.join(" ")).toBe(`${message}\n`);
    }
  });

  test("a wrong --lang or an unknown option is one line, exit code 2", SPAWN, () => {
    const lang = omvarld(["inspect", "data/costs/example-unit-costs.json", "--lang", "de"]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe(
      "omvarld: --lang de is not sv, nb, no or en (hint: --lang sv (the default), --lang nb (or no) or --lang en)\n",
    );
    const option = omvarld(["inspect", "--frobnicate", "x.csv"]);
    expect(option.code).toBe(2);
    expect(option.stderr.trim().split("\n")).toHaveLength(1);
    expect(option.stderr).toBe(
      "omvarld: unknown option --frobnicate (hint: omvarld inspect --help lists its options)\n",
    );
  });

  test("--help loads no command: the main text, and every command's own", SPAWN, () => {
    const main = omvarld(["--help"]);
    expect(main.stdout).toMatch(/--version/);
    expect(main.stdout).toMatch(/FILE may be - to read standard input/);
    for (const command of [
      "inspect",
      "attractiveness",
      "indicators",
      "report",
      "annex",
      "demo",
      "search",
      "meta",
      "fetch",
    ]) {
      const r = omvarld([command, "--help"]);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: omvarld ${command}`));
    }
  });
});
