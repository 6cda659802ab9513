import { OmvarldError } from "../../errors.ts";
import { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { type Period, periodOf } from "../util/period.ts";
import { finite } from "../util/stats.ts";
import { at, industryCube, type IndustryCube, type IndustryPanel, type PanelOptions } from "./data.ts";

export interface IndustryShiftOptions {
  /** National rate of each industry's national share: all industries (default, rows add up) or its own. */
  nationalRate?: "all" | "industry";
  /**
   * The homothetic employment of the Esteban-Marquillas split: from the region's size and the nation's structure,
   * ê_ri = E_r0·e_Ni0/E_N0 (default), or "industry": each industry on its own, as REAT's `shifti` runs `shift`
   * on one industry at a time, so that ê_ri = e_ri0, the competitive effect is the regional shift and the
   * allocation effect 0.
   */
  homothetic?: "region" | "industry";
}

/** One industry's part of a region's change between two years (docs/methods.md §7, Dunn 1960). */
export interface IndustryShift {
  industry: string;
  start: number;
  end: number;
  /** e_ri0·G_N */
  nationalShare: number;
  /** e_ri0·(G_i − G_N) */
  industryMix: number;
  /** e_ri1 − e_ri0·(1 + G_i) = e_ri0·(g_ri − G_i), also where e_ri0 = 0 (then the whole e_ri1) */
  regionalShift: number;
  /** ê_ri·(g_ri − G_i) with ê_ri = E_r0·e_Ni0/E_N0 (Esteban-Marquillas); null where e_ri0 = 0 < e_ri1 */
  competitive: number | null;
  /** (e_ri0 − ê_ri)·(g_ri − G_i); null where e_ri0 = 0 < e_ri1 */
  allocation: number | null;
}

/**
 * Classic shift-share for one region between two years, per industry (docs/methods.md §7):
 *
 *     Δe_r = NS + IM + RS,   NS = E_r0·G_N,   IM = Σ_i e_ri0·(G_i − G_N),   RS = Σ_i e_ri0·(g_ri − G_i)
 *
 * with G_N = E_N1/E_N0 − 1, G_i = e_Ni1/e_Ni0 − 1, g_ri = e_ri1/e_ri0 − 1; and the Esteban-Marquillas split of RS
 * into a competitive and an allocation effect. Null when a cell is suppressed or the nation has no start value.
 *
 * `nationalRate: "all"` (default) uses the all-industry national rate G_N for the national share, so that each
 * industry's NS + IM + RS is its change and the rows add up to the region's; `"industry"` uses the industry's
 * own national rate (NS_i = e_ri0·G_i, IM_i = 0, as REAT's `shifti` computes each industry on its own).
 *
 * @example
 * industryShifts(panel, "0428", { from: 2008, to: 2014 })
 */
export function industryShifts(
  panel: IndustryPanel,
  region: string,
  period: Period & IndustryShiftOptions,
): IndustryShift[] | { missing: string };
/** @deprecated pass `{ from, to }` */
export function industryShifts(
  panel: IndustryPanel,
  region: string,
  from: number,
  to: number,
  options?: IndustryShiftOptions,
): IndustryShift[] | { missing: string };
export function industryShifts(
  panel: IndustryPanel,
  region: string,
  a: (Period & IndustryShiftOptions) | number,
  b?: number,
  c: IndustryShiftOptions = {},
): IndustryShift[] | { missing: string } {
  const { from, to } = periodOf(a, b);
  const options = typeof a === "number" ? c : a;
  const own = options.nationalRate === "industry";
  const cells = panel.regions.get(region);
  if (!cells) return { missing: `no rows for region ${region}` };
  const of = (series: Map<number, number | null> | undefined, year: number) => at(series, year) ?? NaN;
  const n0 = panel.industries.map((i) => of(panel.nation.get(i), from));
  const n1 = panel.industries.map((i) => of(panel.nation.get(i), to));
  const e0 = panel.industries.map((i) => of(cells.get(i), from));
  const e1 = panel.industries.map((i) => of(cells.get(i), to));
  return shiftsOf(panel.industries, region, n0, n1, e0, e1, own, options.homothetic === "industry");
}

/**
 * The shifts of one region from the nation's and the region's employment by industry at the start and the end
 * (plain arrays or views into an `IndustryCube`, NaN where a cell is suppressed); see `industryShifts`.
 */
function shiftsOf(
  industries: readonly string[],
  region: string,
  N0: ArrayLike<number>,
  N1: ArrayLike<number>,
  E0: ArrayLike<number>,
  E1: ArrayLike<number>,
  own: boolean,
  ownHomothetic = false,
): IndustryShift[] | { missing: string } {
  const I = industries.length;
  let EN0 = 0;
  let EN1 = 0;
  let Er0 = 0;
  for (let i = 0; i < I; i++) {
    const n0 = N0[i]!;
    const n1 = N1[i]!;
    const r0 = E0[i]!;
    if (Number.isNaN(n0) || Number.isNaN(n1))
      return { missing: `the national value for industry ${industries[i]} is missing` };
    if (Number.isNaN(r0) || Number.isNaN(E1[i]!))
      return { missing: `industry ${industries[i]} is suppressed in ${region}` };
    EN0 += n0;
    EN1 += n1;
    Er0 += r0;
  }
  if (EN0 <= 0) return { missing: "national employment at the start is 0" };
  const GN = EN1 / EN0 - 1;
  const out: IndustryShift[] = [];
  for (let i = 0; i < I; i++) {
    const n0 = N0[i]!;
    const n1 = N1[i]!;
    const e0 = E0[i]!;
    const e1 = E1[i]!;
    if (n0 === 0 && e0 === 0 && e1 === 0) continue;
    if (n0 === 0) return { missing: `industry ${industries[i]} has no national employment at the start` };
    const Gi = n1 / n0 - 1;
    const regionalShift = e1 - e0 * (1 + Gi);
    const homothetic = ownHomothetic ? e0 : (Er0 * n0) / EN0;
    const gap = e0 > 0 ? e1 / e0 - 1 - Gi : null;
    out.push({
      industry: industries[i]!,
      start: e0,
      end: e1,
      nationalShare: e0 * (own ? Gi : GN),
      industryMix: own ? 0 : e0 * (Gi - GN),
      regionalShift,
      competitive: e0 > 0 ? homothetic * gap! : e1 === 0 ? 0 : null,
      allocation: e0 > 0 ? (ownHomothetic ? 0 : (e0 - homothetic) * gap!) : e1 === 0 ? 0 : null,
    });
  }
  return out;
}

/** The region's (`r`) and the nation's employment by industry in a year of the cube, as views. */
function slices(cube: IndustryCube, r: number, year: number): { e: Float64Array; n: Float64Array } {
  const I = cube.industries.length;
  const y = cube.years.indexOf(year);
  const at = (r * cube.years.length + y) * I;
  return { e: cube.e.subarray(at, at + I), n: cube.nation.subarray(y * I, (y + 1) * I) };
}

/** The shifts of the cube's region `r` between two of its years. */
function cubeShifts(
  cube: IndustryCube,
  r: number,
  from: number,
  to: number,
  own: boolean,
  ownHomothetic = false,
): IndustryShift[] | { missing: string } {
  const a = slices(cube, r, from);
  const b = slices(cube, r, to);
  return shiftsOf(cube.industries, cube.regions[r]!, a.n, b.n, a.e, b.e, own, ownHomothetic);
}

/** The distinct years of a period's ends, or of every year from `from` to `to`. */
function yearsOf(from: number, to: number, every = false): number[] {
  if (every) return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
  return from === to ? [from] : [from, to];
}

export interface ShiftShareOptions extends PanelOptions {
  from: number;
  to: number;
}

const total = (xs: IndustryShift[], key: keyof IndustryShift): number | null =>
  xs.reduce<number | null>((s, x) => (s === null || x[key] === null ? null : s + (x[key] as number)), 0);

/**
 * Shift-share for every region between two years (docs/methods.md §7). Columns: `start`, `end`, `change`,
 * `national_share`, `industry_mix`, `regional_shift` (Dunn; they sum exactly to `change`), `competitive` and
 * `allocation` (Esteban-Marquillas; they sum to `regional_shift`), and Gerfin's ratio form: `mix_factor`
 * = [Σ_i e_ri0(1+G_i)/E_r0]/(E_N1/E_N0), `regional_factor` = (E_r1/E_r0)/[Σ_i e_ri0(1+G_i)/E_r0],
 * `total_factor` = (E_r1/E_r0)/(E_N1/E_N0) = mix_factor·regional_factor.
 *
 * Input: region × industry × year employment; the nation is the sum of the regions unless `national` names it.
 */
export function shiftShare(table: Table, options: ShiftShareOptions): Table {
  const { from, to } = options;
  const cube = industryCube(table, options, yearsOf(from, to));
  const growthN = nationalGrowth(cube, from, to);
  const rows = cube.regions.map((region, r) => {
    const shifts = cubeShifts(cube, r, from, to, false);
    if ("missing" in shifts)
      return {
        region,
        start: null,
        end: null,
        ...noShifts(),
        mix_factor: null,
        regional_factor: null,
        total_factor: null,
        note: shifts.missing,
      };
    const start = total(shifts, "start")!;
    const end = total(shifts, "end")!;
    const expected = shifts.reduce((s, x) => s + x.start + x.nationalShare + x.industryMix, 0);
    const competitive = total(shifts, "competitive");
    const absent = shifts.find((x) => x.competitive === null)?.industry;
    return {
      region,
      start,
      end,
      change: end - start,
      national_share: total(shifts, "nationalShare"),
      industry_mix: total(shifts, "industryMix"),
      regional_shift: total(shifts, "regionalShift"),
      competitive,
      allocation: total(shifts, "allocation"),
      mix_factor: start > 0 && growthN !== null ? finite(expected / start / growthN) : null,
      regional_factor: expected > 0 ? finite(end / expected) : null,
      total_factor: start > 0 && growthN !== null ? finite(end / start / growthN) : null,
      note:
        absent === undefined
          ? null
          : `industry ${absent} is absent at the start: the Esteban-Marquillas effects are undefined`,
    };
  });
  return toTable(rows, ["region"], table.provenance);
}

function nationalGrowth(cube: IndustryCube, from: number, to: number): number | null {
  const a = slices(cube, 0, from).n;
  const b = slices(cube, 0, to).n;
  let n0 = 0;
  let n1 = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) return null;
    n0 += a[i]!;
    n1 += b[i]!;
  }
  return n0 > 0 ? n1 / n0 : null;
}

