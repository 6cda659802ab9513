import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test, vi } from "vitest";
import { run as annexCommand } from "../../src/cli/annex.ts";
import { run as attractivenessCommand } from "../../src/cli/attractiveness.ts";
import { run as indicatorsCommand } from "../../src/cli/indicators.ts";
import { run as inspectCommand } from "../../src/cli/inspect.ts";
import { run as reportCommand } from "../../src/cli/report.ts";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { read } from "../../src/io/node.ts";
import { readUnitCosts } from "../../src/report/annex/costs-file.ts";
import { annexPipeline } from "../../src/report/pipelines/annex.ts";
import { attractivenessAnalysis, attractivenessText } from "../../src/report/pipelines/attractiveness.ts";
import { migrationCountsOf } from "../../src/report/pipelines/attractiveness-node.ts";
import { indicatorsText } from "../../src/report/pipelines/indicators.ts";
import { inspectText } from "../../src/report/pipelines/inspect.ts";
import { buildReport } from "../../src/report/pipelines/report.ts";
import { loadReportData } from "../../src/report/pipelines/report-node.ts";
import { formatNumber } from "../../src/charts/locale.ts";
import { excelCsv } from "../../src/report/workbook.ts";
import type { Table } from "../../src/table/table.ts";

// Each command is run in this process (its module's `run`, as main.ts calls it) and compared with the library calls
// a script or a notebook makes: the same output.
const data = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));

