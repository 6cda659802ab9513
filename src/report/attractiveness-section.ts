import { decompositionChart, structureQuadrant } from "../charts/builders/attractiveness.ts";
import type { Chart } from "../charts/chart.ts";
import { rankedBars } from "../charts/builders/ranking.ts";
import { type Locale, formatNumber, word } from "../charts/locale.ts";
import { missingTerm, REPORT_WORDS } from "../charts/words/report.ts";
import { attractivenessModel } from "../indicators/attractiveness/model.ts";
import type { MigrationCounts } from "../indicators/attractiveness/net-migration.ts";
import { rankAttractiveness } from "../indicators/attractiveness/rank.ts";
import { GROWTH_PARTS } from "../indicators/attractiveness/residential.ts";
import { type CommutingStructure, commutingStructure } from "../indicators/commuting/structure.ts";
import type { BoundarySet } from "../regions/boundaries.ts";
import type { Country } from "../regions/registry.ts";
import { measureMap } from "./maps.ts";
import { Table } from "../table/table.ts";
import type { PanelUnits } from "./panel-units.ts";
import type { NamedRegion } from "./region.ts";
import type { Section } from "./sections.ts";
import { sourceOf } from "./source-lines.ts";

type Row = Record<string, string | number | null>;

/** Columns that are levels (summed over the units), not shares (averaged with weights). */
const LEVELS = new Set(["population", "population_size", "private_jobs"]);

/**
 * The decomposition rows of several units (a kommun's predecessors) as one region: per year, levels summed and every
 * other number the weighted mean of the units' (weights: their populations, or jobs, at the start of the year), so
 * that the terms still add up to the growth. A year missing for a unit is missing for the whole.
 *
 *     x_t = Σ_u w_{u,t}·x_{u,t} / Σ_u w_{u,t}
 */
export function mergeUnits(
  decomposition: Table,
  codes: readonly string[],
  target: NamedRegion,
  weight: (code: string, year: number) => number | null,
): Table {
  const all = decomposition.toRows();
  const units = all.filter((r) => codes.includes(String(r.region)));
  const numbers = decomposition.schema.filter((f) => f.type === "number" && f.name !== "year").map((f) => f.name);
  const years = [...new Set(units.map((r) => r.year as number))].sort((a, b) => a - b);
  const merged: Row[] = years.map((year) => {
    const rows = units.filter((r) => r.year === year);
    const out: Row = { region: target.code, region_name: target.name, year };
    const complete = rows.length === codes.length;
    for (const c of numbers) {
      const values = rows.map((r) => r[c] as number | null);
      const weights = rows.map((r) => weight(String(r.region), year));
      if (!complete || values.some((v) => v === null)) out[c] = null;
      else if (LEVELS.has(c)) out[c] = values.reduce((s: number, v) => s + v!, 0);
      else if (weights.some((w) => w === null || !(w > 0))) out[c] = null;
      else {
        const total = weights.reduce((s: number, w) => s + w!, 0);
        out[c] = values.reduce((s: number, v, k) => s + v! * weights[k]!, 0) / total;
      }
    }
    if (decomposition.has("note")) {
      const notes = [...new Set(rows.map((r) => r.note).filter((n) => n !== null && n !== undefined))];
      out.note = !complete ? "not every predecessor has the year" : notes.length ? notes.join("; ") : null;
    }
    return out;
  });
  const rest = all.filter((r) => !codes.includes(String(r.region)));
  return Table.fromRows([...rest, ...merged], {
    provenance: decomposition.provenance,
    types: Object.fromEntries(decomposition.schema.map((f) => [f.name, f.type])),
    roles: Object.fromEntries(decomposition.schema.map((f) => [f.name, f.role])),
  });
}

const structures = new WeakMap<Table, WeakMap<Table, CommutingStructure>>();

/** The commuting structure of flows on a panel's codes, once per flows table and panel (never one kommun's for another's). */
function commutingStructureOf(flows: Table, panel: Table, country: Country): CommutingStructure {
  let byPanel = structures.get(flows);
  if (!byPanel) structures.set(flows, (byPanel = new WeakMap()));
  let structure = byPanel.get(panel);
  if (!structure)
    byPanel.set(
      panel,
      (structure = commutingStructure(flows, { panelCodes: panel.distinct("region") as string[], country })),
    );
  return structure;
}

