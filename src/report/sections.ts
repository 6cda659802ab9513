import { decompositionChart, structureQuadrant } from "../charts/builders/attractiveness.ts";
import { sourceLine } from "../charts/builders/common.ts";
import { commutingChart } from "../charts/builders/commuting.ts";
import { indexChart } from "../charts/builders/population.ts";
import { rankedBars } from "../charts/builders/ranking.ts";
import type { Chart } from "../charts/chart.ts";
import { type Locale, word } from "../charts/locale.ts";
import { attractivenessModel } from "../indicators/attractiveness/model.ts";
import { type CommutingStructure, commutingStructure } from "../indicators/commuting/structure.ts";
import { rankAttractiveness } from "../indicators/attractiveness/rank.ts";
import { growth } from "../indicators/population/growth.ts";
import { isAllAges } from "../io/ages.ts";
import { isBothSexes } from "../io/sex.ts";
import { nutsName } from "../regions/nuts.ts";
import { Table } from "../table/table.ts";
import { economySection } from "./economy.ts";
import { industrySection } from "./industry.ts";
import { projectionSection } from "./projection.ts";
import { formatNumber } from "../charts/locale.ts";
import { INDUSTRY_WORDS, missingTerm, REPORT_WORDS } from "../charts/words/report.ts";
import { type MunicipalData, municipalSections } from "./municipal.ts";
import { CODE_CHANGES } from "../regions/code-changes.ts";
import { findRegion } from "../regions/registry.ts";

/** One section of the report: a heading, the sentence with its key number, charts, a short table, sources. */
export interface Section {
  id: string;
  heading: string;
  sentence: string;
  charts: Chart[];
  table: { columns: string[]; rows: string[][] } | null;
  sources: string[];
}

/** The data a report draws on, each optional: a section whose data are missing is left out and listed. */
export interface ReportData {
  /** The attractiveness panel (population, its growth and components, private jobs by region and year). */
  panel?: Table;
  /** Commuting indicators by region and year (`commutingFromStocks` or `commutingFromFlows`). */
  commuting?: Table;
  /** Population by region, year, sex and age group (e.g. Eurostat demo_r_pjanaggr3), for the projection. */
  population?: Table;
  /** GDP by region, unit and year (Eurostat nama_10r_3gdp, with unit EUR_HAB: euro per inhabitant). */
  gdp?: Table;
  /** The agencies' own kommun tables: population by single age and sex, births, deaths (SCB, SSB). */
  municipal?: MunicipalData;
  /** Commuting flows between kommuner (origin, destination, value; e.g. SSB 03321): the attractiveness model's integration and neighbour terms. */
  flows?: Table;
  /** Employment by region, industry and year: shift-share, location quotients and specialisation. */
  employment?: Table;
}

export interface ReportOptions {
  region: string;
  /** Regions to compare with (default: the other regions of the focus region's county). */
  compare?: readonly string[];
  /** @deprecated the same as `compare`. */
  peers?: readonly string[];
  locale?: Locale;
  from?: number;
  to?: number;
  /** The region's name where the data give none. */
  name?: string;
  /** Last year of the projection (default 2040, at least 10 years after the data). */
  horizon?: number;
}

/** All sections the data allow, and the headings of those they do not. */
export function buildSections(
  data: ReportData,
  options: ReportOptions,
): { name: string; sections: Section[]; missing: string[] } {
  const locale = options.locale ?? "sv";
  const w = REPORT_WORDS[locale];
  const sections: Section[] = [];
  const missing: string[] = [];
  const municipal =
    data.municipal && data.municipal.population.filter({ region: options.region }).numRows > 0
      ? data.municipal
      : undefined;
  // a panel on older codes (Telemarksforsking's 2003-2016: Trysil 0428) serves the kommun that only got a new number
  const panelCode = data.panel ? panelCodeOf(data.panel, options.region, municipal?.country) : options.region;
  const focus = data.panel?.filter({ region: panelCode });
  const inPanel = data.panel !== undefined && focus !== undefined && focus.numRows > 0;
  const registryName = municipal ? findRegion(options.region, { country: municipal.country })?.name : undefined;
  // the name asked for, else the registry's, else the data's, else (Sweden's NUTS 3 regions) the län, else the code
  const name =
    options.name ??
    registryName ??
    (inPanel ? (focus.get("region_name", 0) as string | null) : null) ??
    municipalName(municipal, options.region) ??
    nutsName(options.region) ??
    options.region;
  if (municipal) {
    sections.push(
      ...municipalSections(municipal, {
        region: options.region,
        name,
        locale,
        ...(options.horizon ? { horizon: options.horizon } : {}),
        ...(compareOf(options) ? { compare: compareOf(options)! } : {}),
      }).sections,
    );
    if (inPanel)
      sections.push(
        ...attractivenessSections(data.panel!, { ...options, region: panelCode }, name, locale, data.flows),
      );
    else missing.push(w.attractiveness, w.jobs);
  } else if (inPanel) {
    const series = data
      .panel!.filter({ region: shownRegions(data.panel!, options) })
      .select("region", "region_name", "year", "population");
    sections.push(
      populationSection(series, options, name, locale),
      ...attractivenessSections(data.panel!, options, name, locale, data.flows),
    );
  } else {
    const totals = data.population ? totalsOf(data.population, options.region, name) : null;
    if (totals) sections.push(populationSection(totals, options, name, locale, "focus"));
    missing.push(...(totals ? [] : [w.population]), w.attractiveness, w.jobs);
  }
  const commuting = data.commuting?.filter({
    region: data.commuting ? panelCodeOf(data.commuting, options.region, municipal?.country) : options.region,
  });
  if (commuting && commuting.numRows > 0) sections.push(commutingSection(commuting, name, locale));
  else missing.push(w.commuting);
  const economy = data.gdp ? economySection(data.gdp, options.region, name, locale) : null;
  if (economy) sections.push(economy);
  const industry = data.employment ? industrySection(data.employment, options.region, name, locale) : null;
  if (industry) sections.push(industry);
  else missing.push(INDUSTRY_WORDS[locale].heading);
  missing.push(w.productivity);
  if (municipal) {
    // the projection is among the kommun's sections
  } else if (data.population && data.population.filter({ region: options.region }).numRows > 0)
    sections.push(projectionSection(data.population, options, name, locale));
  else missing.push(w.projection);
  return { name, sections, missing };
}

