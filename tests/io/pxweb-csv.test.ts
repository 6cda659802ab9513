import { describe, expect, test } from "vitest";
import { fixture, one, readFixture, total } from "../helpers.ts";
import { readBytes } from "../../src/io/read.ts";
import { readFileSync } from "node:fs";

describe("SCB PxWeb CSV", () => {
  test("kommun population 2017: 290 kommuner summing to 10 120 242, Latin-1 decoded", () => {
    const t = readFixture("scb/anderssundell-stathelp__data__befolkning.csv");
    expect(t.provenance.encoding).toBe("windows-1252");
    expect(t.provenance.delimiter).toBe(",");
    expect(t.numRows).toBe(290);
    expect(total(t)).toBe(10_120_242);
    expect(one(t, { region: "2021" })).toBe(6837);
    expect(one(t, { region: "2021" }, "region_name")).toBe("Vansbro");
    expect(one(t, { region: "0114" }, "region_name")).toBe("Upplands Väsby");
    expect(t.distinct("year")).toEqual([2017]);
    expect(t.column("region").type).toBe("string");
  });

  test("English county labels: 21 län, codes kept with their zeros", () => {
    const t = readFixture("scb/anderssundell-stathelp__data__countypop.csv");
    expect(t.numRows).toBe(21);
    expect(one(t, { region: "01" })).toBe(2_344_124);
    expect(one(t, { region: "25" })).toBe(250_497);
    expect(one(t, { region: "04" }, "region_name")).toBe("Södermanland county");
  });

  test("semicolon, no region: the whole country 1968-2015", () => {
    const t = readFixture("scb/grocid-personnummer__BE0101N1.csv");
    expect(t.provenance.delimiter).toBe(";");
    expect(t.numRows).toBe(48);
    expect(one(t, { year: 1968 })).toBe(7_931_193);
    expect(one(t, { year: 2015 })).toBe(9_851_017);
    expect(t.distinct("age")).toEqual(["totalt ålder"]);
  });

  test("'..' stays missing with its symbol, never 0", () => {
    const t = readFixture("scb/MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv");
    expect(t.numRows).toBe(12 * 25);
    const missing = t.filter({ value: null });
    expect(missing.numRows).toBe(16);
    expect(missing.distinct("status")).toEqual([".."]);
    expect(t.filter({ value: 0 }).numRows).toBe(0);
  });

  test("NUTS regions and the default PxWeb file name: 9 217 '..' cells", () => {
    const t = readFixture(
      "scb/MikaelLundqvist-SCB-Engineers-Jonkoping__rblog__content__post__000000CD_20210926-160259.csv",
    );
    expect(t.numRows).toBe(2400 * 7);
    expect(t.filter({ status: ".." }).numRows).toBe(9217);
    const known = t.filter({ value: (v) => v !== null });
    expect(total(known)).toBe(21_926_090);
    expect(t.distinct("region")).toContain("SE11");
    expect(
      one(t, {
        region: "SE11",
        sector: "0 all sectors",
        sex: "men",
        year: 2014,
        "occuptional (SSYK 2012)": "011 Commissioned armed forces officers",
      }),
    ).toBe(140);
  });

  test("three stub columns in English: R&D personnel by county", () => {
    const t = readFixture("scb/MikaelLundqvist-SCB-Engineers-Jonkoping__000002LR.csv");
    expect(t.numRows).toBe(22 * 3);
    expect(t.distinct("year")).toEqual([2013, 2015, 2017]);
    expect(one(t, { region: "01", year: 2013 })).toBe(5556);
  });

  test("a title line (med rubrik) and an empty line before the header", () => {
    const bytes = readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv"));
    const titled = Buffer.concat([Buffer.from('"Folkmängd efter region och år"\r\n\r\n', "latin1"), bytes]);
    const t = readBytes(titled);
    expect(t.provenance.title).toBe("Folkmängd efter region och år");
    expect(t.numRows).toBe(290);
    // PxWebApi 2 writes the title with no empty line after it
    const v2 = readBytes(Buffer.concat([Buffer.from('"Folkmängd efter region och år"\r\n', "latin1"), bytes]));
    expect(total(v2)).toBe(10_120_242);
  });

  test("tab and semicolon variants of the same export give the same table", () => {
    const text = new TextDecoder("windows-1252").decode(
      readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv")),
    );
    const tab = readBytes(text.replaceAll(",", "\t"));
    const semicolon = readBytes(new TextEncoder().encode(`\ufeff${text.replaceAll(",", ";")}`));
    expect(tab.provenance.delimiter).toBe("\t");
    expect(semicolon.provenance.delimiter).toBe(";");
    expect(tab.toRows()).toEqual(semicolon.toRows());
    expect(total(tab)).toBe(10_120_242);
  });

  test("composed headers 'Folkmängd 2019' give a contents dimension when there are several", () => {
    const t = readBytes('"region","Folkmängd 2019","Folkmängd 2020","Folkökning 2020"\n"2021 Vansbro",6761,6777,16\n');
    expect(t.distinct("contents")).toEqual(["Folkmängd", "Folkökning"]);
    expect(one(t, { contents: "Folkökning", year: 2020 })).toBe(16);
    const single = readBytes('"region","Folkmängd 2019"\n"2021 Vansbro",6761\n"2082 Säter",11128\n');
    expect(single.has("contents")).toBe(false);
    expect(single.provenance.measure).toBe("Folkmängd");
  });

  test("quarters and months become year plus period", () => {
    const t = readBytes('"region","2020K1","2020K2"\n"0114 Upplands Väsby",1,2\n');
    expect(t.toRows()).toEqual([
      { region: "0114", region_name: "Upplands Väsby", year: 2020, period: "2020K1", value: 1 },
      { region: "0114", region_name: "Upplands Väsby", year: 2020, period: "2020K2", value: 2 },
    ]);
  });

  test("the dash markers '-' and '–' are missing, with their symbol", () => {
    const t = readBytes('"region","2019","2020"\n"2021 Vansbro",-,–\n"2082 Säter",.,5\n');
    expect(t.numbers("value").get(0)).toBeNull();
    expect(t.toRows().map((r) => r.status)).toEqual(["-", ".", "–", null]);
  });
});

