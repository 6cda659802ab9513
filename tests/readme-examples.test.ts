// The README's indicator examples, run on the shipped data in data/ with the values the README shows.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import {
  asPopulationChange,
  betaConvergence,
  componentsOfChange,
  converse,
  curveFit,
  decomposeValueAddedGrowth,
  dynamicShiftShare,
  economicBase,
  gini,
  growthOver,
  hansen,
  huff,
  inequality,
  locationQuotients,
  read,
  projectAgeGroups,
  shiftShare,
  sigmaConvergence,
  specialisation,
  Table,
  williamson,
} from "../src/node.ts";

const data = (path: string) => fileURLToPath(new URL(`../data/${path}`, import.meta.url));

describe("README examples", () => {
  test("Dalarna projected to 2040 on Eurostat's age groups", () => {
    const eurostat = read(data("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv"), {
      where: { region: "SE312", unit: "NR" },
    });
    const r = projectAgeGroups(eurostat, { region: "SE312", horizon: 2040 }).total.filter({ year: 2040 }).toRows()[0]!;
    expect([r.population, r.low, r.high].map((v) => Math.round(v as number))).toEqual([295_998, 291_423, 300_844]);
  });

  test("growth of private jobs in Trysil", () => {
    const tf = read(data("tf/no-regions-2003-2016.csv")).filter({ level: "Kommune" });
    const jobs = Table.fromColumns({
      region: tf.toRows().map((r) => String(r.code).padStart(4, "0")),
      year: tf.column("year"),
      value: tf.column("private_jobs"),
    });
    const r = growthOver(jobs, { from: 2006, to: 2016 }).filter({ region: "0428" }).toRows()[0]!;
    expect(r).toMatchObject({ start: 1952, end: 1787, change: -165 });
    expect(r.growth_pct).toBeCloseTo(-8.45, 2);
    expect(r.cagr).toBeCloseTo(-0.88, 2);
  });

  test("components of change, Hedmark 2013", () => {
    const change = componentsOfChange(
      asPopulationChange(read(data("ssb/erleholgersen-elections-norway__folketall.csv"))),
      { populationAt: "start" },
    );
    const r = change.filter({ region: "04", year: 2013 }).toRows()[0]!;
    expect(r).toMatchObject({ change: 714, natural_increase: -422, net_migration: 1155, adjustment: -19 });
    expect(r.births_per_1000).toBeCloseTo(8.83, 2);
  });

  test("shift-share and specialisation of the Länder", () => {
    const emp = read(data("reat/G.regions.emp.csv")).filter({
      industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)",
    });
    const s = shiftShare(emp, { from: 2008, to: 2014, value: "emp", national: "Insgesamt" })
      .filter({ region: "Bayern" })
      .toRows()[0]!;
    expect(s.change).toBe(547_323);
    expect(Math.round(s.national_share as number)).toBe(447_530);
    expect(Math.round(s.industry_mix as number)).toBe(-38_578);
    expect(Math.round(s.regional_shift as number)).toBe(138_371);
    const b = specialisation(emp, { value: "emp", national: "Insgesamt", year: 2014 })
      .filter({ region: "Berlin" })
      .toRows()[0]!;
    expect(b.krugman).toBeCloseTo(0.328, 3);
    expect(b.herfindahl).toBeCloseTo(0.184, 3);
    expect(b.diversity).toBeCloseTo(3.05, 2);
  });

  test("inequality and convergence of German counties", () => {
    const gdp = read(data("reat/G.counties.gdp.csv"));
    const y2014 = gdp
      .filter({ year: 2014 })
      .pivotWider({ names: "contents", values: "value", id: ["region"] })
      .toRows();
    expect(gini({ values: y2014.map((r) => r.gdppc as number) })).toBeCloseTo(0.203, 3);
    expect(
      williamson(
        y2014.map((r) => r.gdppc as number),
        y2014.map((r) => r.pop as number),
      ),
    ).toBeCloseTo(0.433, 3);
    const perHead = gdp.filter({ contents: "gdppc" }).select("region", "year", "value");
    const sigma = sigmaConvergence(perHead)
      .filter({ year: [2000, 2014] })
      .toRows();
    expect(sigma.map((r) => Math.round((r.sigma as number) * 1000) / 1000)).toEqual([0.365, 0.343]);
    const beta = betaConvergence(perHead, { from: 2000, to: 2014 })!;
    expect(beta.beta).toBeCloseTo(-0.0071, 4);
    expect(beta.speed).toBeCloseTo(0.0075, 4);
    expect(Math.round(beta.halfLife!)).toBe(92);
  });

  test("GDP growth split into population and GDP per head", () => {
    const d = decomposeValueAddedGrowth(34_271.512, 48_251.695, 571.528, 608.369)!;
    expect(d.log.total).toBeCloseTo(0.342, 3);
    expect(d.log.employment).toBeCloseTo(0.062, 3);
    expect(d.log.productivity).toBeCloseTo(0.28, 3);
  });

  test("the regional-economics toolbox: missing values, quotients, dynamic shift-share, retail, trends", () => {
    expect(inequality({ values: [1, null, 3, 4] })).toMatchObject({ n: 3, missing: 1, gini: 0.25 });
    const emp = read(data("reat/G.regions.emp.csv")).filter({
      industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)",
    });
    const lq = locationQuotients(emp, { value: "emp", national: "Insgesamt", year: 2014 })
      .filter({ region: "Berlin", industry: "Information und Kommunikation (J)" })
      .toRows()[0]!;
    expect(lq.location_quotient).toBeCloseTo(1.811, 3);
    expect(lq.additive_lq).toBeCloseTo(0.0341, 4);
    expect(lq.standardised_lq).toBeCloseTo(1.94, 2);
    expect(lq.flq).toBeCloseTo(0.777, 3);
    const y2014 = emp.filter({ year: 2014 }).toRows();
    const industries = [...new Set(y2014.map((r) => r.industry as string))];
    const jobs = (region: string) =>
      industries.map((i) => y2014.find((r) => r.region === region && r.industry === i)!.emp as number);
    expect(economicBase(jobs("Berlin"), jobs("Insgesamt"))!.multiplier).toBeCloseTo(6.11, 2);
    const d = dynamicShiftShare(emp, { from: 2008, to: 2014, value: "emp", national: "Insgesamt" })
      .filter({ region: "Bayern" })
      .toRows()[0]!;
    expect([d.national_share, d.industry_mix, d.regional_shift].map((v) => Math.round(v as number))).toEqual([
      451_956, -35_131, 130_498,
    ]);
    expect(Math.round(d.competitive as number)).toBe(135_854);
    const h = huff(
      [
        [10, 5],
        [5, 15],
      ],
      [5000, 10_000],
      { demand: [5_000_000, 3_000_000] },
    );
    expect(h.shares.map((r) => Math.round(r[1]! * 1000) / 1000)).toEqual([0.889, 0.182]);
    expect(
      hansen(
        [
          [10, 5],
          [5, 15],
        ],
        [5000, 10_000],
      ).accessibility.map((a) => Math.round(a!)),
    ).toEqual([450, 244]);
    expect(converse(400_000, 200_000, 80)!.fromA).toBeCloseTo(46.86, 2);
    const gdp = read(data("reat/G.counties.gdp.csv"));
    const beta = betaConvergence(gdp.filter({ contents: "gdppc" }).select("region", "year", "value"), {
      from: 2000,
      to: 2014,
    })!;
    expect(beta.regression.t[1]).toBeCloseTo(-7.22, 2);
    expect(beta.regression.pValues[1]!).toBeLessThan(1e-11);
    const total = gdp.filter({ contents: "gdp" }).groupBy(["year"]).sum("value").sort("year").toRows();
    const trend = curveFit(
      total.map((r) => r.year as number),
      total.map((r) => r.value as number),
      { extrapolate: 3 },
    );
    expect(trend.fits.exponential!.b).toBeCloseTo(0.0224, 4);
    expect(trend.fits.linear!.r2).toBeCloseTo(0.962, 3);
    expect(Math.round(trend.rows.at(-1)!.exponential! / 1000)).toBe(3070);
  });
});

