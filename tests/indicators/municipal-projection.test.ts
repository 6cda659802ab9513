import { describe, expect, it } from "vitest";
import { Table } from "../../src/table/table.ts";
import {
  backtestError,
  prepareProjectionData,
  projectMunicipality,
  projectPopulation,
} from "../../src/indicators/index.ts";
import { stepNet } from "../../src/indicators/population/municipal-projection.ts";
import { cohortDeaths, movingSum, residualMigration } from "../../src/indicators/population/residual-migration.ts";
import { spread, standardFertility } from "../../src/indicators/population/schedules.ts";
import { RAW_PROJECTION } from "../helpers.ts";

type Row = Record<string, string | number>;

/** Population tables by hand: region → year → [women 0, 1, 2+], [men 0, 1, 2+]. */
function populationTable(values: Record<string, Record<number, [number[], number[]]>>): Table {
  const rows: Row[] = [];
  for (const [region, byYear] of Object.entries(values)) {
    for (const [year, [f, m]] of Object.entries(byYear)) {
      f.forEach((v, a) =>
        rows.push({ region, year: Number(year), sex: "female", age: a === 2 ? "2+" : String(a), value: v }),
      );
      m.forEach((v, a) =>
        rows.push({ region, year: Number(year), sex: "male", age: a === 2 ? "2+" : String(a), value: v }),
      );
    }
  }
  return Table.fromRows(rows);
}

describe("the residual method's rules, by hand", () => {
  it("splits deaths by age at death onto cohorts, half each side, the year's age-0 deaths onto its births", () => {
    // D = [4, 2, 6]: newborn 4; cohort 0: ½·2 = 1; cohort 1: ½·2 + ½·6 = 4; cohort 2+ (open): ½·6 = 3
    expect(cohortDeaths([4, 2, 6])).toEqual({ newborn: 4, byStartAge: [1, 4, 3] });
    // with half the age-0 deaths on the newborns: newborn 2; cohort 0: 2 + 1 = 3
    expect(cohortDeaths([4, 2, 6], 0.5)).toEqual({ newborn: 2, byStartAge: [3, 4, 3] });
  });

  it("net migration is what population change leaves after births and deaths, and sums to the balancing equation", () => {
    // ages 0, 1, 2+; start [10, 20, 30], end [12, 9, 45], 13 births, D = [1, 0, 4] → cohort deaths: newborn 1, [0, 2, 2]
    const deaths = cohortDeaths([1, 0, 4]);
    const nm = residualMigration([10, 20, 30], [12, 9, 45], 13, deaths);
    expect(nm.newborn).toBeCloseTo(12 - 13 + 1, 12); // 0
    expect(nm.byStartAge[0]).toBeCloseTo(9 - 10 + 0, 12); // −1
    // open age: 45 − 20 − 30 + 2 + 2 = −1, split 20 : 30
    expect(nm.byStartAge[1]).toBeCloseTo(-0.4, 12);
    expect(nm.byStartAge[2]).toBeCloseTo(-0.6, 12);
    const total = nm.newborn + nm.byStartAge.reduce((a, b) => a + b, 0);
    // ΔP − B + D = (66 − 60) − 13 + 5 = −2
    expect(total).toBeCloseTo(66 - 60 - 13 + 5, 12);
  });

  it("smooths by moving sums and spreads counts in proportion to expected events", () => {
    expect(movingSum([1, 2, 3, 4], 1)).toEqual([3, 6, 9, 7]);
    // 10 deaths in a group whose schedule × exposure is 0.01·100 and 0.03·100: 2.5 and 7.5
    expect(spread(10, [0.01 * 100, 0.03 * 100])).toEqual([2.5, 7.5]);
    expect(standardFertility()[27]).toBeCloseTo(0.1309, 12);
    expect(
      standardFertility()
        .slice(15, 50)
        .reduce((a, b) => a + b, 0),
    ).toBeCloseTo(1.8615, 12); // 5 × 372.3 / 1000
  });
});

