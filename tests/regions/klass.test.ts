import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { OmvarldError } from "../../src/errors.ts";
import { NO_KLASS_VERSIONS } from "../../src/regions/data/no-klass.ts";
import { recast } from "../../src/regions/recast.ts";
import { CODE_CHANGES } from "../../src/regions/code-changes.ts";
import { findRegion, municipalities, REGIONS } from "../../src/regions/registry.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture, total } from "../helpers.ts";

const klass = (name: string): { classificationItems: { code: string; name: string }[] } =>
  JSON.parse(
    readFileSync(
      new URL(`../../data/klass/opisthokonta-kommuneendringer__data-raw__${name}.json`, import.meta.url),
      "utf8",
    ),
  );

const VERSIONS = [2002, 2003, 2004, 2005, 2006, 2008, 2011, 2012, 2013, 2015, 2017, 2018, 2019, 2020, 2022, 2023, 2024];

const codes = (year: number): string[] =>
  municipalities("NO", year)
    .map((r) => r.code)
    .sort();

describe("Norway from SSB KLASS", () => {
  test("the generated module is what scripts/build-klass.mjs makes of data/klass", () => {
    execFileSync(process.execPath, [new URL("../../scripts/build-klass.mjs", import.meta.url).pathname, "--check"], {
      stdio: "pipe",
    });
  });

  test.each(VERSIONS)("every kommune of KLASS version %i, with its name", (year) => {
    const items = klass(`Kommuneinndeling_${year}`).classificationItems.filter((i) => i.code !== "9999");
    const registry = municipalities("NO", year);
    expect(registry).toHaveLength(items.length);
    expect(registry.map((r) => [r.code, r.name]).sort()).toEqual(items.map((i) => [i.code, i.name]).sort());
    // every kommune's fylke (its first two digits) is a fylke of the same year
    for (const r of registry)
      expect(findRegion(r.code.slice(0, 2), { country: "NO", year })?.level, r.code).toBe("county");
  });

  test("counts per version, and a version holds until the next one", () => {
    expect(NO_KLASS_VERSIONS.map(([y]) => y)).toEqual(VERSIONS);
    expect(Object.fromEntries(NO_KLASS_VERSIONS)).toMatchObject({
      2002: 434,
      2006: 431,
      2017: 426,
      2018: 422,
      2019: 422,
      2020: 356,
      2023: 356,
      2024: 357,
    });
    expect(codes(2007)).toEqual(codes(2006));
    expect(codes(2021)).toEqual(codes(2020));
    expect(codes(2016)).toEqual(codes(2015));
    expect(municipalities("NO")).toHaveLength(357); // today's
  });

  test("fylker per structure: 19 until 2017, 18 in 2018-2019, 11 in 2020-2023, 15 from 2024", () => {
    const fylker = (year: number) =>
      REGIONS.filter(
        (r) => r.country === "NO" && r.level === "county" && (r.from ?? 0) <= year && year <= (r.to ?? Infinity),
      );
    expect(fylker(2017)).toHaveLength(19);
    expect(fylker(2018)).toHaveLength(18);
    expect(fylker(2020)).toHaveLength(11);
    expect(fylker(2024)).toHaveLength(15);
    expect(findRegion("16", { country: "NO", year: 2017 })?.name).toBe("Sør-Trøndelag");
    expect(findRegion("17", { country: "NO", year: 2017 })?.name).toBe("Nord-Trøndelag");
    expect(findRegion("16", { country: "NO", year: 2018 })).toBeUndefined();
    expect(findRegion("50", { country: "NO", year: 2018 })?.name).toBe("Trøndelag");
    expect(findRegion("01", { country: "NO", year: 2019 })?.name).toBe("Østfold");
    expect(findRegion("31", { country: "NO", year: 2024 })?.name).toBe("Østfold");
    expect(findRegion("30", { country: "NO", year: 2024 })).toBeUndefined();
  });

  test("names change without a code change: Snåsa 1736 became Snåase - Snåsa in 2011", () => {
    expect(findRegion("1736", { country: "NO", year: 2010 })?.name).toBe("Snåsa");
    expect(findRegion("1736", { country: "NO", year: 2011 })?.name).toBe("Snåase - Snåsa");
    expect(findRegion("1736", { country: "NO", year: 2011 })).toMatchObject({ from: 2011, to: 2017 });
    expect(findRegion("5001", { country: "NO" })?.name).toBe("Trondheim - Tråante"); // the latest name
  });
});

