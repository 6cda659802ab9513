import { type AgeBand, parseAgeBand } from "../../indicators/population/ages.ts";
import type { DependencyBands } from "../../indicators/population/dependency.ts";
import { SKR_AGE_GROUPS } from "../../indicators/population/municipal-projection.ts";
import type { Table } from "../../table/table.ts";
import { type AgeGrid, bandLabel } from "./ages.ts";
import { type CellValue, cellAddress, type Sheet, type SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "../../charts/words/annex.ts";

/** The age groups of municipal services in Sweden (SKR's presentation, docs/methods.md §8.2) as labels: "0-5" … "80+". */
export const SERVICE_GROUPS: readonly string[] = SKR_AGE_GROUPS.map(([from, to]) =>
  to === Infinity ? `${from}+` : `${from}-${to}`,
);
/** The same for Norway, where working age runs to 66 and old age starts at 67. */
export const NO_SERVICE_GROUPS: readonly string[] = ["0-5", "6-15", "16-19", "20-66", "67-79", "80+"];

/** The service groups for the dependency bands: Norway's when working age ends at 66. */
export function defaultGroups(bands: DependencyBands): readonly string[] {
  return bands.working.to === 66 ? NO_SERVICE_GROUPS : SERVICE_GROUPS;
}

/**
 * The groups of the population sheet: the service groups when each is a sum of the data's age rows and together
 * they cover them, else the data's own groups (Eurostat's 0–14, 15–64, 65+).
 */
export function populationGroups(grid: AgeGrid, groups: readonly string[]): { bands: AgeBand[]; own: boolean } {
  const service = groups.map((g) => parseAgeBand(g)).filter((b): b is AgeBand => b !== null);
  const covered = service.every((b) => grid.rowsOf(b) !== null);
  const rows = service.reduce((n, b) => n + (grid.rowsOf(b) ? grid.rowsOf(b)![1] - grid.rowsOf(b)![0] + 1 : 0), 0);
  return covered && rows === grid.bands.length ? { bands: service, own: false } : { bands: [...grid.bands], own: true };
}

/** Key of a group's column. */
export const groupKey = (band: AgeBand) => `g${band.from}_${band.to === Infinity ? "up" : band.to}`;

/**
 * Population by group (columns) and year (rows): each group a SUM over the age sheet, the total a SUM of the
 * groups, with the projection's interval beside projected years.
 *
 *     N_{g,t} = Σ_{a ∈ g} N_{a,t},   total_t = Σ_g N_{g,t}
 */
export function populationSheet(
  grid: AgeGrid,
  options: {
    words: AnnexWords;
    name: string;
    groups: readonly string[];
    interval?: { total: Table; level: number; region: string };
    method?: string;
    /** Projected figures to check before use: their text in a column beside their year. */
    flags?: readonly { year: number; text: string }[];
    notes?: readonly string[];
  },
): { sheet: Sheet; bands: AgeBand[] } {
  const t = options.words;
  const { bands, own } = populationGroups(grid, options.groups);
  const projecting = grid.projected.size > 0;
  const bounds = new Map(
    (options.interval?.total.filter({ region: options.interval.region }).toRows() ?? []).map((r) => [
      r.year as number,
      r,
    ]),
  );
  const columns: SheetColumn[] = [
    { key: "year", header: t.year, format: "0", width: 8 },
    ...(projecting ? [{ key: "kind", header: t.kind, width: 14 }] : []),
    ...bands.map((b) => ({ key: groupKey(b), header: bandLabel(b), format: "#,##0", width: 11 })),
    { key: "total", header: t.total, format: "#,##0", width: 12 },
    ...(options.interval
      ? [
          { key: "low", header: t.low(options.interval.level), format: "#,##0", width: 13 },
          { key: "high", header: t.high(options.interval.level), format: "#,##0", width: 13 },
        ]
      : []),
    ...(options.flags?.length ? [{ key: "check", header: t.check, width: 70 }] : []),
  ];
  const sheet: Sheet = {
    name: t.population,
    title: t.populationTitle(options.name),
    columns,
    rows: [],
    projectedRows: [],
  };
  grid.years.forEach((year, r) => {
    const row: Record<string, CellValue> = { year };
    if (projecting) row.kind = grid.projected.has(year) ? t.projected : t.observed;
    const values: (number | null)[] = [];
    for (const b of bands) {
      const s = grid.sum(b, year, sheet.name)!;
      row[groupKey(b)] = s.value === null ? null : { formula: s.text, result: s.value };
      values.push(s.value);
    }
    const first = cellAddress(sheet, groupKey(bands[0]!), r);
    const last = cellAddress(sheet, groupKey(bands.at(-1)!), r);
    row.total = values.some((v) => v === null)
      ? null
      : { formula: `SUM(${first}:${last})`, result: values.reduce<number>((s, v) => s + v!, 0) };
    if (options.interval) {
      const b = bounds.get(year);
      row.low = grid.projected.has(year) ? ((b?.low as number | null | undefined) ?? null) : null;
      row.high = grid.projected.has(year) ? ((b?.high as number | null | undefined) ?? null) : null;
    }
    if (options.flags?.length) {
      const texts = options.flags.filter((f) => f.year === year).map((f) => f.text);
      row.check = texts.length ? texts.join(" ") : null;
    }
    sheet.rows.push(row);
    sheet.projectedRows!.push(grid.projected.has(year));
  });
  changeRows(sheet, grid, bands.map(groupKey), options.words);
  sheet.notes = [
    ...(options.notes ?? []),
    ...(options.flags?.length ? [...new Set(options.flags.map((f) => f.text))] : []),
    ...(own ? [t.groupsNote(bands.map(bandLabel).join(", "))] : []),
    ...(options.method ? [`${t.projection}: ${options.method}`] : []),
  ];
  return { sheet, bands };
}

/**
 * Two rows under the years: the change from the base year (the last observed year when there is a projection,
 * else the first year) to the last year, in persons and in per cent, by formula on the rows above:
 *
 *     Δ = N_last − N_base,   Δ% = 100·(N_last / N_base − 1)
 */
function changeRows(sheet: Sheet, grid: AgeGrid, keys: readonly string[], t: AnnexWords): void {
  const observed = grid.years.filter((y) => !grid.projected.has(y));
  const base = grid.projected.size ? observed.at(-1) : grid.years[0];
  const last = grid.years.at(-1);
  if (base === undefined || last === undefined || base === last) return;
  const [b, l] = [grid.years.indexOf(base), grid.years.indexOf(last)];
  const change: Record<string, CellValue> = { year: t.changeFrom(base, last) };
  const percent: Record<string, CellValue> = { year: t.changePercent };
  for (const key of [...keys, "total"]) {
    const from = sheet.rows[b]![key];
    const to = sheet.rows[l]![key];
    const [x, y] = [from, to].map((v) => (v !== null && typeof v === "object" ? v.result : null));
    if (x === null || y === null || x === undefined || y === undefined) continue;
    const [ax, ay] = [cellAddress(sheet, key, b), cellAddress(sheet, key, l)];
    change[key] = { formula: `${ay}-${ax}`, result: y - x };
    if (x > 0) percent[key] = { formula: `100*(${ay}/${ax}-1)`, result: 100 * (y / x - 1) };
  }
  sheet.rows.push(change, percent);
  // the two labels ("Förändring 2022–2040") wrap in a column wide enough for their longest word
  sheet.columns[0] = { ...sheet.columns[0]!, width: 11, wrap: true };
  sheet.projectedRows!.push(false, false);
  sheet.totalRows = [...sheet.rows.slice(0, -2).map(() => false), true, true];
  sheet.rowFormats = { [sheet.rows.length - 1]: "0.0" };
}
