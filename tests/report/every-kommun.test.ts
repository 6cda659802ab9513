import { beforeAll, describe, expect, it } from "vitest";
import { readDatasets } from "../../src/io/datasets-node.ts";
import type { Datasets } from "../../src/io/datasets.ts";
import { implausibleFigures } from "../../src/indicators/population/plausibility.ts";
import { followCodes } from "../../src/regions/code-changes.ts";
import { findRegion, municipalities } from "../../src/regions/registry.ts";
import { annexPipeline } from "../../src/report/pipelines/annex.ts";
import { municipalProjection } from "../../src/report/municipal.ts";
import { panelUnits } from "../../src/report/panel-units.ts";
import { reportData } from "../../src/report/report-data.ts";
import { buildSections, type ReportData, type Section } from "../../src/report/sections.ts";
import { RAW_PROJECTION } from "../helpers.ts";

// Every kommun of the shipped data, one after another from one load of each country's tables: the report's sections
// (without rendering) and the annex's sheets, with the invariants a reader relies on.

const TF = "data/tf/no-regions-2003-2016.csv";
/** Published national totals: SCB (31 December) and SSB (1 January). */
const NATIONAL = {
  SE: { 2019: 10_327_589, 2010: 9_415_570 },
  NO: { 2008: 4_737_171, 2016: 5_213_985, 2021: 5_391_369 },
};

let seFound: Datasets;
let noFound: Datasets;
let se: ReportData;
let no: ReportData;

beforeAll(() => {
  seFound = readDatasets(["data/scb"]);
  noFound = readDatasets(["data/ssb", TF]);
  se = reportData(seFound, "2021").data;
  no = reportData(noFound, "3421").data;
}, 300_000);

const byId = (sections: readonly Section[]) => new Map(sections.map((s) => [s.id, s]));

/** The rows of the country line (region `code`) in the population section's index chart, wherever its layers hold them. */
function countryLine(sections: readonly Section[], code: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const values = (node as { data?: { values?: unknown } }).data?.values;
      if (Array.isArray(values)) rows.push(...(values as Record<string, unknown>[]).filter((r) => r.region === code));
      Object.values(node).forEach(visit);
    }
  };
  visit(byId(sections).get("population")!.charts[0]!.toJSON());
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.year as number) && seen.add(r.year as number));
}

/** The invariants of one kommun's report and projection. */
function checkKommun(data: ReportData, code: string, country: "SE" | "NO"): string[] {
  const problems: string[] = [];
  const built = buildSections(data, { region: code });
  const sections = byId(built.sections);
  if (built.code !== code) problems.push(`${code} reported as ${built.code}`);
  const year = Math.max(...(data.municipal!.population.distinct("year") as number[]));
  const name = (findRegion(code, { country, year }) ?? findRegion(code, { country }))?.name;
  if (built.name !== name) problems.push(`${code} named ${built.name}, the registry says ${name}`);
  for (const s of built.sections)
    if (!s.sentence.includes(built.name)) problems.push(`${code}: section ${s.id} does not name ${built.name}`);
  for (const id of ["population", "ages", "components", "projection"])
    if (!sections.has(id)) problems.push(`${code}: no ${id} section (${built.missing.join("; ")})`);
  const p = municipalProjection(data.municipal!, code, 2040);
  const totals = p.total.toRows();
  // no observed zero (or missing) for a kommun in a year it existed: the projection's observed years are those
  for (const r of totals.filter((t) => t.kind === "observed"))
    if (!((r.population as number) > 0)) problems.push(`${code}: observed ${r.year} is ${r.population}`);
  // the interval holds its point, and the projection stays within what the back-test makes plausible
  for (const r of totals.filter((t) => t.kind === "projected")) {
    const [low, point, high] = [r.low as number, r.population as number, r.high as number];
    if (!(low <= point && point <= high)) problems.push(`${code} ${r.year}: ${point} outside ${low}-${high}`);
  }
  for (const f of implausibleFigures(p, country))
    problems.push(
      `${code}: ${f.what} ${f.year} ${f.value.toFixed(0)} changes ${f.rate.toFixed(1)} % a year by migration`,
    );
  if (built.warnings.length) problems.push(`${code}: ${built.warnings.join("; ")}`);
  // the annex's total is the projection's
  const { sheets } = annexPipeline(country === "SE" ? seFound : noFound, { region: code, horizon: 2040 });
  const last = sheets[0]!.rows.find((row) => row.year === 2040);
  const annexTotal = last?.total;
  const total = totals.find((t) => t.year === 2040)!.population as number;
  const value = annexTotal !== null && typeof annexTotal === "object" ? annexTotal.result : annexTotal;
  if (typeof value !== "number" || Math.abs(value - total) > 1e-6 * total)
    problems.push(`${code}: annex 2040 total ${String(value)}, projection ${total}`);
  return problems;
}

