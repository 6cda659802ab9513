import { OmvarldError } from "../errors.ts";
import type { Table } from "../table/table.ts";
import { concatTables } from "../table/verbs/concat.ts";
import { isAllAges, parseAgeBand } from "./ages.ts";
import { COMPONENT_ALIASES } from "./canonical.ts";
import { commutingStockOf } from "./commuting.ts";
import { isBothSexes, sexOf } from "./sex.ts";

/** What a table holds, whatever the agency, language and layout. */
export type DatasetKind =
  | "population"
  | "births"
  | "deaths"
  | "population-change"
  | "commuting"
  | "commuting-stocks"
  | "employment"
  | "gdp"
  | "attractiveness-panel"
  | "other";

export interface Recognised {
  kind: DatasetKind;
  /**
   * The table in canonical form. Population, births and deaths: `region` (with `region_name`, `region_kind` where
   * given), `year`, `sex` ("female" | "male", absent where the table has both sexes only), `age` ("0" … "99",
   * "100+", or groups such as "0-64", "80+"; absent where the table has all ages only), `month` where given, and
   * `value`. Totals of sex and age are left out after checking that they equal the sum of their parts.
   * Other kinds: the table as read.
   */
  table: Table;
  /** Population: counted at the start (1 January) or the end (31 December) of `year`. */
  reference?: "start" | "end";
  /** What was done to the table, in words (totals checked and left out, months kept, ...). */
  notes: string[];
}

/** Words that name what a table counts, in Swedish, Norwegian and English; the first that matches wins. */
const MEANINGS: readonly [DatasetKind, RegExp][] = [
  ["births", /\b(live births|births|levendefødte|fødte|födda|levande födda)\b/i],
  ["deaths", /\b(deaths|døde|dødsfall|döda|avlidna)\b/i],
  ["commuting", /pendl|commut/i],
  ["employment", /sysselsatt|employ|förvärvsarbet|\bjobs\b|arbeidsplasser|arbetstillfällen|dagbefolkning/i],
  ["population", /population|folkmängd|folkemengde|befolkning|\bpersons\b|\bpersoner\b|innbyggere|invånare/i],
];

/**
 * Recognises what a table holds — population by age and sex, births, deaths, components of change, commuting
 * flows or stocks, employment, GDP, Telemarksforsking's panel — from its title, its contents and its columns, and
 * puts population, births and deaths into one canonical form (see `Recognised.table`), so that SCB's and SSB's own
 * tables in any language and layout feed the same pipelines.
 *
 * @example
 * const { kind, table, reference } = recognise(read("data/scb/…__scb-pop__p1819.xlsx"));
 * kind;      // "population"
 * reference; // "end" (SCB counts on 31 December)
 * table.filter({ region: "2021", sex: "male", age: "0", year: 2018 }).get("value", 0); // 27
 */
export function recognise(table: Table): Recognised {
  const kind = kindOf(table);
  if (kind !== "population" && kind !== "births" && kind !== "deaths") return { kind, table, notes: [] };
  const notes: string[] = [];
  const canonical = canonicalCounts(table, notes);
  return kind === "population"
    ? { kind, table: canonical, reference: referenceOf(table), notes }
    : { kind, table: canonical, notes };
}

/**
 * What a table holds, from its title, contents and columns, without changing it (see `recognise`).
 *
 * @example
 * kindOf(read("data/ssb/…__no-b7221.csv")) // "births"
 */
export function kindOf(table: Table): DatasetKind {
  if (table.has("level") && table.has("code") && table.has("private_jobs")) return "attractiveness-panel";
  if (table.has("origin") && table.has("destination")) return "commuting";
  const labels = table.has("contents_name") ? "contents_name" : "contents";
  const contents = table.has(labels) ? (table.distinct(labels).filter((c) => c !== null) as string[]) : [];
  const components = contents.filter((c) => COMPONENT_ALIASES[c.trim().toLowerCase()] !== undefined);
  if (components.length >= 2) return "population-change";
  if (contents.some((c) => commutingStockOf(c) !== null) && contents.length > 1) return "commuting-stocks";
  if (table.has("unit") && !table.has("age") && (table.distinct("unit") as string[]).includes("EUR_HAB")) return "gdp";
  const words = [
    table.provenance.measure,
    table.provenance.title,
    ...(contents.length === 1 ? contents : []),
    ...table.names("measure"),
  ]
    .filter((w): w is string => typeof w === "string")
    .join(" | ");
  return (
    MEANINGS.find(([, re]) => re.test(words))?.[0] ??
    (table.has("age") && table.has("sex") && table.has("region") ? "population" : "other")
  );
}

