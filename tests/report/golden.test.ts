import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { buildReport } from "../../src/report/pipelines/report.ts";
import { reportData } from "../../src/report/report-data.ts";

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
const update = process.env.UPDATE_GOLDEN === "1";

/** Compares with a stored golden file; UPDATE_GOLDEN=1 rewrites it, and a missing one fails. */
function matchGolden(name: string, actual: string): void {
  const path = golden(name);
  if (update) writeFileSync(path, actual);
  expect(existsSync(path), `${name} has no golden file (run with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const SVG = /<svg\b[\s\S]*?<\/svg>/g;

/**
 * The page with each inline chart replaced by a numbered placeholder: the golden holds the words, tables, sources and
 * layout, and the charts' own goldens (tests/charts) their drawing.
 */
function withoutCharts(html: string): string {
  let k = 0;
  return html.replace(SVG, () => `<svg data-chart="${++k}"/>`);
}

/** The report of a region from data files, dated so that the page is the same on every run. */
async function report(paths: string[], region: string) {
  const { data } = reportData(readDatasets(paths), region);
  return buildReport(data, { region }, new Date("2026-01-01T00:00:00Z"));
}

describe("the report's HTML against its golden files", { timeout: 600_000 }, () => {
  test.each([
    ["vansbro-2021.html", ["data/scb"], "2021"],
    ["trysil-3421.html", ["data/ssb", "data/tf"], "3421"],
  ])("%s", async (name, paths, region) => {
    const built = await report(paths, region);
    const html = built.html;
    // every chart is one whole inline SVG with its size, one per chart of the sections
    const svgs = html.match(SVG) ?? [];
    expect(svgs).toHaveLength(built.sections.reduce((n, s) => n + s.charts.length, 0));
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg[^>]*\bwidth="\d+(\.\d+)?"[^>]*\bheight="\d+(\.\d+)?"/);
      expect(svg).toMatch(/viewBox="[\d. -]+"/);
      expect((svg.match(/<svg\b/g) ?? []).length).toBe(1);
    }
    expect(html).toContain("2026-01-01</footer>");
    matchGolden(name, withoutCharts(html));
  });
});
