import { OmvarldError } from "../../errors.ts";
import { NumberColumn } from "../../table/column.ts";
import type { Table } from "../../table/table.ts";
import { denseCodes } from "../util/codes.ts";
import { toTable } from "../util/panel.ts";
import { type Period, periodOf } from "../util/period.ts";
import { finite } from "../util/stats.ts";

/** Value added per employee, p = VA/J (docs/methods.md §6.1). Null when J ≤ 0 or a value is missing. */
export function perEmployee(valueAdded: number | null, jobs: number | null): number | null {
  return valueAdded === null || jobs === null || jobs <= 0 ? null : finite(valueAdded / jobs);
}

export interface IndustryColumns {
  /** Value added column (default "value_added"). */
  valueAdded?: string;
  /** Employment column (default "jobs"). */
  jobs?: string;
  /** Region code of the nation in the table; default: the sum of all regions. */
  national?: string;
}

/**
 * Industry-adjusted productivity per region (docs/methods.md §6.1, TF "bransjejustert produktivitet"):
 *
 *     p_r = VA_r / J_r,   p̂_r = Σ_i (J_ri / J_r)·p_Ni,   adj_r = p_r − p̂_r
 *
 * the region's productivity minus what it would be with its industry mix at national productivity in each
 * industry. Input: region × industry rows (one year) with value added and jobs.
 */
export function industryAdjustedProductivity(table: Table, options: IndustryColumns = {}): Table {
  const va = options.valueAdded ?? "value_added";
  const jobs = options.jobs ?? "jobs";
  const national = nationalByIndustry(table, va, jobs, options.national);
  const regional = options.national === undefined ? table : table.filter({ region: (r) => r !== options.national });
  // each row's expected value added J_ri·p_Ni (missing where the nation's p is, unless the row has no jobs)
  const industry = denseCodes(regional, "industry", "null");
  const pN = industry.labels.map((label) => {
    const n = national.get(label!);
    return perEmployee(n?.va ?? null, n?.jobs ?? null);
  });
  const J = regional.numbers(jobs).values;
  const expected = new Float64Array(regional.numRows);
  for (let i = 0; i < expected.length; i++) {
    const p = pN[industry.codes[i]!]!;
    expected[i] = J[i]! > 0 && p === null ? NaN : J[i]! * (p ?? 0);
  }
  // Σ per region; a missing value added, job count or expected value makes the region's sums missing
  const sums = regional
    .withColumn("expected", new NumberColumn(expected), "measure")
    .groupBy(["region"])
    .sum([va, jobs, "expected"]);
  const at = (name: string, i: number) => sums.get(name, i) as number | null;
  const rows = Array.from({ length: sums.numRows }, (_, i) => {
    const [v, j, e] = [at(va, i), at(jobs, i), at("expected", i)];
    const missing = v === null || j === null || e === null;
    const actual = missing ? null : perEmployee(v, j);
    const exp = missing || j <= 0 ? null : e / j;
    return {
      region: sums.get("region", i) as string,
      productivity: actual,
      expected: exp,
      adjusted: actual === null || exp === null ? null : actual - exp,
      note: missing ? "a value is missing (suppressed cell?)" : j <= 0 ? "no jobs" : null,
    };
  });
  return toTable(rows, ["region"], table.provenance);
}

/** National value added and jobs per industry: the nation's rows, or the sum over regions (missing propagates). */
export function nationalByIndustry(
  table: Table,
  va: string,
  jobs: string,
  national?: string,
): Map<string, { va: number | null; jobs: number | null }> {
  const rows = national === undefined ? table : table.filter({ region: national });
  if (national !== undefined && rows.numRows === 0)
    throw new OmvarldError("ARGUMENT", `no rows for the nation "${national}"`);
  const sums = rows.groupBy(["industry"]).sum([va, jobs]);
  const out = new Map<string, { va: number | null; jobs: number | null }>();
  for (let i = 0; i < sums.numRows; i++)
    out.set(String(sums.get("industry", i)), {
      va: sums.get(va, i) as number | null,
      jobs: sums.get(jobs, i) as number | null,
    });
  return out;
}

/** The parts of value-added growth, each exactly additive. */
export interface GrowthDecomposition {
  /** ln(VA₁/VA₀) = ln(J₁/J₀) + ln(p₁/p₀). */
  log: { total: number; employment: number; productivity: number };
  /** ΔVA = p₀ΔJ + J₀Δp + ΔJΔp. */
  interaction: { total: number; employment: number; productivity: number; interaction: number };
  /** ΔVA = p̄ΔJ + J̄Δp with p̄ = (p₀ + p₁)/2, J̄ = (J₀ + J₁)/2. */
  midpoint: { total: number; employment: number; productivity: number };
  /** Shares of log growth: ln(J₁/J₀)/ln(VA₁/VA₀) and ln(p₁/p₀)/ln(VA₁/VA₀); null when VA did not change. */
  shares: { employment: number | null; productivity: number | null };
}

/**
 * Decomposes the growth of value added into an employment and a productivity contribution (docs/methods.md §6.2):
 * log form, additive form with interaction, and the symmetric midpoint form. Null when a value is not positive.
 *
 * @example
 * decomposeValueAddedGrowth(100, 132, 10, 11).midpoint // { total: 32, employment: 11, productivity: 21 }
 */
