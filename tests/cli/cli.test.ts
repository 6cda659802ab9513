import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli/main.js");

function omvarld(...args: string[]) {
  // a hung CLI is killed (a synchronous spawn blocks the test's own time limit)
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: root, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fixtures(dir = join(root, "tests/fixtures/real")): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? fixtures(p) : /\.(csv|px|json|tsv|gz)$/.test(f) ? [p] : [];
  });
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

describe("omvarld inspect", () => {
  // all fixtures in one Node process through the built package's inspectFile(), the call `omvarld inspect` makes:
  // one process per file (23 start-ups)
  // ran past its limit on a loaded machine; the limit stays generous because the work is still a few seconds
  test("describes every real fixture as JSON with the documented keys", { timeout: 300_000 }, () => {
    const files = fixtures();
    expect(files).toHaveLength(23);
    const script = `import { inspectFile } from ${JSON.stringify(pathToFileURL(join(root, "dist/node.js")).href)};
const out = process.argv.slice(1).map((file) => { try { return { file, json: inspectFile(file, { json: true }) }; } catch (e) { return { file, error: String(e?.message ?? e) }; } });
process.stdout.write(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, ...files], {
      encoding: "utf8",
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 280_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const results = JSON.parse(r.stdout) as { file: string; json?: string; error?: string }[];
    expect(results.map((x) => x.file)).toEqual(files);
    for (const { file, json, error } of results) {
      expect(error, file).toBeUndefined();
      const d = JSON.parse(json!);
      for (const key of ["format", "encoding", "rows", "dimensions", "measures", "years", "missing"])
        expect(d, file).toHaveProperty(key);
      expect(d.rows, file).toBeGreaterThan(0);
    }
  });

  test("the SCB kommun file: what a user should see", () => {
    const d = JSON.parse(
      omvarld("inspect", "tests/fixtures/real/scb/anderssundell-stathelp__data__befolkning.csv", "--json").stdout,
    );
    expect(d).toMatchObject({
      format: "csv",
      encoding: "windows-1252",
      delimiter: ",",
      rows: 290,
      dimensions: { region: 290, region_name: 290, year: 1 },
      measures: ["value"],
      years: [2017, 2017],
      missing: 0,
    });
  });

  test("missing cells and their symbols are counted", () => {
    const d = JSON.parse(
      omvarld("inspect", "tests/fixtures/real/eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv", "--json")
        .stdout,
    );
    expect(d).toMatchObject({ format: "eurostat-tsv", missing: 20_422, years: [2000, 2021] });
    expect(d.symbols.p).toBe(3995);
  });

  test("human-readable output", () => {
    const r = omvarld("inspect", "tests/fixtures/real/ssb/Lagostra-population-center__data__befolkning.csv");
    expect(r.stdout).toMatch(/format:\s+csv \(delimiter ";"\), encoding utf-8-bom/);
    expect(r.stdout).toMatch(/years:\s+2018–2019/);
  });

  test("bad input: one line naming the file and what to do, exit code 2, no stack trace", () => {
    const truncated = omvarld("inspect", "tests/fixtures/real/ssb/no-such.csv");
    expect(truncated.code).toBe(2);
    expect(truncated.stderr.trim().split("\n")).toHaveLength(1);
    expect(truncated.stderr).toMatch(/^omvarld: tests\/fixtures\/real\/ssb\/no-such\.csv: no such file/);
    const binary = omvarld("inspect", process.execPath);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/binary data .*hint: export the table as CSV/);
    expect(binary.stderr).not.toMatch(/\bat \w+ \(/);
    const unknown = omvarld("frobnicate");
    expect(unknown.stderr).toMatch(
      /unknown command "frobnicate".*hint: the commands are: inspect, attractiveness, report, annex, indicators, demo/,
    );
  });

  test("--help for every command", () => {
    expect(omvarld("--help").stdout).toMatch(/Commands:/);
    expect(omvarld("inspect", "--help").stdout).toMatch(/--json/);
    expect(omvarld("demo", "--help").stdout).toMatch(/Usage: omvarld demo/);
  });
});

describe("omvarld attractiveness", () => {
  test("--json: every kommune with code, name, residential, business and rank", () => {
    const r = omvarld(
      "attractiveness",
      "data/tf/no-regions-2003-2016.csv",
      "--level",
      "kommune",
      "--from",
      "2007",
      "--to",
      "2016",
      "--json",
    );
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as {
      code: string;
      name: string;
      residential: number | null;
      business: number | null;
      rank: number | null;
      residential_components: Record<string, number>;
    }[];
    expect(rows).toHaveLength(426);
    expect(rows.every((x) => /^\d{4}$/.test(x.code))).toBe(true);
    const trysil = rows.find((x) => x.code === "0428")!;
    expect(trysil.name).toBe("Trysil");
    expect(trysil.rank).toBeGreaterThan(0);
    // the components sum to the mean growth
    const c = trysil.residential_components;
    const parts = [
      "natural_increase",
      "immigration",
      "constant",
      "own_jobs",
      "neighbour_jobs",
      "size",
      "integration",
      "attractiveness",
    ];
    expect(parts.reduce((s, p) => s + c[p]!, 0)).toBeCloseTo(c.growth!, 10);
    // ranks 1..n are given once each, to the regions with at least 1 000 inhabitants
    const ranks = rows
      .map((x) => x.rank)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    expect(ranks).toEqual(Array.from({ length: ranks.length }, (_, k) => k + 1));
  });

  test("bad arguments: one line and exit 2", () => {
    const r = omvarld("attractiveness", "data/tf/no-regions-2003-2016.csv", "--from", "last year");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from expects a whole number/);
    expect(omvarld("attractiveness", "--help").stdout).toMatch(/--min-population/);
  });
});

describe("omvarld annex", () => {
  const eurostat = "data/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv";
  test("bad unit costs and a horizon before the data: one line naming the file or the year, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "omvarld-cli-annex-"));
    const broken = join(dir, "costs.json");
    writeFileSync(broken, '[{ "service": "skola", "ages": "0-14", "cost": 120 ');
    const r = omvarld(
      "annex",
      "--data",
      eurostat,
      "--region",
      "SE312",
      "--costs",
      broken,
      "--out",
      join(dir, "a.xlsx"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/costs\.json: cannot read the unit costs: .*hint: a JSON array/);
    writeFileSync(broken, '{ "costs": [{ "service": "skola", "ages": "0-14", "cost": "120" }] }');
    expect(
      omvarld("annex", "--data", eurostat, "--region", "SE312", "--costs", broken, "--out", join(dir, "a.xlsx")).stderr,
    ).toMatch(/costs\.json: the unit costs are not a list of \{ service, ages, cost \}/);
    const early = omvarld(
      "annex",
      "--data",
      eurostat,
      "--region",
      "SE312",
      "--horizon",
      "2010",
      "--out",
      join(dir, "a.xlsx"),
    );
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/the horizon 2010 is not after 2022.*hint: give a horizon after 2022/);
  });
});

describe("omvarld demo", () => {
  test("prints numbers computed from the shipped data", { timeout: 600_000 }, () => {
    const r = omvarld("demo");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/290 kommuner, 10\u00a0120\u00a0242 inhabitants/);
    expect(r.stdout).toMatch(/2021 Vansbro\s+6\u00a0837\s+2,4 % of the county/);
    expect(r.stdout).toMatch(/3421 Trysil\s+2018: 6\u00a0567, 2019: 6\u00a0607, 2022: 6\u00a0603/);
    // Hedmark 2013: 194 433 − 193 719 = 714; 1 714 − 2 136 + 6 593 − 5 438 = 733; residual −19
    expect(r.stdout).toMatch(/04 Hedmark\s+1\u00a0714\s+2\u00a0136\s+6\u00a0593\s+5\u00a0438\s+714\s+−19/);
    // with the 2017 commuting matrix (neighbour and integration terms) and registered net migration from SSB's tables
    expect(r.stdout).toMatch(/0428 Trysil: residential attractiveness \u22120,01 \(rank 186 of 399\)/);
    expect(r.stdout).toMatch(/0432 Rendalen: residential attractiveness/);
    // Trysil 2016: natural increase from SSB's counts, (43 − 82) / 6 525 = −0.60 %; private jobs: TF's 2.35 % growth, decomposed
    // one number format in the whole printout: Swedish by default (decimal comma, minus U+2212)
    expect(r.stdout).toMatch(/2016\s+0,38\s+\u22120,60\s+0,50.*\|\s+2,35\s+\u22120,16/);
    expect(r.stdout).not.toMatch(/\d\.\d/);
    // the kommuner from the agencies' own tables: Vansbro 31 December 2019 (SCB), Trysil 1 January 2022 (SSB)
    expect(r.stdout).toMatch(
      /2021 Vansbro \(SCB BE0101N1, SCB BE0101D9; 31 December\):\n\s+6\u00a0805 in 2019; 2030: /,
    );
    expect(r.stdout).toMatch(
      /3421 Trysil \(SSB 07459, SSB 04231, SSB 12983; 1 January\):\n\s+6\u00a0603 in 2022; 2030: /,
    );
    expect(r.stdout).toMatch(/report: out\/demo\/trysil\/report\.html/);
    expect(r.stdout).toMatch(/Budget annex for Dalarna .*: out\/demo\/annex\.xlsx/);
    // the charts, as SVG and PNG
    expect(r.stdout).toMatch(/Charts \(SVG and PNG\) in out\/demo\/charts\/: befolkning-hedmark-index, /);
    for (const name of ["befolkning-hedmark-index", "boendeattraktivitet-rangordning", "trysil-tillvaxt"]) {
      const svg = readFileSync(join(root, `out/demo/charts/${name}.svg`), "utf8");
      expect(svg).toMatch(/^<svg/);
      expect(svg).toMatch(/Källa: Telemarksforsking \/ SSB/);
      expect(
        [...readFileSync(join(root, `out/demo/charts/${name}.png`)).subarray(1, 4)]
          .map((b) => String.fromCharCode(b))
          .join(""),
      ).toBe("PNG");
    }
  });
});
