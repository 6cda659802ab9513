import { describe, expect, test } from "vitest";
import { registeredMigration, structureOf } from "../../src/indicators/attractiveness/net-migration.ts";
import { residentialAttractiveness } from "../../src/indicators/attractiveness/residential.ts";
import { asAttractivenessPanel } from "../../src/io/attractiveness.ts";
import { read } from "../../src/io/node.ts";
import { combineRecognised, recognise } from "../../src/io/recognise.ts";
import { one, readFixture } from "../helpers.ts";

// SSB's own tables on the 2020 kommune codes: population 07459 (1 January 2008-2019), births 04231, deaths 12983
// (preliminary, in two half-year files) and 08425 (final); Telemarksforsking's panel on the codes of 2017
const file = (name: string) =>
  new URL(`../../data/ssb/ikashnitsky-mun-non-surv__dat__no__${name}.csv`, import.meta.url).pathname;
const kommuner = asAttractivenessPanel(readFixture("tf/no-regions-2003-2016.csv")).filter({ level: "kommune" });
const population = combineRecognised(
  ["no-p0810", "no-p1113", "no-p1416", "no-p1719"].map((p) => recognise(read(file(p)))),
).table;
const births = recognise(read(file("no-b7221"))).table;
const preliminary = combineRecognised(
  ["no-d0021-bag-jan-jun", "no-d0021-bag-jul-dec"].map((p) => recognise(read(file(p)))),
).table;
const final = recognise(read(file("no-d8621-total"))).table;
const counts = { population, births, deaths: preliminary };
const registered = registeredMigration(kommuner, counts);

describe("registered net migration from SSB's population, births and deaths", () => {
  test("Trysil 2016 and Rendalen 2008 by hand from the files: NM = P(t+1) − P(t) − (B − D)", () => {
    // Trysil (K-3421, 0428 in the panel): 1 January 2016 6 525 (no-p1416, the sum of its rows), 2017 6 550
    // (no-p1719); births 2016 24 boys + 19 girls; deaths 2016 37 (January-June) + 45 (July-December)
    expect(registered.years.get("0428|2016")).toEqual({
      population: 6525,
      nextPopulation: 6550,
      births: 43,
      deaths: 82,
      netMigration: 6550 - 6525 - (43 - 82),
    });
    expect(registered.years.get("0428|2016")!.netMigration).toBe(64);
    // Rendalen (K-3424, 0432): 2 029 → 2 014; births 2008 10 + 11; deaths 23 + 18 (preliminary), 38 (final)
    expect(registered.years.get("0432|2008")!.netMigration).toBe(2014 - 2029 - (21 - 41));
    const withFinal = registeredMigration(kommuner, { population, births, deaths: [final, preliminary] });
    expect(withFinal.years.get("0432|2008")!.deaths).toBe(38);
    expect(withFinal.years.get("0432|2008")!.netMigration).toBe(2014 - 2029 - (21 - 38));
    // the final deaths give Telemarksforsking's natural increase, −17 / 2 029 = −0.84 %
    expect(one(kommuner, { region: "0432", year: 2008 }, "natural_increase_pct")).toBe(-0.84);
    expect(((100 * (21 - 38)) / 2029).toFixed(2)).toBe("-0.84");
  });

  test("the two kommune structures are read from the codes, and met through the registry's changes", () => {
    expect(structureOf(kommuner.distinct("region") as string[])).toEqual({ country: "NO", year: 2017 });
    expect(registered.vintages).toEqual({ country: "NO", panel: 2017, counts: 2020 });
    // every year the population is the panel's where both have it: the same register
    for (const [key, r] of registered.years) {
      const [region, year] = key.split("|");
      const own = kommuner.filter({ region: region!, year: Number(year) });
      if (own.numRows) expect(own.get("population", 0), key).toBe(r.population);
    }
  });

  test("kommuner merged or split between 2017 and 2020 keep the panel's own figures, and are counted", () => {
    const merged = registered.kept.filter((k) => k.reason === "merged");
    const split = registered.kept.filter((k) => k.reason === "split");
    expect(registered.kept).toHaveLength(merged.length + split.length);
    expect(merged).toHaveLength(114);
    // Snillfjord went to Hitra, Orkland and Heim; Tysfjord to Narvik and Hamarøy
    expect(split).toEqual([
      { region: "1613", reason: "split", codes: ["5055", "5056", "5059"] },
      { region: "1850", reason: "split", codes: ["1806", "1875"] },
    ]);
    // Tønsberg and Re became 3803 Tønsberg in 2020: neither can be told apart in the counts
    expect(merged.find((k) => k.region === "0704")).toEqual({ region: "0704", reason: "merged", codes: ["0716"] });
    const regions = new Set([...registered.years.keys()].map((k) => k.split("|")[0]));
    expect(regions.size).toBe(426 - 116);
    expect(regions.has("0704")).toBe(false);
  });
});

