import { describe, expect, test } from "vitest";
import { readBytes } from "../../src/io/read.ts";
import type { Table } from "../../src/table/table.ts";
import { failure, fixtureBytes, one, total } from "../helpers.ts";

const befolkning = fixtureBytes("scb/anderssundell-stathelp__data__befolkning.csv");
const lagostra = fixtureBytes("ssb/Lagostra-population-center__data__befolkning.csv");

/** Groups the digits of every integer of four or more digits that stands alone in a cell, below the header line. */
function group(text: string, mark: string, delimiter: string): string {
  const cell = new RegExp(`([${delimiter}\\r\\n])(\\d{4,})(?=[${delimiter}\\r\\n]|$)`, "g");
  const headerEnd = text.search(/[\r\n]/);
  const body = text
    .slice(headerEnd)
    .replace(cell, (_, before: string, digits: string) => before + digits.replace(/\B(?=(\d{3})+$)/g, mark));
  return text.slice(0, headerEnd) + body;
}

function sameValues(a: Table, b: Table): void {
  expect(a.numRows).toBe(b.numRows);
  expect(a.toRows()).toEqual(b.toRows());
}

describe("numbers with thousands separators", () => {
  const original = readBytes(lagostra, { file: "befolkning.csv" });

  test.each([
    ["a space", " "],
    ["a no-break space (U+00A0)", "\u00a0"],
    ["a narrow no-break space (U+202F)", "\u202f"],
  ])("SSB statbank (Excel, `;`, decimal comma) grouped by %s: the same values", (_, mark) => {
    const text = group(lagostra.toString("utf8"), mark, ";");
    expect(text).toContain(`Heile landet;5${mark}295${mark}619;5${mark}328${mark}212;0,6;`);
    const t = readBytes(text, { file: "befolkning.csv" });
    sameValues(t, original);
    expect(one(t, { region: "0428", year: 2019 })).toBe(6607);
  });

  test("grouped by points with decimal comma (1.234.567,8): the same values", () => {
    const text = group(lagostra.toString("utf8"), ".", ";");
    expect(text).toContain("Heile landet;5.295.619;5.328.212;0,6;");
    sameValues(readBytes(text, { file: "befolkning.csv" }), original);
  });

  test("SCB's kommuner with points as thousands separators: ambiguous, refused, then read with decimalComma", () => {
    // no kommun has a million inhabitants, so every cell reads as 44.605 or 44605
    const text = group(befolkning.toString("latin1"), ".", ",").replaceAll(",", ";");
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.code).toBe("PARSE");
    expect([error.line, error.column]).toEqual([2, 2]);
    expect(error.message).toBe(
      'column "2017" is ambiguous: "44.605" may be 44.605 or 44605, and no cell of the column settles whether "." is the decimal mark or groups thousands',
    );
    expect(error.hint).toMatch(/decimalComma: false if the point is the decimal mark, true if it groups thousands/);
    const t = readBytes(text, { file: "befolkning.csv", decimalComma: true });
    expect(total(t)).toBe(10_120_242);
    expect(one(t, { region: "2021" })).toBe(6837);
  });

  test('SCB\'s wages in a comma-delimited file grouped by points ("15.500" beside ".."): refused, not read as 15.5', () => {
    // a comma delimiter says nothing about the point: the file may still group thousands with it
    const wages = fixtureBytes("scb/MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv");
    const text = group(wages.toString("latin1"), ".", ",");
    expect(text).toContain('"kvinnor",..,..,..,..,15.500,16.500,');
    const error = failure(() => readBytes(text, { file: "AM0112C1.csv" }));
    expect(error.code).toBe("PARSE");
    expect(error.message).toMatch(/^column "1991" is ambiguous: "13.200" may be 13.200 or 13200/);
    expect([error.line, error.column]).toEqual([2, 3]);
    const t = readBytes(text, { file: "AM0112C1.csv", decimalComma: true });
    sameValues(t, readBytes(wages, { file: "AM0112C1.csv" }));
    expect(
      one(t, { sex: "kvinnor", year: 1995, "Utbildningsnivå SUN 2000": "eftergymnasial utbildning kortare än två år" }),
    ).toBe(15500);
  });

  test('a point with other than three digits after it settles the column: "1234.5" and "15.500" read as decimals', () => {
    const t = readBytes("region,2020\n0114,15.500\n0115,1234.5\n", { file: "x.csv" });
    expect(one(t, { region: "0114" })).toBe(15.5);
    expect(one(t, { region: "0115" })).toBe(1234.5);
  });

  test("a column that groups some numbers and not others is refused at the cell", () => {
    const text = lagostra.toString("utf8").replace("0428 Trysil;6567;6607;", "0428 Trysil;6\u00a0567;6607;");
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.code).toBe("PARSE");
    expect(error.message).toBe('column "2018" mixes number formats: found "6\u00a0567" after "5295619" at line 3');
    expect([error.line, error.column]).toEqual([text.slice(0, text.indexOf("0428 Trysil")).split("\r").length, 2]);
  });
});

