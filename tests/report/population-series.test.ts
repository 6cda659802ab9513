import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readDatasets } from "../../src/io/datasets-node.ts";
import { municipalData } from "../../src/report/report-data.ts";
import { kommunSeries } from "../../src/report/population-series.ts";
import { buildSections } from "../../src/report/sections.ts";

const folder = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

describe("the population section's series: the kommun, its county and the country", () => {
  test("Dalarnas län is the sum of its kommuner: 287 966 on 31 December 2019, as SCB publishes", () => {
    const data = municipalData(readDatasets([folder("scb")]))!;
    const series = kommunSeries(data, { code: "2021", name: "Vansbro", locale: "sv" });
    const county = series.filter({ region: "20" }).toRows();
    expect(county[0]!.region_name).toBe("Dalarnas län");
    expect(county.at(-1)).toMatchObject({ year: 2019, population: 287966 });
    // the county's line runs over the same years as the kommun's
    expect(county.map((r) => r.year)).toEqual(
      series
        .filter({ region: "2021" })
        .toRows()
        .map((r) => r.year),
    );
  });

  test("Innlandet (34) on 2020 codes: 371 253 on 1 January 2022; compared regions without it leave it out", () => {
    const data = municipalData(readDatasets([folder("ssb")]))!;
    const series = kommunSeries(data, { code: "3421", name: "Trysil", locale: "nb" });
    expect(series.filter({ region: "34", year: 2022 }).toRows()[0]!.population).toBe(371253);
    const compared = kommunSeries(data, { code: "3421", name: "Trysil", locale: "nb", compare: ["3424"] });
    expect(compared.distinct("region")).toEqual(["3421", "3424", "0"]);
  });

  test("Nordland cannot be summed (Narvik and Hamarøy lack the years before 2020): no line, and the page says why", () => {
    const data = municipalData(readDatasets([folder("ssb")]))!;
    expect(kommunSeries(data, { code: "1804", name: "Bodø", locale: "nb" }).filter({ region: "18" }).numRows).toBe(0);
    const population = (region: string) =>
      buildSections({ municipal: data }, { region }).sections.find((s) => s.id === "population")!.sources;
    expect(population("1804").join(" ")).toMatch(/Nordland vises ikke: noen av fylkets kommuner mangler tall/);
    expect(population("3421").join(" ")).not.toMatch(/vises ikke/);
  });
});