export interface AttractivenessSectionOptions {
  /** The kommun the report is about. */
  target: NamedRegion;
  /** Its units in the panel (`panelUnits`). */
  units: PanelUnits;
  country: Country;
  locale: Locale;
  from?: number;
  to?: number;
  flows?: Table;
  /** Population, births and deaths by kommune: registered net migration for the residential model (docs/methods.md §2.3). */
  counts?: MigrationCounts;
  /** Boundaries and the year of the panel's codes: each section maps the county's kommuner as the model had them. */
  maps?: { boundaries: BoundarySet; year: number };
}

/** The model's results for the kommun: its decompositions (merged over its units), the ranking and its row. */
interface Fitted {
  model: ReturnType<typeof attractivenessModel>;
  residential: Table;
  ranking: Table;
  mine: Row | undefined;
  period: string;
  from: number;
  /** Whether the kommun's figures are its units' merged (or its unit's under another code). */
  merged: boolean;
  /** The ranking of the panel's kommuner as they were (no unit merged), for the maps. */
  unmerged: Table;
}

/**
 * Residential attractiveness and jobs (Telemarksforsking's model, docs/methods.md §2-3) for a kommun of the panel:
 * the model is estimated on the panel's kommuner as they were; a kommun formed later from several of them gets their
 * figures merged (`mergeUnits`) and ranked among the others, with a sentence saying which ones.
 */
export function attractivenessSections(panel: Table, options: AttractivenessSectionOptions): Section[] {
  const fitted = fit(panel, options);
  const notes = [...sourceOf(panel, options.locale), ...unitsNotes(panel, options, fitted)];
  return [residentialSection(panel, options, fitted, notes), jobsSection(panel, options, fitted, notes)];
}

/** The model estimated on the panel's kommuner, the kommun's decompositions merged over its units, and the ranking. */
function fit(panel: Table, options: AttractivenessSectionOptions): Fitted {
  const { target, units } = options;
  const from = options.from ?? 2007;
  const to = options.to ?? 2016;
  const commuting = options.flows ? commutingStructureOf(options.flows, panel, options.country) : undefined;
  const model = attractivenessModel(panel, {
    from,
    to,
    ...(commuting ? { commuting } : {}),
    ...(options.counts ? { counts: options.counts } : {}),
  });
  const merged = units.codes.length > 1 || (units.codes.length === 1 && units.codes[0] !== target.code);
  const level = new Map<string, number>();
  for (const r of panel.filter({ region: units.codes }).toRows()) {
    level.set(`p|${r.region}|${r.year}`, r.population as number);
    if (r.private_jobs !== null && r.private_jobs !== undefined)
      level.set(`j|${r.region}|${r.year}`, r.private_jobs as number);
  }
  // shares are weighted by the units' population at the start of the year, jobs' by their jobs
  const byPopulation = (code: string, year: number) => level.get(`p|${code}|${year}`) ?? null;
  const byJobs = (code: string, year: number) =>
    level.get(`j|${code}|${year - 1}`) ?? level.get(`j|${code}|${year}`) ?? null;
  const residential = merged
    ? mergeUnits(model.residential.decomposition, units.codes, target, byPopulation)
    : model.residential.decomposition;
  const business = merged
    ? mergeUnits(model.business.decomposition, units.codes, target, byJobs)
    : model.business.decomposition;
  const ranking = rankAttractiveness(residential, business, { from, to });
  const mine = ranking.filter({ region: target.code }).toRows()[0];
  const unmerged = merged
    ? rankAttractiveness(model.residential.decomposition, model.business.decomposition, { from, to })
    : ranking;
  return { model, residential, ranking, mine, period: `${from}–${to}`, from, merged, unmerged };
}

/** Which units make up the kommun (several merged, one under an older code) and which were divided and left out. */
function unitsNotes(panel: Table, options: AttractivenessSectionOptions, fitted: Fitted): string[] {
  const { target, units } = options;
  const w = REPORT_WORDS[options.locale];
  return [
    ...(units.codes.length > 1
      ? [
          w.mergedUnits(
            target.name,
            units.codes.map((c) => `${nameIn(panel, c)} (${c})`),
          ),
        ]
      : fitted.merged
        ? [w.panelCode(target.name, units.codes[0]!)]
        : []),
    ...(units.partial.length ? [w.partialUnits(units.partial.map((u) => `${u.name} (${u.code})`))] : []),
  ];
}

