import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { colocation } from "../../src/indicators/agglomeration/colocation.ts";
import { agglomeration, ellisonGlaeser, ellisonGlaeserOf } from "../../src/indicators/agglomeration/ellison-glaeser.ts";
import { Table } from "../../src/table/table.ts";

/** REAT's FK2014_EGC: 42 fictional firms of 4 industries in 3 regions (Farhauer and Kröll 2014), as plain rows. */
function fk2014(): { region: string; industry: string; firm: string; emp_firm: number; emp_region: number }[] {
  const text = readFileSync(new URL("../fixtures/reat/FK2014_EGC.csv", import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [region, industry, firm, emp, total] = line.split(",").map((c) => c.replace(/"/g, ""));
      return { region: region!, industry: industry!, firm: firm!, emp_firm: Number(emp), emp_region: Number(total) };
    });
}

describe("Ellison-Glaeser agglomeration index", () => {
  // REAT's ellison.a example from Farhauer and Kröll (2014): 10 firms in Wien, Linz and Graz
  const firms = {
    region: ["Wien", "Wien", "Wien", "Wien", "Wien", "Linz", "Linz", "Linz", "Linz", "Graz"],
    employment: [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000],
  };
  const regions = { Wien: 500000, Linz: 400000, Graz: 100000 };

  test("Farhauer and Kröll's example: γ = 0.05990628 (REAT's documented value)", () => {
    const eg = ellisonGlaeser(firms, regions)!;
    expect(eg.gamma).toBeCloseTo(0.05990628, 8);
    // by hand: the industry's 70000 jobs are 13000/70000 in Wien, 32000/70000 in Linz, 25000/70000 in Graz
    const s = [13000 / 70000, 32000 / 70000, 25000 / 70000];
    const x = [0.5, 0.4, 0.1];
    const G = s.reduce((a, v, r) => a + (v - x[r]!) ** 2, 0);
    const H = firms.employment.reduce((a, e) => a + (e / 70000) ** 2, 0);
    expect(eg.G).toBeCloseTo(G, 14);
    expect(eg.herfindahl).toBeCloseTo(H, 14);
    expect(eg.gamma).toBeCloseTo((G - (1 - 0.42) * H) / ((1 - 0.42) * (1 - H)), 14); // Σx² = 0.25 + 0.16 + 0.01
    expect(eg.firms).toBe(10);
    expect(eg.z).toBeCloseTo(0.19590019702613568, 10); // EG (1997) Var(G), computed independently in Python
  });

  test("the variant with a given plant Herfindahl gives the same γ when given the firms' H, and no z", () => {
    const firmBased = ellisonGlaeser(firms, regions)!;
    const regional = ellisonGlaeserOf({
      industry: [13000, 32000, 25000],
      total: [500000, 400000, 100000],
      herfindahl: firmBased.herfindahl,
    })!;
    expect(regional.gamma).toBeCloseTo(firmBased.gamma, 14);
    expect(regional.G).toBeCloseTo(firmBased.G, 14);
    expect(regional.z).toBeNull();
    // H = 0 (infinitely many tiny plants): γ = G/(1 − Σx²)
    expect(ellisonGlaeserOf({ industry: [13000, 32000, 25000], total: [5, 4, 1], herfindahl: 0 })!.gamma).toBeCloseTo(
      firmBased.G / 0.58,
      14,
    );
  });

  test("missing is null, a firm in an unknown region is an error", () => {
    expect(ellisonGlaeser({ region: ["Wien"], employment: [null] }, regions)).toBeNull();
    expect(ellisonGlaeser({ region: ["Wien"], employment: [5] }, { ...regions, Graz: null })).toBeNull();
    expect(() => ellisonGlaeser({ region: ["Bern"], employment: [5] }, regions)).toThrow(/no total employment/);
    expect(ellisonGlaeserOf({ industry: [1, null], total: [1, 2], herfindahl: 0.1 })).toBeNull();
  });

  test("per industry from a firm table (REAT's FK2014_EGC): regions' totals from a column or from the firms", () => {
    const rows = fk2014();
    const table = Table.fromRows(rows);
    const withTotals = agglomeration(table, { value: "emp_firm", total: "emp_region" });
    const fromFirms = agglomeration(table.drop("emp_region"));
    expect(withTotals.column("industry").type).toBe("string");
    expect(withTotals.distinct("industry")).toEqual([
      "Clothing trade",
      "Forestry",
      "Textiles dyeing",
      "Textiles trade",
    ]);
    // Textiles dyeing by hand: 8575 jobs in region 1, 645 in 2, 210 in 3 (9430); regions 360000/108000/132000
    const dyeing = rows.filter((r) => r.industry === "Textiles dyeing").map((r) => r.emp_firm);
    const s = [8575 / 9430, 645 / 9430, 210 / 9430];
    const x = [0.6, 0.18, 0.22];
    const x2 = x.reduce((a, v) => a + v * v, 0);
    const G = s.reduce((a, v, r) => a + (v - x[r]!) ** 2, 0);
    const H = dyeing.reduce((a, e) => a + (e / 9430) ** 2, 0);
    const row = withTotals.filter({ industry: "Textiles dyeing" }).toRows()[0]!;
    expect(row.firms).toBe(9);
    expect(row.employment).toBe(9430);
    expect(row.G as number).toBeCloseTo(G, 14);
    expect(row.gamma as number).toBeCloseTo((G - (1 - x2) * H) / ((1 - x2) * (1 - H)), 14);
    expect(row.gamma as number).toBeCloseTo(0.1377600290936411, 12); // an independent Python implementation
    // the table form is the plain form industry by industry
    for (const industry of ["Clothing trade", "Forestry", "Textiles trade"]) {
      const part = rows.filter((r) => r.industry === industry);
      const plain = ellisonGlaeser(
        { region: part.map((r) => r.region), employment: part.map((r) => r.emp_firm) },
        { "1": 360000, "2": 108000, "3": 132000 },
      )!;
      const t = withTotals.filter({ industry }).toRows()[0]!;
      expect(t.gamma as number).toBeCloseTo(plain.gamma, 14);
      expect(t.z as number).toBeCloseTo(plain.z!, 12);
    }
    // REAT's ellison.a2 takes the regions' totals from the firms themselves
    expect(fromFirms.filter({ industry: "Forestry" }).get("gamma", 0) as number).toBeCloseTo(0.1683800334283319, 12);
  });

  test("a firm with a missing size makes its industry null, with a note", () => {
    const t = Table.fromRows([
      { industry: "a", region: "1", value: 10 },
      { industry: "a", region: "2", value: null },
      { industry: "b", region: "1", value: 5 },
      { industry: "b", region: "2", value: 7 },
    ]);
    const out = agglomeration(t).toRows();
    expect(out[0]).toMatchObject({ industry: "a", gamma: null, note: "a firm's employment is missing" });
  });
});

describe("Howard-Newman-Tarp colocation", () => {
  const example = { industry: ["A", "B", "A", "B", "A", "B"], region: ["X", "X", "X", "Y", "Y", "X"] };

  test("Howard et al. (2016)'s example, REAT's howard.cl: 5 of the 9 A-B pairs share a region", () => {
    const c = colocation(example, "A", "B")!;
    expect(c.colocation).toBeCloseTo(5 / 9, 15);
    // 7 of the 15 pairs of firms share a region (6 in X, 1 in Y): E[CL] = 7/15, XCL = 5/9 − 7/15 = 4/45
    expect(c.expected).toBeCloseTo(7 / 15, 15);
    expect(c.excess).toBeCloseTo(4 / 45, 15);
    expect(c.firms).toEqual([3, 3]);
  });

  test("E[CL] is the mean CL over every way of dealing the labels out (all 20 for 3 A and 3 B)", () => {
    const labellings: string[][] = [];
    for (let mask = 0; mask < 64; mask++) {
      const labels = [0, 1, 2, 3, 4, 5].map((k) => ((mask >> k) & 1 ? "A" : "B"));
      if (labels.filter((l) => l === "A").length === 3) labellings.push(labels);
    }
    expect(labellings.length).toBe(20);
    const mean =
      labellings.reduce(
        (s, industry) => s + colocation({ industry, region: example.region }, "A", "B")!.colocation,
        0,
      ) / 20;
    expect(colocation(example, "A", "B")!.expected).toBeCloseTo(mean, 14);
  });

  test("other industries are ignored; an industry without firms gives null; the same industry twice is an error", () => {
    const more = { industry: [...example.industry, "C"], region: [...example.region, "Y"] };
    expect(colocation(more, "A", "B")).toEqual(colocation(example, "A", "B"));
    expect(colocation(example, "A", "Z")).toBeNull();
    expect(() => colocation(example, "A", "A")).toThrow(/two industries/);
  });
});
