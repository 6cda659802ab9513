import { OmvarldError } from "../../errors.ts";
import { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { finite } from "../util/stats.ts";
import { at, industryPanel, type IndustryPanel, type PanelOptions } from "./data.ts";

/** One industry's part of a region's change between two years (METHODS §7, Dunn 1960). */
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
 * Classic shift-share for one region between two years, per industry (METHODS §7):
 *
 *     Δe_r = NS + IM + RS,   NS = E_r0·G_N,   IM = Σ_i e_ri0·(G_i − G_N),   RS = Σ_i e_ri0·(g_ri − G_i)
 *
 * with G_N = E_N1/E_N0 − 1, G_i = e_Ni1/e_Ni0 − 1, g_ri = e_ri1/e_ri0 − 1; and the Esteban-Marquillas split of RS
 * into a competitive and an allocation effect. Null when a cell is suppressed or the nation has no start value.
 */
export function industryShifts(panel: IndustryPanel, region: string, from: number, to: number): IndustryShift[] | { missing: string } {
  const cells = panel.regions.get(region);
  if (!cells) return { missing: `no rows for region ${region}` };
  let EN0 = 0;
  let EN1 = 0;
  let Er0 = 0;
  for (const industry of panel.industries) {
    const n0 = at(panel.nation.get(industry), from);
    const n1 = at(panel.nation.get(industry), to);
    const r0 = at(cells.get(industry), from);
    if (n0 === null || n1 === null) return { missing: `the national value for industry ${industry} is missing` };
    if (r0 === null || at(cells.get(industry), to) === null) return { missing: `industry ${industry} is suppressed in ${region}` };
    EN0 += n0;
    EN1 += n1;
    Er0 += r0;
  }
  if (EN0 <= 0) return { missing: "national employment at the start is 0" };
  const GN = EN1 / EN0 - 1;
  const out: IndustryShift[] = [];
  for (const industry of panel.industries) {
    const n0 = at(panel.nation.get(industry), from)!;
    const n1 = at(panel.nation.get(industry), to)!;
    const e0 = at(cells.get(industry), from)!;
    const e1 = at(cells.get(industry), to)!;
    if (n0 === 0 && e0 === 0 && e1 === 0) continue;
    if (n0 === 0) return { missing: `industry ${industry} has no national employment at the start` };
    const Gi = n1 / n0 - 1;
    const regionalShift = e1 - e0 * (1 + Gi);
    const homothetic = (Er0 * n0) / EN0;
    const gap = e0 > 0 ? e1 / e0 - 1 - Gi : null;
    out.push({
      industry, start: e0, end: e1, nationalShare: e0 * GN, industryMix: e0 * (Gi - GN), regionalShift,
      competitive: e0 > 0 ? homothetic * gap! : e1 === 0 ? 0 : null,
      allocation: e0 > 0 ? (e0 - homothetic) * gap! : e1 === 0 ? 0 : null,
    });
  }
  return out;
}


export interface ShiftShareOptions extends PanelOptions {
  from: number;
  to: number;
}

const total = (xs: IndustryShift[], key: keyof IndustryShift): number | null =>
  xs.reduce<number | null>((s, x) => (s === null || x[key] === null ? null : s + (x[key] as number)), 0);

/**
 * Shift-share for every region between two years (METHODS §7). Columns: `start`, `end`, `change`,
 * `national_share`, `industry_mix`, `regional_shift` (Dunn; they sum exactly to `change`), `competitive` and
 * `allocation` (Esteban-Marquillas; they sum to `regional_shift`), and Gerfin's ratio form: `mix_factor`
 * = [Σ_i e_ri0(1+G_i)/E_r0]/(E_N1/E_N0), `regional_factor` = (E_r1/E_r0)/[Σ_i e_ri0(1+G_i)/E_r0],
 * `total_factor` = (E_r1/E_r0)/(E_N1/E_N0) = mix_factor·regional_factor.
 *
 * Input: region × industry × year employment; the nation is the sum of the regions unless `national` names it.
 */
export function shiftShare(table: Table, options: ShiftShareOptions): Table {
  const panel = industryPanel(table, options);
  const { from, to } = options;
  const growthN = nationalGrowth(panel, from, to);
  const rows = [...panel.regions.keys()].map((region) => {
    const shifts = industryShifts(panel, region, from, to);
    if ("missing" in shifts) return { region, start: null, end: null, change: null, national_share: null, industry_mix: null, regional_shift: null, competitive: null, allocation: null, mix_factor: null, regional_factor: null, total_factor: null, note: shifts.missing };
    const start = total(shifts, "start")!;
    const end = total(shifts, "end")!;
    const expected = shifts.reduce((s, x) => s + x.start + x.nationalShare + x.industryMix, 0);
    const competitive = total(shifts, "competitive");
    const absent = shifts.find((x) => x.competitive === null)?.industry;
    return {
      region, start, end, change: end - start, national_share: total(shifts, "nationalShare"), industry_mix: total(shifts, "industryMix"),
      regional_shift: total(shifts, "regionalShift"), competitive, allocation: total(shifts, "allocation"),
      mix_factor: start > 0 && growthN !== null ? finite(expected / start / growthN) : null,
      regional_factor: expected > 0 ? finite(end / expected) : null,
      total_factor: start > 0 && growthN !== null ? finite(end / start / growthN) : null,
      note: absent === undefined ? null : `industry ${absent} is absent at the start: the Esteban-Marquillas effects are undefined`,
    };
  });
  return toTable(rows, ["region"], table.provenance);
}

function nationalGrowth(panel: IndustryPanel, from: number, to: number): number | null {
  let n0 = 0;
  let n1 = 0;
  for (const industry of panel.industries) {
    const a = at(panel.nation.get(industry), from);
    const b = at(panel.nation.get(industry), to);
    if (a === null || b === null) return null;
    n0 += a;
    n1 += b;
  }
  return n0 > 0 ? n1 / n0 : null;
}

/** Shift-share per region and industry (METHODS §7): the Dunn and Esteban-Marquillas parts of each industry. */
export function shiftShareByIndustry(table: Table, options: ShiftShareOptions): Table {
  const panel = industryPanel(table, options);
  const rows: Record<string, string | number | null>[] = [];
  for (const region of panel.regions.keys()) {
    const shifts = industryShifts(panel, region, options.from, options.to);
    if ("missing" in shifts) {
      rows.push({ region, industry: null, start: null, end: null, change: null, national_share: null, industry_mix: null, regional_shift: null, competitive: null, allocation: null, note: shifts.missing });
      continue;
    }
    for (const x of shifts) {
      rows.push({
        region, industry: x.industry, start: x.start, end: x.end, change: x.end - x.start, national_share: x.nationalShare,
        industry_mix: x.industryMix, regional_shift: x.regionalShift, competitive: x.competitive, allocation: x.allocation,
        note: x.competitive === null ? "absent at the start: the Esteban-Marquillas effects are undefined" : null,
      });
    }
  }
  return toTable(rows, ["region", "industry"], table.provenance);
}

/**
 * Dynamic shift-share (Barff & Knight 1988, METHODS §7): the Dunn components computed for each pair of
 * consecutive years with that year's weights, then summed over the period. With `byYear`, one row per region
 * and year (the change from the year before). The parts sum exactly to the change over the period.
 */
export function dynamicShiftShare(table: Table, options: ShiftShareOptions & { byYear?: boolean }): Table {
  if (options.to <= options.from) throw new OmvarldError("ARGUMENT", `"to" (${options.to}) must come after "from" (${options.from})`);
  const panel = industryPanel(table, options);
  const rows: Record<string, string | number | null>[] = [];
  for (const region of panel.regions.keys()) {
    const sums = { change: 0 as number | null, national_share: 0 as number | null, industry_mix: 0 as number | null, regional_shift: 0 as number | null };
    let note: string | null = null;
    for (let year = options.from + 1; year <= options.to; year++) {
      const shifts = industryShifts(panel, region, year - 1, year);
      const part = "missing" in shifts ? null : {
        change: shifts.reduce((s, x) => s + x.end - x.start, 0), national_share: total(shifts, "nationalShare"),
        industry_mix: total(shifts, "industryMix"), regional_shift: total(shifts, "regionalShift"),
      };
      if ("missing" in shifts) note ??= `${year}: ${shifts.missing}`;
      if (options.byYear) rows.push({ region, year, ...(part ?? { change: null, national_share: null, industry_mix: null, regional_shift: null }), note: "missing" in shifts ? shifts.missing : null });
      for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] = sums[k] === null || part === null || part[k] === null ? null : sums[k]! + part[k]!;
    }
    if (!options.byYear) rows.push({ region, ...sums, note });
  }
  return toTable(rows, ["region"], table.provenance);
}