/** Residential attractiveness: the decomposition of the growth by year, the ranking, the structure quadrant. */
function residentialSection(
  panel: Table,
  options: AttractivenessSectionOptions,
  fitted: Fitted,
  notes: readonly string[],
): Section {
  const { target, locale } = options;
  const w = REPORT_WORDS[locale];
  const focus = target.code;
  const { model, residential, ranking, mine, period } = fitted;
  const dependent = model.residential.dependent;
  const decomposition = residential.filter({ region: focus }).toRows();
  const terms = (["growth", ...GROWTH_PARTS] as const).filter((c) =>
    decomposition.some((r) => r[c] !== null && r[c] !== undefined),
  );
  return {
    id: "attractiveness",
    heading: w.attractiveness,
    sentence: w.attractivenessSentence({
      name: target.name,
      value: formatNumber((mine?.residential as number | null) ?? null, locale, 2),
      rank: mine === undefined || mine.rank === null ? null : (mine.rank as number),
      of: String(ranking.filter({ rank: (v) => v !== null }).numRows),
      period,
      counties: panel.has("level") && panel.get("level", 0) === "fylke",
    }),
    charts: [
      decompositionChart(residential, { region: focus, locale }),
      rankedBars(ranking, {
        value: "residential",
        focus: [focus],
        limit: 10,
        locale,
        title: `${w.attractiveness} ${period}`,
      }),
      structureQuadrant(residential, { focus: [focus], locale }),
      ...rankingMap(options, fitted, "residential"),
    ],
    table: {
      // every term of the decomposition, so that the columns add up to the growth
      columns: [w.year, ...terms.map((c) => word(c, locale))],
      rows: decomposition.map((r) => [
        String(r.year),
        ...terms.map((c) => formatNumber(r[c] as number | null, locale, 2)),
      ]),
    },
    sources: [
      ...notes,
      ...(options.counts
        ? [
            w.registeredNote(
              formatNumber(dependent.registered, locale),
              formatNumber(dependent.registered + dependent.panel, locale),
            ),
          ]
        : []),
      ...model.residential.missing.map((m) => `– ${missingTerm(m, locale)}`),
    ],
  };
}

/** Jobs: private jobs' change since the first year and the business attractiveness ranking. */
function jobsSection(
  panel: Table,
  options: AttractivenessSectionOptions,
  fitted: Fitted,
  notes: readonly string[],
): Section {
  const { target, locale } = options;
  const w = REPORT_WORDS[locale];
  const jobs = jobsOf(panel, options.units.codes);
  const j0 = jobs.find((r) => r.jobs !== null);
  const j1 = [...jobs].reverse().find((r) => r.jobs !== null);
  const pct = j0 && j1 ? 100 * (j1.jobs! / j0.jobs! - 1) : null;
  return {
    id: "jobs",
    heading: w.jobs,
    sentence: w.jobsSentence({
      name: target.name,
      grew: (pct ?? 0) >= 0,
      pct: formatNumber(pct === null ? null : Math.abs(pct), locale, 1),
      year: j0?.year ?? fitted.from,
      value: formatNumber((fitted.mine?.business as number | null) ?? null, locale, 2),
    }),
    charts: [
      rankedBars(fitted.ranking, {
        value: "business",
        focus: [target.code],
        limit: 10,
        locale,
        title: `${w.jobs}: ${w.attractiveness.toLowerCase()} ${fitted.period}`,
      }),
      ...rankingMap(options, fitted, "business"),
    ],
    table: null,
    sources: [...notes, ...fitted.model.business.missing.map((m) => `– ${missingTerm(m, locale)}`)],
  };
}

/**
 * The county's kommuner coloured by their residential or business attractiveness over the period (the ranking's
 * average), the kommun's units outlined; none without boundaries.
 */
function rankingMap(options: AttractivenessSectionOptions, fitted: Fitted, value: "residential" | "business"): Chart[] {
  if (!options.maps) return [];
  const name = word(value, options.locale);
  const map = measureMap(fitted.unmerged, {
    boundaries: options.maps.boundaries,
    focus: options.units.codes,
    locale: options.locale,
    value,
    valueTitle: name,
    title: `${name} ${fitted.period}`,
    year: options.maps.year,
  });
  return map ? [map] : [];
}

/** Private jobs of the units by year, summed (null where a unit lacks the year). */
function jobsOf(panel: Table, codes: readonly string[]): { year: number; jobs: number | null }[] {
  const byYear = new Map<number, (number | null)[]>();
  for (const r of panel.filter({ region: codes }).toRows()) {
    const list = byYear.get(r.year as number) ?? [];
    list.push((r.private_jobs as number | null) ?? null);
    byYear.set(r.year as number, list);
  }
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, values]) => ({
      year,
      jobs:
        values.length === codes.length && values.every((v) => v !== null) ? values.reduce((s, v) => s + v!, 0) : null,
    }));
}

function nameIn(panel: Table, code: string): string {
  const row = panel.filter({ region: code }).toRows()[0];
  return (row?.region_name as string | null) ?? code;
}
