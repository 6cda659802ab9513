import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { parseAgeBand } from "./ages.ts";
import { type Sex, sexOf } from "../../io/sex.ts";

/** The tables a kommun projection is made from, as `recognise()` gives them. */
export interface ProjectionInput {
  /** region, year, sex ("female"/"male"), age ("0" … "100+"), value; several tables (e.g. one per file) are read as one. */
  population: Table | readonly Table[];
  /** When the population is counted: SCB 31 December ("end"), SSB 1 January ("start"). */
  reference: "start" | "end";
  /** region, year, value [, sex] [, age = the mother's age]. */
  births?: Table | readonly Table[];
  /** region, year, value [, sex] [, age: single years "0" … "100+", or groups such as "0-64", "80+"]. */
  deaths?: Table | readonly Table[];
}

/** Deaths in one age band of one sex (null: both sexes), single ages when from = to. */
export interface DeathBand {
  sex: Sex | null;
  from: number;
  to: number;
  value: number;
}

export interface BirthCount {
  total: number;
  female: number | null;
  male: number | null;
  /** By the mother's age 0 … maxAge, where the table has it. */
  byAge: Float64Array | null;
}

/**
 * The tables as arrays, read once (a back-test projects every kommun from the same data). Populations are held at
 * the start of each year: SCB's count on 31 December of t is the start of t + 1. A population array holds the
 * women's ages 0 … maxAge, then the men's.
 */
export interface ProjectionData {
  maxAge: number;
  reference: "start" | "end";
  regions: string[];
  names: Map<string, string>;
  /** "pseudo" for SSB's 21-22, 23 and Rest (see `region_kind`), else "kommune". */
  kinds: Map<string, string>;
  population: Map<string, Map<number, Float64Array>>;
  births: Map<string, Map<number, BirthCount>>;
  deaths: Map<string, Map<number, DeathBand[]>>;
  /** The finest age detail of the deaths and births. */
  deathDetail: "single-age" | "age-groups" | "sex-totals" | "totals" | "none";
  birthDetail: "mother-age" | "by-sex" | "total" | "none";
  files: { population?: string; births?: string; deaths?: string };
}

/**
 * Reads the tables into arrays by region and year. Rows that repeat a key (e.g. the months of SSB 12983) are
 * summed; totals over sex or age are left out (`recognise()` has checked them); ages above maxAge go to the open
 * age. Missing values are errors in the population and skipped in events.
 *
 * @example
 * const data = prepareProjectionData({ population, reference: "end", deaths });
 * projectMunicipality(data, { region: "2021", horizon: 2040 });
 */
export function prepareProjectionData(input: ProjectionInput, maxAge = 100): ProjectionData {
  const labels = labelReaders(maxAge);
  const shift = input.reference === "end" ? 1 : 0;
  const { population, names, kinds } = readPopulation(list(input.population), maxAge, shift, labels);
  const { births, birthDetail } = readBirths(list(input.births), maxAge, labels);
  const { deaths, deathDetail } = readDeaths(list(input.deaths), maxAge, labels);
  const files: ProjectionData["files"] = {};
  if (fileOf(input.population)) files.population = fileOf(input.population);
  if (fileOf(input.births)) files.births = fileOf(input.births);
  if (fileOf(input.deaths)) files.deaths = fileOf(input.deaths);
  return {
    maxAge,
    reference: input.reference,
    regions: [...population.keys()],
    names,
    kinds,
    population,
    births,
    deaths,
    deathDetail,
    birthDetail,
    files,
  };
}

/** One table or several as a list. */
function list(t: Table | readonly Table[] | undefined): readonly Table[] {
  return t === undefined ? [] : Array.isArray(t) ? t : [t as Table];
}

/** The files the tables were read from, joined by ", " ("" for none). */
function fileOf(t: Table | readonly Table[] | undefined): string {
  return list(t)
    .map((x) => x.provenance.file)
    .filter((f): f is string => !!f)
    .join(", ");
}

/** Sex and single-age labels read once each (a table repeats them on every row). */
interface LabelReaders {
  sexOf: (label: unknown) => Sex | null;
  /** The index of a single age ("7", "100+", an open group at maxAge or above), null for a group or a total. */
  ageIndex: (label: string) => number | null;
}

/** Cached label readers: ages above maxAge go to the open age; an open group below it cannot be placed (null). */
function labelReaders(A: number): LabelReaders {
  const sexCache = new Map<unknown, Sex | null>();
  const sexOfCached = (label: unknown): Sex | null => {
    let s = sexCache.get(label);
    if (s === undefined) sexCache.set(label, (s = sexOf(label)));
    return s;
  };
  const ageCache = new Map<string, number | null>();
  const ageIndex = (label: string): number | null => {
    let a = ageCache.get(label);
    if (a === undefined) {
      const band = parseAgeBand(label);
      a = band && (band.from === band.to || (band.to === Infinity && band.from >= 1)) ? Math.min(band.from, A) : null;
      if (band && band.to === Infinity && band.from < A) a = null; // an open group below the open age cannot be placed
      ageCache.set(label, a);
    }
    return a;
  };
  return { sexOf: sexOfCached, ageIndex };
}

