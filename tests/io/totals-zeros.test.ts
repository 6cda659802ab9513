import { describe, expect, test } from "vitest";
import { readBytes } from "../../src/io/read.ts";
import { repairLostZeros } from "../../src/io/zeros.ts";
import { failure, fixtureBytes, one, total } from "../helpers.ts";

const befolkning = fixtureBytes("scb/anderssundell-stathelp__data__befolkning.csv").toString("latin1");
const countypop = fixtureBytes("scb/anderssundell-stathelp__data__countypop.csv").toString("latin1");
const bilinnehav = fixtureBytes("scb/Cawke99-Dalarna__bilinnehav_2.csv").toString("latin1");

describe("total rows", () => {
  test("a Total that sums the kommuner is left out after the check", () => {
    const t = readBytes(`${befolkning}"Totalt",10120242\r\n`, { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(t.warnings.join()).toMatch(/a total row \("Totalt"\) was left out: it was checked to sum/);
  });

  test("a Total that is a mean (a rate table's national row) is kept as a region of its own", () => {
    // 10 120 242 / 290 = 34 897.4: the mean, not the sum
    const t = readBytes(`${befolkning}"Totalt",34897.4\r\n`, { file: "befolkning.csv" });
    expect(t.numRows).toBe(291);
    expect(one(t, { region: "Totalt" })).toBe(34_897.4);
    expect(one(t, { region: "Totalt" }, "region_name")).toBe("Totalt");
    expect(t.warnings.join()).toMatch(
      /the row "Totalt" is not the sum of the other rows \(34897\.4 against a sum of 10120242 \(year 2017\)\); it is kept as a region of its own, code "Totalt"/,
    );
  });

  test("Dalarna's Total off by one in one column is kept; the original is dropped", () => {
    const off = bilinnehav.replace("Total;160681;", "Total;160682;");
    const t = readBytes(Buffer.from(off, "latin1"), { file: "bilinnehav.csv" });
    expect(t.numRows).toBe(16);
    expect(one(t, { region: "Total" }, "Har ej personbil i trafik")).toBe(160_682);
    expect(t.warnings.join()).toMatch(/160682 against a sum of 160681/);
    expect(readBytes(Buffer.from(bilinnehav, "latin1"), { file: "bilinnehav.csv" }).numRows).toBe(15);
  });
});

describe("codes that lost their leading zeros", () => {
  test("kommun labels without their zero ('114 Upplands Väsby') are restored from the registry", () => {
    const text = befolkning.replace(/^"0(\d{3}) /gm, '"$1 ');
    expect(text.match(/^"\d{3} /gm)?.length).toBe(90); // 26 + 8 + 9 + 13 + 13 + 8 + 12 + 1 kommuner in län 01-09
    const t = readBytes(text, { file: "befolkning.csv" });
    expect(t.numRows).toBe(290);
    expect(one(t, { region: "0114" })).toBe(44_605);
    expect(one(t, { region: "0780" }, "region_name")).toBe("Växjö");
    expect(t.warnings.join()).toMatch(
      /lost their leading zeros \(e\.g\. "114" → "0114" Upplands Väsby\); 90 were restored from the region registry/,
    );
  });

  test("counties without their zero ('1 Stockholm county', length 1 beside length 2): restored by name and country", () => {
    const text = countypop.replace(/^"0(\d) /gm, '"$1 ');
    const t = readBytes(text, { file: "countypop.csv" });
    expect(t.numRows).toBe(21);
    expect(one(t, { region: "01" })).toBe(2_344_124);
    expect(t.distinct("region").every((r) => String(r).length === 2)).toBe(true);
  });

  test("bare codes that fit a Swedish län and a Norwegian fylke alike are refused", () => {
    const lines = countypop
      .split("\r\n")
      .filter((l) => /^"0\d /.test(l))
      .map((l) => l.replace(/^"0(\d) [^"]*"/, "$1"));
    const text = `region,2018\r\n${lines.join("\r\n")}\r\n`;
    const error = failure(() => readBytes(text, { file: "countypop.csv" }));
    expect(error.code).toBe("REGION_CODE");
    expect(error.line).toBe(2);
    expect(error.message).toBe(
      'region code "1" may have lost its leading zero, but "01" is SE Stockholms län or NO Østfold',
    );
  });

  test("a code the registry does not know is an error at its line", () => {
    const text = befolkning.replace('"2021 Vansbro"', '"999 Vansbro"').replace(/^"0114 /m, '"114 ');
    const error = failure(() => readBytes(text, { file: "befolkning.csv" }));
    expect(error.code).toBe("REGION_CODE");
    expect(error.line).toBe(223);
    expect(error.message).toBe(
      'region code "999" (Vansbro) may have lost its leading zero, but "0999" is no region the registry knows',
    );
  });

  test("codes that kept their zero, and codes no padding makes a region, stay as they are", () => {
    // SSB's price regions (table 07221): a spreadsheet drops every leading zero, so "001" lost none
    const price = ["TOTAL", "001", "002", "010", "011"].map((code) => ({ code, name: null }));
    expect(repairLostZeros(price)).toEqual({ codes: ["TOTAL", "001", "002", "010", "011"], warning: null });
    // three-digit codes of another classification: "0998" and "0999" are no regions, so nothing was lost
    const other = ["998", "999"].map((code) => ({ code, name: null }));
    expect(repairLostZeros(other)).toEqual({ codes: ["998", "999"], warning: null });
    // beside a code that pads to a kommun, an unknown one is still refused (see above)
    expect(() => repairLostZeros([...other, { code: "114", name: null }])).toThrow(/"0998" is no region/);
  });
});