describe("the residential model on registered net migration", () => {
  // final deaths first, as the command line orders them
  const result = residentialAttractiveness(kommuner, {
    from: 2007,
    to: 2016,
    counts: { population, births, deaths: [final, preliminary] },
  });
  const plain = residentialAttractiveness(kommuner, { from: 2007, to: 2016 });
  const row = (region: string, year: number) =>
    result.decomposition.filter({ region, year }).toRows()[0] as Record<string, number | string | null>;

  test("the dependent variable is registered net migration in percent of 1 January, less national immigration", () => {
    const trysil = row("0428", 2016);
    expect(trysil.net_migration_source).toBe("registered");
    expect(trysil.growth).toBeCloseTo((100 * 25) / 6525, 12);
    // final deaths 2016: 81 (08425), one fewer than the preliminary 82 (12983)
    expect(trysil.natural_increase).toBeCloseTo((100 * (43 - 81)) / 6525, 12);
    // national net immigration 2016: 0.50 % (the panel's column, Telemarksforsking's Innvandringsbidrag)
    expect(trysil.relative_net_migration).toBeCloseTo((100 * (6550 - 6525 - (43 - 81))) / 6525 - 0.5, 12);
    // Tønsberg keeps the panel's rounded percentages; 2007 has no 1 January 2007 population in the counts
    const tonsberg = row("0704", 2016);
    expect(tonsberg.net_migration_source).toBe("panel");
    expect(tonsberg.growth).toBe(one(kommuner, { region: "0704", year: 2016 }, "population_growth_pct"));
    expect(row("0428", 2007).net_migration_source).toBe("panel");
  });

  test("the decomposition still adds up to the growth, and the sources are counted", () => {
    const parts = ["natural_increase", "immigration", "constant", "own_jobs", "size", "attractiveness"];
    for (const r of result.decomposition.toRows())
      expect(parts.reduce((s, p) => s + (r[p] as number), 0)).toBeCloseTo(r.growth as number, 10);
    const sources = result.decomposition.toRows().map((r) => r.net_migration_source);
    expect(result.dependent.registered).toBe(sources.filter((s) => s === "registered").length);
    expect(result.dependent.panel).toBe(sources.filter((s) => s === "panel").length);
    expect(result.dependent.registered + result.dependent.panel).toBe(4260);
    // every kommune-year of 2008-2016 the counts give (310 kommuner × 9 years, less a few missing counts)
    const withFinal = registeredMigration(kommuner, { population, births, deaths: [final, preliminary] });
    const given = [...withFinal.years.keys()].filter((k) => Number(k.split("|")[1]) <= 2016);
    expect(result.dependent.registered).toBe(given.length);
    expect(given.length).toBeGreaterThan(310 * 9 - 10);
    expect(result.dependent.panelYears).toEqual([2007]);
    expect(result.dependent.kept).toEqual(registered.kept);
  });

  test("the fit and Trysil's and Rendalen's means, before and after (golden, 2007-2016, no commuting matrix)", () => {
    const [before, after] = [plain, result].map((r) => r.regressions[0]!.fit);
    expect(before!.n).toBe(4260);
    expect(after!.n).toBe(4260);
    expect(before!.r2).toBeCloseTo(0.1096, 4);
    expect(after!.r2).toBeCloseTo(0.1095, 4);
    expect(after!.coefficients[0]).toBeCloseTo(-0.2474, 4);
    const mean = (r: typeof result, region: string) => {
      const values = r.decomposition
        .filter({ region })
        .toRows()
        .map((x) => x.attractiveness as number);
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    expect(mean(plain, "0428")).toBeCloseTo(-0.2486, 4);
    expect(mean(result, "0428")).toBeCloseTo(-0.2475, 4);
    expect(mean(plain, "0432")).toBeCloseTo(-0.0847, 4);
    expect(mean(result, "0432")).toBeCloseTo(-0.0876, 4);
  });
});
