import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatNumber } from "../../src/charts/locale.ts";
import { businessAttractiveness } from "../../src/indicators/attractiveness/business.ts";
import { read } from "../../src/io/node.ts";
import { attractivenessAnalysis, attractivenessText } from "../../src/report/pipelines/attractiveness.ts";
import { Table } from "../../src/table/table.ts";
import { failure } from "../helpers.ts";

/** A deterministic pseudo-random sequence in (0, 1). */
function random(seed: number): () => number {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

// 30 regions, 2009-2015, private jobs in Telemarksforsking's three private types; each region also has a "Lokale"
// row (private schools and care, merged with the public sector) and SSB's total "00-99", which the industry effect
// must leave out
const rnd = random(5);
const regions = Array.from({ length: 30 }, (_, k) => `R${String(k).padStart(2, "0")}`);
const years = [2009, 2010, 2011, 2012, 2013, 2014, 2015];
const TYPES = ["Basis", "Besøk", "Regionale"] as const;
const jobs = regions.map(() => TYPES.map(() => years.map(() => 0)));
for (const r of jobs)
  for (const series of r) {
    series[0] = 100 + Math.round(rnd() * 900);
    for (let t = 1; t < years.length; t++) series[t] = Math.round(series[t - 1]! * (1 + (rnd() - 0.45) * 0.1));
  }
const population = regions.map(() => {
  let p = 2000 + rnd() * 20_000;
  return years.map(() => (p *= 1 + (rnd() - 0.5) * 0.03));
});
const privateJobs = (k: number, t: number) => jobs[k]!.reduce((s, series) => s + series[t]!, 0);
const panel = Table.fromRows(
  regions.flatMap((region, k) =>
    years.map((year, t) => ({
      region,
      year,
      population: population[k]![t]!,
      private_jobs: privateJobs(k, t),
      natural_increase_pct: 0.1,
      national_net_immigration_pct: 0.5,
      population_growth_pct: 0.6 + (rnd() - 0.5),
    })),
  ),
);
const industries = Table.fromRows(
  regions.flatMap((region, k) =>
    years.flatMap((year, t) => [
      ...TYPES.map((industry, i) => ({ region, industry, year, value: jobs[k]![i]![t]! })),
      { region, industry: "Lokale", year, value: 50 + t },
      { region, industry: "00-99", year, value: privateJobs(k, t) + 50 + t },
    ]),
  ),
);

/** IND(r,t) = Σ_i s_{r,i,t−1}·(g_{N,i,t} − g_{N,t}), written out over the three private types. */
function industryEffect(k: number, t: number): number {
  const national = (i: number, u: number) => jobs.reduce((s, r) => s + r[i]![u]!, 0);
  const all = (u: number) => [0, 1, 2].reduce((s, i) => s + national(i, u), 0);
  const gN = 100 * (all(t) / all(t - 1) - 1);
  return [0, 1, 2].reduce(
    (s, i) =>
      s + (jobs[k]![i]![t - 1]! / privateJobs(k, t - 1)) * (100 * (national(i, t) / national(i, t - 1) - 1) - gN),
    0,
  );
}

describe("the business model's industry effect from private jobs by Telemarksforsking's industry types", () => {
  const analysis = attractivenessAnalysis(panel, { from: 2012, to: 2015, industries });

  test("by hand: each region's mean industry effect over the period", () => {
    for (const k of [0, 7, 29]) {
      const mean = [3, 4, 5, 6].reduce((s, t) => s + industryEffect(k, t), 0) / 4;
      const row = analysis.rows.find((r) => r.code === regions[k])!;
      expect(row.business_components.industry).toBeCloseTo(mean, 10);
    }
    const decomposition = analysis.business.decomposition.filter({ region: regions[7]!, year: 2014 }).toRows()[0]!;
    expect(decomposition.industry).toBeCloseTo(industryEffect(7, 5), 10);
    // growth = national + industry + population + attractiveness
    expect(
      (decomposition.national as number) +
        (decomposition.industry as number) +
        (decomposition.population as number) +
        (decomposition.attractiveness as number),
    ).toBeCloseTo(decomposition.growth as number, 10);
    expect(analysis.business.missing).toEqual([]);
    expect(analysis.business.notes).toEqual(["industries of no group left out of the industry effect: 00-99"]);
  });

  test("the printout says the industry effect is there, in each language, and gives the fit", () => {
    const fit = analysis.business.regressions[0]!.fit;
    const sv = attractivenessText(analysis).split("\n");
    expect(sv).toContain("  branscheffekten: beräknad från privata arbetsplatser per bransch (30 regioner)");
    expect(sv).toContain(
      `  samlad: konstant ${formatNumber(fit.coefficients[0]!, "sv", 3)} (${formatNumber(fit.standardErrors[0]!, "sv", 3)}), ` +
        `befolkningstillväxt t−1 ${formatNumber(fit.coefficients[1]!, "sv", 3)} (${formatNumber(fit.standardErrors[1]!, "sv", 3)}); ` +
        `R² ${formatNumber(fit.r2, "sv", 3)}, n 120`,
    );
    expect(sv.join("\n")).not.toMatch(/utelämnat: branscheffekten/);
    expect(attractivenessText(analysis, { locale: "nb" })).toMatch(
      /\n {2}bransjeeffekten: beregnet fra private arbeidsplasser etter næring \(30 regioner\)\n/,
    );
    expect(attractivenessText(analysis, { locale: "en" })).toMatch(
      /\n {2}industry effect: from private jobs by industry \(30 regions\)\n/,
    );
  });

  test("without jobs by industry the printout says the effect is missing, in each language", () => {
    const without = attractivenessAnalysis(panel, { from: 2012, to: 2015 });
    expect(without.rows.every((r) => r.business_components.industry === null)).toBe(true);
    expect(attractivenessText(without)).toMatch(
      /\n {2}utelämnat: branscheffekten: data saknar privata arbetsplatser per bransch, så näringslivsattraktiviteten här innehåller den\n/,
    );
    expect(attractivenessText(without, { locale: "nb" })).toMatch(
      /\n {2}utelatt: bransjeeffekten: dataene mangler private arbeidsplasser etter næring, så næringsattraktiviteten her inneholder den\n/,
    );
    expect(attractivenessText(without, { locale: "en" })).toMatch(
      /\n {2}left out: the industry effect: the data hold no private jobs by industry, so business attractiveness here includes it\n/,
    );
  });

  test("a table of jobs by industry without its columns: an error naming them", () => {
    const error = failure(() =>
      businessAttractiveness(panel, { from: 2012, to: 2015, industries: industries.drop("industry") }),
    );
    expect(error.code).toBe("SCHEMA");
    expect(error.message).toMatch(/the jobs by industry lack the columns industry/);
  });
});

describe("the printout of the model on Telemarksforsking's panel", () => {
  const file = fileURLToPath(new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url));
  const analysis = attractivenessAnalysis(read(file));

  test("the residential fit: every coefficient with its standard error, R² and n, in Swedish, Norwegian and English", () => {
    const fit = analysis.residential.regressions[0]!.fit;
    expect(fit.n).toBe(4260);
    const words = {
      sv: ["samlad", "konstant", "egna jobb t", "egna jobb t−1", "egna jobb t−2", "storlek"],
      nb: [
        "samlet",
        "konstantledd",
        "egne arbeidsplasser t",
        "egne arbeidsplasser t−1",
        "egne arbeidsplasser t−2",
        "størrelse",
      ],
      en: ["pooled", "intercept", "own jobs t", "own jobs t−1", "own jobs t−2", "size"],
    } as const;
    for (const locale of ["sv", "nb", "en"] as const) {
      const f = (x: number) => formatNumber(x, locale, 3);
      const [pooled, ...names] = words[locale];
      const line = `  ${pooled}: ${names.map((name, k) => `${name} ${f(fit.coefficients[k]!)} (${f(fit.standardErrors[k]!)})`).join(", ")}; R² ${f(fit.r2)}, n ${formatNumber(4260, locale)}`;
      expect(attractivenessText(analysis, { locale }).split("\n")[2]).toBe(line);
    }
    // without counts the printout says the net migration is the panel's own
    expect(attractivenessText(analysis, { locale: "en" }).split("\n")[3]).toMatch(
      /^ {2}net migration: the panel's own growth − natural increase/,
    );
  });
});

