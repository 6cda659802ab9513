import { OmvarldError } from "../errors.ts";
import { isPseudoRegion, isTotalLabel, parseRegionLabel } from "../regions/labels.ts";
import { type Column, NumberColumn, NumberColumnBuilder, StringColumn, StringColumnBuilder } from "../table/column.ts";
import { type Role, Table } from "../table/table.ts";
import { parsePeriod } from "./dimensions.ts";
import { visible } from "./visible.ts";
import { dropDuplicates } from "./duplicates.ts";
import { checkTotals } from "./totals.ts";
import { repairLostZeros } from "./zeros.ts";
import { missingBeforeExistence } from "./existence.ts";

export interface NormaliseOptions {
  file?: string | undefined;
  /** Source line of a row, for error messages. */
  lineOf?: ((row: number) => number) | undefined;
  /** Source column (1-based) of the region and year columns, for error messages. */
  columnOf?: Readonly<Record<string, number>>;
  /** Labels of region codes (JSON-stat and PX carry them apart from the codes). */
  regionNames?: ReadonlyMap<string, string> | undefined;
  /**
   * For formats whose rows have no line (JSON-stat, PX), where a column's codes are declared: a JSON path that an
   * error message starts with (`JSON-stat dimension.Region.category`), or the line of a keyword (PX `CODES`).
   */
  placeOf?: ((column: string) => { path?: string; line?: number } | undefined) | undefined;
}

/**
 * Puts a freshly read table into the canonical tidy form:
 * - `region`: "0114 Upplands Väsby" → code "0114" plus `region_name`; `K-3421` → "3421"; codes that lost their
 *   leading zeros are padded (with a warning); total rows ("Total", "Summa") are dropped (with a warning).
 * - `year`: "2017" → 2017 (an integer column); "2020K1" → year 2020 plus a `period` column.
 * Other columns pass through. Column order: region, region_name, other dimensions, year, period, measures, status.
 */