/** A missing population value: an error if its region has other values that year. */
interface PopulationGap {
  region: string;
  year: number;
  sex: Sex;
  age: string;
  file: string | undefined;
}

/**
 * The population by region and year (at the start of the year: year + shift), women's ages then men's, with the
 * regions' names and kinds. Repeated keys are summed; a value missing inside a year the region has is an error.
 */
function readPopulation(
  tables: readonly Table[],
  A: number,
  shift: number,
  labels: LabelReaders,
): Pick<ProjectionData, "population" | "names" | "kinds"> {
  const population = new Map<string, Map<number, Float64Array>>();
  const names = new Map<string, string>();
  const kinds = new Map<string, string>();
  const missing = new Map<string, PopulationGap>();
  for (const pop of tables) {
    checkPopulationColumns(pop);
    const value = valueOf(pop);
    const rows = columns(pop, ["region", "year", "sex", "age", value, "region_name", "region_kind"]);
    for (let i = 0; i < pop.numRows; i++) {
      const region = str(rows.region!(i));
      const sex = labels.sexOf(rows.sex!(i));
      const age = labels.ageIndex(String(rows.age!(i)));
      if (region === null || sex === null || age === null) continue;
      const year = Number(rows.year!(i)) + shift;
      const v = rows[value]!(i);
      if (v === null) {
        // a year the region lacks altogether (a kommun before it existed) is left out; a gap inside a year is an error
        const label = String(rows.age!(i));
        missing.set(`${region}|${year}`, { region, year: year - shift, sex, age: label, file: pop.provenance.file });
        continue;
      }
      let byYear = population.get(region);
      if (!byYear) {
        population.set(region, (byYear = new Map()));
        const name = rows.region_name?.(i);
        if (name) names.set(region, String(name));
        kinds.set(region, String(rows.region_kind?.(i) ?? "kommune"));
      }
      let arr = byYear.get(year);
      if (!arr) byYear.set(year, (arr = new Float64Array(2 * (A + 1))));
      arr[(sex === "female" ? 0 : A + 1) + age]! += Number(v);
    }
  }
  for (const gap of missing.values()) {
    if (population.get(gap.region)?.has(gap.year + shift))
      throw new OmvarldError(
        "SCHEMA",
        `the population of ${gap.region} lacks a value for ${gap.year}, ${gap.sex}, age ${gap.age}`,
        { file: gap.file },
        "a projection needs every sex and age of a year",
      );
  }
  return { population, names, kinds };
}

/** Throws unless the population table has the columns region, year, sex and age. */
function checkPopulationColumns(pop: Table): void {
  for (const c of ["region", "year", "sex", "age"]) {
    if (!pop.has(c))
      throw new OmvarldError(
        "SCHEMA",
        `the population table has no ${c} column`,
        { file: pop.provenance.file },
        "the projection needs population by region, year, sex and single year of age",
      );
  }
}

/**
 * Births by region and calendar year: the total, by the child's sex and by the mother's single age, as far as the
 * table gives them (the detail is the last table's).
 */
function readBirths(
  tables: readonly Table[],
  A: number,
  labels: LabelReaders,
): Pick<ProjectionData, "births" | "birthDetail"> {
  const births = new Map<string, Map<number, BirthCount>>();
  let birthDetail: ProjectionData["birthDetail"] = "none";
  for (const t of tables) {
    const v = valueOf(t);
    const r = columns(t, ["region", "year", "sex", "age", v]);
    const byAge =
      t.has("age") &&
      (t.distinct("age") as (string | null)[]).some((a) => a !== null && labels.ageIndex(String(a)) !== null);
    const bySex = t.has("sex") && (t.distinct("sex") as (string | null)[]).some((s) => sexOf(s) !== null);
    birthDetail = byAge ? "mother-age" : bySex ? "by-sex" : "total";
    for (let i = 0; i < t.numRows; i++) {
      const region = str(r.region!(i));
      const x = r[v]!(i);
      if (region === null || x === null) continue;
      const sex = bySex ? labels.sexOf(r.sex!(i)) : null;
      if (bySex && sex === null) continue;
      const age = byAge ? labels.ageIndex(String(r.age!(i))) : null;
      if (byAge && age === null) continue;
      const year = Number(r.year!(i));
      let byYear = births.get(region);
      if (!byYear) births.set(region, (byYear = new Map()));
      let b = byYear.get(year);
      if (!b)
        byYear.set(
          year,
          (b = {
            total: 0,
            female: bySex ? 0 : null,
            male: bySex ? 0 : null,
            byAge: byAge ? new Float64Array(A + 1) : null,
          }),
        );
      b.total += Number(x);
      if (sex) b[sex] = (b[sex] ?? 0) + Number(x);
      if (age !== null) b.byAge![age]! += Number(x);
    }
  }
  return { births, birthDetail };
}

