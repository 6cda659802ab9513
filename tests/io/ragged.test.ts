import { describe, expect, test } from "vitest";
import { readBytes } from "../../src/io/read.ts";
import { failure, fixtureBytes, total } from "../helpers.ts";

const befolkning = fixtureBytes("scb/anderssundell-stathelp__data__befolkning.csv");
const lagostra = fixtureBytes("ssb/Lagostra-population-center__data__befolkning.csv");
const bilinnehav = fixtureBytes("scb/Cawke99-Dalarna__bilinnehav_2.csv");

describe("ragged rows", () => {
  test("an unquoted delimiter in a label adds a cell: an error naming the line and the expected count", () => {
    // Excel re-save, unquoted: "2021 Vansbro" becomes "2021 Vansbro; Dalarna"
    const text = bilinnehav.toString("latin1");
    const line = text.split("\n").findIndex((l) => l.startsWith("2021")) + 1;
    const cells = text.split("\n")[line - 1]!.split(";").length;
    const broken = text.replace(/^2021 ([^;]*);/m, "2021 $1; Dalarna;");
    const error = failure(() => readBytes(broken, { file: "bilinnehav.csv" }));
    expect(error.code).toBe("PARSE");
    expect(error.line).toBe(line);
    expect(error.message).toBe(`line ${line} has ${cells + 1} cells, expected ${cells} as in the header`);
    expect(error.hint).toMatch(/unquoted delimiter/);
  });

  test("a comma in a quoted SCB label is fine; the same comma unquoted after a number is an error", () => {
    const quoted = befolkning.toString("latin1").replace('"2021 Vansbro"', '"2021 Vansbro, Dalarna"');
    expect(total(readBytes(quoted, { file: "befolkning.csv" }))).toBe(10_120_242);
    const extra = befolkning.toString("latin1").replace('"2021 Vansbro",6837', '"2021 Vansbro",6837,12');
    const error = failure(() => readBytes(extra, { file: "befolkning.csv" }));
    expect([error.line, error.column, error.message]).toEqual([
      223,
      3,
      "line 223 has 3 cells, expected 2 as in the header",
    ]);
  });

  test("a missing cell in the middle of the file: an error naming the line", () => {
    const text = lagostra.toString("utf8").replace("0428 Trysil;6567;6607;0,6;", "0428 Trysil;6567;0,6;");
    const line = text.slice(0, text.indexOf("0428 Trysil")).split("\r").length;
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.code).toBe("PARSE");
    expect([error.line, error.message]).toEqual([line, `line ${line} has 3 cells, expected 4 as in the header`]);
  });
});

describe("line ends and trailing delimiters load as the clean file", () => {
  const clean = readBytes(lagostra, { file: "befolkning.csv" });
  const rows = clean.toRows();

  test("SSB's Excel re-save with CR-only line ends equals its LF and CRLF versions", () => {
    const text = lagostra.toString("utf8");
    expect(text.includes("\n")).toBe(false);
    expect(readBytes(text.replaceAll("\r", "\n"), { file: "lf.csv" }).toRows()).toEqual(rows);
    expect(readBytes(text.replaceAll("\r", "\r\n"), { file: "crlf.csv" }).toRows()).toEqual(rows);
    expect(rows.length).toBe(882);
  });

  test("Excel's trailing empty columns (`;;;`) on every line: the same values", () => {
    const text = lagostra.toString("utf8").replaceAll(";\r", ";;;\r");
    const t = readBytes(text, { file: "befolkning.csv" });
    expect(t.toRows()).toEqual(rows);
  });

  test("the last line without a line break, ending in a delimiter: the same values, no warning", () => {
    const text = lagostra.toString("utf8").replace(/\r+$/, "");
    expect(text.endsWith(";")).toBe(true);
    const t = readBytes(text, { file: "befolkning.csv" });
    expect(t.toRows()).toEqual(rows);
    expect(t.warnings.join()).not.toMatch(/line break/);
  });

  test("a file cut right after a delimiter inside a row is still an error", () => {
    const text = lagostra.toString("utf8");
    const cut = text.slice(0, text.indexOf("0428 Trysil;6567;") + "0428 Trysil;6567;".length);
    const error = failure(() => readBytes(cut, { file: "befolkning.csv" }));
    expect(error.code).toBe("FILE_TRUNCATED");
  });
});
