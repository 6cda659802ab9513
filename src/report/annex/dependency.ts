import { type DependencyBands, dependencyRatios } from "../../indicators/population/dependency.ts";
import type { Table } from "../../table/table.ts";
import type { AgeGrid } from "./ages.ts";
import type { CellValue, Sheet, SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "../../charts/words/annex.ts";

/**
 * The dependency ratio by year (rows) for the region and those compared (columns), docs/methods.md §8.2:
 *
 *     ratio_t = 100·(N_{young,t} + N_{old,t}) / N_{working,t}
 *
 * The region's own column is a formula on the age sheet where the bands are sums of its rows; the regions
 * compared are values computed by `dependencyRatios`.
 */
export function dependencySheet(
  population: Table,
  grid: AgeGrid,
  options: {
    words: AnnexWords;
    region: string;
    compare: readonly string[];
    bands: DependencyBands;
    name: (code: string) => string;
  },
): Sheet {
  const t = options.words;
  const regions = [options.region, ...options.compare];
  const ratios = dependencyRatios(population.filter({ region: regions }), { bands: options.bands });
  const byKey = new Map(ratios.toRows().map((r) => [`${r.region}|${r.year}`, r.ratio as number | null]));
  const years = [...new Set([...(ratios.distinct("year") as number[])])].sort((a, b) => a - b);
  const projecting = grid.projected.size > 0;
  const columns: SheetColumn[] = [
    { key: "year", header: t.year, format: "0", width: 8 },
    ...(projecting ? [{ key: "kind", header: t.kind, width: 14 }] : []),
    ...regions.map((r) => ({ key: `r${r}`, header: options.name(r), format: "0.0", width: 16 })),
  ];
  const sheet: Sheet = { name: t.dependency, title: t.dependencyTitle, columns, rows: [], projectedRows: [] };
  const formulaic = (["young", "working", "old"] as const).every((k) => grid.rowsOf(options.bands[k]) !== null);
  for (const year of years) {
    const row: Record<string, CellValue> = { year };
    if (projecting) row.kind = grid.projected.has(year) ? t.projected : t.observed;
    for (const r of regions) row[`r${r}`] = byKey.get(`${r}|${year}`) ?? null;
    if (formulaic && grid.years.includes(year)) {
      const [young, working, old] = (["young", "working", "old"] as const).map((k) =>
        grid.sum(options.bands[k], year, sheet.name)!,
      );
      if (young!.value !== null && working!.value !== null && old!.value !== null && working!.value > 0) {
        row[`r${options.region}`] = {
          formula: `100*(${young!.text}+${old!.text})/${working!.text}`,
          result: (100 * (young!.value + old!.value)) / working!.value,
        };
      }
    }
    if (regions.every((r) => row[`r${r}`] === null)) continue;
    sheet.rows.push(row);
    sheet.projectedRows!.push(grid.projected.has(year));
  }
  if (formulaic) sheet.notes = [t.dependencyNote(options.name(options.region))];
  return sheet;
}