/** What a command prints on standard output. */
async function printed(
  command: (argv: readonly string[]) => number | Promise<number>,
  argv: string[],
): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    expect(await command(argv)).toBe(0);
  } finally {
    spy.mockRestore();
    errors.mockRestore();
  }
  return lines.join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("each command is its library call", () => {
  test("inspect: inspectText(read(file)), counts in the locale's format", async () => {
    const file = data("ssb/erleholgersen-elections-norway__folketall.csv");
    const text = inspectText(read(file), { file, locale: "en" });
    expect(await printed(inspectCommand, [file, "--lang", "en"])).toBe(text);
    expect(await printed(inspectCommand, [file, "--json"])).toBe(inspectText(read(file), { file, json: true }));
    // SSB's 27 regions × 65 years × 5 variables, less what is missing: 8 775 rows, grouped as formatNumber groups them
    const rows = (JSON.parse(inspectText(read(file), { json: true })) as { rows: number }).rows;
    expect(rows).toBe(8775);
    expect(text).toContain("rows:       8,775\n");
    expect(await printed(inspectCommand, [file])).toContain(`rows:       ${formatNumber(rows, "sv")}\n`);
    expect(await printed(inspectCommand, [file, "--lang", "nb"])).toContain("rows:       8\u00a0775\n");
  });

  test("attractiveness: attractivenessText(attractivenessAnalysis(panel)), text and JSON", async () => {
    const file = data("tf/no-regions-2003-2016.csv");
    const analysis = attractivenessAnalysis(read(file), {
      level: "kommune",
      from: 2007,
      to: 2016,
      minPopulation: 1000,
    });
    const text = await printed(attractivenessCommand, [file]);
    expect(text).toBe(attractivenessText(analysis));
    expect(await printed(attractivenessCommand, [file, "--json"])).toBe(attractivenessText(analysis, { json: true }));
    // Trysil's line in Swedish: its JSON row's residential mean to two decimals with a comma and a U+2212 minus
    const trysil = analysis.rows.find((r) => r.code === "0428")!;
    const sv = (x: number) => `${x < 0 ? "\u2212" : ""}${Math.abs(x).toFixed(2).replace(".", ",")}`;
    expect(text.split("\n").find((l) => l.includes(" 0428 "))).toContain(`  ${sv(trysil.residential!)}  `);
    expect(await printed(attractivenessCommand, [file, "--lang", "en"])).toBe(
      attractivenessText(analysis, { locale: "en" }),
    );
  });

  test("attractiveness --data: registered net migration from SSB's counts, final deaths before preliminary", async () => {
    const file = data("tf/no-regions-2003-2016.csv");
    const counts = [
      "p0810",
      "p1113",
      "p1416",
      "p1719",
      "b7221",
      "d0021-bag-jan-jun",
      "d0021-bag-jul-dec",
      "d8621-total",
    ].map((name) => data(`ssb/ikashnitsky-mun-non-surv__dat__no__no-${name}.csv`));
    const found = migrationCountsOf(counts);
    // SSB 08425 (final) first: 12983 (preliminary) only fills years 08425 lacks
    expect((found.deaths as Table[]).map((t) => t.provenance.tableId)).toEqual(["08425", "12983"]);
    const analysis = attractivenessAnalysis(read(file), { counts: found });
    const text = await printed(attractivenessCommand, [file, "--data", counts.join(",")]);
    expect(text).toBe(attractivenessText(analysis));
    const { registered, panel } = analysis.residential.dependent;
    expect(registered + panel).toBe(4260);
    expect(text.split("\n")[3]).toBe(
      `  nettoinflyttning: registrerad (folkmängd, födda, döda) i ${formatNumber(registered, "sv")} av 4\u00a0260 observationer; ` +
        `panelens egen i ${formatNumber(panel, "sv")}: de 114 kommuner som slogs samman och de 2 som delades mellan panelens ` +
        "indelning (2017) och registrets (2020), som inte kan delas upp utan vikter, och 2007, som registret saknar",
    );
    // --data with the fylke level: one line saying why
    await expect(
      printed(attractivenessCommand, [file, "--data", counts.join(","), "--level", "fylke"]),
    ).rejects.toThrow(/registered net migration for kommuner, not for the level "fylke"/);
  });

  test("indicators: indicatorsText(read(file, { where }))", async () => {
    const file = data("reat/G.counties.gdp.csv");
    const table = read(file, { where: { contents: "gdppc" } });
    expect(
      await printed(indicatorsCommand, [
        file,
        "--kind",
        "convergence",
        "--where",
        "contents=gdppc",
        "--from",
        "2000",
        "--to",
        "2014",
      ]),
    ).toBe(indicatorsText(table, { kind: "convergence", from: 2000, to: 2014 }));
    const text = indicatorsText(table, { kind: "convergence", from: 2000, to: 2014, locale: "en" });
    // β from 2000 to 2014: −0.0071 (the README), here in the text with six significant digits
    expect(text).toMatch(/β-convergence 2000-2014: from 2000, to 2014, beta -0\.0071\d*,/);
  });

  test("report: the page writeReport writes is buildReport's", async () => {
    const out = mkdtempSync(join(tmpdir(), "omvarld-pipeline-report-"));
    const file = data("tf/no-regions-2003-2016.csv");
    const [path] = (await printed(reportCommand, ["--data", file, "--region", "0428", "--out", out])).split("\n");
    expect(path).toBe(join(out, "report.html"));
    const { html, locale } = await buildReport(loadReportData([file], "0428").data, { region: "0428", peers: [] });
    expect(locale).toBe("nb"); // Telemarksforsking's Norwegian panel
    expect(readFileSync(path!, "utf8")).toBe(html);
  });

  test("annex: the CSV sheets written by the command are annexPipeline's sheets", async () => {
    const out = mkdtempSync(join(tmpdir(), "omvarld-pipeline-annex-"));
    const file = data("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
    const costs = data("costs/example-unit-costs.json");
    const paths = (
      await printed(annexCommand, [
        "--data",
        file,
        "--region",
        "SE312",
        "--compare",
        "SE31,SE",
        "--costs",
        costs,
        "--out",
        join(out, "a.xlsx"),
        "--csv",
      ])
    ).split("\n");
    const { sheets, projection } = annexPipeline(readDatasets([file]), {
      region: "SE312",
      compare: ["SE31", "SE"],
      costs: readUnitCosts(costs),
    });
    expect(projection).toBeUndefined();
    expect(paths).toHaveLength(1 + sheets.length);
    expect(paths.slice(1).map((p) => readFileSync(p, "utf8"))).toEqual(sheets.map((s) => excelCsv(s)));
  });
});
