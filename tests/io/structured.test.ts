import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { parsePeriod } from "../../src/io/dimensions.ts";
import { gunzip, read } from "../../src/io/node.ts";
import { fixture, one, readFixture, total } from "../helpers.ts";
import { loadCorpus } from "./fuzz/corpus.ts";
import { fingerprint } from "./fuzz/harness.ts";
import { MUTATIONS } from "./fuzz/mutations.ts";
import { rng } from "./fuzz/prng.ts";

// Every test starts from a real fixture; the variants are made from it by the edit the test names, and the values
// are compared with those of the unedited file.

const PX = "scb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__BE0101N1.px";
const PX_SSB = "ssb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__14216.px";
const JSONSTAT2 = "ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json";
const JSONSTAT1 = "scb/predicador37-pyjstat__pyjstat__test__data__statswe.json";
const PXWEB_JSON =
  "scb/index-text-copies/rOpenGov-pxweb__tests__testthat__api.scb.se__OV0104__v1__doris__sv__ssd__BE__BE0101__BE0101A__BefolkningNy-b51455-POST.json";
const SDMX = "eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3_page_linear.csv.gz";
const TSV = "eurostat/lahackmoreno-tourism-pressure-europe__reg_area3.tsv";
const PRICE_REGIONS = "ssb/stefur-pxwebpy__tests__mock__response_no.json";

const latin1 = (path: string) => readFileSync(fixture(path)).toString("latin1");
const utf8 = (path: string) => readFileSync(fixture(path), "utf8");
const fromLatin1 = (text: string) => Buffer.from(text, "latin1");

/** The error `f` throws (fails when it throws none or another kind). */
function errorOf(f: () => unknown): OmvarldError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(OmvarldError);
    return error as OmvarldError;
  }
  throw new Error("expected an OmvarldError");
}

describe("periods", () => {
  test("SSB weeks (2023U29) next to years, quarters and months", () => {
    expect(parsePeriod("2023U29")).toEqual({ year: 2023, period: "2023U29" });
    expect(parsePeriod("2014U30")).toEqual({ year: 2014, period: "2014U30" });
    expect(parsePeriod("2020W53")).toEqual({ year: 2020, period: "2020W53" });
    expect(parsePeriod("2023U54")).toBeNull();
    expect(parsePeriod("2023U00")).toBeNull();
    expect(parsePeriod("2020K1")).toEqual({ year: 2020, period: "2020K1" });
    expect(parsePeriod("2017")).toEqual({ year: 2017, period: null });
  });

  test("a JSON-stat table by week: year and period columns", () => {
    // SSB 07459 with its one year relabelled as week 29 of 2022
    const text = utf8(JSONSTAT2).replace(
      '"Tid":{"label":"år","category":{"index":{"2022":0},"label":{"2022":"2022"}}}',
      '"Tid":{"label":"uke","category":{"index":{"2022U29":0},"label":{"2022U29":"2022U29"}}}',
    );
    const t = read(Buffer.from(text), { file: "07459-weekly.json" });
    expect(one(t, { region: "3421" })).toBe(6603);
    expect(one(t, { region: "3421" }, "year")).toBe(2022);
    expect(one(t, { region: "3421" }, "period")).toBe("2022U29");
  });
});