describe("README: maps", () => {
  test("Trysil among Innlandet's kommuner, every Norwegian kommune, the flows, the merged areas of 2017", async () => {
    const { read, growth, mapChart, flowMap, asCommutingFlows, loadBoundaries } = await import("../src/node.ts");
    const population = read(data("ssb/ikashnitsky-mun-non-surv__dat__no__no-p2022.csv"));
    const yearly = growth(population.groupBy(["region", "year"]).sum("value"), { value: "value" });
    const map = await mapChart(yearly, {
      value: "growth_pct",
      valueTitle: "Vekst 2021–2022",
      unit: " %",
      focus: "3421",
      locale: "nb",
    });
    /** The areas a map colours: its first layer's features. */
    const areas = (chart: { toJSON(): unknown }) =>
      (chart.toJSON() as { layer: { data: { values: { id: string }[] } }[] }).layer[0]!.data.values;
    expect(areas(map)).toHaveLength(46);
    // Trysil 6 580 (1 January 2021) → 6 603 (2022), SSB 07459: +0,3 %
    expect(await map.toSVG()).toContain('aria-label="Kommune: Trysil; Vekst 2021–2022: 0,3"');
    const country = await mapChart(yearly, { value: "growth_pct", frame: "country" });
    expect(areas(country)).toHaveLength(356);
    const flows = await flowMap(
      asCommutingFlows(read(data("ssb/folkehelseinstituttet-spread__inst__extdata__di_edge_list_2017.xlsx"))),
      { focus: "0428", top: 8, locale: "nb" },
    );
    expect(flows.title).toBe("Trysil: største pendlingsstrømmer 2017");
    expect((await loadBoundaries("NO", 2017)).undrawn[0]!.properties).toMatchObject({
      codes: ["0104", "0136"],
      names: ["Moss", "Rygge"],
    });
  }, 120_000);
});