export function decomposeValueAddedGrowth(
  va0: number,
  va1: number,
  jobs0: number,
  jobs1: number,
): GrowthDecomposition | null {
  if (!(va0 > 0 && va1 > 0 && jobs0 > 0 && jobs1 > 0)) return null;
  const p0 = va0 / jobs0;
  const p1 = va1 / jobs1;
  const dJ = jobs1 - jobs0;
  const dp = p1 - p0;
  const lnVA = Math.log(va1 / va0);
  const lnJ = Math.log(jobs1 / jobs0);
  const lnP = Math.log(p1 / p0);
  return {
    log: { total: lnVA, employment: lnJ, productivity: lnP },
    interaction: { total: va1 - va0, employment: p0 * dJ, productivity: jobs0 * dp, interaction: dJ * dp },
    midpoint: { total: va1 - va0, employment: ((p0 + p1) / 2) * dJ, productivity: ((jobs0 + jobs1) / 2) * dp },
    shares:
      lnVA === 0 ? { employment: null, productivity: null } : { employment: lnJ / lnVA, productivity: lnP / lnVA },
  };
}

export interface IndustryPeriod {
  industry: string;
  valueAdded0: number;
  valueAdded1: number;
  jobs0: number;
  jobs1: number;
}

/**
 * Within/between decomposition of aggregate productivity change across industries (docs/methods.md §6.2):
 *
 *     Δp = Σ_i s_i0·Δp_i  (within)  +  Σ_i Δs_i·p_i0  (between, structural)  +  Σ_i Δs_i·Δp_i  (interaction)
 *
 * with s_i = J_i/J the industry's share of jobs. The three parts sum exactly to p₁ − p₀.
 */
export function withinBetween(
  industries: readonly IndustryPeriod[],
): { total: number; within: number; between: number; interaction: number } | null {
  const J0 = industries.reduce((s, x) => s + x.jobs0, 0);
  const J1 = industries.reduce((s, x) => s + x.jobs1, 0);
  if (J0 <= 0 || J1 <= 0 || industries.some((x) => x.jobs0 <= 0 || x.jobs1 <= 0)) return null;
  let within = 0;
  let between = 0;
  let interaction = 0;
  for (const x of industries) {
    const s0 = x.jobs0 / J0;
    const ds = x.jobs1 / J1 - s0;
    const p0 = x.valueAdded0 / x.jobs0;
    const dp = x.valueAdded1 / x.jobs1 - p0;
    within += s0 * dp;
    between += ds * p0;
    interaction += ds * dp;
  }
  const total =
    industries.reduce((s, x) => s + x.valueAdded1, 0) / J1 - industries.reduce((s, x) => s + x.valueAdded0, 0) / J0;
  return { total, within, between, interaction };
}

/**
 * Value-added growth decomposed for every region between two years (docs/methods.md §6.2), from a table of region, year,
 * value added and jobs: log contributions of employment and productivity, midpoint contributions, and the
 * annualised productivity growth g_p = ((VA₁/VA₀)·(J₀/J₁))^(1/T) − 1 in percent.
 *
 * @example
 * valueAddedGrowth(table, { from: 2007, to: 2017, valueAdded: "gdp", jobs: "employed" })
 */
export function valueAddedGrowth(table: Table, period: Period & IndustryColumns): Table;
/** @deprecated pass `{ from, to, ...columns }` */
export function valueAddedGrowth(table: Table, from: number, to: number, options?: IndustryColumns): Table;
export function valueAddedGrowth(
  table: Table,
  a: (Period & IndustryColumns) | number,
  b?: number,
  c: IndustryColumns = {},
): Table {
  const { from, to } = periodOf(a, b);
  const options = typeof a === "number" ? c : a;
  const va = options.valueAdded ?? "value_added";
  const jobs = options.jobs ?? "jobs";
  const at = new Map<string, { va: number | null; jobs: number | null }>();
  for (let i = 0; i < table.numRows; i++) {
    at.set(`${table.get("region", i)}|${table.get("year", i)}`, {
      va: table.get(va, i) as number | null,
      jobs: table.get(jobs, i) as number | null,
    });
  }
  const regions = [...new Set(table.distinct("region") as string[])];
  const rows = regions.map((region) => {
    const a = at.get(`${region}|${from}`);
    const b = at.get(`${region}|${to}`);
    const d =
      a && b && a.va !== null && b.va !== null && a.jobs !== null && b.jobs !== null
        ? decomposeValueAddedGrowth(a.va, b.va, a.jobs, b.jobs)
        : null;
    return {
      region,
      log_value_added: d?.log.total ?? null,
      log_employment: d?.log.employment ?? null,
      log_productivity: d?.log.productivity ?? null,
      change: d?.midpoint.total ?? null,
      employment_effect: d?.midpoint.employment ?? null,
      productivity_effect: d?.midpoint.productivity ?? null,
      productivity_growth_pct: d ? finite(100 * (Math.exp(d.log.productivity / (to - from)) - 1)) : null,
      note: d ? null : !a || !b ? `no values for ${!a ? from : to}` : "a value is missing or not positive",
    };
  });
  return toTable(rows, ["region"], table.provenance);
}