describe("every Swedish kommun of data/scb", () => {
  it("290 kommuner: sections from every table, observed years all people, intervals around their point, no implausible figure, the annex's total the projection's", () => {
    const codes = [...new Set(se.municipal!.population.distinct("region") as string[])].sort();
    expect(codes).toHaveLength(290);
    const problems = codes.flatMap((code) => checkKommun(se, code, "SE"));
    expect(problems).toEqual([]);
  }, 300_000);

  it("the country line is SCB's total for Sweden", () => {
    // the index chart's country line, on Vansbro's first year (2010)
    const country = countryLine(buildSections(se, { region: "2021" }).sections, "00");
    expect(country.find((r) => r.year === 2010)?.index).toBe(100);
    expect(country.find((r) => r.year === 2019)?.index).toBeCloseTo((100 * NATIONAL.SE[2019]) / NATIONAL.SE[2010], 9);
  });
});

describe("every Norwegian kommune of data/ssb and Telemarksforsking's panel", () => {
  it("every kommune on the tables' codes: the same invariants, and its attractiveness from its own kommuner", () => {
    const kinds = no.municipal!.population;
    const codes = [
      ...new Set(kinds.filter({ region_kind: (k) => k !== "pseudo" }).distinct("region") as string[]),
    ].sort();
    expect(codes.length).toBe(356);
    const panelCodes = new Set(no.panel!.distinct("region") as string[]);
    const problems = codes.flatMap((code) => {
      const found = checkKommun(no, code, "NO");
      // the panel's units of a kommune are kommuner (never a region or fylke of the same number) that became it
      const units = panelUnits(panelCodes, code, "NO");
      for (const unit of units.codes) {
        if (no.panel!.filter({ region: unit }).get("level", 0) !== "kommune")
          found.push(`${code}: unit ${unit} is no kommune`);
        const became = followCodes([unit], "NO", units.vintage, 2022).codes;
        if (became.length !== 1 || became[0] !== code) found.push(`${code}: unit ${unit} became ${became.join(", ")}`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  }, 300_000);

  it("every kommune code of 2024 gets its report through the registry's changes, with a note where the code differs", () => {
    const codes = municipalities("NO", 2024).map((r) => r.code);
    expect(codes).toHaveLength(357);
    const problems: string[] = [];
    for (const code of codes) {
      const built = buildSections(no, { region: code });
      if (!byId(built.sections).has("projection")) problems.push(`${code}: no projection`);
      if (built.code !== code && built.notes.length === 0)
        problems.push(`${code}: reported as ${built.code} without a note`);
    }
    expect(problems).toEqual([]);
    // Ålesund's 2024 code leads to the 1507 of 2020-2023, which also held Haram: the note says so
    const alesund = buildSections(no, { region: "1508", locale: "en" });
    expect(alesund.code).toBe("1507");
    expect(alesund.notes[0]).toBe(
      "Ålesund (1508) was formed in 2024 when Ålesund (1507) was divided into Ålesund (1508) and Haram (1580); the tables end before the division, so the report is about the whole of Ålesund (1507), including what is now Haram (1580).",
    );
  }, 300_000);

  it("the country line is SSB's national total (the kommuner and the pseudo-regions, 'Rest' holding the divided ones before 2020)", () => {
    // the index chart's country line on Trysil's first year (2008): 113.3 in 2020, where the kommuner alone gave 114.6
    const country = countryLine(buildSections(no, { region: "3421" }).sections, "0");
    for (const year of [2016, 2021] as const)
      expect(country.find((r) => r.year === year)?.index).toBeCloseTo((100 * NATIONAL.NO[year]) / NATIONAL.NO[2008], 9);
    const built = buildSections(no, { region: "1806" });
    // Narvik was formed in 2020: its series starts then, not at a zero in 2008
    expect(built.sections[0]!.sentence).toMatch(/siden 2020 \(fra 21\u00a0845 til 21\u00a0530\)/);
  });

  it("a kommune formed in 2020 from several of the panel's gets their attractiveness merged, never another level's", () => {
    // Moss (3002) = Moss (0104) + Rygge (0136); Telemarksforsking's region 3002 is Indre Østfold
    const moss = buildSections(no, { region: "3002", locale: "en" });
    const attractiveness = byId(moss.sections).get("attractiveness")!;
    expect(attractiveness.sentence).toMatch(
      /^The residential attractiveness of Moss in 2007–2016 was .* of 398 municipalities/,
    );
    expect(attractiveness.sources.join(" ")).toMatch(/Moss was formed from Moss \(0104\) and Rygge \(0136\)/);
    // the decomposition's growth of 2016 is the two kommuner's, weighted by their populations (the panel file's rows)
    const panel = no.panel!;
    const row = (code: string) => panel.filter({ region: code, year: 2016 }).toRows()[0]!;
    const [a, b] = [row("0104"), row("0136")];
    const growth =
      ((a.population as number) * (a.population_growth_pct as number) +
        (b.population as number) * (b.population_growth_pct as number)) /
      ((a.population as number) + (b.population as number));
    const table = attractiveness.table!;
    const y2016 = table.rows.find((r) => r[0] === "2016")!;
    expect(Number(y2016[1]!.replace("−", "-"))).toBeCloseTo(growth, 2);
  });

  it("kommuner made one after another from one load equal fresh runs (Trysil after Sarpsborg)", () => {
    const order = ["3003", "3421", "1806", "3024", "4602", "5444", "3421"];
    const reused = order.map((code) => JSON.stringify(buildSections(no, { region: code })));
    const fresh = order.map((code) => JSON.stringify(buildSections(reportData(noFound, code).data, { region: code })));
    reused.forEach((r, k) => expect(r).toBe(fresh[k]));
  }, 300_000);
});

describe("the plausibility guard", () => {
  it("flags a run-away projection beside its figure in the report and on its row in the annex, and warns", () => {
    // nothing pooled and observed old-age mortality: Säter's men aged 100+ then 'arrive' at 1.66 a year
    const raw = { migration: RAW_PROJECTION.migration, oldAgeMortality: false } as const;
    const built = buildSections(se, { region: "2082", projection: raw });
    const projection = byId(built.sections).get("projection")!;
    expect(projection.sentence).toMatch(/⚠ 80\+ år 20\d\d: flyttningarna ändrar den med \d/);
    expect(projection.table!.rows.some((r) => r.some((c) => c.endsWith("⚠")))).toBe(true);
    expect(
      built.warnings.some((w) => /^Säter \(2082\): migration changes the projected age group 80\+ of 20\d\d/.test(w)),
    ).toBe(true);
    const { sheets, warnings } = annexPipeline(seFound, { region: "2082", horizon: 2040, projection: raw });
    const flagged = sheets[0]!.rows.filter((r) => r.check !== null && r.check !== undefined);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.map((r) => String(r.check)).join(" ")).toMatch(/⚠ 80\+ år 20\d\d: flyttningarna ändrar den med/);
    expect(sheets[0]!.rows.find((r) => r.year === 2019)!.check).toBeNull();
    expect(warnings![0]).toBe(built.warnings[0]);
    // with its defaults Säter's projection holds: no column to check
    expect(
      annexPipeline(seFound, { region: "2082", horizon: 2040 }).sheets[0]!.columns.some((c) => c.key === "check"),
    ).toBe(false);
  });
});
