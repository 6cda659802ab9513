import { describe, expect, test } from "vitest";
import { editDistance } from "../../src/regions/edit-distance.ts";
import { foldName, nameKeys, nameQuery } from "../../src/regions/labels.ts";
import { type RegionResolution, resolveRegion, type ResolveOptions } from "../../src/regions/resolve.ts";

/** A resolution in one line per match: status, country, level, code and name, the year of change, and the links. */
function brief(query: string, options: ResolveOptions = {}): string[] {
  const r: RegionResolution = resolveRegion(query, options);
  if (r.matches.length === 0)
    return r.nearest.map((n) => `near ${n.region.country} ${n.region.code} ${n.region.name} (${n.distance})`);
  return r.matches.map((m) => {
    const { country, level, code, name } = m.region;
    const links = m.successors
      ? ` → ${m.successors.map((s) => s.code).join(", ")}`
      : m.predecessors
        ? ` ← ${m.predecessors.map((s) => s.code).join(", ")}`
        : "";
    return `${m.status} ${country} ${level} ${code} ${name}${m.changed ? ` ${m.changed}` : ""}${links}`;
  });
}

describe("resolveRegion: codes", () => {
  test("a current kommun code, with and without the country", () => {
    expect(resolveRegion("2021", { country: "SE", year: 2024 })).toEqual({
      query: "2021",
      by: "code",
      key: "2021",
      matches: [{ status: "current", region: { code: "2021", name: "Vansbro", country: "SE", level: "municipality" } }],
      nearest: [],
    });
    // Norway's 2021 was Karasjok until 2019 (5437 in Troms og Finnmark, 5610 in Finnmark from 2024)
    expect(brief("2021", { year: 2024 })).toEqual([
      "current SE municipality 2021 Vansbro",
      "former NO municipality 2021 Kárášjohka - Karasjok 2020 → 5610",
    ]);
  });

  test("Norway: a future code with its predecessors, a former code with its successors", () => {
    expect(resolveRegion("1508", { country: "NO", year: 2022 }).matches).toEqual([
      {
        status: "future",
        region: { code: "1508", name: "Ålesund", country: "NO", level: "municipality", from: 2024 },
        changed: 2024,
        predecessors: [{ code: "1507", name: "Ålesund", country: "NO", level: "municipality", from: 2020, to: 2023 }],
      },
    ]);
    expect(brief("3421", { country: "NO", year: 2019 })).toEqual(["future NO municipality 3421 Trysil 2020 ← 0428"]);
    expect(brief("0428", { country: "NO", year: 2024 })).toEqual(["former NO municipality 0428 Trysil 2020 → 3421"]);
    // 1507 was split again in 2024: Haram left Ålesund
    expect(brief("1507", { country: "NO", year: 2024 })).toEqual([
      "former NO municipality 1507 Ålesund 2024 → 1508, 1580",
    ]);
    // back to 2019, 1508 comes from every kommune merged into Ålesund in 2020
    expect(brief("1508", { country: "NO", year: 2019 })).toEqual([
      "future NO municipality 1508 Ålesund 2024 ← 1504, 1523, 1529, 1534, 1546",
    ]);
    expect(brief("3421", { country: "NO", year: 2024 })).toEqual(["current NO municipality 3421 Trysil"]);
  });

  test("Sweden: the renumbering of 1997 and 1998, and Heby 2007", () => {
    expect(resolveRegion("1180", { country: "SE", year: 2024 }).matches).toEqual([
      {
        status: "former",
        region: { code: "1180", name: "Kristianstad", country: "SE", level: "municipality", to: 1996 },
        changed: 1997,
        successors: [{ code: "1290", name: "Kristianstad", country: "SE", level: "municipality", from: 1997 }],
      },
    ]);
    expect(brief("1121", { country: "SE", year: 1996 })).toEqual(["current SE municipality 1121 Östra Göinge"]);
    expect(brief("1256", { country: "SE", year: 1996 })).toEqual([
      "future SE municipality 1256 Östra Göinge 1997 ← 1121",
    ]);
    expect(brief("1623", { country: "SE" })).toEqual(["former SE municipality 1623 Habo 1998 → 0643"]);
    expect(brief("1917", { country: "SE", year: 2024 })).toEqual(["former SE municipality 1917 Heby 2007 → 0331"]);
    // Bollebygd: split from Borås in 1995 (as 1535), renumbered 1443 in 1998
    expect(brief("1535", { country: "SE", year: 1990 })).toEqual(["future SE municipality 1535 Bollebygd 1995 ← 1583"]);
    expect(brief("1535", { country: "SE", year: 2024 })).toEqual(["former SE municipality 1535 Bollebygd 1998 → 1443"]);
  });

  test("1121 is Time in Norway and was Östra Göinge in Sweden; the country or the name decides", () => {
    expect(brief("1121", { year: 2024 })).toEqual([
      "current NO municipality 1121 Time",
      "former SE municipality 1121 Östra Göinge 1997 → 1256",
    ]);
    expect(brief("1121", { country: "NO", year: 1996 })).toEqual(["current NO municipality 1121 Time"]);
    expect(brief("1121 Time")).toEqual(["current NO municipality 1121 Time"]);
    expect(brief("1121 Östra Göinge", { year: 1996 })).toEqual(["current SE municipality 1121 Östra Göinge"]);
  });

  test("county and fylke codes, their mergers and splits", () => {
    expect(brief("16", { country: "SE", year: 2024 })).toEqual(["former SE county 16 Skaraborgs län 1998 → 06, 14"]);
    expect(brief("11", { country: "SE" })).toEqual(["former SE county 11 Kristianstads län 1997 → 12"]);
    expect(brief("15", { country: "SE" })).toEqual(["former SE county 15 Älvsborgs län 1998 → 14"]);
    expect(brief("12", { country: "SE", year: 1996 })).toEqual(["current SE county 12 Malmöhus län"]);
    expect(brief("12", { country: "SE" })).toEqual(["current SE county 12 Skåne län"]);
    expect(brief("20", { country: "NO", year: 2024 })).toEqual(["former NO county 20 Finnmark 2020 → 56"]);
    expect(brief("34", { country: "NO", year: 2019 })).toEqual(["future NO county 34 Innlandet 2020 ← 04, 05"]);
    expect(brief("30", { country: "NO", year: 2024 })).toEqual(["former NO county 30 Viken 2024 → 31, 32, 33"]);
    expect(brief("03")).toEqual(["current SE county 03 Uppsala län", "current NO county 03 Oslo"]);
  });

  test("labels, lost zeros and whole countries are read as codes", () => {
    expect(brief("K-3421")).toEqual(["current NO municipality 3421 Trysil"]);
    expect(brief("2021 Vansbro")).toEqual(["current SE municipality 2021 Vansbro"]);
    expect(resolveRegion("114", { country: "SE" })).toMatchObject({ key: "0114", by: "code" });
    expect(brief("114", { country: "SE" })).toEqual(["current SE municipality 0114 Upplands Väsby"]);
    expect(brief("Riket")).toEqual(["current SE country 00 Riket"]);
    expect(brief("0")).toEqual(["current NO country 0 Hele landet"]);
    expect(brief("Norway")).toEqual(["current NO country 0 Hele landet"]);
  });

  test("an unknown code: the nearest codes, a letter typed for a digit read as that digit", () => {
    expect(resolveRegion("2O21", { country: "SE", year: 2024 })).toMatchObject({
      by: "code",
      key: "2O21",
      matches: [],
    });
    expect(brief("2O21", { country: "SE", year: 2024 })).toEqual([
      "near SE 2021 Vansbro (1)",
      "near SE 2121 Ovanåker (1)",
      "near SE 2321 Åre (1)",
      "near SE 2421 Storuman (1)",
      "near SE 2521 Pajala (1)",
    ]);
    expect(resolveRegion("2O21", { country: "SE" }).nearest[0]!.region.name).toBe("Vansbro");
    // 1184 was never a code: the nearest are Kristianstads län's, former since 1997
    expect(brief("1184", { country: "SE" })).toEqual([
      "near SE 1180 Kristianstad (1)",
      "near SE 1181 Simrishamn (1)",
      "near SE 1182 Ängelholm (1)",
      "near SE 1183 Hässleholm (1)",
      "near SE 1284 Höganäs (1)",
    ]);
  });
});