/**
 * Shift-share per region and industry (docs/methods.md §7): the Dunn and Esteban-Marquillas parts of each industry, and
 * Gerfin's regional factor of the industry, (e_ri1/e_ri0)/(e_Ni1/e_Ni0). With `nationalRate: "industry"` the
 * national share uses each industry's own national rate (see `industryShifts`).
 */
export function shiftShareByIndustry(table: Table, options: ShiftShareOptions & IndustryShiftOptions): Table {
  const cube = industryCube(table, options, yearsOf(options.from, options.to));
  const rows: Record<string, string | number | null>[] = [];
  for (let r = 0; r < cube.regions.length; r++) {
    const region = cube.regions[r]!;
    const shifts = cubeShifts(
      cube,
      r,
      options.from,
      options.to,
      options.nationalRate === "industry",
      options.homothetic === "industry",
    );
    if ("missing" in shifts) {
      rows.push({
        region,
        industry: null,
        start: null,
        end: null,
        ...noShifts(),
        regional_factor: null,
        note: shifts.missing,
      });
      continue;
    }
    for (const x of shifts) {
      rows.push({
        region,
        industry: x.industry,
        start: x.start,
        end: x.end,
        change: x.end - x.start,
        national_share: x.nationalShare,
        industry_mix: x.industryMix,
        regional_shift: x.regionalShift,
        competitive: x.competitive,
        allocation: x.allocation,
        regional_factor: gerfinIndustry(x),
        note: x.competitive === null ? "absent at the start: the Esteban-Marquillas effects are undefined" : null,
      });
    }
  }
  return toTable(rows, ["region", "industry"], table.provenance);
}

