// The charts under test, each built from an indicator's result on real data. Shared by the golden tests and the demo.
import { fileURLToPath } from "node:url";
import * as om from "../../src/node.ts";

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

export function examples(locale: om.Locale = "sv"): Record<string, () => om.Chart> {
  const panel = om
    .asAttractivenessPanel(om.read(fixture("real/tf/no-regions-2003-2016.csv")))
    .filter({ level: "kommune" });
  const hedmark = panel
    .filter({ region: (r) => String(r).startsWith("04") })
    .select("region", "region_name", "year", "population");
  const growth = om
    .growth(hedmark, { base: 2003, value: "population" })
    .join(hedmark.select("region", "region_name").groupBy(["region", "region_name"]).count().drop("count"), {
      on: ["region"],
      how: "left",
    });
  const residential = om.residentialAttractiveness(panel, { from: 2007, to: 2016 });
  const business = om.businessAttractiveness(panel, { from: 2007, to: 2016 });
  const ranking = om.rankAttractiveness(residential.decomposition, business.decomposition, { from: 2007, to: 2016 });
  const components = om.componentsOfChange(
    om.asPopulationChange(om.read(fixture("real/ssb/erleholgersen-elections-norway__folketall.csv"))),
    { populationAt: "start" },
  );
  const emp = om
    .read(fixture("reat/G.regions.emp.csv"))
    .filter({ industry: (i) => i !== "Insgesamt" && i !== "Verarbeitendes Gewerbe (C)" });
  const freiburg = om.Table.fromRows(
    om
      .read(fixture("reat/Freiburg.csv"))
      .toRows()
      .map((r) => ({
        region: r.contents === "e_Freiburg" ? "Freiburg" : "Germany",
        industry: r.industry ?? null,
        year: r.year ?? null,
        value: r.value ?? null,
      })),
  );
  const gdp = om.read(fixture("reat/G.counties.gdp.csv")).filter({ region: (r) => String(r).startsWith("081") });
  const va = gdp
    .filter({ contents: ["gdp", "pop"] })
    .pivotWider({ names: "contents", values: "value", id: ["region", "year"] });
  const stocks = om.Table.fromRows([
    { region: "3001", year: 2021, employed_residents: 14_010, in_commuters: 2_950, out_commuters: 4_080, jobs: 12_880 },
    { region: "3001", year: 2022, employed_residents: 14_180, in_commuters: 3_010, out_commuters: 4_150, jobs: 13_040 },
    { region: "3001", year: 2023, employed_residents: 14_262, in_commuters: 3_054, out_commuters: 4_193, jobs: 13_123 },
  ]).withProvenance({ source: "SSB", tableId: "11616" });
  const focus = ["0428", "0432"];
  let projected: om.GroupProjection | undefined;
  const dalarna = () =>
    (projected ??= om.projectAgeGroups(
      om.read(fixture("real/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv"), {
        where: { region: "SE312", unit: "NR" },
      }),
      { region: "SE312", horizon: 2040 },
    ));
  return {
    index: () => om.indexChart(growth, { focus: "0428", locale }),
    indexFew: () =>
      om.indexChart(growth.filter({ region: ["0428", "0432", "0430", "0434", "0429", "0437", "0436", "0441"] }), {
        focus: "0428",
        locale,
      }),
    components: () =>
      om.componentsChart(components.filter({ year: (y) => (y as number) >= 1990 && (y as number) <= 2013 }), {
        region: "04",
        locale,
      }),
    ranked: () =>
      om.rankedBars(ranking, {
        value: "residential",
        focus,
        limit: 10,
        locale,
        title: "Bostedsattraktivitet 2007-2016",
      }),
    scatter: () => om.attractivenessScatter(residential.decomposition, { focus, locale }),
    quadrant: () => om.structureQuadrant(residential.decomposition, { focus, locale }),
    decomposition: () => om.decompositionChart(residential.decomposition, { region: "0428", locale }),
    shiftshare: () =>
      om.shiftShareChart(om.shiftShareByIndustry(emp, { from: 2008, to: 2014, value: "emp", national: "Insgesamt" }), {
        region: "Bayern",
        locale,
      }),
    portfolio: () =>
      om.portfolioChart(om.portfolio(freiburg, { from: 2008, to: 2014, national: "Germany" }), {
        region: "Freiburg",
        locale,
      }),
    commuting: () =>
      om.commutingChart(om.commutingFromStocks(stocks), { region: "3001", locale, title: "Halden: pendling" }),
    productivity: () =>
      om.productivityChart(om.valueAddedGrowth(va, { from: 2000, to: 2014, valueAdded: "gdp", jobs: "pop" }), {
        focus: ["08111"],
        locale,
      }),
    convergence: () =>
      om.convergenceChart(
        om.sigmaConvergence(
          om
            .read(fixture("reat/G.counties.gdp.csv"))
            .filter({ contents: "gdppc", year: (y) => (y as number) >= 2000 })
            .select("region", "year", "value"),
        ),
        { locale },
      ),
    dependency: () =>
      om.dependencyChart(
        om.dependencyRatios(
          om
            .read(fixture("real/eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv"))
            .filter({ unit: "NR", sex: "T", region: ["SE312", "SE212", "SE121", "SE110"] }),
          { bands: om.EUROSTAT_BANDS },
        ),
        { locale },
      ),
    pyramid: () => {
      // a projection with constant rates (not a real forecast: the shipped data have no rates by age)
      const start = Array.from({ length: 101 }, (_, a) => Math.round(120 * Math.exp(-a / 60)));
      const m = Array.from({ length: 101 }, (_, a) => Math.min(0.6, 0.0002 * Math.exp(a / 11)));
      const f = Array.from({ length: 101 }, (_, a) => (a >= 20 && a <= 40 ? 0.07 : 0));
      const { population } = om.projectPopulation({
        population: { female: start, male: start },
        start: 2024,
        horizon: 2040,
        rates: () => ({ fertility: f, mortality: { female: m, male: m } }),
      });
      return om.pyramidChart(population, { year: 2024, compareYear: 2040, locale });
    },
    projection: () => om.projectionChart(dalarna().total, { locale }),
    agegroups: () => om.ageGroupChart(dalarna().population, { base: 2022, locale }),
    cost: () =>
      om.costChart(
        om.demographicCost(
          dalarna().population.groupBy(["region", "year", "age"]).sum("value"),
          [
            { service: "Skola", ages: "0-14", cost: 110 },
            { service: "Äldreomsorg", ages: "65+", cost: 70 },
          ],
          { taxBase: { from: 15, to: 64 }, base: 2022 },
        ),
        { locale },
      ),
    multiples: () =>
      om.smallMultiples(growth.filter({ region: ["0428", "0432", "0430", "0434", "0429", "0437", "0436", "0441"] }), {
        locale,
      }),
  };
}
