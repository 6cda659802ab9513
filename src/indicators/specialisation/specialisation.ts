import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { denseCodes } from "../util/codes.ts";
import { NumberColumn, StringColumn } from "../../table/column.ts";
import { columnsTable, measureOf, toTable } from "../util/panel.ts";
import { sum } from "../util/stats.ts";
import { gini } from "../inequality/inequality.ts";
import {
  equivalentNumber,
  herfindahl,
  herfindahlNormalised,
  hoover,
  krugman,
  krugmanAgainst,
  locationQuotient,
  relativeDiversity,
  relativeGini,
} from "./indices.ts";
import { additiveLocationQuotient, flq, standardisedLocationQuotients } from "./quotients.ts";

export interface StructureOptions {
  /** The employment measure (default: the table's only measure). */
  value?: string;
  /** Region code of the nation in the table; default: the sum of the regions. */
  national?: string;
  /** The year to use when the table has several. */
  year?: number;
}

export interface SpecialisationOptions extends StructureOptions {
  /**
   * Krugman index against: the nation (default, Σ_i |s_ri − s_Ni|), the aggregate of the other regions
   * ("others", REAT's `krugman.spec`) or the unweighted mean of their shares ("othersMean", `krugman.spec2`).
   */
  krugman?: "nation" | "others" | "othersMean";
  /**
   * Locational Gini: weighted by employment (default; the Lorenz curve of the region's jobs over the nation's)
   * or the unweighted Gini of the region's location quotients ("lq").
   */
  gini?: "weighted" | "lq";
}

interface Matrix {
  regions: string[];
  industries: string[];
  /** e[r][i], 0 where a region has no row for an industry. */
  e: number[][];
  /** e_Ni */
  nation: number[];
  /** Regions with a suppressed (null) cell. */
  suppressed: Map<string, string>;
}

/** A region × industry matrix for one year. */
function matrix(table: Table, options: StructureOptions): Matrix {
  const value = measureOf(table, options.value);
  let t = table;
  if (t.has("year")) {
    const years = options.year === undefined ? (t.distinct("year") as number[]) : [];
    if (options.year !== undefined) t = t.filter({ year: options.year });
    else if (years.length > 1)
      throw new OmvarldError(
        "ARGUMENT",
        `the table has ${years.length} years`,
        {},
        `pass { year: ${Math.max(...years)} }`,
      );
  }
  const region = denseCodes(t, "region");
  const industry = denseCodes(t, "industry", "null");
  const industries = industry.labels as string[];
  const national = options.national === undefined ? -1 : region.labels.indexOf(options.national);
  const regions = region.labels.filter((_, k) => k !== national) as string[];
  const e = regions.map(() => new Array<number>(industries.length).fill(0));
  const nationCells = new Map<number, number>();
  const suppressed = new Map<string, string>();
  const rc = region.codes;
  const ic = industry.codes;
  const values = t.numbers(value).values;
  for (let k = 0; k < rc.length; k++) {
    const v = values[k]!;
    const r = rc[k]!;
    const i = ic[k]!;
    if (r === national) {
      if (Number.isNaN(v))
        throw new OmvarldError("ARGUMENT", `the national value for industry ${industries[i]} is missing`);
      nationCells.set(i, v);
      continue;
    }
    const slot = national >= 0 && r > national ? r - 1 : r;
    if (Number.isNaN(v)) suppressed.set(regions[slot]!, industries[i]!);
    e[slot]![i] = Number.isNaN(v) ? 0 : v;
  }
  const nation =
    options.national === undefined
      ? industries.map((_, i) => e.reduce((s, row) => s + row[i]!, 0))
      : industries.map((_, i) => nationCells.get(i) ?? 0);
  return { regions, industries, e, nation, suppressed };
}

/** A warning when the national totals were summed over regions that have suppressed cells. */
function warnings(m: Matrix, options: StructureOptions): string[] {
  return options.national === undefined && m.suppressed.size > 0
    ? [
        `the national totals are sums over the regions and leave out ${m.suppressed.size} region(s)' suppressed cells; pass { national } for published totals`,
      ]
    : [];
}

/**
 * Location quotients for every region and industry (docs/methods.md §7), as a tidy table: `location_quotient`
 * (e_ri/E_r)/(e_Ni/E_N), `additive_lq` e_ri/e_Ni − E_r/E_N, `standardised_lq` (the industry's z value across the
 * regions, O'Donoghue & Gleave 2004) and `flq` (Flegg's λ·LQ with δ = `delta`, default 0.3).
 */