describe("the 2024 reversal", () => {
  const in2023 = new Set(codes(2023));
  const new2024 = codes(2024).filter((c) => !in2023.has(c));

  test("115 new codes: 113 in the seven new fylker, and Ålesund 1508 and Haram 1580", () => {
    expect(new2024).toHaveLength(115);
    expect(new2024.filter((c) => /^(31|32|33|39|40|55|56)/.test(c))).toHaveLength(113);
    expect(new2024.filter((c) => !/^(31|32|33|39|40|55|56)/.test(c))).toEqual(["1508", "1580"]);
    // every kommune of Viken (30), Vestfold og Telemark (38) and Troms og Finnmark (54) got one new code
    const old = codes(2023).filter((c) => /^(30|38|54)/.test(c));
    expect(old).toHaveLength(113);
    const y2024 = CODE_CHANGES.filter((c) => c.country === "NO" && c.year === 2024);
    for (const code of old) {
      const change = y2024.find((c) => c.from.includes(code));
      expect(change?.to, code).toHaveLength(1);
    }
    const viken = y2024.filter((c) => c.from[0]!.startsWith("30")).map((c) => c.to[0]!);
    expect(viken).toHaveLength(51);
    expect(viken.every((c) => /^3[123]\d\d$/.test(c))).toBe(true);
  });

  test("Drammen 3005 → 3301, Halden 3001 → 3101, Tromsø 5401 → 5501; Trysil 3421 stays", () => {
    const t = Table.fromRows([
      { region: "3005", year: 2023, value: 1 },
      { region: "3001", year: 2023, value: 2 },
      { region: "5401", year: 2023, value: 3 },
      { region: "3421", year: 2023, value: 4 },
    ]);
    const out = recast(t, { to: 2024, country: "NO" });
    expect(out.toRows()).toEqual([
      { region: "3301", year: 2023, value: 1 },
      { region: "3101", year: 2023, value: 2 },
      { region: "5501", year: 2023, value: 3 },
      { region: "3421", year: 2023, value: 4 },
    ]);
    expect(out.warnings).toEqual([]);
    expect(findRegion("3301", { country: "NO", year: 2024 })?.name).toBe("Drammen");
    expect(findRegion("3421", { country: "NO", year: 2024 })?.name).toBe("Trysil");
  });
});