describe("a tidy panel grouped as a Norwegian spreadsheet writes it (255.122 beside 200)", () => {
  // Telemarksforsking's panel: population, private jobs and codes are integers, the shares have decimal points
  const panel = fixtureBytes("tf/no-regions-2003-2016.csv").toString("utf8");
  const lines = panel.split("\n").filter((l) => l !== "");
  const original = readBytes(panel, { file: "panel.csv" });
  const YEAR = 5;
  const POPULATION = 6;
  const JOBS = 10;

  interface Rewrite {
    /** Group every integer from 1000 up by points, except in the year column (or only in the columns `only`). */
    group?: boolean;
    only?: number[];
    /** "comma": the shares with a decimal comma (quoted, as the delimiter is a comma); "point": as they are. */
    decimals?: "comma" | "point";
    /** The columns kept, the rows kept, and their order. */
    columns?: number[];
    rows?: (cells: string[]) => boolean;
    order?: (a: string[], b: string[]) => number;
  }

  /** The panel rewritten: its lines are split at commas (no cell of it is quoted). */
  function rewrite({ group = true, only, decimals = "point", columns, rows, order }: Rewrite): string {
    let body = lines.slice(1).map((l) => l.split(","));
    if (rows) body = body.filter(rows);
    if (order) body = [...body].sort(order);
    const cell = (text: string, j: number) => {
      if (group && j !== YEAR && (only === undefined || only.includes(j)) && /^-?\d{4,}$/.test(text))
        return text.replace(/\B(?=(\d{3})+$)/g, ".");
      return decimals === "comma" && /^-?\d+\.\d+$/.test(text) ? `"${text.replace(".", ",")}"` : text;
    };
    const keep = (cells: string[]) => (columns ? columns.map((j) => cells[j]!) : cells);
    const header = keep(lines[0]!.split(","));
    return `${[header, ...body.map((cells) => keep(cells.map(cell)))].map((c) => c.join(",")).join("\n")}\n`;
  }

  test("with decimal commas elsewhere: the same values as the original", () => {
    const text = rewrite({ decimals: "comma" });
    expect(text.split("\n")[1]).toBe('Fylke,1,Østfold,Østfold,0,2003,255.122,"0,61","0,02","0,25",75.780,"-2,38"');
    const t = readBytes(text, { file: "panel.csv" });
    sameValues(t, original);
    expect(t.warnings).toEqual(original.warnings);
    expect(one(t, { name: "Rømskog", year: 2003 }, "population")).toBe(658);
  });

  test("with decimal points elsewhere: refused, naming both readings and the column that uses the point as decimal", () => {
    // before, "255.122" was read as 255.122 on the strength of "0.61" in another column
    const error = failure(() => readBytes(rewrite({}), { file: "panel.csv" }));
    expect(error.code).toBe("PARSE");
    // "code" is the first number column: Halden's "1.001" at line 176, beside "1" (Østfold) at line 2
    expect([error.line, error.column]).toEqual([176, 2]);
    expect(error.message).toBe(
      'column "code" is ambiguous: "1.001" may be 1.001 or 1001; its cells with a "." all have three digits after it, beside whole numbers such as "1" (as when "." groups thousands), but column "population_growth_pct" ("0.61" at line 2) uses "." as the decimal mark',
    );
    expect(error.hint).toMatch(
      /^pass decimalComma: false if "\." is the decimal mark here too; if it groups thousands/,
    );
  });

  test("integers only: read as grouped where a cell keeps a trailing zero, with a warning", () => {
    // level, name, county (two kommuner are named Våler), year, population, private jobs
    const columns = [0, 2, 3, YEAR, POPULATION, JOBS];
    const t = readBytes(rewrite({ columns }), { file: "panel.csv" });
    sameValues(t, readBytes(rewrite({ columns, group: false }), { file: "plain.csv" }));
    expect(one(t, { name: "Østfold", year: 2003 }, "population")).toBe(255_122);
    expect(one(t, { name: "Østfold", year: 2003 }, "private_jobs")).toBe(75_780);
    expect(one(t, { name: "Rømskog", year: 2003 }, "population")).toBe(658);
    expect(t.warnings).toContain(
      '"." is read as a thousands separator in columns "population", "private_jobs" ("255.122" as 255122): whole numbers such as "658" are written without it, and "385.020" keeps a trailing zero no decimal would have (pass decimalComma: false if "." is the decimal mark)',
    );
  });

  test("integers only, no trailing zero: refused, naming the whole numbers that suggest grouping", () => {
    // the rows whose population, if 1000 or more, does not end in 0
    const rows = (c: string[]) => Number(c[POPULATION]) < 1000 || !c[POPULATION]!.endsWith("0");
    const text = rewrite({ columns: [0, 2, 3, YEAR, POPULATION], rows });
    const error = failure(() => readBytes(text, { file: "panel.csv" }));
    expect(error.message).toBe(
      'column "population" is ambiguous: "255.122" may be 255.122 or 255122; whole numbers such as "658" beside it suggest that "." groups thousands, but no cell settles it',
    );
    expect([error.line, error.column]).toEqual([2, 5]);
    const t = readBytes(text, { file: "panel.csv", decimalComma: true });
    expect(one(t, { name: "Østfold", year: 2003 }, "population")).toBe(255_122);
  });

  test("a mark first seen after the sample: settled by the file's decimal comma, refused beside decimal points", () => {
    // sorted by private jobs, the first 2 829 rows (more than the 2 000 the format is detected on) are below 1000
    const order = (a: string[], b: string[]) => Number(a[JOBS]) - Number(b[JOBS]);
    const sorted = readBytes(rewrite({ group: false, order }), { file: "sorted.csv" });
    const comma = readBytes(rewrite({ only: [JOBS], decimals: "comma", order }), { file: "sorted.csv" });
    sameValues(comma, sorted);
    const error = failure(() => readBytes(rewrite({ only: [JOBS], order }), { file: "sorted.csv" }));
    expect([error.line, error.column]).toEqual([2831, 11]);
    expect(error.message).toBe(
      'column "private_jobs" holds "1.000", which reads as 1.000 or 1000: the rows before it do not show whether "." groups thousands in this column, and the file\'s other columns use "." as the decimal mark',
    );
  });
});

