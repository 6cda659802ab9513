import { beforeAll, describe, expect, it } from "vitest";
import { read } from "../../src/node.ts";
import type { Table } from "../../src/table/table.ts";
import { prepareProjectionData, projectMunicipality, type ProjectionData } from "../../src/indicators/index.ts";
import { RAW_PROJECTION } from "../helpers.ts";

const SCB = "data/scb/ikashnitsky-mun-non-surv__dat__scb-";
const SSB = "data/ssb/ikashnitsky-mun-non-surv__dat__no__no-";

/** Σ value over the rows matching `where` (a hand calculation straight from the file's table). */
function total(t: Table, where: Record<string, string | number | string[]>): number {
  const rows = t.filter(where as never).toRows();
  return rows.reduce((s, r) => s + (r.value as number), 0);
}

describe("projectMunicipality on SCB's own files (Vansbro, 2021)", () => {
  let population: Table;
  let deaths: Table;
  let data: ProjectionData;
  beforeAll(async () => {
    population = await read(`${SCB}pop__p1415.xlsx`);
    deaths = await read(`${SCB}deaths__d1019.xlsx`);
    data = prepareProjectionData({ population, reference: "end", deaths });
  }, 180_000);

  it("reproduces 31 December 2015 exactly from 31 December 2014 with 2015's own rates (the residual closes the balance)", () => {
    const p = projectMunicipality(data, {
      region: "2021",
      national: ["2021"],
      start: 2014,
      horizon: 2015,
      window: { from: 2015, to: 2015 },
      interval: false,
      ...RAW_PROJECTION,
    });
    const projected = p.population.filter({ year: 2015 });
    let checked = 0;
    for (const r of projected.toRows()) {
      const label = r.age === "100+" ? "100+ years" : `${r.age as string} ${r.age === "1" ? "year" : "years"}`;
      const observed = total(population, {
        region: "2021",
        year: 2015,
        sex: r.sex === "female" ? "women" : "men",
        age: label,
      });
      expect(r.value as number).toBeCloseTo(observed, 6);
      checked++;
    }
    expect(checked).toBe(202);
  });

  it("derives 2015's births from the file: children aged 0 on 31 December 2015 plus the year's deaths at age 0", () => {
    const p = projectMunicipality(data, {
      region: "2021",
      start: 2015,
      horizon: 2016,
      window: { from: 2015, to: 2015 },
      interval: false,
    });
    const byHand =
      total(population, { region: "2021", year: 2015, age: "0 years" }) +
      total(deaths, { region: "2021", year: 2015, age: "0 years" });
    expect(p.components.filter({ year: 2015, kind: "observed" }).get("births", 0)).toBe(byHand);
    expect(p.assumptions.fertility.method).toBe("age-zero");
    // the observed year balances with the file's own totals: 31 Dec 2015 − 31 Dec 2014 = births − deaths + net migration
    const row = p.components.filter({ year: 2015, kind: "observed" }).toRows()[0]!;
    expect(row.start_population).toBe(total(population, { region: "2021", year: 2014 }));
    expect(row.end_population).toBe(total(population, { region: "2021", year: 2015 }));
    expect(row.deaths).toBe(total(deaths, { region: "2021", year: 2015 }));
    expect(row.net_migration as number).toBeCloseTo(
      (row.end_population as number) -
        (row.start_population as number) -
        (row.births as number) +
        (row.deaths as number),
      9,
    );
  });
});

describe("projectMunicipality on SSB's own files (Trysil, 3421)", () => {
  let deaths: Table[];
  let data: ProjectionData;
  beforeAll(async () => {
    const population = await read(`${SSB}p1416.csv`);
    const births = await read(`${SSB}b7221.csv`);
    deaths = await Promise.all(["d0021-bag-jan-jun", "d0021-bag-jul-dec"].map((f) => read(`${SSB}${f}.csv`)));
    data = prepareProjectionData({ population, reference: "start", births, deaths });
  }, 180_000);

  it("reads 12983's deaths as age groups and keeps the pseudo-regions flagged", () => {
    expect(data.deathDetail).toBe("age-groups");
    expect(data.birthDetail).toBe("by-sex");
    expect(data.kinds.get("Rest")).toBe("pseudo");
    expect(data.kinds.get("3421")).not.toBe("pseudo");
  });

  it("spreads 2015's deaths within 0-64, 65-79 and 80+ without changing their sum, and reproduces 1 January 2016", () => {
    const p = projectMunicipality(data, {
      region: "3421",
      national: ["3421"],
      start: 2015,
      horizon: 2016,
      window: { from: 2015, to: 2015 },
      interval: false,
      ...RAW_PROJECTION,
    });
    // the 12 months of both files, all three groups and both sexes, summed by hand
    const byHand = deaths.reduce((s, t) => s + total(t, { region: "3421", year: 2015 }), 0);
    expect(p.components.filter({ year: 2015, kind: "observed" }).get("deaths", 0)).toBeCloseTo(byHand, 9);
    expect(p.assumptions.mortality.method).toBe("age-groups");
    expect(p.assumptions.fertility.method).toBe("total-births");
    // every sex and single age of 1 January 2016, as the file has it (ages 100-105+ in the open age 100+)
    const observed = data.population.get("3421")!.get(2016)!;
    const rows = p.population.filter({ year: 2016 }).toRows();
    expect(rows).toHaveLength(202);
    for (const r of rows) {
      const a = r.age === "100+" ? 100 : Number(r.age);
      expect(r.value as number).toBeCloseTo(observed[(r.sex === "female" ? 0 : 101) + a]!, 6);
    }
  });
});
