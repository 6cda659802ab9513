import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { formatTable, formatTableHTML, Table } from "../../src/index.ts";
import { formatNumber } from "../../src/table/display.ts";
import { readFixture } from "../helpers.ts";

// SSB table 14216 as a PX file: Oslo's area (km², two decimals) and population, 2025 and 2024
const OSLO = "ssb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__14216.px";
// SCB AM0112C1 (wages by education, Swedish UI, Latin-1) with ".." for the years a level was not published
const WAGES = "scb/MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv";
const OSLO_SOURCE =
  "Source: Statistisk sentralbyrå, 14216: Areal og befolkning i tettsteder, etter tettsted, statistikkvariabel og år (km²); " +
  "file PxTools-PCAxis.Serializers__UnitTests__TestFiles__14216.px (px)";

describe("a table as text", () => {
  it("shows a small real table whole: types under the names, numbers aligned on the decimal point", () => {
    // the PX file's DATA block is "275.87 276.30 1110887.00 1098061.00"
    expect(formatTable(readFixture(OSLO))).toBe(
      [
        "Table: 4 rows × 6 columns",
        OSLO_SOURCE,
        "   tettsted  tettsted_name  contents  contents_name              year       value",
        "   string    string         string    string                   number      number",
        "0  0801      Oslo           Areal     Areal av tettsted (km²)    2025      275.87",
        "1  0801      Oslo           Areal     Areal av tettsted (km²)    2024      276.3",
        "2  0801      Oslo           Bosatte   Bosatte                    2025  1110887",
        "3  0801      Oslo           Bosatte   Bosatte                    2024  1098061",
      ].join("\n"),
    );
  });

  it("with a locale: its decimal mark, grouping in measures only (a year stays 2025)", () => {
    const text = formatTable(readFixture(OSLO).select("year", "value"), { locale: "nb-NO" });
    expect(text.split("\n").slice(2)).toEqual([
      "     year         value",
      "   number        number",
      "0    2025        275,87",
      "1    2024        276,3",
      "2    2025  1\u00a0110\u00a0887",
      "3    2024  1\u00a0098\u00a0061",
    ]);
  });

  it("shows a long table as head … tail, with missing values as · and long labels cut", () => {
    // 1994 in the file: 12 rows; the four eftergymnasial rows are ".." until 1995
    expect(formatTable(readFixture(WAGES).filter({ year: 1994 }))).toBe(
      [
        "Table: 12 rows × 5 columns",
        "Source: file MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv (csv)",
        "    Utbildningsnivå SUN 2000        sex        year   value  status",
        "    string                          string   number  number  string",
        " 0  förgymnasial utbildning korta…  män        1994   14900  ·",
        " 1  förgymnasial utbildning korta…  kvinnor    1994   12800  ·",
        " 2  förgymnasial utbildning 9 (10…  män        1994   14900  ·",
        " 3  förgymnasial utbildning 9 (10…  kvinnor    1994   13200  ·",
        " 4  gymnasial utbildning            män        1994   15800  ·",
        "… 2 more rows",
        " 7  eftergymnasial utbildning kor…  kvinnor    1994       ·  ..",
        " 8  eftergymnasial utbildning två…  män        1994       ·  ..",
        " 9  eftergymnasial utbildning två…  kvinnor    1994       ·  ..",
        "10  forskarutbildning               män        1994   28400  ·",
        "11  forskarutbildning               kvinnor    1994   24200  ·",
      ].join("\n"),
    );
  });

  it("print(n) shows n rows: the first ⌈n/2⌉ and the last ⌊n/2⌋ of the 300", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      readFixture(WAGES).print(3);
      const lines = String(log.mock.calls[0]![0]).split("\n");
      expect(lines[0]).toBe("Table: 300 rows × 5 columns");
      expect(lines.slice(4)).toEqual([
        "  0  förgymnasial utbildning korta…  män        1991   13200  ·",
        "  1  förgymnasial utbildning korta…  kvinnor    1991   11700  ·",
        "… 297 more rows",
        "299  forskarutbildning               kvinnor    2015   46900  ·",
      ]);
    } finally {
      log.mockRestore();
    }
  });

  it("leaves out middle columns that do not fit, as one … column, and names them", () => {
    const px = readFixture("scb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__BE0101N1.px");
    const lines = formatTable(px, { rows: 1 }).split("\n");
    expect(lines[2]).toBe(
      "   region  region_name     civilstånd  civilstånd_name  age     …  sex_name  contents  contents_name    year   value",
    );
    expect(lines[4]).toBe(
      "0  0114    Upplands Väsby  OG          ogifta           45-54   …  män       BE0101N1  Folkmängd        2020    1054",
    );
    expect(lines.at(-1)).toBe("… 2 more columns: age_name, sex");
    for (const line of lines.slice(2, 5)) expect([...line].length).toBeLessThanOrEqual(120);
  });

  it("is what console.log, String() and util.inspect show; nested past the depth limit, one line", () => {
    const table = readFixture(OSLO);
    expect(String(table)).toBe(formatTable(table));
    expect(inspect(table)).toBe(formatTable(table));
    expect(inspect({ t: table }, { depth: 0 })).toBe("{ t: [Table 4 × 6] }");
  });

  it("formats numbers: at most 6 decimals, exponents for the very large and small, ASCII minus", () => {
    expect(formatNumber(1 / 3)).toBe("0.333333");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-2.5e-9)).toBe("-2.5e-9");
    expect(formatNumber(-1234.5, "sv-SE", true)).toBe("-1\u00a0234,5");
    expect(formatNumber(2025, "sv-SE")).toBe("2025");
  });
});

