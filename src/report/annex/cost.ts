import { OmvarldError } from "../../errors.ts";
import { type AgeBand, parseAgeBand } from "../../indicators/population/ages.ts";
import type { UnitCost } from "../../indicators/population/cost.ts";
import { type AgeGrid, bandLabel } from "./ages.ts";
import { type CellValue, cellAddress, type Sheet, type SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "../../charts/words/annex.ts";

/**
 * The input sheet of unit costs: one row per service and age group, the cost per inhabitant and year in tkr in a
 * yellow input cell that the cost sheet's formulas read.
 */
export function unitCostSheet(
  costs: readonly UnitCost[],
  options: { words: AnnexWords; source?: string },
): { sheet: Sheet; bands: AgeBand[] } {
  const t = options.words;
  const bands = costs.map((c) => {
    const band = typeof c.ages === "string" ? parseAgeBand(c.ages) : c.ages;
    if (!band)
      throw new OmvarldError(
        "ARGUMENT",
        `cannot read the age band "${String(c.ages)}" of ${c.service}`,
        {},
        'write it as "1-5", "90+" or { from: 1, to: 5 }',
      );
    return band;
  });
  const columns: SheetColumn[] = [
    { key: "service", header: t.service, width: 28 },
    { key: "ages", header: t.ageBand, width: 14 },
    { key: "cost", header: t.unitCost, format: "#,##0.0", width: 18, input: true },
  ];
  return {
    bands,
    sheet: {
      name: t.unitCosts,
      title: t.unitCostsTitle,
      columns,
      frozenColumns: 0,
      rows: costs.map((c, k) => ({ service: c.service, ages: bandLabel(bands[k]!), cost: c.cost })),
      notes: [t.unitCostsNote, ...(options.source ? [`${t.source}: ${options.source}`] : [])],
    },
  };
}

/**
 * Demographic cost pressure by year (rows), docs/methods.md §8.3, each cell an Excel formula on the unit-cost and age
 * sheets, at constant unit costs c_s (tkr per inhabitant):
 *
 *     C_{s,t} = c_s · (N_{s,t−1} + N_{s,t}) / 2        (mean of two year-ends, as in Sjöbo's budget model)
 *     C_t = Σ_s C_{s,t},   ΔC_t = C_t − C_{t−1},   index_t = 100·C_t / C_base
 *     tax base T_t = (N_{w,t−1} + N_{w,t}) / 2,      tax index_t = 100·T_t / T_base
 *
 * A year is left out when a population it needs is missing. `base` defaults to the first year shown.
 */
export function costSheet(
  grid: AgeGrid,
  inputs: { sheet: Sheet; bands: AgeBand[] },
  options: {
    words: AnnexWords;
    name: string;
    taxBase: AgeBand;
    base?: number;
  },
): Sheet {
  const t = options.words;
  const costs = inputs.sheet.rows;
  inputs.bands.forEach((band, k) => {
    if (!grid.rowsOf(band)) {
      const rows = grid.bands.map(bandLabel).join(", ");
      throw new OmvarldError(
        "ARGUMENT",
        `the age group ${bandLabel(band)} of "${String(costs[k]!.service)}" is not a sum of the population's age groups (${rows})`,
        {},
        "give unit costs for age groups that the population table has, or population by single year of age",
      );
    }
  });
  const projecting = grid.projected.size > 0;
  const key = (k: number) => `c${k}`;
  const columns: SheetColumn[] = [
    { key: "year", header: t.year, format: "0", width: 8 },
    ...(projecting ? [{ key: "kind", header: t.kind, width: 14 }] : []),
    ...inputs.bands.map((b, k) => ({
      key: key(k),
      header: t.costOf(String(costs[k]!.service), bandLabel(b)),
      format: "#,##0",
      width: 16,
    })),
    { key: "total", header: t.totalCost, format: "#,##0", width: 14 },
    { key: "change", header: t.change, format: "#,##0", width: 14 },
    { key: "index", header: t.index, format: "0.0", width: 9 },
    { key: "tax", header: t.taxBase(bandLabel(options.taxBase)), format: "#,##0", width: 18 },
    { key: "tax_index", header: t.taxIndex, format: "0.0", width: 12 },
  ];
  const sheet: Sheet = { name: t.cost, title: t.costTitle(options.name), columns, rows: [], projectedRows: [] };
  const mean = (band: AgeBand, year: number) => {
    const a = grid.sum(band, year - 1, sheet.name);
    const b = grid.sum(band, year, sheet.name);
    return a && b && a.value !== null && b.value !== null
      ? { text: `(${a.text}+${b.text})/2`, value: (a.value + b.value) / 2 }
      : null;
  };
  const years = grid.years.filter(
    (year) =>
      grid.years.includes(year - 1) &&
      inputs.bands.every((b) => mean(b, year) !== null) &&
      mean(options.taxBase, year) !== null,
  );
  const baseYear = options.base !== undefined && years.includes(options.base) ? options.base : years[0];
  const baseRow = baseYear === undefined ? -1 : years.indexOf(baseYear);
  years.forEach((year, r) => {
    const row: Record<string, CellValue> = { year };
    if (projecting) row.kind = grid.projected.has(year) ? t.projected : t.observed;
    let total = 0;
    inputs.bands.forEach((band, k) => {
      const n = mean(band, year)!;
      const c = Number(costs[k]!.cost);
      const input = cellAddress(inputs.sheet, "cost", k, { absolute: true, from: sheet.name });
      row[key(k)] = { formula: `${input}*${n.text}`, result: c * n.value };
      total += c * n.value;
    });
    const first = cellAddress(sheet, key(0), r);
    const last = cellAddress(sheet, key(inputs.bands.length - 1), r);
    row.total = { formula: `SUM(${first}:${last})`, result: total };
    sheet.rows.push(row);
    sheet.projectedRows!.push(grid.projected.has(year));
  });
  // change, index and tax base once every total is known
  const totalOf = (r: number) => (sheet.rows[r]!.total as { result: number }).result;
  years.forEach((year, r) => {
    const row = sheet.rows[r]!;
    const here = cellAddress(sheet, "total", r);
    row.change =
      r > 0 && years[r - 1] === year - 1
        ? { formula: `${here}-${cellAddress(sheet, "total", r - 1)}`, result: totalOf(r) - totalOf(r - 1) }
        : null;
    const base = cellAddress(sheet, "total", baseRow, { absolute: true });
    row.index =
      totalOf(baseRow) > 0 ? { formula: `100*${here}/${base}`, result: (100 * totalOf(r)) / totalOf(baseRow) } : null;
    const tax = mean(options.taxBase, year)!;
    row.tax = { formula: tax.text, result: tax.value };
    const taxBase = mean(options.taxBase, years[baseRow]!)!;
    row.tax_index =
      taxBase.value > 0
        ? {
            formula: `100*${cellAddress(sheet, "tax", r)}/${cellAddress(sheet, "tax", baseRow, { absolute: true })}`,
            result: (100 * tax.value) / taxBase.value,
          }
        : null;
  });
  sheet.notes = [t.methodCost, ...(baseYear === undefined ? [] : [t.baseYear(baseYear)])];
  return sheet;
}
