import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { known, type Maybe } from "../util/missing.ts";
import { measureOf, toTable } from "../util/panel.ts";
import { finite, sum } from "../util/stats.ts";

/** The Ellison-Glaeser index of one industry and its parts. */
export interface EllisonGlaeser {
  /** γ: > 0 the industry clusters beyond what its plant sizes explain, 0 a dartboard, < 0 dispersion. */
  gamma: number;
  /** Raw geographic concentration G = Σ_r (s_r − x_r)². */
  G: number;
  /** Plant (firm) Herfindahl H = Σ_k z_k², z_k the firm's share of the industry's employment. */
  herfindahl: number;
  /** G's z value under the dartboard (γ = 0); null without firm data (Σ z_k⁴ is needed). */
  z: number | null;
  /** Number of firms K; null without firm data. */
  firms: number | null;
}

/**
 * The index from the regions' shares and the plant Herfindahl (Ellison and Glaeser 1997, eq. 5):
 *
 *     γ = (G − (1 − Σ_r x_r²)·H) / ((1 − Σ_r x_r²)·(1 − H)),   G = Σ_r (s_r − x_r)²
 *
 * s_r the region's share of the industry's employment, x_r its share of all employment. With Σ z_k⁴ (firm data),
 * the z value of G, (G − (1 − Σx²)H)/√Var(G), Var(G) = 2{H²[Σx² − 2Σx³ + (Σx²)²] − Σz⁴[Σx² − 4Σx³ + 3(Σx²)²]}.
 */
function index(s: readonly number[], x: readonly number[], H: number, z4: number | null, K: number | null) {
  const G = sum(s.map((v, r) => (v - x[r]!) ** 2));
  const x2 = sum(x.map((v) => v * v));
  const x3 = sum(x.map((v) => v * v * v));
  const excess = G - (1 - x2) * H;
  const gamma = finite(excess / ((1 - x2) * (1 - H)));
  if (gamma === null) return null;
  const variance = z4 === null ? NaN : 2 * (H * H * (x2 - 2 * x3 + x2 * x2) - z4 * (x2 - 4 * x3 + 3 * x2 * x2));
  return { gamma, G, herfindahl: H, z: variance > 0 ? finite(excess / Math.sqrt(variance)) : null, firms: K };
}

/**
 * Ellison-Glaeser agglomeration index of one industry from firm data (docs/methods.md §7.6; Ellison and Glaeser
 * 1997; REAT's `ellison.a`): each firm's employment and region, and every region's total employment (regions
 * without a firm of the industry count with s_r = 0). The plant Herfindahl is computed from the firms.
 * A missing value gives null (the shares of a whole); a firm in a region without a total is an error.
 *
 * @example
 * ellisonGlaeser(
 *   { region: ["Wien", "Wien", "Wien", "Wien", "Wien", "Linz", "Linz", "Linz", "Linz", "Graz"],
 *     employment: [200, 650, 12000, 100, 50, 16000, 13000, 1500, 1500, 25000] },
 *   { Wien: 500000, Linz: 400000, Graz: 100000 },
 * )?.gamma // 0.05990628 (Farhauer and Kröll 2014)
 */
export function ellisonGlaeser(
  firms: { region: readonly string[]; employment: readonly Maybe[] },
  regions: Readonly<Record<string, Maybe>>,
): EllisonGlaeser | null {
  if (firms.region.length !== firms.employment.length)
    throw new OmvarldError(
      "ARGUMENT",
      `${firms.region.length} firm regions but ${firms.employment.length} firm sizes`,
      {},
      "give one region and one employment per firm",
    );
  const codes = Object.keys(regions);
  const slot = new Map(codes.map((c, r) => [c, r]));
  const e = firms.employment;
  const byRegion = new Array<number>(codes.length).fill(0);
  for (let k = 0; k < e.length; k++) {
    const r = slot.get(firms.region[k]!);
    if (r === undefined)
      throw new OmvarldError(
        "ARGUMENT",
        `firm ${k + 1} is in region "${firms.region[k]}", which has no total employment`,
        {},
        `give the totals of every region: ${codes.join(", ")}, …`,
      );
    if (!known(e[k])) return null;
    byRegion[r]! += e[k]!;
  }
  const totals = codes.map((c) => regions[c]);
  if (!totals.every(known)) return null;
  const industry = sum(byRegion);
  const all = sum(totals as number[]);
  if (!(industry > 0) || !(all > 0) || e.length === 0) return null;
  const z = (e as number[]).map((v) => v / industry);
  return index(
    byRegion.map((v) => v / industry),
    (totals as number[]).map((v) => v / all),
    sum(z.map((v) => v * v)),
    sum(z.map((v) => v ** 4)),
    e.length,
  );
}