const structures = new WeakMap<Table, CommutingStructure>();

/** The commuting structure of flows on a panel's codes, computed once per flows table. */
function commutingStructureOf(flows: Table, panel: Table): CommutingStructure {
  let structure = structures.get(flows);
  if (!structure)
    structures.set(
      flows,
      (structure = commutingStructure(flows, { panelCodes: panel.distinct("region") as string[] })),
    );
  return structure;
}

/** The name the kommun tables give a region. */
function municipalName(data: MunicipalData | undefined, region: string): string | null {
  if (!data?.population.has("region_name")) return null;
  const row = data.population.filter({ region }).toRows()[0];
  return row ? (row.region_name as string | null) : null;
}

/** The code a table (a panel, commuting flows) holds for a region: the region itself, or the one code it had before a renumbering. */
function panelCodeOf(panel: Table, region: string, country: "SE" | "NO" | undefined): string {
  if (panel.filter({ region }).numRows > 0 || !country) return region;
  const before = CODE_CHANGES.filter(
    (c) => c.country === country && c.to.length === 1 && c.to[0] === region && c.from.length === 1,
  ).map((c) => c.from[0]!);
  return before.find((code) => panel.filter({ region: code }).numRows > 0) ?? region;
}

/** The regions to compare with as asked (`compare`, or the deprecated `peers`). */
function compareOf(options: ReportOptions): readonly string[] | undefined {
  return options.compare ?? options.peers;
}

function shownRegions(panel: Table, options: ReportOptions): string[] {
  const compare = compareOf(options);
  if (compare?.length) return [options.region, ...compare];
  const county = panel.has("county_name") ? panel.filter({ region: options.region }).get("county_name", 0) : null;
  return county === null ? [options.region] : (panel.filter({ county_name: county }).distinct("region") as string[]);
}

/**
 * Population totals by region and year from a table by age and sex (Eurostat's TOTAL × T rows) for the region and
 * the regions of the same level in its country (NUTS codes of the same length), named where the data name them.
 */
function totalsOf(population: Table, region: string, name: string): Table | null {
  const level = (code: string) => code.length === region.length && code.slice(0, 2) === region.slice(0, 2);
  const rows = population
    .filter({ sex: (s) => isBothSexes(s), age: (a) => isAllAges(String(a)), region: (c) => level(String(c)) })
    .toRows()
    .filter((r) => typeof r.value === "number")
    .map((r) => ({
      region: String(r.region),
      region_name: r.region === region ? name : String(r.region_name ?? nutsName(String(r.region)) ?? r.region),
      year: r.year as number,
      population: r.value as number,
    }));
  return rows.some((r) => r.region === region) ? Table.fromRows(rows, { provenance: population.provenance }) : null;
}

/** Population as index lines against the regions compared, the change since the first year, and the last six years. */
function populationSection(
  series: Table,
  options: ReportOptions,
  name: string,
  locale: Locale,
  labels: "all" | "focus" = "all",
): Section {
  const w = REPORT_WORDS[locale];
  // the base year is the region's first: regions compared with longer series start there too
  const first = Math.min(...(series.filter({ region: options.region }).distinct("year") as number[]));
  series = series.filter({ year: (y) => (y as number) >= first });
  const names = series.groupBy(["region", "region_name"]).count().drop("count");
  const index = growth(series, { base: first, value: "population" }).join(names, { on: ["region"], how: "left" });
  const own = index.filter({ region: options.region }).sort("year").toRows();
  const p0 = own[0]!.population as number;
  const p1 = own.at(-1)!.population as number;
  const pct = 100 * (p1 / p0 - 1);
  const recent = own.slice(-6);
  return {
    id: "population",
    heading: w.population,
    sentence: w.populationSentence(
      name,
      pct >= 0 ? w.grew : w.fell,
      formatNumber(Math.abs(pct), locale, 1),
      first,
      formatNumber(p0, locale),
      formatNumber(p1, locale),
    ),
    charts: [
      indexChart(index, { focus: options.region, locale, labels, title: `${w.population}, index (${first} = 100)` }),
    ],
    table: {
      columns: [w.year, w.inhabitants, w.change],
      rows: recent.map((r) => [
        String(r.year),
        formatNumber(r.population as number, locale),
        formatNumber(r.growth_pct as number | null, locale, 1),
      ]),
    },
    sources: [sourceLine(series.provenance, locale) ?? ""].filter(Boolean),
  };
}