/** Gerfin's regional factor of one industry: (e_ri1/e_ri0)/(1 + G_i), from the Dunn parts. */
function gerfinIndustry(x: IndustryShift): number | null {
  const expected = x.start + x.nationalShare + x.industryMix; // e_ri0·(1 + G_i)
  return x.start > 0 && expected > 0 ? finite(x.end / expected) : null;
}

/** Gerfin's three factors of a region from its industries' parts and the national growth factor E_N1/E_N0. */
function gerfinRegion(
  shifts: IndustryShift[],
  growthN: number | null,
): { mix: number | null; regional: number | null; total: number | null } {
  const start = shifts.reduce((s, x) => s + x.start, 0);
  const end = shifts.reduce((s, x) => s + x.end, 0);
  const expected = shifts.reduce((s, x) => s + x.start + x.nationalShare + x.industryMix, 0);
  return {
    mix: start > 0 && growthN !== null ? finite(expected / start / growthN) : null,
    regional: expected > 0 ? finite(end / expected) : null,
    total: start > 0 && growthN !== null ? finite(end / start / growthN) : null,
  };
}

export interface DynamicOptions extends ShiftShareOptions, IndustryShiftOptions {
  /** One row per region and year (the change from the year before) instead of the sums over the period. */
  byYear?: boolean;
  /** One row per region and industry (dynamic shift-share per industry; REAT's `shiftid`). */
  byIndustry?: boolean;
  /**
   * How Gerfin's yearly factors make the period's: "product" (default: chained, so the total factor is exactly
   * (E_r1/E_r0)/(E_N1/E_N0) over the period), "mean" or "sum" of the yearly factors (REAT's `gerfin.shifts`).
   */
  gerfin?: "product" | "mean" | "sum";
}