describe("recasting real SSB tables across 2020 and 2024", () => {
  test("population 2019 (pre-2020 codes) onto 2024: sums by hand", () => {
    const y2019 = readFixture("ssb/Lagostra-population-center__data__befolkning.csv")
      .filter({ year: 2019, region: (r) => String(r).length === 4 })
      .select("region", "year", "value");
    // 1534 Haram, 1504 Ålesund, … went into 1507 Ålesund in 2020, which was split in 2024: refused without weights
    expect(() => recast(y2019, { to: 2024, country: "NO" })).toThrow(
      /region 1507 was split in 2024 into 1508, 1580 \(Ålesund → Ålesund, Haram\)/,
    );
    const out = recast(y2019, {
      to: 2024,
      country: "NO",
      weights: { "1507": { "1508": 0.85, "1580": 0.15 } },
      onSplit: "warn",
    });
    // Drammen 3301 = 0602 Drammen 68 933 + 0625 Nedre Eiker 24 963 + 0711 Svelvik 6 685
    expect(one(out, { region: "3301" })).toBe(68_933 + 24_963 + 6_685);
    // Moss 3103 = 0104 Moss 32 726 + 0136 Rygge 16 145; Halden 0101 → 3001 → 3101
    expect(one(out, { region: "3103" })).toBe(32_726 + 16_145);
    expect(one(out, { region: "3101" })).toBe(31_177);
    // Asker 3203 = 0220 Asker 61 523 + 0627 Røyken 22 635 + 0628 Hurum 9 521
    expect(one(out, { region: "3203" })).toBe(61_523 + 22_635 + 9_521);
    expect(one(out, { region: "3421" })).toBe(6_607); // Trysil 0428 → 3421, unchanged in 2024
    // Ålesund 2020 = 1504 Ålesund + 1523 Ørskog + 1529 Skodje + 1534 Haram + 1546 Sandøy, split by the weights
    const alesund = 47_998 + 2_250 + 4_764 + 9_383 + 1_238;
    expect(one(out, { region: "1508" })).toBeCloseTo(alesund * 0.85, 6);
    expect(one(out, { region: "1580" })).toBeCloseTo(alesund * 0.15, 6);
    // Snillfjord 5012 and Tysfjord 1850 were split in 2020: kept, with warnings
    expect(one(out, { region: "5012" })).toBe(999);
    expect(one(out, { region: "1850" })).toBe(1_925);
    expect(
      out.warnings.some((w) =>
        /region 5012 was split in 2020 into 5055, 5056, 5059 \(Snillfjord → Heim, Hitra, Orkland\); kept as 5012/.test(
          w,
        ),
      ),
    ).toBe(true);
    expect(
      out.warnings.some((w) => /2 region codes are not a kommune code of 2024 after recasting: 1850, 5012/.test(w)),
    ).toBe(true);
    // nothing lost: the total is the input's; the 357 kommuner of 2024 and the two kept split codes
    expect(total(out)).toBeCloseTo(total(y2019), 6);
    expect(out.numRows).toBe(357 + 2);
    expect(
      out
        .filter({ region: (r) => r !== "5012" && r !== "1850" })
        .distinct("region")
        .sort(),
    ).toEqual(codes(2024));
  });

  test("population 2022 (SSB 07459, 2020 codes) onto 2024", () => {
    const y2022 = readFixture("ssb/purplebugs-elastic-data-tool__download-07459_20220914-092711.json")
      .filter({ region: (r) => /^\d{4}$/.test(String(r)) })
      .select("region", "year", "value");
    expect(y2022.numRows).toBe(356);
    const out = recast(y2022, { to: 2024, country: "NO", weights: { "1507": { "1508": 0.86, "1580": 0.14 } } });
    expect(out.numRows).toBe(357);
    expect(out.warnings).toEqual(y2022.warnings); // the reader's, none added
    expect(new Set(out.distinct("region"))).toEqual(new Set(codes(2024)));
    expect(one(out, { region: "3301" })).toBe(102_273); // Drammen, K-3005 in the file
    expect(one(out, { region: "3203" })).toBe(96_088); // Asker, K-3025
    expect(one(out, { region: "3421" })).toBe(6_603); // Trysil
    expect(one(out, { region: "1508" })).toBeCloseTo(67_114 * 0.86, 6); // Ålesund K-1507
    expect(total(out)).toBeCloseTo(total(y2022), 6);
  });
});

