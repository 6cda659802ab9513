import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";
import { DEFAULT_GROUPS, industryGroup } from "./groups.ts";
import { panelOf, type PanelRow } from "./panel.ts";

export interface BusinessOptions {
  from: number;
  to: number;
  /**
   * Private jobs by place of work: region × industry × year (columns `region`, `industry`, `year`, `value`), the
   * industry a NACE/SN2007/SNI2007 code ("55", "10-33 Industri") or one of Telemarksforsking's types ("Basis",
   * "Besøk", "Regionale"): gives the industry effect. Public and local industries (education, health, care) are
   * left out, as Telemarksforsking merges them with the public sector; so are codes of no group (totals such as
   * "00-99"), and `notes` names them. Without the table the effect is left out and `missing` says so.
   */
  industries?: Table;
  /** Industry groups (default docs/methods.md §3.3); with `only`, the model runs on those groups (e.g. ["visitor"]). */
  groups?: Readonly<Record<string, readonly string[]>>;
  only?: readonly string[];
  /** "pooled" (default): one γ over every region and year of the window; "yearly": one γ a year. */
  estimation?: "pooled" | "yearly";
}

export interface BusinessResult {
  /**
   * Per region and year: growth = national + industry + population + attractiveness, exactly, in percent of the
   * private jobs of the year before.
   */
  decomposition: Table;
  /** Per year: national growth and the population effect's γ with its standard error (the pooled γ every year when pooled). */
  years: Table;
  /** The regressions: one (`year` null) when pooled, one per year otherwise. */
  regressions: { year: number | null; fit: OlsResult }[];
  estimation: "pooled" | "yearly";
  /** Components left out because the data do not give them (the industry effect without jobs by industry). */
  missing: string[];
  /** How the jobs by industry were used: the industries left out, the regions without them. */
  notes: string[];
}

/** What `missing` says when no jobs by industry are given. */
export const INDUSTRY_EFFECT_MISSING =
  "the industry effect: the data hold no private jobs by industry, so business attractiveness here includes it";

/** The table visitor (or any group's) attractiveness needs, named in the error when it is not given. */
export const INDUSTRY_TABLE_HINT =
  "pass { industries }: jobs by place of work × industry (2-digit NACE/SN2007/SNI2007) × year, column value — " +
  "Norway: SSB statbank 09313 (sysselsatte etter arbeidssted og næring, 2009-2014) or its successor; " +
  "Sweden: SCB AM0207K/DagSNI07KonK (RAMS) or AM0210B/ArbStDoNArNN (BAS)";

/**
 * Business attractiveness (næringsattraktivitet, docs/methods.md §3.2): the growth of private jobs split into
 *
 *     g_J(r,t) = NAT(t) + IND(r,t) + POP(r,t) + A(r,t)
 *
 * NAT: national private job growth (the regions summed); IND = Σ_i s_{r,i,t−1}·(g_{N,i,t} − g_{N,t}), the
 * industry mix (from `industries`); POP = γ·(g_P(r,t−1) − g_P(N,t−1)), the effect of the region's population
 * growth the year before, with γ estimated by OLS of g_J − NAT − IND on the relative population growth (with a
 * constant), pooled over every region and year of the window (or each year, `estimation: "yearly"`); A = g_J −
 * NAT − IND − POP, the residual with the constant, is the attractiveness.
 * With `only: ["visitor"]` the same model runs on the visitor industries: visitor attractiveness (docs/methods.md §4).
 */
