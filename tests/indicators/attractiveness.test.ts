import { describe, expect, test } from "vitest";
import { businessAttractiveness } from "../../src/indicators/attractiveness/business.ts";
import { industryGroup } from "../../src/indicators/attractiveness/groups.ts";
import { rankAttractiveness } from "../../src/indicators/attractiveness/rank.ts";
import { residentialAttractiveness } from "../../src/indicators/attractiveness/residential.ts";
import { jobsToKeepPopulation, projectScenario } from "../../src/indicators/attractiveness/scenario.ts";
import { asAttractivenessPanel } from "../../src/io/attractiveness.ts";
import { Table } from "../../src/table/table.ts";
import { one, readFixture } from "../helpers.ts";

const kommuner = asAttractivenessPanel(readFixture("tf/no-regions-2003-2016.csv")).filter({ level: "kommune" });

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

describe("residential attractiveness, one year on a synthetic panel", () => {
  // 120 regions, jobs 2000-2010, the same population every year
  const rnd = random(11);
  const regions = Array.from({ length: 120 }, (_, k) => `R${String(k).padStart(3, "0")}`);
  const population = regions.map(() => 500 + Math.floor(rnd() * 50_000));
  const jobs = regions.map((_, k) =>
    Array.from({ length: 11 }, () => Math.round(population[k]! * (0.2 + 0.05 * rnd()))),
  );
  const rows = regions.flatMap((region, k) =>
    Array.from({ length: 11 }, (_, t) => ({
      region,
      year: 2000 + t,
      population: population[k]!,
      private_jobs: jobs[k]![t]!,
      natural_increase_pct: 0.1,
      national_net_immigration_pct: 0.5,
      population_growth_pct: 0.6 + (rnd() - 0.5),
    })),
  );
  const panel = Table.fromRows(rows);
  const weights = Table.fromRows(
    regions.map((r, k) => ({ origin: r, destination: regions[(k + 1) % regions.length]!, weight: 0.3 })),
  );
  const outShare = Object.fromEntries(regions.map((r) => [r, 0.3]));

  test("own job growth is relative to the country's, in percent of the population", () => {
    const result = residentialAttractiveness(panel, { from: 2010, to: 2010 });
    const national = (t: number) => jobs.reduce((s, j) => s + j[t]!, 0) / jobs.reduce((s, j) => s + j[t - 1]!, 0);
    const jg = (k: number, t: number) => (100 * (jobs[k]![t]! - jobs[k]![t - 1]! * national(t))) / population[k]!;
    const r = result.decomposition.toRows()[7]!;
    expect(r.own_job_growth).toBeCloseTo(jg(7, 10) + jg(7, 9) + jg(7, 8), 10);
  });

  test("a neighbour with unknown job growth leaves the region unestimated, not a 0", () => {
    const gap = panel
      .toRows()
      .map((r) => (r.region === regions[1] && r.year === 2009 ? { ...r, private_jobs: null } : r));
    // every region's neighbour is the next one; region 0's neighbour (region 1) has no jobs for 2009
    const result = residentialAttractiveness(Table.fromRows(gap, { types: { private_jobs: "number" } }), {
      from: 2010,
      to: 2010,
      neighbours: weights,
      outShare,
    });
    const first = result.decomposition.filter({ region: regions[0]! }).toRows()[0]!;
    expect(first.attractiveness).toBeNull();
    expect(first.note).toBe("job growth of a place the residents work in is missing");
    expect(result.regressions[0]!.fit.n).toBe(118);
  });
});

