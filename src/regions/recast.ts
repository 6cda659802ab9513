import { OmvarldError } from "../errors.ts";
import { NumberColumn, StringColumn } from "../table/column.ts";
import type { Table } from "../table/table.ts";
import type { CodeChange } from "./data/changes.ts";
import { CODE_CHANGES, type Country } from "./registry.ts";

export interface RecastOptions {
  /** The vintage: codes as valid on 1 January of this year. */
  to: number;
  country: Country;
  /**
   * The date a row's year refers to. "year-end" (SCB stocks: 31 December, reported in the division of 1 January the
   * year after) or "start" (SSB: 1 January). Default: "year-end" for SE, "start" for NO.
   */
  reference?: "year-end" | "start";
  /** Shares for split units: `{ "0380": { "0380": 0.9, "0330": 0.1 } }`. Without them a split is an error. */
  weights?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The region column (default "region"). */
  column?: string;
}

interface Target {
  code: string;
  share: number;
}

/** Where one code of one division year lands in the target vintage. */
function mapCode(code: string, division: number, options: RecastOptions, changes: readonly CodeChange[]): Target[] {
  let targets: Target[] = [{ code, share: 1 }];
  const forward = division < options.to;
  const relevant = changes.filter((c) =>
    forward ? division < c.year && c.year <= options.to : options.to < c.year && c.year <= division,
  );
  if (!forward) relevant.reverse();
  for (const change of relevant) {
    const [source, sink] = forward ? [change.from, change.to] : [change.to, change.from];
    targets = targets.flatMap((t) => {
      if (!source.includes(t.code)) return [t];
      if (sink.length === 1) return [{ code: sink[0]!, share: t.share }];
      const weights = options.weights?.[t.code];
      if (!weights) {
        throw new OmvarldError(
          "ARGUMENT",
          `region ${t.code} was ${forward ? "split" : "formed by merging"} in ${change.year} (${change.from.join(", ")} → ${change.to.join(", ")})${change.note ? `: ${change.note}` : ""}`,
          {},
          `recasting it needs weights, e.g. { weights: { "${t.code}": { ${sink.map((s) => `"${s}": …`).join(", ")} } } }`,
        );
      }
      return sink.map((s) => ({ code: s, share: t.share * (weights[s] ?? 0) }));
    });
  }
  return targets;
}

/**
 * Recasts a series onto one code vintage: renumbered codes are renamed, merged units summed, split units divided
 * by the given weights. Measures are summed per target region (a missing part makes the sum missing).
 *
 * @example
 * // Trysil 0428 (2019) and 3421 (2020-) become one series under 3421
 * recast(table, { to: 2020, country: "NO" })
 */
export function recast(table: Table, options: RecastOptions, changes: readonly CodeChange[] = CODE_CHANGES): Table {
  const column = options.column ?? "region";
  const reference = options.reference ?? (options.country === "SE" ? "year-end" : "start");
  const offset = reference === "year-end" ? 1 : 0;
  const relevant = changes.filter((c) => c.country === options.country);
  const regions = table.strings(column);
  const years = table.has("year") ? table.numbers("year").values : undefined;
  const memo = new Map<string, Target[]>();
  const index: number[] = [];
  const shares: number[] = [];
  const codes: string[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const code = regions.get(i);
    if (code === null) continue;
    const year = years ? years[i]! : options.to - offset;
    const key = `${code}|${year}`;
    let targets = memo.get(key);
    if (!targets) memo.set(key, (targets = mapCode(code, year + offset, options, relevant)));
    for (const t of targets) {
      index.push(i);
      shares.push(t.share);
      codes.push(t.code);
    }
  }
  let expanded = table.take(index).withColumn(column, StringColumn.from(codes), "dimension");
  const measures = table.names("measure");
  for (const m of measures) {
    const values = expanded.numbers(m).values.map((v, k) => v * shares[k]!);
    expanded = expanded.withColumn(m, new NumberColumn(values), "measure");
  }
  const keys = expanded.names("dimension").filter((d) => d !== `${column}_name`);
  return expanded.groupBy(keys).sum(measures).withProvenance(table.provenance).withWarnings(...table.warnings);
}