export function businessAttractiveness(table: Table, options: BusinessOptions): BusinessResult {
  const panel = panelOf(table);
  const missing: string[] = [];
  const notes: string[] = [];
  const industry = options.industries ? industryGrowth(options.industries, options) : null;
  if (!industry) missing.push(INDUSTRY_EFFECT_MISSING);
  else notes.push(...industryNotes(industry, panel));
  checkIndustries(table, options, industry);
  // the jobs that are modelled: all private jobs from the panel, or the chosen groups' jobs by industry
  const jobsOf = (region: string, year: number): number | null =>
    industry && options.only
      ? (industry.regionTotal.get(`${region}|${year}`) ?? null)
      : (panel.get(region)?.get(year)?.privateJobs ?? null);
  const estimation = options.estimation ?? "pooled";
  const why = new Map<string, string>();
  const { observations, yearInfo } = businessObservations(panel, options, jobsOf, industry, why);
  const { regressions, gammaOf } = fitBusiness(observations, yearInfo, estimation, options, why);
  const { rows, yearRows } = businessRows(panel, options, observations, yearInfo, gammaOf, industry !== null, why);
  return {
    decomposition: toTable(rows, ["region", "region_name"], table.provenance),
    years: toTable(yearRows, []),
    regressions,
    estimation,
    missing,
    notes,
  };
}

type Panel = Map<string, Map<number, PanelRow>>;
type IndustryGrowth = ReturnType<typeof industryGrowth>;

/** One region-year of the business model: job growth g, industry effect and relative population growth, in percent. */
interface BusinessObservation {
  region: string;
  year: number;
  g: number;
  ind: number;
  rel: number;
}

/** A year's national growth of the modelled jobs and of the population (percent; null where a region lacks one). */
type YearInfo = Map<number, { nat: number | null; natPop: number | null }>;

/** γ of the population effect by year, its standard error and the regions it rests on that year. */
type Gammas = Map<number, { gamma: number; se: number; n: number }>;

/** What `notes` says about the jobs by industry: the industries of no group and the regions without any. */
function industryNotes(industry: IndustryGrowth, panel: Panel): string[] {
  const notes: string[] = [];
  if (industry.unknown.length)
    notes.push(
      `industries of no group left out of the industry effect: ${industry.unknown.slice(0, 8).join(", ")}${industry.unknown.length > 8 ? ` and ${industry.unknown.length - 8} more` : ""}`,
    );
  const without = [...panel.keys()].filter((r) => !industry.regions.has(r));
  if (without.length)
    notes.push(
      `${without.length} of ${panel.size} regions have no jobs by industry and are not estimated: ${without.slice(0, 8).join(", ")}${without.length > 8 ? ", …" : ""}`,
    );
  return notes;
}

/** Throws where `only` asks for groups of industries and the jobs by industry are not given or hold none of them. */
function checkIndustries(table: Table, options: BusinessOptions, industry: IndustryGrowth | null): void {
  if (options.only && !options.industries) {
    throw new OmvarldError(
      "ARGUMENT",
      `${options.only.join(", ")} attractiveness needs a table of jobs by industry, and none was given`,
      { file: table.provenance.file },
      INDUSTRY_TABLE_HINT,
    );
  }
  if (options.only && (!industry || industry.regionTotal.size === 0))
    throw new OmvarldError(
      "ARGUMENT",
      `the jobs by industry hold no ${options.only.join(", ")} industries`,
      { file: options.industries?.provenance.file },
      INDUSTRY_TABLE_HINT,
    );
}

