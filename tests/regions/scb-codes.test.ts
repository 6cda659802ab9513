// Sweden's renumbering of 1997 (Skåne län) and 1998 (Västra Götalands län), built from SCB's kommun code key by
// scripts/build-scb-codes.mjs, and the countries kept apart: the same numbers are Norwegian kommuner.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CODE_CHANGES } from "../../src/regions/code-changes.ts";
import { recast } from "../../src/regions/recast.ts";
import { countyOf, findRegion, municipalities } from "../../src/regions/registry.ts";
import { Table } from "../../src/table/table.ts";
import { readFixture, total } from "../helpers.ts";

const script = new URL("../../scripts/build-scb-codes.mjs", import.meta.url).pathname;
const file = (year: number) =>
  `adamaltmejd-registry-research-toolkit__regmeta__input_data__classifications__lkf${year}.csv`;
const path = (year: number) => new URL(`../../data/scb-codes/${file(year)}`, import.meta.url).pathname;

/** SCB's list of a year: [code, name] rows (2-digit län and 4-digit kommuner), as in the file. */
function list(year: number): [string, string][] {
  const lines = readFileSync(path(year), "utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("vardekod,vardebenamning");
  return lines.slice(1).map((line) => line.split(",") as [string, string]);
}
const kommuner = (year: number) => list(year).filter(([code]) => code.length === 4);

/** SCB's population of 31 December 2017 by kommun (the 290 of 2017), in 2017's codes. */
const pop2017 = readFixture("scb/anderssundell-stathelp__data__befolkning.csv");
const popOf = new Map(pop2017.toRows().map((r) => [r.region as string, r.value as number]));
const nameOf = new Map(pop2017.toRows().map((r) => [r.region_name as string, r.region as string]));

/**
 * The 288 kommuner of SCB's 1996 list as a table, each with the 2017 population of the kommun of the same name:
 * Södertälje with Nykvarn (split 1999), Uppsala with Knivsta (split 2003). The join is by name only, apart from the two
 * names SCB's 2017 file writes differently, so it does not use the code pairs under test.
 */
function table1996(year = 1996): Table {
  const aliases: Record<string, string> = { "Upplands-Väsby": "Upplands Väsby", Malung: "Malung-Sälen" };
  const rows = kommuner(1996).map(([code, name]) => {
    const now = nameOf.get(aliases[name] ?? name);
    if (now === undefined) throw new Error(`${name} is not in SCB's 2017 file`);
    const parts = now === "0181" ? ["0181", "0140"] : now === "0380" ? ["0380", "0330"] : [now];
    return { region: code, region_name: name, year, value: parts.reduce((s, c) => s + popOf.get(c)!, 0) };
  });
  return Table.fromRows(rows);
}

/** The shares of Södertälje and Uppsala that became Nykvarn and Knivsta, from 2017's populations. */
const share = (whole: string, part: string) => {
  const sum = popOf.get(whole)! + popOf.get(part)!;
  return { [whole]: popOf.get(whole)! / sum, [part]: popOf.get(part)! / sum };
};
const splits = { "0181": share("0181", "0140"), "0380": share("0380", "0330") };

describe("SCB's code key of 1996-1998 (data/scb-codes)", () => {
  test("the generated module is what scripts/build-scb-codes.mjs makes of the three lists", () => {
    const out = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(out.trim()).toBe(
      "lists 1996:288 1997:288 1998:288; 49 kommun codes changed (1997: 13, 1998: 36); 6 former län codes or names; 7 län links",
    );
  });

  test("the script refuses a list in which a 1996 kommun has no partner, and a kommun that moves to the wrong län", () => {
    const dir = mkdtempSync(join(tmpdir(), "omvarld-scb-codes-"));
    try {
      for (const year of [1996, 1997, 1998]) copyFileSync(path(year), join(dir, file(year)));
      // Östra Göinge left out of the 1997 list
      const y1997 = readFileSync(path(1997), "utf8");
      writeFileSync(join(dir, file(1997)), y1997.replace("1256,Östra Göinge\n", ""));
      const run = () => execFileSync(process.execPath, [script, "--dir", dir], { encoding: "utf8", stdio: "pipe" });
      expect(run).toThrow(/1997: 1121 Östra Göinge \(Kristianstads län\) is unpaired: no kommun of that name in 1997/);
      // Habo under a Hallands län code in 1998 (län 13 took none of Skaraborgs län)
      writeFileSync(join(dir, file(1997)), y1997);
      const y1998 = readFileSync(path(1998), "utf8");
      writeFileSync(
        join(dir, file(1998)),
        y1998.replace("0643,Habo\n", "").replace("13,Hallands län\n", "13,Hallands län\n1399,Habo\n"),
      );
      expect(run).toThrow(/1998: 1623 Habo pairs with 1399, in län 13, not in 06 or 14/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  test("the registry's kommuner of 1996, 1997 and 1998 are SCB's, code for code and name for name", () => {
    for (const year of [1996, 1997, 1998]) {
      const scb = kommuner(year);
      expect(scb).toHaveLength(288);
      const registry = new Map(municipalities("SE", year).map((r) => [r.code, r.name]));
      expect([...registry.keys()].sort()).toEqual(scb.map(([code]) => code));
      // the registry has one name per current code (SCB's of 2017); the lists title-case SCB's upper-case names
      expect(scb.filter(([code, name]) => registry.get(code) !== name)).toEqual([
        ["0114", "Upplands-Väsby"],
        ["2023", "Malung"],
      ]);
    }
    expect(municipalities("SE", 1994)).toHaveLength(286); // before Bollebygd 1535 and Lekeberg 1814 (1995)
    expect(findRegion("1121", { country: "SE" })).toMatchObject({ name: "Östra Göinge", to: 1996 });
    expect(findRegion("1121", { country: "SE", year: 1996 })?.name).toBe("Östra Göinge");
    expect(findRegion("1121", { country: "SE", year: 1997 })).toBeUndefined();
    expect(findRegion("1256", { country: "SE", year: 1997 })?.name).toBe("Östra Göinge");
    expect(findRegion("1256", { country: "SE", year: 1996 })).toBeUndefined();
  });

  test("49 kommuner renumbered: Kristianstads län's 13 in 1997, Älvsborgs 19 and Skaraborgs 17 in 1998", () => {
    const renumbered = CODE_CHANGES.filter((c) => c.country === "SE" && c.from.length === 1 && c.from[0]!.length === 4)
      .filter((c) => c.year === 1997 || c.year === 1998)
      .map((c) => [c.year, c.from[0]!.slice(0, 2), c.to[0]!.slice(0, 2)].join(" "));
    const count = (key: string) => renumbered.filter((r) => r === key).length;
    expect(renumbered).toHaveLength(49);
    expect([count("1997 11 12"), count("1998 15 14"), count("1998 16 14"), count("1998 16 06")]).toEqual([
      13, 19, 15, 2,
    ]);
    // Malmöhus län's and Göteborgs och Bohus län's kommuner kept their codes
    const y1996 = new Map(kommuner(1996));
    expect([y1996.get("1280"), y1996.get("1480")]).toEqual(["Malmö", "Göteborg"]);
    expect(CODE_CHANGES.find((c) => c.country === "SE" && c.from.includes("1623"))).toMatchObject({
      year: 1998,
      to: ["0643"],
      note: "Habo, Skaraborgs län → Jönköpings län",
    });
  });
});

describe("recasting Swedish codes of 1996 onto today's", () => {
  test("a 1996 list recast onto 2024 maps all 288 kommuner to today's 290, population kept, no warning", () => {
    const t = table1996();
    const now = recast(t, { to: 2024, country: "SE", reference: "start", weights: splits });
    expect(now.warnings).toEqual([]);
    expect(now.numRows).toBe(290);
    expect(now.distinct("region").sort()).toEqual(
      municipalities("SE", 2024)
        .map((r) => r.code)
        .sort(),
    );
    expect(total(now)).toBeCloseTo(total(t), 6);
    expect(total(t)).toBe(10_120_242); // Sweden on 31 December 2017
    // every kommun's population lands on its own code of today: the code pairs agree with the names
    for (const row of now.toRows())
      expect(row.value, String(row.region)).toBeCloseTo(popOf.get(row.region as string)!, 6);
  });

  test("SCB's year-end figures of 1995 are in the division of 1996: the same result", () => {
    const t = table1996(1995);
    const now = recast(t, { to: 2024, country: "SE", weights: splits });
    expect(now.warnings).toEqual([]);
    expect(now.filter({ region: "1256" }).get("value", 0)).toBe(popOf.get("1256"));
    // but a table of year-end 1996 is in the division of 1997, where 1121 is no code: named, not passed off
    const late = recast(table1996(1996), { to: 2024, country: "SE", weights: splits });
    expect(late.warnings).toEqual([
      "13 region codes are not a kommun code of 2024 after recasting: 1121, 1137, 1160, 1162, 1163, 1165, 1166, 1167, 1168, 1180, …",
    ]);
  });

  test("a 1998 list is not touched by the renumbering; onwards only Heby, Nykvarn and Knivsta change", () => {
    const t = Table.fromRows(kommuner(1998).map(([code], k) => ({ region: code, year: 1998, value: k + 1 })));
    const same = recast(t, { to: 1998, country: "SE", reference: "start" });
    expect(same.toRows()).toEqual(t.toRows());
    expect(same.warnings).toEqual([]);
    const now = recast(t, { to: 2024, country: "SE", reference: "start", weights: splits });
    expect(now.warnings).toEqual([]);
    const before = new Set(t.distinct("region"));
    const after = new Set(now.distinct("region"));
    expect([...before].filter((c) => !after.has(c))).toEqual(["1917"]);
    expect([...after].filter((c) => !before.has(c)).sort()).toEqual(["0140", "0330", "0331"]);
  });

  test("Habo and Mullsjö moved to Jönköpings län: 1623 → 0643, 1622 → 0642", () => {
    const t = Table.fromRows([
      { region: "1622", year: 1997, value: 7_000 },
      { region: "1623", year: 1997, value: 9_000 },
    ]);
    const now = recast(t, { to: 2024, country: "SE", reference: "start" });
    expect(now.toRows().map((r) => [r.region, r.value])).toEqual([
      ["0642", 7_000],
      ["0643", 9_000],
    ]);
    expect(now.distinct("region").map((c) => countyOf(c as string))).toEqual(["06", "06"]);
    expect(findRegion("0643", { country: "SE", year: 2024 })?.name).toBe("Habo");
    expect(findRegion("1623", { country: "SE", year: 1997 })?.name).toBe("Habo");
    // and back: today's Habo in the division of 1997
    const y2000 = Table.fromRows([
      { region: "0642", year: 2000, value: 7_100 },
      { region: "0643", year: 2000, value: 9_200 },
    ]);
    expect(recast(y2000, { to: 1997, country: "SE", reference: "start" }).distinct("region")).toEqual(["1622", "1623"]);
  });
});

describe("the same numbers are Norwegian kommuner: a mapping always knows the country", () => {
  test("Östra Göinge 1121 (Sweden, 1996) → 1256; Time 1121 (Norway) stays 1121", () => {
    const se = Table.fromRows([{ region: "1121", year: 1996, value: 15_000 }]);
    const seNow = recast(se, { to: 2024, country: "SE", reference: "start" });
    expect(seNow.toRows()).toEqual([{ region: "1256", year: 1996, value: 15_000 }]);
    expect(seNow.warnings).toEqual([]);
    const no = Table.fromRows([
      { region: "1121", year: 2019, value: 18_900 }, // Time, Rogaland
      { region: "1160", year: 2019, value: 8_700 }, // Vindafjord (Tomelilla's old Swedish code)
      { region: "1256", year: 2019, value: 8_200 }, // Meland, Hordaland (Östra Göinge's new Swedish code)
    ]);
    const noNow = recast(no, { to: 2024, country: "NO" });
    expect(noNow.toRows().map((r) => [r.region, r.value])).toEqual([
      ["1121", 18_900],
      ["1160", 8_700],
      ["4631", 8_200], // Meland went into Alver in 2020
    ]);
    expect(noNow.warnings).toEqual([]);
    expect(findRegion("1121", { country: "NO", year: 2024 })?.name).toBe("Time");
    // a Swedish 1121 of 2000 (after the renumbering) is no kommun: kept and named, never made Norwegian
    const wrong = recast(Table.fromRows([{ region: "1121", year: 2000, value: 1 }]), { to: 2024, country: "SE" });
    expect(wrong.distinct("region")).toEqual(["1121"]);
    expect(wrong.warnings).toEqual(["1 region code is not a kommun code of 2024 after recasting: 1121"]);
  });

  test("without a country, a code means what is valid now: Time 1121 before Östra Göinge of 1996", () => {
    expect(findRegion("1121")).toMatchObject({ country: "NO", name: "Time" });
    expect(findRegion("1121", { year: 1996 })).toMatchObject({ country: "SE", name: "Östra Göinge" });
    expect(findRegion("0643")).toMatchObject({ country: "SE", name: "Habo" });
  });
});

describe("the län: Kristianstads 11 → Skåne 12 (1997); Älvsborgs 15, Skaraborgs 16 → Västra Götaland 14 (1998)", () => {
  test("län codes and names by year", () => {
    expect(findRegion("11", { country: "SE" })).toMatchObject({ name: "Kristianstads län", to: 1996 });
    expect(findRegion("12", { country: "SE", year: 1996 })?.name).toBe("Malmöhus län");
    expect(findRegion("12", { country: "SE" })?.name).toBe("Skåne län");
    expect(findRegion("14", { country: "SE", year: 1997 })?.name).toBe("Göteborgs och Bohus län");
    expect(findRegion("14", { country: "SE", year: 1998 })?.name).toBe("Västra Götalands län");
    expect(findRegion("20", { country: "SE", year: 1996 })?.name).toBe("Kopparbergs län");
    expect(findRegion("16", { country: "SE", year: 1998 })).toBeUndefined();
    for (const [year, count] of [
      [1996, 24],
      [1997, 23],
      [1998, 21],
    ] as const) {
      const lan = list(year).filter(([code]) => code.length === 2);
      expect(lan).toHaveLength(count);
      for (const [code, name] of lan) expect(findRegion(code, { country: "SE", year })?.name).toBe(name);
    }
  });

  test("län populations of 1996 recast onto 2024 equal the sums of their kommuner recast onto 2024", () => {
    const byLan = (t: Table) => t.withColumn("region", t.strings("region").mapValues(countyOf), "dimension");
    const kommun1996 = table1996();
    const lan1996 = byLan(kommun1996).select("region", "year", "value").groupBy(["region", "year"]).sum(["value"]);
    expect(lan1996.numRows).toBe(24);
    // Skaraborgs län went to Västra Götaland except Habo and Mullsjö, which went to Jönköpings län
    const skaraborg = lan1996.filter({ region: "16" }).get("value", 0) as number;
    const toJonkoping = kommun1996.filter({ region: ["1622", "1623"] });
    const habo = total(toJonkoping) / skaraborg;
    expect(() => recast(lan1996, { to: 2024, country: "SE", reference: "start" })).toThrow(
      /region 16 was split in 1998 into 06, 14 \(Skaraborgs län → Jönköpings län, Västra Götalands län\)/,
    );
    // and Heby went from Västmanlands län to Uppsala län in 2007
    const heby =
      (kommun1996.filter({ region: "1917" }).get("value", 0) as number) /
      (lan1996.filter({ region: "19" }).get("value", 0) as number);
    const lanNow = recast(lan1996, {
      to: 2024,
      country: "SE",
      reference: "start",
      weights: { "16": { "06": habo, "14": 1 - habo }, "19": { "03": heby, "19": 1 - heby } },
    });
    expect(lanNow.numRows).toBe(21);
    expect(lanNow.warnings).toEqual([]);
    const kommunNow = recast(kommun1996, { to: 2024, country: "SE", reference: "start", weights: splits });
    const expected = byLan(kommunNow).select("region", "year", "value").groupBy(["region", "year"]).sum(["value"]);
    for (const row of expected.toRows()) {
      expect(lanNow.filter({ region: row.region as string }).get("value", 0), String(row.region)).toBeCloseTo(
        row.value as number,
        6,
      );
    }
    // Skåne = Kristianstads län + Malmöhus län; backwards, Skåne needs shares to be split again
    const skane = lan1996.filter({ region: ["11", "12"] });
    expect(lanNow.filter({ region: "12" }).get("value", 0)).toBe(total(skane));
    const back = Table.fromRows([{ region: "12", year: 2000, value: 1 }]);
    expect(() => recast(back, { to: 1996, country: "SE", reference: "start" })).toThrow(
      /region 12 was formed in 1997 from 11, 12 \(Kristianstads län, Malmöhus län → Skåne län\)/,
    );
  });
});
