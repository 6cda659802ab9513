import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { selectionOf } from "../../src/cli/selection.ts";
import { fetchTableText, metaText } from "../../src/report/pipelines/fetch-node.ts";
import { type Replay, replay, syntheticTab638, TAB638_ROUTES } from "../api/replay.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cli = join(root, "dist/cli/main.js");

/** Runs the built CLI without blocking this process, whose event loop serves the replay server. */
function omvarld(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let server: Replay | undefined;
const folders: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
function temp(): string {
  const f = mkdtempSync(join(tmpdir(), "omvarld-cli-"));
  folders.push(f);
  return f;
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
});

const RECORDED = [
  "--select",
  "Region=00",
  "--select",
  "Civilstand=OG",
  "--select",
  "Alder=0",
  "--select",
  "Kon=1",
  "--select",
  "ContentsCode=BE0101N1",
  "--select",
  "Tid=2024",
];

describe("omvarld fetch / meta against a replay of SCB's recorded answers", () => {
  test("fetch scb TAB638 prints the recorded table as CSV; --offline then answers it from the cache", async () => {
    server = await replay(TAB638_ROUTES);
    const env = { OMVARLD_SCB_URL: `${server.url}/api/v2/`, OMVARLD_CACHE: temp() };
    const r = await omvarld(env, "fetch", "scb", "TAB638", ...RECORDED);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // the recording: Riket, ogifta, 0 år, män, Folkmängd, 2024 = 50937
    expect(r.stdout).toBe(
      "region,region_name,civilstånd,civilstånd_name,age,age_name,sex,sex_name,contents,contents_name,year,value\n00,Riket,OG,ogifta,0,0 år,1,män,BE0101N1,Folkmängd,2024,50937\n",
    );
    await server.close();
    server = undefined;
    const offline = await omvarld(env, "fetch", "scb", "TAB638", ...RECORDED, "--offline");
    expect(offline.stdout).toBe(r.stdout);
    const notCached = await omvarld(env, "fetch", "scb", "TAB638", ...RECORDED.slice(0, -1), "Tid=2023", "--offline");
    expect(notCached.code).toBe(2);
    expect(notCached.stderr).toMatch(
      /^omvarld: .*no cached answer for POST .*\/api\/v2\/tables\/TAB638\/data\?lang=sv&outputFormat=json-stat2 .*\n$/,
    );
  });

  test("a network failure is one line naming the URL and suggesting --offline when cached", async () => {
    server = await replay(TAB638_ROUTES);
    const env = { OMVARLD_SCB_URL: `${server.url}/api/v2/`, OMVARLD_CACHE: temp() };
    await omvarld(env, "meta", "scb", "TAB638");
    await server.close();
    server = undefined;
    const r = await omvarld(env, "meta", "scb", "TAB638", "--refresh");
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(
      /^omvarld: http:\/\/127\.0\.0\.1:\d+\/api\/v2\/\S+: cannot reach GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/\S+ \(ECONNREFUSED\) \(hint: a cached copy from .* UTC exists: run again with --offline/,
    );
  });

  test("an unknown variable is one line with the nearest valid ones, and nothing is written to --out", async () => {
    server = await replay(TAB638_ROUTES);
    const folder = temp();
    const out = join(folder, "t.csv");
    const r = await omvarld(
      { OMVARLD_SCB_URL: `${server.url}/api/v2/`, OMVARLD_CACHE: join(folder, "cache") },
      "fetch",
      "scb",
      "TAB638",
      "--select",
      "Alder=*",
      "--select",
      "Regoin=2021",
      "--out",
      out,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'omvarld: TAB638 has no variable "Regoin" (hint: the nearest variables: "Region", "Kon", "Tid" (all: Region, Civilstand, Alder, Kon, ContentsCode, Tid))\n',
    );
    expect(readdirSync(folder).filter((f) => f !== "cache")).toEqual([]);
  });
});

describe("the fetch commands in-process (the same functions the CLI calls)", () => {
  test("meta lists the variables, code lists and limits", async () => {
    server = await replay(TAB638_ROUTES);
    const text = await metaText("scb", "TAB638", { baseUrl: `${server.url}/api/v2/`, cacheDir: temp() });
    const lines = text.split("\n");
    expect(lines[0]).toBe("TAB638: Folkmängden efter region, civilstånd, ålder och kön.  År 1968-2024");
    expect(lines).toContain("  Tid (år; 57 values; time, required): 1968, 1969, 1970, 1971, 1972, 1973, … 2024");
    expect(text).toContain("vs_RegionKommun07");
    expect(text).toContain("limits: at most 150\u00a0000 cells per call, 30 calls per 10 s");
  });

  test("a split selection: a progress line, the whole table in --out (.csv, .json, .xlsx), no temporary files left", async () => {
    server = await replay(syntheticTab638(1000));
    const folder = temp();
    const api = { baseUrl: `${server.url}/api/v2/`, cacheDir: join(folder, "cache") };
    const selection = { Region: "2021", Civilstand: "*", Alder: "*", Kon: "*", ContentsCode: "*", Tid: "top(2)" };
    const progress: string[] = [];
    const csv = join(folder, "vansbro.csv");
    await fetchTableText("scb", "TAB638", { ...api, selection, file: csv, onProgress: (line) => progress.push(line) });
    // 1 × 4 × 102 × 2 × 2 × 2 = 3264 cells; Alder cut to ⌊1000 / 32⌋ = 31 values → ⌈102/31⌉ = 4 calls
    expect(progress[0]).toBe("TAB638: 3\u00a0264 cells, more than the 1\u00a0000 one call may hold: 4 calls");
    expect(progress.at(-1)).toMatch(/^TAB638: 4\/4 calls in \d+,\d s$/);
    const lines = readFileSync(csv, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(3265);
    expect(lines[0]).toBe(
      "region,region_name,civilstånd,civilstånd_name,age,age_name,sex,sex_name,contents,contents_name,year,value",
    );
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const json = join(folder, "vansbro.json");
    await fetchTableText("scb", "TAB638", { ...api, selection, file: json, offline: true });
    const parsed = JSON.parse(readFileSync(json, "utf8")) as { provenance: Record<string, string>; rows: unknown[] };
    expect(parsed.rows).toHaveLength(3264);
    expect(parsed.provenance.tableId).toBe("TAB638");

    const xlsx = join(folder, "vansbro.xlsx");
    await fetchTableText("scb", "TAB638", { ...api, selection, file: xlsx, offline: true });
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("TAB638");
    expect(sheet.getRow(1).getCell(1).value).toBe("region");
    expect(sheet.getRow(2).getCell(1).value).toBe("2021");
    expect(sheet.rowCount).toBeGreaterThanOrEqual(3265);
    expect(readdirSync(folder).sort()).toEqual(["cache", "vansbro.csv", "vansbro.json", "vansbro.xlsx"]);
  });

  test("the CLI's selection: --select and --codelist", () => {
    expect(selectionOf(["Region=2021,2023", "Tid=top(3)"], ["Region=vs_RegionKommun07"])).toEqual({
      Region: { codes: "2021,2023", codelist: "vs_RegionKommun07" },
      Tid: "top(3)",
    });
    expect(() => selectionOf(["Region"])).toThrow('--select expects VARIABLE=CODES, got "Region"');
  });
});
