import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { asPopulationChange } from "../../src/io/canonical.ts";
import { cagr, growth, growthOver, growthPercent, indexOn, logGrowth } from "../../src/indicators/population/growth.ts";
import { componentsOfChange, relativeNetMigration } from "../../src/indicators/population/components.ts";
import { Table } from "../../src/table/table.ts";
import { fixture, one, readFixture } from "../helpers.ts";

describe("growth (docs/methods.md §1.1)", () => {
  test("hand calculations", () => {
    expect(growthPercent(200, 210)).toBeCloseTo(5, 12);
    expect(cagr(100, 121, 2)).toBeCloseTo(10, 12);
    expect(logGrowth(100, 121, 2)).toBeCloseTo(100 * Math.log(1.1), 12);
    expect(indexOn([50, 60, null], 40)).toEqual([125, 150, null]);
  });

  test("undefined growth is null, never NaN or Infinity", () => {
    expect(growthPercent(0, 10)).toBeNull();
    expect(cagr(0, 10, 5)).toBeNull();
    expect(cagr(10, 20, 0)).toBeNull();
    expect(logGrowth(10, 0)).toBeNull();
    expect(growthPercent(null, 10)).toBeNull();
    expect(indexOn([5], 0)).toEqual([null]);
  });

  test("CAGR compounds back to the end value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (p0, p1, years) => {
          expect(p0 * (1 + cagr(p0, p1, years)! / 100) ** years).toBeCloseTo(p1, 6);
        },
      ),
    );
  });

  test("SSB's published growth 2018-2019 for all 422 kommuner, to its one decimal", () => {
    const pop = readFixture("ssb/Lagostra-population-center__data__befolkning.csv").filter({
      region: (r) => String(r).length === 4,
    });
    const ours = growth(pop).filter({ year: 2019 });
    // the published column, read straight from the file
    const published = new Map<string, number>();
    for (const line of readFileSync(fixture("ssb/Lagostra-population-center__data__befolkning.csv"), "utf8").split(
      "\r",
    )) {
      const m = /^(\d{4}) [^;]+;\d+;\d+;(-?\d+,\d+|-?\d+);/.exec(line);
      if (m) published.set(m[1]!, Number(m[2]!.replace(",", ".")));
    }
    expect(published.size).toBe(422);
    expect(ours.numRows).toBe(422);
    for (const row of ours.toRows()) {
      expect(
        Math.abs((row.growth_pct as number) - published.get(row.region as string)!),
        String(row.region),
      ).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    expect(one(ours, { region: "0428" }, "change")).toBe(40);
  });

  test("Telemarksforsking's growth column, 426 kommuner × 13 years, to its two decimals", () => {
    const tf = readFixture("tf/no-regions-2003-2016.csv").filter({ level: "Kommune" });
    // names repeat (two Våler, two Herøy), so the (Excel-stripped) codes identify the kommuner
    const codes = tf.toRows().map((r) => String(r.code));
    const panel = Table.fromColumns({ region: codes, year: tf.column("year"), value: tf.column("population") });
    const ours = growth(panel);
    let compared = 0;
    for (let i = 0; i < tf.numRows; i++) {
      const year = tf.get("year", i) as number;
      if (year === 2016) continue;
      // TF: growth during t in % of the 1 January population; ours: the change to the next 1 January, labelled t + 1
      const mine = one(ours, { region: codes[i]!, year: year + 1 }, "growth_pct") as number;
      expect(Math.abs(mine - (tf.get("population_growth_pct", i) as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      compared++;
    }
    expect(compared).toBe(426 * 13);
  });

  test("gaps in the years give null with a note, and the index is on the base year", () => {
    const t = Table.fromRows([
      { region: "2021", year: 2000, value: 7000 },
      { region: "2021", year: 2001, value: 7070 },
      { region: "2021", year: 2003, value: 6930 },
    ]);
    const rows = growth(t, { base: 2000 }).toRows();
    expect(rows.map((r) => r.growth_pct)).toEqual([null, expect.closeTo(1, 12), null]);
    expect(rows.map((r) => r.index)).toEqual([100, 101, 99]);
    expect(rows[2]!.note).toBe("no value for 2002");
    const span = growthOver(t, 2000, 2003).toRows()[0]!;
    expect(span.growth_pct).toBeCloseTo(-1, 12);
    expect(span.cagr).toBeCloseTo(100 * ((6930 / 7000) ** (1 / 3) - 1), 12);
  });
});

describe("components of change (docs/methods.md §1.1)", () => {
  // SSB's national table, 2011 (docs/methods.md §11.3): 1 January 4 920 305, births 60 220, deaths 41 393,
  // immigration 79 498, emigration 32 466; 31 December (= 1 January 2012) 4 985 870.
  const norway = Table.fromRows(
    [
      {
        region: "0",
        year: 2011,
        population: 4_920_305,
        births: 60_220,
        deaths: 41_393,
        in_migration: 0,
        out_migration: 0,
        immigration: 79_498,
        emigration: 32_466,
      },
      {
        region: "0",
        year: 2012,
        population: 4_985_870,
        births: null,
        deaths: null,
        in_migration: null,
        out_migration: null,
        immigration: null,
        emigration: null,
      },
    ],
    {
      types: {
        births: "number",
        deaths: "number",
        in_migration: "number",
        out_migration: "number",
        immigration: "number",
        emigration: "number",
      },
    },
  );

  test("Norway 2011: NI 18 827, NM 47 032, ΔP 65 565, so ADJ = −294 (never forced to 0)", () => {
    const c = componentsOfChange(norway, { populationAt: "start" }).filter({ year: 2011 }).toRows()[0]!;
    expect(c).toMatchObject({
      natural_increase: 18_827,
      net_international_migration: 47_032,
      net_migration: 47_032,
      change: 65_565,
      adjustment: -294,
    });
    const mean = (4_920_305 + 4_985_870) / 2;
    expect(c.births_per_1000).toBeCloseTo((1000 * 60_220) / mean, 10);
    expect(c.net_migration_pct).toBeCloseTo((100 * 47_032) / 4_920_305, 10);
  });

  test("relative net migration: the national term 2011 is 0.96 % (47 032 / 4 920 305)", () => {
    const c = componentsOfChange(norway, { populationAt: "start" });
    const withRegion = Table.fromRows([
      ...c.toRows(),
      {
        ...c.toRows()[0]!,
        region: "0428",
        start_population: 6607,
        net_migration: 50,
        net_migration_pct: (100 * 50) / 6607,
      },
    ]);
    const rnm = relativeNetMigration(withRegion, "0").filter({ region: "0428", year: 2011 }).toRows()[0]!;
    expect(rnm.national_immigration_pct).toBeCloseTo(0.956, 3);
    expect(rnm.relative_net_migration).toBeCloseTo((100 * 50) / 6607 - (100 * 47_032) / 4_920_305, 12);
  });

  test("SSB fylker 2013: the residual SSB's own table leaves (Hedmark −19)", () => {
    const change = asPopulationChange(readFixture("ssb/erleholgersen-elections-norway__folketall.csv"));
    const c = componentsOfChange(change, { populationAt: "start" });
    expect(one(c, { region: "04", year: 2013 }, "change")).toBe(194_433 - 193_719);
    expect(one(c, { region: "04", year: 2013 }, "adjustment")).toBe(714 - (1714 - 2136 + 6593 - 5438));
    expect(one(c, { region: "04", year: 2013 }, "net_domestic_migration")).toBeNull();
    expect(one(c, { region: "04", year: 2013 }, "note")).toMatch(/include moves abroad/);
    // identity in every row: change = natural increase + net migration + adjustment
    for (const r of c.filter({ change: (v) => v !== null }).toRows()) {
      expect((r.natural_increase as number) + (r.net_migration as number) + (r.adjustment as number)).toBe(r.change);
    }
  });

  test("year-end stocks (SCB) pair the flows of t with P(t − 1) → P(t)", () => {
    const se = Table.fromRows([
      {
        region: "2021",
        year: 2016,
        population: 6800,
        births: 50,
        deaths: 90,
        in_migration: 300,
        out_migration: 320,
        immigration: 60,
        emigration: 20,
      },
      {
        region: "2021",
        year: 2017,
        population: 6837,
        births: 55,
        deaths: 85,
        in_migration: 310,
        out_migration: 300,
        immigration: 80,
        emigration: 25,
      },
    ]);
    const row = componentsOfChange(se, { populationAt: "end" }).filter({ year: 2017 }).toRows()[0]!;
    expect(row).toMatchObject({
      start_population: 6800,
      end_population: 6837,
      change: 37,
      natural_increase: -30,
      net_domestic_migration: 10,
      net_international_migration: 55,
      adjustment: 2,
    });
  });

  test("without a stock date and a known source, it asks", () => {
    expect(() => componentsOfChange(norway)).toThrow(/start or the end of the year/);
  });
});