/**
 * Portfolio data per region and industry (METHODS §7): the region's growth in the industry against the nation's
 * (percent), employment at the end as size, and the location quotient at the end, for the growth-share bubble
 * chart.
 */
export function portfolio(table: Table, options: ShiftShareOptions): Table {
  const panel = industryPanel(table, options);
  const { from, to } = options;
  let EN1 = 0;
  for (const industry of panel.industries) EN1 += at(panel.nation.get(industry), to) ?? NaN;
  const rows: Record<string, string | number | null>[] = [];
  for (const [region, cells] of panel.regions) {
    let Er1 = 0;
    for (const industry of panel.industries) Er1 += at(cells.get(industry), to) ?? NaN;
    for (const industry of panel.industries) {
      const e0 = at(cells.get(industry), from);
      const e1 = at(cells.get(industry), to);
      const n0 = at(panel.nation.get(industry), from);
      const n1 = at(panel.nation.get(industry), to);
      rows.push({
        region, industry, employment: e1,
        regional_growth_pct: e0 === null || e1 === null || e0 <= 0 ? null : finite(100 * (e1 / e0 - 1)),
        national_growth_pct: n0 === null || n1 === null || n0 <= 0 ? null : finite(100 * (n1 / n0 - 1)),
        location_quotient: e1 === null || n1 === null || n1 <= 0 || !(Er1 > 0) || !(EN1 > 0) ? null : finite(e1 / Er1 / (n1 / EN1)),
        note: e0 === null || e1 === null ? "suppressed cell" : e0 === 0 ? "absent at the start" : null,
      });
    }
  }
  return toTable(rows, ["region", "industry"], table.provenance);
}

/** One region's employment by industry at the start and end, and the nation's, as plain arrays. */
export interface ShiftShareArrays {
  industries?: readonly string[];
  regionStart: readonly number[];
  regionEnd: readonly number[];
  nationStart: readonly number[];
  nationEnd: readonly number[];
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
    { region: "region", industry, year: 0, value: data.regionStart[i]! },
    { region: "region", industry, year: 1, value: data.regionEnd[i]! },
    { region: "nation", industry, year: 0, value: data.nationStart[i]! },
    { region: "nation", industry, year: 1, value: data.nationEnd[i]! },
  ]);
  return shiftShare(Table.fromRows(rows), { from: 0, to: 1, national: "nation" }).drop("region").toRows()[0]!;
}
