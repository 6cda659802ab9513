import { OmvarldError } from "../../../src/errors.ts";
import { read } from "../../../src/node.ts";
import type { Table } from "../../../src/table/table.ts";
import type { Base } from "./corpus.ts";
import { type Expectation, MUTATIONS, type Mutation } from "./mutations.ts";
import { caseSeed, rng } from "./prng.ts";

/**
 * What reading a mutated file gave. The first three pass; the others are defects:
 * - `same`: the same values as the original, without a new warning;
 * - `warned`: the same values, with a warning that names the repair;
 * - `error`: a one-line OmvarldError with a position (line, line:column, a JSON path or a byte offset);
 * - `error-unplaced`: an OmvarldError without a position, over several lines, or printing control characters;
 * - `false-error`: an OmvarldError on a file the mutation left complete and readable (`expect: "read"`);
 * - `wrong-error`: an OmvarldError that does not say what the mutation broke (`expect` a pattern it misses);
 * - `silent-different`: other values (or labels) than the original and no new warning;
 * - `warned-different`: other values with a warning (a repair that did not restore the values);
 * - `crash`: anything thrown that is not an OmvarldError.
 */
export type Outcome =
  | "same"
  | "warned"
  | "error"
  | "error-unplaced"
  | "false-error"
  | "wrong-error"
  | "silent-different"
  | "warned-different"
  | "crash";

export const PASSING: ReadonlySet<Outcome> = new Set(["same", "warned", "error"]);

export interface CaseResult {
  index: number;
  mutation: string;
  family: Mutation["family"];
  fixture: string;
  /** The fixture's format as sniffed ("csv", "px", "json-stat2", "eurostat-tsv", ...). */
  format: string;
  outcome: Outcome;
  /** The error or the first new warning, or the first differing row, shortened. */
  detail: string;
}

/** A table's content as a sorted list of rows (every column, the dashes of status columns unified), for comparison. */
export function fingerprint(table: Table): string[] {
  const names = [...table.columnNames].sort();
  const rows = table.toRows().map((row) =>
    JSON.stringify(
      names.map((n) => {
        const v = row[n];
        return (n === "status" || n.endsWith("_status")) && typeof v === "string" ? v.replace(/[–—]/g, "-") : v;
      }),
    ),
  );
  return [JSON.stringify(names), ...rows.sort()];
}

/** The reference of a base: its fingerprint and warnings (null when the base itself does not read). */
export function reference(base: Base): { rows: string[]; warnings: readonly string[] } | null {
  try {
    const t = read(base.bytes, { file: base.name });
    return { rows: fingerprint(t), warnings: t.warnings };
  } catch {
    return null;
  }
}

/** A position in an error: line (and column), a JSON path ("JSON-stat dataset.value: ...") or a byte offset. */
export function hasPosition(error: OmvarldError): boolean {
  return (
    error.line !== undefined ||
    /^(JSON-stat|PxWeb json) [^\s:]+: /.test(error.message) ||
    /\b(byte|offset) \d+/.test(error.message)
  );
}