export function locationQuotients(table: Table, options: StructureOptions & { delta?: number } = {}): Table {
  const m = matrix(table, options);
  const EN = sum(m.nation);
  const R = m.regions.length;
  const I = m.industries.length;
  if (R * I === 0) return toTable([], ["region", "industry"], table.provenance).withWarnings(...warnings(m, options));
  // whole columns, row r·I + i for region r and industry i; NaN is missing
  const employment = new Float64Array(R * I);
  const lqs = new Float64Array(R * I);
  const additive = new Float64Array(R * I);
  const standardised = new Float64Array(R * I).fill(NaN);
  const flqs = new Float64Array(R * I);
  const notes: (string | null)[] = new Array<string | null>(R);
  const delta = options.delta ?? 0.3;
  const nan = (v: number | null | undefined): number => v ?? NaN;
  for (let r = 0; r < R; r++) {
    const region = m.regions[r]!;
    const row = m.e[r]!;
    const Er = sum(row);
    const blocked = m.suppressed.has(region);
    notes[r] = blocked
      ? `a cell of ${region} is suppressed (${m.suppressed.get(region)})`
      : Er <= 0
        ? "no employment"
        : null;
    for (let i = 0; i < I; i++) {
      const k = r * I + i;
      const e = row[i]!;
      employment[k] = e;
      const lq = blocked ? null : locationQuotient(e, Er, m.nation[i]!, EN);
      lqs[k] = nan(lq);
      additive[k] = blocked ? NaN : nan(additiveLocationQuotient(e, Er, m.nation[i]!, EN));
      flqs[k] = blocked ? NaN : nan(flq(lq, Er, EN, delta)?.flq);
    }
  }
  // standardised LQ: z values of each industry's LQs across the regions
  const column = new Array<number | null>(R);
  for (let i = 0; i < I; i++) {
    for (let r = 0; r < R; r++) {
      const v = lqs[r * I + i]!;
      column[r] = Number.isNaN(v) ? null : v;
    }
    const z = standardisedLocationQuotients(column);
    for (let r = 0; r < R; r++) standardised[r * I + i] = nan(z[r]);
  }
  const regionCodes = new Int32Array(R * I);
  const industryCodes = new Int32Array(R * I);
  const noteDictionary: string[] = [];
  const noteIndex = new Map<string, number>();
  const noteCodes = new Int32Array(R * I).fill(-1);
  for (let r = 0; r < R; r++) {
    const text = notes[r]!;
    const note =
      text === null ? -1 : (noteIndex.get(text) ?? noteIndex.set(text, noteDictionary.push(text) - 1).get(text)!);
    for (let i = 0; i < I; i++) {
      regionCodes[r * I + i] = m.regions[r] === null ? -1 : r;
      industryCodes[r * I + i] = i;
      noteCodes[r * I + i] = note;
    }
  }
  return columnsTable(
    {
      region: new StringColumn(regionCodes, m.regions),
      industry: new StringColumn(industryCodes, m.industries),
      employment: new NumberColumn(employment),
      location_quotient: new NumberColumn(lqs),
      additive_lq: new NumberColumn(additive),
      standardised_lq: new NumberColumn(standardised),
      flq: new NumberColumn(flqs),
      note: new StringColumn(noteCodes, noteDictionary),
    },
    ["region", "industry"],
    table.provenance,
  ).withWarnings(...warnings(m, options));
}

/**
 * How specialised each region is (docs/methods.md §7): Krugman dissimilarity and Hoover coefficient against the nation,
 * the locational Gini of specialisation, Herfindahl (plain and normalised), its equivalent number of industries,
 * and Duranton-Puga relative diversity. Options choose the Krugman reference and the kind of Gini.
 */
export function specialisation(table: Table, options: SpecialisationOptions = {}): Table {
  const m = matrix(table, options);
  const EN = sum(m.nation);
  const rows = m.regions.map((region, r) => {
    const own = m.e[r]!;
    const blocked = m.suppressed.has(region);
    const f = <T>(x: T) => (blocked ? null : x);
    const others = () => m.e.filter((_, l) => l !== r && !m.suppressed.has(m.regions[l]!));
    const k =
      options.krugman === "others"
        ? krugmanAgainst(own, others(), { reference: "aggregate" })
        : options.krugman === "othersMean"
          ? krugmanAgainst(own, others(), { reference: "mean" })
          : krugman(own, m.nation);
    const Er = sum(own);
    const g =
      options.gini === "lq"
        ? gini({ values: own.map((e, i) => locationQuotient(e, Er, m.nation[i]!, EN)) })
        : relativeGini(own, m.nation);
    return {
      region,
      krugman: f(k),
      hoover: f(hoover(own, m.nation)),
      gini: f(g),
      herfindahl: f(herfindahl(own)),
      herfindahl_normalised: f(herfindahlNormalised(own)),
      equivalent_number: f(equivalentNumber(own)),
      diversity: f(relativeDiversity(own, m.nation)),
      note: blocked ? `a cell is suppressed (${m.suppressed.get(region)})` : null,
    };
  });
  return toTable(rows, ["region"], table.provenance).withWarnings(...warnings(m, options));
}

/**
 * How concentrated each industry is across regions (docs/methods.md §7.3): Hoover concentration
 * ½·Σ_r |e_ri/e_Ni − E_r/E_N| and the locational Gini of the industry's jobs against all jobs by region, or, with
 * `gini: "lq"`, the unweighted Gini of the industry's location quotients across the regions (REAT's `gini.conc`,
 * Farhauer and Kröll 2013), as `specialisation` offers for regions. Regions with suppressed cells are left out,
 * and `note` says so.
 */
export function concentration(table: Table, options: StructureOptions & { gini?: "weighted" | "lq" } = {}): Table {
  const m = matrix(table, options);
  const keep = m.regions.map((r) => !m.suppressed.has(r));
  const totals = m.e.map(sum).filter((_, r) => keep[r]);
  const rows = m.industries.map((industry, i) => {
    const column = m.e.map((row) => row[i]!).filter((_, r) => keep[r]);
    const E = sum(totals);
    const Ei = sum(column);
    return {
      industry,
      hoover: hoover(column, totals),
      gini:
        options.gini === "lq"
          ? gini({ values: column.map((e, r) => locationQuotient(e, totals[r]!, Ei, E)) })
          : relativeGini(column, totals),
      note: keep.every(Boolean) ? null : `${keep.filter((k) => !k).length} region(s) with suppressed cells left out`,
    };
  });
  return toTable(rows, ["industry"], table.provenance);
}