/** SCB counts the population on 31 December, SSB and Eurostat on 1 January; the footnotes or the title may say. */
function referenceOf(table: Table): "start" | "end" {
  const text = [table.provenance.title, ...(table.provenance.footnotes ?? [])].join(" ");
  if (/31 december|december 31|31\.12|31 dec/i.test(text)) return "end";
  if (/1 january|1\. januar|1 januari|january 1|01\.01|1 jan/i.test(text)) return "start";
  return table.provenance.source === "SCB" || /^(BE0101|TAB638|000003O5)/.test(table.provenance.tableId ?? "")
    ? "end"
    : "start";
}

const UNKNOWN_AGE = /^(unk|unknown|uoppgitt|okänd|okänd ålder|uoppgitt alder)$/i;

/** Counts by region, year, sex and age in canonical labels, with totals checked against their parts and left out. */
function canonicalCounts(table: Table, notes: string[]): Table {
  const file = table.provenance.file;
  let t = table;
  const measures = t.names("measure").filter((m) => m !== "value");
  if (!t.has("value")) {
    if (measures.length !== 1)
      throw new OmvarldError(
        "SCHEMA",
        `cannot tell which column holds the counts (${t.names("measure").join(", ") || "none"})`,
        { file },
        "rename it to value",
      );
    t = t.rename({ [measures[0]!]: "value" });
  }
  if (t.has("status")) t = t.drop("status");
  if (t.has("contents")) {
    const labels = t.distinct("contents");
    if (labels.length > 1)
      throw new OmvarldError(
        "SCHEMA",
        `the table holds several contents (${labels.slice(0, 3).join(", ")}); filter it to one`,
        { file },
        'table.filter({ contents: "…" })',
      );
    t = t.drop("contents");
  }
  // JSON-stat and PX keep codes and labels ("1" and "män"): the canonical label replaces both
  for (const dim of ["sex", "age", "contents"]) if (t.has(`${dim}_name`)) t = t.drop(`${dim}_name`);
  if (t.has("sex")) {
    const column = t.strings("sex");
    const unknown = column.dictionary.find((d) => sexOf(d) === null && !isBothSexes(d));
    if (unknown !== undefined)
      throw new OmvarldError(
        "SCHEMA",
        `sex "${unknown}" is neither women, men nor both`,
        { file },
        'expected labels such as "men"/"women", "Males"/"Females", "Boys"/"Girls", "1"/"2", "Both sexes"',
      );
    t = t.withColumn(
      "sex",
      column.mapValues((d) => sexOf(d) ?? "total"),
      "dimension",
    );
    t = dropTotal(t, "sex", "total", notes);
  }
  if (t.has("age")) {
    const column = t.strings("age");
    const unknown = column.dictionary.find((d) => parseAgeBand(d) === null && !isAllAges(d) && !UNKNOWN_AGE.test(d));
    if (unknown !== undefined)
      throw new OmvarldError(
        "SCHEMA",
        `age "${unknown}" is neither an age, an age group nor all ages`,
        { file },
        'expected labels such as "0 years", "100+", "65-79 år", "Total"',
      );
    t = t.withColumn(
      "age",
      column.mapValues((d) => {
        const band = parseAgeBand(d);
        if (band === null && UNKNOWN_AGE.test(d)) return "unknown";
        return band === null
          ? "total"
          : band.to === Infinity
            ? `${band.from}+`
            : band.from === band.to
              ? String(band.from)
              : `${band.from}-${band.to}`;
      }),
      "dimension",
    );
    t = dropTotal(t, "age", "total", notes);
  }
  return t;
}

/**
 * Leaves out the rows where `dim` is `total` after checking, for every key, that the total equals the sum of the
 * parts (within 0.1 % or 2, for agencies' rounding); where it does not, the table gets a warning that counts the
 * cells and names the first. A table with only totals loses the column instead.
 */
