import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { measureOf } from "../util/panel.ts";

/**
 * Aligns regional projections to a given total (a county's or the nation's projection) by proportional scaling,
 * RU-modellen's utjämning (docs/methods.md §8.1):
 *
 *     x_k ← x_k · X / Σ_{k∈L} x_k        per year, and per sex and age where the target has them
 *
 * The target's dimensions (e.g. year, or year, sex, age) are the keys; the regions are summed
 * within each key. Rows whose key the target lacks (observed years, for instance) keep their value.
 *
 * @example
 * // kommuner 60 and 40 projected, the county projection says 110: they become 66 and 44
 * alignToTotal(kommuner, county.select("year", "value"))
 */
export function alignToTotal(
  projection: Table,
  target: Table,
  options: { value?: string; targetValue?: string } = {},
): Table {
  const value = measureOf(projection, options.value);
  const targetValue = measureOf(target, options.targetValue);
  const keys = target.names("dimension");
  const absent = keys.find((k) => !projection.has(k));
  if (absent)
    throw new OmvarldError(
      "ARGUMENT",
      `the target has the column "${absent}", which the projection lacks`,
      {},
      `align on columns both have: ${projection.columnNames.join(", ")}`,
    );
  const keyOf = (t: Table, i: number) => keys.map((k) => String(t.get(k, i))).join("|");
  const wanted = new Map<string, number | null>();
  for (let i = 0; i < target.numRows; i++) wanted.set(keyOf(target, i), target.get(targetValue, i) as number | null);
  const sums = new Map<string, number | null>();
  for (let i = 0; i < projection.numRows; i++) {
    const key = keyOf(projection, i);
    const v = projection.get(value, i) as number | null;
    const before = sums.has(key) ? sums.get(key)! : 0;
    sums.set(key, before === null || v === null ? null : before + v);
  }
  const aligned = Array.from({ length: projection.numRows }, (_, i) => {
    const v = projection.get(value, i) as number | null;
    const key = keyOf(projection, i);
    if (!wanted.has(key)) return v;
    const goal = wanted.get(key)!;
    const sum = sums.get(key)!;
    if (v === null || goal === null || sum === null) return null;
    if (sum === 0) return goal === 0 ? 0 : null;
    return (v * goal) / sum;
  });
  return projection.withColumn(value, aligned);
}