type Sums = Record<
  "change" | "national_share" | "industry_mix" | "regional_shift" | "competitive" | "allocation",
  number | null
>;

const add = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/**
 * Dynamic shift-share (Barff & Knight 1988, docs/methods.md §7): the Dunn components and the Esteban-Marquillas split
 * computed for each pair of consecutive years with that year's weights, then summed over the period; Gerfin's
 * factors combined over the years by `gerfin` (product, mean or sum). With `byYear`, one row per region and year;
 * with `byIndustry`, one row per region and industry. The Dunn parts sum exactly to the change over the period.
 *
 * @example
 * dynamicShiftShare(jobs, { from: 2008, to: 2014, national: "Germany", byIndustry: true })
 */
export function dynamicShiftShare(table: Table, options: DynamicOptions): Table {
  const { from, to } = periodOf(options);
  const cube = industryCube(table, options, yearsOf(from, to, true));
  const combine = options.gerfin ?? "product";
  const rows: Record<string, string | number | null>[] = [];
  for (let r = 0; r < cube.regions.length; r++) {
    const region = cube.regions[r]!;
    const d = regionDynamics(cube, r, from, to, options);
    if (options.byYear) rows.push(...d.yearRows);
    else if (options.byIndustry) {
      for (const [industry, v] of d.byIndustry) {
        rows.push({
          region,
          industry,
          ...(d.note === null ? v.sums : noShifts()),
          regional_factor: foldFactors(v.factors, combine),
          note:
            d.note ??
            (v.sums.competitive === null ? "absent in a year: the Esteban-Marquillas effects are undefined" : null),
        });
      }
    } else {
      rows.push({
        region,
        ...d.sums,
        mix_factor: foldFactors(d.factors.mix, combine),
        regional_factor: foldFactors(d.factors.regional, combine),
        total_factor: foldFactors(d.factors.total, combine),
        note: d.note,
      });
    }
  }
  return toTable(rows, options.byIndustry && !options.byYear ? ["region", "industry"] : ["region"], table.provenance);
}

/** All parts zero: the start of a sum over the years. */
function zeroSums(): Sums {
  return { change: 0, national_share: 0, industry_mix: 0, regional_shift: 0, competitive: 0, allocation: 0 };
}

/** Gerfin's yearly factors made the period's: their product, sum or mean; null if one year's is missing (or none). */
function foldFactors(xs: (number | null)[], combine: "product" | "mean" | "sum"): number | null {
  if (xs.some((x) => x === null) || xs.length === 0) return null;
  const v = xs as number[];
  return combine === "product"
    ? v.reduce((p, x) => p * x, 1)
    : combine === "sum"
      ? v.reduce((p, x) => p + x, 0)
      : v.reduce((p, x) => p + x, 0) / v.length;
}

/** One region's dynamic shift-share: the summed parts, Gerfin's yearly factors, the same per industry, the yearly rows. */
interface RegionDynamics {
  sums: Sums;
  factors: Record<"mix" | "regional" | "total", (number | null)[]>;
  byIndustry: Map<string, { sums: Sums; factors: (number | null)[] }>;
  /** The first year whose shifts could not be computed, and why (null: every year could). */
  note: string | null;
  yearRows: Record<string, string | number | null>[];
}

/**
 * Region r's shifts for each pair of consecutive years from `from` to `to`, summed: a part is null from the first
 * year it cannot be computed; Gerfin's factors are kept by year for `foldFactors`.
 */