describe("quoted numbers", () => {
  test("a writer that quotes every cell: the same values as SCB's file", () => {
    const text = befolkning.toString("latin1").replace(/,(\d+)\r\n/g, ',"$1"\r\n');
    expect(text).toContain('"2021 Vansbro","6837"');
    const t = readBytes(text, { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(one(t, { region: "2021" })).toBe(6837);
  });

  test('quoted and grouped with a comma ("1,234") in a comma-delimited file', () => {
    const text = befolkning
      .toString("latin1")
      .replace(/,(\d+)\r\n/g, (_, d: string) => `,"${d.replace(/\B(?=(\d{3})+$)/g, ",")}"\r\n`);
    expect(text).toContain('"2021 Vansbro","6,837"');
    // "6,837" alone could be 6.837; the other cells ("44,605", "962,154"?) are all of the same shape, so it is refused
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.message).toMatch(/is ambiguous: "44,605" may be 44\.605 or 44605/);
    const t = readBytes(text, { file: "befolkning.csv", decimalComma: false });
    expect(total(t)).toBe(10_120_242);
  });
});

describe("over-long numbers", () => {
  test("400 digits: an error naming the cell, never Infinity", () => {
    const text = befolkning.toString("latin1").replace('"2021 Vansbro",6837', `"2021 Vansbro",6837${"0".repeat(400)}`);
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.code).toBe("PARSE");
    expect([error.line, error.column]).toEqual([223, 2]);
    expect(error.message).toBe(
      'column "2017" holds a number too large to read ("683700000000000000000000… (404 characters)", 404 digits)',
    );
  });

  test("one line of five million digits ends in the same error", () => {
    const text = befolkning
      .toString("latin1")
      .replace('"2021 Vansbro",6837', `"2021 Vansbro",${"9".repeat(5_000_000)}`);
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect([error.line, error.column]).toEqual([223, 2]);
    expect(error.message).toMatch(/too large to read .*5000000 digits/);
  });
});