describe("one region's lines in Norwegian (regionLines)", () => {
  test("the rank, the growth identity and the business identity in bokmål, with the same figures as in English", async () => {
    const { regionLines } = await import("../../src/report/pipelines/attractiveness.ts");
    const analysis = attractivenessAnalysis(
      read(fileURLToPath(new URL("../../data/tf/no-regions-2003-2016.csv", import.meta.url))),
      { level: "kommune", from: 2007, to: 2016 },
    );
    const nb = regionLines(analysis, "0428", "2007–2016", "nb");
    const en = regionLines(analysis, "0428", "2007–2016", "en");
    expect(nb[0]).toMatch(/^0428 Trysil, 2007–2016: bostedsattraktivitet −?\d,\d\d \(plass \d+ av \d+\), næring/);
    expect(nb[1]).toMatch(/^ {2}befolkningsvekst −?\d,\d\d = fødselsoverskudd −?\d,\d\d \+ innvandring/);
    expect(nb.at(-1)).toMatch(/^ {2}vekst i private arbeidsplasser −?\d,\d\d = landets/);
    // the same numbers in both languages, formatted by each (−0,25 and -0.25)
    const numbers = (line: string) =>
      line.match(/[−-]?\d+[.,]\d\d/g)!.map((x) => Number(x.replace("−", "-").replace(",", ".")));
    for (let k = 0; k < nb.length; k++) expect(numbers(nb[k]!)).toEqual(numbers(en[k]!));
    expect(nb.join(" ")).not.toMatch(/\b(rank|not ranked|population growth|own jobs|business)\b/);
  });
});