function regionDynamics(
  cube: IndustryCube,
  r: number,
  from: number,
  to: number,
  options: DynamicOptions,
): RegionDynamics {
  const region = cube.regions[r]!;
  const d: RegionDynamics = {
    sums: zeroSums(),
    byIndustry: new Map(),
    factors: { mix: [], regional: [], total: [] },
    note: null,
    yearRows: [],
  };
  for (let year = from + 1; year <= to; year++) {
    const shifts = cubeShifts(
      cube,
      r,
      year - 1,
      year,
      options.nationalRate === "industry",
      options.homothetic === "industry",
    );
    if ("missing" in shifts) {
      d.note ??= `${year}: ${shifts.missing}`;
      for (const k of Object.keys(d.sums) as (keyof Sums)[]) d.sums[k] = null;
      for (const f of Object.values(d.factors)) f.push(null);
      for (const v of d.byIndustry.values()) v.factors.push(null);
      d.yearRows.push({
        region,
        year,
        ...noShifts(),
        mix_factor: null,
        regional_factor: null,
        total_factor: null,
        note: shifts.missing,
      });
      continue;
    }
    const part = yearSums(shifts);
    const g = gerfinRegion(shifts, nationalGrowth(cube, year - 1, year));
    d.factors.mix.push(g.mix);
    d.factors.regional.push(g.regional);
    d.factors.total.push(g.total);
    d.yearRows.push({
      region,
      year,
      ...part,
      mix_factor: g.mix,
      regional_factor: g.regional,
      total_factor: g.total,
      note: null,
    });
    for (const k of Object.keys(d.sums) as (keyof Sums)[]) d.sums[k] = add(d.sums[k], part[k]);
    addIndustryParts(d.byIndustry, shifts);
  }
  return d;
}

/** A region's Dunn and Esteban-Marquillas parts of one year: its industries' summed (null if one is null). */
function yearSums(shifts: IndustryShift[]): Sums {
  return {
    change: shifts.reduce((s, x) => s + x.end - x.start, 0),
    national_share: total(shifts, "nationalShare"),
    industry_mix: total(shifts, "industryMix"),
    regional_shift: total(shifts, "regionalShift"),
    competitive: total(shifts, "competitive"),
    allocation: total(shifts, "allocation"),
  };
}

/** Adds each industry's parts of one year to its sums and its Gerfin regional factor to its list. */
function addIndustryParts(byIndustry: RegionDynamics["byIndustry"], shifts: IndustryShift[]): void {
  for (const x of shifts) {
    const entry =
      byIndustry.get(x.industry) ?? byIndustry.set(x.industry, { sums: zeroSums(), factors: [] }).get(x.industry)!;
    const s = entry.sums;
    s.change = add(s.change, x.end - x.start);
    s.national_share = add(s.national_share, x.nationalShare);
    s.industry_mix = add(s.industry_mix, x.industryMix);
    s.regional_shift = add(s.regional_shift, x.regionalShift);
    s.competitive = add(s.competitive, x.competitive);
    s.allocation = add(s.allocation, x.allocation);
    entry.factors.push(gerfinIndustry(x));
  }
}

/** The sums of a region whose shifts cannot be computed: every one missing. */
function noShifts(): Sums {
  return {
    change: null,
    national_share: null,
    industry_mix: null,
    regional_shift: null,
    competitive: null,
    allocation: null,
  };
}

/**
 * Shift-share projection (Gerfin's prognosis, REAT's `shiftp`): the region's employment in each industry at a
 * later year, from the national forecast for the industry and the region's Gerfin regional factor over the base
 * period,
 *
 *     ê_ri(t₃) = e_ri(t₂)·(e_Ni(t₃)/e_Ni(t₂))·RF,   RF = (E_r(t₂)/E_r(t₁)) / [Σ_i e_ri(t₁)(1 + G_i)/E_r(t₁)]
 *
 * so the region keeps its competitive advantage (or handicap) of t₁→t₂ and follows each industry's national
 * trend. Plain arrays, one entry per industry; `nationTarget` is e_Ni(t₃). Null when a value is missing.
 *
 * @example
 * projectShiftShare({ regionStart: [10, 20], regionEnd: [12, 22], nationStart: [100, 200], nationEnd: [110, 220], nationTarget: [121, 242] })
 */
export function projectShiftShare(
  data: ShiftShareArrays & { nationTarget: readonly (number | null)[] },
): { projected: number[]; total: number; regionalFactor: number } | null {
  const all = [data.regionStart, data.regionEnd, data.nationStart, data.nationEnd, data.nationTarget];
  if (all.some((a) => a.length !== data.regionStart.length))
    throw new OmvarldError("ARGUMENT", "the five arrays must have one value per industry each");
  if (all.some((a) => a.some((v) => v === null || Number.isNaN(v)))) return null;
  const [r0, r1, n0, n1, n2] = all as number[][];
  const expected = r0!.reduce((s, e, i) => s + (n0![i]! > 0 ? e * (n1![i]! / n0![i]!) : NaN), 0);
  const regionalFactor = finite(r1!.reduce((s, v) => s + v, 0) / expected);
  if (regionalFactor === null || n1!.some((v) => !(v > 0))) return null;
  const projected = r1!.map((e, i) => e * (n2![i]! / n1![i]!) * regionalFactor);
  return { projected, total: projected.reduce((s, v) => s + v, 0), regionalFactor };
}