describe("splits, mergers and boundary changes are never guessed", () => {
  test("Ålesund 1507 split in 2024: the error names the code, the year, the new codes and how to pass weights", () => {
    const t = Table.fromRows([{ region: "1507", year: 2023, value: 67_114 }]);
    let error: unknown;
    try {
      recast(t, { to: 2024, country: "NO" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OmvarldError);
    expect(String(error)).toBe(
      'region 1507 was split in 2024 into 1508, 1580 (Ålesund → Ålesund, Haram) (hint: recasting it needs weights (shares summing to 1), e.g. { weights: { "1507": { "1508": …, "1580": … } } }, or onSplit: "warn" to keep 1507 as it is)',
    );
    const kept = recast(t, { to: 2024, country: "NO", onSplit: "warn" });
    expect(kept.toRows()).toEqual([{ region: "1507", year: 2023, value: 67_114 }]);
    expect(kept.warnings).toHaveLength(2); // the split, and 1507 is no code of 2024
  });

  test("backwards, Ålesund 1508 and Haram 1580 sum to 1507", () => {
    const t = Table.fromRows([
      { region: "1508", year: 2024, value: 57_000 },
      { region: "1580", year: 2024, value: 9_500 },
    ]);
    expect(recast(t, { to: 2023, country: "NO" }).toRows()).toEqual([{ region: "1507", year: 2024, value: 66_500 }]);
  });

  test("weights must name every new code and sum to 1", () => {
    const t = Table.fromRows([{ region: "1507", year: 2023, value: 100 }]);
    expect(() => recast(t, { to: 2024, country: "NO", weights: { "1507": { "1508": 0.9 } } })).toThrow(
      /no share for 1580/,
    );
    expect(() => recast(t, { to: 2024, country: "NO", weights: { "1507": { "1508": 0.9, "1580": 0.2 } } })).toThrow(
      /sum to 1\.1, not 1/,
    );
    expect(() =>
      recast(t, { to: 2024, country: "NO", weights: { "1507": { "1508": 0.9, "1580": 0.1, "1504": 0 } } }),
    ).toThrow(/1504 is not one of 1508, 1580/);
  });

  test("backwards, a merger needs weights: Drammen 3301 (2024) onto 2019", () => {
    const t = Table.fromRows([{ region: "3301", year: 2024, value: 103_000 }]);
    expect(() => recast(t, { to: 2019, country: "NO" })).toThrow(
      /region 3005 was formed in 2020 from 0602, 0625, 0711 \(Drammen, Nedre Eiker, Svelvik → Drammen\)/,
    );
    const out = recast(t, {
      to: 2019,
      country: "NO",
      weights: { "3005": { "0602": 0.7, "0625": 0.25, "0711": 0.05 } },
    });
    expect(out.toRows().map((r) => [r.region, r.value])).toEqual([
      ["0602", 103_000 * 0.7],
      ["0625", 103_000 * 0.25],
      ["0711", 103_000 * 0.05],
    ]);
  });

  test("2017: Stokke went to Sandefjord and (about a fifth) to Tønsberg; Tønsberg 0704 continued", () => {
    const change = CODE_CHANGES.find((c) => c.country === "NO" && c.year === 2017 && c.to.includes("0710"));
    expect(change).toMatchObject({ from: ["0704", "0706", "0719", "0720"], to: ["0704", "0710"] });
    expect(change?.links).toEqual(
      expect.arrayContaining([
        ["0720", "0704"],
        ["0720", "0710"],
        ["0704", "0704"],
        ["0706", "0710"],
        ["0719", "0710"],
      ]),
    );
    const y2016 = Table.fromRows([
      { region: "0704", year: 2016, value: 42_000 }, // Tønsberg
      { region: "0706", year: 2016, value: 45_000 }, // Sandefjord
      { region: "0719", year: 2016, value: 5_800 }, // Andebu
      { region: "0720", year: 2016, value: 11_600 }, // Stokke
    ]);
    expect(() => recast(y2016, { to: 2017, country: "NO" })).toThrow(
      /region 0720 was split in 2017 into 0704, 0710 \(Stokke → Tønsberg, Sandefjord\)/,
    );
    const out = recast(y2016, { to: 2017, country: "NO", weights: { "0720": { "0704": 0.2, "0710": 0.8 } } });
    expect(out.toRows()).toEqual([
      { region: "0704", year: 2016, value: 42_000 + 11_600 * 0.2 },
      { region: "0710", year: 2016, value: 45_000 + 5_800 + 11_600 * 0.8 },
    ]);
    // backwards, Tønsberg 2017 holds part of Stokke: refused, or kept whole with a warning
    const y2017 = Table.fromRows([{ region: "0704", year: 2017, value: 44_000 }]);
    expect(() => recast(y2017, { to: 2016, country: "NO" })).toThrow(
      /region 0704 was formed in 2017 from 0704, 0720 \(Tønsberg, Stokke → Tønsberg\)/,
    );
    const kept = recast(y2017, { to: 2016, country: "NO", onSplit: "warn" });
    expect(kept.toRows()).toEqual([{ region: "0704", year: 2017, value: 44_000 }]);
    expect(kept.warnings).toHaveLength(1);
  });

  test("codes that are no kommune of the target year are named in a warning, never changed", () => {
    const t = Table.fromRows([
      { region: "0999", year: 2023, value: 1 },
      { region: "2111", year: 2023, value: 2 },
    ]);
    const out = recast(t, { to: 2024, country: "NO" });
    expect(out.distinct("region")).toEqual(["0999", "2111"]);
    expect(out.warnings).toEqual(["1 region code is not a kommune code of 2024 after recasting: 0999"]); // 2111 Svalbard is SSB's
  });
});

describe("Sweden: the 1995 splits and the county mergers of 1997-1998", () => {
  test("Kristianstad 1180 → 1290 (Skåne län 1997) round-trips; SCB's year-end figures are in the next year's division", () => {
    // 31 December 1995 is reported in the division of 1 January 1996, when Kristianstad was still 1180
    const t = Table.fromRows([
      { region: "1180", year: 1995, value: 75_000 },
      { region: "1290", year: 2000, value: 74_000 },
    ]);
    const now = recast(t, { to: 2020, country: "SE" });
    expect(now.toRows()).toEqual([
      { region: "1290", year: 1995, value: 75_000 },
      { region: "1290", year: 2000, value: 74_000 },
    ]);
    expect(now.warnings).toEqual([]);
    // and back onto the division of 1996 (a result's codes are those of its target: recast the original rows again)
    const then = recast(t, { to: 1996, country: "SE" });
    expect(then.toRows()).toEqual([
      { region: "1180", year: 1995, value: 75_000 },
      { region: "1180", year: 2000, value: 74_000 },
    ]);
    expect(findRegion("1180", { country: "SE" })).toMatchObject({ name: "Kristianstad", to: 1996 });
    expect(findRegion("1290", { country: "SE", year: 1996 })).toBeUndefined();
    expect(findRegion("1290", { country: "SE", year: 1997 })?.name).toBe("Kristianstad");
  });

  test("Borås 1583 → 1490 (Västra Götaland 1998); before 1995 it held Bollebygd (1535, 1443 from 1998) as well", () => {
    const y1996 = Table.fromRows([{ region: "1583", year: 1996, value: 96_000 }]);
    expect(recast(y1996, { to: 2020, country: "SE" }).toRows()).toEqual([
      { region: "1490", year: 1996, value: 96_000 },
    ]);
    const y1993 = Table.fromRows([{ region: "1583", year: 1993, value: 104_000 }]);
    expect(() => recast(y1993, { to: 2020, country: "SE" })).toThrow(
      /region 1583 was split in 1995 into 1583, 1535 \(Borås → Borås, Bollebygd\)/,
    );
    // the shares are given under the codes of the split (1995); each part then follows its own renumbering (1998)
    const split = recast(y1993, { to: 2020, country: "SE", weights: { "1583": { "1583": 0.92, "1535": 0.08 } } });
    expect(split.toRows()).toEqual([
      { region: "1490", year: 1993, value: 104_000 * 0.92 },
      { region: "1443", year: 1993, value: 104_000 * 0.08 },
    ]);
    // backwards, Borås and Bollebygd of 2000 sum to Borås of 1994 (31 December 1993 in the division of 1994)
    const y2000 = Table.fromRows([
      { region: "1490", year: 2000, value: 97_000 },
      { region: "1443", year: 2000, value: 7_500 },
    ]);
    expect(recast(y2000, { to: 1994, country: "SE" }).toRows()).toEqual([
      { region: "1583", year: 2000, value: 104_500 },
    ]);
    expect(findRegion("1535", { country: "SE" })).toMatchObject({ name: "Bollebygd", from: 1995, to: 1997 });
  });

  test("Lekeberg 1814 split from Örebro 1880 in 1995", () => {
    const t = Table.fromRows([{ region: "1880", year: 1993, value: 120_000 }]);
    expect(() => recast(t, { to: 2000, country: "SE" })).toThrow(
      /region 1880 was split in 1995 into 1880, 1814 \(Örebro → Örebro, Lekeberg\)/,
    );
    expect(findRegion("1814", { country: "SE", year: 1994 })).toBeUndefined();
    expect(findRegion("1814", { country: "SE", year: 1995 })?.name).toBe("Lekeberg");
  });

  test("a former code the registry does not list is named in a warning, not passed off as current", () => {
    const t = Table.fromRows([{ region: "1696", year: 1996, value: 1 }]); // a 16xx code of Skaraborgs län
    const out = recast(t, { to: 2020, country: "SE" });
    expect(out.distinct("region")).toEqual(["1696"]);
    expect(out.warnings).toEqual(["1 region code is not a kommun code of 2020 after recasting: 1696"]);
  });

  test("today's 290 kommuner; former codes are found with their last year", () => {
    expect(municipalities("SE")).toHaveLength(290);
    expect(municipalities("SE", 2020)).toHaveLength(290);
    expect(findRegion("1917", { country: "SE" })).toMatchObject({ name: "Heby", to: 2006 });
    expect(findRegion("0331", { country: "SE", year: 2007 })?.name).toBe("Heby");
    expect(findRegion("0330", { country: "SE", year: 2002 })).toBeUndefined(); // Knivsta from 2003
  });
});

test("Swedish codes in 21xx-23xx are kommuner, checked like any other", () => {
  const t = Table.fromRows([
    { region: "2180", year: 2019, value: 1 },
    { region: "2199", year: 2019, value: 2 },
  ]);
  expect(recast(t, { to: 2020, country: "SE" }).warnings).toEqual([
    "1 region code is not a kommun code of 2020 after recasting: 2199",
  ]);
});
