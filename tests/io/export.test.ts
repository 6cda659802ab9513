import { tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { fromArrow, OmvarldError, Table, toArrowIPC, toCSV, toCSVBytes, toParquet, toXLSX } from "../../src/index.ts";
import { read } from "../../src/node.ts";
import { failure, readFixture } from "../helpers.ts";

// SSB 14216 (PX): Oslo's area in km² with two decimals and its population; "²" and "å" in the labels
const OSLO = "ssb/PxTools-PCAxis.Serializers__UnitTests__TestFiles__14216.px";
// SCB AM0112C1: 300 rows, 16 of them ".." (missing, with the symbol in the status column), å/ä/ö in every label
const WAGES = "scb/MikaelLundqvist-SCB-Engineers-Jonkoping__AM0112C1.csv";

const rows = (t: Table) => t.toRows();

describe("toCSV", () => {
  it("writes plain RFC 4180 by default: ',', '.', LF, empty for missing", () => {
    const table = Table.fromRows([
      { region: "0114", name: "Upplands Väsby", value: -1234.5 },
      { region: "0115", name: 'Vallentuna; "Vt"', value: null },
    ]);
    expect(toCSV(table)).toBe('region,name,value\n0114,Upplands Väsby,-1234.5\n0115,"Vallentuna; ""Vt""",\n');
  });

  it("{ excel: 'sv' }: BOM, ';', decimal comma, CRLF — byte for byte", () => {
    const bytes = toCSVBytes(readFixture(OSLO), { excel: "sv" });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(
      "tettsted;tettsted_name;contents;contents_name;year;value\r\n" +
        "0801;Oslo;Areal;Areal av tettsted (km²);2025;275,87\r\n" +
        "0801;Oslo;Areal;Areal av tettsted (km²);2024;276,3\r\n" +
        "0801;Oslo;Bosatte;Bosatte;2025;1110887\r\n" +
        "0801;Oslo;Bosatte;Bosatte;2024;1098061\r\n",
    );
  });

  it("options beside a preset win; a label holding ';' is quoted only when ';' separates", () => {
    const table = Table.fromRows([{ label: "a;b", value: 0.5 }]);
    expect(toCSV(table, { excel: "sv", bom: false, newline: "\n" })).toBe('label;value\n"a;b";0,5\n');
    expect(toCSV(table, { delimiter: "\t", missing: "..", header: false })).toBe("a;b\t0.5\n");
  });

  it("round trip through read(): the same values, nulls and å/ä/ö, for the Swedish preset and the default", () => {
    const wages = readFixture(WAGES);
    for (const options of [{ excel: "sv" as const }, {}, { encoding: "windows-1252" as const, delimiter: ";" }]) {
      const back = read(toCSVBytes(wages, options));
      expect(back.numRows).toBe(300);
      expect(rows(back)).toEqual(rows(wages));
    }
    // 1994 for "eftergymnasial utbildning kortare än två år", kvinnor is ".." in the file
    const back = read(toCSVBytes(wages, { excel: "sv" }));
    expect(
      back
        .filter({
          year: 1994,
          sex: "kvinnor",
          "Utbildningsnivå SUN 2000": "eftergymnasial utbildning kortare än två år",
        })
        .toRows(),
    ).toEqual([
      {
        "Utbildningsnivå SUN 2000": "eftergymnasial utbildning kortare än två år",
        sex: "kvinnor",
        year: 1994,
        value: null,
        status: "..",
      },
    ]);
  });

  it("Windows-1252: one byte for ä (0xE4) and € (0x80); a character it lacks is an error, not a '?'", () => {
    const bytes = toCSVBytes(Table.fromRows([{ a: "ä€" }]), { encoding: "windows-1252" });
    expect([...bytes]).toEqual([0x61, 0x0a, 0xe4, 0x80, 0x0a]);
    const error = failure(() =>
      toCSVBytes(Table.fromRows([{ a: "ok" }, { a: "Čierna" }]), { encoding: "windows-1252" }),
    );
    expect(error.message).toBe('"Č" (U+010C) cannot be written in Windows-1252');
    expect(error.line).toBe(3);
  });

  it("refuses a delimiter that is also the decimal mark", () => {
    expect(() => toCSV(Table.fromRows([{ a: 1 }]), { decimal: "," })).toThrow(OmvarldError);
  });
});

describe("toXLSX", () => {
  async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    return workbook;
  }

  it("numbers as numbers with formats, codes as text, a bold frozen header, the source below", async () => {
    const sheet = (await book(toXLSX(readFixture(OSLO)))).worksheets[0]!;
    expect(sheet.name).toBe("14216");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "tettsted",
      "tettsted_name",
      "contents",
      "contents_name",
      "year",
      "value",
    ]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("F1").alignment?.horizontal).toBe("right");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A2").value).toBe("0801");
    expect(sheet.getCell("E2").value).toBe(2025);
    expect(sheet.getCell("E2").numFmt).toBe("0");
    expect(sheet.getCell("F2").value).toBe(275.87);
    expect(sheet.getCell("F2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("F4").value).toBe(1110887);
    expect(sheet.getCell("A7").value).toMatch(/^Source: Statistisk sentralbyrå, 14216: Areal og befolkning/);
    expect(sheet.getCell("A8").value).toBe("Ikke medregnet personer uten opplysninger om bostedstrøk.");
  });

  it("escapes labels for XML and keeps their spaces", async () => {
    const table = Table.fromRows([{ "a<b": " x & y ", 'c"d': "<ä>" }]);
    const sheet = (await book(toXLSX(table))).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "a<b", 'c"d']);
    expect(sheet.getRow(2).values).toEqual([undefined, " x & y ", "<ä>"]);
  });

  it("several sheets by name, missing as empty cells, a number format by column", async () => {
    const workbook = await book(
      toXLSX(
        { Oslo: readFixture(OSLO), "Löner/SCB": readFixture(WAGES) },
        { numberFormats: { value: '#,##0 "kr"' }, notes: false },
      ),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Oslo", "Löner_SCB"]);
    const wages = workbook.getWorksheet("Löner_SCB")!;
    expect(wages.getCell("D2").value).toBe(13200);
    expect(wages.getCell("D2").numFmt).toBe('#,##0 "kr"');
    // row 8 of the table (sheet row 9): kortare än två år, kvinnor, 1991: ".."
    expect(wages.getRow(9).values).toEqual([
      undefined,
      "eftergymnasial utbildning kortare än två år",
      "kvinnor",
      1991,
      undefined,
      "..",
    ]);
    expect(wages.rowCount).toBe(301);
  });

  it("round trip through read(): the same values", async () => {
    for (const file of [OSLO, WAGES]) {
      const table = readFixture(file);
      const back = read(toXLSX(table));
      expect(rows(back)).toEqual(rows(table));
    }
  });

  it("names sheets as Excel allows: 31 characters, no []:*?/\\, each once", async () => {
    const t = Table.fromRows([{ a: 1 }]);
    const workbook = await book(toXLSX({ "a:b": t, A_B: t, ["x".repeat(40)]: t }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["a_b", "A_B_2", "x".repeat(31)]);
  });
});