/** Σ_r f(r) over every panel region, null when one region's value is missing. */
function panelSum(panel: Panel, f: (region: string) => number | null): number | null {
  let s = 0;
  for (const region of panel.keys()) {
    const v = f(region);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/**
 * The observations of the window and each year's national growth: NAT = 100·(J_N,t/J_N,t−1 − 1), the same for the
 * population; g = 100·(J_t/J_t−1 − 1), rel = 100·(P_t/P_t−1 − 1) − NAT_P. Why a region-year is left out goes to `why`.
 */
function businessObservations(
  panel: Panel,
  period: { from: number; to: number },
  jobsOf: (region: string, year: number) => number | null,
  industry: IndustryGrowth | null,
  why: Map<string, string>,
): { observations: BusinessObservation[]; yearInfo: YearInfo } {
  const observations: BusinessObservation[] = [];
  const yearInfo: YearInfo = new Map();
  const populationOf = (region: string, year: number) => panel.get(region)?.get(year)?.population ?? null;
  for (let year = period.from; year <= period.to; year++) {
    const J1 = panelSum(panel, (r) => jobsOf(r, year));
    const J0 = panelSum(panel, (r) => jobsOf(r, year - 1));
    const nat = J1 !== null && J0 !== null && J0 > 0 ? 100 * (J1 / J0 - 1) : null;
    const P1 = panelSum(panel, (r) => populationOf(r, year));
    const P0 = panelSum(panel, (r) => populationOf(r, year - 1));
    const natPop = P1 !== null && P0 !== null && P0 > 0 ? 100 * (P1 / P0 - 1) : null;
    yearInfo.set(year, { nat, natPop });
    for (const region of panel.keys()) {
      const key = `${region}|${year}`;
      const j1 = jobsOf(region, year);
      const j0 = jobsOf(region, year - 1);
      const p1 = populationOf(region, year);
      const p0 = populationOf(region, year - 1);
      const ind = industry ? (industry.mix.get(key) ?? null) : 0;
      if (j1 === null || j0 === null || j0 <= 0)
        why.set(key, `no jobs for ${j0 === null || j0 <= 0 ? year - 1 : year}`);
      else if (p1 === null || p0 === null || p0 <= 0) why.set(key, `no population for ${year - 1}-${year}`);
      else if (ind === null) why.set(key, "no industry detail");
      else if (nat === null || natPop === null) why.set(key, `national growth unknown in ${year}`);
      else observations.push({ region, year, g: 100 * (j1 / j0 - 1), ind, rel: 100 * (p1 / p0 - 1) - natPop });
    }
  }
  return { observations, yearInfo };
}

/**
 * γ by OLS of g − NAT − IND on the relative population growth (with a constant), pooled over the window (the same γ
 * every year) or one regression a year. Observations of a group too small to estimate get a note in `why`.
 */
function fitBusiness(
  observations: BusinessObservation[],
  yearInfo: YearInfo,
  estimation: "pooled" | "yearly",
  period: { from: number; to: number },
  why: Map<string, string>,
): { regressions: BusinessResult["regressions"]; gammaOf: Gammas } {
  const regressions: BusinessResult["regressions"] = [];
  const gammaOf: Gammas = new Map();
  const fitGroup = (obs: BusinessObservation[], year: number | null) => {
    const fit = ols(
      obs.map((o) => o.g - yearInfo.get(o.year)!.nat! - o.ind),
      { population_growth: obs.map((o) => o.rel) },
    );
    if (!fit) {
      for (const o of obs)
        why.set(
          `${o.region}|${o.year}`,
          `too few regions to estimate the population effect${year === null ? "" : ` in ${year}`}`,
        );
      return;
    }
    regressions.push({ year, fit });
    const years = year === null ? [...yearInfo.keys()] : [year];
    for (const y of years)
      gammaOf.set(y, {
        gamma: fit.coefficients[1]!,
        se: fit.standardErrors[1]!,
        n: year === null ? obs.filter((o) => o.year === y).length : obs.length,
      });
  };
  if (estimation === "pooled") fitGroup(observations, null);
  else
    for (let year = period.from; year <= period.to; year++)
      fitGroup(
        observations.filter((o) => o.year === year),
        year,
      );
  return { regressions, gammaOf };
}

/**
 * The decomposition's rows (every panel region and year: POP = γ·rel, A = g − NAT − IND − POP, null with a note
 * where not estimated) and the rows of the years table.
 */
function businessRows(
  panel: Panel,
  period: { from: number; to: number },
  observations: readonly BusinessObservation[],
  yearInfo: YearInfo,
  gammaOf: Gammas,
  hasIndustries: boolean,
  why: Map<string, string>,
): { rows: Record<string, string | number | null>[]; yearRows: Record<string, string | number | null>[] } {
  const byKey = new Map(observations.map((o) => [`${o.region}|${o.year}`, o]));
  const rows: Record<string, string | number | null>[] = [];
  const yearRows: Record<string, string | number | null>[] = [];
  for (let year = period.from; year <= period.to; year++) {
    const { nat, natPop } = yearInfo.get(year)!;
    const g = gammaOf.get(year);
    yearRows.push({
      year,
      national: nat,
      national_population_growth: natPop,
      gamma: g?.gamma ?? null,
      gamma_se: g?.se ?? null,
      regions: g?.n ?? 0,
    });
    for (const [region, series] of panel) {
      const key = `${region}|${year}`;
      const o = byKey.get(key);
      const population = o && g ? g.gamma * o.rel : null;
      rows.push({
        region,
        region_name: series.get(year)?.name ?? null,
        year,
        population_size: series.get(year)?.population ?? null,
        growth: o ? finite(o.g) : null,
        national: o ? nat : null,
        industry: o && hasIndustries ? o.ind : null,
        population,
        attractiveness: o && population !== null ? o.g - nat! - o.ind - population : null,
        note: o && population !== null ? null : (why.get(key) ?? "not estimated"),
      });
    }
  }
  return { rows, yearRows };
}

/**
 * Industry mix effects and group totals from jobs by region × industry × year:
 *
 *     IND(r,t) = Σ_i s_{r,i,t−1}·(g_{N,i,t} − g_{N,t}),  s_{r,i,t−1} = J_{r,i,t−1} / Σ_i J_{r,i,t−1}
 *
 * over the private industries kept (or the groups of `only`), g_{N,i,t} the nation's growth of industry i (the
 * regions summed) and g_{N,t} that of all kept industries, in percent.
 */
function industryGrowth(t: Table, options: BusinessOptions) {
  const missingColumns = ["region", "industry", "year", "value"].filter((c) => !t.has(c));
  if (missingColumns.length)
    throw new OmvarldError(
      "SCHEMA",
      `the jobs by industry lack the columns ${missingColumns.join(", ")}`,
      { file: t.provenance.file },
      "give private jobs by place of work as columns region, industry, year, value (one row each)",
    );
  const groups = options.groups ?? DEFAULT_GROUPS;
  const unknown = new Set<string>();
  const keep = (code: string) => {
    const group = industryGroup(code, groups);
    if (group === null) {
      unknown.add(code);
      return false;
    }
    return options.only ? options.only.includes(group) : group !== "public" && group !== "local";
  };
  const cell = new Map<string, number>();
  const national = new Map<string, number>();
  const regionTotal = new Map<string, number>();
  const industries = new Set<string>();
  const regions = new Set<string>();
  const years = new Set<number>();
  for (let i = 0; i < t.numRows; i++) {
    const code = String(t.get("industry", i));
    if (!keep(code)) continue;
    const region = t.get("region", i) as string;
    const year = t.get("year", i) as number;
    const v = t.get("value", i) as number | null;
    if (v === null) continue;
    industries.add(code);
    regions.add(region);
    years.add(year);
    cell.set(`${region}|${code}|${year}`, v);
    national.set(`${code}|${year}`, (national.get(`${code}|${year}`) ?? 0) + v);
    regionTotal.set(`${region}|${year}`, (regionTotal.get(`${region}|${year}`) ?? 0) + v);
  }
  const mix = new Map<string, number>();
  for (const year of years) {
    if (!years.has(year - 1)) continue;
    let N0 = 0;
    let N1 = 0;
    for (const code of industries) {
      N0 += national.get(`${code}|${year - 1}`) ?? 0;
      N1 += national.get(`${code}|${year}`) ?? 0;
    }
    if (N0 <= 0) continue;
    const gN = 100 * (N1 / N0 - 1);
    for (const region of regions) {
      const total = regionTotal.get(`${region}|${year - 1}`) ?? 0;
      if (total <= 0) continue;
      let effect = 0;
      for (const code of industries) {
        const n0 = national.get(`${code}|${year - 1}`) ?? 0;
        if (n0 <= 0) continue;
        const share = (cell.get(`${region}|${code}|${year - 1}`) ?? 0) / total;
        effect += share * (100 * ((national.get(`${code}|${year}`) ?? 0) / n0 - 1) - gN);
      }
      mix.set(`${region}|${year}`, effect);
    }
  }
  return { mix, regionTotal, regions, unknown: [...unknown].sort() };
}