function shorten(text: string): string {
  const s = JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}...` : text);
  return s.slice(1, -1);
}

/**
 * Runs one case: reads `bytes` and compares with the reference. `expect` is the mutation's: "read" when an error
 * is a defect, or a pattern the message of an error must match.
 */
export function classify(
  bytes: Uint8Array,
  base: Base,
  ref: { rows: string[]; warnings: readonly string[] },
  expect?: Expectation,
): { outcome: Outcome; detail: string } {
  let table: Table;
  try {
    table = read(bytes, { file: base.name });
  } catch (error) {
    if (!(error instanceof OmvarldError))
      return {
        outcome: "crash",
        detail: shorten(
          String((error as Error)?.stack ?? error)
            .split("\n")
            .slice(0, 2)
            .join(" | "),
        ),
      };
    const line = error.toString();
    // eslint-disable-next-line no-control-regex
    const clean = !/[\x00-\x08\x0a-\x1f\x7f]/.test(line) && line.length <= 600;
    if (!clean || !hasPosition(error)) return { outcome: "error-unplaced", detail: shorten(line) };
    if (expect === "read") return { outcome: "false-error", detail: shorten(line) };
    if (expect instanceof RegExp && !expect.test(error.message))
      return { outcome: "wrong-error", detail: shorten(line) };
    return { outcome: "error", detail: shorten(line) };
  }
  const fresh = table.warnings.filter((w) => !ref.warnings.includes(w));
  const rows = fingerprint(table);
  const equal = rows.length === ref.rows.length && rows.every((r, k) => r === ref.rows[k]);
  if (equal) return { outcome: fresh.length ? "warned" : "same", detail: fresh.length ? shorten(fresh[0]!) : "" };
  const k = rows.findIndex((r, j) => r !== ref.rows[j]);
  const detail = `${rows.length - 1} rows, expected ${ref.rows.length - 1}; first difference: ${rows[k] ?? "(none)"} vs ${ref.rows[k] ?? "(none)"}`;
  return {
    outcome: fresh.length ? "warned-different" : "silent-different",
    detail: shorten((fresh.length ? `${fresh[0]} — ` : "") + detail),
  };
}

/** Every (base, mutation) pair that applies, in a fixed order. */
export function pairs(bases: readonly Base[]): { base: Base; mutation: Mutation }[] {
  return MUTATIONS.flatMap((mutation) => bases.filter((b) => mutation.applies(b)).map((base) => ({ base, mutation })));
}

/**
 * Runs `count` cases with `seed`: case i takes pair i (mod the number of pairs, so that every mutation meets every
 * fixture it applies to before any pair repeats) and mutates it with the PRNG seeded from (seed, i).
 */
export function runFuzz(bases: readonly Base[], seed: number, count: number): CaseResult[] {
  const refs = new Map(bases.map((b) => [b.name, reference(b)]));
  const usable = pairs(bases.filter((b) => refs.get(b.name)));
  // a seeded shuffle, so that a short run still covers every mutation
  const order = usable.map((_, k) => k);
  const shuffle = rng(seed);
  for (let k = order.length - 1; k > 0; k--) {
    const j = shuffle.int(k + 1);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const byMutation = new Map<string, number[]>();
  for (const k of order) {
    const name = usable[k]!.mutation.name;
    byMutation.set(name, [...(byMutation.get(name) ?? []), k]);
  }
  // interleave the mutations: one pair of each in turn
  const queues = [...byMutation.values()];
  const interleaved: number[] = [];
  for (let round = 0; interleaved.length < usable.length; round++) {
    for (const q of queues) if (round < q.length) interleaved.push(q[round]!);
  }
  const results: CaseResult[] = [];
  for (let i = 0; i < count && usable.length; i++) {
    const { base, mutation } = usable[interleaved[i % interleaved.length]!]!;
    const bytes = mutation.mutate(base, rng(caseSeed(seed, i)));
    if (bytes === null) continue;
    const expect = typeof mutation.expect === "function" ? mutation.expect(base) : mutation.expect;
    const { outcome, detail } = classify(bytes, base, refs.get(base.name)!, expect);
    results.push({
      index: i,
      mutation: mutation.name,
      family: mutation.family,
      fixture: base.name,
      format: base.format,
      outcome,
      detail,
    });
  }
  return results;
}

/** Counts per outcome, and per mutation and outcome. */
export function summarise(results: readonly CaseResult[]): {
  outcomes: Record<string, number>;
  byMutation: Record<string, Record<string, number>>;
} {
  const outcomes: Record<string, number> = {};
  const byMutation: Record<string, Record<string, number>> = {};
  for (const r of results) {
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    const m = (byMutation[r.mutation] ??= {});
    m[r.outcome] = (m[r.outcome] ?? 0) + 1;
  }
  return { outcomes, byMutation };
}
