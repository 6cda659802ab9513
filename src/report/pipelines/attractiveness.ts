import type { Locale } from "../../charts/locale.ts";
import { ATTRACTIVENESS_WORDS, leftOutTerm, noteTerm } from "../../charts/words/attractiveness.ts";
import { localeOr } from "../../charts/words/locales.ts";
import { REGION_LINE_WORDS } from "../../charts/words/region-lines.ts";
import { OmvarldError } from "../../errors.ts";
import type { BusinessResult } from "../../indicators/attractiveness/business.ts";
import { attractivenessModel } from "../../indicators/attractiveness/model.ts";
import { GROWTH_PARTS } from "../../indicators/attractiveness/residential.ts";
import type { MigrationCounts } from "../../indicators/attractiveness/net-migration.ts";
import { rankAttractiveness } from "../../indicators/attractiveness/rank.ts";
import type { ResidentialResult } from "../../indicators/attractiveness/residential.ts";
import { commutingStructure } from "../../indicators/commuting/structure.ts";
import type { OlsResult } from "../../indicators/util/ols.ts";
import { asAttractivenessPanel } from "../../io/attractiveness.ts";
import { Table } from "../../table/table.ts";
import { formatNumber } from "../../charts/locale.ts";

/** Options of the attractiveness analysis; the defaults are those of `omvarld attractiveness`. */
export interface AttractivenessOptions {
  /** The panel's level where it has several (default "kommune"). */
  level?: string;
  /** The period (default 2007-2016). */
  from?: number;
  to?: number;
  /** Smallest population that is ranked (default 1 000). */
  minPopulation?: number;
  /** "pooled" (default: one regression, one constant) or "yearly". */
  estimation?: "pooled" | "yearly";
  /** Commuting flows (home × work [× year], e.g. SSB 03321): one table, or several stacked by year. */
  commuting?: readonly Table[];
  /**
   * Population, births and deaths by kommune (e.g. SSB 07459, 04231, 08425): the residential model's dependent
   * variable becomes registered net migration where they give it (see `residentialAttractiveness`).
   */
  counts?: MigrationCounts;
  /** Private jobs by region × industry × year (column `value`): the business model's industry effect. */
  industries?: Table;
}

/** One region of the analysis: means over the period, components and ranks. */
export interface AttractivenessRow {
  code: string;
  name: string | null;
  population: number | null;
  residential: number | null;
  business: number | null;
  rank: number | null;
  rank_business: number | null;
  residential_components: Record<string, number | null>;
  business_components: Record<string, number | null>;
  note: string | null;
}

/** The analysis: a row per region, the two models and the ranking table, with the options it was made with. */
export interface AttractivenessAnalysis {
  rows: AttractivenessRow[];
  residential: ResidentialResult;
  business: BusinessResult;
  ranking: Table;
  level: string;
  from: number;
  to: number;
}

const RESIDENTIAL = ["growth", ...GROWTH_PARTS, "out_share", "neighbour_job_growth"];
const BUSINESS = ["growth", "national", "industry", "population", "attractiveness"];

/**
 * The attractiveness analysis of a panel (Telemarksforsking's model, see `attractivenessModel`), by region: means
 * over the period, components and ranks; with commuting flows, the neighbour and integration terms.
 * `omvarld attractiveness FILE --json` prints its `rows`.
 *
 * @example
 * const analysis = attractivenessAnalysis(read("data/tf/no-regions-2003-2016.csv"), { level: "kommune", from: 2007, to: 2016 });
 * analysis.rows.find((r) => r.code === "0428")?.rank; // 188
 */
