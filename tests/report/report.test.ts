import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { writeReport } from "../../src/report/pipelines/report-node.ts";
import { chromium, withBrowser } from "./browser.ts";
import { projectAgeGroups } from "../../src/indicators/population/group-projection.ts";
import { formatNumber } from "../../src/charts/locale.ts";
import { fixture, readFixture } from "../helpers.ts";

const data = fileURLToPath(new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "omvarld-report-"));
const written = writeReport({
  data: [data],
  region: "0428",
  peers: [],
  locale: "sv",
  out,
  pdf: false,
  log: () => undefined,
});

describe("the HTML report", () => {
  test("self-contained: inline SVG, no scripts, nothing fetched; the key numbers and sources", async () => {
    const [path] = await written;
    const html = readFileSync(path!, "utf8");
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    // five charts and three maps of Hedmark's kommuner: population change, residential and business attractiveness
    expect(html.match(/<figure><svg/g)).toHaveLength(8);
    expect(
      html
        .match(/<svg[^>]*aria-label="Karta: [^"]*"/g)
        ?.map((m) => m.replace(/.*aria-label="Karta: ([^.]*)\..*/, "$1")),
    ).toEqual([
      "Hedmark: befolkningsförändring 2003–2016",
      "Hedmark: boendeattraktivitet 2007–2016",
      "Hedmark: näringslivsattraktivitet 2007–2016",
    ]);
    // Trysil 7 025 (2003) → 6 525 (2016), read from the panel: −7,1 %
    expect(html).toContain("Befolkningen i Trysil har minskat med 7,1 % sedan 2003 (från 7\u00a0025 till 6\u00a0525).");
    expect(html).toMatch(
      /Trysils boendeattraktivitet 2007–2016 var −0,25 procentenheter per år, plats 277 av 399 kommuner\./,
    );
    expect(html).toContain("Källa: Telemarksforsking / SSB");
    expect(html).not.toMatch(/−0,0\b/);
    // the sections missing in the order the report would show them
    expect(html).toMatch(
      /<h2>Avsnitt som saknas eftersom data saknas<\/h2><ul><li>Befolkningsframskrivning och försörjningskvot: inga data<\/li><li>Pendling: inga data<\/li>/,
    );
  });
});

describe("a report from commuting data", () => {
  test("SSB 11616 stocks give a commuting section; the other sections are listed as missing", async () => {
    const csv = [
      '"region";"år";"statistikkvariabel";"11616: Sysselsatte, pendling"',
      ...[
        ["Sysselsatte personer etter bosted", 14_262],
        ["Innpendlere", 3_054],
        ["Utpendlere", 4_193],
        ["Sysselsatte personer etter arbeidssted", 13_123],
      ].map(([label, v]) => `"3001 Halden";"2023";"${label}";${v}`),
    ].join("\n");
    const file = join(out, "11616.csv");
    writeFileSync(file, csv);
    const [path] = await writeReport({
      data: [file],
      region: "3001",
      peers: [],
      locale: "nb",
      out: join(out, "halden"),
      pdf: false,
      log: () => undefined,
    });
    const html = readFileSync(path!, "utf8");
    expect(html).toContain(
      "I 2023 pendlet 3\u00a0054 personer inn til Halden og 4\u00a0193 ut; pendlingsnettoen var −1\u00a0139.",
    );
    // one year is a table row, not a chart of one bar
    expect(html).not.toMatch(/<figure>/);
    expect(html).toContain("<tr><td>2023</td><td>3\u00a0054</td><td>4\u00a0193</td><td>−1\u00a0139</td></tr>");
    expect(html).toMatch(
      /<li>Befolkning: ingen data<\/li><li>Befolkningsframskriving og forsørgerbrøk: ingen data<\/li><li>Attraktivitet: ingen data<\/li><li>Arbeidsplasser: ingen data<\/li><li>Næringsliv: sysselsetting etter næring: ingen data<\/li><li>Produktivitet: ingen data<\/li>/,
    );
  });
});

describe("a report from Eurostat's population by age group and sex", () => {
  test("population, economy and projection sections: the sentences and tables agree with the data and projectAgeGroups", async () => {
    const file = fixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
    const gdp = fixture("eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv");
    // no --name: Sweden's NUTS 3 codes are named from the län they are
    const [path] = await writeReport({
      data: [file, gdp],
      region: "SE312",
      peers: [],
      locale: "sv",
      out: join(out, "dalarna"),
      pdf: false,
      log: () => undefined,
    });
    const html = readFileSync(path!, "utf8");
    const p = projectAgeGroups(
      readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv", {
        where: { region: "SE312", unit: "NR" },
      }),
      { region: "SE312", horizon: 2040 },
    );
    const y2040 = p.total.filter({ year: 2040 }).toRows()[0]!;
    const n = (v: unknown) => formatNumber(v as number, "sv");
    expect(html).toContain(
      `Om utvecklingen 2012–2022 håller i sig, växer befolkningen i Dalarnas län till ${n(y2040.population)} år 2040 (80 % intervall ${n(y2040.low)}–${n(y2040.high)}), från 288\u00a0387 år 2022.`,
    );
    // Eurostat's NUTS 3 regions have no kommun map: five charts
    expect(html.match(/<figure><svg/g)).toHaveLength(5);
    // Eurostat's totals: 280 575 on 1 January 2000, 288 387 in 2022: +2,8 %
    expect(html).toContain(
      `Befolkningen i Dalarnas län har ökat med ${formatNumber(100 * (288_387 / 280_575 - 1), "sv", 1)} % sedan 2000 (från 280\u00a0575 till 288\u00a0387).`,
    );
    // GDP per inhabitant, Eurostat EUR_HAB: Dalarna 37 300 and Sweden 46 400 in 2020, 26 600 and 32 100 in 2000
    expect(html).toContain(
      `BRP per invånare i Dalarnas län var ${formatNumber((100 * 37_300) / 46_400, "sv", 1)} % av rikets 2020 (${formatNumber((100 * 26_600) / 32_100, "sv", 1)} % 2000).`,
    );
    expect(html).toContain("<tr><td>2020</td><td>37\u00a0300</td><td>46\u00a0400</td><td>80,4</td></tr>");
    // the table's 2022 row: Eurostat's groups, and the dependency ratio (48 609 + 72 482) / 167 296 = 72,4
    expect(html).toContain(
      "<tr><td>2022</td><td>48\u00a0609</td><td>167\u00a0296</td><td>72\u00a0482</td><td>288\u00a0387</td>",
    );
    expect(html).toMatch(/<td>72,4<\/td><\/tr>/);
    expect(html).toMatch(/<li>Attraktivitet: inga data<\/li>/);
    // each Eurostat section names its dataset, from the file's name where the file has no id
    expect(html).toContain('<p class="source">Källa: Eurostat, demo_r_pjanaggr3</p>');
    expect(html).toContain('<p class="source">Källa: Eurostat, nama_10r_3gdp</p>');
    expect(html).not.toMatch(/<li>Befolkning: inga data<\/li>/);
  });
});

describe.skipIf(!chromium)(
  `the report in headless Chromium${chromium ? "" : " (skipped: no Chromium; .ci/run installs Debian's chromium)"}`,
  () => {
    test("loads with no console errors, and every chart is visible", async () => {
      const [path] = await written;
      await withBrowser(async (browser) => {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(pathToFileURL(path!).href);
        const boxes = await page.$$eval("figure svg", (svgs) =>
          svgs.map((s) => {
            const r = s.getBoundingClientRect();
            return [r.width, r.height];
          }),
        );
        expect(boxes).toHaveLength(8);
        for (const [width, height] of boxes) {
          expect(width).toBeGreaterThan(300);
          expect(height).toBeGreaterThan(150);
        }
        expect(errors).toEqual([]);
        await page.screenshot({ path: join(out, "report.png"), fullPage: false });
        expect(existsSync(join(out, "report.png"))).toBe(true);
        console.log(`screenshot: ${join(out, "report.png")}`);
      });
    });
  },
);