function commutingSection(commuting: Table, name: string, locale: Locale): Section {
  const w = REPORT_WORDS[locale];
  const rows = commuting.sort("year").toRows();
  const last = rows.at(-1)!;
  return {
    id: "commuting",
    heading: w.commuting,
    sentence: w.commutingSentence(
      name,
      last.year as number,
      formatNumber(last.in_commuters as number | null, locale),
      formatNumber(last.out_commuters as number | null, locale),
      formatNumber(last.net_commuting as number | null, locale),
    ),
    charts: [
      commutingChart(commuting, {
        region: String(last.region),
        locale,
        title: `${name}: ${w.commuting.toLowerCase()}`,
      }),
    ],
    table: {
      columns: [w.year, word("in_commuters", locale), word("out_commuters", locale), word("net_commuting", locale)],
      rows: rows.map((r) => [
        String(r.year),
        formatNumber(r.in_commuters as number | null, locale),
        formatNumber(r.out_commuters as number | null, locale),
        formatNumber(r.net_commuting as number | null, locale),
      ]),
    },
    sources: [sourceLine(commuting.provenance, locale) ?? ""].filter(Boolean),
  };
}

function attractivenessSections(
  panel: Table,
  options: ReportOptions,
  name: string,
  locale: Locale,
  flows?: Table,
): Section[] {
  const w = REPORT_WORDS[locale];
  const from = options.from ?? 2007;
  const to = options.to ?? 2016;
  const commuting = flows ? commutingStructureOf(flows, panel) : undefined;
  const { residential, business } = attractivenessModel(panel, { from, to, ...(commuting ? { commuting } : {}) });
  const ranking = rankAttractiveness(residential.decomposition, business.decomposition, { from, to });
  const mine = ranking.filter({ region: options.region }).toRows()[0];
  const ranked = ranking.filter({ rank: (v) => v !== null }).numRows;
  const period = `${from}–${to}`;
  const source = [sourceLine(panel.provenance, locale) ?? ""].filter(Boolean);
  const jobs = panel.filter({ region: options.region }).sort("year").toRows();
  const j0 = jobs.find((r) => r.private_jobs !== null);
  const j1 = [...jobs].reverse().find((r) => r.private_jobs !== null);
  const jobPct = j0 && j1 ? 100 * ((j1.private_jobs as number) / (j0.private_jobs as number) - 1) : null;
  const decomposition = residential.decomposition.filter({ region: options.region }).toRows();
  const terms = (
    [
      "growth",
      "natural_increase",
      "immigration",
      "constant",
      "own_jobs",
      "neighbour_jobs",
      "size",
      "integration",
      "attractiveness",
    ] as const
  ).filter((c) => decomposition.some((r) => r[c] !== null && r[c] !== undefined));
  return [
    {
      id: "attractiveness",
      heading: w.attractiveness,
      sentence: w.attractivenessSentence(
        name,
        formatNumber((mine?.residential as number | null) ?? null, locale, 2),
        mine?.rank === null || mine === undefined ? w.notRanked : String(mine.rank),
        String(ranked),
        period,
      ),
      charts: [
        decompositionChart(residential.decomposition, { region: options.region, locale }),
        rankedBars(ranking, {
          value: "residential",
          focus: [options.region],
          limit: 10,
          locale,
          title: `${w.attractiveness} ${period}`,
        }),
        structureQuadrant(residential.decomposition, { focus: [options.region], locale }),
      ],
      table: {
        // every term of the decomposition, so that the columns add up to the growth
        columns: [w.year, ...terms.map((c) => word(c, locale))],
        rows: decomposition.map((r) => [
          String(r.year),
          ...terms.map((c) => formatNumber(r[c] as number | null, locale, 2)),
        ]),
      },
      sources: [...source, ...residential.missing.map((m) => `– ${missingTerm(m, locale)}`)],
    },
    {
      id: "jobs",
      heading: w.jobs,
      sentence: w.jobsSentence(
        name,
        (jobPct ?? 0) >= 0 ? w.grew : w.fell,
        formatNumber(jobPct === null ? null : Math.abs(jobPct), locale, 1),
        (j0?.year as number) ?? from,
        formatNumber((mine?.business as number | null) ?? null, locale, 2),
      ),
      charts: [
        rankedBars(ranking, {
          value: "business",
          focus: [options.region],
          limit: 10,
          locale,
          title: `${w.jobs}: ${w.attractiveness.toLowerCase()} ${period}`,
        }),
      ],
      table: null,
      sources: [...source, ...business.missing.map((m) => `– ${missingTerm(m, locale)}`)],
    },
  ];
}