export function attractivenessAnalysis(panelTable: Table, options: AttractivenessOptions = {}): AttractivenessAnalysis {
  const level = options.level ?? "kommune";
  const from = options.from ?? 2007;
  const to = options.to ?? 2016;
  let panel = panelTable.has("level") && panelTable.has("code") ? asAttractivenessPanel(panelTable) : panelTable;
  if (panel.has("level")) {
    const levels = panel.distinct("level") as string[];
    if (!levels.includes(level))
      throw new OmvarldError(
        "ARGUMENT",
        `no regions of level "${level}"`,
        { file: panel.provenance.file },
        `the levels are ${levels.join(", ")}`,
      );
    if (levels.length > 1) panel = panel.filter({ level });
  }
  if (options.counts && level !== "kommune")
    throw new OmvarldError(
      "ARGUMENT",
      `population, births and deaths by kommune give registered net migration for kommuner, not for the level "${level}"`,
      { file: panel.provenance.file },
      "use the level kommune, or give no population, births and deaths",
    );
  const commuting = options.commuting?.length ? commutingOf(options.commuting, panel) : undefined;
  const { residential, business } = attractivenessModel(panel, {
    from,
    to,
    estimation: options.estimation ?? "pooled",
    ...(commuting ? { commuting } : {}),
    ...(options.counts ? { counts: options.counts } : {}),
    ...(options.industries ? { industries: options.industries } : {}),
  });
  const ranking = rankAttractiveness(residential.decomposition, business.decomposition, {
    from,
    to,
    minPopulation: options.minPopulation ?? 1000,
  });
  const means = (t: Table, columns: string[]) => {
    const m = t.groupBy(["region"]).mean(columns, { missing: "skip" });
    return new Map(m.toRows().map((r) => [r.region as string, r]));
  };
  const res = means(residential.decomposition, RESIDENTIAL);
  const bus = means(
    business.decomposition.rename({ population: "population_effect" }),
    BUSINESS.map((c) => (c === "population" ? "population_effect" : c)),
  );
  const rows = ranking.toRows().map((r): AttractivenessRow => {
    const code = r.region as string;
    const pick = (m: Map<string, Record<string, unknown>>, cols: string[], rename: (c: string) => string = (c) => c) =>
      Object.fromEntries(cols.map((c) => [c, (m.get(code)?.[rename(c)] as number | null | undefined) ?? null]));
    return {
      code,
      name: r.region_name as string | null,
      population: r.population as number | null,
      residential: r.residential as number | null,
      business: r.business as number | null,
      rank: r.rank as number | null,
      rank_business: r.rank_business as number | null,
      residential_components: pick(res, RESIDENTIAL),
      business_components: pick(bus, BUSINESS, (c) => (c === "population" ? "population_effect" : c)),
      note: r.note as string | null,
    };
  });
  return { rows, residential, business, ranking, level, from, to };
}

/** The commuting structure of one or more flows tables on the panel's codes (several tables: one year each). */
function commutingOf(tables: readonly Table[], panel: Table) {
  const flows = tables.length === 1 ? tables[0]! : stack(tables);
  return commutingStructure(flows, { panelCodes: panel.distinct("region") as string[] });
}

function stack(tables: readonly Table[]): Table {
  const rows = tables.flatMap((t) => {
    if (!t.has("year"))
      throw new OmvarldError(
        "ARGUMENT",
        "several commuting files need a year column each",
        { file: t.provenance.file },
        "pass one file, or files with the year of their flows",
      );
    return t.toRows();
  });
  return Table.fromRows(rows, { provenance: tables[0]!.provenance });
}

/**
 * What `omvarld attractiveness` prints, in the locale's language and number format (default Swedish): the
 * regressions with their fit, where the net migration came from, what the data could not give, then a line per
 * region with its rank, means and main components; with `json`, the rows as JSON.
 *
 * @example
 * console.log(attractivenessText(attractivenessAnalysis(panel), { locale: "nb" }));
 */
export function attractivenessText(
  analysis: AttractivenessAnalysis,
  options: { json?: boolean; locale?: Locale } = {},
): string {
  const { rows, residential, business } = analysis;
  if (options.json) return JSON.stringify(rows, null, 2);
  const locale = localeOr(options.locale);
  const w = ATTRACTIVENESS_WORDS[locale];
  const h = w.columns;
  const lines = [
    w.heading(rows.length, analysis.level, `${analysis.from}–${analysis.to}`),
    ...modelLines(residential, business, locale),
    ...[...residential.missing, ...business.missing].map((m) => `  ${w.leftOut}: ${leftOutTerm(m, locale)}`),
    ...[...residential.notes, ...business.notes].map((m) => `  ${w.note}: ${noteTerm(m, locale)}`),
    "",
    `${h[0].padStart(4)}  ${h[1].padEnd(5)} ${h[2].padEnd(24)} ${h[3].padStart(10)}  ${h[4].padStart(11)}  ${h[5].padStart(8)}  ` +
      h
        .slice(6)
        .map((x) => x.padStart(6))
        .join("  "),
    ...rows.map((r) => {
      const c = r.residential_components;
      const n = (x: number | null | undefined, w: number) => formatNumber(x ?? null, locale, 2).padStart(w);
      return `${String(r.rank ?? "–").padStart(4)}  ${r.code.padEnd(5)} ${String(r.name ?? "")
        .slice(0, 24)
        .padEnd(
          24,
        )} ${formatNumber(r.population, locale).padStart(10)}  ${n(r.residential, 11)}  ${n(r.business, 8)}  ${n(c.growth, 6)}  ${n(c.own_jobs, 6)}  ${n(c.neighbour_jobs, 6)}  ${n(c.integration, 6)}  ${n(c.size, 6)}`;
    }),
  ];
  return lines.join("\n");
}

