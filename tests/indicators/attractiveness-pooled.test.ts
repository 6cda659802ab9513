import { describe, expect, test } from "vitest";
import { businessAttractiveness } from "../../src/indicators/attractiveness/business.ts";
import { residentialAttractiveness } from "../../src/indicators/attractiveness/residential.ts";
import { commutingStructure, neighbourGrowth, panelCodeOf } from "../../src/indicators/commuting/structure.ts";
import { ols } from "../../src/indicators/util/ols.ts";
import { Table } from "../../src/table/table.ts";

/** A deterministic pseudo-random sequence in (0, 1). */
function random(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

// The pooled model's truth, the order of magnitude of the estimates on Norway's kommuner
const TRUTH = {
  intercept: -0.25,
  own_jobs_0: 0.16,
  own_jobs_1: 0.08,
  own_jobs_2: 0.06,
  neighbour_jobs: 0.3,
  size: 0.12,
  integration: 1.0,
};

describe("the pooled residential model on a synthetic panel with known coefficients", () => {
  // 60 regions, years 2000-2012, the model on 2004-2012 (9 years, 540 observations); each region's residents work
  // at home and in the next two regions (a ring), so every region has neighbours and an out-commuting share
  const rnd = random(7);
  const n = 60;
  const years = Array.from({ length: 13 }, (_, t) => 2000 + t);
  const regions = Array.from({ length: n }, (_, k) => `R${String(k).padStart(2, "0")}`);
  const P = regions.map(() => {
    let p = 800 + rnd() * 40_000;
    return years.map(() => (p *= 1 + (rnd() - 0.5) * 0.04));
  });
  const J = regions.map((_, k) => years.map((_, t) => Math.round(P[k]![t]! * (0.25 + 0.15 * rnd()))));
  const stay = regions.map(() => 0.5 + 0.45 * rnd());
  const flows = regions.flatMap((r, k) => {
    const E = 1000;
    const first = Math.round(E * (1 - stay[k]!) * 0.7);
    return [
      { bostedskommune: r, arbeidsstedskommune: r, value: Math.round(E * stay[k]!) },
      { bostedskommune: r, arbeidsstedskommune: regions[(k + 1) % n]!, value: first },
      { bostedskommune: r, arbeidsstedskommune: regions[(k + 2) % n]!, value: E - Math.round(E * stay[k]!) - first },
    ];
  });
  // the regressors written out by hand from the definitions
  const national = years.map((_, t) =>
    t === 0 ? null : J.reduce((s, j) => s + j[t]!, 0) / J.reduce((s, j) => s + j[t - 1]!, 0),
  );
  const jg = (k: number, t: number) => (100 * (J[k]![t]! - J[k]![t - 1]! * national[t]!)) / P[k]![t]!;
  const E = (k: number) => flows.filter((f) => f.bostedskommune === regions[k]).reduce((s, f) => s + f.value, 0);
  const flow = (k: number, d: number) =>
    flows.find((f) => f.bostedskommune === regions[k] && f.arbeidsstedskommune === regions[d])!.value;
  const out = regions.map((_, k) => 1 - flow(k, k) / E(k));
  const meanOut = out.reduce((s, v) => s + v, 0) / n;
  const obs: { k: number; t: number; x: number[] }[] = [];
  for (let t = 4; t < years.length; t++) {
    const meanLog = P.reduce((s, p) => s + Math.log(p[t]!), 0) / n;
    for (let k = 0; k < n; k++) {
      const sum3 = (m: number) => jg(m, t) + jg(m, t - 1) + jg(m, t - 2);
      const nb = (flow(k, (k + 1) % n) / E(k)) * sum3((k + 1) % n) + (flow(k, (k + 2) % n) / E(k)) * sum3((k + 2) % n);
      obs.push({
        k,
        t,
        x: [jg(k, t), jg(k, t - 1), jg(k, t - 2), nb, Math.log(P[k]![t]!) - meanLog, out[k]! - meanOut],
      });
    }
  }
  const names = ["own_jobs_0", "own_jobs_1", "own_jobs_2", "neighbour_jobs", "size", "integration"] as const;
  // noise orthogonal to the regressors, so that OLS returns the truth to rounding
  const noise = ols(
    obs.map(() => (rnd() - 0.5) * 2),
    Object.fromEntries(names.map((name, a) => [name, obs.map((o) => o.x[a]!)])),
  )!.residuals;
  const rnm = obs.map(
    (o, i) => TRUTH.intercept + names.reduce((s, name, a) => s + TRUTH[name] * o.x[a]!, 0) + noise[i]!,
  );
  const growth = new Map(obs.map((o, i) => [`${o.k}|${o.t}`, 0.2 + 0.6 + rnm[i]!]));
  const panel = Table.fromRows(
    regions.flatMap((region, k) =>
      years.map((year, t) => ({
        region,
        year,
        population: P[k]![t]!,
        private_jobs: J[k]![t]!,
        natural_increase_pct: 0.2,
        national_net_immigration_pct: 0.6,
        population_growth_pct: growth.get(`${k}|${t}`) ?? 0.5,
      })),
    ),
  );
  const commuting = commutingStructure(Table.fromRows(flows), { panelCodes: regions, year: 2017 });

  test("one regression, one constant: the coefficients are the truth", () => {
    const result = residentialAttractiveness(panel, { from: 2004, to: 2012, commuting });
    expect(result.regressions).toHaveLength(1);
    const { fit, year } = result.regressions[0]!;
    expect(year).toBeNull();
    expect(fit.n).toBe(540);
    expect(fit.names).toEqual(["intercept", ...names]);
    fit.names.forEach((name, a) => expect(fit.coefficients[a]).toBeCloseTo(TRUTH[name as keyof typeof TRUTH], 8));
    const residuals = result.decomposition
      .filter({ year: 2012 })
      .toRows()
      .map((r) => r.attractiveness as number);
    residuals.forEach((e, k) => expect(e).toBeCloseTo(noise[obs.findIndex((o) => o.k === k && o.t === 12)]!, 8));
  });

  test("a wrong estimator misses: one regression a year, or the lags summed into one regressor", () => {
    const yearly = residentialAttractiveness(panel, { from: 2004, to: 2012, commuting, estimation: "yearly" });
    expect(yearly.regressions).toHaveLength(9);
    const own0 = yearly.regressions.map(({ fit }) => fit.coefficients[1]!);
    expect(Math.max(...own0.map((b) => Math.abs(b - TRUTH.own_jobs_0)))).toBeGreaterThan(0.01);
    const summed = ols(rnm, {
      own_jobs: obs.map((o) => o.x[0]! + o.x[1]! + o.x[2]!),
      neighbour_jobs: obs.map((o) => o.x[3]!),
      size: obs.map((o) => o.x[4]!),
      integration: obs.map((o) => o.x[5]!),
    })!;
    expect(Math.abs(summed.coefficients[1]! - TRUTH.own_jobs_0)).toBeGreaterThan(0.01);
  });

  test("the decomposition adds up to the population growth, every region and year", () => {
    const result = residentialAttractiveness(panel, { from: 2004, to: 2012, commuting });
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
    for (const r of result.decomposition.toRows()) {
      expect(parts.reduce((s, p) => s + (r[p] as number), 0)).toBeCloseTo(r.growth as number, 10);
      expect((r.own_jobs_0 as number) + (r.own_jobs_1 as number) + (r.own_jobs_2 as number)).toBeCloseTo(
        r.own_jobs as number,
        12,
      );
    }
    // the residuals of an OLS with a constant sum to zero over the pool
    expect(result.decomposition.toRows().reduce((s, r) => s + (r.attractiveness as number), 0)).toBeCloseTo(0, 8);
  });

  test("one matrix for every year is said to be structural", () => {
    const result = residentialAttractiveness(panel, { from: 2004, to: 2012, commuting });
    expect(commuting.structural).toBe(true);
    expect(result.notes.join(" ")).toMatch(/structural/);
    expect(result.missing.join(" ")).not.toMatch(/commuting/);
  });
});

describe("commuting structure of a hand-computable 4-kommune matrix", () => {
  // residents of A: 80 work in A, 20 in B; B: 150 in B, 30 in A, 20 in C; C: 50 in C, 50 in B; D: 40 in D.
  // The columns come work first, then home: the axes are read from the names, never from the order.
  const flows = Table.fromRows(
    [
      ["A", "A", 80],
      ["B", "A", 20],
      ["B", "B", 150],
      ["A", "B", 30],
      ["C", "B", 20],
      ["C", "C", 50],
      ["B", "C", 50],
      ["D", "D", 40],
    ].map(([work, home, value]) => ({
      arbeidsstedskommune: work as string,
      bostedskommune: home as string,
      year: 2017,
      value: value as number,
    })),
  );
  const structure = commutingStructure(flows);
  const y = structure.years.get(2017)!;

  test("employed residents and out-commuting shares", () => {
    expect(Object.fromEntries(y.employed)).toEqual({ A: 100, B: 200, C: 100, D: 40 });
    expect(y.outShare.get("A")).toBeCloseTo(0.2, 12);
    expect(y.outShare.get("B")).toBeCloseTo(0.25, 12);
    expect(y.outShare.get("C")).toBeCloseTo(0.5, 12);
    expect(y.outShare.get("D")).toBe(0);
  });

  test("neighbours' job growth weighted by where residents work", () => {
    const growth = new Map<string, number | null>([
      ["A", 1],
      ["B", 2],
      ["C", -1],
      ["D", 3],
    ]);
    expect(neighbourGrowth(y, "A", growth)).toBeCloseTo(0.2 * 2, 12);
    expect(neighbourGrowth(y, "B", growth)).toBeCloseTo(0.15 * 1 + 0.1 * -1, 12);
    expect(neighbourGrowth(y, "C", growth)).toBeCloseTo(0.5 * 2, 12);
    expect(neighbourGrowth(y, "D", growth)).toBe(0);
    expect(neighbourGrowth(y, "A", new Map([["B", null]]))).toBeNull();
    // swapping the column order changes nothing
    const swapped = commutingStructure(
      flows.select("bostedskommune", "arbeidsstedskommune", "year", "value"),
    ).years.get(2017)!;
    expect(swapped.weights).toEqual(y.weights);
  });

  test("codes of another vintage are mapped to the panel's with the registry", () => {
    // Trysil and Rendalen got new numbers in 2020 (0428 → 3421, 0432 → 3424)
    expect(panelCodeOf("3421", new Set(["0428", "0432"]))).toBe("0428");
    expect(panelCodeOf("0432", new Set(["3421", "3424"]))).toBe("3424");
    // a 2020 merger cannot be split back without weights
    expect(panelCodeOf("3002", new Set(["0104", "0136"]))).toBeNull();
  });
});

describe("business attractiveness, pooled", () => {
  // 30 regions, 2010-2015; g_J − NAT = 0.3·(relative population growth the year before) + u, u orthogonal
  const rnd = random(3);
  const regions = Array.from({ length: 30 }, (_, k) => `B${k}`);
  const years = [2009, 2010, 2011, 2012, 2013, 2014, 2015];
  const P = regions.map(() => {
    let p = 2000 + rnd() * 20_000;
    return years.map(() => (p *= 1 + (rnd() - 0.5) * 0.03));
  });
  const J = regions.map(() => years.map(() => 0));
  for (let k = 0; k < regions.length; k++) J[k]![0] = 1000 + Math.round(rnd() * 5000);
  // build jobs year by year so that the national growth is what the regions sum to
  for (let t = 1; t < years.length; t++)
    for (let k = 0; k < regions.length; k++) J[k]![t] = J[k]![t - 1]! * (1 + (rnd() - 0.5) * 0.06);
  const panel = Table.fromRows(
    regions.flatMap((region, k) =>
      years.map((year, t) => ({
        region,
        year,
        population: P[k]![t]!,
        private_jobs: J[k]![t]!,
        natural_increase_pct: 0,
        national_net_immigration_pct: 0,
        population_growth_pct: 0,
      })),
    ),
  );

  test("one γ over the window equals the OLS of the pooled observations, written out", () => {
    const y: number[] = [];
    const x: number[] = [];
    for (let t = 2; t < years.length; t++) {
      const nat = 100 * (J.reduce((s, j) => s + j[t]!, 0) / J.reduce((s, j) => s + j[t - 1]!, 0) - 1);
      // population on 1 January: P_t / P_{t−1} is the growth during the year before
      const natPop = 100 * (P.reduce((s, p) => s + p[t]!, 0) / P.reduce((s, p) => s + p[t - 1]!, 0) - 1);
      for (let k = 0; k < regions.length; k++) {
        y.push(100 * (J[k]![t]! / J[k]![t - 1]! - 1) - nat);
        x.push(100 * (P[k]![t]! / P[k]![t - 1]! - 1) - natPop);
      }
    }
    const expected = ols(y, { x })!;
    const r = businessAttractiveness(panel, { from: 2011, to: 2015 });
    expect(r.regressions).toHaveLength(1);
    expect(r.regressions[0]!.fit.n).toBe(150);
    expect(r.regressions[0]!.fit.coefficients[1]).toBeCloseTo(expected.coefficients[1]!, 10);
    expect(r.regressions[0]!.fit.standardErrors[1]).toBeCloseTo(expected.standardErrors[1]!, 10);
    expect(r.years.distinct("gamma")).toHaveLength(1);
    for (const row of r.decomposition.toRows()) {
      expect((row.national as number) + (row.population as number) + (row.attractiveness as number)).toBeCloseTo(
        row.growth as number,
        10,
      );
    }
    const yearly = businessAttractiveness(panel, { from: 2011, to: 2015, estimation: "yearly" });
    expect(yearly.regressions).toHaveLength(5);
    expect(yearly.years.distinct("gamma")).toHaveLength(5);
  });

  test("visitor attractiveness without jobs by industry names the table it needs", () => {
    expect(() => businessAttractiveness(panel, { from: 2011, to: 2015, only: ["visitor"] })).toThrow(
      /visitor attractiveness needs a table of jobs by industry/,
    );
    try {
      businessAttractiveness(panel, { from: 2011, to: 2015, only: ["visitor"] });
    } catch (error) {
      expect((error as { hint: string }).hint).toMatch(/09313/);
      expect((error as { code: string }).code).toBe("ARGUMENT");
    }
    const noVisitors = Table.fromRows(
      regions.flatMap((region) => [2014, 2015].map((year) => ({ region, industry: "25", year, value: 100 }))),
    );
    expect(() =>
      businessAttractiveness(panel, { from: 2015, to: 2015, only: ["visitor"], industries: noVisitors }),
    ).toThrow(/hold no visitor industries/);
  });
});
