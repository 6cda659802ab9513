import { describe, expect, it } from "vitest";
import { missingBeforeExistence, missingBeforeExistenceByRow } from "../../src/io/existence.ts";
import { REGIONS } from "../../src/regions/registry.ts";
import { Table } from "../../src/table/table.ts";

/** The by-row reference of `missingBeforeExistence` on the same table, whose codes are of `country`. */
function byRow(table: Table, country: "SE" | "NO") {
  const region = table.strings("region");
  const entries = region.dictionary.map((c) =>
    REGIONS.filter((r) => r.level === "municipality" && r.code === c && r.country === country),
  );
  return missingBeforeExistenceByRow(
    table,
    table.names("measure"),
    region,
    entries,
    region.dictionary.map(() => null),
  );
}

const rows = (t: Table) => t.toRows();

describe("zeros before a code existed: the dense table gives what the map of region-years gives", () => {
  for (const country of ["SE", "NO"] as const) {
    it(`every ${country} kommun code of the registry, 1960-2025, zeros and figures by a formula`, () => {
      const codes = [
        ...new Set(REGIONS.filter((r) => r.country === country && r.level === "municipality").map((r) => r.code)),
      ];
      const region: string[] = [];
      const year: number[] = [];
      const value: (number | null)[] = [];
      const other: number[] = [];
      codes.forEach((code, k) => {
        for (let y = 1960; y <= 2025; y++) {
          for (const sex of [1, 2]) {
            region.push(code);
            year.push(y);
            // zeros for most kommuner, a recast figure for every seventh, a missing cell now and then
            value.push(k % 7 === 0 && sex === 2 ? k + y : (k + y) % 11 === 0 ? null : 0);
            other.push(k % 5 === 0 ? 1 : 0);
          }
        }
      });
      const table = Table.fromColumns({ region, year, value, other }, { roles: { other: "measure" } });
      const dense = missingBeforeExistence(table);
      const reference = byRow(table, country);
      expect(dense.warning).not.toBeNull();
      expect(dense.warning).toBe(reference.warning);
      expect(rows(dense.table)).toEqual(rows(reference.table));
      // a kommun that is not valid in 1960 and has zeros there: missing now
      const changed = rows(dense.table).filter((r, i) => r.value === null && value[i] === 0).length;
      expect(changed).toBeGreaterThan(0);
    });
  }
});