/** An age band from its label, ages above maxAge at the open age; null for a label that is no band. */
type BandOf = (label: string) => { from: number; to: number } | null;

/**
 * Deaths by region and calendar year as bands of sex × age: the table's finest age partition (bands holding
 * another band are totals and left out), one band 0 … maxAge without ages. Repeated keys are summed; the detail is
 * the last table's.
 */
function readDeaths(
  tables: readonly Table[],
  A: number,
  labels: LabelReaders,
): Pick<ProjectionData, "deaths" | "deathDetail"> {
  let deathDetail: ProjectionData["deathDetail"] = "none";
  const index = new Map<string, Map<number, Map<number, DeathBand>>>();
  for (const t of tables) {
    const v = valueOf(t);
    const r = columns(t, ["region", "year", "sex", "age", v]);
    const bySex = t.has("sex") && (t.distinct("sex") as (string | null)[]).some((s) => sexOf(s) !== null);
    const bandOf = bandReader(A);
    const finest = finestBands(t, bandOf);
    const keep = new Set(finest);
    deathDetail =
      finest.length === 0
        ? bySex
          ? "sex-totals"
          : "totals"
        : finest.every((l) => bandOf(l)!.from === bandOf(l)!.to || bandOf(l)!.from === A)
          ? "single-age"
          : "age-groups";
    for (let i = 0; i < t.numRows; i++) {
      const region = str(r.region!(i));
      const x = r[v]!(i);
      if (region === null || x === null) continue;
      const sex = bySex ? labels.sexOf(r.sex!(i)) : null;
      if (bySex && sex === null) continue;
      let band = { from: 0, to: A };
      if (finest.length > 0) {
        const label = String(r.age!(i));
        if (!keep.has(label)) continue;
        band = bandOf(label)!;
      }
      addDeaths(index, region, Number(r.year!(i)), sex, band, Number(x));
    }
  }
  const deaths = new Map<string, Map<number, DeathBand[]>>();
  for (const [region, byYear] of index)
    deaths.set(region, new Map([...byYear].map(([year, cells]) => [year, [...cells.values()]])));
  return { deaths, deathDetail };
}

/** A cached reader of age bands, ages above A at A. */
function bandReader(A: number): BandOf {
  const bands = new Map<string, { from: number; to: number } | null>();
  return (label) => {
    if (!bands.has(label)) {
      const b = parseAgeBand(label);
      bands.set(label, b ? { from: Math.min(b.from, A), to: Math.min(b.to, A) } : null);
    }
    return bands.get(label)!;
  };
}

/** The table's age labels of the finest partition: bands that contain another band are totals. */
function finestBands(t: Table, bandOf: BandOf): string[] {
  const labels = t.has("age")
    ? (t.distinct("age") as (string | null)[]).filter((a): a is string => a !== null && bandOf(a) !== null)
    : [];
  return labels.filter(
    (l) =>
      !labels.some(
        (o) =>
          o !== l &&
          bandOf(o)!.from >= bandOf(l)!.from &&
          bandOf(o)!.to <= bandOf(l)!.to &&
          (bandOf(o)!.from !== bandOf(l)!.from || bandOf(o)!.to !== bandOf(l)!.to),
      ),
  );
}

/** Adds `value` deaths to the cell of region, year, sex and band (summing rows that repeat a key). */
function addDeaths(
  index: Map<string, Map<number, Map<number, DeathBand>>>,
  region: string,
  year: number,
  sex: Sex | null,
  band: { from: number; to: number },
  value: number,
): void {
  let byYear = index.get(region);
  if (!byYear) index.set(region, (byYear = new Map()));
  let cells = byYear.get(year);
  if (!cells) byYear.set(year, (cells = new Map()));
  const key = ((sex === null ? 0 : sex === "female" ? 1 : 2) * 1000 + band.from) * 1000 + band.to;
  let d = cells.get(key);
  if (!d) cells.set(key, (d = { sex, from: band.from, to: band.to, value: 0 }));
  d.value += value;
}

/** Region codes are strings everywhere. */
function str(v: string | number | null): string | null {
  return v === null ? null : String(v);
}

/** The value column: "value", else the only measure. */
function valueOf(t: Table): string {
  if (t.has("value")) return "value";
  const m = t.names("measure");
  if (m.length !== 1)
    throw new OmvarldError(
      "SCHEMA",
      `cannot tell which column holds the counts (${m.join(", ") || "no measure"})`,
      { file: t.provenance.file },
      'name the count column "value"',
    );
  return m[0]!;
}

/** Fast row accessors for the named columns the table has. */
function columns(
  t: Table,
  names: readonly string[],
): Record<string, ((i: number) => string | number | null) | undefined> {
  const out: Record<string, ((i: number) => string | number | null) | undefined> = {};
  for (const n of names) {
    if (!t.has(n)) continue;
    const c = t.column(n);
    out[n] = (i: number) => c.get(i);
  }
  return out;
}