describe("projectMunicipality on hand-made tables", () => {
  // two regions, ages 0, 1, 2+, population on 1 January 2000-2002
  const population = populationTable({
    A: {
      2000: [
        [10, 20, 100],
        [11, 19, 90],
      ],
      2001: [
        [9, 12, 110],
        [10, 13, 95],
      ],
      2002: [
        [8, 10, 115],
        [12, 11, 100],
      ],
    },
    B: {
      2000: [
        [30, 40, 300],
        [31, 41, 290],
      ],
      2001: [
        [28, 33, 320],
        [29, 36, 305],
      ],
      2002: [
        [27, 30, 330],
        [30, 30, 320],
      ],
    },
  });
  const deathRows: Row[] = [];
  const deathsOf: Record<string, Record<number, number[][]>> = {
    A: {
      2000: [
        [0, 0, 5],
        [1, 0, 4],
      ],
      2001: [
        [0, 1, 6],
        [0, 0, 5],
      ],
    },
    B: {
      2000: [
        [1, 0, 12],
        [1, 1, 11],
      ],
      2001: [
        [0, 0, 14],
        [1, 0, 13],
      ],
    },
  };
  for (const [region, byYear] of Object.entries(deathsOf)) {
    for (const [year, [f, m]] of Object.entries(byYear)) {
      f!.forEach((v, a) =>
        deathRows.push({ region, year: Number(year), sex: "female", age: a === 2 ? "2+" : String(a), value: v }),
      );
      m!.forEach((v, a) =>
        deathRows.push({ region, year: Number(year), sex: "male", age: a === 2 ? "2+" : String(a), value: v }),
      );
    }
  }
  const deaths = Table.fromRows(deathRows);
  const births = Table.fromRows([
    { region: "A", year: 2000, sex: "Girls", value: 9 },
    { region: "A", year: 2000, sex: "Boys", value: 11 },
    { region: "A", year: 2001, sex: "Girls", value: 8 },
    { region: "A", year: 2001, sex: "Boys", value: 12 },
    { region: "B", year: 2000, sex: "Girls", value: 29 },
    { region: "B", year: 2000, sex: "Boys", value: 30 },
    { region: "B", year: 2001, sex: "Girls", value: 27 },
    { region: "B", year: 2001, sex: "Boys", value: 31 },
  ]);
  const data = prepareProjectionData({ population, reference: "start", births, deaths }, 2);
  // women "aged 1" carry all births in these tables' fertility shape
  const shape = [0, 1, 0];

  it("reproduces the observed population exactly when projected one year with that year's own rates", () => {
    const p = projectMunicipality(data, {
      region: "A",
      national: ["A"],
      start: 2000,
      horizon: 2001,
      window: { from: 2000, to: 2000 },
      interval: false,
      ...RAW_PROJECTION,
      standardFertility: shape,
    });
    const rows = p.population.filter({ year: 2001 }).toRows();
    const observed = { female: [9, 12, 110], male: [10, 13, 95] } as Record<string, number[]>;
    for (const r of rows)
      expect(r.value as number).toBeCloseTo(observed[r.sex as string]![r.age === "2+" ? 2 : Number(r.age)]!, 9);
    expect(p.assumptions.fertility.method).toBe("total-births");
    expect(p.assumptions.mortality.method).toBe("single-age");
  });

  it("every year balances: end = start + births − deaths + net migration, observed and projected", () => {
    const p = projectMunicipality(data, {
      region: "A",
      start: 2002,
      horizon: 2010,
      interval: false,
      standardFertility: shape,
    });
    for (const r of p.components.toRows()) {
      expect(r.end_population as number).toBeCloseTo(
        (r.start_population as number) + (r.births as number) - (r.deaths as number) + (r.net_migration as number),
        9,
      );
    }
    // the observed years are the tables' own: 2000 in A: 20 births, 10 deaths, 280 → 249 people, so net migration −41
    const y2000 = p.components.filter({ year: 2000 }).toRows()[0]!;
    expect(y2000).toMatchObject({
      kind: "observed",
      start_population: 250,
      births: 20,
      deaths: 10,
      end_population: 249,
    });
    expect(y2000.net_migration as number).toBeCloseTo(249 - 250 - 20 + 10, 9);
  });

  it("uses the national fertility level times the local ratio (births per woman aged 1, by hand)", () => {
    const p = projectMunicipality(data, {
      region: "A",
      start: 2002,
      horizon: 2003,
      interval: false,
      standardFertility: shape,
      window: { from: 2000, to: 2000 },
    });
    // one year: k_A = 20 / 20 women aged 1 = 1.0; no clipping, so f_1 = 1.0
    expect(p.rates.fertility[1]).toBeCloseTo(20 / 20, 12);
    expect(p.assumptions.fertility.ratio).toBeCloseTo(20 / 20 / ((20 + 59) / 60), 12);
    // births in 2002 = f_1 × women aged 1 on 1 January 2002 = 10
    expect(p.components.filter({ year: 2002 }).get("births", 0) as number).toBeCloseTo(10, 9);
  });

  it("derives births from the children aged 0 at the year's end plus the year's deaths at age 0 when there is no births table", () => {
    const noBirths = prepareProjectionData({ population, reference: "start", deaths }, 2);
    const p = projectMunicipality(noBirths, {
      region: "A",
      start: 2002,
      horizon: 2003,
      interval: false,
      standardFertility: shape,
    });
    expect(p.assumptions.fertility.method).toBe("age-zero");
    // 2000: aged 0 on 1 January 2001: 9 + 10, deaths at 0 in 2000: 0 + 1 → 20; 2001: 8 + 12 + 0 + 0 = 20
    expect(p.components.filter({ year: 2000 }).get("births", 0)).toBe(20);
    expect(p.components.filter({ year: 2001 }).get("births", 0)).toBe(20);
  });

  it("spreads deaths given by age group within the group by the standard schedule × exposure (indirect standardisation)", () => {
    // the same deaths, as two groups 0-1 and 2+; schedule rates 0.01 at 0 and 0.03 at 1
    const grouped = Table.fromRows(deathRows.map((r) => ({ ...r, age: r.age === "2+" ? "2+" : "0-1" })));
    const g = prepareProjectionData({ population, reference: "start", births, deaths: grouped }, 2);
    expect(g.deathDetail).toBe("age-groups");
    const schedule = { female: [0.01, 0.03, 0.1], male: [0.01, 0.03, 0.1] };
    const p = projectMunicipality(g, {
      region: "A",
      national: ["A"],
      start: 2000,
      horizon: 2001,
      window: { from: 2000, to: 2000 },
      interval: false,
      ...RAW_PROJECTION,
      standardFertility: shape,
      standardMortality: schedule,
    });
    // A 2000, men 0-1: 1 death; exposures ½(11+10) = 10.5 and ½(19+13) = 16; weights 0.105 and 0.48
    const d0 = 0.105 / (0.105 + 0.48);
    // newborn deaths are the deaths at age 0; newborn risk = d0 / 11 boys
    expect(p.rates.newbornMortality!.male).toBeCloseTo(d0 / 11, 12);
    // cohort 0 of men dies ½ of the square at age 1: q_0 = ½·(1 − d0) / 11 men aged 0
    expect(p.rates.mortality.male[0]).toBeCloseTo((0.5 * (1 - d0)) / 11, 12);
    expect(p.assumptions.mortality.method).toBe("age-groups");
    // and the one-year projection still reproduces the observed year: the residual absorbs the spreading
    const men = p.population
      .filter({ year: 2001, sex: "male" })
      .toRows()
      .map((r) => r.value as number);
    [10, 13, 95].forEach((v, k) => expect(men[k]).toBeCloseTo(v, 9));
  });

  it("the bootstrap's step is projectPopulation's step", () => {
    const p = projectMunicipality(data, {
      region: "B",
      start: 2002,
      horizon: 2003,
      interval: false,
      standardFertility: shape,
    });
    const r = p.rates;
    const start = Float64Array.from([27, 30, 330, 30, 30, 320]);
    const next = new Float64Array(6);
    const boys = p.assumptions.fertility.boysShare;
    stepNet(
      start,
      next,
      3,
      r.fertility,
      [r.mortality.female, r.mortality.male],
      [r.netMigration!.female, r.netMigration!.male],
      r.newbornMortality!,
      r.newbornNetMigration!,
      boys,
    );
    const q = projectPopulation({
      population: { female: [27, 30, 330], male: [30, 30, 320] },
      start: 2002,
      horizon: 2003,
      rates: () => r,
      boys,
    });
    const values = q.population
      .filter({ year: 2003 })
      .toRows()
      .map((x) => x.population as number);
    values.forEach((v, k) => expect(next[k]).toBeCloseTo(v, 9));
  });

  it("gives an interval that holds the point projection, and dates SCB's 31 December populations as SCB does", () => {
    const p = projectMunicipality(data, {
      region: "B",
      start: 2002,
      horizon: 2006,
      standardFertility: shape,
      interval: { runs: 200 },
    });
    for (const r of p.total.filter({ kind: "projected" }).toRows()) {
      expect(r.low as number).toBeLessThanOrEqual((r.population as number) + 1e-9);
      expect(r.high as number).toBeGreaterThanOrEqual((r.population as number) - 1e-9);
    }
    const end = prepareProjectionData({ population, reference: "end", births, deaths }, 2);
    // counted on 31 December 2000-2002: the start is 31 December 2002; events of 2001 (deaths end in 2001) form the window
    const q = projectMunicipality(end, { region: "B", horizon: 2004, standardFertility: shape, interval: false });
    expect(q.assumptions).toMatchObject({
      start: 2002,
      horizon: 2004,
      reference: "end",
      window: { from: 2001, to: 2001 },
    });
    expect(q.total.toRows().map((r) => [r.year, r.kind])).toEqual([
      [2000, "observed"],
      [2001, "observed"],
      [2002, "observed"],
      [2003, "projected"],
      [2004, "projected"],
    ]);
  });

  it("takes an empirical interval from back-test errors, centred on the point and widening linearly with the horizon", () => {
    const p = projectMunicipality(data, {
      region: "B",
      start: 2002,
      horizon: 2012,
      standardFertility: shape,
      interval: { method: "empirical", years: 5, error: 4, level: 0.8 },
    });
    const at = (year: number) => p.total.filter({ year }).toRows()[0]!;
    // centred on the point: 5 years ± 4 %, 10 years ± 8 %
    expect(at(2007).low as number).toBeCloseTo((at(2007).population as number) * 0.96, 9);
    expect(at(2007).high as number).toBeCloseTo((at(2007).population as number) * 1.04, 9);
    expect(at(2012).low as number).toBeCloseTo((at(2012).population as number) * 0.92, 9);
    expect(at(2012).high as number).toBeCloseTo((at(2012).population as number) * 1.08, 9);
    expect(backtestError("SE", 6805)).toMatchObject({ from: 5000, to: 10000, years: 5 });
    expect(backtestError("NO", 1722)).toMatchObject({ from: 0, to: 2000 });
  });

  it("refuses a region the table lacks and a horizon before the start", () => {
    expect(() => projectMunicipality(data, { region: "C", horizon: 2010 })).toThrow(
      /region C is not in the population table/,
    );
    expect(() => projectMunicipality(data, { region: "A", horizon: 2001 })).toThrow(/not after the start 2002/);
  });
});
