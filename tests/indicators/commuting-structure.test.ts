import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { attractivenessAnalysis, regionLines } from "../../src/report/pipelines/attractiveness.ts";
import { residentialAttractiveness } from "../../src/indicators/attractiveness/residential.ts";
import { commutingFromFlows } from "../../src/indicators/commuting/indicators.ts";
import { commutingStructure } from "../../src/indicators/commuting/structure.ts";
import { asAttractivenessPanel } from "../../src/io/attractiveness.ts";
import { asCommutingFlows } from "../../src/io/commuting.ts";
import { read } from "../../src/node.ts";
import { one } from "../helpers.ts";

const file = (path: string) => fileURLToPath(new URL(`../../data/${path}`, import.meta.url));
// SSB 03321: employed persons (Q4 2017) by place of work × place of residence, every kommune; 193 600 cells
const matrix = read(file("ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx"));
const panel = asAttractivenessPanel(read(file("tf/no-regions-2003-2016.csv"))).filter({ level: "kommune" });
const panelCodes = panel.distinct("region") as string[];

describe("the real 2017 commuting matrix (SSB 03321)", () => {
  const stocks = commutingFromFlows(asCommutingFlows(matrix));
  const structure = commutingStructure(matrix, { panelCodes });
  const y2017 = structure.years.get(2017)!;

  test("SSB's published totals: jobs located in Oslo and employed Oslo residents", () => {
    // the axes come from the title ("etter arbeidsstedskommune, bostedskommune"): swapped, Oslo would have
    // 357 276 jobs and 468 375 employed residents
    expect(one(stocks, { region: "0301" }, "jobs")).toBe(468_375);
    expect(one(stocks, { region: "0301" }, "employed_residents")).toBe(357_276);
    expect(y2017.employed.get("0301")).toBe(357_276);
  });

  test("Trysil's out-commuting share by hand from the file", () => {
    // Trysil (0428) × Trysil: 2 536 live and work there, of 3 047 employed residents
    const trysil = asCommutingFlows(matrix).filter({ origin: "0428" });
    expect(one(trysil, { destination: "0428" })).toBe(2536);
    expect(trysil.toRows().reduce((s, r) => s + (r.value as number), 0)).toBe(3047);
    expect(y2017.outShare.get("0428")).toBeCloseTo(1 - 2536 / 3047, 12);
    // the weights of Trysil's work places sum to its out-commuting share
    expect(y2017.weights.get("0428")!.reduce((s, [, w]) => s + w, 0)).toBeCloseTo(511 / 3047, 12);
  });

  test("on the panel's 426 kommuner; the matrix is one year, so it is structural", () => {
    expect(y2017.employed.size).toBe(426);
    expect([...y2017.employed.keys()].every((c) => panelCodes.includes(c))).toBe(true);
    expect(structure.structural).toBe(true);
    expect(structure.notes.join(" ")).toMatch(/2017.*structural/);
  });
});

describe("the pooled model on Telemarksforsking's panel with the real commuting matrix", () => {
  const commuting = commutingStructure(matrix, { panelCodes });
  const result = residentialAttractiveness(panel, { from: 2007, to: 2016, commuting });
  const fit = result.regressions[0]!.fit;

  test("one regression of 426 kommuner × 10 years with the neighbour and integration terms", () => {
    expect(result.regressions).toHaveLength(1);
    expect(fit.n).toBe(4260);
    expect(fit.names).toEqual([
      "intercept",
      "own_jobs_0",
      "own_jobs_1",
      "own_jobs_2",
      "neighbour_jobs",
      "size",
      "integration",
    ]);
    expect(result.missing).toEqual([
      "own job growth counts private jobs only (the panel has no total jobs: public job growth is in the residual)",
    ]);
    // every slope is positive and at least three standard errors from zero
    for (let a = 1; a < fit.names.length; a++) expect(fit.t[a]!).toBeGreaterThan(3);
  });

  test("the decomposition adds up; the neighbour term is the coefficient times Σ w·(others' own job growth)", () => {
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
    const rows = result.decomposition.toRows();
    for (const r of rows) expect(parts.reduce((s, p) => s + (r[p] as number), 0)).toBeCloseTo(r.growth as number, 10);
    const b = fit.coefficients[fit.names.indexOf("neighbour_jobs")]!;
    const growth2016 = new Map(
      result.decomposition
        .filter({ year: 2016 })
        .toRows()
        .map((r) => [r.region as string, r.own_job_growth as number]),
    );
    const trysil = one(result.decomposition, { region: "0428", year: 2016 }, "neighbour_jobs") as number;
    const byHand = commuting.years
      .get(2017)!
      .weights.get("0428")!
      .reduce((s, [k, w]) => s + w * growth2016.get(k)!, 0);
    expect(trysil).toBeCloseTo(b * byHand, 12);
  });

  test("the CLI analysis prints Trysil's and Rendalen's neighbour and integration terms", () => {
    const analysis = attractivenessAnalysis(read(file("tf/no-regions-2003-2016.csv")), {
      level: "kommune",
      from: 2007,
      to: 2016,
      minPopulation: 1000,
      commuting: [matrix],
    });
    const trysil = regionLines(analysis, "0428", "2007-2016", "en");
    expect(trysil[0]).toMatch(/^0428 Trysil, 2007-2016: residential attractiveness -?\d\.\d\d \(rank \d+ of \d+\)/);
    expect(trysil[1]).toMatch(/neighbours' jobs -?\d\.\d\d .* integration -?\d\.\d\d/);
    expect(trysil[2]).toMatch(/^ {2}16\.8 % of employed residents work in another kommune/);
    expect(regionLines(analysis, "0432", "", "en")[2]).toMatch(/^ {2}34\.9 % of employed residents/);
  });
});
