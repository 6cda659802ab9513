import { OmvarldError } from "../errors.ts";
import { NumberColumn, StringColumn, type Column } from "../table/column.ts";
import type { Provenance } from "../table/provenance.ts";
import { Table } from "../table/table.ts";

/** The few parts of @duckdb/node-api used here (it is optional, so its types may be absent). */
interface DuckDBModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{ connect(): Promise<DuckDBConnection>; closeSync(): void }>;
  };
}

/** DuckDB's settings for one query: how much memory it may take before it spills to disk, and where. */
export interface DuckDBSettings {
  /** DuckDB's `memory_limit`, e.g. "64MB", "4GB" (default: 80 % of the machine's memory). */
  memoryLimit?: string;
  /** Where DuckDB spills what does not fit in `memoryLimit` (default: a `.tmp` folder beside the data). */
  tempDirectory?: string;
  /** Threads DuckDB may use (default: one per core). */
  threads?: number;
}
interface DuckDBConnection {
  runAndReadAll(sql: string): Promise<{ columnNames(): string[]; columnTypes(): unknown[]; getColumns(): unknown[][] }>;
  closeSync(): void;
}

const DUCKDB = "@duckdb/node-api";

/**
 * Runs SQL in an in-memory DuckDB and returns the result as a table: for data larger than memory, let DuckDB
 * read and aggregate the files (`read_csv`, `read_parquet`) and bring back only the result. Needs the optional
 * dependency `@duckdb/node-api`. Numeric columns become number columns, everything else text; SQL NULL is `null`.
 *
 * @example
 * const flows = await queryDuckDB(`
 *   SELECT origin, destination, year, sum(commuters) AS value
 *   FROM read_csv('od-*.csv', types = {'origin': 'VARCHAR', 'destination': 'VARCHAR'})
 *   GROUP BY ALL`);
 */
export async function queryDuckDB(
  sql: string,
  provenance: Provenance = {},
  settings: DuckDBSettings = {},
): Promise<Table> {
  let duckdb: DuckDBModule;
  try {
    duckdb = (await import(DUCKDB)) as DuckDBModule;
  } catch {
    throw new OmvarldError("DEPENDENCY", "@duckdb/node-api is not installed", {}, "npm install @duckdb/node-api");
  }
  const options: Record<string, string> = {};
  if (settings.memoryLimit !== undefined) options.memory_limit = settings.memoryLimit;
  if (settings.tempDirectory !== undefined) options.temp_directory = settings.tempDirectory;
  if (settings.threads !== undefined) options.threads = String(settings.threads);
  let instance: Awaited<ReturnType<DuckDBModule["DuckDBInstance"]["create"]>>;
  try {
    instance = await duckdb.DuckDBInstance.create(":memory:", options);
  } catch (error) {
    throw new OmvarldError(
      "ARGUMENT",
      `DuckDB: ${(error as Error).message.split("\n")[0]}`,
      {},
      'check the memory limit (e.g. "64MB"), the temporary folder and the threads',
    );
  }
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes().map(String);
    const columns = reader.getColumns();
    const map = new Map<string, Column>();
    names.forEach((name, k) => {
      const values = columns[k]!;
      if (
        /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(
          types[k]!,
        )
      ) {
        map.set(name, NumberColumn.from(values.map((v) => (v === null ? null : Number(v)))));
      } else {
        map.set(name, StringColumn.from(values.map((v) => (v === null ? null : String(v)))));
      }
    });
    return new Table(map, { provenance: { format: "duckdb", ...provenance } });
  } catch (error) {
    throw new OmvarldError(
      "PARSE",
      `DuckDB: ${(error as Error).message.split("\n")[0]}`,
      {},
      "check the SQL and the file paths in it",
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
