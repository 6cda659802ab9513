import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { fileCache } from "../../src/io/api/cache-node.ts";
import { PxWeb2 } from "../../src/io/api/pxweb2.ts";
import { OmvarldError } from "../../src/errors.ts";
import { type Replay, replay, sendJson, syntheticTab638, TAB638_RECORDED, TAB638_ROUTES } from "./replay.ts";

let server: Replay | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const scb = (url: string, options: ConstructorParameters<typeof PxWeb2>[1] = {}) =>
  new PxWeb2("scb", { baseUrl: `${url}/api/v2/`, ...options });

describe("PxWebApi 2, recorded SCB answers", () => {
  test("TAB638: metadata, then the recorded data call, give the recorded number with provenance", async () => {
    server = await replay(TAB638_ROUTES);
    const client = scb(server.url);
    const metadata = await client.metadata("TAB638");
    // the recording: size [312,4,102,2,2,57]; Region "2584" is Kiruna; Tid 1968–2024
    expect(metadata.variables.map((v) => [v.code, v.values.length])).toEqual([
      ["Region", 312],
      ["Civilstand", 4],
      ["Alder", 102],
      ["Kon", 2],
      ["ContentsCode", 2],
      ["Tid", 57],
    ]);
    expect(metadata.variables[0]!.labels["2584"]).toBe("Kiruna");
    expect(metadata.variables[5]!.values.slice(-1)).toEqual(["2024"]);
    expect(metadata.variables[5]!.time).toBe(true);
    expect(metadata.variables[0]!.codelists.map((c) => c.id)).toContain("vs_RegionKommun07");

    const table = await client.data("TAB638", TAB638_RECORDED);
    // by hand from data-35e0e2-5aec69-POST.json: Riket, ogifta, 0 år, män, Folkmängd 2024 = 50937 (value [50937])
    expect(table.numRows).toBe(1);
    expect(table.toRows()[0]).toMatchObject({ region: "00", year: 2024, value: 50937 });
    expect(table.provenance).toMatchObject({
      source: "SCB",
      tableId: "TAB638",
      title: "Folkmängd efter region, civilstånd, ålder, kön och år",
      updated: "2025-02-21T07:00:00Z",
      url: `${server.url}/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2`,
      format: "json-stat2",
    });
    expect(JSON.parse(table.provenance.query!)).toEqual(
      JSON.parse(
        '{"selection":[{"variableCode":"Region","valueCodes":["00"]},{"variableCode":"Civilstand","valueCodes":["OG"]},{"variableCode":"Alder","valueCodes":["0"]},{"variableCode":"Kon","valueCodes":["1"]},{"variableCode":"ContentsCode","valueCodes":["BE0101N1"]},{"variableCode":"Tid","valueCodes":["2024"]}]}',
      ),
    );
    expect(Date.parse(table.provenance.retrieved!)).toBeGreaterThan(Date.parse("2026-01-01"));
    expect(server.hits).toEqual([
      "GET /api/v2/tables/TAB638/metadata?lang=sv",
      "GET /api/v2/config",
      "POST /api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2",
    ]);
  });

  test("labels work as codes, and top()/range() pick periods in the table's order", async () => {
    server = await replay(TAB638_ROUTES);
    const client = scb(server.url);
    const q = await client.query("TAB638", {
      Region: "Riket",
      Civilstand: "ogifta",
      Alder: "0",
      Kon: "män",
      ContentsCode: "BE0101N1",
      Tid: "top(1)",
    });
    expect(q.variables.map((v) => v.codes)).toEqual([["00"], ["OG"], ["0"], ["1"], ["BE0101N1"], ["2024"]]);
    const r = await client.query("TAB638", { Region: "????", Tid: "range(2020,2022),top(1)", ContentsCode: "*" });
    expect(r.variables[0]!.codes).toHaveLength(290); // the 290 kommuner have four-digit codes
    expect(r.variables.find((v) => v.code === "Tid")!.codes).toEqual(["2020", "2021", "2022", "2024"]);
    expect(r.cells).toBe(290 * 2 * 4);
  });

  test("the README's selection: one kommun by single year of age, the rest left to the API's elimination", async () => {
    server = await replay(TAB638_ROUTES);
    const q = await scb(server.url).query("TAB638", {
      Region: "2021",
      Alder: "range(0,100+)",
      ContentsCode: "BE0101N1",
      Tid: "top(1)",
    });
    // Civilstand and Kon may be eliminated and are not sent; Alder 0 … 100+ is 101 values (without "tot")
    expect(q.variables.map((v) => v.code)).toEqual(["Region", "Alder", "ContentsCode", "Tid"]);
    expect(q.variables[1]!.codes).toHaveLength(101);
    expect(q.variables[1]!.codes.at(-1)).toBe("100+");
    expect(q.cells).toBe(101);
  });

  test("an unknown variable or code is one line naming it with the nearest valid ones", async () => {
    server = await replay(TAB638_ROUTES);
    const client = scb(server.url);
    const unknownVariable = await client.query("TAB638", { Regon: "00" }).catch((e: unknown) => e);
    expect(String(unknownVariable)).toBe(
      'TAB638 has no variable "Regon" (hint: the nearest variables: "Region", "Kon", "Alder" (all: Region, Civilstand, Alder, Kon, ContentsCode, Tid))',
    );
    const unknownCode = await client
      .query("TAB638", { Region: "2O21", ContentsCode: "*", Tid: "*" })
      .catch((e: unknown) => e);
    expect(unknownCode).toBeInstanceOf(OmvarldError);
    expect(String(unknownCode)).toMatch(
      /^unknown code "2O21" for Region \(region\) in TAB638 \(hint: the nearest codes: "2021"/,
    );
    const missing = await client.query("TAB638", { Region: "00" }).catch((e: unknown) => e);
    expect(String(missing)).toBe("TAB638 needs a selection for Tid (hint: e.g. Tid=top(1))");
  });

  test("an unknown table names the nearest table ids from a search", async () => {
    server = await replay([
      ...TAB638_ROUTES,
      // written from the PxWebApi 2 documentation: GET /tables?query= lists tables like the recorded search
      {
        method: "GET",
        path: "/api/v2/tables",
        query: "lang=sv&query=63&pageSize=10",
        handle: (_q, r) => {
          r.writeHead(200, { "content-type": "application/json" });
          r.end(
            JSON.stringify({
              tables: [
                { id: "TAB638", label: "Folkmängd" },
                { id: "TAB6380", label: "x" },
              ],
              page: { totalElements: 2 },
            }),
          );
        },
      },
    ]);
    const error = await scb(server.url)
      .metadata("TAB63")
      .catch((e: unknown) => e);
    expect(String(error)).toBe('SCB has no table "TAB63" (hint: the nearest tables: "TAB638", "TAB6380")');
  });

  test("search: the recorded answer to ?query=befolkning&pastDays=30", async () => {
    server = await replay([
      {
        method: "GET",
        path: "/api/v2/tables",
        query: "lang=sv&query=befolkning&pastDays=30",
        file: "scb-v2-pxwebpy/tables-search-befolkning.json",
      },
    ]);
    const found = await scb(server.url).search("befolkning", { pastDays: 30 });
    expect(found.total).toBe(10);
    expect(found.tables.map((t) => t.id)).toEqual([
      "TAB4552",
      "TAB4560",
      "TAB4562",
      "TAB6387",
      "TAB6512",
      "TAB4948",
      "TAB2920",
      "TAB5643",
      "TAB5663",
      "TAB6473",
    ]);
  });
});

describe("PxWebApi 2, a selection above the cell limit", () => {
  test("is split into calls under the limit that come back whole and in order", async () => {
    const limit = 1000;
    server = await replay(syntheticTab638(limit));
    const progress: string[] = [];
    const client = scb(server.url);
    const selection = {
      Region: "2021,2023,2026",
      Civilstand: "*",
      Alder: "*",
      Kon: "*",
      ContentsCode: "BE0101N1",
      Tid: "top(3)",
    };
    // 3 × 4 × 102 × 2 × 1 × 3 = 7344 cells; chunkSizes cuts Alder (102) to ⌊1000 / 72⌋ = 13 → ⌈102/13⌉ = 8 calls
    expect(await client.plan("TAB638", selection)).toEqual({ cells: 7344, calls: 8, maxCells: 1000 });
    const table = await client.data("TAB638", selection, {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(server.hits.filter((h) => h.startsWith("POST"))).toHaveLength(8);
    expect(progress.at(-1)).toBe("8/8");
    expect(table.numRows).toBe(7344);
    // every value is its cell's flat index in the whole table: recompute it from the codes of each row
    const stride = [4 * 102 * 2 * 2 * 57, 102 * 2 * 2 * 57, 2 * 2 * 57, 2 * 57, 57, 1];
    const meta = await client.metadata("TAB638");
    // the reader shows civilstånd and sex by their labels ("ogifta", "män"): find the position by code or label
    const pos = (k: number, text: string) => {
      const v = meta.variables[k]!;
      return v.values.includes(text) ? v.values.indexOf(text) : v.values.findIndex((c) => v.labels[c] === text);
    };
    const rows = table.toRows();
    const civil = table.columnNames.find((c) => /civil/i.test(c))!;
    for (const row of rows) {
      const expected =
        pos(0, row.region as string) * stride[0]! +
        pos(1, row[civil] as string) * stride[1]! +
        pos(2, row.age as string) * stride[2]! +
        pos(3, row.sex as string) * stride[3]! +
        pos(5, String(row.year)) * stride[5]!;
      expect(row.value).toBe(expected);
    }
    // and in the order of one call: the values rise row by row (row-major over the table's own order)
    const values = rows.map((r) => r.value as number);
    expect(values.every((v, i) => i === 0 || v > values[i - 1]!)).toBe(true);
    expect(rows[0]).toMatchObject({ region: "2021", age: "0", year: 2022 });
    expect(rows.at(-1)).toMatchObject({ region: "2026", year: 2024 });
  });

  test("one call when the selection fits", async () => {
    server = await replay(syntheticTab638(150_000));
    const table = await scb(server.url).data("TAB638", {
      Region: "2021",
      Civilstand: "*",
      Alder: "*",
      Kon: "*",
      ContentsCode: "*",
      Tid: "*",
    });
    expect(table.numRows).toBe(4 * 102 * 2 * 2 * 57);
    expect(server.hits.filter((h) => h.startsWith("POST"))).toHaveLength(1);
  });

  test("is resumable through the cache: after a failed call, a second run fetches only the missing parts", async () => {
    const folder = mkdtempSync(join(tmpdir(), "omvarld-resume-"));
    try {
      const routes = syntheticTab638(1000);
      const data = routes[2]!;
      let posts = 0;
      // the third data call fails once with 500 (written, as the documentation of HTTP describes it)
      server = await replay([
        routes[0]!,
        routes[1]!,
        {
          ...data,
          handle: (q, r, b) =>
            ++posts === 3 ? sendJson(r, { title: "Internal Server Error", status: 500 }, 500) : data.handle!(q, r, b),
        },
      ]);
      const selection = { Region: "2021", Civilstand: "*", Alder: "*", Kon: "*", ContentsCode: "*", Tid: "top(2)" };
      const first = await scb(server.url, { cache: fileCache(folder) })
        .data("TAB638", selection, { concurrency: 1 })
        .catch((e: unknown) => e);
      expect((first as OmvarldError).code).toBe("NETWORK");
      expect(posts).toBe(3);
      const table = await scb(server.url, { cache: fileCache(folder) }).data("TAB638", selection, { concurrency: 1 });
      // 3264 cells in 4 calls (see the CLI test); the two that succeeded come from the cache
      expect(table.numRows).toBe(3264);
      expect(posts).toBe(3 + 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
