import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OmvarldError } from "../src/errors.ts";
import { read } from "../src/node.ts";
import type { Table } from "../src/table/table.ts";

/** Absolute path of a real fixture under tests/fixtures/real. */
export function fixture(path: string): string {
  return fileURLToPath(new URL(`./fixtures/real/${path}`, import.meta.url));
}

/** Reads a real fixture. */
export function readFixture(path: string, options: Parameters<typeof read>[1] = {}): Table {
  return read(fixture(path), options);
}

/** The value of `column` in the single row matching `where`; fails when there is not exactly one. */
export function one(table: Table, where: Parameters<Table["filter"]>[0], column = "value"): unknown {
  const rows = table.filter(where);
  if (rows.numRows !== 1) throw new Error(`expected one row, found ${rows.numRows}`);
  return rows.get(column, 0);
}

/** Σ of a number column. */
export function total(table: Table, column = "value"): number {
  let s = 0;
  for (const v of table.numbers(column).values) s += v;
  return s;
}

/** The OmvarldError that `run` throws; fails when it throws nothing or something else. */
export function failure(run: () => unknown): OmvarldError {
  try {
    run();
  } catch (error) {
    if (error instanceof OmvarldError) return error;
    throw error;
  }
  throw new Error("expected an error, got none");
}

/** The bytes of a real fixture under tests/fixtures/real. */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(fixture(path));
}

/** projectMunicipality with nothing pooled, smoothed or trended: one year projected with its own rates gives it back. */
export const RAW_PROJECTION = {
  smoothing: 0,
  migration: { priorExposure: 0, oldAge: Infinity },
  mortalityImprovement: false,
  oldAgeMortality: false,
} as const;

/**
 * Everything a table holds, to compare two reads of one file: schema (names, types, roles), row count, a digest of
 * every column's bytes (numbers as stored, string codes) and its dictionary, provenance, warnings.
 */
export function tableDigest(table: Table) {
  return {
    schema: table.schema,
    rows: table.numRows,
    columns: table.schema.map((f) => {
      const c = table.column(f.name);
      const typed = c.type === "number" ? c.values : c.codes;
      return {
        digest: createHash("sha256")
          .update(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength))
          .digest("hex"),
        ...(c.type === "string" ? { dictionary: [...c.dictionary] } : {}),
      };
    }),
    provenance: table.provenance,
    warnings: table.warnings,
  };
}