describe("Arrow IPC and Parquet", () => {
  it("Arrow IPC round trip (apache-arrow) keeps values, nulls and the provenance", async () => {
    const wages = readFixture(WAGES);
    const arrowTable = tableFromIPC(await toArrowIPC(wages));
    expect(rows(fromArrow(arrowTable))).toEqual(rows(wages));
    expect(JSON.parse(arrowTable.schema.metadata.get("omvarld.provenance")!)).toEqual(wages.provenance);
  });

  it("Parquet round trip (hyparquet): the same rows, the year as INT32, the provenance in the metadata", async () => {
    const oslo = readFixture(OSLO);
    const bytes = await toParquet(oslo);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("PAR1");
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({ file: buffer })).toEqual(rows(oslo));
    const metadata = parquetMetadata(buffer);
    expect(metadata.schema.slice(1).map((s) => [s.name, s.type])).toEqual([
      ["tettsted", "BYTE_ARRAY"],
      ["tettsted_name", "BYTE_ARRAY"],
      ["contents", "BYTE_ARRAY"],
      ["contents_name", "BYTE_ARRAY"],
      ["year", "INT32"],
      ["value", "DOUBLE"],
    ]);
    expect(JSON.parse(metadata.key_value_metadata!.find((kv) => kv.key === "omvarld.provenance")!.value!)).toEqual(
      oslo.provenance,
    );
  });

  it("Parquet keeps the 16 missing wages as null and every å/ä/ö label", async () => {
    const wages = readFixture(WAGES);
    const bytes = await toParquet(wages);
    const back = (await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    })) as Record<string, unknown>[];
    expect(back).toEqual(rows(wages));
    expect(back.filter((r) => r["value"] === null)).toHaveLength(16);
  });
});
