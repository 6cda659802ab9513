import { describe, expect, it } from "vitest";
import { read } from "../../src/io/node.ts";
import { combineRecognised, recognise } from "../../src/io/recognise.ts";
import { Table } from "../../src/table/table.ts";

const SSB = "data/ssb/ikashnitsky-mun-non-surv__dat__no__no-";
const value = (t: Table, where: Record<string, string | number>) => {
  const rows = t.filter(where).toRows();
  expect(rows).toHaveLength(1);
  return rows[0]!.value;
};

describe("recognising the agencies' tables by meaning", { timeout: 120_000 }, () => {
  it("SCB BE0101N1 (English XLSX) is population on 31 December, by sex and single age", () => {
    const r = recognise(read("data/scb/ikashnitsky-mun-non-surv__dat__scb-pop__p1819.xlsx"));
    expect(r.kind).toBe("population");
    expect(r.reference).toBe("end");
    expect(r.table.distinct("sex").sort()).toEqual(["female", "male"]);
    expect(r.table.distinct("age")).toHaveLength(101);
    expect(r.table.distinct("age")).toContain("100+");
    expect(value(r.table, { region: "2021", sex: "male", age: "0", year: 2019 })).toBe(31);
  });

  it("SSB 07459 (statbank CSV, Latin-1, 'Persons 2020' headers) is population on 1 January; the pseudo-regions are flagged", () => {
    const r = recognise(read(`${SSB}p2022.csv`));
    expect(r.kind).toBe("population");
    expect(r.reference).toBe("start");
    expect(r.table.provenance.tableId).toBe("07459");
    expect(value(r.table, { region: "0301", sex: "male", age: "0", year: 2020 })).toBe(4647);
    expect(r.table.distinct("age")).toContain("105+");
    expect(r.table.filter({ region_kind: "pseudo" }).distinct("region").sort()).toEqual(["21-22", "23", "Rest"]);
  });

  it("SSB 04231 is births by sex (Boys/Girls become male/female)", () => {
    const r = recognise(read(`${SSB}b7221.csv`));
    expect(r.kind).toBe("births");
    expect(value(r.table, { region: "3001", sex: "male", year: 1972 })).toBe(193);
    // the missing symbol stays missing
    expect(value(r.table, { region: "21-22", sex: "male", year: 2005 })).toBeNull();
  });

  it("SSB 08425 is deaths by sex; its 'Both sexes' rows equal males + females and are left out", () => {
    const r = recognise(read(`${SSB}d8621-total.csv`));
    expect(r.kind).toBe("deaths");
    expect(r.notes).toContain("sex: the total equals the sum of the parts and was left out");
    const both =
      (value(r.table, { region: "3001", sex: "male", year: 1986 }) as number) +
      (value(r.table, { region: "3001", sex: "female", year: 1986 }) as number);
    expect(both).toBe(309);
  });

  it("SSB 12983's two half-year files combine into deaths by age group and year; 2022, half unpublished, is left out", () => {
    const halves = ["jan-jun", "jul-dec"].map((h) => recognise(read(`${SSB}d0021-bag-${h}.csv`)));
    expect(halves.map((h) => h.kind)).toEqual(["deaths", "deaths"]);
    const monthly = halves.map((h) =>
      h.table.filter({ region: "0301", sex: "male", age: "0-64", year: 2000 }).toRows(),
    );
    expect(monthly[0]!.find((r) => r.month === "January")?.value).toBe(47);
    const byHand = monthly.flat().reduce((s, r) => s + (r.value as number), 0);
    const combined = combineRecognised(halves);
    expect(value(combined.table, { region: "0301", sex: "male", age: "0-64", year: 2000 })).toBe(byHand);
    expect(combined.table.distinct("year")).not.toContain(2022);
    expect(combined.notes[0]).toMatch(/2022 left out/);
  });

  it("other kinds: components of change, Telemarksforsking's panel, a commuting matrix", () => {
    expect(recognise(read("data/ssb/erleholgersen-elections-norway__folketall.csv")).kind).toBe("population-change");
    expect(recognise(read("data/tf/no-regions-2003-2016.csv")).kind).toBe("attractiveness-panel");
    expect(recognise(read("data/ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx")).kind).toBe(
      "commuting",
    );
  });

  it("checks a total against its parts: equal totals are left out, unequal ones are named in a warning", () => {
    const rows = (total: number) => [
      { region: "2021", year: 2019, sex: "män", value: 3000 },
      { region: "2021", year: 2019, sex: "kvinnor", value: 2800 },
      { region: "2021", year: 2019, sex: "totalt", value: total },
    ];
    const titled = (t: Table) => t.withProvenance({ title: "Folkmängden efter region, kön och år" });
    const agree = recognise(titled(Table.fromRows(rows(5800))));
    expect(agree.table.numRows).toBe(2);
    expect(agree.table.warnings).toEqual([]);
    const differ = recognise(titled(Table.fromRows(rows(5900))));
    expect(differ.table.distinct("sex").sort()).toEqual(["female", "male"]);
    expect(differ.table.warnings[0]).toMatch(
      /sex total differs from the sum of its parts in 1 of 1 cells \(first: region 2021, year 2019: total 5900, parts 5800\)/,
    );
  });
});
