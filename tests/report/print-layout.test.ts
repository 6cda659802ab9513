import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { buildReport } from "../../src/report/pipelines/report.ts";
import { reportData } from "../../src/report/report-data.ts";
import { A4_PRINT_WIDTH, chromium, withBrowser } from "./browser.ts";

/** Every table's header cells: the table's section, the text and the right edge, with the page's width. */
interface Heads {
  width: number;
  cells: { section: string; text: string; left: number; right: number }[];
}

describe.skipIf(!chromium)(
  `Trysil's report as printed${chromium ? "" : " (skipped: no Chromium; .ci/run installs Debian's chromium)"}`,
  { timeout: 600_000 },
  () => {
    let path: string;
    beforeAll(async () => {
      const { data } = reportData(readDatasets(["data/ssb", "data/tf"]), "3421");
      const { html } = await buildReport(data, { region: "3421" }, new Date("2026-01-01"));
      path = join(mkdtempSync(join(tmpdir(), "omvarld-print-")), "report.html");
      writeFileSync(path, html);
    }, 600_000);

    test("every header cell of every table, the attractiveness table's eight terms too, lies within an A4 page's print width", async () => {
      const heads = await withBrowser(async (browser) => {
        // the page as Chromium lays it out for print: print media at the printable width of A4 with the @page margins
        const page = await browser.newPage({ viewport: { width: A4_PRINT_WIDTH, height: 1100 } });
        await page.emulateMedia({ media: "print" });
        await page.goto(pathToFileURL(path).href);
        const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        return page.evaluate((): Heads => {
          const cells = [...document.querySelectorAll("th")].map((th) => {
            const r = th.getBoundingClientRect();
            return {
              section: th.closest("section")?.id ?? "",
              text: (th.textContent ?? "").replaceAll("\u00ad", ""),
              left: r.left,
              right: r.right,
            };
          });
          return { width: document.documentElement.clientWidth, cells };
        });
      });
      expect(heads.width).toBe(A4_PRINT_WIDTH);
      const attractiveness = heads.cells.filter((c) => c.section === "attractiveness").map((c) => c.text);
      // the year, the growth and its eight terms (Telemarksforsking's decomposition, docs/methods.md §2)
      expect(attractiveness).toEqual([
        "År",
        "Faktisk vekst",
        "Fødselsoverskudd",
        "Innvandringsbidrag",
        "Konstantledd",
        "Egen arbeidsplassvekst",
        "Nabovekst",
        "Størrelse",
        "Arbeidsmarkedsintegrasjon",
        "Attraktivitet",
      ]);
      const outside = heads.cells.filter((c) => c.left < 0 || c.right > heads.width + 0.5);
      expect(outside).toEqual([]);
    });
  },
);