describe("resolveRegion: names", () => {
  test("any case, with or without diacritics, without 'kommun'", () => {
    for (const q of ["Vansbro", "VANSBRO", "vansbro kommun"])
      expect(brief(q)).toEqual(["current SE municipality 2021 Vansbro"]);
    expect(brief("VÄSTERÅS")).toEqual(["current SE municipality 1980 Västerås"]);
    expect(brief("Vasteras")).toEqual(["current SE municipality 1980 Västerås"]);
    expect(brief("Baerum", { year: 2019 })).toEqual(["current NO municipality 0219 Bærum"]);
    expect(brief("Bærum")).toEqual(["current NO municipality 3201 Bærum"]);
  });

  test("a name is the code valid in the year", () => {
    expect(brief("östra göinge", { year: 1996 })).toEqual(["current SE municipality 1121 Östra Göinge"]);
    expect(brief("ostra goinge")).toEqual(["current SE municipality 1256 Östra Göinge"]);
    expect(brief("Ålesund", { year: 2021 })).toEqual(["current NO municipality 1507 Ålesund"]);
    expect(brief("alesund", { year: 2024 })).toEqual(["current NO municipality 1508 Ålesund"]);
    expect(brief("Trysil", { year: 2019 })).toEqual(["current NO municipality 0428 Trysil"]);
  });

  test("SSB's names in several languages, qualifiers, län without 'län'; a kommun before its county", () => {
    expect(brief("Karasjok")).toEqual(["current NO municipality 5610 Kárášjohka - Karasjok"]);
    expect(brief("Trondheim")).toEqual(["current NO municipality 5001 Trondheim - Tråante"]);
    expect(brief("Herøy")).toEqual([
      "current NO municipality 1515 Herøy (Møre og Romsdal)",
      "current NO municipality 1818 Herøy (Nordland)",
    ]);
    expect(brief("Dalarna")).toEqual(["current SE county 20 Dalarnas län"]);
    expect(brief("Dalarnas län")).toEqual(["current SE county 20 Dalarnas län"]);
    expect(brief("Stockholm")).toEqual([
      "current SE municipality 0180 Stockholm",
      "current SE county 01 Stockholms län",
    ]);
    expect(brief("Hedmark", { year: 2024 })).toEqual(["former NO county 04 Hedmark 2020 → 34"]);
  });

  test("an unknown name: the nearest names", () => {
    expect(brief("Vansbo", { country: "SE" })).toEqual(["near SE 2021 Vansbro (1)"]);
    // SCB's name until 2016 is not in the registry, which has one name per Swedish code; the name it begins is near
    expect(brief("Malung")).toEqual(["near SE 2023 Malung-Sälen (1)", "near SE 2080 Falun (2)"]);
    expect(resolveRegion("xyzzy")).toMatchObject({ by: "name", matches: [], nearest: [] });
  });
});

describe("name folding and edit distance", () => {
  test("folded names and the keys a name answers to", () => {
    expect(foldName("Östra  Göinge")).toBe("ostra goinge");
    expect(foldName("Kárášjohka - Karasjok")).toBe("karasjohka - karasjok");
    expect(nameKeys("Dalarnas län")).toEqual(["dalarnas lan", "dalarnas", "dalarna"]);
    expect(nameKeys("Våler (Østfold)")).toEqual(["valer (ostfold)", "valer"]);
    expect(nameQuery("Oslo kommune")).toBe("oslo");
  });

  test("Levenshtein distances", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("2O21", "2021")).toBe(1);
    expect(editDistance("flaw", "lawn")).toBe(2);
    expect(editDistance("Göinge", "Goinge")).toBe(1);
  });
});
