import type { CommutingYear } from "../commuting/structure.ts";
import { neighbourGrowth } from "../commuting/structure.ts";
import type { RegisteredMigration } from "./net-migration.ts";
import type { PanelRow } from "./panel.ts";

/** The regressors of the model, in the order of the regression's coefficients after the intercept. */
export const RESIDENTIAL_TERMS = [
  "own_jobs_0",
  "own_jobs_1",
  "own_jobs_2",
  "neighbour_jobs",
  "size",
  "integration",
] as const;

/** One regressor of the residential model. */
export type ResidentialTerm = (typeof RESIDENTIAL_TERMS)[number];

/** One region-year of the residential model: its dependent variable (`rnm`) and regressors (`x`). */
export interface ResidentialObservation {
  region: string;
  year: number;
  row: PanelRow;
  growth: number;
  naturalIncrease: number;
  /** Whether growth and natural increase come from the agencies' counts (else from the panel). */
  registered: boolean;
  rnm: number;
  outShare: number;
  x: Record<ResidentialTerm, number>;
}

/** What the observations are made from, besides the year. */
export interface ObservationInputs {
  panel: Map<string, Map<number, PanelRow>>;
  jobs: (r: PanelRow) => number | null;
  national: Map<number, number>;
  commuting: ((year: number) => CommutingYear) | null;
  registered: RegisteredMigration | null;
}

/**
 * National jobs by year: Σ_r J_{r,t}; for the growth from t−1 to t only regions with both years count.
 * Returns the national growth factor J^N_t / J^N_{t−1} by year.
 */
export function nationalJobFactors(
  panel: Map<string, Map<number, PanelRow>>,
  jobs: (r: PanelRow) => number | null,
): Map<number, number> {
  const years = new Set<number>();
  for (const s of panel.values()) for (const y of s.keys()) years.add(y);
  const out = new Map<number, number>();
  for (const year of years) {
    let now = 0;
    let before = 0;
    for (const s of panel.values()) {
      const a = s.get(year);
      const b = s.get(year - 1);
      const j1 = a ? jobs(a) : null;
      const j0 = b ? jobs(b) : null;
      if (j1 === null || j0 === null) continue;
      now += j1;
      before += j0;
    }
    if (before > 0) out.set(year, now / before);
  }
  return out;
}

/**
 * Own job growth relative to the country's, in percent of the population, for year t − lag:
 *
 *     JG_l(r,t) = 100·(J_{r,t−l} − J_{r,t−l−1}·J^N_{t−l}/J^N_{t−l−1}) / P_{r,t−l}
 *
 * the jobs the region gained beyond what the national growth rate would have given it, per 100 inhabitants.
 * With `national` omitted the growth is absolute: 100·(J_{t−l} − J_{t−l−1})/P_{t−l}.
 */
export function ownJobGrowth(
  series: Map<number, PanelRow>,
  year: number,
  jobs: (r: PanelRow) => number | null,
  lag = 0,
  national?: Map<number, number>,
): number | null {
  const t = year - lag;
  const now = series.get(t);
  const before = series.get(t - 1);
  const j1 = now ? jobs(now) : null;
  const j0 = before ? jobs(before) : null;
  const p = now?.population ?? null;
  const factor = national ? (national.get(t) ?? null) : 1;
  if (j1 === null || j0 === null || p === null || p <= 0 || factor === null) return null;
  return (100 * (j1 - j0 * factor)) / p;
}

/**
 * The observations of the years `from` … `to`, size centred on each year's cross-section and integration on the
 * mean over all of them (a structural property). Why a region-year is left out goes to `notesByKey` ("region|year").
 */
export function residentialObservations(
  inputs: ObservationInputs,
  from: number,
  to: number,
  notesByKey: Map<string, string>,
): ResidentialObservation[] {
  const observations: ResidentialObservation[] = [];
  for (let year = from; year <= to; year++) observations.push(...yearObservations(inputs, year, notesByKey));
  if (inputs.commuting && observations.length) {
    const meanAmi = observations.reduce((s, o) => s + o.x.integration, 0) / observations.length;
    for (const o of observations) o.x.integration -= meanAmi;
  }
  return observations;
}

/** One year's observations, size centred on the year's mean of log population. */
function yearObservations(
  inputs: ObservationInputs,
  year: number,
  notesByKey: Map<string, string>,
): ResidentialObservation[] {
  const { jg, jgSum } = yearJobGrowth(inputs, year);
  const structure = inputs.commuting?.(year) ?? null;
  const inYear: ResidentialObservation[] = [];
  for (const [region, series] of inputs.panel) {
    const row = series.get(year);
    if (!row) continue;
    const o = observe(inputs, region, year, row, jg.get(region) ?? null, jgSum, structure);
    if (typeof o === "string") notesByKey.set(`${region}|${year}`, o);
    else inYear.push(o);
  }
  const meanSize = inYear.reduce((s, o) => s + o.x.size, 0) / Math.max(1, inYear.length);
  for (const o of inYear) o.x.size -= meanSize;
  return inYear;
}

/** Each region's own job growth of the year and the two before (null where one is unknown), and their sum. */
function yearJobGrowth(
  inputs: ObservationInputs,
  year: number,
): { jg: Map<string, [number, number, number] | null>; jgSum: Map<string, number | null> } {
  const jg = new Map<string, [number, number, number] | null>();
  const jgSum = new Map<string, number | null>();
  for (const [region, series] of inputs.panel) {
    const parts = [0, 1, 2].map((l) => ownJobGrowth(series, year, inputs.jobs, l, inputs.national));
    const known = parts.some((p) => p === null) ? null : (parts as [number, number, number]);
    jg.set(region, known);
    jgSum.set(region, known ? known[0] + known[1] + known[2] : null);
  }
  return { jg, jgSum };
}

/**
 * One region-year's observation (size not yet centred), or why it cannot be one: registered net migration where
 * the counts give it, else the panel's own components; RNM = growth − natural increase − national immigration.
 */
function observe(
  inputs: ObservationInputs,
  region: string,
  year: number,
  row: PanelRow,
  own: [number, number, number] | null,
  jgSum: Map<string, number | null>,
  structure: CommutingYear | null,
): ResidentialObservation | string {
  const counted = inputs.registered?.years.get(`${region}|${year}`);
  const growth = counted ? (100 * (counted.nextPopulation - counted.population)) / counted.population : row.growth;
  const naturalIncrease = counted
    ? (100 * (counted.births - counted.deaths)) / counted.population
    : row.naturalIncrease;
  if (
    growth === null ||
    naturalIncrease === null ||
    row.nationalImmigration === null ||
    row.population === null ||
    row.population <= 0
  )
    return "population, its growth or its components are missing";
  if (own === null) return `jobs or population missing in ${year - 3}-${year}`;
  let nb: number | null = 0;
  let ami = 0;
  if (structure) {
    const share = structure.outShare.get(region);
    if (share === undefined) return "not in the commuting matrix";
    ami = share;
    nb = neighbourGrowth(structure, region, jgSum);
    if (nb === null) return "job growth of a place the residents work in is missing";
  }
  return {
    region,
    year,
    row,
    growth,
    naturalIncrease,
    registered: counted !== undefined,
    rnm: growth - naturalIncrease - row.nationalImmigration,
    outShare: ami,
    x: {
      own_jobs_0: own[0],
      own_jobs_1: own[1],
      own_jobs_2: own[2],
      neighbour_jobs: nb,
      size: Math.log(row.population),
      integration: ami,
    },
  };
}