describe("on Telemarksforsking's panel of 426 Norwegian kommuner", () => {
  const residential = residentialAttractiveness(kommuner, { from: 2007, to: 2016 });
  const business = businessAttractiveness(kommuner, { from: 2007, to: 2016 });

  test("says which components the data cannot give", () => {
    expect(residential.missing).toHaveLength(3);
    expect(residential.missing[0]).toMatch(/private jobs only/);
    // the panel has no private jobs by industry: the business model says so, and leaves the industry column empty
    expect(business.missing).toEqual([
      "the industry effect: the data hold no private jobs by industry, so business attractiveness here includes it",
    ]);
    expect(business.decomposition.distinct("industry")).toEqual([]);
    // without counts the dependent variable is the panel's own, every observation
    expect(residential.dependent).toEqual({ registered: 0, panel: 4260, kept: [], panelYears: [] });
    // one regression pooled over 426 kommuner × 10 years
    expect(residential.regressions.map((r) => r.fit.n)).toEqual([4260]);
  });

  test("the decomposition sums exactly to the actual growth, every region and year", () => {
    const parts = [
      "natural_increase",
      "immigration",
      "constant",
      "own_jobs",
      "neighbour_jobs",
      "size",
      "integration",
      "attractiveness",
    ];
    const rows = residential.decomposition.toRows();
    expect(rows.length).toBe(4260);
    for (const r of rows) expect(parts.reduce((s, p) => s + (r[p] as number), 0)).toBeCloseTo(r.growth as number, 10);
    for (const r of business.decomposition.filter({ growth: (v) => v !== null }).toRows()) {
      expect((r.national as number) + (r.population as number) + (r.attractiveness as number)).toBeCloseTo(
        r.growth as number,
        10,
      );
    }
  });

  test("private job growth and national growth agree with Telemarksforsking's figures", () => {
    // TF's own column, rounded to 2 decimals
    for (const r of kommuner.filter({ year: [2010, 2016] }).toRows()) {
      const ours = one(business.decomposition, { region: r.region ?? null, year: r.year ?? null }, "growth") as number;
      expect(Math.abs(ours - (r.private_job_growth_pct as number))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    // docs/methods.md §3.2: NAT 2007 5.07, 2008 1.84, 2009 −2.64, 2010 0.32, 2011 1.60, 2012 1.17, 2013 0.58, 2014 1.18, 2015 −3.94, 2016 −0.32;
    // the sum over kommuner comes within 0.2 points of TF's national series
    const published = [5.07, 1.84, -2.64, 0.32, 1.6, 1.17, 0.58, 1.18, -3.94, -0.32];
    business.years
      .toRows()
      .forEach((y, k) => expect(Math.abs((y.national as number) - published[k]!)).toBeLessThan(0.2));
  });

  test("rankings: stable under row order, small kommuner not ranked", () => {
    const ranked = rankAttractiveness(residential.decomposition, business.decomposition, { from: 2007, to: 2016 });
    const shuffledPanel = kommuner.take(
      Int32Array.from({ length: kommuner.numRows }, (_, i) => kommuner.numRows - 1 - i),
    );
    const again = rankAttractiveness(
      residentialAttractiveness(shuffledPanel, { from: 2007, to: 2016 }).decomposition,
      null,
      { from: 2007, to: 2016 },
    );
    const rankOf = (t: Table, region: string) => one(t, { region }, "rank");
    for (const region of ["0428", "0432", "0301", "1103"]) expect(rankOf(again, region)).toBe(rankOf(ranked, region));
    const small = ranked.filter({ population: (p) => (p as number) < 1000 });
    expect(small.numRows).toBeGreaterThan(0);
    expect(small.distinct("rank")).toEqual([]);
    expect(ranked.filter({ rank: (v) => v !== null }).numRows).toBe(426 - small.numRows);
    expect(ranked.get("rank", 0)).toBe(1);
  });

  test("scenarios: the projection follows its own growth, and the inverse question keeps the population", () => {
    const zero = projectScenario(kommuner, residential, business, {
      region: "0428",
      horizon: 2040,
      residential: "zero",
      business: "zero",
    });
    const rows = zero.toRows();
    expect(rows[0]!.year).toBe(2017);
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k]!.population as number).toBeCloseTo(
        (rows[k - 1]!.population as number) * (1 + (rows[k - 1]!.population_growth_pct as number) / 100),
        8,
      );
    }
    const high = projectScenario(kommuner, residential, business, {
      region: "0428",
      horizon: 2040,
      residential: "high",
      business: "high",
    });
    expect(high.toRows().at(-1)!.population as number).toBeGreaterThan(rows.at(-1)!.population as number);
    const extra = jobsToKeepPopulation(kommuner, residential, business, {
      region: "0428",
      horizon: 2040,
      residential: "zero",
      business: "zero",
    })!;
    const kept = projectScenario(kommuner, residential, business, {
      region: "0428",
      horizon: 2040,
      residential: "zero",
      business: "zero",
      extraJobs: extra,
    });
    expect(kept.toRows().at(-1)!.population as number).toBeCloseTo(6525, 3);
  });
});