describe("Excel re-saves", () => {
  test("codes that lost their leading zeros are padded, with a warning", () => {
    const t = readFixture("scb/anderssundell-stathelp__data__population2018.csv");
    expect(t.provenance.encoding).toBe("utf-8-bom");
    expect(t.numRows).toBe(290);
    expect(one(t, { region: "0114" })).toBe(45_543);
    expect(t.warnings.join()).toMatch(/leading zeros/);
    expect(t.distinct("region").every((r) => String(r).length === 4)).toBe(true);
  });

  test("unquoted, '-' for zero, a Total row that is left out", () => {
    const t = readFixture("scb/Cawke99-Dalarna__bilinnehav_2.csv");
    expect(t.numRows).toBe(15);
    expect(one(t, { region: "2021" }, "Har ej personbil i trafik")).toBe(3489);
    expect(one(t, { region: "2021" }, "Har 10 eller fler personbilar i trafik")).toBeNull();
    expect(one(t, { region: "2021" }, "Har 10 eller fler personbilar i trafik_status")).toBe("-");
    expect(one(t, { region: "2023" }, "region_name")).toBe("Malung");
    expect(t.warnings.join()).toMatch(/Total/);
    // the left-out Total row says 160 681 households without a car; the 15 kommuner sum to the same
    expect(total(t, "Har ej personbil i trafik")).toBe(160_681);
  });

  test("SSB with BOM, CR-only lines, decimal comma and a trailing ';'", () => {
    const t = readFixture("ssb/Lagostra-population-center__data__befolkning.csv");
    expect(t.provenance.encoding).toBe("utf-8-bom");
    expect(one(t, { region: "0428", year: 2018 })).toBe(6567);
    expect(one(t, { region: "0428", year: 2019 })).toBe(6607);
    expect(one(t, { region: "0", year: 2018 })).toBe(5_295_619);
    expect(one(t, { region: "01", year: 2019 })).toBe(297_520);
    expect(t.warnings.join()).toMatch(/increase 2018-2019/);
    const kommuner = t.filter({ region: (r) => String(r).length === 4, year: 2019 });
    expect(kommuner.numRows).toBe(422);
    expect(total(kommuner)).toBe(5_328_212);
  });
});

describe("SSB statbank CSV", () => {
  test("long layout with the title as the value header", () => {
    const t = readFixture("ssb/erleholgersen-elections-norway__folketall.csv");
    expect(t.numRows).toBe(8775);
    expect(t.provenance.title).toMatch(/^Folkemengde 1. januar og endringer/);
    expect(one(t, { region: "01", year: 1951, contents: "Folkemengde" })).toBe(185_492);
    expect(one(t, { region: "04", year: 2013, contents: "Levendefødte" })).toBe(1714);
    expect(t.distinct("contents")).toEqual(["Folkemengde", "Levendefødte", "Døde", "Innflyttinger", "Utflyttinger"]);
  });

  test("decimal comma and K-codes", () => {
    const t = readBytes('"region";"år";"andel"\n"K-3421 Trysil";"2020K1";12,5\n"K-3424 Rendalen";"2020K1";-0,4\n');
    expect(t.toRows()).toEqual([
      { region: "3421", region_name: "Trysil", year: 2020, period: "2020K1", andel: 12.5 },
      { region: "3424", region_name: "Rendalen", year: 2020, period: "2020K1", andel: -0.4 },
    ]);
  });
});

describe("tidy CSV", () => {
  test("the Telemarksforsking panel: 7 420 rows, 426 kommuner", () => {
    const t = readFixture("tf/no-regions-2003-2016.csv");
    expect(t.numRows).toBe(7420);
    const kommuner = t.filter({ level: "Kommune", year: 2016 });
    expect(kommuner.numRows).toBe(426);
    expect(one(t, { name: "Trysil", year: 2016, level: "Kommune" }, "population")).toBe(6525);
    expect(one(t, { name: "Trysil", year: 2016, level: "Kommune" }, "private_job_growth_pct")).toBe(2.35);
  });
});