export function normalise(table: Table, options: NormaliseOptions = {}): Table {
  const warnings: string[] = [];
  let out = table;
  if (out.has("region") && out.column("region").type === "number") {
    const values = out.numbers("region");
    out = out.withColumn(
      "region",
      StringColumn.from(Array.from(values.values, (v) => (Number.isNaN(v) ? null : String(v)))),
      "dimension",
    );
  }
  // before anything drops rows, so that row numbers still match `lineOf`
  out = dropDuplicates(out, {
    ...options,
    onDrop: (kept) => {
      const lineOf = options.lineOf;
      if (lineOf) options = { ...options, lineOf: (row) => lineOf(kept[row]!) };
    },
  });
  if (out.has("region")) out = declared(options, "region", () => normaliseRegion(out, options, warnings));
  if (out.has("year") && out.column("year").type === "string")
    out = declared(options, "year", () => normaliseYear(out, options));
  const existing = missingBeforeExistence(out);
  if (existing.warning) {
    out = existing.table;
    warnings.push(existing.warning);
  }
  const order = (name: string, role: Role): number =>
    name === "region"
      ? 0
      : name === "region_name"
        ? 1
        : name === "year"
          ? 3
          : name === "period"
            ? 4
            : role === "dimension"
              ? 2
              : role === "measure"
                ? 5
                : 6;
  const names = out.schema
    .map((f, i) => ({ name: f.name, rank: order(f.name, f.role), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.name);
  return out.select(...names).withWarnings(...warnings);
}

/** Runs `run`; an error without a line gets the place where `column`'s codes are declared (see `placeOf`). */
function declared<T>(options: NormaliseOptions, column: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const place = error instanceof OmvarldError && error.line === undefined ? options.placeOf?.(column) : undefined;
    if (!place) throw error;
    const e = error as OmvarldError;
    throw new OmvarldError(
      e.code,
      place.path ? `${place.path}: ${e.message}` : e.message,
      { file: e.file, line: place.line },
      e.hint,
    );
  }
}

function locate(options: NormaliseOptions, row: number, column: string) {
  return { file: options.file, line: options.lineOf?.(row), column: options.columnOf?.[column] };
}

function normaliseRegion(table: Table, options: NormaliseOptions, warnings: string[]): Table {
  const column = table.strings("region");
  const labels = column.dictionary.map((d) => parseRegionLabel(d));
  const totals = column.dictionary.map((d) => isTotalLabel(d));
  const coded = labels.filter((l) => l !== null).length;
  const used = new Uint8Array(column.dictionary.length);
  const rowCodes = column.codes;
  for (let i = 0; i < rowCodes.length; i++) if (rowCodes[i]! >= 0) used[rowCodes[i]!] = 1;
  if (coded < labels.length / 2) {
    warnings.push("the region column holds names, not codes; they are kept as they are");
    return table;
  }
  // a label with no code among coded labels is an error, unless it is a total row
  const bad = column.dictionary.findIndex((_, k) => used[k] && labels[k] === null && !totals[k]);
  if (bad >= 0) {
    const row = column.codes.indexOf(bad);
    throw new OmvarldError(
      "REGION_CODE",
      `region "${visible(column.dictionary[bad]!)}" has no recognisable code`,
      locate(options, row, "region"),
      'expected a code such as "0114", "0114 Upplands Väsby", "K-3421" or "SE11 Stockholm"',
    );
  }
  // total rows go only where they are checked to be sums; others stay as regions, their label as code
  const checked = checkTotals(
    table,
    totals.flatMap((t, k) => (t && used[k] ? [k] : [])),
  );
  const keep: Table = checked.table;
  warnings.push(...checked.warnings);
  // `take` keeps the dictionary, so the labels parsed above still line up with the codes
  const known = labels.flatMap((l, k) => (l && used[k] ? [k] : []));
  const repaired = repairLostZeros(
    known.map((k) => labels[k]!),
    (j) => locate(options, column.codes.indexOf(known[j]!), "region"),
  );
  const codes = [...repaired.codes];
  if (repaired.warning) warnings.push(repaired.warning);
  for (const k of checked.kept) {
    known.push(k);
    codes.push(column.dictionary[k]!.trim());
  }
  const codeOf: (string | null)[] = column.dictionary.map(() => null);
  const nameOf: (string | null)[] = column.dictionary.map(() => null);
  known.forEach((k, j) => {
    codeOf[k] = codes[j]!;
    nameOf[k] =
      labels[k]?.name ?? options.regionNames?.get(labels[k]?.code ?? codes[j]!) ?? (labels[k] ? null : codes[j]!);
  });
  // `filter` keeps the dictionary, so entry k of the kept column is still entry k of `codeOf` and `nameOf`
  const kept = keep.strings("region");
  const entry = new Map(kept.dictionary.map((d, k) => [d, k]));
  let out = keep.withColumn(
    "region",
    kept.mapValues((d) => codeOf[entry.get(d)!]!),
    "dimension",
  );
  if (!out.has("region_name") && nameOf.some((x) => x !== null)) {
    out = out.withColumn(
      "region_name",
      kept.mapValues((d) => nameOf[entry.get(d)!]!),
      "dimension",
    );
  }
  // SSB's pseudo-regions (Svalbard, the shelf, "Rest") are kept, flagged as regions of their own kind
  const pseudo = known.filter((k) => isPseudoRegion(codeOf[k]!, nameOf[k] ?? null));
  if (pseudo.length > 0) {
    const isPseudo = new Set(pseudo.map((k) => column.dictionary[k]));
    out = out.withColumn(
      "region_kind",
      kept.mapValues((d) => (isPseudo.has(d) ? "pseudo" : "region")),
      "dimension",
    );
    warnings.push(
      `${pseudo.length} pseudo-region${pseudo.length > 1 ? "s" : ""} (${pseudo
        .map((k) => column.dictionary[k])
        .slice(0, 3)
        .join(", ")}) kept with region_kind "pseudo": leave them out of rankings`,
    );
  }
  return out;
}

function normaliseYear(table: Table, options: NormaliseOptions): Table {
  const column = table.strings("year");
  const periods = column.dictionary.map((d) => parsePeriod(d));
  const bad = periods.findIndex((p) => p === null);
  if (bad >= 0 && column.codes.includes(bad)) {
    const row = column.codes.indexOf(bad);
    throw new OmvarldError(
      "PARSE",
      `time value "${column.dictionary[bad]}" is not a year, quarter or month`,
      locate(options, row, "year"),
      'expected "2017", "2020K1" or "2020M01"',
    );
  }
  const years = new Float64Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const c = column.codes[i]!;
    years[i] = c < 0 ? NaN : periods[c]!.year;
  }
  let out = table.withColumn("year", new NumberColumn(years), "dimension");
  if (periods.some((p) => p?.period)) {
    out = out.withColumn(
      "period",
      StringColumn.from(Array.from({ length: table.numRows }, (_, i) => periods[column.codes[i]!]?.period ?? null)),
      "dimension",
    );
  }
  return out;
}

/**
 * Builds a tidy table from observation-wise pushes; used by the PX, JSON-stat and TSV readers. Labels are
 * dictionary-encoded as they arrive (a run of the same label costs one comparison), values go to a typed array.
 */
export class TidyBuilder {
  readonly #dimensions: string[];
  readonly #labels: StringColumnBuilder[];
  readonly #values = new NumberColumnBuilder(1 << 16);
  #status: StringColumnBuilder | null = null;
  #rows = 0;

  constructor(dimensions: readonly string[]) {
    this.#dimensions = [...dimensions];
    this.#labels = dimensions.map(() => new StringColumnBuilder(1 << 16));
  }

  push(labels: readonly (string | null)[], value: number | null, status: string | null = null): void {
    for (let k = 0; k < this.#labels.length; k++) this.#labels[k]!.push(labels[k] ?? null);
    this.#values.push(value);
    if (status !== null && !this.#status) {
      this.#status = new StringColumnBuilder(1 << 16);
      for (let i = 0; i < this.#rows; i++) this.#status.push(null);
    }
    this.#status?.push(status);
    this.#rows++;
  }

  finish(): Table {
    const map = new Map<string, Column>();
    this.#dimensions.forEach((d, k) => map.set(d, this.#labels[k]!.finish()));
    map.set("value", this.#values.finish());
    if (this.#status) map.set("status", this.#status.finish());
    return new Table(map, { roles: Object.fromEntries(this.#dimensions.map((d) => [d, "dimension"])) });
  }
}