/**
 * The regressions as text, in the locale's language: each coefficient with its standard error, R² and the number of
 * observations; where the residential model's net migration came from (registered counts or the panel's own), and
 * whether the business model has its industry effect.
 */
export function modelLines(residential: ResidentialResult, business: BusinessResult, locale: Locale = "sv"): string[] {
  const w = ATTRACTIVENESS_WORDS[locale];
  const f = (x: number) => formatNumber(x, locale, 3);
  const count = (x: number) => formatNumber(x, locale);
  const coefficients = (fit: OlsResult) =>
    fit.names
      .map((name, k) => `${w.terms[name] ?? name} ${f(fit.coefficients[k]!)} (${f(fit.standardErrors[k]!)})`)
      .join(", ");
  const fitLine = ({ year, fit }: { year: number | null; fit: OlsResult }) =>
    `  ${year ?? w.pooled}: ${coefficients(fit)}; R² ${f(fit.r2)}, n ${count(fit.n)}`;
  const d = residential.dependent;
  const reasons = (reason: string) => count(d.kept.filter((k) => k.reason === reason).length);
  const industryRegions = new Set(
    business.decomposition
      .filter({ industry: (v) => v !== null })
      .distinct("region")
      .map(String),
  ).size;
  return [
    residential.estimation === "pooled" ? w.residentialPooled : w.residentialYearly,
    ...residential.regressions.map(fitLine),
    d.vintages
      ? w.registered({
          registered: count(d.registered),
          of: count(d.registered + d.panel),
          kept: count(d.panel),
          merged: reasons("merged"),
          split: reasons("split"),
          panel: d.vintages.panel,
          counts: d.vintages.counts,
          years: d.panelYears.join(", "),
        })
      : w.panelOnly,
    business.estimation === "pooled" ? w.businessPooled : w.businessYearly,
    ...business.regressions.map(fitLine),
    ...(business.missing.length ? [] : [w.industryEffect(count(industryRegions))]),
  ];
}

/**
 * One region's attractiveness as text, for the demo and the report: rank and means over the period of every
 * component of its population growth, with the neighbour and integration terms and the data behind them (the
 * out-commuting share and the job growth of the places its residents work in), and the business decomposition.
 *
 * @example
 * const analysis = attractivenessAnalysis(panel, { commuting: [flows] });
 * regionLines(analysis, "0428", "2007-2016", "en").forEach((line) => console.log(line));
 */
export function regionLines(
  analysis: AttractivenessAnalysis,
  code: string,
  period = "",
  locale: Locale = "sv",
): string[] {
  const r = analysis.rows.find((x) => x.code === code);
  if (!r) throw new OmvarldError("ARGUMENT", `no region ${code} in the analysis`);
  const w = REGION_LINE_WORDS[locale];
  const n = (x: number | null | undefined, digits = 2) => formatNumber(x ?? null, locale, digits);
  const terms = <K extends string>(values: Record<string, number | null>, keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, n(values[k])])) as Record<K, string>;
  const c = r.residential_components;
  const lines = [
    w.headline({
      region: `${code} ${r.name ?? ""}${period ? `, ${period}` : ""}`,
      residential: n(r.residential),
      business: n(r.business),
      rank: r.rank,
      rankBusiness: r.rank_business,
      ranked: analysis.rows.filter((x) => x.rank !== null).length,
    }),
    w.growth(terms(c, ["growth", ...GROWTH_PARTS] as const)),
  ];
  if (c.out_share !== null && c.out_share !== undefined)
    lines.push(w.commuting(n(100 * c.out_share, 1), n(c.neighbour_job_growth)));
  lines.push(
    w.business(
      terms(r.business_components, ["growth", "national", "industry", "population", "attractiveness"] as const),
    ),
  );
  return lines;
}
