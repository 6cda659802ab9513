import { describe, expect, test } from "vitest";
import { splitRows } from "../../src/io/csv/tokenize.ts";
import { readBytes } from "../../src/io/read.ts";
import type { Table } from "../../src/table/table.ts";
import { fixtureBytes, one } from "../helpers.ts";
import { encodeCp1252 } from "./fuzz/encode.ts";

const bilinnehav = fixtureBytes("scb/Cawke99-Dalarna__bilinnehav_2.csv");
const panel = fixtureBytes("tf/no-regions-2003-2016.csv");
const lagostra = fixtureBytes("ssb/Lagostra-population-center__data__befolkning.csv");

/** Writes the cells of `text` again with `delimiter`, quoting every cell (`all`) or only those that need it. */
function rewrite(text: string, from: string, delimiter: string, all: boolean, eol = "\n"): string {
  const needs = (c: string) => c.includes(delimiter) || c.includes('"') || /[\r\n]/.test(c);
  return (
    splitRows(text, from)
      .map((r) =>
        r.cells.map((c, k) => (all || r.quoted[k] || needs(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter),
      )
      .join(eol) + eol
  );
}

function sameTable(a: Table, b: Table): void {
  expect(a.columnNames).toEqual(b.columnNames);
  expect(a.toRows()).toEqual(b.toRows());
}

describe("Excel's quote-all re-save reads as the clean file", () => {
  test("Telemarksforsking's panel: codes, shares and counts keep their types (Østfold 2003: 255 122, 0.61 %)", () => {
    const quoted = rewrite(panel.toString("utf8"), ",", ",", true);
    expect(quoted.split("\n")[1]).toBe(
      '"Fylke","1","Østfold","Østfold","0","2003","255122","0.61","0.02","0.25","75780","-2.38"',
    );
    const t = readBytes(quoted, { file: "panel.csv" });
    sameTable(t, readBytes(panel, { file: "panel.csv" }));
    expect(t.numbers("population").get(0)).toBe(255122);
    expect(t.numbers("population_growth_pct").get(0)).toBe(0.61);
  });

  test("SCB's Dalarna (;, '-' for none): the 'Total' row is checked and dropped as in the clean file", () => {
    const quoted = rewrite(bilinnehav.toString("latin1"), ";", ";", true);
    expect(quoted).toContain('"Total";"160681";"103501";"19418";"3535";"1166";"9"');
    const clean = readBytes(bilinnehav, { file: "bilinnehav.csv" });
    const t = readBytes(quoted, { file: "bilinnehav.csv" });
    sameTable(t, clean);
    expect(t.numRows).toBe(15);
    expect(t.warnings).toEqual(clean.warnings);
    expect(t.warnings.join()).toMatch(/total row \("Total"\) was left out: it was checked/);
  });
});

describe("a column of only dashes is a number column with no number known", () => {
  // the last column of Dalarna's file with every cell "-" (SCB: nothing), once as "-" and once as the en dash
  const onlyDashes = bilinnehav.toString("latin1").replace(/;[0-9-]+(?=\r?\n|$)/g, ";-");
  test.each([
    ["hyphen", "-"],
    ["en dash (Windows-1252 0x96)", "–"],
  ])("%s: a measure of nulls with the dash as status, not a dimension", (_, dash) => {
    const cp1252 = encodeCp1252(onlyDashes.replaceAll(";-", `;${dash}`))!;
    expect(cp1252.includes(dash === "–" ? 0x96 : 0x2d)).toBe(true);
    const t = readBytes(cp1252, { file: "bilinnehav.csv" });
    const column = "Har 10 eller fler personbilar i trafik";
    expect(t.schema.find((f) => f.name === column)?.role).toBe("measure");
    expect(t.numRows).toBe(15);
    expect(one(t, { region: "2080" }, column)).toBeNull();
    expect(one(t, { region: "2080" }, `${column}_status`)).toBe(dash);
    // the other columns are as in the clean file: Falun has 20 500 households with one car
    expect(one(t, { region: "2080" }, "Har 1 personbil i trafik")).toBe(20500);
  });
});

describe("the delimiter swapped", () => {
  test("SSB's Lagostra (;, decimal comma) saved with commas: '\"0,6\"' is quoted for its comma and stays a number", () => {
    const text = new TextDecoder().decode(lagostra).replace(/^\ufeff/, "");
    const commas = rewrite(text, ";", ",", false, "\r");
    expect(commas).toContain('Heile landet,5295619,5328212,"0,6",');
    const t = readBytes(commas, { file: "befolkning.csv" });
    sameTable(t, readBytes(lagostra, { file: "befolkning.csv" }));
    expect(t.columnNames).not.toContain("increase 2018-2019");
  });
});
