import { OmvarldError } from "../../errors.ts";
import { type AgeBand, parseAgeBand } from "../../indicators/population/ages.ts";
import { measureOf } from "../../indicators/util/panel.ts";
import type { Table } from "../../table/table.ts";
import { cellAddress, type Formula, type Sheet, type SheetColumn } from "./sheet.ts";
import type { AnnexWords } from "../../charts/words/annex.ts";

/** An age band as a header shows it: "0", "1–4", "80+". */
export function bandLabel(band: AgeBand): string {
  return band.to === Infinity ? `${band.from}+` : band.from === band.to ? String(band.from) : `${band.from}–${band.to}`;
}

/** The population of one region by age row and year: the sheet every population formula of the annex starts from. */
export interface AgeGrid {
  sheet: Sheet;
  /** The age rows, youngest first: single years or the source's own groups. */
  bands: AgeBand[];
  /** Years with a figure, in order. */
  years: number[];
  projected: ReadonlySet<number>;
  /** The population of an age row in a year (null where missing). */
  value(row: number, year: number): number | null;
  /** The age rows whose union is exactly `band`, as [first, last], or null when the rows do not add up to it. */
  rowsOf(band: AgeBand): [number, number] | null;
  /**
   * The population of `band` in `year` as a formula term (a SUM over its rows, or the one cell), written for a formula on sheet `from`, with its value (null when a
   * figure is missing, so that no formula counts a missing cell as 0).
   */
  sum(band: AgeBand, year: number, from: string): { text: string; value: number | null } | null;
}

const yearKey = (year: number) => `y${year}`;

/**
 * The finest age rows of a table: every parseable age label, less those that contain another one (a "65+" beside
 * 65, 66, …, or a total); rows that overlap are an error (the table mixes groupings).
 */
export function ageRows(labels: readonly string[], file?: string): { band: AgeBand; labels: string[] }[] {
  const parsed = labels
    .map((label) => ({ label, band: parseAgeBand(label) }))
    .filter((p): p is { label: string; band: AgeBand } => p.band !== null);
  const strictly = (outer: AgeBand, inner: AgeBand) =>
    outer.from <= inner.from && outer.to >= inner.to && (outer.from !== inner.from || outer.to !== inner.to);
  const finest = parsed.filter((p) => !parsed.some((q) => strictly(p.band, q.band)));
  const rows = new Map<string, { band: AgeBand; labels: string[] }>();
  for (const p of finest) {
    const key = `${p.band.from}-${p.band.to}`;
    const row = rows.get(key) ?? { band: p.band, labels: [] };
    row.labels.push(p.label);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.band.from - b.band.from);
  sorted.forEach((r, k) => {
    const next = sorted[k + 1];
    if (next && next.band.from <= r.band.to) {
      throw new OmvarldError(
        "SCHEMA",
        `the age groups "${r.labels[0]}" and "${next.labels[0]}" overlap`,
        { file },
        "give the population by single year of age or by one set of age groups",
      );
    }
  });
  return sorted;
}

/**
 * The sheet of population by age (rows) and year (columns) for one region, observed years first, projected years
 * marked over the header; a total row at the foot (SUM of the column).
 */
export function ageGrid(own: Table, options: { words: AnnexWords; region: string; name: string }): AgeGrid {
  const t = options.words;
  const file = own.provenance.file;
  const value = measureOf(own, own.has("value") ? "value" : undefined);
  const labels = (own.distinct("age") as unknown[]).map(String);
  const rows = ageRows(labels, file);
  const rowOf = new Map<string, number>();
  rows.forEach((r, k) => r.labels.forEach((l) => rowOf.set(l, k)));
  // each age row's population by year: the table's group sum over the labels and sexes of the row (a missing part
  // makes the cell missing); labels outside the rows (totals, coarser groups) are left out
  const ageRow = Array.from({ length: own.numRows }, (_, i) => rowOf.get(String(own.get("age", i))) ?? null);
  const inRows = own.withColumn("age_row", ageRow, "dimension").filter({ age_row: (r) => r !== null });
  const sums = inRows.groupBy(["age_row", "year"]).sum(value);
  const cells = new Map<string, number | null>();
  for (const r of sums.toRows()) cells.set(`${r.age_row}|${r.year}`, r[value] as number | null);
  const projected = new Set<number>(
    own.has("kind") ? (inRows.filter({ kind: "projected" }).distinct("year") as number[]) : [],
  );
  const years = [...new Set([...cells.keys()].map((k) => Number(k.split("|")[1])))]
    .filter((year) => rows.some((_, r) => (cells.get(`${r}|${year}`) ?? null) !== null))
    .sort((a, b) => a - b);
  const at = (row: number, year: number) => cells.get(`${row}|${year}`) ?? null;
  const columns: SheetColumn[] = [
    { key: "age", header: t.age, width: 8 },
    ...years.map((year) => ({
      key: yearKey(year),
      header: String(year),
      format: "#,##0",
      width: 9,
      ...(projected.size ? { group: projected.has(year) ? t.projected : t.observed } : {}),
      ...(projected.has(year) ? { projected: true } : {}),
    })),
  ];
  const sheet: Sheet = {
    name: t.ages,
    title: t.agesTitle(options.name),
    columns,
    rows: [],
    notes: [t.agesNote],
    totalRows: [],
  };
  const bodyRows = rows.map((r, k) =>
    Object.fromEntries([["age", bandLabel(r.band)], ...years.map((year) => [yearKey(year), at(k, year)])]),
  );
  const totals: Record<string, string | number | null | Formula> = { age: t.total };
  for (const year of years) {
    const values = rows.map((_, k) => at(k, year));
    const first = cellAddress(sheet, yearKey(year), 0);
    const last = cellAddress(sheet, yearKey(year), rows.length - 1);
    totals[yearKey(year)] = values.some((v) => v === null)
      ? null
      : { formula: `SUM(${first}:${last})`, result: values.reduce<number>((s, v) => s + v!, 0) };
  }
  sheet.rows = [...bodyRows, totals];
  sheet.totalRows = [...rows.map(() => false), true];
  const rowsOf = (band: AgeBand): [number, number] | null => {
    const first = rows.findIndex((r) => r.band.from === band.from);
    const last = rows.findIndex((r) => r.band.to === band.to);
    if (first < 0 || last < first) return null;
    for (let k = first; k < last; k++) if (rows[k + 1]!.band.from !== rows[k]!.band.to + 1) return null;
    return [first, last];
  };
  return {
    sheet,
    bands: rows.map((r) => r.band),
    years,
    projected,
    value: at,
    rowsOf,
    sum(band, year, from) {
      const span = rowsOf(band);
      if (!span || !years.includes(year)) return null;
      const values = [];
      for (let k = span[0]; k <= span[1]; k++) values.push(at(k, year));
      const a = cellAddress(sheet, yearKey(year), span[0], { from });
      const b = cellAddress(sheet, yearKey(year), span[1]);
      // one age row (the source's own groups) is a plain reference, several a SUM over the column
      return {
        text: span[0] === span[1] ? a : `SUM(${a}:${b})`,
        value: values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + v!, 0),
      };
    },
  };
}