describe("PX", () => {
  const original = readFixture(PX);

  test("a DATA block without the closing ';' loads when the count matches, with a warning", () => {
    const t = read(fromLatin1(latin1(PX).replace(/;\s*$/, "\n")), { file: "no-semicolon.px" });
    expect(fingerprint(t)).toEqual(fingerprint(original));
    expect(t.warnings.join(" ")).toMatch(/no closing ';'/);
    // one value short as well: an error at the last line, not a table
    const short = fromLatin1(latin1(PX).replace(/ 45 \n;\s*$/, " \n"));
    const e = errorOf(() => read(short, { file: "cut.px" }));
    expect(e.code).toBe("FILE_TRUNCATED");
    expect(e.message).toMatch(/63 values, expected 64 .* no closing ';'/);
    expect(e.line).toBe(92);
  });

  test("a PX file without its DATA block is a one-line error", () => {
    const text = latin1(PX);
    const e = errorOf(() => read(fromLatin1(text.slice(0, text.indexOf("DATA="))), { file: "no-data.px" }));
    expect(e.code).toBe("FILE_TRUNCATED");
    expect(e.toString()).toMatch(/^no-data\.px:\d+: the PX file has no DATA= block/);
  });

  test("a text cell in DATA is an error with its line, never a missing value", () => {
    const e = errorOf(() =>
      read(fromLatin1(latin1(PX).replace("815 809 -7 -6", "815 8O9 -7 -6")), { file: "typo.px" }),
    );
    expect(e.line).toBe(78);
    expect(e.message).toMatch(/found "8O9"/);
  });

  test("the KEYS layout: each data line starts with its codes; omitted lines are zeros", () => {
    const base = loadCorpus().find((b) => b.name === PX)!;
    const keysLayout = MUTATIONS.find((m) => m.name === "px-keys-layout")!;
    const bytes = keysLayout.mutate(base, rng(1))!;
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).toMatch(/KEYS\("region"\)=CODES;/);
    expect(text).toMatch(/^"0114","OG","45-54","1",1054 1026 -1 -28$/m);
    expect(fingerprint(read(bytes, { file: "keys.px" }))).toEqual(fingerprint(original));
    // leave out the line of 0115 / gifta / 55-64 / män: its four cells become 0
    const omitted = text.replace(/^"0115","G","55-64","1",.*\n/m, "");
    const t = read(fromLatin1(omitted), { file: "keys-omitted.px" });
    expect(t.warnings.join(" ")).toMatch(/1 of 16 lines are left out .* zeros/);
    const cell = { region: "0115", civilstånd_name: "gifta", age: "55-64", sex_name: "män", year: 2021 };
    expect(one(t, { ...cell, contents_name: "Folkmängd" })).toBe(0);
    expect(one(original, { ...cell, contents_name: "Folkmängd" })).toBe(1194);
    expect(total(t)).toBe(total(original) - (1149 + 1194 + 42 + 45));
    expect(t.warnings.join(" ")).not.toMatch(/closing/);
    // a key that is not among the CODES
    const e = errorOf(() =>
      read(fromLatin1(text.replace('"0114","OG","45-54","1"', '"0116","OG","45-54","1"')), { file: "keys.px" }),
    );
    expect(e.message).toMatch(/key "0116" is not among the CODES of "region"/);
    expect(e.line).toBeGreaterThan(76);
  });

  test("VALUES and CODES of different lengths: one line naming the file, the keyword and the counts", () => {
    // the last region text dropped: before the check this ended in a TypeError while stripping the region labels
    const valuesShort = latin1(PX).replace(
      'VALUES("region")="Upplands Väsby","Vallentuna";',
      'VALUES("region")="Upplands Väsby";',
    );
    const e = errorOf(() => read(fromLatin1(valuesShort), { file: "BE0101N1.px" }));
    expect(e.code).toBe("PARSE");
    expect(e.toString()).toBe(
      'BE0101N1.px:18: VALUES("region") has 1 entry but CODES("region") has 2: each value needs its code (hint: the file was edited or cut inside its keywords; download it again)',
    );
    // the last code dropped instead: the place is the CODES line
    const codesShort = latin1(PX).replace('CODES("region")="0114","0115";', 'CODES("region")="0114";');
    const c = errorOf(() => read(fromLatin1(codesShort), { file: "BE0101N1.px" }));
    expect([c.line, c.message]).toEqual([
      30,
      'VALUES("region") has 2 entries but CODES("region") has 1: each value needs its code',
    ]);
  });

  test("a region code the registry cannot take is an error at the line of its CODES", () => {
    const text = latin1(PX).replace('CODES("region")="0114","0115";', 'CODES("region")="114","999";');
    const e = errorOf(() => read(fromLatin1(text), { file: "BE0101N1.px" }));
    expect([e.code, e.line]).toEqual(["REGION_CODE", 30]);
    expect(e.message).toBe(
      'region code "999" may have lost its leading zero, but "0999" is no region the registry knows',
    );
  });

  test('region labels that repeat their code ("0114 Upplands Väsby") are split into code and name', () => {
    const text = latin1(PX).replace(
      'VALUES("region")="Upplands Väsby","Vallentuna";',
      'VALUES("region")="0114 Upplands Väsby","0115 Vallentuna";',
    );
    const t = read(fromLatin1(text), { file: "coded-labels.px" });
    expect(t.distinct("region")).toEqual(["0114", "0115"]);
    expect(t.distinct("region_name")).toEqual(["Upplands Väsby", "Vallentuna"]);
  });

  test("codes and labels of every dimension: `X` holds the code, `X_name` the label", () => {
    expect(original.columnNames.slice(0, 10)).toEqual([
      "region",
      "region_name",
      "civilstånd",
      "civilstånd_name",
      "age",
      "age_name",
      "sex",
      "sex_name",
      "contents",
      "contents_name",
    ]);
    expect(
      one(original, { region: "0114", civilstånd: "OG", age: "45-54", sex: "1", contents: "BE0101N1", year: 2020 }),
    ).toBe(1054);
    expect(original.distinct("sex_name")).toEqual(["män", "kvinnor"]);
    // SSB 14216 has no CODES for its contents: the labels are the codes, and no `_name` column is added
    expect(readFixture(PX_SSB).has("contents_name")).toBe(true);
  });
});

