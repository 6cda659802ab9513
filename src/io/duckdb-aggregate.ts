import { OmvarldError } from "../errors.ts";
import type { Column } from "../table/column.ts";
import { Table } from "../table/table.ts";
import { type DuckDBSettings, queryDuckDB } from "./duckdb.ts";

/** What to aggregate in DuckDB: files, the columns to group by, the column to sum. */
export interface DuckDBAggregate extends DuckDBSettings {
  /**
   * CSV or Parquet files: a path, a glob (`trips/*.parquet`, `od-2023-*.csv`) or several; with DuckDB's httpfs
   * extension also `s3://` and `https://` addresses.
   */
  files: string | readonly string[];
  /** `csv` or `parquet`; by default from the first file's extension (`.parquet`/`.pq` is Parquet, else CSV). */
  format?: "csv" | "parquet";
  /**
   * The columns to group by, as the files name them, each with the name it gets in the table:
   * `{ kommun: "region", ar: "year", kon: "sex" }`; or a list of names kept as they are. A column named `year`
   * in the table becomes integers, every other one text (so `0114` keeps its zero).
   */
  by: Readonly<Record<string, string>> | readonly string[];
  /** The column summed into `value` (default `value`). */
  sum?: string;
  /** Keep only the rows whose column (as the files name it) holds one of these codes, before grouping. */
  where?: Readonly<Record<string, readonly (string | number)[]>>;
  /** Keep the columns `rows` (rows summed) and `missing` (missing cells among them) as measures. Default false. */
  counts?: boolean;
}

/** Cells that stand for a missing number in agency CSVs: read as SQL NULL, which `sum` passes over. */
const MISSING = ["", "..", ":", "."];

/**
 * The SQL that `aggregateWithDuckDB` runs: one `GROUP BY` over the files, the group columns cast to text (and
 * `year` to an integer), the sum as a double, with the count of rows summed and of missing cells beside it. The
 * same statement runs on Spark SQL or on DuckDB against Parquet in object storage (see docs/scale.md).
 *
 * @example
 * aggregateSql({ files: "trips.csv", by: { origin: "origin", destination: "destination" }, sum: "trips" })
 * // SELECT CAST("origin" AS VARCHAR) AS "origin", CAST("destination" AS VARCHAR) AS "destination",
 * //   sum(CAST("trips" AS DOUBLE)) AS "value", count(*) AS "rows", count(*) - count("trips") AS "missing"
 * // FROM read_csv(['trips.csv'], types = {...}, nullstr = [...]) GROUP BY ALL ORDER BY ALL
 */
export function aggregateSql(spec: DuckDBAggregate): string {
  const files = typeof spec.files === "string" ? [spec.files] : [...spec.files];
  if (files.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      "no files to aggregate",
      {},
      "name a file, a glob such as data/*.parquet, or several",
    );
  const by: [string, string][] = Array.isArray(spec.by)
    ? (spec.by as readonly string[]).map((c) => [c, c])
    : Object.entries(spec.by as Record<string, string>);
  if (by.length === 0)
    throw new OmvarldError(
      "ARGUMENT",
      "nothing to group by",
      {},
      'name the columns, e.g. by: { kommun: "region", ar: "year" }',
    );
  const sum = spec.sum ?? "value";
  const names = new Set<string>();
  for (const [, name] of by) {
    if (names.has(name) || name === "value" || name === "rows" || name === "missing") {
      throw new OmvarldError(
        "ARGUMENT",
        `the table would have two columns named "${name}"`,
        {},
        "give each group column its own name; value, rows and missing are taken",
      );
    }
    names.add(name);
  }
  const format = spec.format ?? (/\.(parquet|pq)$/i.test(files[0]!) ? "parquet" : "csv");
  const list = `[${files.map(literal).join(", ")}]`;
  // codes are read as text by the CSV reader itself, so that its sniffer never makes "0114" the number 114
  const textColumns = by.filter(([, name]) => name !== "year").map(([column]) => column);
  const source =
    format === "parquet"
      ? `read_parquet(${list})`
      : `read_csv(${list}, ${textColumns.length ? `types = {${textColumns.map((c) => `${literal(c)}: 'VARCHAR'`).join(", ")}}, ` : ""}nullstr = [${MISSING.map(literal).join(", ")}]${csvBuffer(spec.memoryLimit)})`;
  const select = by.map(
    ([column, name]) => `CAST(${ident(column)} AS ${name === "year" ? "INTEGER" : "VARCHAR"}) AS ${ident(name)}`,
  );
  const where = Object.entries(spec.where ?? {}).map(([column, codes]) => {
    if (codes.length === 0)
      throw new OmvarldError(
        "ARGUMENT",
        `where.${column} lists no codes`,
        {},
        "list the codes to keep, or leave the column out of where",
      );
    return `CAST(${ident(column)} AS VARCHAR) IN (${codes.map((c) => literal(String(c))).join(", ")})`;
  });
  return [
    `SELECT ${select.join(", ")}, sum(CAST(${ident(sum)} AS DOUBLE)) AS "value", count(*) AS "rows", count(*) - count(${ident(sum)}) AS "missing"`,
    `FROM ${source}`,
    ...(where.length ? [`WHERE ${where.join(" AND ")}`] : []),
    "GROUP BY ALL ORDER BY ALL",
  ].join("\n");
}