/**
 * Portfolio data per region and industry (docs/methods.md §7.1): the region's growth in the industry against the
 * nation's (percent), employment at the end as size, and the location quotient for the growth-share bubble chart:
 * at the end (default) or, with `lq: "mean"`, the mean of the quotients at the start and the end (REAT's
 * `locq.growth`), which keeps an industry that moved across 1 from sitting on one side by the end year alone.
 */
export function portfolio(table: Table, options: ShiftShareOptions & { lq?: "end" | "mean" }): Table {
  const { from, to } = options;
  const cube = industryCube(table, options, yearsOf(from, to));
  const orNullNaN = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const sumOf = (v: Float64Array) => {
    let s = 0;
    for (const x of v) s += x;
    return s;
  };
  const EN0 = sumOf(slices(cube, 0, from).n);
  const EN1 = sumOf(slices(cube, 0, to).n);
  const lqOf = (e: number | null, E: number, n: number | null, N: number) =>
    e === null || n === null || n <= 0 || !(E > 0) || !(N > 0) ? null : finite(e / E / (n / N));
  const rows: Record<string, string | number | null>[] = [];
  for (let r = 0; r < cube.regions.length; r++) {
    const start = slices(cube, r, from);
    const end = slices(cube, r, to);
    const Er0 = sumOf(start.e);
    const Er1 = sumOf(end.e);
    for (let i = 0; i < cube.industries.length; i++) {
      const e0 = orNullNaN(start.e[i]!);
      const e1 = orNullNaN(end.e[i]!);
      const n0 = orNullNaN(start.n[i]!);
      const n1 = orNullNaN(end.n[i]!);
      const lq1 = lqOf(e1, Er1, n1, EN1);
      const lq0 = lqOf(e0, Er0, n0, EN0);
      rows.push({
        region: cube.regions[r]!,
        industry: cube.industries[i]!,
        employment: e1,
        regional_growth_pct: e0 === null || e1 === null || e0 <= 0 ? null : finite(100 * (e1 / e0 - 1)),
        national_growth_pct: n0 === null || n1 === null || n0 <= 0 ? null : finite(100 * (n1 / n0 - 1)),
        location_quotient: options.lq === "mean" ? (lq0 === null || lq1 === null ? null : (lq0 + lq1) / 2) : lq1,
        note: e0 === null || e1 === null ? "suppressed cell" : e0 === 0 ? "absent at the start" : null,
      });
    }
  }
  return toTable(rows, ["region", "industry"], table.provenance);
}

/** One region's employment by industry at the start and end, and the nation's, as plain arrays. */
export interface ShiftShareArrays {
  industries?: readonly string[];
  regionStart: readonly (number | null)[];
  regionEnd: readonly (number | null)[];
  nationStart: readonly (number | null)[];
  nationEnd: readonly (number | null)[];
}

/**
 * Shift-share for one region from plain arrays (one entry per industry): the same result as `shiftShare` for
 * that region.
 *
 * @example
 * shiftShareOf({ regionStart: [10, 0], regionEnd: [12, 5], nationStart: [100, 10], nationEnd: [111, 16] })
 * // { change: 7, national_share: ..., industry_mix: ..., regional_shift: 5.9, ... }
 */
export function shiftShareOf(data: ShiftShareArrays): Record<string, string | number | null> {
  const industries = data.industries ?? data.regionStart.map((_, i) => String(i + 1));
  const rows = industries.flatMap((industry, i) => [
    { region: "region", industry, year: 0, value: orNull(data.regionStart[i]) },
    { region: "region", industry, year: 1, value: orNull(data.regionEnd[i]) },
    { region: "nation", industry, year: 0, value: orNull(data.nationStart[i]) },
    { region: "nation", industry, year: 1, value: orNull(data.nationEnd[i]) },
  ]);
  return shiftShare(Table.fromRows(rows), { from: 0, to: 1, national: "nation" }).drop("region").toRows()[0]!;
}

const orNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined || Number.isNaN(v) ? null : v;