describe("JSON-stat", () => {
  const original = readFixture(JSONSTAT2);

  test("status flags on present values are kept per value", () => {
    // 07459 with flags added: Halden (index 0) estimated, Moss (1) provisional, the last value ':' without a number
    const json = JSON.parse(utf8(JSONSTAT2)) as { status?: unknown; value: (number | null)[] };
    json.status = { "0": "e", "1": "p", "358": ":" };
    json.value[358] = null;
    const t = read(Buffer.from(JSON.stringify(json)), { file: "07459-flags.json" });
    expect(one(t, { region: "3001" })).toBe(31_444);
    expect(one(t, { region: "3001" }, "status")).toBe("e");
    expect(one(t, { region: "3002" })).toBe(50_290);
    expect(one(t, { region: "3002" }, "status")).toBe("p");
    expect(one(t, { region: "3003" }, "status")).toBeNull();
    expect(t.filter({ status: ":" }).numRows).toBe(1);
    // a status list as long as the values
    json.status = json.value.map((_, i) => (i === 66 ? "b" : null));
    const b = read(Buffer.from(JSON.stringify(json)), { file: "07459-list.json" });
    expect(one(b, { region: "3421" }, "status")).toBe("b");
    expect(one(b, { region: "3421" })).toBe(6603);
  });

  test("numbers written as strings are read as numbers", () => {
    const json = JSON.parse(utf8(JSONSTAT2)) as { value: unknown[] };
    json.value = json.value.map((v) => String(v));
    const t = read(Buffer.from(JSON.stringify(json)), { file: "strings.json" });
    expect(fingerprint(t)).toEqual(fingerprint(original));
  });

  test("errors name the JSON path: no value, wrong length, wrong shape, over-long number", () => {
    const json = () => JSON.parse(utf8(JSONSTAT2)) as Record<string, unknown> & { value: unknown[] };
    const withValue = (edit: (j: ReturnType<typeof json>) => void) => {
      const j = json();
      edit(j);
      return errorOf(() => read(Buffer.from(JSON.stringify(j)), { file: "07459.json" }));
    };
    expect(withValue((j) => Reflect.deleteProperty(j, "value")).toString()).toMatch(
      /^07459\.json: JSON-stat value: is missing \(hint: /,
    );
    expect(withValue((j) => j.value.pop()).message).toBe(
      "JSON-stat value: has 358 entries, expected 359 (359 × 1 × 1)",
    );
    expect(withValue((j) => (j.value[17] = "abc")).message).toBe(
      'JSON-stat value[17]: expected a number or null, found "abc"',
    );
    expect(withValue((j) => (j.value = { a: 1 } as unknown as unknown[])).message).toMatch(
      /^JSON-stat value\.a: expected a position 0\.\.358/,
    );
    expect(withValue((j) => (j.size = [359, 1])).message).toMatch(/^JSON-stat size: expected 3 whole numbers/);
    const huge = utf8(JSONSTAT2).replace("[31444,", "[1" + "0".repeat(400) + ",");
    expect(errorOf(() => read(Buffer.from(huge), { file: "huge.json" })).message).toBe(
      "JSON-stat value[0]: is a number too large to represent",
    );
    // JSON-stat 1.0 paths start at the dataset's key
    const v1 = JSON.parse(utf8(JSONSTAT1)) as { dataset: Record<string, unknown> };
    Reflect.deleteProperty(v1.dataset, "value");
    expect(errorOf(() => read(Buffer.from(JSON.stringify(v1)), { file: "statswe.json" })).message).toBe(
      "JSON-stat dataset.value: is missing",
    );
  });
});

describe("JSON-stat: shape errors name their JSON path", () => {
  const edited = (path: string, edit: (dataset: Record<string, unknown>) => void) => {
    const json = JSON.parse(utf8(path)) as Record<string, unknown>;
    edit((json.dataset ?? json) as Record<string, unknown>);
    return errorOf(() => read(Buffer.from(JSON.stringify(json)), { file: "edited.json" }));
  };
  type Dataset = Record<string, unknown> & {
    id: string[];
    size: number[];
    dimension: Record<string, { category: { index: Record<string, number>; label: Record<string, unknown> } }>;
  };
  const ds = (d: Record<string, unknown>) => d as Dataset;

  test("a size one short with its id: the dimension left over is named, never dropped", () => {
    // 07459 without its year: before the check, 359 rows loaded without the year column
    const e = edited(JSONSTAT2, (d) => {
      ds(d).id.pop();
      ds(d).size.pop();
    });
    expect(e.message).toBe(
      'JSON-stat dimension.Tid: dimension "Tid" is described but not listed in id (["Region","ContentsCode"])',
    );
    // JSON-stat 1.0 keeps id and size in dataset.dimension
    const v1 = edited(JSONSTAT1, (d) => {
      const dim = d.dimension as { id: string[]; size: number[] };
      dim.id.pop();
      dim.size.pop();
    });
    expect(v1.message).toMatch(/^JSON-stat dataset\.dimension\.Tid: dimension "Tid" is described but not listed in/);
  });

  test("a position with no category, a dimension listed twice, labels and roles of the wrong shape", () => {
    // the last region's position left out: before the check, a TypeError from the hole in the codes
    const hole = edited(JSONSTAT2, (d) => {
      Reflect.deleteProperty(ds(d).dimension.Region!.category.index, "K-Rest");
    });
    expect(hole.message).toBe(
      "JSON-stat dimension.Region.category.index: no category has position 358: 358 categories for a size of 359",
    );
    expect(edited(JSONSTAT2, (d) => (ds(d).id[1] = "Region")).message).toBe(
      'JSON-stat id[1]: dimension "Region" is listed twice (also at 0)',
    );
    expect(edited(JSONSTAT2, (d) => (ds(d).dimension.Region!.category.label = 5 as never)).message).toBe(
      "JSON-stat dimension.Region.category.label: expected an object of labels by code, found 5",
    );
    expect(
      edited(JSONSTAT2, (d) => (ds(d).dimension.Region!.category.label["K-3001"] = { text: "Halden" })).message,
    ).toBe('JSON-stat dimension.Region.category.label.K-3001: expected a label (text), found {"text":"Halden"}');
    expect(edited(JSONSTAT2, (d) => (d.role = { time: "Tid" })).message).toBe(
      'JSON-stat role.time: expected a list of dimension ids, found "Tid"',
    );
  });

  test("a region or time code the registry cannot take is named by its dimension's path", () => {
    const e = edited(JSONSTAT2, (d) => {
      const index = ds(d).dimension.Tid!.category.index;
      Reflect.deleteProperty(index, "2022");
      index["år 2022"] = 0;
    });
    expect(e.message).toMatch(/^JSON-stat dimension\.Tid\.category: time value "år 2022" is not a year/);
  });
});

describe("JSON-stat: region codes that are no kommuner", () => {
  test("SSB 07221 by price region (TOTAL, 001-011): loads with the codes as they are", () => {
    const t = readFixture(PRICE_REGIONS);
    expect(t.provenance).toMatchObject({ format: "json-stat2", tableId: "07221", unit: "indeks" });
    // 12 regions × 3 dwelling types × 1 × 8 quarters
    expect(t.numRows).toBe(288);
    expect(t.distinct("region")).toEqual([
      "TOTAL",
      "001",
      "002",
      "003",
      "004",
      "005",
      "006",
      "007",
      "008",
      "009",
      "010",
      "011",
    ]);
    const cell = { boligtype: "01", period: "2023K4" };
    // value[7] and value[31] of the file: Hele landet and Oslo med Bærum, Eneboliger, 4th quarter 2023
    expect(one(t, { ...cell, region: "TOTAL" })).toBe(132.2);
    expect(one(t, { ...cell, region: "001" })).toBe(148.9);
    expect(one(t, { ...cell, region: "001" }, "region_name")).toBe("Oslo med Bærum");
    expect(one(t, { ...cell, region: "011" }, "region_name")).toBe("Nord-Norge");
    // positions 176-183 (007 Innlandet, Småhus) are null with status ".."
    const missing = t.filter({ region: "007", boligtype: "02" });
    expect(missing.numRows).toBe(8);
    expect(missing.toRows().map((r) => [r.value, r.status])).toEqual(Array(8).fill([null, ".."]));
    expect(t.warnings.join(" ")).not.toMatch(/leading zero/);
  });
});

describe("PxWeb API json", () => {
  test("without data or columns: one-line errors with the JSON path", () => {
    const base = JSON.parse(utf8(PXWEB_JSON)) as Record<string, unknown>;
    for (const key of ["data", "columns"]) {
      const j = { ...base };
      Reflect.deleteProperty(j, key);
      const e = errorOf(() => read(Buffer.from(JSON.stringify(j)), { file: "befolkning.json", format: "pxweb-json" }));
      expect(e.toString()).toMatch(new RegExp(`^befolkning\\.json: PxWeb json ${key}: is missing`));
    }
  });

  test("the table id is never the info file (BE0101 names the statistics product, not the table)", () => {
    const t = readFixture(PXWEB_JSON);
    expect(t.provenance.tableId).toBeUndefined();
    // with one contents column, its code is the table's (SCB's BE0101N1, Folkmängd)
    const j = JSON.parse(utf8(PXWEB_JSON)) as { columns: unknown[]; data: { values: string[] }[] };
    j.columns.splice(2, 1);
    for (const row of j.data) row.values.splice(1, 1);
    const single = read(Buffer.from(JSON.stringify(j)), { file: "single.json" });
    expect(single.provenance.tableId).toBe("BE0101N1");
    expect(one(single, { year: 2010 })).toBe(9_415_570);
  });
});

describe("SDMX-CSV", () => {
  const text = gunzip(readFileSync(fixture(SDMX))).toString();

  test("OBS_FLAG survives an OBS_VALUE that holds ':'", () => {
    // the first observation of DE111 (2000) made missing with the confidential flag
    const edited = text.replace("A,NR,T,TOTAL,DE111,2000,582443,", "A,NR,T,TOTAL,DE111,2000,:,c");
    const t = read(Buffer.from(edited), { file: "linear.csv" });
    expect(one(t, { region: "DE111", year: 2000 })).toBeNull();
    expect(one(t, { region: "DE111", year: 2000 }, "status")).toBe(": c");
    expect(t.filter({ status: "b" }).numRows).toBe(440);
    expect(total(t.filter({ value: (v) => v !== null }))).toBe(2_197_334_089 - 582_443);
  });

  test("a repeated observation: identical left out with a warning, different an error naming both lines", () => {
    const lines = text.split("\r\n");
    const same = read(Buffer.from([...lines.slice(0, -1), lines[5], ""].join("\r\n")), { file: "dup.csv" });
    expect(same.numRows).toBe(9403);
    expect(same.warnings.join(" ")).toMatch(/1 line repeated an earlier observation exactly/);
    const other = lines[5]!.replace(/,(\d+),([a-z]*)$/, (_, n: string, flag: string) => `,${Number(n) + 1},${flag}`);
    const e = errorOf(() => read(Buffer.from([...lines.slice(0, -1), other, ""].join("\r\n")), { file: "dup.csv" }));
    expect(e.message).toBe("line 9405 repeats the observation of line 6 with another value");
  });

  test("empty cells appended to the data lines only (Excel's `,,,`) read as the clean file", () => {
    const lines = text.split("\r\n");
    const padded = lines.map((l, k) => (k === 0 || l === "" ? l : `${l},,,`)).join("\r\n");
    expect(padded.split("\r\n")[1]!.endsWith(",2000,582443,,,,")).toBe(true);
    const t = read(Buffer.from(padded), { file: "linear.csv" });
    expect(fingerprint(t)).toEqual(fingerprint(readFixture(SDMX)));
    // a line with a cell too many among them is still refused (an unquoted comma in a label)
    const ragged = padded.replace(",DE111,2000,582443,", ",DE1,11,2000,582443,");
    const e = errorOf(() => read(Buffer.from(ragged), { file: "linear.csv" }));
    expect([e.line, e.message]).toEqual([2, "the line has 11 cells, expected 10"]);
  });

  test("a last line that ends in a comma and no line break reads as the clean file", () => {
    const edited = `${text.replace(/\r\n$/, "")},`;
    expect(edited.endsWith(",")).toBe(true);
    const t = read(Buffer.from(edited), { file: "linear.csv" });
    expect(fingerprint(t)).toEqual(fingerprint(readFixture(SDMX)));
    expect(t.numRows).toBe(9403);
  });
});

describe("Eurostat TSV", () => {
  const text = utf8(TSV);

  test("a file cut in the middle of a line is refused, never loaded in part", () => {
    // cut inside "1247" of the last line: without the check the last value would read 12
    const cut = text.slice(0, text.length - 4);
    const e = errorOf(() => read(Buffer.from(cut), { file: "reg_area3.tsv" }));
    expect(e.code).toBe("FILE_TRUNCATED");
    expect(e.line).toBe(2331);
  });

  test("a complete last line without a line break loads, with a warning", () => {
    // every cell there, the last one "1247 " ended by its space as every Eurostat cell is
    const t = read(Buffer.from(text.replace(/\r\n$/, "")), { file: "reg_area3.tsv" });
    expect(fingerprint(t)).toEqual(fingerprint(readFixture(TSV)));
    expect(t.warnings).toContain(
      "the file does not end with a line break: if it was cut off, its last line (line 2331) may be incomplete",
    );
    expect(one(t, { region: "XK007", year: 2026 })).toBe(1247);
    // cut before the last cell's space: "1247" could be the start of a longer number
    const e = errorOf(() => read(Buffer.from(text.replace(/ \r\n$/, "")), { file: "reg_area3.tsv" }));
    expect([e.code, e.line]).toEqual(["FILE_TRUNCATED", 2331]);
  });

  test("repeated lines: identical left out with a warning; with other values an error; a repeated header an error", () => {
    const lines = text.split("\r\n");
    const twice = read(Buffer.from([...lines.slice(0, 10), lines[5], ...lines.slice(10)].join("\r\n")), {
      file: "dup.tsv",
    });
    expect(fingerprint(twice)).toEqual(fingerprint(readFixture(TSV)));
    expect(twice.warnings.join(" ")).toMatch(/1 line repeated an earlier line exactly/);
    const changed = lines[5]!.replace(/\t(\d+)/, (_, n: string) => `\t${Number(n) + 1}`);
    const e = errorOf(() =>
      read(Buffer.from([...lines.slice(0, 10), changed, ...lines.slice(10)].join("\r\n")), { file: "dup.tsv" }),
    );
    expect(e.message).toMatch(/^line 11 repeats the codes ".*" of line 6 with other values$/);
    expect(errorOf(() => read(Buffer.from(text + text), { file: "twice.tsv" })).message).toBe(
      "the header line is repeated at line 2332",
    );
  });

  test("trailing TABs on every line (a spreadsheet's empty columns) read as the clean file", () => {
    const padded = text.replaceAll("\r\n", "\t\t\t\r\n");
    expect(padded.split("\r\n")[0]!.endsWith("\t\t\t")).toBe(true);
    const t = read(Buffer.from(padded), { file: "reg_area3.tsv" });
    expect(fingerprint(t)).toEqual(fingerprint(readFixture(TSV)));
  });
});

describe("gzip", () => {
  const bytes = readFileSync(fixture("scb/anderssundell-stathelp__data__befolkning.csv"));
  const gz = gzipSync(bytes);
  const original = fingerprint(readFixture("scb/anderssundell-stathelp__data__befolkning.csv"));

  test("two members and zero padding read as the whole file", () => {
    expect(
      fingerprint(
        read(Buffer.concat([gzipSync(bytes.subarray(0, 1000)), gzipSync(bytes.subarray(1000))]), { file: "b.csv.gz" }),
      ),
    ).toEqual(original);
    expect(fingerprint(read(Buffer.concat([gz, Buffer.alloc(512)]), { file: "b.csv.gz" }))).toEqual(original);
  });

  test("truncated, header only, corrupt, followed by garbage: one-line errors with a byte position", () => {
    const message = (b: Uint8Array) => errorOf(() => read(b, { file: "b.csv.gz" })).toString();
    expect(message(gz.subarray(0, 100))).toMatch(/^b\.csv\.gz: the gzip data end too early, at byte 100 \(hint: /);
    expect(message(gz.subarray(0, 10))).toMatch(/at byte 10 \(no more than a gzip header\)/);
    const flipped = Buffer.from(gz);
    flipped[gz.length - 6] = flipped[gz.length - 6]! ^ 0xff; // inside the CRC-32 / length trailer
    expect(message(flipped)).toMatch(
      new RegExp(`the gzip member from byte 0 to byte ${gz.length} fails its CRC-32 or length check`),
    );
    expect(message(Buffer.concat([gz, Buffer.from("<html>404</html>")]))).toMatch(
      new RegExp(`16 bytes that are not gzip follow the compressed data, from byte ${gz.length}`),
    );
  });
});

describe("Kolada", () => {
  test("a response of the wrong shape is an error with the JSON path, not a crash", () => {
    const e = errorOf(() =>
      read(
        Buffer.from(
          '{"kpi_count":1,"values":[{"kpi":"N01951","municipality":"0180","period":2020,"values":[{"gender":"T","value":"many"}]}]}',
        ),
        { file: "kolada.json" },
      ),
    );
    expect(e.toString()).toMatch(
      /^kolada\.json: Kolada values\[0\]\.values\[0\]\.value: expected a number or null, found "many"/,
    );
    expect(
      errorOf(() => read(Buffer.from('{"kpi":"N01951","values":null}'), { file: "k.json", format: "kolada" })).message,
    ).toMatch(/^Kolada values: expected a list/);
  });
});