function dropTotal(t: Table, dim: string, total: string, notes: string[]): Table {
  const labels = t.distinct(dim);
  if (!labels.includes(total)) return t;
  if (labels.length === 1) {
    notes.push(`${dim}: only the total is given`);
    return t.drop(dim);
  }
  // labels beside codes (region_name, sex_name, …) and flags are no keys of their own
  const keys = t.names("dimension").filter((d) => d !== dim && !d.endsWith("_name") && d !== "region_kind");
  const parts = t
    .filter({ [dim]: (v: unknown) => v !== total })
    .groupBy(keys)
    .sum("value", { missing: "propagate" });
  const totals = t.filter({ [dim]: total }).select(...keys, "value");
  const joined = totals.join(parts.rename({ value: "parts" }), { on: keys });
  const got = joined.numbers("value").values;
  const expected = joined.numbers("parts").values;
  let mismatches = 0;
  let first = "";
  for (let i = 0; i < joined.numRows; i++) {
    const g = got[i]!;
    const e = expected[i]!;
    if (Number.isNaN(g) || Number.isNaN(e) || Math.abs(e - g) <= Math.max(2, 0.001 * Math.abs(g))) continue;
    if (mismatches++ === 0) first = `${keys.map((k) => `${k} ${joined.get(k, i)}`).join(", ")}: total ${g}, parts ${e}`;
  }
  if (mismatches > 0) {
    // the agencies' totals can hold what no part does (unknown sex or age); the parts are kept and the user told
    const warning = `the ${dim} total differs from the sum of its parts in ${mismatches} of ${totals.numRows} cells (first: ${first}); the parts were kept and the total left out`;
    notes.push(warning);
    return t.filter({ [dim]: (v: unknown) => v !== total }).withWarnings(warning);
  }
  notes.push(`${dim}: the total equals the sum of the parts and was left out`);
  return t.filter({ [dim]: (v: unknown) => v !== total });
}

/**
 * Joins tables of one kind into one: stacks them (SSB splits table 12983 into January-June and July-December
 * files; SCB's population comes two years a file) and, where the counts are by month, sums the months to years.
 * A year is kept only where all twelve months are there and none is an unpublished month (SSB writes those as 0
 * in every region); the years left out are named in the notes.
 *
 * @example
 * const deaths = combineRecognised([recognise(read(janJun)), recognise(read(julDec))]);
 */
export function combineRecognised(parts: readonly Recognised[]): Recognised {
  if (parts.length === 0) throw new OmvarldError("ARGUMENT", "nothing to combine");
  const kind = parts[0]!.kind;
  const other = parts.find((p) => p.kind !== kind);
  if (other)
    throw new OmvarldError("ARGUMENT", `cannot combine ${kind} with ${other.kind}`, {
      file: other.table.provenance.file,
    });
  const names = parts[0]!.table.columnNames;
  let table = parts.length === 1 ? parts[0]!.table : concatTables(parts.map((p) => p.table.select(...names)));
  const notes = [...new Set(parts.flatMap((p) => p.notes))];
  if (table.has("month")) table = byYear(table, notes);
  if (parts.length > 1) {
    const files = parts.map((p) => p.table.provenance.file).filter((f): f is string => f !== undefined);
    table = table.withProvenance({ ...(files.length > 0 ? { file: files.join(", ") } : {}) });
  }
  const reference = parts[0]!.reference;
  return { kind, table, ...(reference ? { reference } : {}), notes };
}

/** Months summed to years where all twelve are published (see `combineRecognised`). */
function byYear(table: Table, notes: string[]): Table {
  const months = new Map<number, Map<string, number>>();
  const year = table.numbers("year").values;
  const month = table.strings("month");
  const value = table.numbers("value").values;
  for (let i = 0; i < table.numRows; i++) {
    const m = month.get(i);
    if (m === null) continue;
    const perYear = months.get(year[i]!) ?? new Map<string, number>();
    months.set(year[i]!, perYear);
    perYear.set(m, (perYear.get(m) ?? 0) + (Number.isNaN(value[i]!) ? 0 : value[i]!));
  }
  const complete = [...months].filter(([, m]) => m.size === 12 && [...m.values()].every((v) => v > 0)).map(([y]) => y);
  const dropped = [...months.keys()].filter((y) => !complete.includes(y)).sort((a, b) => a - b);
  if (dropped.length > 0) notes.push(`months: ${dropped.join(", ")} left out (not all twelve months published)`);
  notes.push("months summed to years");
  const keys = table.names("dimension").filter((d) => d !== "month");
  return table.filter({ year: complete }).groupBy(keys).sum("value");
}
