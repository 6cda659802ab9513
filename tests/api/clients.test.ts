import { readFileSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import { eurostat } from "../../src/io/api/eurostat.ts";
import { Klass } from "../../src/io/api/klass.ts";
import { Kolada } from "../../src/io/api/kolada.ts";
import { PxWeb1 } from "../../src/io/api/pxweb1.ts";
import { apiFixture, type Replay, replay, sendJson } from "./replay.ts";

let server: Replay | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const V1 = "/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy";
const V1_FILES = "scb-v1/api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A";

describe("PxWeb API v1, recorded SCB answers", () => {
  test("BefolkningNy: metadata and the recorded json-stat call (Kon 1, BE0101N1, 2017) = 5 082 662", async () => {
    server = await replay([
      { method: "GET", path: V1, query: "", file: `${V1_FILES}/BefolkningNy.json` },
      {
        method: "POST",
        path: V1,
        query: "",
        body: JSON.parse(apiFixture(`${V1_FILES}/BefolkningNy-28a10f-POST.request.json`).toString("utf8")),
        file: `${V1_FILES}/BefolkningNy-28a10f-POST.json`,
      },
    ]);
    const scb = new PxWeb1("scb", { baseUrl: `${server.url}/OV0104/v1/doris/{lang}/ssd/`, format: "json-stat" });
    const metadata = await scb.metadata("BE/BE0101/BE0101A/BefolkningNy");
    expect(metadata.title).toBe("Folkmängden efter region, civilstånd, ålder, kön, tabellinnehåll och år");
    expect(metadata.variables.find((v) => v.code === "Region")!.labels["2584"]).toBe("Kiruna");
    const table = await scb.data("BE/BE0101/BE0101A/BefolkningNy", {
      Kon: "män",
      ContentsCode: "BE0101N1",
      Tid: "2017",
    });
    // by hand from BefolkningNy-28a10f-POST.json: "value": [5082662], män, 2017
    expect(table.toRows()).toEqual([
      expect.objectContaining({ sex: "1", sex_name: "män", year: 2017, value: 5082662 }),
    ]);
    expect(table.provenance).toMatchObject({
      source: "SCB",
      tableId: "TAB638",
      title: "Folkmängd efter kön, tabellinnehåll och år",
      updated: "2025-02-21T07:00:00Z",
    });
    // metadata once; ?config answered 404 here (SCB answers it with an empty body), so the catalogue's limits apply
    expect(server.hits).toEqual([`GET ${V1}`, "GET /OV0104/v1/doris/sv/?config", `POST ${V1}`]);
  });
});

describe("Eurostat", () => {
  test("TSV of the dissemination API (a real downloaded file), filtered while reading: SE312 area 30 222 km²", async () => {
    const tsv = readFileSync(
      new URL("../fixtures/real/eurostat/lahackmoreno-tourism-pressure-europe__reg_area3.tsv", import.meta.url),
    );
    server = await replay([
      {
        method: "GET",
        path: "/eurostat/api/dissemination/sdmx/2.1/data/reg_area3",
        query: "format=TSV&startPeriod=2017",
        handle: (_q, r) => {
          r.writeHead(200, { "content-type": "text/tab-separated-values" });
          r.end(tsv);
        },
      },
    ]);
    const table = await eurostat(
      "reg_area3",
      { format: "tsv", filters: { geo: "SE312", landuse: "TOTAL" }, since: 2017 },
      { baseUrl: `${server.url}/eurostat/api/dissemination/` },
    );
    expect(table.numRows).toBe(10);
    expect(table.filter({ year: 2024 }).toRows()[0]).toMatchObject({ region: "SE312", value: 30222 });
    expect(table.provenance).toMatchObject({
      source: "Eurostat",
      tableId: "reg_area3",
      query: "format=TSV&startPeriod=2017",
    });
  });

  test("JSON-stat 2 with filters on the server (answer written from the documented form: sparse value object)", async () => {
    const answer = {
      version: "2.0",
      class: "dataset",
      label: "Population on 1 January by age group, sex and NUTS 3 region",
      source: "ESTAT",
      updated: "2026-03-20T23:00:00+0100",
      id: ["freq", "unit", "sex", "age", "geo", "time"],
      size: [1, 1, 1, 1, 2, 2],
      dimension: {
        freq: { category: { index: { A: 0 } } },
        unit: { category: { index: { NR: 0 } } },
        sex: { category: { index: { T: 0 } } },
        age: { category: { index: { TOTAL: 0 } } },
        geo: { category: { index: { SE312: 0, NO020: 1 }, label: { SE312: "Dalarnas län", NO020: "Innlandet" } } },
        time: { category: { index: { "2023": 0, "2024": 1 } } },
      },
      value: { "0": 287966, "1": 287191, "3": 371253 },
      status: { "2": ":" },
    };
    server = await replay([
      {
        method: "GET",
        path: "/api/dissemination/statistics/1.0/data/demo_r_pjanaggr3",
        query: "format=JSON&lang=EN&geo=SE312&geo=NO020&sex=T&sinceTimePeriod=2023",
        handle: (_q, r) => sendJson(r, answer),
      },
    ]);
    const table = await eurostat(
      "demo_r_pjanaggr3",
      { filters: { geo: ["SE312", "NO020"], sex: "T" }, since: 2023 },
      { baseUrl: `${server.url}/api/dissemination` },
    );
    expect(table.toRows().map((r) => [r.region, r.year, r.value])).toEqual([
      ["SE312", 2023, 287966],
      ["SE312", 2024, 287191],
      ["NO020", 2023, null],
      ["NO020", 2024, 371253],
    ]);
    expect(table.provenance).toMatchObject({
      source: "Eurostat",
      tableId: "demo_r_pjanaggr3",
      updated: "2026-03-20T23:00:00+0100",
    });
  });
});

describe("Kolada v3 (no recordings exist: answers written from the documented v2/v3 form)", () => {
  test("KPI values over two pages, municipality groups and KPI search", async () => {
    const page2 = `/v3/data/kpi/N01951/municipality/2021,0180/year/2022,2023?page=2`;
    server = await replay([
      {
        method: "GET",
        path: "/v3/data/kpi/N01951/municipality/2021,0180/year/2022,2023",
        query: "",
        handle: (q, r) =>
          sendJson(r, {
            count: 2,
            values: [
              {
                kpi: "N01951",
                municipality: "2021",
                period: 2022,
                values: [
                  { count: 1, gender: "T", status: "", value: 4.4 },
                  { count: 1, gender: "K", status: "", value: 4.1 },
                  { count: 1, gender: "M", status: "", value: 4.7 },
                ],
              },
              {
                kpi: "N01951",
                municipality: "2021",
                period: 2023,
                values: [{ count: 1, gender: "T", status: "", value: 4.9 }],
              },
            ],
            next_url: `http://${q.headers.host}${page2}`,
          }),
      },
      {
        method: "GET",
        path: "/v3/data/kpi/N01951/municipality/2021,0180/year/2022,2023",
        query: "page=2",
        handle: (_q, r) =>
          sendJson(r, {
            count: 1,
            values: [
              {
                kpi: "N01951",
                municipality: "0180",
                period: 2023,
                values: [{ count: 1, gender: "T", status: "", value: null }],
              },
            ],
            next_url: null,
          }),
      },
      {
        method: "GET",
        path: "/v3/municipality_groups",
        query: "title=Liknande",
        handle: (_q, r) =>
          sendJson(r, {
            count: 1,
            values: [
              {
                id: "G124026",
                title: "Liknande kommuner, socioekonomi, Vansbro",
                members: [
                  { id: "2021", title: "Vansbro" },
                  { id: "2039", title: "Älvdalen" },
                ],
              },
            ],
          }),
      },
      {
        method: "GET",
        path: "/v3/kpi",
        query: "title=arbetsl%C3%B6shet",
        handle: (_q, r) =>
          sendJson(r, {
            count: 1,
            values: [{ id: "N03923", title: "Arbetslöshet 16-64 år, andel (%) av befolkningen" }],
          }),
      },
    ]);
    const kolada = new Kolada({ baseUrl: `${server.url}/v3` });
    const table = await kolada.values("N01951", ["2021", "0180"], [2022, 2023]);
    expect(table.numRows).toBe(5);
    expect(table.filter({ region: "2021", year: 2023 }).toRows()[0]!.value).toBe(4.9);
    expect(table.filter({ region: "0180" }).toRows()[0]!.value).toBeNull();
    expect(table.provenance).toMatchObject({ source: "Kolada", tableId: "N01951" });
    expect(server.hits).toHaveLength(2);
    const groups = await kolada.municipalityGroups("Liknande");
    expect(groups[0]!.members.map((m) => m.id)).toEqual(["2021", "2039"]);
    expect((await kolada.searchKpi("arbetslöshet"))[0]!.id).toBe("N03923");
  });

  test("more than 25 years go in several calls", async () => {
    server = await replay([
      {
        method: "GET",
        path: "/v3/data/kpi/N1/municipality/2021/year/" + Array.from({ length: 25 }, (_, i) => 1990 + i).join(","),
        handle: (_q, r) => sendJson(r, { values: [] }),
      },
      {
        method: "GET",
        path: "/v3/data/kpi/N1/municipality/2021/year/2015,2016",
        handle: (_q, r) =>
          sendJson(r, {
            values: [{ kpi: "N1", municipality: "2021", period: 2016, values: [{ gender: "T", value: 1 }] }],
          }),
      },
    ]);
    const table = await new Kolada({ baseUrl: `${server.url}/v3/` }).values(
      "N1",
      ["2021"],
      Array.from({ length: 27 }, (_, i) => 1990 + i),
    );
    expect(server.hits).toHaveLength(2);
    expect(table.toRows()[0]).toMatchObject({ year: 2016, value: 1 });
  });
});

describe("SSB KLASS", () => {
  test("codesAt: the recorded codes of classification 91 (17 … 245 codes; first 000 Norge)", async () => {
    server = await replay([
      {
        method: "GET",
        path: "/api/klass/v1/classifications/91/codesAt",
        query: "date=2024-01-01&language=nb",
        file: "ssb-klass/classifications/91.codes.json",
      },
    ]);
    const codes = await new Klass({ baseUrl: `${server.url}/api/klass/v1` }).codesAt(91, "2024-01-01");
    expect(codes).toHaveLength(245);
    expect(codes[0]).toMatchObject({ code: "000", name: "Norge" });
  });

  test("versions and changes (answers written from the KLASS documentation)", async () => {
    server = await replay([
      {
        method: "GET",
        path: "/api/klass/v1/classifications/131",
        handle: (_q, r) =>
          sendJson(r, {
            name: "Standard for kommuneinndeling",
            versions: [
              { name: "Kommuneinndeling 2024", validFrom: "2024-01-01" },
              { name: "Kommuneinndeling 2020", validFrom: "2020-01-01", validTo: "2024-01-01" },
            ],
          }),
      },
      {
        method: "GET",
        path: "/api/klass/v1/classifications/131/changes",
        query: "from=2019-01-01&to=2020-01-02",
        handle: (_q, r) =>
          sendJson(r, {
            codeChanges: [
              {
                oldCode: "0402",
                oldName: "Kongsvinger",
                newCode: "3401",
                newName: "Kongsvinger",
                changeOccurred: "2020-01-01",
              },
            ],
          }),
      },
    ]);
    const klass = new Klass({ baseUrl: `${server.url}/api/klass/v1/` });
    expect((await klass.versions(131)).map((v) => v.validFrom)).toEqual(["2020-01-01", "2024-01-01"]);
    expect(await klass.changes(131, "2019-01-01", "2020-01-02")).toEqual([
      {
        oldCode: "0402",
        oldName: "Kongsvinger",
        newCode: "3401",
        newName: "Kongsvinger",
        changeOccurred: "2020-01-01",
      },
    ]);
  });
});
