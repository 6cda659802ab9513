import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { type OlsResult, ols } from "../util/ols.ts";
import { toTable } from "../util/panel.ts";
import { type PanelRow, panelOf } from "./panel.ts";

export interface ResidentialOptions {
  /** First and last year to estimate and decompose. */
  from: number;
  to: number;
  /** "yearly" (default): one cross-section regression per year; "pooled": one over all years with year effects. */
  estimation?: "yearly" | "pooled";
  /** Neighbour weights from commuting (origin, destination, weight; `neighbourWeights`): adds job growth nearby. */
  neighbours?: Table;
  /** Out-commuting share per region (0-1): adds labour-market integration. */
  outShare?: Readonly<Record<string, number>>;
}

export interface ResidentialResult {
  /** One regression per year ("yearly") or one for all ("pooled"). */
  regressions: { year: number | null; fit: OlsResult }[];
  /**
   * Per region and year: growth = natural_increase + immigration + constant + own_jobs + neighbour_jobs + size
   * + integration + attractiveness, exactly; null where the region could not be estimated (`note` says why).
   */
  decomposition: Table;
  /** Components left out because the data do not give them. */
  missing: string[];
}

/** Own job growth over three years, in percent of population: 100·Σ_{l=0..2} (J_{t−l} − J_{t−l−1})/P_{t−l}. */
export function ownJobGrowth(series: Map<number, PanelRow>, year: number, jobs: (r: PanelRow) => number | null): number | null {
  let sum = 0;
  for (let l = 0; l <= 2; l++) {
    const now = series.get(year - l);
    const before = series.get(year - l - 1);
    const j1 = now ? jobs(now) : null;
    const j0 = before ? jobs(before) : null;
    const p = now?.population ?? null;
    if (j1 === null || j0 === null || p === null || p <= 0) return null;
    sum += (100 * (j1 - j0)) / p;
  }
  return sum;
}

/**
 * Residential attractiveness (bostedsattraktivitet, METHODS §2.3): relative net migration regressed over all
 * regions of one level on their own job growth (current and two previous years, in percent of population), job
 * growth in neighbouring regions (commuting-weighted, where weights are given), size (centred log population)
 * and labour-market integration (centred out-commuting share, where given):
 *
 *     RNM = growth − NI − IMMnat = c + β_own·JG + β_nb·JGnb + β_size·(ln P − mean ln P) + β_ami·(OUT − mean OUT) + ε
 *
 * The residual ε is the attractiveness: in-migration beyond what jobs, location and size explain. Jobs are all
 * jobs by workplace where the panel has them, private jobs otherwise. RNM here is the population change not
 * explained by natural increase and national immigration, so it includes the agencies' adjustment term.
 */
