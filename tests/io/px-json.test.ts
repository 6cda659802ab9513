import { describe, expect, test } from "vitest";
import { one, readFixture, total } from "../helpers.ts";

describe("PX files", () => {
  test("SCB TAB638: codes for regions, DATA in stub-then-heading order", () => {
    const t = readFixture("scb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__BE0101N1.px");
    expect(t.provenance).toMatchObject({ format: "px", source: "SCB", tableId: "TAB638", encoding: "windows-1252" });
    expect(t.numRows).toBe(2 * 2 * 2 * 2 * 2 * 2);
    const first = { region: "0114", civilstånd_name: "ogifta", age: "45-54", sex_name: "män" };
    expect(one(t, { ...first, contents_name: "Folkmängd", year: 2020 })).toBe(1054);
    expect(one(t, { ...first, contents_name: "Folkmängd", year: 2021 })).toBe(1026);
    expect(one(t, { ...first, contents_name: "Folkökning", year: 2021 })).toBe(-28);
    // last DATA row: 0115 gifta 55-64 kvinnor
    expect(
      one(t, {
        region: "0115",
        civilstånd_name: "gifta",
        age: "55-64",
        sex_name: "kvinnor",
        contents_name: "Folkökning",
        year: 2021,
      }),
    ).toBe(45);
    expect(one(t, { ...first, contents_name: "Folkmängd", year: 2020 }, "region_name")).toBe("Upplands Väsby");
    // a note split over two lines is joined
    expect(t.provenance.footnotes!.join(" ")).toMatch(/Registrerade partners räknas som Gifta/);
  });

  test("SSB 14216: decimals, years listed in descending order", () => {
    const t = readFixture("ssb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__14216.px");
    expect(t.provenance.source).toBe("Statistisk sentralbyrå");
    expect(one(t, { contents_name: "Areal av tettsted (km²)", year: 2025 })).toBe(275.87);
    expect(one(t, { contents_name: "Areal av tettsted (km²)", year: 2024 })).toBe(276.3);
    expect(one(t, { contents_name: "Bosatte", year: 2025 })).toBe(1_110_887);
    expect(one(t, { contents_name: "Bosatte", year: 2024 })).toBe(1_098_061);
  });
});

describe("JSON-stat", () => {
  test("SSB 07459 (2.0): 356 kommuner summing to Norway's 5 425 270, K- codes stripped", () => {
    const t = readFixture("ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json");
    expect(t.provenance).toMatchObject({ format: "json-stat2", tableId: "07459", unit: "personer" });
    expect(t.numRows).toBe(359);
    const kommuner = t.filter({ region: (r) => /^\d{4}$/.test(String(r)) });
    expect(kommuner.numRows).toBe(356);
    expect(total(kommuner)).toBe(5_425_270);
    expect(one(t, { region: "3421" })).toBe(6603);
    expect(one(t, { region: "3421" }, "region_name")).toBe("Trysil");
    expect(one(t, { region: "3424" })).toBe(1722);
    expect(one(t, { region: "0301" })).toBe(699_827);
    expect(one(t, { region: "5436" }, "region_name")).toBe("Porsanger - Porsángu - Porsanki");
    expect(t.distinct("region")).toContain("Rest");
  });

  test("SCB API v1 json-stat (1.0): 1 120 values, code stripped from the label", () => {
    const t = readFixture("scb/predicador37-pyjstat__pyjstat__test__data__statswe.json");
    expect(t.provenance.format).toBe("json-stat");
    expect(t.numRows).toBe(20 * 2 * 28);
    expect(t.distinct("region_name")).toEqual(["Norrbottens län"]);
    expect(t.distinct("sex")).toEqual(["1", "2"]);
    expect(t.distinct("sex_name")).toEqual(["män", "kvinnor"]);
    expect(t.distinct("age")).toHaveLength(20);
    expect(t.distinct("year")).toHaveLength(28);
  });

  test("SCB PxWebApi 2 (json-stat2): one cell, notes kept", () => {
    const t = readFixture(
      "scb/index-text-copies/rOpenGov-pxweb__tests__testthat__statistikdatabasen.scb.se__api__v2__tables__TAB638__data-35e0e2-5aec69-POST.json",
    );
    expect(t.toRows()).toEqual([
      {
        region: "00",
        region_name: "Riket",
        civilstånd: "OG",
        civilstånd_name: "ogifta",
        age: "0",
        age_name: "0 år",
        sex: "1",
        sex_name: "män",
        contents: "BE0101N1",
        contents_name: "Folkmängd",
        year: 2024,
        value: 50_937,
      },
    ]);
    expect(t.provenance.tableId).toBe("TAB638");
    expect(t.provenance.footnotes!.join(" ")).toMatch(/Heby/);
  });

  test("SCB API v1 json: string values; population growth equals the change in population", () => {
    const t = readFixture(
      "scb/index-text-copies/rOpenGov-pxweb__tests__testthat__api.scb.se__OV0104__v1__doris__sv__ssd__BE__BE0101__BE0101A__BefolkningNy-b51455-POST.json",
    );
    expect(t.provenance.format).toBe("pxweb-json");
    const pop = (y: number) => one(t, { contents: "Folkmängd", year: y }) as number;
    expect(pop(2010)).toBe(9_415_570);
    expect(pop(2011) - pop(2010)).toBe(one(t, { contents: "Folkökning", year: 2011 }));
    expect(pop(2012) - pop(2011)).toBe(one(t, { contents: "Folkökning", year: 2012 }));
  });
});