describe("business and visitor attractiveness with industry detail", () => {
  // four regions, three industries (retail 47 = visitor, manufacturing 25 = basic, hotels 55 = visitor)
  const industries = Table.fromRows(
    [
      ["A", "25", 100, 110],
      ["A", "47", 50, 50],
      ["A", "55", 10, 16],
      ["B", "25", 300, 300],
      ["B", "47", 100, 104],
      ["B", "55", 40, 40],
      ["C", "25", 200, 190],
      ["C", "47", 80, 85],
      ["C", "55", 20, 21],
      ["D", "25", 50, 55],
      ["D", "47", 30, 29],
      ["D", "55", 5, 5],
    ].flatMap(([region, industry, j0, j1]) => [
      { region: region as string, industry: industry as string, year: 2015, value: j0 as number },
      { region: region as string, industry: industry as string, year: 2016, value: j1 as number },
    ]),
  );
  const growth: Record<string, number> = { A: 1.2, B: -0.4, C: 0.3, D: -1.1 };
  const panel = Table.fromRows(
    ["A", "B", "C", "D"].flatMap((region) =>
      [2015, 2016].map((year) => ({
        region,
        year,
        population: 1000 * (year === 2016 ? 1 + growth[region]! / 100 : 1),
        population_growth_pct: 0,
        natural_increase_pct: 0,
        national_net_immigration_pct: 0,
        private_jobs: industries.filter({ region, year }).groupBy([]).sum("value").get("value", 0) as number,
      })),
    ),
  );

  test("industry groups from NACE divisions", () => {
    expect(industryGroup("55.1")).toBe("visitor");
    expect(industryGroup("25 Metallvarer")).toBe("basic");
    expect(industryGroup("84")).toBe("public");
    expect(industryGroup("X")).toBeNull();
  });

  test("the industry mix effect by hand, and the parts sum to the growth", () => {
    const r = businessAttractiveness(panel, { from: 2016, to: 2016, industries });
    expect(r.missing).toEqual([]);
    const a = r.decomposition.filter({ region: "A" }).toRows()[0]!;
    // national: 25: 650 → 655, 47: 260 → 268, 55: 75 → 82; all 985 → 1005
    const gN = 100 * (1005 / 985 - 1);
    const g = (a: number, b: number) => 100 * (b / a - 1) - gN;
    const ind = (100 / 160) * g(650, 655) + (50 / 160) * g(260, 268) + (10 / 160) * g(75, 82);
    expect(a.industry).toBeCloseTo(ind, 10);
    expect(
      (a.national as number) + (a.industry as number) + (a.population as number) + (a.attractiveness as number),
    ).toBeCloseTo(a.growth as number, 10);
  });

  test("visitor attractiveness runs the same model on the visitor industries", () => {
    const v = businessAttractiveness(panel, { from: 2016, to: 2016, industries, only: ["visitor"] });
    const a = v.decomposition.filter({ region: "A" }).toRows()[0]!;
    expect(a.growth).toBeCloseTo(100 * (66 / 60 - 1), 10); // visitor jobs in A: 60 → 66
    expect(v.years.get("national", 0)).toBeCloseTo(100 * (350 / 335 - 1), 10);
  });

  test("too few regions to estimate the population effect: null, with a note", () => {
    const two = businessAttractiveness(panel.filter({ region: ["A", "B"] }), {
      from: 2016,
      to: 2016,
      industries: industries.filter({ region: ["A", "B"] }),
    });
    expect(two.years.get("gamma", 0)).toBeNull();
    expect(two.decomposition.distinct("attractiveness")).toEqual([]);
    expect(two.decomposition.distinct("note")).toEqual(["too few regions to estimate the population effect"]);
  });
});