export function residentialAttractiveness(table: Table, options: ResidentialOptions): ResidentialResult {
  const panel = panelOf(table);
  const hasAllJobs = table.has("jobs");
  const jobs = (r: PanelRow) => (hasAllJobs ? r.jobs : r.privateJobs);
  const missing: string[] = [];
  if (!hasAllJobs) missing.push("own job growth uses private jobs only (the panel has no total jobs)");
  if (!options.neighbours) missing.push("job growth in neighbouring regions (no commuting weights given)");
  if (!options.outShare) missing.push("labour-market integration (no out-commuting shares given)");
  const weights = new Map<string, [string, number][]>();
  if (options.neighbours) {
    const w = options.neighbours;
    for (let i = 0; i < w.numRows; i++) {
      const o = w.get("origin", i) as string;
      (weights.get(o) ?? weights.set(o, []).get(o)!).push([w.get("destination", i) as string, w.get("weight", i) as number]);
    }
  }
  interface Obs { region: string; year: number; row: PanelRow; rnm: number; jg: number; nb: number; size: number; ami: number }
  const observations: Obs[] = [];
  const notes = new Map<string, string>();
  for (let year = options.from; year <= options.to; year++) {
    const jgOf = new Map<string, number | null>();
    for (const [region, series] of panel) jgOf.set(region, ownJobGrowth(series, year, jobs));
    const inYear: Obs[] = [];
    for (const [region, series] of panel) {
      const row = series.get(year);
      const key = `${region}|${year}`;
      if (!row) continue;
      const jg = jgOf.get(region) ?? null;
      if (row.growth === null || row.naturalIncrease === null || row.nationalImmigration === null || row.population === null || row.population <= 0) {
        notes.set(key, "population, its growth or its components are missing");
        continue;
      }
      if (jg === null) {
        notes.set(key, `jobs or population missing in ${year - 3}-${year}`);
        continue;
      }
      let nb: number | null = 0;
      if (options.neighbours) {
        for (const [k, w] of weights.get(region) ?? []) {
          const other = jgOf.get(k);
          // a neighbour outside the panel has no weight here; one with unknown job growth makes the sum unknown
          if (other === undefined) continue;
          nb = nb === null || other === null ? null : nb + w * other;
        }
      }
      if (nb === null) {
        notes.set(key, "job growth of a neighbour is missing");
        continue;
      }
      const out = options.outShare?.[region];
      if (options.outShare && out === undefined) {
        notes.set(key, "no out-commuting share");
        continue;
      }
      inYear.push({ region, year, row, rnm: row.growth - row.naturalIncrease - row.nationalImmigration, jg, nb, size: Math.log(row.population), ami: out ?? 0 });
    }
    // centre size and integration on the cross-section of the year
    const meanSize = inYear.reduce((s, o) => s + o.size, 0) / Math.max(1, inYear.length);
    const meanAmi = inYear.reduce((s, o) => s + o.ami, 0) / Math.max(1, inYear.length);
    for (const o of inYear) observations.push({ ...o, size: o.size - meanSize, ami: o.ami - meanAmi });
  }
  const design = (obs: Obs[], pooled: boolean) => {
    const x: Record<string, number[]> = { own_jobs: obs.map((o) => o.jg) };
    if (options.neighbours) x.neighbour_jobs = obs.map((o) => o.nb);
    x.size = obs.map((o) => o.size);
    if (options.outShare) x.integration = obs.map((o) => o.ami);
    if (pooled) for (let y = options.from + 1; y <= options.to; y++) x[`year_${y}`] = obs.map((o) => (o.year === y ? 1 : 0));
    return x;
  };
  const regressions: ResidentialResult["regressions"] = [];
  const parts = new Map<Obs, Record<string, number>>();
  const fitGroup = (obs: Obs[], year: number | null) => {
    const fit = ols(obs.map((o) => o.rnm), design(obs, year === null));
    if (!fit) {
      for (const o of obs) notes.set(`${o.region}|${o.year}`, `too few regions to estimate ${year ?? "the pooled model"}`);
      return;
    }
    regressions.push({ year, fit });
    const coef = (name: string) => fit.coefficients[fit.names.indexOf(name)] ?? 0;
    obs.forEach((o, i) => {
      const yearEffect = year === null && o.year > options.from ? coef(`year_${o.year}`) : 0;
      parts.set(o, {
        constant: coef("intercept") + yearEffect, own_jobs: coef("own_jobs") * o.jg, neighbour_jobs: coef("neighbour_jobs") * o.nb,
        size: coef("size") * o.size, integration: coef("integration") * o.ami, attractiveness: fit.residuals[i]!,
      });
    });
  };
  if ((options.estimation ?? "yearly") === "pooled") fitGroup(observations, null);
  else for (let year = options.from; year <= options.to; year++) fitGroup(observations.filter((o) => o.year === year), year);
  if (regressions.length === 0) throw new OmvarldError("ARGUMENT", `no year in ${options.from}-${options.to} could be estimated`, {}, "the panel needs jobs from three years before the first year");
  const rows: Record<string, string | number | null>[] = [];
  const byKey = new Map(observations.map((o) => [`${o.region}|${o.year}`, o]));
  for (const [region, series] of panel) {
    for (let year = options.from; year <= options.to; year++) {
      const row = series.get(year);
      if (!row) continue;
      const o = byKey.get(`${region}|${year}`);
      const p = o ? parts.get(o) : undefined;
      rows.push({
        region, region_name: row.name, year, population: row.population, growth: row.growth,
        natural_increase: row.naturalIncrease, immigration: row.nationalImmigration,
        relative_net_migration: o ? o.rnm : null, own_job_growth: o ? o.jg : null,
        constant: p?.constant ?? null, own_jobs: p?.own_jobs ?? null, neighbour_jobs: p?.neighbour_jobs ?? null,
        size: p?.size ?? null, integration: p?.integration ?? null, attractiveness: p?.attractiveness ?? null,
        note: p ? null : (notes.get(`${region}|${year}`) ?? "not estimated"),
      });
    }
  }
  return { regressions, decomposition: toTable(rows, ["region", "region_name"], table.provenance), missing };
}