describe("Eurostat", () => {
  test("old bulk TSV, gzip under a .tsv name, years descending", () => {
    const t = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
    expect(t.numRows).toBe(1_030_590);
    expect(one(t, { unit: "NR", sex: "F", age: "TOTAL", region: "AL", year: 2022 })).toBe(1_406_532);
  });

  test("where: filtering while reading keeps the same rows as filtering afterwards", () => {
    const file = "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv";
    const regions = ["SE312", "SE31", "SE"];
    const narrow = readFixture(file, { where: { region: regions, sex: "T", year: [2018, 2019] } });
    const wide = readFixture(file).filter({ region: regions, sex: "T", year: [2018, 2019] });
    expect(narrow.numRows).toBe(3 * 5 * 2); // 3 regions × 5 ages (TOTAL, UNK, 3 groups) × 2 years
    expect(narrow.toRows()).toEqual(wide.toRows());
    expect(one(narrow, { region: "SE312", age: "TOTAL", year: 2018 })).toBe(286_165);
    expect(() => readFixture("scb/anderssundell-stathelp__data__befolkning.csv", { where: { geo: "SE312" } })).toThrow(
      /where names the column "geo"/,
    );
    // a test on the codes: every Swedish region, at every NUTS level
    const sweden = readFixture(file, { where: { region: (code) => code.startsWith("SE"), sex: "T", age: "TOTAL" } });
    expect(sweden.distinct("region")).toContain("SE312");
    expect((sweden.distinct("region") as string[]).every((r) => r.startsWith("SE"))).toBe(true);
    expect(sweden.filter({ year: 2022 }).numRows).toBe(
      readFixture(file).filter({ region: (r) => String(r).startsWith("SE"), sex: "T", age: "TOTAL", year: 2022 })
        .numRows,
    );
  });

  test("Dalarna: Eurostat 1 January 2018 equals the sum of SCB's 15 kommuner on 31 December 2017", () => {
    const eurostat = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv");
    const scb = readFixture("scb/anderssundell-stathelp__data__befolkning.csv");
    const dalarna = total(scb.filter({ region: (r) => String(r).startsWith("20") }));
    expect(one(eurostat, { unit: "NR", sex: "T", age: "TOTAL", region: "SE312", year: 2018 })).toBe(dalarna);
    expect(dalarna).toBe(286_165);
  });

  test("flags: '4700 p' is 4700 with status p; ':' is missing", () => {
    const t = readFixture("eurostat/Rrbracci-MSB104_assignment1__nama_10r_3gdp.tsv");
    expect(t.numRows).toBe(273_966);
    expect(one(t, { unit: "EUR_HAB", region: "AL", year: 2020 })).toBe(4700);
    expect(one(t, { unit: "EUR_HAB", region: "AL", year: 2020 }, "status")).toBe("p");
    expect(t.filter({ value: null }).numRows).toBe(20_422);
    expect(t.filter({ status: "p" }).numRows).toBe(3995);
    expect(one(t, { unit: "EUR_HAB", region: "SE312", year: 2020 })).toBe(37_300);
  });

  test("new API TSV: multi-letter flags and SDMX codes", () => {
    const t = readFixture("eurostat/lahackmoreno-tourism-pressure-europe__demo_r_pjanaggr3.tsv");
    expect(t.numRows).toBe(321_150);
    expect(t.filter({ value: 0, status: "ep" }).numRows).toBe(591);
    expect(t.filter({ status: ": @N" }).numRows).toBe(42);
    const area = readFixture("eurostat/lahackmoreno-tourism-pressure-europe__reg_area3.tsv");
    expect(one(area, { region: "AL", year: 2021, landuse: "TOTAL" })).toBe(28_791);
    expect(one(area, { region: "AL", year: 2021, landuse: "TOTAL" }, "status")).toBe("e");
  });

  test("SDMX-CSV (linear), gzip", () => {
    const t = readFixture("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3_page_linear.csv.gz");
    expect(t.provenance).toMatchObject({ format: "sdmx-csv", tableId: "demo_r_pjanaggr3" });
    expect(t.numRows).toBe(9403);
    expect(total(t)).toBe(2_197_334_089);
    expect(one(t, { region: "DE111", year: 2000 })).toBe(582_443);
    expect(t.filter({ status: "b" }).numRows).toBe(440);
  });
});