/**
 * Aggregates CSV or Parquet files too large for memory in DuckDB, which streams them and spills to disk past
 * `memoryLimit`, and returns the tidy table the indicators take: the group columns as dimensions and `value` the sum
 * (Σ of the non-missing cells; null, never 0, when all are missing). Missing cells are named in a warning with
 * their count; `counts: true` keeps `rows` and `missing` per group as measures. Needs the optional dependency
 * `@duckdb/node-api`.
 *
 * @example
 * // commuting trips (one row per trip) → the OD matrix for 2023
 * const flows = await aggregateWithDuckDB({ files: "trips/*.parquet", by: ["origin", "destination"], sum: "persons", where: { year: [2023] } });
 * const od = OdMatrix.fromTable(flows);
 */
export async function aggregateWithDuckDB(spec: DuckDBAggregate): Promise<Table> {
  const files = typeof spec.files === "string" ? spec.files : spec.files.join(", ");
  const result = await queryDuckDB(aggregateSql(spec), { format: "duckdb", file: files }, spec);
  const names = Array.isArray(spec.by)
    ? (spec.by as readonly string[])
    : Object.values(spec.by as Record<string, string>);
  const measures = spec.counts ? ["value", "rows", "missing"] : ["value"];
  const map = new Map<string, Column>();
  for (const name of [...names, ...measures]) map.set(name, result.column(name));
  const table = new Table(map, {
    roles: {
      ...Object.fromEntries(names.map((n) => [n, "dimension" as const])),
      ...Object.fromEntries(measures.map((n) => [n, "measure" as const])),
    },
    provenance: result.provenance,
  });
  let missing = 0;
  let groups = 0;
  for (const m of result.numbers("missing").values) {
    missing += m;
    if (m > 0) groups++;
  }
  return missing === 0
    ? table
    : table.withWarnings(
        `${missing} cell${missing === 1 ? " was" : "s were"} missing (empty, "..", ":" or ".") in ${groups} group${groups === 1 ? "" : "s"}; value sums the other cells (counts: true gives the counts per group)`,
      );
}

/**
 * DuckDB's CSV reader takes buffers of 32 MiB, two at a time, which a small memory limit cannot hold: under a limit
 * below 256 MiB the buffer is an eighth of it (at least 2 MiB, DuckDB's longest line).
 *
 * @example
 * csvBuffer("64MB") // ", buffer_size = 8388608"
 */
function csvBuffer(memoryLimit: string | undefined): string {
  const bytes = memoryLimit === undefined ? null : parseBytes(memoryLimit);
  if (bytes === null || bytes >= 256 * 2 ** 20) return "";
  return `, buffer_size = ${Math.max(2 ** 21, Math.floor(bytes / 8))}`;
}

/** "64MB", "1.5 GiB", "512KB" → bytes (DuckDB reads MB and MiB alike as 2^20); null when unreadable. */
function parseBytes(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? "b").toLowerCase();
  const power = { b: 0, k: 1, m: 2, g: 3, t: 4 }[unit[0] as "b" | "k" | "m" | "g" | "t"];
  return Number(m[1]) * 1024 ** power;
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL identifier, quoted. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