describe("a table in a notebook", () => {
  it("gives Deno's Jupyter kernel an HTML table and the text", () => {
    const table = readFixture(OSLO);
    const display = (table as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for("Jupyter.display")]!;
    const bundle = display.call(table);
    expect(Object.keys(bundle).sort()).toEqual(["text/html", "text/plain"]);
    expect(bundle["text/plain"]).toBe(formatTable(table));
    expect(bundle["text/html"]).toContain('<td style="text-align:right">1110887</td>');
    expect(bundle["text/html"]).toContain("<caption");
  });

  it("inside the tslab kernel, the inspect hook shows the HTML table through tslab's display and prints nothing", () => {
    const shown: string[] = [];
    const argv = process.argv;
    vi.stubEnv("JPY_PARENT_PID", "1");
    process.argv = [argv[0]!, "/usr/lib/node_modules/tslab/bin/tslab", "kernel"];
    Object.defineProperty(process, "mainModule", {
      value: {
        require: (id: string) => (id === "tslab" ? { display: { html: (s: string) => shown.push(s) } } : undefined),
      },
      configurable: true,
    });
    try {
      const table = readFixture(OSLO);
      expect(inspect(table)).toBe("");
      expect(shown).toEqual([formatTableHTML(table)]);
    } finally {
      process.argv = argv;
      vi.unstubAllEnvs();
      Reflect.deleteProperty(process, "mainModule");
    }
    expect(inspect(Table.fromRows([{ a: 1 }]))).toBe("Table: 1 row × 1 column\n        a\n   number\n0       1");
  });

  it("escapes labels in HTML", () => {
    const table = Table.fromRows([{ "a<b": "<script>alert('x')</script>", "x&y": 'Sámi "Deanu"', value: null }]);
    const html = formatTableHTML(table);
    expect(html).toContain("<th>a&#60;b</th><th>x&#38;y</th>");
    expect(html).toContain("<td>&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;</td><td>Sámi &#34;Deanu&#34;</td>");
    expect(html).toContain('<td style="text-align:right">·</td>');
    expect(html).not.toContain("<script>");
  });

  it("shows head and tail rows of a long table in HTML with the hidden count", () => {
    const html = formatTableHTML(readFixture(WAGES), { rows: 2 });
    expect(html).toContain('<tr><td colspan="6">… 298 more rows</td></tr>');
    expect(html).toContain("<tr><th>299</th><td>forskarutbildning</td><td>kvinnor</td>");
    expect(html).toContain("<p>300 rows × 5 columns</p>");
  });
});