/**
 * The Ellison-Glaeser index from regional data and a given plant Herfindahl (docs/methods.md §7.6): the industry's
 * employment and all employment by region (one entry per region, in the same order) and the industry's plant
 * Herfindahl H, as statistics offices publish it where firm data are confidential (Ellison and Glaeser 1997 used
 * the Census of Manufactures' plant Herfindahls). Without firm data there is no z value. Null when a value is
 * missing or a total is not positive.
 *
 * @example
 * ellisonGlaeserOf({ industry: [12000, 30000, 25000], total: [500000, 400000, 100000], herfindahl: 0.2 })
 */
export function ellisonGlaeserOf(data: {
  industry: readonly Maybe[];
  total: readonly Maybe[];
  herfindahl: number;
}): EllisonGlaeser | null {
  if (data.industry.length !== data.total.length)
    throw new OmvarldError("ARGUMENT", `${data.industry.length} industry values but ${data.total.length} totals`);
  if (!(data.herfindahl >= 0 && data.herfindahl < 1))
    throw new OmvarldError("ARGUMENT", `a plant Herfindahl lies in [0, 1), got ${data.herfindahl}`);
  if (!data.industry.every(known) || !data.total.every(known)) return null;
  const e = data.industry as number[];
  const t = data.total as number[];
  const industry = sum(e);
  const all = sum(t);
  if (!(industry > 0) || !(all > 0)) return null;
  return index(
    e.map((v) => v / industry),
    t.map((v) => v / all),
    data.herfindahl,
    null,
    null,
  );
}

/**
 * The Ellison-Glaeser index of every industry of a firm table (docs/methods.md §7.6; REAT's `ellison.a2`): one row
 * per firm with `industry`, `region` and its employment (the table's measure, or `value`). A region's total
 * employment is, by default, the sum over every firm of the table (as REAT's `ellison.a2`); `total` names a
 * column that holds the region's total employment instead (repeated on each firm's row). Columns: `industry`,
 * `firms`, `employment`, `herfindahl`, `G`, `gamma`, `z`, `note`.
 */
export function agglomeration(table: Table, options: { value?: string; total?: string } = {}): Table {
  const value = measureOf(options.total === undefined ? table : table.drop(options.total), options.value);
  for (const c of ["industry", "region"])
    if (!table.has(c))
      throw new OmvarldError(
        "ARGUMENT",
        `a firm table needs an "${c}" column`,
        {},
        `it has ${table.columnNames.join(", ")}`,
      );
  // per industry: firms, employment, Herfindahl and Σ z⁴ (a missing firm size makes them null)
  const industries = table.groupBy(["industry"]).aggregate({
    firms: { count: value },
    employment: { sum: value },
    herfindahl: { reduce: value, with: (v) => powerShare(v, 2) },
    z4: { reduce: value, with: (v) => powerShare(v, 4) },
  });
  // every region's total employment, and its share x_r
  const totals =
    options.total === undefined
      ? table.groupBy(["region"]).sum(value)
      : table
          .groupBy(["region"])
          .first(options.total)
          .rename({ [options.total]: value });
  const slot = new Map<string, number>();
  const x: number[] = [];
  for (let r = 0; r < totals.numRows; r++) {
    slot.set(String(totals.get("region", r)), r);
    x.push((totals.get(value, r) as number | null) ?? NaN);
  }
  const all = sum(x);
  const complete = Number.isFinite(all) && all > 0;
  // the industry's employment by region, s_r before division
  const shares = new Map<string, number[]>();
  const cells = table.groupBy(["industry", "region"]).sum(value);
  for (let c = 0; c < cells.numRows; c++) {
    const industry = String(cells.get("industry", c));
    const s = shares.get(industry) ?? shares.set(industry, new Array<number>(x.length).fill(0)).get(industry)!;
    s[slot.get(String(cells.get("region", c)))!] = (cells.get(value, c) as number | null) ?? NaN;
  }
  const rows = [];
  for (let i = 0; i < industries.numRows; i++) {
    const industry = String(industries.get("industry", i));
    const E = industries.get("employment", i) as number | null;
    const H = industries.get("herfindahl", i) as number | null;
    const result =
      E === null || H === null || !complete || !(E > 0)
        ? null
        : index(
            shares.get(industry)!.map((v) => v / E),
            x.map((v) => v / all),
            H,
            industries.get("z4", i) as number,
            industries.get("firms", i) as number,
          );
    rows.push({
      industry,
      firms: industries.get("firms", i) as number,
      employment: E,
      herfindahl: H,
      G: result?.G ?? null,
      gamma: result?.gamma ?? null,
      z: result?.z ?? null,
      note: result
        ? null
        : E === null || H === null
          ? "a firm's employment is missing"
          : !complete
            ? "a region's total is missing"
            : "no employment",
    });
  }
  return toTable(rows, ["industry"], table.provenance);
}

/** Σ (v_k / Σv)^power: the Herfindahl (power 2) and Σ z⁴ (power 4) of one industry's firms. */
function powerShare(v: Float64Array, power: number): number | null {
  let total = 0;
  for (const x of v) total += x;
  if (!(total > 0)) return null;
  let s = 0;
  for (const x of v) s += (x / total) ** power;
  return s;
}
